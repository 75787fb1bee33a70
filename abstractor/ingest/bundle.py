"""A chart bundle (a folder or a .zip of notes and PDFs) read into Documents."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from abstractor.core.document import Document
from abstractor.core.errors import BundleError, DocumentError
from abstractor.core.record import Skipped
from abstractor.ingest.files import folder_files, zip_files
from abstractor.ingest.ocr import PageReader
from abstractor.ingest.pdf import read_image, read_pdf
from abstractor.ingest.text import decode_note

NOTE_SUFFIXES = {".txt", ".md"}
PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}


@dataclass(frozen=True)
class Bundle:
    """The readable Documents of one bundle, what was skipped, and what was read with a caveat."""

    bundle_id: str
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Skipped, ...] = field(default=())


def load_bundle(path: str | Path, ocr: PageReader | None = None) -> Bundle:
    """Read a bundle folder or zip; unreadable files are skipped with their reason, never fatal. Scanned
    pages and images are read by `ocr`; without it they are skipped, saying how to turn OCR on.

    A bundle path that is a symbolic link is followed (the user named it); links inside a folder bundle
    never are (see `abstractor.ingest.files`). BundleError is raised only for a bundle that cannot be
    opened, holds too many files, or holds no files at all.
    """
    path = Path(path)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:
        raise BundleError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    if not exists:
        raise BundleError(f"{path}: no such file or folder")
    if is_dir:
        bundle_id, files = path.name, folder_files(path)
    elif path.suffix.lower() == ".zip":
        bundle_id, files = path.stem, zip_files(path)
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
        except Exception as exc:  # a bug reading one file must not cost the rest; the reason holds no chart text
            skipped.append(Skipped(source=source, reason=f"unexpected error ({type(exc).__name__}); please report it"))
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
