"""PDFium reads a page's text and ruled tables exactly as pdfplumber does, or leaves the page to pdfplumber."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from abstractor.ingest.pdf import read_pdf
from abstractor.ingest.pdfium_page import read_page

ROOT = Path(__file__).resolve().parent.parent


def repo_pdfs() -> list[tuple[str, bytes]]:
    """Every PDF of the sample charts and the gold sets kept in the repository, zips opened."""
    found = []
    for folder in (ROOT / "sample_charts", ROOT / "eval"):
        for file in sorted(folder.rglob("*")):
            if file.suffix.lower() == ".pdf":
                found.append((str(file.relative_to(ROOT)), file.read_bytes()))
            elif file.suffix.lower() == ".zip":
                with zipfile.ZipFile(file) as archive:
                    found += [
                        (f"{file.relative_to(ROOT)}!{n}", archive.read(n))
                        for n in archive.namelist()
                        if n.lower().endswith(".pdf")
                    ]
    return found


def plumber_pages(data: bytes) -> list[tuple[str, list]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(p.extract_text() or "", [t.extract() for t in p.find_tables()]) for p in pdf.pages]


def pdfium_pages(data: bytes) -> list:
    document = pdfium.PdfDocument(data)
    try:
        return [read_page(document[i]) for i in range(len(document))]
    finally:
        document.close()


PDFS = repo_pdfs()


def test_the_repository_holds_pdfs_with_tables():
    assert len(PDFS) >= 20
    assert any(tables for _, data in PDFS for _, tables in plumber_pages(data))


@pytest.mark.parametrize(("name", "data"), PDFS, ids=[name for name, _ in PDFS])
def test_every_page_reads_as_pdfplumber_reads_it(name, data):
    for number, (expected, content) in enumerate(zip(plumber_pages(data), pdfium_pages(data), strict=True), 1):
        if content is not None:
            assert (content.text, content.tables) == expected, f"{name} page {number}"


def canvas_pdf(draw) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


ROWS = [["Region", "BMD", "T-score"], ["L1-L4", "0.812", "-2.6"], ["Femoral neck", "0.601", "-2.8"]]


def ruled_table(c) -> None:
    from reportlab.platypus import Table, TableStyle

    table = Table(ROWS)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    table.wrapOn(c, 400, 200)
    table.drawOn(c, 72, 600)
    c.drawString(72, 720, "DXA report: lumbar spine and hip")


def curve_and_text(c) -> None:
    c.circle(200, 400, 50)
    c.drawString(72, 720, "Femoral neck T-score -2.7")


def rotated_text(c) -> None:
    c.rotate(90)
    c.drawString(100, -100, "Femoral neck T-score -2.7")


def test_a_ruled_table_is_read_by_pdfium_as_pdfplumber_reads_it():
    data = canvas_pdf(ruled_table)
    (content,) = pdfium_pages(data)
    assert content is not None
    assert content.tables == [ROWS]
    assert [(content.text, content.tables)] == plumber_pages(data)


@pytest.mark.parametrize("draw", [curve_and_text, rotated_text], ids=["bezier-curve", "rotated-text"])
def test_a_page_pdfium_cannot_describe_is_left_to_pdfplumber(draw):
    data = canvas_pdf(draw)
    assert pdfium_pages(data) == [None]
    reading = read_pdf("report.pdf", data)
    assert reading.text == plumber_pages(data)[0][0] != ""


def test_pdfs_read_on_many_threads_at_once_read_as_on_one():
    """PDFium is not thread-safe; the web app reviews on threads: concurrent reads must be serialized."""
    from concurrent.futures import ThreadPoolExecutor

    datas = [data for _, data in PDFS[:12]] * 4
    alone = [read_pdf("report.pdf", data).text for data in datas]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda data: read_pdf("report.pdf", data).text, datas))
    assert together == alone
