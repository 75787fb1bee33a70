"""Leaf predicates: one fact test against plain facts, giving met / not_met / unknown with its evidence."""

from __future__ import annotations

from dataclasses import dataclass

from abstractor.core.document import Evidence
from abstractor.core.policy import (
    COMPARISONS,
    Contains,
    Documented,
    Equals,
    FactCatalogue,
    IsFalse,
    IsTrue,
    NotEmpty,
    Test,
    TrialTest,
    TScoreTest,
    Verdict,
)
from abstractor.core.record import Facts, Request
from abstractor.core.truth import Truth, all_of, any_of


@dataclass(frozen=True)
class FactView:
    """The facts a policy reads: the record's facts and request, their evidence, and the catalogue."""

    facts: Facts
    request: Request
    evidence: dict[str, list[Evidence]]
    catalogue: FactCatalogue

    def value(self, name: str) -> object:
        """A fact's value, or the request's for `request.<field>`."""
        if name.startswith("request."):
            return getattr(self.request, name.removeprefix("request."))
        return getattr(self.facts, name)

    def evidence_for(self, name: str) -> list[Evidence]:
        """A fact's evidence; for lists of findings (T-scores, fractures, trials), their items' evidence."""
        if name in self.evidence:
            return self.evidence[name]
        value = self.value(name)
        if isinstance(value, list) and value:
            return [ev for item in value for ev in getattr(item, "evidence", [])]
        denied_by = self.catalogue.facts[name].denied_by
        return self.evidence.get(denied_by, []) if denied_by else []

    def silent(self, name: str) -> bool:
        """Whether the chart says nothing about the fact: the one definition every reader of the tree uses.

        A null value or an empty list is silent, unless a fact that denies it is documented (an empty list of
        bisphosphonate trials is not silent when the chart says the patient never took one)."""
        value = self.value(name)
        if value not in (None, []):
            return False
        denied_by = self.catalogue.facts[name].denied_by
        return denied_by is None or self.value(denied_by) is None

    def doubtful(self, name: str) -> bool:
        """Whether the chart's reading of the fact is in doubt: documented both ways, or only unsurely."""
        return name in self.facts.conflicts or name in self.facts.unconfirmed

    def when_silent(self, name: str) -> Verdict:
        """A leaf's verdict when the chart is silent about its fact: not met, or unknown with the gap."""
        spec = self.catalogue.facts[name]
        if spec.when_silent == "absent":
            return Verdict(Truth.NOT_MET)
        return Verdict(Truth.UNKNOWN, gaps=(spec.gap or name,))

    def conflict(self, name: str) -> Verdict | None:
        """Unknown, with a gap, for a fact the chart states both ways or only in a form answer read uncertainly."""
        if name in self.facts.conflicts:
            return Verdict(
                Truth.UNKNOWN,
                self.evidence.get(name, []),
                (f"clarify {name.replace('_', ' ')}: the chart documents it both ways",),
            )
        if name in self.facts.unconfirmed:
            return Verdict(
                Truth.UNKNOWN,
                self.evidence.get(name, []),
                (f"confirm {name.replace('_', ' ')}: only a form answer whose box could not be read with certainty",),
            )
        return None


def evaluate(test: Test, view: FactView) -> Verdict:
    """Evaluate a leaf test with its `or` and `unless` clauses (Kleene: (test OR or) AND NOT unless)."""
    verdict = _evaluate(test, view)
    if test.or_ is not None:
        alternative = evaluate(test.or_, view)
        status = any_of([verdict.status, alternative.status])
        deciding = [v for v in (verdict, alternative) if v.status is status]
        verdict = Verdict(
            status,
            [ev for v in deciding for ev in v.evidence] if status is not Truth.UNKNOWN else [],
            tuple(g for v in (verdict, alternative) if v.status is Truth.UNKNOWN for g in v.gaps),
            tuple(item for v in deciding for item in v.found),
        )
    if test.unless is None:
        return verdict
    unless = evaluate(test.unless, view)
    status = all_of([verdict.status, unless.status.negate()])
    evidence = verdict.evidence + (unless.evidence if unless.status is not Truth.NOT_MET or status is Truth.MET else [])
    return Verdict(status, evidence if status is not Truth.UNKNOWN else [], verdict.gaps + unless.gaps, verdict.found)


