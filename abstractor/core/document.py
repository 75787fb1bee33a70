"""A parsed chart document and the Evidence that points into it."""

from __future__ import annotations

import bisect
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from abstractor.core.vocabulary import Provenance

Alignment = Literal["exact", "normalised", "fuzzy"]


class Frozen(BaseModel):
    """Base for immutable domain values: unknown fields are rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(Frozen):
    """A verbatim span of one source document: `quote == text[start:end]`."""

    source: str
    page: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    method: Provenance = "rules"
    alignment: Alignment = "exact"


def unique_evidence(evidence) -> list[Evidence]:
    """Evidence without repeats (same source and offsets), in first-seen order."""
    seen, out = set(), []
    for ev in evidence:
        key = (ev.source, ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


class Page(Frozen):
    """One PDF page: its 1-based number and its span in the document text."""

    number: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class TableCell(Frozen):
    """A table cell's text and, where it could be located, its span in the document text."""

    text: str
    start: int | None = None
    end: int | None = None


class TableRow(Frozen):
    """One body row of a table, with the span of the whole row's line where it was located."""

    cells: tuple[TableCell, ...]
    start: int | None = None
    end: int | None = None

    def by_header(self, header: tuple[str, ...]) -> dict[str, TableCell]:
        """The row's cells keyed by their column header."""
        return dict(zip(header, self.cells, strict=False))


class Table(Frozen):
    """A table found on a PDF page, read as a header and body rows."""

    page: int = Field(ge=1)
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


class Document(Frozen):
    """One file of a chart bundle as text, with its pages and tables."""

    source: str
    kind: Literal["note", "pdf"]
    sha256: str
    text: str
    pages: tuple[Page, ...] = ()
    tables: tuple[Table, ...] = ()
    encoding: str | None = None

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for a text note."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self.pages[index].number

    def evidence(self, start: int, end: int, method: Provenance = "rules", alignment: Alignment = "exact") -> Evidence:
        """Evidence for text[start:end], trimmed of surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(
            source=self.source,
            page=self.page_at(start),
            start=start,
            end=end,
            quote=self.text[start:end],
            method=method,
            alignment=alignment,
        )
