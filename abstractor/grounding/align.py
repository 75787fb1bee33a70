"""Aligning a quote back to exact offsets in a Document: exact, then normalised, then fuzzy (rapidfuzz)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from abstractor.core.document import Document, Evidence
from abstractor.core.vocabulary import Provenance

FUZZY_THRESHOLD = 90.0  # rapidfuzz partial-ratio score (0-100) a fuzzy alignment must reach
_SPACE = re.compile(r"\s+")


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text with runs of white space folded to one space and case folded, and each char's original offset."""
    out, where = [], []
    for m in re.finditer(r"\s+|\S", text):
        piece = " " if m.group().isspace() else m.group().casefold()
        out.append(piece)
        where.extend([m.start()] * len(piece))
    return "".join(out), where


def align(
    quote: str,
    documents: Iterable[Document],
    source: str | None = None,
    method: Provenance = "llm",
    threshold: float = FUZZY_THRESHOLD,
) -> Evidence | None:
    """Evidence for `quote` in the named source first, then in the others; None when it is not there."""
    quote = quote.strip()
    if len(quote) < 3:
        return None
    docs = sorted(documents, key=lambda d: d.source != source)
    for step in (_exact, _normal, _fuzzy):
        for doc in docs:
            span = step(quote, doc.text, threshold)
            if span is not None:
                start, end, how = span
                if doc.text[start:end].strip():
                    return doc.evidence(start, end, method=method, alignment=how)
    return None


def _exact(quote: str, text: str, _: float) -> tuple[int, int, str] | None:
    at = text.find(quote)
    return (at, at + len(quote), "exact") if at >= 0 else None


def _normal(quote: str, text: str, _: float) -> tuple[int, int, str] | None:
    norm_text, where = _normalised(text)
    norm_quote, _ = _normalised(quote.strip())
    at = norm_text.find(norm_quote.strip())
    if at < 0:
        return None
    last = at + len(norm_quote.strip()) - 1
    return where[at], where[last] + 1, "normalised"


def _fuzzy(quote: str, text: str, threshold: float) -> tuple[int, int, str] | None:
    from rapidfuzz import fuzz

    norm_text, where = _normalised(text)
    norm_quote = _normalised(quote)[0].strip()
    if not norm_quote or len(norm_quote) > len(norm_text):
        return None
    result = fuzz.partial_ratio_alignment(norm_quote, norm_text, score_cutoff=threshold)
    if result is None or result.dest_end <= result.dest_start:
        return None
    start, end = where[result.dest_start], where[result.dest_end - 1] + 1
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1  # a partial alignment may clip a word: snap to whole words
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end, "fuzzy"
