"""Cutting a long text into pieces the pipeline reads one at a time: at blank lines, never mid-line."""

from __future__ import annotations

import re

# The longest piece of a document the pipeline reads at once. spaCy refuses texts over 1,000,000 characters
# (Language.max_length), and a shorter piece keeps each Doc small; a typical note is one piece.
MAX_PIECE_CHARS = 100_000
# Where a piece may end, best first: after a blank line (the next line starts a sentence and, if it is a
# header, a section); after a line break; after whitespace. Each cut is followed by a non-blank character,
# so the tokens on either side are those of the whole text.
_CUTS = (re.compile(r"\n\n(?=\S)"), re.compile(r"\n(?=\S)"), re.compile(r"\s(?=\S)"))


def pieces(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of consecutive pieces of `text`, each at most `limit` characters (MAX_PIECE_CHARS by
    default), covering all of it.

    A text within the limit is one piece. A longer one is cut at the last blank line within the limit;
    a paragraph longer than the limit at its last line break, a line longer than the limit at a space, and
    a run of the limit without whitespace, at the limit. Sentences never cross a blank line, so cutting
    there leaves the sentences, sections, mentions and ConText of a note as in the whole text.
    """
    limit = MAX_PIECE_CHARS if limit is None else limit
    out, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        for cut in _CUTS:
            found = [m.end() for m in cut.finditer(text, start + 1, end + 1)]
            if found:
                end = found[-1]
                break
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out
