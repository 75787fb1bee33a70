"""Masking identifiers (names, dates of birth, record and member numbers, phones, addresses) before sending."""

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
    """rules/identifiers.yaml: the patterns of identifiers masked before text is sent."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    patterns: list[_Pattern]


@cache
def _compiled(path: Path | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    rules = load_model(path or rules_path("identifiers.yaml"), IdentifierRules)
    return tuple((p.tag, re.compile(p.pattern)) for p in rules.patterns)


def _replace_value(tag: str, m: re.Match[str]) -> str:
    """Replace the match's `value` group by the tag (the whole match when there is no such group)."""
    if "value" not in m.re.groupindex or m.group("value") is None:
        return tag
    whole, start = m.group(0), m.start("value") - m.start()
    return whole[:start] + tag + whole[start + len(m.group("value")) :]


def mask(text: str) -> tuple[str, int]:
    """The text with identifiers replaced by tags, and how many were replaced."""
    count = 0
    for tag, pattern in _compiled():
        text, n = pattern.subn(lambda m, tag=tag: _replace_value(tag, m), text)
        count += n
    return text, count
