"""DXA and other PDF reports: page text with page boundaries, and tables read by their headers.

Pages with a text layer are read through PDFium and laid out by pdfplumber's text and table code
(`pdfium_page`); pdfplumber itself reads the pages PDFium cannot describe in its terms. A page without a
text layer (a scan or a fax) is rendered and read by OCR when a `PageReader` is given; its reading becomes
the page's text like any other, with OCR words that remember their boxes and confidences. Scanned image
files (.tif, .png, .jpg) are read the same way.
"""

from __future__ import annotations

import base64
import io
import logging
import re
import threading
import zlib
from dataclasses import dataclass, field

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from abstractor.core.document import OcrPage, OcrWord, Page, Table, TableCell, TableRow
from abstractor.core.errors import DocumentError, OperatorError
from abstractor.ingest.ocr import INSTALL_HINT, PageReader, PageReading, page_png, turned
from abstractor.ingest.pdfium_page import PageContent, read_page

# PDFium must never be called from two threads at once, even on different documents (pypdfium2's docs): a
# process reviewing bundles on threads (the web app) holds this lock around every PDFium call here.
PDFIUM_LOCK = threading.RLock()

# Pages are joined by a form feed so that no quote can run across a page boundary unnoticed.
PAGE_SEPARATOR = "\n\f\n"


# A page with less text than this, and an image on it, is a scan: its text layer (if any) is not its content.
MIN_PAGE_TEXT = 20
# Pages are rendered for OCR at this many pixels per PDF point (144 dpi).
RENDER_SCALE = 2.0
# Characters of a number (a T-score, a date, a dose): read below the threshold, they make a word unsure.
NUMBER_CHARS = frozenset("0123456789-+.,/%")
NUMBER = re.compile(r"[-+]?\s?\d+(?:[.,]\d+)?\s?%?")
# Bounds on the work one PDF may cause. Pages past MAX_PDF_PAGES are not read (a note says so); a PDF whose
# compressed streams (other than images, which text extraction never inflates) inflate past
# MAX_PDF_INFLATED_BYTES is skipped before it is parsed, since its parse would hold them all in memory.
MAX_PDF_PAGES = 300
MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024
STREAM = re.compile(rb"(?<!end)stream\r?\n")
IMAGE_DICT = re.compile(rb"/Subtype\s*/Image\b")
ASCII85 = re.compile(rb"/ASCII85Decode|/A85\b")
INFLATE_CHUNK = 64 * 1024


@dataclass
class PdfReading:
    """A PDF (or a scanned image) read into text, pages and tables, with what OCR read and what it could not."""

    text: str
    pages: tuple[Page, ...]
    tables: tuple[Table, ...]
    ocr_pages: tuple[OcrPage, ...] = ()
    ocr_words: tuple[OcrWord, ...] = ()
    notes: list[str] = field(default_factory=list)


def read_pdf(source: str, data: bytes, ocr: PageReader | None = None) -> PdfReading:
    """Parse a PDF into text, pages and tables, or raise DocumentError naming the file and the reason.

    Pages without a usable text layer are read by `ocr`; without it they stay empty, with a note (a PDF of
    scans only is skipped, saying how to turn OCR on).
    """
    if not data.startswith(b"%PDF"):
        raise DocumentError(source, "not a PDF (the file does not start with %PDF)")
    if _inflated_bytes(data, MAX_PDF_INFLATED_BYTES) > MAX_PDF_INFLATED_BYTES:
        limit = MAX_PDF_INFLATED_BYTES // (1024 * 1024)
        raise DocumentError(source, f"the PDF's compressed streams inflate to more than {limit} MiB (the limit)")
    quiet_pdfminer()
    notes: list[str] = []
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(source, _pdfium_reason(exc)) from None
    try:
        page_texts, raw_tables, scanned = _read_pages(source, data, document, notes)
        return _read_scans(source, document, page_texts, raw_tables, scanned, notes, ocr)
    finally:
        with PDFIUM_LOCK:
            document.close()


