"""Shared fixtures: the sample bundles, their reviews (once per session), and small real PDFs."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from abstractor.core.document import Document
from abstractor.core.settings import Settings
from abstractor.pipeline import Review, Reviewer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_charts").iterdir() if p.is_dir())
GOLD = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "eval" / "gold").glob("*.json"))}


@pytest.fixture(scope="session")
def reviews() -> dict[str, Review]:
    """Every sample bundle reviewed once against the default policy."""
    reviewer = Reviewer()
    return {p.name: reviewer.review_path(p) for p in SAMPLES}


@pytest.fixture(scope="session")
def medicare_reviews() -> dict[str, Review]:
    """Every sample bundle reviewed once against the second installed policy."""
    reviewer = Reviewer(Settings.model_construct(policy="medicare-J0897"))
    return {p.name: reviewer.review_path(p) for p in SAMPLES}


def make_pdf(lines: list[str] | None = None, *, password: str | None = None, pages: int = 1) -> bytes:
    """A real PDF written by reportlab: text lines on each page, optionally password-protected."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(password) if password else None
    c = canvas.Canvas(buf, encrypt=encrypt, invariant=1)
    for page in range(pages):
        if lines is None:
            c.rect(100, 100, 200, 200, fill=1)  # a picture, no text layer
        for i, line in enumerate(lines or []):
            c.drawString(72, 720 - 14 * i, f"{line} (page {page + 1})" if pages > 1 else line)
        c.showPage()
    c.save()
    return buf.getvalue()


def note(text: str, source: str = "note.txt") -> Document:
    """A text note as a Document, for tests that read one passage."""
    return Document(source=source, kind="note", sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)
