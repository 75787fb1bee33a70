"""Scanned and faxed pages: read by OCR, cited with their page box, and trusted only when read surely."""

from __future__ import annotations

import base64
import io
import re
import shutil
import stat
import sys

import numpy as np
import pytest
from scans import DXA_REPORT, faxed, mixed_pdf, page, scan_pdf, tiff

from abstractor.core.settings import OCRSettings, Settings
from abstractor.ingest.ocr import PageReader, _may_part, _space_words
from abstractor.pipeline import Reviewer
from abstractor.report.html import render_html

# Everything indication 4 needs except the T-score, which only the scan holds.
NOTE = """Endocrinology follow-up 03/05/2026
68-year-old postmenopausal woman with osteoporosis.
She took alendronate 70 mg weekly for 3 years with continued bone loss (inadequate response).
Plan: Prolia 60 mg subcutaneously every 6 months, J0897 60 units, date of service 03/20/2026.
"""


def reviewer(tmp_path, **ocr) -> Reviewer:
    settings = Settings.model_construct(ocr=OCRSettings(cache_dir=tmp_path / "ocr-cache", **ocr))
    return Reviewer(settings)


def bundle(tmp_path, files: dict[str, bytes], note: str | None = NOTE):
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    if note is not None:
        (folder / "note.txt").write_text(note)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def sites(record) -> set[tuple[str, float]]:
    return {(t.site, t.value) for t in record.facts.t_scores}