def _evaluate(test: Test, view: FactView) -> Verdict:
    if (conflict := view.conflict(test.fact)) is not None:
        return conflict
    if isinstance(test, TScoreTest):
        return _t_score(test, view)
    if isinstance(test, TrialTest):
        return _trial(test, view)
    if isinstance(test, Documented):
        if view.silent(test.fact):
            spec = view.catalogue.facts[test.fact]
            return Verdict(Truth.UNKNOWN, gaps=(spec.gap or f"documentation of {spec.label}",))
        return Verdict(Truth.MET, view.evidence_for(test.fact))
    if view.silent(test.fact):
        silent = view.when_silent(test.fact)
        if silent.status is Truth.UNKNOWN or not isinstance(test, IsFalse):
            return silent
        return Verdict(Truth.MET)  # an absent fact is false; is_false on it holds
    value, evidence = view.value(test.fact), view.evidence.get(test.fact, [])
    if test.op in COMPARISONS:
        result = isinstance(value, int | float) and COMPARISONS[test.op](value, test.value)
    elif isinstance(test, IsTrue):
        result = value is True
    elif isinstance(test, IsFalse):
        result = value is False
    elif isinstance(test, Equals):
        result = value == test.value
    elif isinstance(test, Contains):
        result = test.value in (value or [])
    elif isinstance(test, NotEmpty):
        result = bool(value)
    else:  # pragma: no cover - the schema admits no other operator
        raise TypeError(f"unknown test {test!r}")
    return Verdict(Truth.of(result), evidence)


def _t_score(test: TScoreTest, view: FactView) -> Verdict:
    scores = view.facts.t_scores
    if not scores:
        return view.when_silent("t_scores")

    def qualifies(value: float) -> bool:
        return value <= test.max if test.max is not None else value < test.below

    hits = [t for t in scores if t.site in test.sites and qualifies(t.value)]
    chosen = hits or scores
    return Verdict(Truth.of(bool(hits)), [ev for t in chosen for ev in t.evidence], found=tuple(hits))


def _trial(test: TrialTest, view: FactView) -> Verdict:
    if (conflict := view.conflict("bisphosphonate_naive")) is not None:
        return conflict
    trials = view.facts.bisphosphonate_trials
    if not trials:
        if view.silent("bisphosphonate_trials"):
            return view.when_silent("bisphosphonate_trials")
        return Verdict(Truth.NOT_MET, view.evidence.get("bisphosphonate_naive", []))
    tried = [
        t
        for t in trials
        if (test.route is None or t.route == test.route) and (test.drugs is None or t.drug in test.drugs)
    ]
    if test.outcomes is not None:
        undecided = [t for t in tried if t.outcome == "unknown"]
        tried = [t for t in tried if t.outcome in test.outcomes]
        if not tried and undecided:
            names = ", ".join(sorted({t.drug.replace("_", " ") for t in undecided}))
            return Verdict(Truth.UNKNOWN, gaps=(f"why {names} was stopped: inadequate response or intolerance",))
    if not tried:
        return Verdict(Truth.NOT_MET, [ev for t in trials for ev in t.evidence])
    if test.min_months is not None:
        long_enough = [t for t in tried if t.months is not None and t.months >= test.min_months]
        if long_enough:
            return Verdict(Truth.MET, [ev for t in long_enough for ev in t.evidence], found=tuple(long_enough))
        if any(t.months is None for t in tried):
            names = ", ".join(sorted({t.drug.replace("_", " ") for t in tried}))
            months = f"{test.min_months:g} months"
            return Verdict(Truth.UNKNOWN, gaps=(f"duration of the {names} trial (the policy requires {months})",))
        return Verdict(Truth.NOT_MET, [ev for t in tried for ev in t.evidence])
    return Verdict(Truth.MET, [ev for t in tried for ev in t.evidence], found=tuple(tried))
