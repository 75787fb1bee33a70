"""The review page's content from the stored review: the verdict, skipped files, gaps, flags by severity, the
criteria tree, the summary with numbered citations, the facts with their provenance, and each document cut
at its cited spans and its pages (the report's own `segments` and `scans`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markupsafe import Markup

from abstractor.core.document import Document
from abstractor.core.record import ReviewRecord
from abstractor.core.vocabulary import OUTCOME_LABELS, PROVENANCES, STATUS_LABELS
from abstractor.report.citations import Reference
from abstractor.report.html import Scan, Segment, scans, segments

SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}
SEVERITY_LABELS = {"critical": "Critical", "warning": "Warning", "info": "Note"}
# How each answer came to be: the vocabulary's provenances (rules, llm) in its order, then what the page adds.
PROVENANCE_LABELS = dict(zip(PROVENANCES, ("read by the rules", "LLM answer, quote verified"), strict=True)) | {
    "ocr": "read by OCR",
    "reviewer": "set by a reviewer",
}


@dataclass(frozen=True)
class PagePart:
    """A run of a document's text on one page (None for a note), cut at the cited spans."""

    page: int | None
    parts: list[Segment]


@dataclass(frozen=True)
class DocumentView:
    """One document as the review page shows it."""

    number: int
    source: str
    kind: str
    pages: list[PagePart]
    scans: list[Scan]
    refs: tuple[int, ...]


@dataclass(frozen=True)
class FactView:
    """A fact the chart states, in words, with how its value came to be."""

    name: str
    label: str
    value: str
    provenance: str


def _by_page(doc: Document, parts: list[Segment]) -> list[PagePart]:
    """The segments cut again where each page starts, grouped by page."""
    if not doc.pages:
        return [PagePart(None, parts)]
    starts = [p.start for p in doc.pages]
    out = [PagePart(p.number, []) for p in doc.pages]
    offset = 0
    for seg in parts:
        pos, end = offset, offset + len(seg.text)
        while pos < end:
            i = max(bisect.bisect_right(starts, pos) - 1, 0)
            stop = min(end, starts[i + 1]) if i + 1 < len(starts) and starts[i + 1] > pos else end
            out[i].parts.append(Segment(doc.text[pos:stop], seg.refs))
            pos = stop
        offset = end
    return [p for p in out if p.parts]


def documents_view(documents: list[Document], references: list[Reference]) -> list[DocumentView]:
    """Each document cut at its cited spans and pages, with its scanned pages and the references it holds."""
    views = []
    for n, doc in enumerate(documents, 1):
        refs = tuple(r.number for r in references if r.kind == "chart" and r.source == doc.source)
        pages = _by_page(doc, segments(doc, references))
        views.append(DocumentView(n, doc.source, doc.kind, pages, scans(doc, references), refs))
    return views


def summary_html(markdown: str) -> Markup:
    """The summary without its reference list (the page lists references itself), citations linked."""
    body, _, _ = markdown.partition("## References")
    html = MarkdownIt("commonmark", {"html": False}).render(body)
    return Markup(re.sub(r"\[(\d+)\]", r'<a class="cite" data-ref="\1" href="#ref-\1">[\1]</a>', html))


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        inner = {k: v for k, v in value.items() if k != "evidence" and v not in (None, [], "")}
        return ", ".join(f"{k.replace('_', ' ')} {_shown(v)}" for k, v in inner.items())
    return str(value).replace("_", " ")


def facts_view(record: ReviewRecord, labels: dict[str, str], overridden: set[str]) -> list[FactView]:
    """The facts the chart states (not the empty ones), in words, each with its provenance."""
    out = []
    data = record.facts.model_dump(mode="json")
    for name, value in data.items():
        if value in (None, [], {}) or name in {"conflicts", "unconfirmed", "decided_by"}:
            continue
        evidence = record.fact_evidence.get(name, [])
        if name in overridden:
            how = "reviewer"
        elif any(e.method == "llm" for e in evidence):
            how = "llm"
        elif any(e.ocr for e in evidence):
            how = "ocr"
        else:
            how = "rules"
        out.append(FactView(name, fact_label(name, labels), _shown(value), PROVENANCE_LABELS[how]))
    return out


def fact_label(name: str, labels: dict[str, str]) -> str:
    """How the page names a fact (or a field of the request)."""
    if name.startswith("request."):
        return "request: " + name.removeprefix("request.").replace("_", " ")
    return labels.get(name, name.replace("_", " "))


def verdict(outcome: str | None) -> str:
    """An outcome in words."""
    return OUTCOME_LABELS.get(outcome, "Not decided") if outcome else "Not decided"


def page_context(current: dict, machine: dict, documents: list[Document], overrides: list) -> dict:
    """Everything the review template shows of a finished review."""
    record = ReviewRecord.model_validate(current["record"])
    machine_outcome = machine["record"]["determination"]["outcome"]
    references = [
        Reference(**{**r, "bbox": tuple(r["bbox"]) if r.get("bbox") else None}) for r in current["references"]
    ]
    flags = sorted(record.flags, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return {
        "record": record,
        "outcome_label": verdict(record.determination.outcome),
        "machine_label": verdict(machine_outcome),
        "changed": machine_outcome != record.determination.outcome,
        "summary": summary_html(record.determination.summary_markdown),
        "references": references,
        "tree": current["tree"],
        "flags": flags,
        "severity_labels": SEVERITY_LABELS,
        "facts": facts_view(record, current.get("fact_labels", {}), {o.name for o in overrides if o.target == "fact"}),
        "documents": documents_view(documents, references),
        "status_labels": STATUS_LABELS,
        "criteria": record.criteria,
        "overridden_clauses": {o.name for o in overrides if o.target == "criterion"},
        "fact_names": [
            *sorted(record.facts.model_dump().keys() - {"conflicts", "unconfirmed", "decided_by"}),
            *(f"request.{name}" for name in record.request.model_dump()),
        ],
        "fact_label": lambda name: fact_label(name, current.get("fact_labels", {})),
        "has_letter": bool(current["records_request"]) and record.determination.outcome == "insufficient_documentation",
        "has_denial": bool(current.get("denial_letter")) and record.determination.outcome == "does_not_meet_criteria",
    }
