"""Policy domain types: the schema of a policy file, the fact catalogue, and the checker's results."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from abstractor.core.document import Evidence, unique_evidence
from abstractor.core.record import CriterionResult, ExclusionResult
from abstractor.core.truth import Truth
from abstractor.core.vocabulary import Outcome, Role, Route, Site, TrialOutcome


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactSpec(_Strict):
    """One fact of the catalogue: its label, type, what the chart's silence means and where it is found."""

    label: str
    type: Literal["bool", "text", "number", "list", "t_scores", "trials"]
    when_silent: Literal["absent", "unknown"]
    gap: str | None = None
    denied_by: str | None = None
    cues: list[str] = Field(default_factory=list)
    false_cues: list[str] = Field(default_factory=list)
    settled_by: list[Role] = Field(default_factory=list)  # the document roles that settle the fact when open

    @model_validator(mode="after")
    def _gap_for_unknown(self) -> FactSpec:
        if self.when_silent == "unknown" and not self.gap:
            raise ValueError("a fact that is unknown when silent needs a `gap` (what to request)")
        return self


class FactCatalogue(_Strict):
    """rules/facts.yaml: every fact a policy leaf may test."""

    version: str
    facts: dict[str, FactSpec]


class _Test(_Strict):
    unless: Test | None = None  # this test AND NOT `unless`
    or_: Test | None = Field(default=None, alias="or")  # this test OR `or` (before `unless` applies)


class IsTrue(_Test):
    """Met when the fact is true."""

    op: Literal["is_true"]
    fact: str


class IsFalse(_Test):
    """Met when the fact is false (or absent, for a fact absent when silent)."""

    op: Literal["is_false"]
    fact: str


class Equals(_Test):
    """Met when the fact equals the value."""

    op: Literal["equals"]
    fact: str
    value: str | float | bool


class Contains(_Test):
    """Met when the list fact contains the value."""

    op: Literal["contains"]
    fact: str
    value: str


class NotEmpty(_Test):
    """Met when the list fact has an item."""

    op: Literal["not_empty"]
    fact: str


class Below(_Test):
    """Met when a measured number is below the payer's threshold (the policy's number, not extraction's)."""

    op: Literal["below"]
    fact: str
    value: float


class AtMost(_Test):
    """Met when a measured number is at or below the payer's threshold."""

    op: Literal["at_most"]
    fact: str
    value: float


class AtLeast(_Test):
    """Met when a measured number is at or above the payer's threshold (FRAX at least 20%, age 65 or older)."""

    op: Literal["at_least"]
    fact: str
    value: float


class Above(_Test):
    """Met when a measured number is above the payer's threshold."""

    op: Literal["above"]
    fact: str
    value: float


# The comparisons of a measured number with a payer's threshold, by operator.
COMPARISONS = {
    "below": lambda value, threshold: value < threshold,
    "at_most": lambda value, threshold: value <= threshold,
    "at_least": lambda value, threshold: value >= threshold,
    "above": lambda value, threshold: value > threshold,
}


class Documented(_Test):
    """Met when the chart documents the fact either way; unknown (with a gap) when it is silent."""

    op: Literal["documented"]
    fact: str


class TScoreTest(_Test):
    """Met when a documented T-score at one of the sites is at or below `max` (or below `below`)."""

    op: Literal["t_score"]
    fact: Literal["t_scores"] = "t_scores"
    max: float | None = None  # at or below
    below: float | None = None  # strictly below
    sites: list[Site]

    @model_validator(mode="after")
    def _one_bound(self) -> TScoreTest:
        if (self.max is None) == (self.below is None):
            raise ValueError("a t_score test takes exactly one of `max` (at or below) or `below`")
        return self


class TrialTest(_Test):
    """Met when a bisphosphonate trial matches the route, drugs, outcomes and minimum duration."""

    op: Literal["trial"]
    fact: Literal["bisphosphonate_trials"] = "bisphosphonate_trials"
    route: Route | None = None
    drugs: list[str] | None = None
    outcomes: list[TrialOutcome] | None = None
    min_months: float | None = None


Test = Annotated[
    IsTrue
    | IsFalse
    | Equals
    | Contains
    | NotEmpty
    | Below
    | AtMost
    | AtLeast
    | Above
    | Documented
    | TScoreTest
    | TrialTest,
    Field(discriminator="op"),
]
OPERATORS = (
    "is_true",
    "is_false",
    "equals",
    "contains",
    "not_empty",
    *COMPARISONS,
    "documented",
    "t_score",
    "trial",
)


