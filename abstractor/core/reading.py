"""A port between stages: what the project's own rules read in the chart, for stages that may not import nlp."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from abstractor.core.document import Document


@dataclass(frozen=True)
class SpanReading:
    """What the rules read inside one span: concepts by context, numbers, bone-density sites, cue words.

    Concepts appear both as a label ("BISPHOSPHONATE") and as "label:normal" ("BISPHOSPHONATE:alendronate").
    """

    affirmed: frozenset[str]
    negated: frozenset[str]
    not_about_patient: frozenset[str]  # a relative's, hypothetical, or a risk statement
    numbers: tuple[float, ...]
    sites: frozenset[str]
    cues: frozenset[str]


@dataclass(frozen=True)
class Passage:
    """A stretch of a document worth showing to a reader (sentences around concept mentions)."""

    document: Document
    start: int
    end: int

    @property
    def text(self) -> str:
        """The passage's text."""
        return self.document.text[self.start : self.end]


class ChartReader(Protocol):
    """Reads the chart with the project's rules."""

    def read(self, source: str, start: int, end: int) -> SpanReading:
        """What the rules read in document `source` between the offsets."""
        ...

    def passages(self, labels: Iterable[str], budget_chars: int) -> list[Passage]:
        """Sentences that mention any of the labels, with a neighbour each side, within a character budget."""
        ...
