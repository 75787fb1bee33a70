"""The files of a bundle folder or zip, listed without following links and read within bounds.

Each file that cannot be read (a link, a pipe or device, an unreadable or vanished file, an unsafe, encrypted
or damaged zip member, a file past a limit) becomes a DocumentError naming it and the reason, in its place
among the files, so the rest of the bundle is still read. Only a bundle that cannot be opened at all, or that
holds more files than a bundle may, is a BundleError. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from abstractor.core.errors import BundleError, DocumentError

# Bounds on what one bundle may hold, so a hostile folder or archive cannot exhaust the machine.
MAX_FILE_BYTES = 50 * 1024 * 1024  # one file (a zip member: its inflated bytes, whatever its header says)
MAX_BUNDLE_FILES = 200  # files in a folder (all levels) or members of a zip; beyond it the bundle is refused
MAX_BUNDLE_BYTES = 200 * 1024 * 1024  # all files of a bundle, read; a zip declaring more is refused
MAX_FOLDER_DEPTH = 32  # subfolders deeper than this are skipped, not walked
READ_CHUNK = 1024 * 1024
ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
DRIVE = re.compile(r"^[A-Za-z]:")
MIB = 1024 * 1024

Entry = tuple[str, bytes | DocumentError]


@dataclass
class _Budget:
    """What is left of the bundle's bounds as its files are read."""

    bundle: str
    files: int = 0
    bytes: int = 0

    def count(self) -> None:
        self.files += 1
        if self.files > MAX_BUNDLE_FILES:
            raise BundleError(
                f"{self.bundle}: more than {MAX_BUNDLE_FILES} files in the bundle; at most {MAX_BUNDLE_FILES}"
            )

    def room(self) -> int:
        return max(0, MAX_BUNDLE_BYTES - self.bytes)

    def over(self, source: str) -> DocumentError:
        return DocumentError(source, f"not read: the bundle's files pass {MAX_BUNDLE_BYTES // MIB} MiB in all")


def folder_files(folder: Path) -> list[Entry]:
    """The files of a bundle folder, in path order. Links, pipes, sockets and devices inside it are never
    followed or read, only listed; the folder itself may be a link (the user named it)."""
    entries: list[Entry] = []
    _walk(folder, (), entries, _Budget(str(folder)))
    return sorted(entries, key=lambda e: e[0].split("/"))


def zip_files(archive: Path) -> list[Entry]:
    """The members of a bundle zip, read in memory, in name order; an unsafe, encrypted, unsupported or damaged
    member is named and skipped, the others are read."""
    try:
        zf = zipfile.ZipFile(archive)
    except OSError as exc:
        raise BundleError(f"{archive}: the archive cannot be read ({_why(exc)})") from None
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise BundleError(f"{archive}: not a readable zip archive") from None
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > MAX_BUNDLE_FILES:
            raise BundleError(f"{archive}: {len(members)} files in the archive; at most {MAX_BUNDLE_FILES}")
        total = sum(m.file_size for m in members)
        if total > MAX_BUNDLE_BYTES:
            raise BundleError(f"{archive}: {total} bytes uncompressed; at most {MAX_BUNDLE_BYTES} bytes")
        budget = _Budget(str(archive))
        entries: list[Entry] = []
        seen: set[str] = set()
        for m in members:
            name = m.filename.replace("\\", "/")  # archives made on Windows may separate folders by "\"
            parts = [p for p in name.split("/") if p not in ("", ".")]
            if name.startswith("/") or DRIVE.match(name) or ".." in parts:
                reason = "the member's name points outside the bundle (an absolute path, a drive or '..'); not read"
                entries.append((m.filename, DocumentError(m.filename, reason)))
                continue
            if _hidden(parts):
                continue
            source = PurePosixPath(*parts).as_posix()
            if source in seen:
                entries.append(
                    (source, DocumentError(source, "a second member of the same name; only the first is read"))
                )
                continue
            seen.add(source)
            entries.append((source, _read_member(zf, m, source, budget)))
        return sorted(entries, key=lambda e: e[0])


