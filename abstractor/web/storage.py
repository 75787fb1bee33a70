"""The data folder: each review's uploaded files (checked on arrival) and what its page shows, readable by the
owner only (folders 0700, files 0600). File names never reach a URL or a log line."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from abstractor.ingest.bundle import IMAGE_SUFFIXES, NOTE_SUFFIXES, PDF_SUFFIXES
from abstractor.ingest.files import MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES
from abstractor.web.config import private_dir

ACCEPTED = NOTE_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES
BUNDLE_ID = re.compile(r"[^A-Za-z0-9._-]+")
MIB = 1024 * 1024


class UploadRefused(ValueError):
    """An upload that is not stored: the message says what was wrong and what to send instead."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file as received: its name as sent and its bytes (already within the size limit)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Stored:
    """A file kept for a review: its safe name, size and sha256."""

    name: str
    size: int
    sha256: str


def safe_name(raw: str) -> str:
    """The file's own name without any folder part; refused when empty, hidden or holding control characters."""
    name = PurePosixPath((raw or "").replace("\\", "/")).name.strip()
    if not name or name in {".", ".."} or name.startswith("."):
        raise UploadRefused("a file without a usable name (empty, hidden or a folder) was refused")
    if any(ord(c) < 32 or c == "\x7f" for c in name) or len(name) > 200:
        raise UploadRefused("a file name with control characters or over 200 characters was refused")
    return name


def bundle_id_for(requested: str, uploads: list[Upload], review_id: int) -> str:
    """The bundle id: the one asked for, else a zip's name, else `bundle-<review number>`; letters, digits,
    '.', '_' and '-' only."""
    wanted = requested.strip() or (
        PurePosixPath(uploads[0].name).stem if len(uploads) == 1 and _is_zip(uploads[0].name) else ""
    )
    cleaned = BUNDLE_ID.sub("-", wanted).strip(".-")[:100]
    return cleaned or f"bundle-{review_id}"


def _is_zip(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() == ".zip"


def check_uploads(uploads: list[Upload], max_files: int) -> list[Upload]:
    """The uploads with safe names, or UploadRefused naming the problem: one zip, or notes, PDFs and images."""
    if not uploads:
        raise UploadRefused("no files were uploaded: choose a bundle zip or the chart's files")
    if len(uploads) > max_files:
        raise UploadRefused(f"{len(uploads)} files uploaded; a bundle holds at most {max_files}")
    named = [Upload(safe_name(u.name), u.data) for u in uploads]
    zips = [u for u in named if _is_zip(u.name)]
    if zips and len(named) > 1:
        raise UploadRefused("upload one zip, or several notes, PDFs and images, not both")
    if zips:
        _check_zip(zips[0].data)
        return named
    kinds = ", ".join(sorted(ACCEPTED | {".zip"}))
    names = set()
    for n, u in enumerate(named, 1):
        if PurePosixPath(u.name).suffix.lower() not in ACCEPTED:
            raise UploadRefused(f"file {n} is not a type a bundle holds; accepted: {kinds}")
        if u.name in names:
            raise UploadRefused(f"file {n} has the same name as an earlier file; rename one of them")
        if not u.data:
            raise UploadRefused(f"file {n} is empty")
        names.add(u.name)
    return named


def _check_zip(data: bytes) -> None:
    """A zip must open, and hold no more files or inflated bytes than a bundle may (what its members hold is
    checked again as they are read, whatever the headers say)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
        raise UploadRefused("the zip cannot be read: it is damaged or not a zip archive") from None
    if not members:
        raise UploadRefused("the zip holds no files")
    if len(members) > MAX_BUNDLE_FILES:
        raise UploadRefused(f"the zip holds {len(members)} files; a bundle holds at most {MAX_BUNDLE_FILES}")
    total = sum(m.file_size for m in members)
    if total > MAX_BUNDLE_BYTES:
        raise UploadRefused(
            f"the zip inflates to {total // MIB} MiB; a bundle holds at most {MAX_BUNDLE_BYTES // MIB} MiB"
        )


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by the owner only, atomically (a temporary name, then a rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class DataFolder:
    """Where each review's files live: `reviews/<id>/bundle/` (the upload) and its JSON artifacts."""

    def __init__(self, root: Path) -> None:
        self.root = private_dir(root)
        private_dir(root / "reviews")

    def folder(self, review_id: int) -> Path:
        """The review's own folder."""
        return self.root / "reviews" / str(int(review_id))

    def store(self, review_id: int, bundle_id: str, uploads: list[Upload]) -> list[Stored]:
        """Keep the checked uploads as the review's bundle: a zip as `<bundle_id>.zip`, files in `<bundle_id>/`."""
        folder = private_dir(self.folder(review_id) / "bundle")
        if len(uploads) == 1 and _is_zip(uploads[0].name):
            targets = [(folder / f"{bundle_id}.zip", uploads[0])]
        else:
            inner = private_dir(folder / bundle_id)
            targets = [(inner / u.name, u) for u in uploads]
        stored = []
        for path, u in targets:
            write_private(path, u.data)
            stored.append(Stored(u.name, len(u.data), hashlib.sha256(u.data).hexdigest()))
        return stored

    def bundle_path(self, review_id: int) -> Path:
        """The bundle to review: the zip or the folder `store` made."""
        entries = sorted((self.folder(review_id) / "bundle").iterdir())
        return entries[0]

    def uploaded_file(self, review_id: int, name: str) -> Path:
        """The stored bytes of one uploaded file (by its safe name, from the database)."""
        bundle = self.bundle_path(review_id)
        return bundle if bundle.is_file() else bundle / safe_name(name)

    def write_json(self, review_id: int, kind: str, value: object) -> None:
        """Keep one of the review's artifacts (machine, current, documents) as JSON."""
        private_dir(self.folder(review_id))
        write_private(self.folder(review_id) / f"{kind}.json", json.dumps(value).encode())

    def read_json(self, review_id: int, kind: str) -> object | None:
        """One of the review's artifacts, or None when it was never written."""
        path = self.folder(review_id) / f"{kind}.json"
        return json.loads(path.read_bytes()) if path.exists() else None

    def remove(self, review_id: int) -> None:
        """Forget a review's files (a refused upload)."""
        shutil.rmtree(self.folder(review_id), ignore_errors=True)
