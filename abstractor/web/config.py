"""What the web app is started with: the data folder, the database, cookie and upload limits, the settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from abstractor.core.settings import Settings
from abstractor.ingest.files import MAX_BUNDLE_BYTES, MAX_BUNDLE_FILES, MAX_FILE_BYTES

DEFAULT_DATA = Path.home() / ".local" / "share" / "abstractor"
FORM_OVERHEAD = 1024 * 1024  # a multipart request's boundaries and fields beside the files themselves


@dataclass(frozen=True)
class WebConfig:
    """Everything `create_app` needs; the command line builds it once from its options and the settings."""

    data_dir: Path = DEFAULT_DATA
    database_url: str | None = None  # None: SQLite in data_dir
    settings: Settings = field(default_factory=Settings.model_construct)
    secure_cookies: bool = False  # set behind HTTPS: cookies then travel over HTTPS only
    session_hours: float = 12.0
    max_file_bytes: int = MAX_FILE_BYTES
    max_files: int = MAX_BUNDLE_FILES
    max_request_bytes: int = MAX_BUNDLE_BYTES + FORM_OVERHEAD
    workers: int = 1  # background review threads sharing this process's Reviewer

    @property
    def url(self) -> str:
        """The database URL: the one given, else a SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{self.data_dir / 'abstractor.db'}"


def private_dir(path: Path) -> Path:
    """Create a folder readable by its owner only (0700), with its parents, and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path
