"""Text notes: decoded as UTF-8, with a named fallback for other encodings."""

from __future__ import annotations

from abstractor.core.errors import DocumentError

# Tried in order after UTF-8; cp1252 covers most notes exported from Windows EHRs.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def decode_note(source: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for a note's bytes, or raise DocumentError naming the file."""
    if not data.strip():
        raise DocumentError(source, "the note is empty")
    if b"\x00" in data:
        raise DocumentError(source, "the file holds binary data (NUL bytes), not a text note")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - latin-1 decodes any byte string
            raise DocumentError(source, "the text is not UTF-8 and no fallback encoding fits") from None
    if not text.strip(" \t\r\n\ufeff"):
        raise DocumentError(source, "the note is empty")
    return text, encoding
