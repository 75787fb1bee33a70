"""Ingestion: page offsets round-trip, DXA tables read by header, and every bad input is named, not fatal."""

from __future__ import annotations

import zipfile

import pdfplumber
import pytest
import yaml
from conftest import ROOT, SAMPLES, make_pdf
from typer.testing import CliRunner

from abstractor.cli import EXIT_FAILED, EXIT_SKIPPED, app
from abstractor.core.errors import BundleError
from abstractor.ingest import files as files_module
from abstractor.ingest.bundle import load_bundle

SAMPLE_PDFS = sorted(p for b in SAMPLES for p in b.glob("*.pdf"))
DXA_DATA = yaml.safe_load((ROOT / "scripts" / "dxa_reports.yaml").read_text(encoding="utf-8"))
TABLE_PDFS = [ROOT / "sample_charts" / r["bundle"] / r["file"] for r in DXA_DATA if r["layout"] != "narrative"]
GOOD_NOTE = b"68-year-old postmenopausal woman. DXA lumbar spine T-score -2.7.\n"


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pdf_pages_round_trip_and_map_offsets(path):
    doc = next(d for d in load_bundle(path.parent).documents if d.source == path.name)
    with pdfplumber.open(path) as pdf:
        expected = [page.extract_text() or "" for page in pdf.pages]
    assert [p.number for p in doc.pages] == list(range(1, len(expected) + 1))
    for page, text in zip(doc.pages, expected, strict=True):
        assert doc.text[page.start : page.end] == text
        assert doc.page_at(page.start) == page.number
        assert doc.page_at(page.end - 1) == page.number
        ev = doc.evidence(page.start, page.end)
        assert doc.text[ev.start : ev.end] == ev.quote and ev.page == page.number


@pytest.mark.parametrize("path", TABLE_PDFS, ids=lambda p: p.parent.name)
def test_dxa_tables_are_rows_under_their_headers(path):
    doc = next(d for d in load_bundle(path.parent).documents if d.source == path.name)
    table = doc.tables[0]
    assert table.header[:4] == ("Region", "BMD (g/cm²)", "T-score", "Z-score")
    for row in table.rows:
        cells = row.by_header(table.header)
        assert float(cells["T-score"].text) < 4
        for cell in row.cells:
            assert cell.start is not None, "every cell of a sample table is located in the page text"
            assert " ".join(doc.text[cell.start : cell.end].split()) == cell.text


def test_two_page_report_keeps_the_impression_on_page_two():
    doc = load_bundle(next(p for p in SAMPLES if p.name == "male-ckd-mbd")).documents
    pdf = next(d for d in doc if d.kind == "pdf")
    assert len(pdf.pages) == 2
    at = pdf.text.index("Osteoporosis at the right total hip")
    assert pdf.page_at(at) == 2


def test_notes_keep_raw_text_and_offsets(tmp_path):
    (tmp_path / "note.txt").write_bytes(b"Line one\r\nT-score -2.7\r\n")
    doc = load_bundle(tmp_path).documents[0]
    at = doc.text.index("T-score")
    assert doc.evidence(at, at + 12).quote == "T-score -2.7"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.pdf", lambda: make_pdf(None), "image-only PDF with no text layer"),
        ("locked.pdf", lambda: make_pdf(["T-score -2.7"], password="secret"), "password-protected PDF"),
        ("cut.pdf", lambda: make_pdf(["T-score -2.7"])[:300], "corrupt or truncated PDF"),
        ("junk.pdf", lambda: b"%PDF-1.4\nnot a pdf at all", "corrupt or truncated PDF"),
        ("renamed.pdf", lambda: b"GIF89a....", "not a PDF"),
        ("empty.txt", lambda: b"  \n\n", "the note is empty"),
        ("binary.txt", lambda: b"abc\x00def", "binary data"),
        ("image.png", lambda: b"\x89PNG\r\n", "a scanned image; to read it, turn OCR on"),
        ("photo.heic", lambda: b"....ftypheic", "unknown file type '.heic'"),
    ],
)
def test_bad_file_is_skipped_with_its_reason_and_the_rest_survives(tmp_path, name, data, reason):
    (tmp_path / "good.txt").write_bytes(GOOD_NOTE)
    (tmp_path / name).write_bytes(data())
    result = load_bundle(tmp_path)
    assert [d.source for d in result.documents] == ["good.txt"]
    assert [(s.source, reason in s.reason) for s in result.skipped] == [(name, True)]


