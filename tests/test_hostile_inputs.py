"""Hostile bundles: every file that cannot be read is skipped by name with its reason, the rest is read, and
no chart text (a planted marker) reaches a reason or stderr."""

from __future__ import annotations

import os
import socket
import stat
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import make_pdf

from abstractor.core.errors import BundleError
from abstractor.ingest import files as files_module
from abstractor.ingest import pdf as pdf_module
from abstractor.ingest import text as text_module
from abstractor.ingest.bundle import load_bundle

MARKER = "ZQX-PHI-MARKER-4417"
GOOD = b"68-year-old postmenopausal woman. DXA lumbar spine T-score -2.7.\n"
SECRET = f"Patient {MARKER} secret history.\n".encode()
T_NOTE = f"Patient {MARKER}: DXA femoral neck T-score -2.9, lumbar spine T-score -2.7.\r\n"


@dataclass
class Case:
    """A bundle builder and what must come of it: the sources read and the sources skipped (with a reason
    fragment, or None for any reason)."""

    build: Callable[[Path, pytest.MonkeyPatch], Path]
    read: set[str]
    skipped: dict[str, str | None] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # a source read and a passage its text must hold


def folder(*entries: tuple[str, bytes | Callable[[], bytes]]) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    """A bundle folder of good.txt and the entries (contents made only when the case runs)."""

    def build(tmp: Path, _mp: pytest.MonkeyPatch) -> Path:
        root = tmp / "bundle"
        root.mkdir()
        (root / "good.txt").write_bytes(GOOD)
        for name, data in entries:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data() if callable(data) else data)
        return root

    return build


def archive(*members: tuple[str, bytes], patch: Callable[[Path], None] | None = None, good: bool = True):
    def build(tmp: Path, _mp: pytest.MonkeyPatch) -> Path:
        path = tmp / "bundle.zip"
        with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            warnings.simplefilter("ignore")  # a duplicate name is the point of one case
            if good:
                zf.writestr("good.txt", GOOD)
            for name, data in members:
                zf.writestr(name, data)
        if patch:
            patch(path)
        return path

    return build


