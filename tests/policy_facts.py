"""Hand-built fact sets for policy tests: facts that drive one leaf test to met, not_met or unknown."""

from __future__ import annotations

from abstractor.core.document import Evidence
from abstractor.core.policy import (
    COMPARISONS,
    Contains,
    Documented,
    Equals,
    IsFalse,
    IsTrue,
    NotEmpty,
    TrialTest,
    TScoreTest,
)
from abstractor.core.record import BisphosphonateTrial, Facts, Request, TScore

EV = Evidence(source="note.txt", start=0, end=4, quote="note")
# For `equals`: a documented value other than the one the clause asks for.
OTHER = {"male": "female", "female": "male", "Xgeva": "Prolia", "Prolia": "Xgeva"}
# A documented value of each type, for `documented`.
DOCUMENTED = {
    "t_scores": None,
    "sex": "female",
    "age": 70,
    "postmenopausal": False,
    "high_risk_per_prescriber": False,
    "frax_major": 12.0,
    "bisphosphonate_trials": None,
    "fragility_fracture": False,
}


def build(updates: dict, evidence: dict | None = None) -> tuple[Facts, Request, dict]:
    """Facts and Request from flat updates ("request.x" keys go to the request); evidence for every value."""
    request = {k.removeprefix("request."): v for k, v in updates.items() if k.startswith("request.")}
    facts = {k: v for k, v in updates.items() if not k.startswith("request.")}
    ev = {k: [EV] for k, v in updates.items() if v not in (None, [], False) or v is False}
    ev.update(evidence or {})
    return Facts(**facts), Request(**request), ev


def t_score(value: float, site: str = "lumbar_spine") -> TScore:
    return TScore(site=site, value=value, evidence=[EV])


def trial(drug="alendronate", route="oral", outcome="inadequate_efficacy", months=24.0) -> BisphosphonateTrial:
    return BisphosphonateTrial(drug=drug, route=route, outcome=outcome, months=months, evidence=[EV])


def leaf_facts(test, state: str) -> dict:
    """Updates that make `test` (without its `unless`) met, not_met or unknown."""
    if isinstance(test, Documented):
        if state == "not_met":
            raise ValueError("a documentation clause is never not_met: silence leaves it unknown")
        if state == "unknown":
            return {test.fact: [] if test.fact in ("t_scores", "bisphosphonate_trials") else None}
        special = {"t_scores": [t_score(-1.0)], "bisphosphonate_trials": [trial()]}
        return {test.fact: special.get(test.fact, DOCUMENTED.get(test.fact, True))}
    if state == "unknown":
        if isinstance(test, TScoreTest):
            return {"t_scores": []}
        if isinstance(test, TrialTest):
            return {"bisphosphonate_trials": [], "bisphosphonate_naive": None}
        return {"conflicts": [test.fact]}
    met = state == "met"
    if isinstance(test, IsTrue):
        return {test.fact: met}
    if isinstance(test, IsFalse):
        return {test.fact: not met}
    if isinstance(test, Equals):
        return {test.fact: test.value if met else OTHER.get(test.value, "other")}
    if isinstance(test, Contains):
        return {test.fact: [test.value] if met else []}
    if test.op in COMPARISONS:
        candidates = (test.value - 1, test.value, test.value + 1)
        return {test.fact: next(v for v in candidates if COMPARISONS[test.op](v, test.value) is met)}
    if isinstance(test, NotEmpty):
        return {test.fact: ["teriparatide"] if met else []}
    if isinstance(test, TScoreTest):
        bound = test.max if test.max is not None else test.below - 0.1
        return {"t_scores": [t_score(bound if met else 0.5, test.sites[0])]}
    if isinstance(test, TrialTest):
        if not met:
            return {"bisphosphonate_trials": [], "bisphosphonate_naive": True}
        drug = (test.drugs or ["alendronate"])[0]
        outcome = (test.outcomes or ["completed"])[0]
        return {"bisphosphonate_trials": [trial(drug, test.route or "oral", outcome, max(test.min_months or 0, 24))]}
    raise AssertionError(f"no fact builder for {test!r}")


def merged(*parts: dict) -> dict:
    out: dict = {}
    for part in parts:
        for key, value in part.items():
            out[key] = out.get(key, []) + value if key == "conflicts" else value
    return out