def _read_pages(source: str, data: bytes, document: pdfium.PdfDocument, notes: list[str]):
    """Each page's text and raw tables, and whether it is a scan. PDFium reads a page when it can describe it
    as pdfplumber would (`pdfium_page`); pdfplumber, opened only then, reads the others."""
    page_texts: list[str] = []
    raw_tables: list[list] = []
    scanned: list[bool] = []
    with PDFIUM_LOCK:
        count = len(document)
    if count > MAX_PDF_PAGES:
        notes.append(f"only the first {MAX_PDF_PAGES} of {count} pages were read (the limit)")
    with _Plumber(source, data) as plumber:
        for index in range(min(count, MAX_PDF_PAGES)):
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    content = read_page(page)
                except Exception:  # whatever PDFium could not describe, pdfplumber reads
                    content = None
                finally:
                    page.close()  # release the page's objects as soon as it is read
            if content is None:
                content = plumber.read(index)
            is_scan = len(content.text.strip()) < MIN_PAGE_TEXT and content.has_images
            scanned.append(is_scan or not content.text.strip())
            page_texts.append("" if is_scan else content.text)
            raw_tables.append([] if is_scan else content.tables)
    return page_texts, raw_tables, scanned


class _Plumber:
    """pdfplumber over the same PDF, opened on the first page PDFium leaves to it; its errors name the file."""

    def __init__(self, source: str, data: bytes) -> None:
        self.source, self.data, self.pdf = source, data, None

    def __enter__(self) -> _Plumber:
        return self

    def __exit__(self, *exc) -> None:
        if self.pdf is not None:
            self.pdf.close()

    def read(self, index: int) -> PageContent:
        try:
            if self.pdf is None:
                self.pdf = pdfplumber.open(io.BytesIO(self.data))
            page = self.pdf.pages[index]
            text = page.extract_text() or ""
            content = PageContent(text, [t.extract() for t in page.find_tables()], bool(page.images))
            page.close()
            return content
        except (PdfminerException, PDFPasswordIncorrect, PDFEncryptionError) as exc:
            raise DocumentError(self.source, _reason(exc)) from None
        except Exception as exc:  # pdfminer raises many kinds on damaged files
            raise DocumentError(self.source, f"corrupt or truncated PDF ({type(exc).__name__})") from None


def _read_scans(
    source: str,
    document: pdfium.PdfDocument,
    page_texts: list[str],
    raw_tables: list,
    scanned: list[bool],
    notes: list[str],
    ocr: PageReader | None,
) -> PdfReading:
    """Read the scanned pages by OCR (or say why not) and assemble the reading."""
    if not page_texts:
        raise DocumentError(source, "the PDF has no pages")
    readings: dict[int, PageReading] = {}
    images: dict[int, bytes] = {}
    to_read = [i for i, is_scan in enumerate(scanned) if is_scan]
    if to_read and ocr is None:
        if len(to_read) == len(page_texts):
            raise DocumentError(source, f"image-only PDF with no text layer; to read it, turn OCR on ({INSTALL_HINT})")
        notes.append(f"page(s) {', '.join(str(i + 1) for i in to_read)} are scans and were not read ({INSTALL_HINT})")
    elif to_read:
        try:
            for n, (i, image) in enumerate(_rendered(document, to_read), start=1):
                readings[i] = ocr.read(image, n, len(to_read))
                images[i] = page_png(turned(image, readings[i].rotation, readings[i].skew))
                page_texts[i] = readings[i].text
                del image
        except OperatorError as exc:
            raise DocumentError(source, f"scanned pages could not be read: {exc}") from None
        if not any(t.strip() for t in page_texts):
            raise DocumentError(source, "image-only PDF: OCR read no text on it")
        blank = [str(i + 1) for i in to_read if not page_texts[i].strip()]
        if blank:
            notes.append(f"OCR read no text on scanned page(s) {', '.join(blank)}")
    return _assemble(page_texts, raw_tables, readings, images, notes, ocr)


def quiet_pdfminer() -> None:
    """Keep pdfminer's log records (whose messages can quote PDF content, that is chart text) off stderr and out
    of every log: its logger hierarchy alone gets a NullHandler and stops propagating. The root logger and
    other libraries' logging are untouched. Called on reading, not at import; calling it again does nothing."""
    logger = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False
    logger.setLevel(logging.CRITICAL + 1)


