"""The structured answer the model must give: each fact with its value and the verbatim quote behind it."""

from __future__ import annotations

from pydantic import BaseModel, Field


class FoundFact(BaseModel):
    """One fact the chart states, with the exact words that state it."""

    fact: str = Field(description="the fact's name, exactly as listed in the question")
    value: str | None = Field(default=None, description="the value: true or false, a number, or a word from the list")
    quote: str = Field(description="the exact words of the chart that state this value, copied character for character")
    source: str | None = Field(default=None, description="the document name shown before the passage")
    site: str | None = Field(
        default=None, description="for t_scores: lumbar_spine, femoral_neck, total_hip or radius_33"
    )
    drug: str | None = Field(default=None, description="for bisphosphonate_trials: the generic drug name")
    route: str | None = Field(default=None, description="for bisphosphonate_trials: oral or iv")
    outcome: str | None = Field(
        default=None,
        description="for bisphosphonate_trials: inadequate_efficacy, intolerance, ongoing, completed or unknown",
    )
    months: float | None = Field(default=None, description="for bisphosphonate_trials: duration in months")


class FactAnswers(BaseModel):
    """Facts found in the chart passages; leave out any fact the passages do not state."""

    facts: list[FoundFact] = Field(default_factory=list)