def central_entry(data: bytes, name: str) -> int:
    """Where a member's entry starts in the central directory."""
    at = data.index(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name.encode():
        at = data.index(b"PK\x01\x02", at + 4)
    return at


def patch_member(name: str, local: int, central: int, value: int) -> Callable[[Path], None]:
    """Overwrite a 2-byte field of a member's local header and central-directory entry (flags, method)."""

    def patch(path: Path) -> None:
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(name)
        struct.pack_into("<H", data, info.header_offset + local, value)
        struct.pack_into("<H", data, central_entry(data, name) + central, value)
        path.write_bytes(bytes(data))

    return patch


def corrupt_stored(name: str) -> Callable[[Path], None]:
    """Flip a byte of a stored member's data, so its CRC no longer matches."""

    def patch(path: Path) -> None:
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(name)
        start = info.header_offset + 30 + len(name.encode()) + len(info.extra)
        data[start + 3] ^= 0xFF
        path.write_bytes(bytes(data))

    return patch


def stored(name: str, data: bytes) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    def build(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        path = tmp / "bundle.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr("good.txt", GOOD)
            zf.writestr(name, data)
        corrupt_stored(name)(path)
        return path

    return build


def zeros_deflated(size: int) -> bytes:
    """`size` zero bytes deflated, compressed a megabyte at a time (never held whole)."""
    packer, block, parts = zlib.compressobj(9), bytes(1024 * 1024), []
    for _ in range(size // len(block)):
        parts.append(packer.compress(block))
    return b"".join(parts) + packer.flush()


def zip_bomb(tmp: Path, _mp: pytest.MonkeyPatch) -> Path:
    """A member of 100 MB of zeros, written raw with its true (large) declared size."""
    path = tmp / "bundle.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("good.txt", GOOD)
        info = zipfile.ZipInfo("bomb.txt")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as out:
            block = bytes(1024 * 1024)
            for _ in range(100):
                out.write(block)
    return path


def lying_header(tmp: Path, _mp: pytest.MonkeyPatch) -> Path:
    """A member whose headers declare 64 bytes while its data inflates to 60 MB."""
    path = tmp / "bundle.zip"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = b"".join(packer.compress(bytes(1024 * 1024)) for _ in range(60)) + packer.flush()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("good.txt", GOOD)
        zf.writestr("bomb.txt", raw)
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo("bomb.txt").header_offset
    patch_member("bomb.txt", 8, 10, zipfile.ZIP_DEFLATED)(path)
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, offset + 22, 64)
    struct.pack_into("<I", data, central_entry(data, "bomb.txt") + 24, 64)
    path.write_bytes(bytes(data))
    return path


def raw_pdf(content: bytes, extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A minimal PDF with one page whose content stream is `content` (with correct offsets)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def warning_pdf() -> bytes:
    """A readable PDF whose content makes pdfminer log a warning quoting it (an invalid line width)."""
    return raw_pdf(b"(" + MARKER.encode() + b") w\nBT /F1 12 Tf 72 720 Td (DXA T-score -2.7 lumbar spine) Tj ET")


def bomb_pdf() -> bytes:
    """A small PDF whose content stream inflates to 100 MB."""
    deflated = zeros_deflated(100 * 1024 * 1024)
    return raw_pdf(
        b"", (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(deflated) + deflated + b"\nendstream",)
    )


def huge_note(tmp: Path, _mp: pytest.MonkeyPatch) -> Path:
    """A note past the character limit, written a line at a time."""
    root = folder()(tmp, _mp)
    line = f"{MARKER} filler text of a runaway export.\n"
    with (root / "huge.txt").open("w", encoding="utf-8") as out:
        for _ in range(text_module.MAX_NOTE_CHARS // len(line) + 2):
            out.write(line)
    return root


def with_links(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    root = folder()(tmp, mp)
    outside = tmp / "shadow.txt"
    outside.write_bytes(SECRET)
    (tmp / "elsewhere").mkdir()
    (tmp / "elsewhere" / "n.txt").write_bytes(SECRET)
    os.symlink(outside, root / "linked.txt")
    os.symlink(tmp / "nowhere.txt", root / "dangling.txt")
    os.symlink(tmp / "elsewhere", root / "linked-folder")
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(root / "s.txt"))
    except OSError:  # a path too long for a socket address: leave the case to the others
        (root / "s.txt").symlink_to(outside)
    finally:
        sock.close()
    return root


def deny(name: str, call: str) -> Callable[[Path, pytest.MonkeyPatch], Path]:
    """A file or subfolder the user may not read (simulated: tests may run as root, for whom chmod 000 is no
    bar), its neighbours readable."""

    def build(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        root = folder(("sub/inner.txt", SECRET), ("sub2/fine.txt", GOOD), ("locked.txt", SECRET))(tmp, mp)
        real = getattr(os, call)

        def refused(path, *args, **kwargs):
            if os.fspath(path).endswith(name):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)

        mp.setattr(files_module.os, call, refused)
        return root

    return build


def vanishing(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """A file deleted between listing the folder and reading it."""
    root = folder(("gone.txt", SECRET))(tmp, mp)
    real = os.scandir

    class Listing:
        def __init__(self, path):
            self.entries = list(real(path))
            if (root / "gone.txt").exists():
                (root / "gone.txt").unlink()

        def __enter__(self):
            return iter(self.entries)

        def __exit__(self, *exc):
            return False

    mp.setattr(files_module.os, "scandir", Listing)
    return root


def odd_names(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    root = folder(("visit 10:30 am.txt", GOOD), ("Note.txt", GOOD), ("note.TXT", GOOD))(tmp, mp)
    with open(os.path.join(os.fsencode(root), b"visit-\xff\xfe.txt"), "wb") as out:
        out.write(GOOD)
    return root


def deep(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
    """Notes 30 folders deep (read) and 40 deep (past the limit)."""
    return folder(("/".join(["d"] * 30) + "/deep.txt", GOOD), ("/".join(["d"] * 40) + "/deeper.txt", SECRET))(tmp, mp)


def limited(module, name: str, value: int, build):
    def wrapped(tmp: Path, mp: pytest.MonkeyPatch) -> Path:
        mp.setattr(module, name, value)
        return build(tmp, mp)

    return wrapped


def utf(text: str, encoding: str, bom: bool) -> bytes:
    body = text.encode(encoding)
    marks = {
        "utf-16-le": b"\xff\xfe",
        "utf-16-be": b"\xfe\xff",
        "utf-32-le": b"\xff\xfe\x00\x00",
        "utf-32-be": b"\x00\x00\xfe\xff",
    }
    return (marks[encoding] if bom else b"") + body


SECRET_PDF = make_pdf([f"{MARKER} T-score -2.7"])
TRUNCATIONS = {
    "cut-9.pdf": 9,
    "cut-300.pdf": 300,
    "cut-half.pdf": len(SECRET_PDF) // 2,
    "cut-1.pdf": len(SECRET_PDF) - 30,
}
WIDE = [(enc, bom) for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be") for bom in (True, False)]

CASES: dict[str, Case] = {
    **{
        f"note-{enc}-{'bom' if bom else 'no-bom'}": Case(
            folder(("wide.txt", utf(T_NOTE, enc, bom))), {"good.txt", "wide.txt"}, texts={"wide.txt": "T-score -2.9"}
        )
        for enc, bom in WIDE
    },
    "zip-note-utf-16": Case(
        archive(("wide.txt", utf(T_NOTE, "utf-16-le", True))),
        {"good.txt", "wide.txt"},
        texts={"wide.txt": "T-score -2.7"},
    ),
    "utf-16-bom-only": Case(folder(("wide.txt", b"\xff\xfe")), {"good.txt"}, {"wide.txt": "empty"}),
    "utf-16-truncated": Case(
        folder(("wide.txt", b"\xff\xfe" + T_NOTE.encode("utf-16-le")[:-1])), {"good.txt"}, {"wide.txt": "utf-16"}
    ),
    "empty-note": Case(folder(("empty.txt", b"")), {"good.txt"}, {"empty.txt": "empty"}),
    "empty-pdf": Case(folder(("empty.pdf", b"")), {"good.txt"}, {"empty.pdf": "not a PDF"}),
    **{name: Case(folder((name, SECRET_PDF[:cut])), {"good.txt"}, {name: "PDF"}) for name, cut in TRUNCATIONS.items()},
    "pdf-garbage": Case(folder(("junk.pdf", b"%PDF-1.7\n" + SECRET * 50)), {"good.txt"}, {"junk.pdf": "corrupt"}),
    "pdf-bomb": Case(folder(("bomb.pdf", bomb_pdf)), {"good.txt"}, {"bomb.pdf": "MiB (the limit)"}),
    "pdf-warns": Case(
        folder(("warns.pdf", warning_pdf())), {"good.txt", "warns.pdf"}, texts={"warns.pdf": "T-score -2.7"}
    ),
    "pdf-pages": Case(
        limited(pdf_module, "MAX_PDF_PAGES", 2, folder(("long.pdf", make_pdf(["T-score -2.7"], pages=3)))),
        {"good.txt", "long.pdf"},
    ),
    "binary-note": Case(
        folder(("binary.txt", SECRET + b"\x00\x01\x02" + bytes(range(256)))), {"good.txt"}, {"binary.txt": "binary"}
    ),
    "huge-note": Case(huge_note, {"good.txt"}, {"huge.txt": "5,000,000 characters"}),
    "oversized-file": Case(
        limited(files_module, "MAX_FILE_BYTES", 100, folder(("big.txt", SECRET * 10))),
        {"good.txt"},
        {"big.txt": "larger than"},
    ),
    "folder-nested-zip": Case(
        folder(("inner.zip", b"PK\x05\x06" + bytes(18))), {"good.txt"}, {"inner.zip": "unknown file type"}
    ),
    "unknown-type": Case(folder(("run.exe", SECRET)), {"good.txt"}, {"run.exe": "unknown file type"}),
    "image-without-ocr": Case(folder(("scan.png", b"\x89PNG\r\n" + SECRET)), {"good.txt"}, {"scan.png": "turn OCR on"}),
    "links-pipes-sockets": Case(
        with_links,
        {"good.txt"},
        {
            "linked.txt": "symbolic link",
            "dangling.txt": "symbolic link",
            "linked-folder": "symbolic link",
            "pipe.txt": "not a regular file",
            "s.txt": None,
        },
    ),
    "unreadable-file": Case(
        deny("locked.txt", "open"), {"good.txt", "sub/inner.txt", "sub2/fine.txt"}, {"locked.txt": "Permission denied"}
    ),
    "unreadable-subfolder": Case(
        deny("sub", "scandir"), {"good.txt", "locked.txt", "sub2/fine.txt"}, {"sub": "folder cannot be read"}
    ),
    "vanished-file": Case(vanishing, {"good.txt"}, {"gone.txt": "cannot be read"}),
    "odd-names": Case(odd_names, {"good.txt", "visit 10:30 am.txt", "Note.txt", "note.TXT", "visit-\\xff\\xfe.txt"}),
    "deep-folders": Case(
        deep, {"good.txt", "/".join(["d"] * 30) + "/deep.txt"}, {"/".join(["d"] * 33): "nested more than 32 deep"}
    ),
    "hidden-files": Case(folder((".DS_Store", SECRET), ("__MACOSX/._good.txt", SECRET)), {"good.txt"}),
    "zip-parent": Case(archive(("../escape.txt", SECRET)), {"good.txt"}, {"../escape.txt": "outside the bundle"}),
    "zip-absolute": Case(archive(("/etc/shadow.txt", SECRET)), {"good.txt"}, {"/etc/shadow.txt": "outside the bundle"}),
    "zip-drive": Case(archive(("C:\\x.txt", SECRET)), {"good.txt"}, {"C:\\x.txt": "outside the bundle"}),
    "zip-inner-parent": Case(archive(("a/../../b.txt", SECRET)), {"good.txt"}, {"a/../../b.txt": "outside the bundle"}),
    "zip-colon-name": Case(archive(("visit 10:30.txt", GOOD)), {"good.txt", "visit 10:30.txt"}),
    "zip-backslash-folder": Case(archive(("notes\\visit.txt", GOOD)), {"good.txt", "notes/visit.txt"}),
    "zip-case-twins": Case(archive(("Note.txt", GOOD), ("note.txt", GOOD)), {"good.txt", "Note.txt", "note.txt"}),
    "zip-duplicate": Case(
        archive(("dup.txt", GOOD), ("dup.txt", SECRET)), {"good.txt", "dup.txt"}, {"dup.txt": "same name"}
    ),
    "zip-encrypted": Case(
        archive(("locked.txt", SECRET), patch=patch_member("locked.txt", 6, 8, 0x1)),
        {"good.txt"},
        {"locked.txt": "encrypted"},
    ),
    "zip-method": Case(
        archive(("odd.txt", SECRET), patch=patch_member("odd.txt", 8, 10, 98)),
        {"good.txt"},
        {"odd.txt": "compression method"},
    ),
    "zip-bad-crc": Case(stored("crc.txt", SECRET * 4), {"good.txt"}, {"crc.txt": "CRC"}),
    "zip-bomb": Case(zip_bomb, {"good.txt"}, {"bomb.txt": "larger than"}),
    "zip-lying-header": Case(lying_header, {"good.txt"}, {"bomb.txt": None}),
    "zip-nested-zip": Case(
        archive(("inner.zip", b"PK\x05\x06" + bytes(18))), {"good.txt"}, {"inner.zip": "unknown file type"}
    ),
    "zip-empty-member": Case(archive(("empty.txt", b"")), {"good.txt"}, {"empty.txt": "empty"}),
    "zip-symlink-member": Case(
        archive(("link.txt", b"/etc/shadow"), patch=lambda p: _as_symlink(p, "link.txt")),
        {"good.txt"},
        {"link.txt": "symbolic link"},
    ),
    "zip-truncated-pdf": Case(archive(("cut.pdf", SECRET_PDF[:200])), {"good.txt"}, {"cut.pdf": "PDF"}),
    "zip-nothing-readable": Case(
        archive(("../x.txt", SECRET), ("y.exe", SECRET), good=False), set(), {"../x.txt": "outside", "y.exe": "unknown"}
    ),
}


def _as_symlink(path: Path, name: str) -> None:
    data = bytearray(path.read_bytes())
    at = central_entry(data, name)
    data[at + 5] = 3  # made on Unix, so the mode bits count
    struct.pack_into("<I", data, at + 38, (stat.S_IFLNK | 0o777) << 16)
    path.write_bytes(bytes(data))


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_hostile_bundle_skips_by_name_and_reads_the_rest(tmp_path, monkeypatch, capfd, name):
    case = CASES[name]
    path = case.build(tmp_path, monkeypatch)
    bundle = load_bundle(path)
    monkeypatch.undo()
    out, err = capfd.readouterr()
    assert {d.source for d in bundle.documents} == case.read, "every readable file is read"
    assert {s.source for s in bundle.skipped} == set(case.skipped), "every unreadable file is named, none lost"
    for skipped in bundle.skipped:
        expected = case.skipped[skipped.source]
        assert skipped.reason and (expected is None or expected in skipped.reason), skipped
    for source, passage in case.texts.items():
        assert passage in next(d for d in bundle.documents if d.source == source).text
    reasons = " ".join(s.reason for s in bundle.skipped + bundle.warnings)
    assert MARKER not in reasons and MARKER not in err and MARKER not in out
    assert "Traceback" not in err


def test_a_warning_pdf_keeps_its_content_off_stderr_and_other_logging_untouched(tmp_path, capfd):
    import logging

    root_level, root_handlers = logging.getLogger().level, list(logging.getLogger().handlers)
    (tmp_path / "warns.pdf").write_bytes(warning_pdf())
    assert load_bundle(tmp_path).documents[0].source == "warns.pdf"
    assert MARKER not in capfd.readouterr().err
    assert (logging.getLogger().level, logging.getLogger().handlers) == (root_level, root_handlers)
    assert logging.getLogger("pdfplumber").propagate, "only pdfminer's loggers are quieted"


def test_the_page_limit_reads_the_first_pages_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_PDF_PAGES", 2)
    (tmp_path / "long.pdf").write_bytes(make_pdf(["T-score -2.7"], pages=3))
    bundle = load_bundle(tmp_path)
    assert len(bundle.documents[0].pages) == 2
    assert [(w.source, "first 2 of 3 pages" in w.reason) for w in bundle.warnings] == [("long.pdf", True)]


def test_a_folder_with_too_many_files_is_refused_by_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(files_module, "MAX_BUNDLE_FILES", 3)
    for i in range(5):
        (tmp_path / f"n{i}.txt").write_bytes(GOOD)
    with pytest.raises(BundleError, match="at most 3"):
        load_bundle(tmp_path)


def test_a_truncated_zip_is_a_bundle_error_naming_it(tmp_path):
    path = archive(("a.txt", GOOD))(tmp_path, pytest.MonkeyPatch())
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(BundleError, match="not a readable zip"):
        load_bundle(path)


def test_a_symlinked_bundle_folder_named_by_the_user_is_followed(tmp_path):
    real = folder()(tmp_path, pytest.MonkeyPatch())
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    assert [d.source for d in load_bundle(link).documents] == ["good.txt"]


def test_an_unreadable_bundle_folder_fails_by_name_and_the_batch_goes_on(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from abstractor.cli import EXIT_FAILED, app

    good = folder()(tmp_path, monkeypatch)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "n.txt").write_bytes(SECRET)
    real = os.scandir

    def refused(path, *args):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args)

    monkeypatch.setattr(files_module.os, "scandir", refused)
    result = CliRunner().invoke(app, ["review", str(locked), str(good), "--format", "jsonl"])
    assert result.exit_code == EXIT_FAILED
    assert f"{locked}: the folder cannot be read (Permission denied)" in result.stderr
    assert result.stdout.count("\n") == 2 and '"error": ' in result.stdout.splitlines()[0]
    assert MARKER not in result.stdout + result.stderr
