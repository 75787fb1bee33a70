"""The review as one HTML page: the summary, then each source document with its cited quotes highlighted."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from abstractor.core.document import Document
from abstractor.core.record import ReviewRecord
from abstractor.report.citations import Reference


@dataclass(frozen=True)
class Segment:
    text: str
    refs: tuple[int, ...]


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


def segments(doc: Document, references: list[Reference]) -> list[Segment]:
    """The document's text cut at every cited span's edges; each piece knows which references cover it."""
    spans = [
        (r.start, r.end, r.number)
        for r in references
        if r.kind == "chart" and r.source == doc.source and r.start is not None and r.end is not None
    ]
    cuts = sorted({0, len(doc.text), *(p for s, e, _ in spans for p in (s, e))})
    out = []
    for a, b in itertools.pairwise(cuts):
        refs = tuple(sorted(n for s, e, n in spans if s <= a and b <= e))
        out.append(Segment(doc.text[a:b], refs))
    return out


def _linked(summary_html: str) -> Markup:
    """Citation marks [n] in the summary link to the reference's highlight."""
    return Markup(re.sub(r"\[(\d+)\]", r'<a class="cite" href="#ref-\1">[\1]</a>', summary_html))


def render_html(record: ReviewRecord, documents: tuple[Document, ...], references: tuple[Reference, ...]) -> str:
    """One self-contained page; the summary's text and the chart's text are escaped."""
    body, _, _ = record.determination.summary_markdown.partition("## References")
    summary = MarkdownIt("commonmark", {"html": False}).render(body)
    refs = list(references)
    return _template().render(
        record=record,
        summary=_linked(summary),
        references=refs,
        documents=[(d, segments(d, refs)) for d in documents],
        escape=escape,
    )
