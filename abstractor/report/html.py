"""The review as one HTML page: the summary, then each source document with its cited quotes highlighted."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from abstractor.core.document import Document
from abstractor.core.identifiers import identifier_spans, mask, mask_piece
from abstractor.core.policy import Decided, Decision
from abstractor.core.record import ReviewRecord
from abstractor.core.vocabulary import OUTCOME_LABELS, STATUS_LABELS
from abstractor.report.citations import Reference


@dataclass(frozen=True)
class Segment:
    """A piece of a document's text and the references that cover it."""

    text: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Scan:
    """A page read by OCR as the page shows it: its image and the boxes of the quotes cited on it (reference
    number, then left, top, width and height in percent of the page)."""

    page: int
    image_png: str
    engine: str
    confidence: float
    boxes: tuple[tuple[int, float, float, float, float], ...]


def scans(doc: Document, references: list[Reference]) -> list[Scan]:
    """The document's pages read by OCR, each with the boxes of the quotes cited on it."""
    out = []
    for reading in doc.ocr_pages:
        if not reading.image_png:
            continue
        boxes = tuple(
            (
                r.number,
                *(round(100 * v, 2) for v in (r.bbox[0], r.bbox[1], r.bbox[2] - r.bbox[0], r.bbox[3] - r.bbox[1])),
            )
            for r in references
            if r.kind == "chart" and r.source == doc.source and r.page == reading.number and r.bbox is not None
        )
        out.append(Scan(reading.number, reading.image_png, reading.engine, reading.confidence, boxes))
    return out


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("abstractor.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("review.html.j2")


def segments(doc: Document, references: list[Reference], *, mask_identifiers: bool = False) -> list[Segment]:
    """The document's text cut at every cited span's edges; each piece knows which references cover it.

    With `mask_identifiers`, identifiers are found in the whole text and masked piece by piece, so the cuts
    (the highlights' offsets) stay where the citations put them."""
    spans = [
        (r.start, r.end, r.number)
        for r in references
        if r.kind == "chart" and r.source == doc.source and r.start is not None and r.end is not None
    ]
    cuts = sorted({0, len(doc.text), *(p for s, e, _ in spans for p in (s, e))})
    identifiers = identifier_spans(doc.text) if mask_identifiers else []
    out = []
    for a, b in itertools.pairwise(cuts):
        refs = tuple(sorted(n for s, e, n in spans if s <= a and b <= e))
        out.append(Segment(mask_piece(doc.text, a, b, identifiers) if identifiers else doc.text[a:b], refs))
    return out


def _linked(summary_html: str) -> Markup:
    """Citation marks [n] in the summary link to the reference's highlight."""
    return Markup(re.sub(r"\[(\d+)\]", r'<a class="cite" href="#ref-\1">[\1]</a>', summary_html))


@dataclass(frozen=True)
class Branch:
    """A clause of the criteria tree as the page shows it: status in words, its quotes' reference numbers,
    whether it lies on a path that decided the outcome (shown open), and its sub-clauses."""

    id: str
    text: str
    status: str  # met, not_met, unknown: the CSS class
    label: str  # the status in words
    refs: tuple[int, ...]
    deciding: bool
    children: tuple[Branch, ...]


GROUPS = (("indications", "Indications"), ("exclusions", "Conditions not covered"), ("documentation", "Documentation"))


def criteria_tree(decision: Decision, references: list[Reference]) -> list[tuple[str, list[Branch]]]:
    """The policy's clauses as the checker decided them, grouped as the policy lists them."""
    numbers = {(r.source, r.start, r.end): r.number for r in references if r.kind == "chart"}
    deciding = {d.id for path in decision.outcome_paths() for d in path}

    def branch(node: Decided) -> Branch:
        refs = tuple(dict.fromkeys(n for ev in node.evidence if (n := numbers.get((ev.source, ev.start, ev.end)))))
        return Branch(
            id=node.id,
            text=node.clause.title_and_text,
            status=node.status.value,
            label=STATUS_LABELS[node.status.value] + (" (reviewer override)" if node.forced else ""),
            refs=refs,
            deciding=node.id in deciding,
            children=tuple(branch(c) for c in (*node.children, *node.requires)),
        )

    groups = [(title, [branch(root) for root in getattr(decision, name)]) for name, title in GROUPS]
    return [(title, branches) for title, branches in groups if branches]


def render_html(
    record: ReviewRecord,
    documents: tuple[Document, ...],
    references: tuple[Reference, ...],
    decision: Decision | None = None,
    mask_identifiers: bool = False,
) -> str:
    """One self-contained page; the summary's text and the chart's text are escaped. With the checker's
    `decision`, the criteria are shown as the policy's tree, the deciding path open.

    With `mask_identifiers`, names, dates of birth, record and member numbers, phones, addresses and e-mails
    (rules/identifiers.yaml) are masked by tags in the summary, the quoted references and every document's
    text (the highlights stay on their quotes), and scanned page images, which cannot be masked, are left
    out."""
    body, _, _ = record.determination.summary_markdown.partition("## References")
    refs = list(references)
    if mask_identifiers:
        body = mask(body)[0]
        refs = [replace(r, text=mask(r.text)[0], bbox=None) if r.kind == "chart" else r for r in refs]
    summary = MarkdownIt("commonmark", {"html": False}).render(body)
    return _template().render(
        record=record,
        summary=_linked(summary),
        references=refs,
        tree=criteria_tree(decision, refs) if decision is not None else [],
        status_labels=STATUS_LABELS,
        outcome_label=OUTCOME_LABELS[record.determination.outcome],
        documents=[
            (d, segments(d, refs, mask_identifiers=mask_identifiers), [] if mask_identifiers else scans(d, refs))
            for d in documents
        ],
        escape=escape,
    )
