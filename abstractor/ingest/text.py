"""Text notes: decoded as UTF-8, UTF-16 or UTF-32 (by BOM or by the NUL bytes of mostly-ASCII text), with a
named fallback for other encodings."""

from __future__ import annotations

from abstractor.core.errors import DocumentError

# Tried in order after UTF-8; cp1252 covers most notes exported from Windows EHRs.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# A note longer than this is not a clinical note (an export of a whole database, or a hostile file).
MAX_NOTE_CHARS = 5_000_000
# Byte-order marks of UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Bytes looked at to recognise UTF-16/32 without a BOM, and the share of code units that must fit the pattern.
SNIFF_BYTES = 4096
SNIFF_SHARE = 0.7


def decode_note(source: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for a note's bytes, or raise DocumentError naming the file."""
    if not data.strip():
        raise DocumentError(source, "the note is empty")
    if len(data) > 4 * MAX_NOTE_CHARS:  # no encoding packs more than 4 bytes into a character
        raise _too_long(source)
    wide = _wide_encoding(data)
    if wide is not None:
        encoding, bom = wide
        try:
            text = data[bom:].decode(encoding)
        except UnicodeDecodeError:
            raise DocumentError(source, f"the note looks like {encoding} but does not decode as it") from None
        if "\x00" in text:
            raise DocumentError(source, "the file holds binary data (NUL characters), not a text note")
    elif b"\x00" in data:
        raise DocumentError(source, "the file holds binary data (NUL bytes), not a text note")
    else:
        text, encoding = _narrow(source, data)
    if len(text) > MAX_NOTE_CHARS:
        raise _too_long(source)
    if not text.strip(" \t\r\n\ufeff"):
        raise DocumentError(source, "the note is empty")
    return text, encoding


def _narrow(source: str, data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        for encoding in FALLBACK_ENCODINGS:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    raise DocumentError(source, "the text is not UTF-8 and no fallback encoding fits")  # pragma: no cover


def _wide_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, length of its BOM) of UTF-16/32 text, by its BOM or by where the NUL bytes of mostly-ASCII
    text fall in each code unit; None for anything else (UTF-8, a legacy code page, binary data)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    sample = data[:SNIFF_BYTES]
    for width, patterns in (
        (4, {"utf-32-le": (1, 2, 3), "utf-32-be": (0, 1, 2)}),
        (2, {"utf-16-le": (1,), "utf-16-be": (0,)}),
    ):
        units = len(sample) // width
        if units == 0 or len(data) % width:
            continue
        for encoding, zeros in patterns.items():
            fits = sum(
                all(sample[i + z] == 0 for z in zeros) and any(sample[i + k] for k in range(width) if k not in zeros)
                for i in range(0, units * width, width)
            )
            if fits >= SNIFF_SHARE * units:
                return encoding, 0
    return None


def _too_long(source: str) -> DocumentError:
    return DocumentError(source, f"the note is longer than {MAX_NOTE_CHARS:,} characters (the limit for one note)")
