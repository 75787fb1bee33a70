"""The HTML rendering of a review: cited quotes highlighted in their source, everything escaped."""

from __future__ import annotations

import itertools
import re

import pytest
from conftest import SAMPLES

from abstractor.core.document import Document
from abstractor.report.citations import Reference
from abstractor.report.html import render_html, segments


def test_segments_cover_the_text_and_mark_overlapping_citations():
    doc = Document(source="n.txt", kind="note", sha256="0", text="abcdefghij")
    refs = [
        Reference(1, "chart", "n.txt", None, "bcd", start=1, end=4),
        Reference(2, "chart", "n.txt", None, "cdef", start=2, end=6),
        Reference(3, "policy", "p", None, "clause", clause="4"),
    ]
    parts = segments(doc, refs)
    assert "".join(p.text for p in parts) == doc.text
    assert [(p.text, p.refs) for p in parts] == [("a", ()), ("b", (1,)), ("cd", (1, 2)), ("ef", (2,)), ("ghij", ())]


@pytest.mark.parametrize("name", [p.name for p in SAMPLES[:5]])
def test_every_cited_quote_is_highlighted_and_linked(reviews, name):
    review = reviews[name]
    html = render_html(review.record, review.documents, review.references)
    chart_refs = [r for r in review.references if r.kind == "chart"]
    assert chart_refs
    highlighted = {
        int(n) for title in re.findall(r'<mark id="ref-\d+" title="([^"]*)"', html) for n in re.findall(r"\d+", title)
    }
    for r in chart_refs:
        assert f'href="#ref-{r.number}"' in html
        assert r.number in highlighted, f"reference {r.number} is not highlighted in {r.source}"
    assert "<script" not in html and "http://" not in html


def test_chart_text_and_quotes_are_escaped(reviews):
    review = reviews[SAMPLES[0].name]
    doc = Document(source="n.txt", kind="note", sha256="0", text="<b>T-score</b> -2.7 & <script>x</script>")
    refs = (Reference(1, "chart", "n.txt", None, "<b>T-score</b>", start=0, end=14),)
    html = render_html(review.record, (doc,), refs)
    assert "&lt;b&gt;T-score&lt;/b&gt;" in html and "&lt;script&gt;" in html and "<script>" not in html
    assert '<mark id="ref-1" title="[1]">&lt;b&gt;T-score&lt;/b&gt;</mark>' in html


# --- identifiers masked in the HTML export ---------------------------------------------------------------

PLANTED = {"Quigley": "[NAME]", "07/22/1949": "[DATE OF BIRTH]", "55510432": "[ID]"}


@pytest.fixture(scope="module")
def planted_review(tmp_path_factory):
    """The alendronate-failure chart with a synthetic patient's name, date of birth and MRN planted in its note,
    the name also inside a sentence the review cites."""
    import shutil

    from abstractor.pipeline import Reviewer

    bundle = tmp_path_factory.mktemp("planted") / "planted-identifiers"
    shutil.copytree(next(p for p in SAMPLES if p.name == "pmo-alendronate-failure"), bundle)
    note = bundle / "endo_followup_2025-11-03.txt"
    text = note.read_text()
    text = text.replace(
        "Patient: Margaret Example    DOB: 03/14/1957    MRN: 00418873",
        "Patient: Eleanor Quigley    DOB: 07/22/1949    MRN: 55510432",
    )
    text = text.replace(
        "68-year-old woman with postmenopausal", "Mrs. Quigley is a 68-year-old woman with postmenopausal"
    )
    note.write_text(text)
    return Reviewer().review_path(bundle)


def test_identifiers_show_by_default_and_are_masked_on_request(planted_review):
    review = planted_review
    plain = render_html(review.record, review.documents, review.references, review.decision)
    masked = render_html(review.record, review.documents, review.references, review.decision, mask_identifiers=True)
    for value, tag in PLANTED.items():
        assert value in plain, f"{value} should show unmasked by default"
        assert value not in masked, f"{value} leaked into the masked page"
        assert tag in masked


def test_masked_highlights_stay_on_their_quotes(planted_review):
    from abstractor.core.identifiers import identifier_spans, mask_piece

    review = planted_review
    refs = list(review.references)
    masked = render_html(review.record, review.documents, review.references, review.decision, mask_identifiers=True)
    for doc in review.documents:
        plain_parts = segments(doc, refs)
        masked_parts = segments(doc, refs, mask_identifiers=True)
        assert [p.refs for p in plain_parts] == [p.refs for p in masked_parts], "the cuts moved"
        whole = mask_piece(doc.text, 0, len(doc.text), identifier_spans(doc.text))
        assert "".join(m.text for m in masked_parts) == whole, "the pieces read as the text masked once"
    cited = [r for r in refs if r.kind == "chart"]
    postmenopausal = [r for r in cited if "Quigley" in r.text]
    assert postmenopausal, "the fixture cites a sentence holding the planted name"
    highlighted = {
        int(n) for title in re.findall(r'<mark id="ref-\d+" title="([^"]*)"', masked) for n in re.findall(r"\d+", title)
    }
    assert {r.number for r in cited} <= highlighted


@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        ("Patient: Eleanor Quigley\nDOB: 07/22/1949\nMRN: 55510432\nT-score -2.9", [0, 60]),
        ("Patient: Eleanor Quigley\nDOB: 07/22/1949\nMRN: 55510432\nT-score -2.9", [0, 12, 30, 45, 60]),  # cuts inside
        ("Mrs. Quigley is 68.", [0, 3, 7, 9, 19]),
        ("No identifiers in this sentence.", [0, 10, 32]),
    ],
)
def test_masking_piece_by_piece_reads_as_masking_the_whole(text, cuts):
    from abstractor.core.identifiers import identifier_spans, mask_piece

    spans = identifier_spans(text)
    cuts = sorted({*cuts, len(text)})
    pieces = [mask_piece(text, a, b, spans) for a, b in itertools.pairwise(cuts)]
    whole = mask_piece(text, 0, len(text), spans)
    assert "".join(pieces) == whole
    assert "Quigley" not in whole and "07/22/1949" not in whole and "55510432" not in whole