def tests_in(test: Test | None):
    """A test and every test nested in it (`or`, `unless`)."""
    if test is None:
        return
    yield test
    yield from tests_in(test.or_)
    yield from tests_in(test.unless)


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
    def title_and_text(self) -> str:
        """How the record names the clause: its title and its text."""
        return f"{self.title}: {self.text}" if self.title else self.text

    @property
    def children(self) -> list[Node]:
        """The sub-clauses: of `all`, of `any`, or the one of `not`."""
        return self.all or self.any or ([self.not_] if self.not_ else [])

    def walk(self):
        """This clause and every clause below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class Dosing(_Strict):
    """The policy's dosing clause: the dose and interval it approves."""

    clause: str
    text: str
    dose_mg: float
    interval_months: float
    route: str
    outside: str


class Product(_Strict):
    """A product the policy covers and its HCPCS code."""

    name: str
    generic: str
    hcpcs: str
    hcpcs_effective: date | None = None


class Hcpcs(_Strict):
    """An HCPCS code the policy lists, its units and the dates it is valid."""

    code: str
    text: str
    mg_per_unit: float | None = None
    effective: date | None = None
    until: date | None = None


class Policy(_Strict):
    """One version of a payer policy: its clause tree, dosing, products and codes (one YAML file)."""

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
        """The clause with this id, if the policy has it."""
        return next((c for c in self.clauses() if c.id == clause_id), None)

    def in_force(self, on: date) -> bool:
        """Whether this version is in force on the date."""
        return self.effective_date <= on and (self.end_date is None or on <= self.end_date)


_Test.model_rebuild()
for _model in (
    IsTrue,
    IsFalse,
    Equals,
    Contains,
    NotEmpty,
    Below,
    AtMost,
    AtLeast,
    Above,
    Documented,
    TScoreTest,
    TrialTest,
):
    _model.model_rebuild()
Node.model_rebuild()
Policy.model_rebuild()


@dataclass(frozen=True)
class Verdict:
    """A leaf test's status, the evidence that decided it, what to request when it is unknown, and the
    findings (T-scores, trials) that qualified when it is met."""

    status: Truth
    evidence: list[Evidence] = field(default_factory=list)
    gaps: tuple[str, ...] = ()
    found: tuple[object, ...] = ()


@dataclass(frozen=True)
class FactRead:
    """A fact a leaf read: whether the chart is silent about it, and whether its reading is in doubt."""

    name: str
    silent: bool
    doubtful: bool = False


@dataclass(frozen=True)
class OpenFact:
    """A fact the chart leaves open that could still change the outcome, and what would settle it."""

    fact: str
    clause: str  # the first clause it keeps open
    request: str  # what to ask the prescriber for
    settled_by: tuple[Role, ...] = ()  # the document roles that would settle it
    decides: bool = True  # False: open, but its clause counted the chart's silence as "no"
    silent: bool = True  # the chart says nothing about it (else its reading is in doubt)
    clauses: tuple[str, ...] = ()  # every clause it keeps open, indications first


@dataclass(frozen=True)
class Decided:
    """One clause of the decision tree: its status, the evidence and sub-clauses that decided it, the facts
    it read, and what to request when it is unknown."""

    clause: Node
    status: Truth
    evidence: list[Evidence] = field(default_factory=list)
    gaps: tuple[str, ...] = ()
    children: tuple[Decided, ...] = ()
    reads: tuple[FactRead, ...] = ()
    found: tuple[object, ...] = ()
    requires: tuple[Decided, ...] = ()  # what an indication also requires (the documentation clauses)
    own: Truth | None = None  # with `requires`: the status of the clause alone
    unconfirmed: tuple[Evidence, ...] = ()  # a leaf left unknown: met only by OCR read with low confidence
    forced: bool = False  # a reviewer's override gave the clause its status; nothing below it decided it

    @property
    def id(self) -> str:
        """The clause's id."""
        return self.clause.id

    @property
    def kind(self) -> Literal["leaf", "all", "any", "not"]:
        """What kind of clause it is: a leaf test, or a branch of all, any or not."""
        if self.clause.test is not None:
            return "leaf"
        return "all" if self.clause.all is not None else "any" if self.clause.any is not None else "not"

    def walk(self):
        """This clause and every clause below it, depth first (an indication's requirements excluded)."""
        yield self
        for child in self.children:
            yield from child.walk()

    def deciding(self) -> tuple[Decided, ...]:
        """The sub-clauses that decided this clause's status: for a met ALL every part, for a met ANY the
        parts met, for a failed ALL the parts not met, for a failed ANY every part, for NOT its part;
        for an unknown clause, the parts still unknown. An indication's requirements count as parts of
        an ALL around it."""
        if self.requires:
            alone = self.alone()
            return tuple(d for part in self._required_parts() for d in (alone.deciding() if part is alone else (part,)))
        if self.kind == "leaf" or self.forced:
            return ()
        if self.kind == "not":
            return self.children
        if self.status is Truth.UNKNOWN:
            return tuple(c for c in self.children if c.status is Truth.UNKNOWN)
        if (self.kind == "all") == (self.status is Truth.MET):
            return self.children
        return tuple(c for c in self.children if c.status is self.status)

    def paths(self) -> list[tuple[Decided, ...]]:
        """Every path from this clause down its deciding sub-clauses to a deciding leaf."""
        if self.requires:
            alone, out = self.alone(), []
            for part in self._required_parts():
                if part is alone:
                    out += [(self, *path[1:]) for path in alone.paths()]
                else:
                    out += [(self, *path) for path in part.paths()]
            return out
        if self.kind == "leaf" or self.forced:
            return [(self,)]
        return [(self, *path) for child in self.deciding() for path in child.paths()]

    def alone(self) -> Decided:
        """This clause as its own sub-clauses decided it, without what an indication also requires."""
        if not self.requires:
            return self
        return replace(self, status=self.own or self.status, requires=(), own=None)

    def _required_parts(self) -> list[Decided]:
        parts = [self.alone(), *self.requires]
        if self.status is Truth.MET:
            return parts
        return [p for p in parts if p.status is self.status]


