"""Long notes: the NLP stage is linear (same answers as medspaCy's quadratic steps) and reads a note in pieces."""

from __future__ import annotations

import itertools

import pytest
from conftest import SAMPLES, note
from medspacy.common.util import get_token_for_char
from medspacy.context import ConText

from abstractor.core.errors import InternalError
from abstractor.ingest.bundle import load_bundle
from abstractor.nlp import context as linear_context
from abstractor.nlp import pieces
from abstractor.nlp.bone import t_scores
from abstractor.nlp.mentions import analyze
from abstractor.nlp.pipeline import (
    _ABBREVIATIONS,
    SPAN_GROUP,
    _context_rules,
    _wraps,
    build_pipeline,
    clinical_sentences,
    get_pipeline,
    token_for_char,
)
from abstractor.nlp.request import _MentionKeys

TEXTS = [d.text for p in SAMPLES for d in load_bundle(p).documents if d.text]


def _token_by_token_sentences(doc):
    """The sentence splitter as first written: Token.is_sent_start set one token at a time (quadratic)."""
    text = doc.text
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        start = False
        if (prev.is_space and "\n" in prev.text) or "\f" in prev.text:
            start = "\n\n" in prev.text or "\f" in prev.text or not _wraps(text, prev.idx, token)
        elif "\n" in prev.whitespace_:
            start = not _wraps(text, prev.idx + len(prev.text), token)
        elif prev.text in {".", "?", "!"} and prev.whitespace_:
            before = doc[i - 2].text.lower() if i >= 2 else ""
            start = (token.is_title or token.is_upper or token.like_num or token.text[:1] in "-•*#") and (
                before not in _ABBREVIATIONS
            )
        token.is_sent_start = start
    return doc


def test_sentence_starts_are_those_set_token_by_token():
    nlp, _ = get_pipeline()
    for text in [*TEXTS, "", "One.", "Pt. Smith\n\nNo fracture."]:
        ours = clinical_sentences(nlp.make_doc(text))
        reference = _token_by_token_sentences(nlp.make_doc(text))
        assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in reference]


def test_char_to_token_resolution_is_medspacys():
    nlp, _ = get_pipeline()
    checked = 0
    for text in TEXTS[:12]:
        doc = nlp.make_doc(text)
        starts = [t.idx for t in doc]
        offsets = {0, len(text), *starts, *(s + 1 for s in starts), *(s - 1 for s in starts), *range(0, len(text), 7)}
        for char, resolve in itertools.product(sorted(o for o in offsets if 0 <= o <= len(text)), ("left", "right")):
            expected = get_token_for_char(doc, char, resolve=resolve)
            found = token_for_char(doc, starts, char, resolve)
            assert (found.i if found is not None else None) == (expected.i if expected is not None else None)
            checked += 1
    assert checked > 10_000


def _graph(doc) -> list:
    graph = doc._.context_graph
    modifiers = [(m.modifier_span, m.scope_span, m.category) for m in graph.modifiers]
    edges = [((t.start, t.end, t.label_), m.modifier_span, m.category) for t, m in graph.edges]
    return [modifiers, edges]


def test_context_is_stock_context():
    nlp, rules = get_pipeline()
    stock = ConText(nlp, rules=None, span_attrs=None, input_span_type="group", span_group_name=SPAN_GROUP)
    stock.add(_context_rules(rules))
    edges = 0
    for text in TEXTS:
        doc = nlp(text)
        ours = _graph(doc)
        for span in doc.spans[SPAN_GROUP]:
            span._.modifiers = ()
        assert ours == _graph(stock(doc))
        edges += len(ours[1])
    assert edges > 100


def test_building_fails_loudly_if_medspacys_context_changed(monkeypatch):
    sources = dict(linear_context._STOCK_SOURCES)
    sources[next(iter(sources))] = "0" * 16
    monkeypatch.setattr(linear_context, "_STOCK_SOURCES", sources)
    with pytest.raises(InternalError, match=r"ConText\.__call__ changed"):
        build_pipeline(get_pipeline()[1])