@pytest.fixture(scope="module")
def dxa_scan_review(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dxa")
    folder = bundle(tmp, {"scan0001.pdf": scan_pdf(faxed(page(DXA_REPORT), tilt=0.4))})
    return reviewer(tmp).review_path(folder)


def test_a_scanned_dxa_report_is_read_back(dxa_scan_review):
    record = dxa_scan_review.record
    assert {("lumbar_spine", -2.8), ("femoral_neck", -2.6)} <= sites(record)
    assert any(t.date == "2026-03-02" for t in record.facts.t_scores)
    assert record.facts.sex == "female"
    assert (record.determination.outcome, record.determination.indication) == ("meets_criteria", "4")


def test_ocr_evidence_says_so_and_keeps_its_place_on_the_page(dxa_scan_review):
    review = dxa_scan_review
    scan = next(d for d in review.documents if d.source == "scan0001.pdf")
    assert scan.ocr_pages and scan.ocr_pages[0].engine == "rapidocr" and scan.ocr_pages[0].image_png
    evidence = [ev for t in review.record.facts.t_scores for ev in t.evidence if ev.source == "scan0001.pdf"]
    assert evidence
    for ev in evidence:
        assert scan.text[ev.start : ev.end] == ev.quote
        assert ev.ocr and ev.engine == "rapidocr" and ev.page == 1 and 0 < ev.confidence <= 1
        x0, y0, x1, y1 = ev.bbox
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    note_evidence = review.record.fact_evidence["postmenopausal"]
    assert all(not ev.ocr and ev.bbox is None for ev in note_evidence)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_turned_and_read(tmp_path, turn):
    folder = bundle(tmp_path, {"scan.pdf": scan_pdf(faxed(page(DXA_REPORT), turn=turn))}, note=None)
    review = reviewer(tmp_path).review_path(folder)
    assert ("lumbar_spine", -2.8) in sites(review.record)
    assert review.documents[0].ocr_pages[0].rotation in {90, 180, 270}


def test_a_tilted_speckled_fax_is_straightened_and_read(tmp_path):
    scan = faxed(page(DXA_REPORT), tilt=2.0, speckle=0.004)
    folder = bundle(tmp_path, {"fax.pdf": scan_pdf(scan)}, note=None)
    review = reviewer(tmp_path).review_path(folder)
    assert {("lumbar_spine", -2.8), ("femoral_neck", -2.6)} <= sites(review.record)
    assert abs(review.documents[0].ocr_pages[0].skew) > 0.6


def test_a_mixed_packet_keeps_page_numbers_and_offsets(tmp_path):
    packet = mixed_pdf(
        {1: ["PRIOR AUTHORIZATION REQUEST", "Drug: Prolia 60 mg every 6 months"], 3: ["Page three: signature page"]},
        {2: faxed(page(DXA_REPORT))},
    )
    folder = bundle(tmp_path, {"packet.pdf": packet})
    review = reviewer(tmp_path).review_path(folder)
    doc = next(d for d in review.documents if d.source == "packet.pdf")
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [p.number for p in doc.ocr_pages] == [2]
    assert "PRIOR AUTHORIZATION" in doc.text[doc.pages[0].start : doc.pages[0].end]
    assert "signature page" in doc.text[doc.pages[2].start : doc.pages[2].end]
    scanned = [ev for t in review.record.facts.t_scores for ev in t.evidence if ev.source == "packet.pdf"]
    assert scanned and all(ev.page == 2 and ev.ocr for ev in scanned)
    for ev in scanned:
        assert doc.text[ev.start : ev.end] == ev.quote
    typed = doc.evidence(doc.pages[0].start, doc.pages[0].start + 11)
    assert typed.page == 1 and not typed.ocr


def test_a_value_read_below_the_threshold_needs_confirmation_and_does_not_approve(tmp_path):
    folder = bundle(tmp_path, {"scan0001.pdf": scan_pdf(faxed(page(DXA_REPORT)))})
    review = reviewer(tmp_path, min_confidence=0.99999).review_path(folder)
    record = review.record
    assert ("lumbar_spine", -2.8) in sites(record)  # read, but not trusted on its own
    assert record.determination.outcome == "insufficient_documentation"
    assert any("read by OCR" in gap and "confirmation" in gap for gap in record.gaps)
    flag = next(f for f in record.flags if f.code == "ocr_confirmation_needed")
    assert "scan0001.pdf page 1" in flag.message
    assert all(ev.unsure for t in record.facts.t_scores for ev in t.evidence if ev.ocr)


def test_a_scanned_tiff_is_a_document_page_by_page(tmp_path):
    cover = faxed(page(["FAX COVER SHEET", "To: Utilization Management", "Pages: 2"]))
    folder = bundle(tmp_path, {"incoming.tif": tiff(cover, faxed(page(DXA_REPORT)))})
    review = reviewer(tmp_path).review_path(folder)
    doc = next(d for d in review.documents if d.source == "incoming.tif")
    assert doc.kind == "image" and len(doc.pages) == 2 and [p.number for p in doc.ocr_pages] == [1, 2]
    assert ("lumbar_spine", -2.8) in sites(review.record)
    assert next(d for d in review.record.documents if d.source == "incoming.tif").kind == "image"


def test_with_ocr_off_a_scan_is_skipped_saying_how_to_turn_it_on(tmp_path):
    folder = bundle(tmp_path, {"scan0001.pdf": scan_pdf(faxed(page(DXA_REPORT))), "x.png": b"\x89PNG"})
    record = reviewer(tmp_path, engine="off").review_path(folder).record
    reasons = {s.source: s.reason for s in record.skipped}
    assert "turn OCR on" in reasons["scan0001.pdf"] and "abstractor[ocr]" in reasons["scan0001.pdf"]
    assert "turn OCR on" in reasons["x.png"]
    assert record.determination.outcome == "insufficient_documentation"


def test_readings_are_cached_privately_by_image(tmp_path):
    image = faxed(page(DXA_REPORT[:6]))
    reader = PageReader("rapidocr", cache_dir=tmp_path / "cache")
    first = reader.read(image)
    files = list((tmp_path / "cache").glob("*.json"))
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    again = PageReader("rapidocr", cache_dir=tmp_path / "cache")
    second = again.read(image)
    assert second.text == first.text and second.seconds == first.seconds
    assert again._engine is None  # answered from the cache: the engine was never loaded


def test_an_unreadable_image_is_skipped_with_its_name(tmp_path):
    folder = bundle(tmp_path, {"broken.jpg": b"\xff\xd8\xff\xe0 not really a jpeg"})
    record = reviewer(tmp_path).review_path(folder).record
    assert [(s.source, "not a readable image" in s.reason) for s in record.skipped] == [("broken.jpg", True)]


@pytest.mark.parametrize(
    ("left", "right", "may"),
    [("a", "b", True), ("2", ".", False), (".", "8", False), ("-", "2", False), ("e", "-", False), ("k", ":", False)],
)
def test_spaces_are_never_put_inside_a_number_or_beside_a_hyphen(left, right, may):
    assert _may_part(left, right) is may


def test_word_spacing_is_repaired_from_the_gaps_in_the_ink():
    pixels = np.full((20, 100), 255, dtype=np.uint8)
    pixels[4:16, 0:30] = 0  # "ab" inked together
    pixels[4:16, 40:70] = 0  # "cd", after a gap of 10 columns (half the line's height)
    boxes = ((0, 0, 15, 20), (15, 0, 30, 20), (40, 0, 55, 20), (55, 0, 70, 20))
    text, _, confidences = _space_words("abcd", boxes, (0.9,) * 4, pixels, (0, 0, 100, 20))
    assert text == "ab cd" and len(confidences) == 5


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Debian's tesseract-ocr is not installed")
def test_the_tesseract_engine_reads_the_same_report(tmp_path):
    folder = bundle(tmp_path, {"scan0001.pdf": scan_pdf(faxed(page(DXA_REPORT)))}, note=None)
    review = reviewer(tmp_path, engine="tesseract").review_path(folder)
    assert ("lumbar_spine", -2.8) in sites(review.record)
    assert review.documents[0].ocr_pages[0].engine == "tesseract"


def test_the_page_shows_each_ocr_quote_boxed_on_the_page_image(dxa_scan_review):
    review = dxa_scan_review
    html = render_html(review.record, review.documents, review.references, review.decision)
    ocr_refs = [r for r in review.references if r.kind == "chart" and r.bbox is not None]
    assert ocr_refs
    assert html.count('<img alt="page 1 as scanned" src="data:image/png;base64,') == 1
    for r in ocr_refs:
        box = re.search(rf'<a class="box" id="box-{r.number}" href="#ref-{r.number}"[^>]*style="([^"]+)"', html)
        assert box is not None, r
        left, top, width, height = (float(v) for v in re.findall(r"[\d.]+(?=%)", box.group(1)))
        assert 0 <= left < 100 and 0 <= top < 100 and width > 0 and height > 0
        assert f'href="#box-{r.number}"' in html  # the reference links to its box
    assert "<script" not in html


def test_a_turned_page_is_shown_upright_with_its_boxes_where_the_reading_found_them(tmp_path):
    from PIL import Image

    folder = bundle(tmp_path, {"scan.pdf": scan_pdf(faxed(page(DXA_REPORT), turn=90))}, note=None)
    review = reviewer(tmp_path).review_path(folder)
    reading = review.documents[0].ocr_pages[0]
    image = Image.open(io.BytesIO(base64.b64decode(reading.image_png)))
    assert image.height > image.width  # shown as a portrait page again


def test_without_the_ocr_extra_a_scan_is_skipped_saying_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)  # importing it fails, as without the extra
    folder = bundle(tmp_path, {"scan0001.pdf": scan_pdf(faxed(page(DXA_REPORT)))})
    record = reviewer(tmp_path).review_path(folder).record
    reasons = {s.source: s.reason for s in record.skipped}
    assert "pip install 'abstractor[ocr]'" in reasons["scan0001.pdf"]
    assert [d.source for d in record.documents] == ["note.txt"]
