"""The HTML rendering of a review: cited quotes highlighted in their source, everything escaped."""

from __future__ import annotations

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
