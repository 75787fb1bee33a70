"""Answers cached on disk by (prompt version, model, text sent), so a re-run costs nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def cache_key(prompt_version: str, model: str, text: str) -> str:
    """The key of an answer: a hash of the prompt version, the model and the text sent."""
    return hashlib.sha256(f"{prompt_version}\0{model}\0{text}".encode()).hexdigest()


class AnswerCache:
    """One JSON file per key under a folder; unreadable entries are treated as absent."""

    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder, self.enabled = folder, enabled

    def get(self, key: str) -> dict | None:
        """The cached answer, or None."""
        path = self.folder / f"{key}.json"
        if not self.enabled or not path.is_file():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, value: dict) -> None:
        """Store an answer (atomically: a temporary file, then a rename)."""
        if not self.enabled:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{key}.json.tmp"
        tmp.write_text(json.dumps(value), encoding="utf-8")
        tmp.replace(self.folder / f"{key}.json")
