"""Three-valued truth (met / not_met / unknown) with Kleene AND and OR."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Truth(StrEnum):
    """The status of a criterion: Kleene's strong three-valued logic.

    Its values are the record's `Status` (abstractor.core.vocabulary.STATUSES), in the same order; a test
    holds the two together.
    """

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | None) -> Truth:
        """Map True/False/None to met/not_met/unknown."""
        if value is None:
            return cls.UNKNOWN
        return cls.MET if value else cls.NOT_MET

    def negate(self) -> Truth:
        """Kleene NOT: unknown stays unknown."""
        return {Truth.MET: Truth.NOT_MET, Truth.NOT_MET: Truth.MET}.get(self, Truth.UNKNOWN)


def all_of(values: Iterable[Truth]) -> Truth:
    """Kleene AND: not_met if any is not_met, else unknown if any is unknown, else met."""
    values = list(values)
    if Truth.NOT_MET in values:
        return Truth.NOT_MET
    if Truth.UNKNOWN in values:
        return Truth.UNKNOWN
    return Truth.MET


def any_of(values: Iterable[Truth]) -> Truth:
    """Kleene OR: met if any is met, else unknown if any is unknown, else not_met."""
    values = list(values)
    if Truth.MET in values:
        return Truth.MET
    if Truth.UNKNOWN in values:
        return Truth.UNKNOWN
    return Truth.NOT_MET
