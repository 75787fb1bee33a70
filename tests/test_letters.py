"""Letters to the prescriber, written from the decision tree: the records request when a review pends, the
denial letter when the request does not meet the criteria, and neither when it is approved."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from policy_facts import build, t_score, trial
from typer.testing import CliRunner

from abstractor.cli import app
from abstractor.core.record import Request
from abstractor.core.truth import Truth
from abstractor.policy.checker import check
from abstractor.policy.loader import load_catalogue, select_policy
from abstractor.report.letter import denial_letter, records_request

CIGNA = select_policy("cigna-IP0331", "2025-11-01")
POSTMENOPAUSAL = {"sex": "female", "postmenopausal": True}
# Documented not to fracture or to be at high risk, with normal kidneys: the T-score and step therapy decide.
LOW_RISK = {
    **POSTMENOPAUSAL,
    "fragility_fracture": False,
    "high_risk_per_prescriber": False,
    "severe_renal_impairment": False,
}


def letter(updates: dict, forced: dict[str, str] | None = None) -> tuple[str, object]:
    facts, request, evidence = build(updates)
    decision = check(
        CIGNA, facts, request, evidence, load_catalogue(), forced={k: Truth(v) for k, v in (forced or {}).items()}
    )
    return denial_letter("case-1", CIGNA, decision, Request(product="Prolia")), decision


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_each_outcome_has_its_letter_and_only_its_letter(reviews, name):
    review = reviews[name]
    outcome = review.record.determination.outcome
    assert bool(review.denial_letter) is (outcome == "does_not_meet_criteria")
    assert bool(review.records_request) is (outcome == "insufficient_documentation")


@pytest.mark.parametrize(
    ("updates", "forced", "stated", "absent"),
    [
        # A T-score that does not qualify and no fracture: 4.A fails, with each of its clauses.
        (
            {**LOW_RISK, "t_scores": [t_score(-2.0)], "bisphosphonate_trials": [trial()]},
            {},
            ["4.A.i", "4.A.ii"],
            ["NC.1"],
        ),
        # No step therapy tried: 4.B fails.
        (
            {**LOW_RISK, "t_scores": [t_score(-2.6)], "bisphosphonate_naive": True},
            {},
            ["4.B", "4.B.i", "4.B.ii"],
            ["4.A.i", "NC.1"],
        ),
        # Concurrent teriparatide: the exclusion, not the indications.
        (
            {
                **POSTMENOPAUSAL,
                "t_scores": [t_score(-2.6)],
                "bisphosphonate_trials": [trial()],
                "concurrent_osteoporosis_therapy": ["teriparatide"],
            },
            {},
            ["NC.1"],
            ["Criteria not met", "4.B.i"],
        ),
    ],
)
def test_a_denial_states_each_clause_not_met_with_the_policys_text(updates, forced, stated, absent):
    text, decision = letter(updates, forced)
    assert decision.outcome == "does_not_meet_criteria"
    for clause_id in stated:
        assert f"{clause_id}: {CIGNA.clause(clause_id).title_and_text}" in text or (
            f"{clause_id}**: {CIGNA.clause(clause_id).title}" in text
        ), clause_id
    for word in absent:
        assert word not in text
    assert "## What would change the outcome" in text


def test_a_denial_by_exclusion_names_it_and_asks_for_documentation_that_it_no_longer_applies():
    text, _ = letter(
        {
            **POSTMENOPAUSAL,
            "t_scores": [t_score(-2.6)],
            "bisphosphonate_trials": [trial()],
            "concurrent_osteoporosis_therapy": ["teriparatide"],
        }
    )
    nc1 = CIGNA.clause("NC.1")
    assert f"**{CIGNA.document} NC.1**: {nc1.title}" in text
    assert f"this condition no longer applies: {nc1.title}" in text
    assert f"{CIGNA.document} NC.1**: {nc1.title_and_text}" in text and "   - NC.1:" not in text, "stated once"


def test_what_would_change_a_denial_names_the_open_facts_and_where_they_are_found():
    # The T-score qualifies, no bisphosphonate was tried, and the chart is silent about barriers to oral ones.
    text, decision = letter({**LOW_RISK, "t_scores": [t_score(-2.6)], "bisphosphonate_naive": True})
    changes = text.split("## What would change the outcome", 1)[1]
    failed = {p[-1].id for p in decision.clause("4").paths() if p[-1].status is Truth.NOT_MET}
    open_ = [o for o in decision.open_facts if failed & set(o.clauses)]
    assert open_, "the fixture leaves facts of 4.B open"
    for o in open_:
        assert o.request[1:] in changes
    assert "usually found in: a clinical note" in changes
    assert "4.B.ii.a" in changes


def test_a_clause_a_reviewer_decided_is_marked_in_the_letter():
    approved = {**POSTMENOPAUSAL, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]}
    text, decision = letter(approved, {"4.B": "not_met"})
    assert decision.outcome == "does_not_meet_criteria"
    assert f"4.B: {CIGNA.clause('4.B').title_and_text} (a reviewer's determination)" in text


@pytest.mark.parametrize(
    ("updates", "outcome"),
    [
        ({**POSTMENOPAUSAL, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]}, "meets_criteria"),
        ({**POSTMENOPAUSAL, "t_scores": [t_score(-2.6)]}, "insufficient_documentation"),
    ],
)
def test_no_denial_letter_unless_the_request_is_denied(updates, outcome):
    text, decision = letter(updates)
    assert decision.outcome == outcome and text == ""
    pending = records_request("case-1", CIGNA, decision, Request())
    assert bool(pending) is (outcome == "insufficient_documentation")


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("excl-concurrent-alendronate", "# Notice of denial"),
        ("pmo-insufficient-no-history", "# Request for medical records"),
        ("pmo-alendronate-failure", "no letter (the request meets the criteria)"),
    ],
)
def test_the_cli_prints_the_letter_that_applies(name, heading):
    bundle = next(p for p in SAMPLES if p.name == name)
    result = CliRunner().invoke(app, ["review", str(bundle), "--format", "letter"])
    assert result.exit_code == 0, result.output
    assert heading in result.output