@pytest.mark.parametrize(
    ("text", "limit", "cuts"),
    [
        ("short", 100, [(0, 5)]),
        ("aaaa\n\nbbbb\n\ncccc", 12, [(0, 12), (12, 16)]),
        ("aaaa\nbbbb\n\ncccc", 8, [(0, 5), (5, 11), (11, 15)]),
        ("aa bb cc", 4, [(0, 3), (3, 6), (6, 8)]),
        ("abcdefghij", 4, [(0, 4), (4, 8), (8, 10)]),
    ],
)
def test_pieces_end_at_blank_lines_then_lines_then_spaces(text, limit, cuts):
    assert pieces.pieces(text, limit) == cuts


def _facts(analyzed) -> list:
    return [
        (
            [(s.index, s.start, s.end, s.section) for s in a.sentences],
            [(m.label, m.normal, m.start, m.end, m.sentence, sorted(m.modifiers), m.printed) for m in a.mentions],
        )
        for a in analyzed
    ]


def test_a_note_read_in_pieces_reads_as_a_whole(monkeypatch):
    # Documents cut only at blank lines: a line cut (a paragraph over the limit) may split a wrapped sentence.
    documents = [
        d
        for p in SAMPLES
        for d in load_bundle(p).documents
        if all(d.text[end - 2 : end] == "\n\n" for _, end in pieces.pieces(d.text, 600)[:-1])
    ]
    whole = _facts(analyze(documents))
    monkeypatch.setattr(pieces, "MAX_PIECE_CHARS", 600)
    assert sum(len(pieces.pieces(d.text, 600)) > 1 for d in documents) >= 10
    assert _facts(analyze(documents)) == whole


PARAGRAPHS = [
    "HPI: 68 year old woman with postmenopausal osteoporosis, seen for follow-up. She denies falls since the "
    "last visit. Mother had a hip fracture at age {n}.",
    "Medications: alendronate 70 mg weekly was stopped after {n} months for esophagitis. Calcium and vitamin D daily.",
    "Assessment: osteoporosis with high fracture risk. No history of kidney stones. Creatinine {n}.1 mg/dL.",
]


def long_note(chars: int) -> str:
    """A note of about `chars` characters: realistic paragraphs repeated, numbers varied, blank lines between."""
    out, size = [], 0
    for i in itertools.count():
        paragraph = PARAGRAPHS[i % len(PARAGRAPHS)].format(n=40 + i % 50)
        out.append(paragraph)
        size += len(paragraph) + 2
        if size >= chars:
            return "\n\n".join(out)


def test_a_note_over_spacys_limit_is_read_to_its_end():
    text = long_note(1_200_000) + "\n\nDXA 03/02/2025: lumbar spine T-score -2.9, femoral neck T-score -2.4.\n"
    assert len(text) > 1_000_000
    (analyzed,) = analyze([note(text)])
    _, rules = get_pipeline()
    scores = t_scores([analyzed], rules)
    assert [(t.site, t.value) for t in scores] == [("lumbar_spine", -2.9), ("femoral_neck", -2.4)]
    for score in scores:
        (ev,) = score.evidence
        assert ev.start > 1_200_000 and text[ev.start : ev.end] == ev.quote
        assert "T-score" in ev.quote
    assert analyzed.sentences[-1].end == len(text)


def test_mention_keys_are_equal_exactly_when_mentions_are():
    documents = [d for p in SAMPLES[:3] for d in load_bundle(p).documents]
    copy = documents[0].model_copy()  # an equal Document that is another object
    mentions = [m for a in analyze([*documents, copy]) for m in a.mentions]
    keys = _MentionKeys()
    for a, b in itertools.product(mentions[::3], mentions[::5]):
        assert (keys(a) == keys(b)) == (a == b)


def test_looking_up_mentions_and_sentences_by_offset_equals_scanning_them():
    _, rules = get_pipeline()
    for bundle in SAMPLES[:6]:
        for a in analyze(load_bundle(bundle).documents, rules):
            for s in a.sentences:
                scanned_within = [m for m in a.mentions if m.start >= s.start and m.end <= s.end]
                scanned_overlapping = [m for m in a.mentions if m.start < s.end and m.end > s.start]
                assert sorted(map(id, a.mentions_within(s.start, s.end))) == sorted(map(id, scanned_within))
                assert sorted(map(id, a.mentions_overlapping(s.start, s.end))) == sorted(map(id, scanned_overlapping))
                for offset in (s.start, (s.start + s.end) // 2, s.end - 1):
                    assert a.sentence_at(offset) is next(t for t in a.sentences if t.start <= offset < t.end)
