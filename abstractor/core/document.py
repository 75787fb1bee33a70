"""A parsed chart document and the Evidence that points into it."""

from __future__ import annotations

import bisect
from functools import cached_property
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
    # Read from a scanned page by OCR: the engine, its lowest confidence in the quote's characters, the quote's
    # box on the page (fractions of the page's width and height: x0, y0, x1, y1), and whether a character was
    # read below the confidence threshold (the value must be confirmed against the page image).
    ocr: bool = False
    engine: str | None = None
    confidence: float | None = None
    bbox: tuple[float, float, float, float] | None = None
    unsure: bool = False


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


class OcrWord(Frozen):
    """A word read by OCR: its span in the document text, its box on the page (fractions), its lowest
    character confidence, and whether that is below the threshold."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int = Field(ge=1)
    bbox: tuple[float, float, float, float]
    confidence: float
    unsure: bool = False


class OcrPageInfo(Frozen):
    """A page read by OCR as the record lists it: the engine, how the page was turned and straightened, its
    mean character confidence, and the seconds the reading took when it was made (a cached reading keeps them)."""

    number: int = Field(ge=1)
    engine: str
    rotation: int = 0
    skew: float = 0.0
    confidence: float = 1.0
    seconds: float = 0.0


class OcrPage(OcrPageInfo):
    """A page read by OCR, with a small PNG of the page as read (base64) for showing quotes on the image."""

    image_png: str | None = None


class Document(Frozen):
    """One file of a chart bundle as text, with its pages and tables."""

    source: str
    kind: Literal["note", "pdf", "image"]
    sha256: str
    text: str
    pages: tuple[Page, ...] = ()
    tables: tuple[Table, ...] = ()
    encoding: str | None = None
    ocr_pages: tuple[OcrPage, ...] = ()
    ocr_words: tuple[OcrWord, ...] = ()  # in text order

    @cached_property
    def ocr_word_ends(self) -> list[int]:
        """The end offsets of the OCR words, for finding a span's words by bisection."""
        return [w.end for w in self.ocr_words]

    def ocr_page(self, number: int | None) -> OcrPage | None:
        """The OCR reading of page `number`, if the page was read by OCR."""
        return next((p for p in self.ocr_pages if p.number == number), None)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None for a text note."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self.pages[index].number

    def evidence(
        self,
        start: int,
        end: int,
        method: Provenance = "rules",
        alignment: Alignment = "exact",
        *,
        value: tuple[int, int] | None = None,
    ) -> Evidence:
        """Evidence for text[start:end], trimmed of surrounding white space. For a span read by OCR, how sure
        the engine was is judged on `value` (the span of the number the quote states) when given, else on the
        whole quote."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        page = self.page_at(start)
        return Evidence(
            source=self.source,
            page=page,
            start=start,
            end=end,
            quote=self.text[start:end],
            method=method,
            alignment=alignment,
            **self._ocr_of(start, end, page, value),
        )

    def _ocr_words_in(self, start: int, end: int, page: int | None) -> list[OcrWord]:
        first = bisect.bisect_right(self.ocr_word_ends, start)
        words = []
        for word in self.ocr_words[first:]:
            if word.start >= end:
                break
            if word.end > start and word.page == page:
                words.append(word)
        return words

    def _ocr_of(self, start: int, end: int, page: int | None, value: tuple[int, int] | None) -> dict:
        """What OCR says of a span: its engine, its box, and the lowest confidence (of the value's words when
        given); nothing for a span of a text layer."""
        if not self.ocr_words:
            return {}
        words = self._ocr_words_in(start, end, page)
        if not words:
            return {}
        judged = (self._ocr_words_in(value[0], value[1], page) if value else []) or words
        reading = self.ocr_page(page)
        return {
            "ocr": True,
            "engine": reading.engine if reading else None,
            "confidence": round(min(w.confidence for w in judged), 3),
            "bbox": (
                min(w.bbox[0] for w in words),
                min(w.bbox[1] for w in words),
                max(w.bbox[2] for w in words),
                max(w.bbox[3] for w in words),
            ),
            "unsure": any(w.unsure for w in judged),
        }
