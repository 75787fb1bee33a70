"""The policy engine: Kleene logic, every leaf in all three states, indications, exclusions, outcomes, loader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from policy_facts import EV, build, leaf_facts, merged, t_score, trial

from abstractor.core.errors import PolicyNotFoundError, RulesFileError
from abstractor.core.truth import Truth, all_of, any_of
from abstractor.policy.checker import check
from abstractor.policy.loader import installed_policies, load_catalogue, load_policy, select_policy
from abstractor.policy.predicates import FactView, evaluate

M, N, U = Truth.MET, Truth.NOT_MET, Truth.UNKNOWN
FIXTURES = Path(__file__).parent / "fixtures" / "policies"
CIGNA = select_policy("cigna-IP0331")


@pytest.mark.parametrize(
    ("values", "all_expected", "any_expected"),
    [
        ([M, M], M, M),
        ([M, N], N, M),
        ([M, U], U, M),
        ([N, U], N, U),
        ([U, U], U, U),
        ([N, N], N, N),
        ([], M, N),
    ],
)
def test_kleene_all_and_any(values, all_expected, any_expected):
    assert all_of(values) is all_expected
    assert any_of(values) is any_expected


def test_kleene_not():
    assert [t.negate() for t in (M, N, U)] == [N, M, U]


# Every leaf in each state it can take; a `documented` clause cannot be not_met (silence leaves it unknown).
CASES = [
    (p.id, node, state)
    for p in installed_policies()
    for node in p.clauses()
    if node.test is not None
    for state in ("met", "not_met", "unknown")
    if not (node.test.op == "documented" and state == "not_met")
]


@pytest.mark.parametrize(("policy_id", "leaf", "state"), CASES, ids=[f"{p}:{n.id}:{s}" for p, n, s in CASES])
def test_every_leaf_in_every_state(policy_id, leaf, state):
    test = leaf.test
    unless = leaf_facts(test.unless, "not_met") if test.unless is not None and state == "met" else {}
    if test.unless is not None and state == "not_met":
        unless = leaf_facts(test.unless, "met")  # the `unless` clause alone defeats the leaf
        main = leaf_facts(test, "met")
    else:
        main = leaf_facts(test, state)
    facts, request, evidence = build(merged(unless, main))
    verdict = evaluate(test, FactView(facts, request, evidence, load_catalogue()))
    assert verdict.status.value == state
    if state == "met":
        assert verdict.evidence, "a met leaf carries its evidence"
    if state == "unknown":
        assert verdict.gaps, "an unknown leaf says what to request"


MINIMAL = {
    "1": {"sex": "female", "breast_cancer": True, "aromatase_inhibitor": True},
    "2": {"sex": "male", "prostate_cancer": True, "androgen_deprivation": True},
    "3": {"sex": "female", "postmenopausal": False, "systemic_glucocorticoid": True, "fragility_fracture": True},
    "4": {"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]},
    "5": {
        "sex": "male",
        "t_scores": [t_score(-2.8, "femoral_neck")],
        "oral_bisphosphonate_barriers": ["cannot_swallow"],
    },
    "6": {"sex": "male", "prostate_cancer": True, "bone_metastases": True, "androgen_deprivation": True},
    "7": {"sex": "female", "postmenopausal": False, "estrogen_deprivation": True},
}


def run(updates: dict, policy=CIGNA):
    facts, request, evidence = build(updates)
    return check(policy, facts, request, evidence, load_catalogue())


@pytest.mark.parametrize("indication", sorted(MINIMAL))
def test_every_indication_from_a_minimal_fact_set(indication):
    result = run(MINIMAL[indication])
    assert (result.outcome, result.indication, result.approval_months) == ("meets_criteria", indication, 12)


def test_first_met_indication_is_reported_and_all_are_shown():
    result = run(merged(MINIMAL["1"], {"postmenopausal": True}))
    assert result.indication == "1"
    assert result.status("7") is M and result.status("1") is M


@pytest.mark.parametrize(
    ("updates", "exclusion"),
    [
        ({"concurrent_osteoporosis_therapy": ["teriparatide"]}, "NC.1"),
        ({"giant_cell_tumor": True}, "NC.2"),
        (
            {
                "osteoporosis_prevention": True,
                "t_scores": [t_score(-1.3)],
                "fragility_fracture": False,
                "high_risk_per_prescriber": False,
            },
            "NC.3",
        ),
    ],
)
def test_each_exclusion_gives_does_not_meet(updates, exclusion):
    result = run(merged(MINIMAL["4"], updates) if exclusion != "NC.3" else merged({"sex": "female"}, updates))
    assert result.outcome == "does_not_meet_criteria" and result.indication is None
    assert [x.id for x in result.applied] == [exclusion] and result.applied[0].evidence


def test_prevention_wording_does_not_exclude_treatment_of_osteoporosis():
    result = run(merged(MINIMAL["4"], {"osteoporosis_prevention": True}))
    assert result.outcome == "meets_criteria" and not result.applied


def test_insufficient_documentation_names_what_to_request():
    result = run({"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.7)]})
    assert result.outcome == "insufficient_documentation"
    assert any("history of bisphosphonate therapy" in g for g in result.gaps)
    assert any("fracture history" in g for g in result.gaps)


def test_trial_without_duration_or_reason_stays_open():
    no_months = run(merged(MINIMAL["4"], {"bisphosphonate_trials": [trial(months=None)]}))
    assert no_months.status("4.B.ii.a") is U
    assert any("duration of the alendronate trial" in g for g in no_months.gaps)
    short = run(merged(MINIMAL["4"], {"bisphosphonate_trials": [trial(months=6)], "bisphosphonate_naive": None}))
    assert short.status("4.B.ii.a") is N
    no_reason = run(merged(MINIMAL["4"], {"bisphosphonate_trials": [trial(outcome="unknown")]}))
    assert no_reason.status("4.B.ii.b") is U and any("why alendronate was stopped" in g for g in no_reason.gaps)


def test_step_therapy_denial_is_does_not_meet():
    result = run(
        {
            "sex": "female",
            "postmenopausal": True,
            "t_scores": [t_score(-2.7)],
            "bisphosphonate_naive": True,
            "fragility_fracture": False,
            "severe_renal_impairment": False,
        }
    )
    assert result.outcome == "does_not_meet_criteria" and not result.gaps
    assert result.status("4.A") is M and result.status("4.B") is N


def test_conflicting_fact_is_unknown_not_a_silent_pick():
    result = run(merged(MINIMAL["4"], {"postmenopausal": None, "conflicts": ["postmenopausal"]}))
    assert result.status("4.P") is U
    assert any("clarify postmenopausal" in g for g in result.gaps)


def test_policy_selection_by_id_and_date_of_service():
    assert select_policy("CIGNA-ip0331", "2025-11-01").id == "cigna-IP0331"
    with pytest.raises(PolicyNotFoundError, match="not in force on the date of service 2025-09-30"):
        select_policy("cigna-IP0331", "2025-09-30")
    with pytest.raises(PolicyNotFoundError, match="no installed policy 'acme-1'"):
        select_policy("acme-1")


BROKEN = {
    "unknown_key.yaml": "colour: Extra inputs are not permitted",
    "duplicate_id.yaml": "clause id '1.A' appears twice",
    "unknown_fact.yaml": "clause '1.A' tests unknown fact 'has_cancer'",
    "unknown_value.yaml": "clause '1.A': oral_bisphosphonate_barriers never takes the value 'dysphagia'",
    "unknown_operator.yaml": "unknown operator 'is_maybe'",
    "two_kinds.yaml": "needs exactly one of test, all, any, not",
    "missing_effective_date.yaml": "effective_date: Field required",
    "not_yaml.yaml": "not valid YAML",
    "bad_t_score.yaml": "exactly one of `max`",
}


@pytest.mark.parametrize(("name", "message"), sorted(BROKEN.items()))
def test_broken_policy_files_fail_naming_file_clause_and_fix(name, message):
    with pytest.raises(RulesFileError) as info:
        load_policy(FIXTURES / name)
    assert message in str(info.value) and name in str(info.value) and "fix:" in str(info.value)


def test_missing_policy_folder_is_an_error_not_a_fallback(tmp_path):
    with pytest.raises(PolicyNotFoundError):
        installed_policies(tmp_path)
    with pytest.raises(RulesFileError, match="file not found"):
        load_policy(tmp_path / "nope.yaml")


def test_a_valid_policy_copy_loads(tmp_path):
    source = next(Path(p) for p in (Path(__file__).parent.parent / "rules" / "policies").rglob("ip0331.yaml"))
    shutil.copy(source, tmp_path / "copy.yaml")
    assert load_policy(tmp_path / "copy.yaml").id == "cigna-IP0331"


def test_evidence_of_a_met_indication_comes_from_its_leaves():
    result = run(MINIMAL["4"])
    assert EV in result.clause("4").evidence


@pytest.mark.parametrize(
    ("updates", "status"),
    [
        ({"severe_renal_impairment": True}, "met"),  # the prescriber says so
        ({"severe_renal_impairment": False, "crcl_ml_min": 33.0}, "met"),  # the payer's number decides
        ({"severe_renal_impairment": False, "crcl_ml_min": 35.0}, "not_met"),
        ({"severe_renal_impairment": False}, "not_met"),
        ({"conflicts": ["severe_renal_impairment"]}, "unknown"),
    ],
)
def test_the_payers_renal_threshold_lives_in_the_policy(updates, status):
    policy = select_policy("cigna-IP0331")
    leaf = next(n for n in policy.clauses() if n.id == "4.B.iv.a.(1)")
    assert leaf.test.or_ is not None and leaf.test.or_.value == 35
    facts, request, evidence = build(updates)
    assert evaluate(leaf.test, FactView(facts, request, evidence, load_catalogue())).status.value == status
