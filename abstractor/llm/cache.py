"""Answers cached on disk by (prompt version, model, text sent), so a re-run costs nothing."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path


def cache_key(prompt_version: str, model: str, text: str) -> str:
    """The key of an answer: a hash of the prompt version, the model and the text sent."""
    return hashlib.sha256(f"{prompt_version}\0{model}\0{text}".encode()).hexdigest()


class AnswerCache:
    """One JSON file per key under a private folder (0700; files 0600); unreadable entries are treated as
    absent, and entries older than `max_age_days` are deleted when met. Only verified answers are stored
    (the fallback decides what to put)."""

    def __init__(self, folder: Path, enabled: bool = True, max_age_days: float = 30) -> None:
        self.folder, self.enabled, self.max_age = folder, enabled, max_age_days * 86400

    def get(self, key: str) -> dict | None:
        """The cached answer, or None (also when it has expired: it is deleted then)."""
        path = self.folder / f"{key}.json"
        if not self.enabled or not path.is_file():
            return None
        try:
            if time.time() - path.stat().st_mtime > self.max_age:
                path.unlink(missing_ok=True)
                return None
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict) -> None:
        """Store an answer atomically (a private temporary file, then a rename)."""
        if not self.enabled:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = self.folder / f"{key}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(value))
            tmp.replace(self.folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written costs a call, never the review
