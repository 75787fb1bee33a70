"""Which named patterns and thresholds of rules/nlp/values.yaml each extractor reads, collected in one place.

Each module that reads `rules.regex[...]` or `rules.values.thresholds[...]` declares, at module level and
next to the code that reads them, the names it reads: `PATTERNS`, and `THRESHOLDS` where it reads any.
This module collects those declarations by module name; `abstractor.nlp.rules.load_rules` checks a values
file against them when it loads it, so a file missing a name fails at load, naming the extractor that needs
it, never in the middle of a review. The loader imports this module inside the function: the extractors
import abstractor.nlp.rules, and a top-level import either way would be a cycle. A test scans the
source of abstractor/nlp for literal reads, so a declaration cannot fall behind its code.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

from abstractor.nlp import bone, extract, icd10, patient, reader, request, therapy


class RuleKeys(NamedTuple):
    """The names of rules/nlp/values.yaml one module reads."""

    patterns: frozenset[str]
    thresholds: frozenset[str]


def _declared(module: ModuleType) -> RuleKeys:
    return RuleKeys(module.PATTERNS, getattr(module, "THRESHOLDS", frozenset()))


# Every module under abstractor/nlp that reads a named pattern or threshold, by module name.
RULE_KEYS: dict[str, RuleKeys] = {
    module.__name__: _declared(module) for module in (bone, extract, icd10, patient, reader, request, therapy)
}
