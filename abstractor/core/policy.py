"""Policy domain types: the schema of a policy file, the fact catalogue, and the checker's results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from abstractor.core.document import Evidence
from abstractor.core.record import CriterionResult, ExclusionResult, Outcome
from abstractor.core.truth import Truth
from abstractor.core.vocabulary import Site as SITES
from abstractor.core.vocabulary import TrialOutcome as TRIAL_OUTCOMES


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactSpec(_Strict):
    label: str
    type: Literal["bool", "text", "number", "list", "t_scores", "trials"]
    when_silent: Literal["absent", "unknown"]
    gap: str | None = None
    denied_by: str | None = None
    cues: list[str] = Field(default_factory=list)
    false_cues: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _gap_for_unknown(self) -> FactSpec:
        if self.when_silent == "unknown" and not self.gap:
            raise ValueError("a fact that is unknown when silent needs a `gap` (what to request)")
        return self


class FactCatalogue(_Strict):
    version: str
    facts: dict[str, FactSpec]


class _Test(_Strict):
    unless: Test | None = None  # this test AND NOT `unless`
    or_: Test | None = Field(default=None, alias="or")  # this test OR `or` (before `unless` applies)


class IsTrue(_Test):
    op: Literal["is_true"]
    fact: str


class IsFalse(_Test):
    op: Literal["is_false"]
    fact: str


class Equals(_Test):
    op: Literal["equals"]
    fact: str
    value: str | float | bool


class Contains(_Test):
    op: Literal["contains"]
    fact: str
    value: str


class NotEmpty(_Test):
    op: Literal["not_empty"]
    fact: str


class Below(_Test):
    """Met when a measured number is below the payer's threshold (the policy's number, not extraction's)."""

    op: Literal["below"]
    fact: str
    value: float


class Documented(_Test):
    """Met when the chart documents the fact either way; unknown (with a gap) when it is silent."""

    op: Literal["documented"]
    fact: str


class TScoreTest(_Test):
    op: Literal["t_score"]
    fact: Literal["t_scores"] = "t_scores"
    max: float | None = None  # at or below
    below: float | None = None  # strictly below
    sites: list[SITES]

    @model_validator(mode="after")
    def _one_bound(self) -> TScoreTest:
        if (self.max is None) == (self.below is None):
            raise ValueError("a t_score test takes exactly one of `max` (at or below) or `below`")
        return self


class TrialTest(_Test):
    op: Literal["trial"]
    fact: Literal["bisphosphonate_trials"] = "bisphosphonate_trials"
    route: Literal["oral", "iv"] | None = None
    drugs: list[str] | None = None
    outcomes: list[TRIAL_OUTCOMES] | None = None
    min_months: float | None = None


Test = Annotated[
    IsTrue | IsFalse | Equals | Contains | NotEmpty | Below | Documented | TScoreTest | TrialTest,
    Field(discriminator="op"),
]
OPERATORS = ("is_true", "is_false", "equals", "contains", "not_empty", "below", "documented", "t_score", "trial")


class Node(_Strict):
    """A clause: a leaf with a `test`, or a branch: `all` (BOTH / AND), `any` (ONE of / OR) or `not`."""

    id: str
    text: str
    title: str | None = None
    gap: str | None = None
    test: Test | None = None
    all: list[Node] | None = None
    any: list[Node] | None = None
    not_: Node | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_kind(self) -> Node:
        kinds = [k for k in ("test", "all", "any", "not_") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"clause {self.id!r} needs exactly one of test, all, any, not (has {kinds or 'none'})")
        if (self.all is not None and not self.all) or (self.any is not None and not self.any):
            raise ValueError(f"clause {self.id!r} has an empty list of sub-clauses")
        return self

    @property
    def children(self) -> list[Node]:
        return self.all or self.any or ([self.not_] if self.not_ else [])

    def walk(self):
        """This clause and every clause below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class Dosing(_Strict):
    clause: str
    text: str
    dose_mg: float
    interval_months: float
    route: str
    outside: str


class Product(_Strict):
    name: str
    generic: str
    hcpcs: str
    hcpcs_effective: date | None = None


class Hcpcs(_Strict):
    code: str
    text: str
    mg_per_unit: float | None = None
    effective: date | None = None
    until: date | None = None


class Policy(_Strict):
    id: str
    title: str
    payer: str
    document: str
    version: str
    effective_date: date
    end_date: date | None = None
    approval_months: int
    dosing: Dosing
    products: list[Product]
    hcpcs: list[Hcpcs]
    indications_text: str
    indications: list[Node]
    exclusions_text: str = ""
    exclusions: list[Node] = Field(default_factory=list)
    documentation_text: str = ""
    documentation: list[Node] = Field(default_factory=list)

    def clauses(self):
        """Every clause of the policy: indications, exclusions and documentation requirements."""
        for root in (*self.indications, *self.exclusions, *self.documentation):
            yield from root.walk()

    def clause(self, clause_id: str) -> Node | None:
        return next((c for c in self.clauses() if c.id == clause_id), None)

    def in_force(self, on: date) -> bool:
        return self.effective_date <= on and (self.end_date is None or on <= self.end_date)


_Test.model_rebuild()
for _model in (IsTrue, IsFalse, Equals, Contains, NotEmpty, Documented, TScoreTest, TrialTest):
    _model.model_rebuild()
Node.model_rebuild()
Policy.model_rebuild()


@dataclass(frozen=True)
class Verdict:
    """A clause's status, the evidence that decided it, and what to request when it is unknown."""

    status: Truth
    evidence: list[Evidence] = field(default_factory=list)
    gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Check:
    """Everything the checker decided: each clause's result, the exclusions that apply, the outcome."""

    outcome: Outcome
    indication: str | None
    approval_months: int | None
    criteria: list[CriterionResult]
    exclusions: list[ExclusionResult]
    gaps: list[str]
    results: dict[str, Verdict]

    def status(self, clause_id: str) -> Truth | None:
        verdict = self.results.get(clause_id)
        return verdict.status if verdict else None