def _inflated_bytes(data: bytes, limit: int) -> int:
    """Bytes the PDF's Flate streams (plain or inside ASCII85) inflate to, images left out, counted without
    keeping them and stopping once past `limit`. Other streams (DCT, encrypted) count as what zlib took of them."""
    total = 0
    for match in STREAM.finditer(data):
        window = max(0, match.start() - INFLATE_CHUNK)  # the stream's dictionary, looked for nearby only
        head = data[max(window, data.rfind(b"obj", window, match.start())) : match.start()]
        if IMAGE_DICT.search(head):
            continue
        body, pos = data, match.end()
        if ASCII85.search(head):
            end = data.find(b"~>", pos)
            try:
                body, pos = base64.a85decode(data[pos : end if end >= 0 else len(data)], ignorechars=b" \t\r\n\f\0"), 0
            except ValueError:
                continue
        total += _inflated(body, pos, limit - total)
        if total > limit:
            break
    return total


def _inflated(body: bytes, pos: int, room: int) -> int:
    """Bytes the zlib stream at `pos` inflates to, counted up to just past `room`."""
    inflater, count = zlib.decompressobj(), 0
    pending = body[pos : pos + INFLATE_CHUNK]
    try:
        while pending and not inflater.eof and count <= room:
            count += len(inflater.decompress(pending, INFLATE_CHUNK))
            pending = inflater.unconsumed_tail
            if not pending:
                pos += INFLATE_CHUNK
                pending = body[pos : pos + INFLATE_CHUNK]
    except zlib.error:
        pass
    return count


def read_image(source: str, data: bytes, ocr: PageReader | None) -> PdfReading:
    """A scanned image file (TIFF pages, PNG, JPEG) read by OCR, one page per frame."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if ocr is None:
        raise DocumentError(source, f"a scanned image; to read it, turn OCR on ({INSTALL_HINT})")
    try:
        with Image.open(io.BytesIO(data)) as picture:
            frames = [frame.convert("L") for frame in ImageSequence.Iterator(picture)]
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise DocumentError(source, f"not a readable image ({type(exc).__name__})") from None
    readings, images, texts = {}, {}, []
    try:
        for i, frame in enumerate(frames):
            readings[i] = ocr.read(frame, i + 1, len(frames))
            images[i] = page_png(turned(frame, readings[i].rotation, readings[i].skew))
            texts.append(readings[i].text)
    except OperatorError as exc:
        raise DocumentError(source, f"the image could not be read: {exc}") from None
    if not any(t.strip() for t in texts):
        raise DocumentError(source, "a scanned image: OCR read no text on it")
    return _assemble(texts, [[] for _ in texts], readings, images, [], ocr)


def _rendered(document: pdfium.PdfDocument, indexes: list[int]):
    """The PDF's pages at `indexes` as grayscale images for OCR, one at a time."""
    for index in indexes:
        with PDFIUM_LOCK:
            page = document[index]
            bitmap = page.render(scale=RENDER_SCALE, grayscale=True)
            image = bitmap.to_pil().convert("L")  # a copy: the bitmap is closed before OCR reads it
            bitmap.close()
            page.close()
        yield index, image


def _assemble(
    page_texts: list[str],
    raw_tables: list,
    readings: dict[int, PageReading],
    images: dict[int, bytes],
    notes: list[str],
    ocr: PageReader | None,
) -> PdfReading:
    pages, parts, offset = [], [], 0
    ocr_pages, ocr_words = [], []
    for number, page_text in enumerate(page_texts, start=1):
        if parts:
            parts.append(PAGE_SEPARATOR)
            offset += len(PAGE_SEPARATOR)
        pages.append(Page(number=number, start=offset, end=offset + len(page_text)))
        reading = readings.get(number - 1)
        if reading is not None:
            threshold = ocr.min_confidence if ocr is not None else 0.0
            ocr_words += _words(reading, number, offset, threshold)
            confidences = [c for c in reading.confidences if c is not None]
            ocr_pages.append(
                OcrPage(
                    number=number,
                    engine=reading.engine,
                    rotation=reading.rotation,
                    skew=reading.skew,
                    seconds=reading.seconds,
                    confidence=round(sum(confidences) / len(confidences), 3) if confidences else 0.0,
                    image_png=base64.b64encode(images[number - 1]).decode("ascii") if number - 1 in images else None,
                )
            )
        parts.append(page_text)
        offset += len(page_text)
    text = "".join(parts)
    tables = [
        table
        for page, page_tables in zip(pages, raw_tables, strict=True)
        for raw in page_tables
        if (table := _table(text, page, raw)) is not None
    ]
    for index, reading in sorted(readings.items()):
        tables += _ocr_tables(pages[index], reading)
    return PdfReading(text, tuple(pages), tuple(tables), tuple(ocr_pages), tuple(ocr_words), notes)


