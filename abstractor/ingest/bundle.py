"""A chart bundle (a folder or a .zip of notes and PDFs) read into Documents."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from abstractor.core.document import Document
from abstractor.core.errors import BundleError, DocumentError
from abstractor.core.record import Skipped
from abstractor.ingest.ocr import PageReader
from abstractor.ingest.pdf import read_image, read_pdf
from abstractor.ingest.text import decode_note

NOTE_SUFFIXES = {".txt", ".md"}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}
# Bounds on what one bundle may hold, so a hostile archive cannot exhaust the machine.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 200
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Bundle:
    """The readable Documents of one bundle, what was skipped, and what was read with a caveat."""

    bundle_id: str
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Skipped, ...] = field(default=())


def load_bundle(path: str | Path, ocr: PageReader | None = None) -> Bundle:
    """Read a bundle folder or zip; unreadable files are skipped with their reason, never fatal. Scanned
    pages and images are read by `ocr`; without it they are skipped, saying how to turn OCR on."""
    path = Path(path)
    if not path.exists():
        raise BundleError(f"{path}: no such file or folder")
    if path.is_dir():
        bundle_id, files = path.name, _folder_files(path)
    elif path.suffix.lower() == ".zip":
        bundle_id, files = path.stem, _zip_files(path)
    else:
        raise BundleError(f"{path}: a bundle is a folder or a .zip archive, not a {path.suffix or 'plain'} file")
    documents, skipped, warnings = [], [], []
    for source, data in files:
        try:
            if isinstance(data, DocumentError):
                raise data
            doc, notes = read_document(source, data, ocr)
        except DocumentError as exc:
            skipped.append(Skipped(source=exc.source, reason=exc.reason))
            continue
        documents.append(doc)
        warnings += [Skipped(source=source, reason=note) for note in notes]
        if doc.encoding not in (None, "utf-8"):
            warnings.append(Skipped(source=source, reason=f"not UTF-8; decoded as {doc.encoding}"))
    if not documents and not skipped:
        raise BundleError(f"{path}: the bundle holds no documents")
    return Bundle(bundle_id, tuple(documents), tuple(skipped), tuple(warnings))


def read_document(source: str, data: bytes, ocr: PageReader | None = None) -> tuple[Document, list[str]]:
    """One file's bytes as a Document, by its suffix, with notes on what of it could not be read;
    DocumentError names the file and the reason it cannot be read at all."""
    suffix = PurePosixPath(source).suffix.lower()
    sha256 = hashlib.sha256(data).hexdigest()
    if suffix in NOTE_SUFFIXES:
        text, encoding = decode_note(source, data)
        return Document(source=source, kind="note", sha256=sha256, text=text, encoding=encoding), []
    if suffix in PDF_SUFFIXES | IMAGE_SUFFIXES:
        scan = suffix in IMAGE_SUFFIXES
        read = read_image(source, data, ocr) if scan else read_pdf(source, data, ocr)
        document = Document(
            source=source,
            kind="image" if scan else "pdf",
            sha256=sha256,
            text=read.text,
            pages=read.pages,
            tables=read.tables,
            ocr_pages=read.ocr_pages,
            ocr_words=read.ocr_words,
        )
        return document, read.notes
    kinds = ", ".join(sorted(NOTE_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES))
    raise DocumentError(source, f"unknown file type {suffix or '(no suffix)'!r}; a bundle holds {kinds}")


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _too_large(source: str) -> DocumentError:
    return DocumentError(source, f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")


def _folder_files(folder: Path) -> list[tuple[str, bytes | DocumentError]]:
    files: list[tuple[str, bytes | DocumentError]] = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if not p.is_file() or _hidden(rel.parts):
            continue
        source = rel.as_posix()
        files.append((source, _too_large(source) if p.stat().st_size > MAX_FILE_BYTES else p.read_bytes()))
    return files


def _zip_files(archive: Path) -> list[tuple[str, bytes | DocumentError]]:
    try:
        with zipfile.ZipFile(archive) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                raise BundleError(f"{archive}: {len(members)} files in the archive; at most {MAX_ZIP_MEMBERS}")
            total = sum(m.file_size for m in members)
            if total > MAX_ZIP_TOTAL_BYTES:
                raise BundleError(f"{archive}: {total} bytes uncompressed; at most {MAX_ZIP_TOTAL_BYTES} bytes")
            files: list[tuple[str, bytes | DocumentError]] = []
            for m in members:
                name = PurePosixPath(m.filename)
                if name.is_absolute() or ".." in name.parts or ":" in m.filename:
                    raise BundleError(f"{archive}: member {m.filename!r} points outside the bundle")
                if _hidden(name.parts):
                    continue
                # Read in memory, never extracted to disk; bounded read guards a lying header.
                source = name.as_posix()
                with zf.open(m) as fh:
                    data = fh.read(MAX_FILE_BYTES + 1)
                files.append((source, _too_large(source) if len(data) > MAX_FILE_BYTES else data))
            return sorted(files, key=lambda f: f[0])
    except zipfile.BadZipFile:
        raise BundleError(f"{archive}: not a readable zip archive") from None
