"""DXA and other PDF reports: page text with page boundaries, and tables read by their headers."""

from __future__ import annotations

import io
import re

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from abstractor.core.document import Page, Table, TableCell, TableRow
from abstractor.core.errors import DocumentError

# Pages are joined by a form feed so that no quote can run across a page boundary unnoticed.
PAGE_SEPARATOR = "\n\f\n"


def read_pdf(source: str, data: bytes) -> tuple[str, tuple[Page, ...], tuple[Table, ...]]:
    """Parse a PDF into (text, pages, tables), or raise DocumentError naming the file and the reason."""
    if not data.startswith(b"%PDF"):
        raise DocumentError(source, "not a PDF (the file does not start with %PDF)")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page_texts, raw_tables = [], []
            for page in pdf.pages:
                page_texts.append(page.extract_text() or "")
                raw_tables.append([t.extract() for t in page.find_tables()])
    except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise DocumentError(source, _reason(exc)) from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise DocumentError(source, f"corrupt or truncated PDF ({type(exc).__name__})") from None
    if not page_texts:
        raise DocumentError(source, "the PDF has no pages")
    if not any(t.strip() for t in page_texts):
        raise DocumentError(source, "image-only PDF with no text layer (scan it with OCR first)")

    pages, parts, offset = [], [], 0
    for number, page_text in enumerate(page_texts, start=1):
        if parts:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        pages.append(Page(number=number, start=offset, end=offset + len(page_text)))
        parts.append(page_text)
        offset += len(page_text)
    text = "".join(parts)
    tables = tuple(
        table
        for page, page_tables in zip(pages, raw_tables, strict=True)
        for raw in page_tables
        if (table := _table(text, page, raw)) is not None
    )
    return text, tuple(pages), tables


def _reason(exc: Exception) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(inner).lower():
        return "password-protected PDF (send it without a password)"
    return f"corrupt or truncated PDF ({type(inner).__name__})"


def _clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def _table(text: str, page: Page, raw: list[list[str | None]]) -> Table | None:
    """A table whose first row is its header; each body row located in the page text."""
    rows = [[_clean(c) for c in row] for row in raw if any(_clean(c) for c in row)]
    if len(rows) < 2:
        return None
    header, body = tuple(rows[0]), rows[1:]
    located, cursor = [], page.start
    for cells in body:
        row, cursor = _locate_row(text, cells, cursor, page.end)
        located.append(row)
    return Table(page=page.number, header=header, rows=tuple(located))


def _locate_row(text: str, cells: list[str], cursor: int, limit: int) -> tuple[TableRow, int]:
    """Find the row's cells, in order, on one stretch of the page text after `cursor`."""
    parts = [r"\s+".join(map(re.escape, c.split())) for c in cells if c]
    match = None
    # Cells of one row share a line; a wrapped cell spreads the row over several.
    for gap in (r"[ \t]+", r"\s+"):
        if parts and match is None:
            match = re.compile("(" + f"){gap}(".join(parts) + ")").search(text, cursor, limit)
    if match is None:
        return TableRow(cells=tuple(TableCell(text=c) for c in cells)), cursor
    spans = iter(range(1, len(parts) + 1))
    out = []
    for c in cells:
        if c:
            group = next(spans)
            out.append(TableCell(text=c, start=match.start(group), end=match.end(group)))
        else:
            out.append(TableCell(text=c))
    return TableRow(cells=tuple(out), start=match.start(), end=match.end()), match.end()
