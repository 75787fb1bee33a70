"""The structured answer the model must give: each fact with its value and the verbatim quote behind it."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from abstractor.core.vocabulary import ROUTES, SITES, TRIAL_OUTCOMES


def _one_of(words: Iterable[str]) -> str:
    """Words as a list a model reads: "a, b or c"."""
    *rest, last = words
    return f"{', '.join(rest)} or {last}" if rest else last


class FoundFact(BaseModel):
    """One fact the chart states, with the exact words that state it."""

    fact: str = Field(description="the fact's name, exactly as listed in the question")
    value: str | None = Field(default=None, description="the value: true or false, a number, or a word from the list")
    quote: str = Field(description="the exact words of the chart that state this value, copied character for character")
    source: str | None = Field(default=None, description="the document name shown before the passage")
    site: str | None = Field(default=None, description=f"for t_scores: {_one_of(s for s in SITES if s != 'other')}")
    drug: str | None = Field(default=None, description="for bisphosphonate_trials: the generic drug name")
    route: str | None = Field(default=None, description=f"for bisphosphonate_trials: {_one_of(ROUTES)}")
    outcome: str | None = Field(
        default=None,
        description=f"for bisphosphonate_trials: {_one_of(TRIAL_OUTCOMES)}",
    )
    months: float | None = Field(default=None, description="for bisphosphonate_trials: duration in months")


class FactAnswers(BaseModel):
    """Facts found in the chart passages; leave out any fact the passages do not state."""

    facts: list[FoundFact] = Field(default_factory=list)