def _walk(folder: Path, parts: tuple[str, ...], entries: list[Entry], budget: _Budget) -> None:
    """Visit one folder of the bundle as it is listed (a huge folder is refused by the file count, never
    listed whole), descending into subfolders but not past MAX_FOLDER_DEPTH."""
    if len(parts) > MAX_FOLDER_DEPTH:
        source = _display(parts)
        entries.append((source, DocumentError(source, f"folders nested more than {MAX_FOLDER_DEPTH} deep: not read")))
        return
    try:
        with os.scandir(folder.joinpath(*parts)) as listing:
            for child in listing:
                if not _hidden([child.name]):
                    _visit(folder, (*parts, child.name), child, entries, budget)
    except OSError as exc:
        if not parts:
            raise BundleError(f"{folder}: the folder cannot be read ({_why(exc)})") from None
        source = _display(parts)
        reason = f"the folder cannot be read ({_why(exc)}); what is in it was not read"
        entries.append((source, DocumentError(source, reason)))


def _visit(folder: Path, rel: tuple[str, ...], child: os.DirEntry, entries: list[Entry], budget: _Budget) -> None:
    source = _display(rel)
    try:
        if child.is_dir(follow_symlinks=False):
            _walk(folder, rel, entries, budget)
            return
        budget.count()
        if child.is_symlink():
            entries.append((source, DocumentError(source, "a symbolic link: not followed")))
        elif not child.is_file(follow_symlinks=False):
            entries.append((source, _not_regular(source)))
        else:
            entries.append((source, _read_file(child.path, source, budget)))
    except OSError as exc:
        entries.append((source, DocumentError(source, f"the file cannot be read ({_why(exc)})")))


def _read_file(path: str, source: str, budget: _Budget) -> bytes | DocumentError:
    """A regular file's bytes, opened without following a link or waiting on a pipe (it may have been swapped
    since it was listed), and read no further than the limits."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return DocumentError(source, f"the file cannot be read ({_why(exc)})")
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _not_regular(source)
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(source)
        if info.st_size > budget.room():
            return budget.over(source)
        try:
            return _read_bounded(fh, source, budget)
        except OSError as exc:
            return DocumentError(source, f"the file cannot be read ({_why(exc)})")


def _read_member(zf: zipfile.ZipFile, m: zipfile.ZipInfo, source: str, budget: _Budget) -> bytes | DocumentError:
    if m.flag_bits & 0x1:
        return DocumentError(source, "an encrypted zip member (send it without a password)")
    if m.compress_type not in ZIP_METHODS:
        return DocumentError(source, f"an unsupported zip compression method ({m.compress_type})")
    if stat.S_ISLNK(m.external_attr >> 16):
        return DocumentError(source, "a symbolic link: not followed")
    if m.file_size > MAX_FILE_BYTES:
        return _too_large(source)
    if m.file_size > budget.room():
        return budget.over(source)
    try:
        with zf.open(m) as fh:
            return _read_bounded(fh, source, budget)
    except zipfile.BadZipFile as exc:
        reason = "fails its CRC check" if "CRC" in str(exc) else "is damaged"
        return DocumentError(source, f"the zip member {reason} (BadZipFile); not read")
    except Exception as exc:  # zlib, bz2, lzma and zipfile raise many kinds on damaged or unusual members
        return DocumentError(source, f"the zip member cannot be read ({type(exc).__name__})")


def _read_bounded(fh, source: str, budget: _Budget) -> bytes | DocumentError:
    """Read in chunks, stopping past the per-file limit or the bundle's, whatever a header or stat said."""
    cap = min(MAX_FILE_BYTES, budget.room())
    chunks, size = [], 0
    while chunk := fh.read(min(READ_CHUNK, cap + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            return _too_large(source) if size > MAX_FILE_BYTES else budget.over(source)
    budget.bytes += size
    return b"".join(chunks)


def _hidden(parts) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _display(parts: tuple[str, ...]) -> str:
    """A bundle-relative path as text; bytes of a name that are not UTF-8 are shown as \\x escapes."""
    return os.fsencode("/".join(parts)).decode("utf-8", "backslashreplace")


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _not_regular(source: str) -> DocumentError:
    return DocumentError(source, "not a regular file (a pipe, socket or device): not read")


def _too_large(source: str) -> DocumentError:
    return DocumentError(source, f"the file is larger than {MAX_FILE_BYTES // MIB} MiB")