def test_text_that_is_not_utf8_is_read_with_a_named_fallback(tmp_path):
    (tmp_path / "legacy.txt").write_bytes(
        "Patient is a 70-year-old woman; T-score −2.6 café".encode("cp1252", "replace")
    )
    result = load_bundle(tmp_path)
    assert result.documents[0].encoding == "cp1252"
    assert result.warnings[0].source == "legacy.txt" and "not UTF-8" in result.warnings[0].reason


def test_oversized_file_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 10)
    (tmp_path / "big.txt").write_bytes(GOOD_NOTE)
    assert "larger than" in load_bundle(tmp_path).skipped[0].reason


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing", "no such file or folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "holds no documents"),
        (lambda p: (p / "x.txt").write_text("hi") and p / "x.txt", "a bundle is a folder or a .zip"),
        (lambda p: (p / "bad.zip").write_bytes(b"PK not a zip") and p / "bad.zip", "not a readable zip"),
    ],
)
def test_unusable_bundle_raises_a_clear_error(tmp_path, setup, message):
    with pytest.raises(BundleError, match=message):
        load_bundle(setup(tmp_path))


def test_zip_bundle_is_read_in_memory(tmp_path):
    archive = tmp_path / "case-17.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("notes/visit.txt", GOOD_NOTE)
        zf.writestr("dxa.pdf", make_pdf(["Lumbar spine T-score -2.7"]))
        zf.writestr("__MACOSX/._visit.txt", b"junk")
    result = load_bundle(archive)
    assert result.bundle_id == "case-17"
    assert sorted(d.source for d in result.documents) == ["dxa.pdf", "notes/visit.txt"]
    assert not list(tmp_path.glob("notes")), "nothing is extracted to disk"


@pytest.mark.parametrize("member", ["../escape.txt", "/etc/passwd.txt", "a/../../b.txt", "C:\\x.txt", "..\\x.txt"])
def test_zip_member_outside_the_bundle_is_skipped_and_the_rest_read(tmp_path, member):
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(member, GOOD_NOTE)
        zf.writestr("visit 10:30.txt", GOOD_NOTE)
    result = load_bundle(archive)
    assert [d.source for d in result.documents] == ["visit 10:30.txt"]
    assert [(s.source, "points outside the bundle" in s.reason) for s in result.skipped] == [(member, True)]


def test_zip_member_count_and_size_are_bounded(tmp_path, monkeypatch):
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(5):
            zf.writestr(f"n{i}.txt", GOOD_NOTE)
    monkeypatch.setattr(files_module, "MAX_BUNDLE_FILES", 4)
    with pytest.raises(BundleError, match="at most 4"):
        load_bundle(archive)
    monkeypatch.setattr(files_module, "MAX_BUNDLE_FILES", 100)
    monkeypatch.setattr(files_module, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(BundleError, match="uncompressed"):
        load_bundle(archive)


def test_cli_exit_codes_tell_skipped_from_failed(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    (good / "note.txt").write_bytes(GOOD_NOTE)
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "note.txt").write_bytes(GOOD_NOTE)
    (partial / "scan.pdf").write_bytes(make_pdf(None))
    runner = CliRunner()
    ok = runner.invoke(app, ["review", str(good), "--format", "jsonl"])
    assert ok.exit_code == 0, ok.output
    skipped = runner.invoke(app, ["review", str(good), str(partial), "--format", "jsonl"])
    assert skipped.exit_code == EXIT_SKIPPED
    assert skipped.stdout.count("\n") == 2, "both bundles still produce records"
    assert "partial/scan.pdf: image-only PDF" in skipped.stderr
    failed = runner.invoke(app, ["review", str(good), str(tmp_path / "nope"), "--format", "jsonl"])
    assert failed.exit_code == EXIT_FAILED
    assert failed.stdout.count("\n") == 2 and "no such file or folder" in failed.stderr
    assert '"error": ' in failed.stdout.splitlines()[1], "the failed bundle keeps its line"