@dataclass(frozen=True)
class Decision:
    """The checker's decision tree and what follows from it: the outcome, the indication met, the
    exclusions that apply, what to request, and the facts still open that could change the outcome."""

    outcome: Outcome
    indication: str | None
    approval_months: int | None
    indications: tuple[Decided, ...]
    exclusions: tuple[Decided, ...]
    documentation: tuple[Decided, ...]
    applied: tuple[Decided, ...]  # the exclusions that apply
    gaps: list[str]
    open_facts: tuple[OpenFact, ...]
    pending: tuple[str, ...] = ()  # reasons every indication pends (a date of service outside the version)

    def roots(self) -> tuple[Decided, ...]:
        """The indications, then the exclusions, then the documentation clauses."""
        return (*self.indications, *self.exclusions, *self.documentation)

    def walk(self):
        """Every clause of the tree, depth first, indications then exclusions then documentation."""
        for root in self.roots():
            yield from root.walk()

    def clause(self, clause_id: str) -> Decided | None:
        """The decided clause with this id."""
        return next((d for d in self.walk() if d.id == clause_id), None)

    def status(self, clause_id: str) -> Truth | None:
        """The status of the clause with this id."""
        decided = self.clause(clause_id)
        return decided.status if decided else None

    def outcome_paths(self) -> list[tuple[Decided, ...]]:
        """The paths that decided the outcome: through the exclusions applied, else the indication met, else
        every indication (why each failed or is still open)."""
        roots = self.applied or [d for d in self.indications if d.id == self.indication] or self.indications
        return [path for root in roots for path in root.paths()]

    def criteria(self) -> list[CriterionResult]:
        """The record's flat list of criteria: every clause of the tree, depth first, those on a path that
        decided the outcome marked `deciding`."""
        on_path = {d.id for path in self.outcome_paths() for d in path}
        return [
            CriterionResult(
                id=d.id,
                text=d.clause.title_and_text,
                status=d.status.value,
                evidence=d.evidence,
                kind=d.kind,
                fact=d.clause.test.fact if d.clause.test is not None else None,
                deciding=d.id in on_path,
            )
            for d in self.walk()
        ]

    def exclusion_results(self) -> list[ExclusionResult]:
        """The record's exclusions: those that apply on the chart's evidence (one a reviewer's override applied
        without a chart quote is listed in the record's overrides instead)."""
        return [
            ExclusionResult(id=x.id, text=x.clause.title_and_text, evidence=x.evidence)
            for x in self.applied
            if x.evidence
        ]

    def root_of(self, clause_id: str) -> Decided | None:
        """The indication, exclusion or documentation clause that `clause_id` belongs to."""
        return next((root for root in self.roots() if any(d.id == clause_id for d in root.walk())), None)

    def unconfirmed_ocr(self) -> list[Evidence]:
        """The OCR readings a reviewer must confirm against the page image before they can decide anything."""
        return unique_evidence(ev for d in self.walk() for ev in d.unconfirmed)

    def engaged(self, indication: Decided) -> bool:
        """An indication not met worth explaining: part of it is met and its population (a leaf directly
        under it) fits, or it is the policy's only indication."""
        if any(c.kind == "leaf" and c.status is Truth.NOT_MET for c in indication.children):
            return False
        return any(c.status is Truth.MET for c in indication.children) or len(self.indications) == 1

    def met_indication(self) -> Decided | None:
        """The indication the outcome reports as met, if any."""
        return next((d for d in self.indications if d.id == self.indication), None)