def _words(reading: PageReading, page: int, offset: int, threshold: float) -> list[OcrWord]:
    """The reading's words (runs without white space) as OCR words of the document, with boxes as fractions
    of the page; a word is unsure when a character of a number in it (digits, sign, decimal point), or its
    letters on average, were read below the threshold (punctuation around a word does not count)."""
    words, start = [], None
    text = reading.text + " "
    for i, char in enumerate(text):
        if not char.isspace() and start is None:
            start = i
        elif char.isspace() and start is not None:
            boxes = [b for b in reading.boxes[start:i] if b is not None]
            confidences = [c for c in reading.confidences[start:i] if c is not None]
            if boxes and confidences:
                pairs = list(zip(text[start:i], reading.confidences[start:i], strict=True))
                letters = [c for ch, c in pairs if ch.isalpha() and c is not None]
                is_number = any(ch.isdigit() for ch, _ in pairs)
                numbers = [c for ch, c in pairs if ch in NUMBER_CHARS and c is not None] if is_number else []
                mean = sum(letters) / len(letters) if letters else 1.0
                words.append(
                    OcrWord(
                        start=offset + start,
                        end=offset + i,
                        page=page,
                        bbox=(
                            round(min(b[0] for b in boxes) / reading.width, 4),
                            round(min(b[1] for b in boxes) / reading.height, 4),
                            round(max(b[2] for b in boxes) / reading.width, 4),
                            round(max(b[3] for b in boxes) / reading.height, 4),
                        ),
                        confidence=round(min(numbers + letters or confidences), 3),
                        unsure=mean < threshold or any(c < threshold for c in numbers),
                    )
                )
            start = None
    return words


def _ocr_tables(page: Page, reading: PageReading) -> list[Table]:
    """Tables in an OCR reading: a header line of three or more fragments none of which is a number, followed
    by lines of three or more fragments one of which is; each body fragment falls in the header column it
    stands under (fragments falling in one column are read as one cell)."""
    text = reading.text

    def numeric(row) -> bool:  # a fragment that is a number: a measurement, not a header's "(g/cm2)"
        return any(NUMBER.fullmatch(text[s:e].strip(" *")) for s, e, _, _ in row)

    tables, rows = [], reading.rows
    i = 0
    while i < len(rows):
        header = rows[i]
        body = []
        if len(header) >= 3 and not numeric(header):
            j = i + 1
            while j < len(rows) and len(rows[j]) >= 3 and numeric(rows[j]):
                body.append(rows[j])
                j += 1
        if len(body) < 2:
            i += 1
            continue
        located = []
        for line in body:
            spans: list[list[tuple[int, int]]] = [[] for _ in header]
            for s, e, x0, x1 in line:
                spans[_column_of(header, x0, x1)].append((s, e))
            cells = tuple(
                TableCell(text=text[c[0][0] : c[-1][1]], start=page.start + c[0][0], end=page.start + c[-1][1])
                if c
                else TableCell(text="")
                for c in spans
            )
            located.append(TableRow(cells=cells, start=page.start + line[0][0], end=page.start + line[-1][1]))
        names = tuple(text[s:e] for s, e, _, _ in header)
        tables.append(Table(page=page.number, header=names, rows=tuple(located)))
        i += 1 + len(body)
    return tables


def _column_of(header, x0: float, x1: float) -> int:
    """The header column a fragment stands under: the one it overlaps most, else the nearest by centre."""
    overlaps = [min(x1, hx1) - max(x0, hx0) for _, _, hx0, hx1 in header]
    best = max(range(len(header)), key=lambda c: overlaps[c])
    if overlaps[best] > 0:
        return best
    middle = (x0 + x1) / 2
    return min(range(len(header)), key=lambda c: abs((header[c][2] + header[c][3]) / 2 - middle))


def _pdfium_reason(exc: pdfium.PdfiumError) -> str:
    if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return "password-protected PDF (send it without a password)"
    return "corrupt or truncated PDF (PDFium could not open it)"


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
