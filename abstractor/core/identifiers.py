"""Identifiers in chart text (names, dates of birth, record and member numbers, phones, addresses, e-mails):
found by the patterns of rules/identifiers.yaml and masked by a tag, before text is sent or shown."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from abstractor.core.datafile import load_model
from abstractor.core.resources import rules_path


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tag: str
    pattern: str


class IdentifierRules(BaseModel):
    """rules/identifiers.yaml: the patterns of identifiers masked before text is sent or shown."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    patterns: list[_Pattern]


@cache
def _compiled(path: Path | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = load_model(path or rules_path("identifiers.yaml"), IdentifierRules)
    return tuple((p.tag, re.compile(p.pattern)) for p in rules.patterns)


def _value_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of the match's `value` group (the whole match when there is no such group)."""
    if "value" not in m.re.groupindex or m.group("value") is None:
        return m.span()
    return m.span("value")


def _replace_value(tag: str, m: re.Match[str]) -> str:
    """Replace the match's `value` group by the tag (the whole match when there is no such group)."""
    start, end = (p - m.start() for p in _value_span(m))
    whole = m.group(0)
    return whole[:start] + tag + whole[end:]


def mask(text: str) -> tuple[str, int]:
    """The text with identifiers replaced by tags, and how many were replaced (the patterns in order, each
    on the text the earlier ones left)."""
    count = 0
    for tag, pattern in _compiled():
        text, n = pattern.subn(lambda m, tag=tag: _replace_value(tag, m), text)
        count += n
    return text, count


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the identifiers are in the text as it is: (start, end, tag), in order and never overlapping; where
    two patterns' matches overlap, the earlier pattern wins. For masking a text shown in pieces whose offsets
    must not move (`mask_piece`)."""
    spans: list[tuple[int, int, str]] = []
    for tag, pattern in _compiled():
        for m in pattern.finditer(text):
            start, end = _value_span(m)
            if end > start and not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, tag))
    return sorted(spans)


def mask_piece(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    """`text[start:end]` with the identifiers of `spans` (from `identifier_spans(text)`) masked: one that
    begins in the piece becomes its tag, and the rest of one that began in an earlier piece is dropped, so
    the pieces of a text joined read as the text masked once."""
    out, at = [], start
    for s, e, tag in spans:
        if e <= start or s >= end:
            continue
        out.append(text[at : max(s, start)])
        if s >= start:
            out.append(tag)
        at = min(e, end)
    out.append(text[at:end])
    return "".join(out)
