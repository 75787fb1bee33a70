"""A reviewer's overrides: clause statuses forced in the checker, facts set on a record, and the record
decided again from the machine's facts, without reading the chart again."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from policy_facts import build, t_score, trial

from abstractor.core.errors import OverrideError, SubmitterError
from abstractor.core.overrides import apply_facts
from abstractor.core.record import ReviewRecord
from abstractor.core.truth import Truth
from abstractor.pipeline import Override, Reviewer
from abstractor.policy.checker import check
from abstractor.policy.loader import load_catalogue, select_policy

CIGNA = select_policy("cigna-IP0331", "2025-11-01")
APPROVED = {"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]}
NO_HISTORY = {"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.6)]}
CHECK_RECORD = Path("/work/shared/tools/check_record.py")


def decide(updates: dict, forced: dict[str, Truth] | None = None):
    facts, request, evidence = build(updates)
    return check(CIGNA, facts, request, evidence, load_catalogue(), forced=forced)


def fact(name, value, reason="confirmed by phone with the prescriber's office", reviewer="R. Nurse"):
    return Override("fact", name, value, reason, reviewer)


def clause(name, value, reason="the reviewer read the scanned page", reviewer="R. Nurse"):
    return Override("criterion", name, value, reason, reviewer)


@pytest.fixture(scope="module")
def reviewer() -> Reviewer:
    return Reviewer()


# --- the checker: forced clauses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "forced", "outcome", "statuses"),
    [
        # A forced leaf takes its status; its parents re-derive: 4.A (ANY of the bone-density clauses) is left
        # to its other parts, which the chart leaves open.
        (
            APPROVED,
            {"4.A.i": "not_met"},
            "insufficient_documentation",
            {"4.A.i": "not_met", "4.A": "unknown", "4": "unknown"},
        ),
        (
            APPROVED,
            {"4.A.i": "not_met", "4.A.ii": "not_met", "4.A.iii": "not_met"},
            "does_not_meet_criteria",
            {"4.A": "not_met", "4": "not_met"},
        ),
        # A forced branch decides its parent whatever its own parts say.
        (
            APPROVED,
            {"4.B": "unknown"},
            "insufficient_documentation",
            {"4.B": "unknown", "4.B.ii": "met", "4": "unknown"},
        ),
        # The chart is silent on bisphosphonates (pends); the reviewer says step therapy is met.
        (NO_HISTORY, {"4.B": "met"}, "meets_criteria", {"4.B": "met", "4.B.ii": "unknown", "4": "met"}),
        (NO_HISTORY, {}, "insufficient_documentation", {"4.B": "unknown", "4": "unknown"}),
        # An exclusion a reviewer applies denies, though no chart quote backs it.
        (APPROVED, {"NC.1": "met"}, "does_not_meet_criteria", {"NC.1": "met", "4": "met"}),
        # The same status the chart gave: nothing changes but the mark.
        (APPROVED, {"4.A.i": "met"}, "meets_criteria", {"4.A.i": "met", "4": "met"}),
    ],
)
def test_a_forced_clause_takes_the_reviewers_status_and_its_parents_re_derive(facts, forced, outcome, statuses):
    decision = decide(facts, {k: Truth(v) for k, v in forced.items()})
    assert decision.outcome == outcome
    for clause_id, status in statuses.items():
        assert decision.status(clause_id) is Truth(status), clause_id
    for clause_id in forced:
        assert decision.clause(clause_id).forced
    assert not any(d.forced for d in decision.walk() if d.id not in forced)


def test_a_forced_clause_ends_the_deciding_paths_and_keeps_no_contrary_evidence():
    decision = decide(APPROVED, {"4.B": Truth.UNKNOWN})
    b = decision.clause("4.B")
    assert b.deciding() == () and b.paths() == [(b,)] and b.evidence == []
    assert b.gaps, "a clause a reviewer leaves open says what to request"
    assert {c.id for c in b.children} >= {"4.B.i", "4.B.ii"}, "its parts are still shown"
    agree = decide(APPROVED, {"4.A.i": Truth.MET}).clause("4.A.i")
    assert agree.evidence, "where the reviewer agrees with the chart, the chart's quotes still speak"


def test_an_exclusion_a_reviewer_applies_is_in_the_tree_but_not_in_the_records_chart_backed_list():
    decision = decide(APPROVED, {"NC.1": Truth.MET})
    assert [x.id for x in decision.applied] == ["NC.1"]
    assert decision.exclusion_results() == []


@pytest.mark.parametrize(("reviewed", "applies"), [((), False), (("concurrent_osteoporosis_therapy",), True)])
def test_an_exclusion_met_by_a_fact_a_reviewer_set_applies_without_a_chart_quote(reviewed, applies):
    facts, request, _ = build({**APPROVED, "concurrent_osteoporosis_therapy": ["teriparatide"]})
    decision = check(CIGNA, facts, request, {}, load_catalogue(), reviewed=reviewed)
    assert decision.status("NC.1") is Truth.MET
    assert bool(decision.applied) is applies
    assert decision.outcome == ("does_not_meet_criteria" if applies else "meets_criteria")


def test_facts_a_reviewer_settled_open_nothing():
    # With the step-therapy clause forced, the silent bisphosphonate history no longer keeps 4.B open.
    open_before = {o.fact for o in decide(NO_HISTORY).open_facts}
    open_after = {o.fact for o in decide(NO_HISTORY, {"4.B": Truth.MET}).open_facts}
    assert "bisphosphonate_trials" in open_before
    assert "bisphosphonate_trials" not in open_after


def test_forcing_a_clause_the_policy_does_not_have_is_refused():
    with pytest.raises(OverrideError, match=r"no clause 9\.Z"):
        decide(APPROVED, {"9.Z": Truth.MET})


# --- overrides: what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Override("fact", "age", 70, "", "R. Nurse"), "needs a reason"),
        (lambda: Override("fact", "age", 70, "   ", "R. Nurse"), "needs a reason"),
        (lambda: Override("fact", "age", 70, "seen in chart", ""), "reviewer's name"),
        (lambda: Override("clause", "4", "met", "why", "R. Nurse"), "'fact' or 'criterion'"),
        (lambda: Override("criterion", "4", "approved", "why", "R. Nurse"), "met, not_met, unknown"),
        (lambda: Override("criterion", "4", True, "why", "R. Nurse"), "not True"),
    ],
)
def test_an_override_without_a_reason_or_with_a_bad_status_is_refused(make, message):
    with pytest.raises(OverrideError, match=message):
        make()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("t_score", -2.6, "no fact 't_score'"),
        ("conflicts", [], "no fact 'conflicts'"),
        ("request.drug", "Prolia", "no fact 'request.drug'"),
        ("age", "seventy", "fact 'age'"),
        ("sex", "unknown", "fact 'sex'"),
        ("postmenopausal", "perhaps", "fact 'postmenopausal'"),
        # A T-score needs its evidence; the message names the type, never a quote.
        (
            "t_scores",
            [{"site": "lumbar_spine", "value": -2.6, "quote": "T-score -2.6"}],
            "'t_scores': a value of type list",
        ),
    ],
)
def test_a_fact_override_must_name_a_fact_and_give_a_value_of_its_type(name, value, message):
    facts, request, evidence = build(APPROVED)
    with pytest.raises(OverrideError, match=message) as caught:
        apply_facts(facts, request, evidence, [fact(name, value)])
    assert isinstance(caught.value, SubmitterError), "the reviewer who sent it fixes it"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("age", "71", 71),
        ("postmenopausal", False, False),
        ("fragility_fracture", None, None),
        ("concurrent_osteoporosis_therapy", ["teriparatide"], ["teriparatide"]),
        ("request.dose_mg", 60, 60.0),
    ],
)
def test_a_fact_override_is_read_as_the_facts_type(name, value, expected):
    facts, request, evidence = build(APPROVED)
    facts, request, evidence, results = apply_facts(facts, request, evidence, [fact(name, value)])
    holder, field = (request, name.removeprefix("request.")) if name.startswith("request.") else (facts, name)
    assert getattr(holder, field) == expected
    assert results[name].value == expected


def test_a_changed_fact_sets_its_chart_quotes_aside_and_a_confirmed_one_keeps_them():
    facts, request, evidence = build(APPROVED)
    _, _, changed, results = apply_facts(facts, request, evidence, [fact("postmenopausal", False)])
    assert "postmenopausal" not in changed and results["postmenopausal"].previous_evidence == evidence["postmenopausal"]
    _, _, confirmed, _ = apply_facts(facts, request, evidence, [fact("postmenopausal", True)])
    assert confirmed["postmenopausal"] == evidence["postmenopausal"]


# --- Reviewer.redecide on the sample charts --------------------------------------------------------------


@pytest.mark.parametrize("name", [p.name for p in SAMPLES])
def test_redeciding_without_overrides_gives_back_the_same_review(reviews, reviewer, name):
    review = reviews[name]
    again = reviewer.redecide(review.record, [], documents=review.documents)
    assert again.record == review.record
    assert again.record.overrides == [] and again.record.machine_determination is None
    assert again.references == review.references
    assert again.records_request == review.records_request and again.denial_letter == review.denial_letter


# (bundle, overrides, outcome from the chart alone, outcome with the overrides)
CASES = [
    (
        "pmo-no-step-therapy",
        [fact("fragility_fracture", True, "2024 spine film: T12 compression fracture after a fall from standing")],
        "does_not_meet_criteria",
        "meets_criteria",
    ),
    ("pmo-alendronate-failure", [clause("4", "not_met")], "meets_criteria", "does_not_meet_criteria"),
    ("pmo-insufficient-no-history", [clause("4.B", "met")], "insufficient_documentation", "meets_criteria"),
    (
        "pmo-alendronate-failure",
        [fact("concurrent_osteoporosis_therapy", ["teriparatide"])],
        "meets_criteria",
        "does_not_meet_criteria",
    ),
    (
        "excl-concurrent-alendronate",
        [fact("concurrent_osteoporosis_therapy", [], "alendronate was stopped on 2025-12-01 (pharmacy record)")],
        "does_not_meet_criteria",
        None,  # whatever the rest of the chart decides
    ),
]


@pytest.mark.parametrize(("name", "overrides", "machine", "outcome"), CASES)
def test_overrides_decide_the_record_again_and_say_so_near_the_verdict(
    reviews, reviewer, name, overrides, machine, outcome
):
    original = reviews[name].record
    assert original.determination.outcome == machine
    review = reviewer.redecide(original, overrides)
    record = review.record
    if outcome is not None:
        assert record.determination.outcome == outcome
    assert record.machine_determination is not None and record.machine_determination.outcome == machine
    assert [(o.target, o.name, o.reason, o.reviewer) for o in record.overrides] == [
        (o.target, o.name, o.reason, o.reviewer) for o in overrides
    ]
    summary = record.determination.summary_markdown
    verdict, _, rest = summary.partition("**Reviewer overrides applied.**")
    assert rest, "the summary says overrides were applied"
    assert "## " not in verdict.split("\n", 1)[1], "the overrides follow the verdict, before any section"
    for o in overrides:
        assert o.reason in rest.split("## ", 1)[0]
    # Nothing was read again: the documents and the rest of the record are the chart's.
    assert record.documents == original.documents and record.skipped == original.skipped
    assert record.bundle_id == original.bundle_id and record.extraction == original.extraction


def test_the_overrides_record_what_the_machine_had(reviews, reviewer):
    original = reviews["pmo-no-step-therapy"].record
    record = reviewer.redecide(original, [fact("fragility_fracture", True), clause("NC.1", "not_met")]).record
    by_name = {o.name: o for o in record.overrides}
    assert by_name["fragility_fracture"].previous == original.facts.fragility_fracture
    assert by_name["fragility_fracture"].value is True and record.facts.fragility_fracture is True
    assert by_name["NC.1"].previous == next(c.status for c in original.criteria if c.id == "NC.1")
    assert next(c.status for c in record.criteria if c.id == "NC.1") == "not_met"


@pytest.mark.parametrize("name", ["pmo-no-step-therapy", "pmo-alendronate-failure"])
def test_overrides_replace_earlier_ones_and_never_pile_up(reviews, reviewer, name):
    original = reviews[name].record
    first = [fact("fragility_fracture", True), clause("4.A", "not_met")]
    second = [fact("postmenopausal", False)]
    once = reviewer.redecide(original, first).record
    assert reviewer.redecide(once, first).record == once, "applying the same overrides again changes nothing"
    assert reviewer.redecide(once, second).record == reviewer.redecide(original, second).record
    assert reviewer.redecide(once, []).record == original, "no overrides: the machine's record"


def test_a_record_read_back_from_json_is_redecided_the_same(reviews, reviewer):
    original = reviews["pmo-no-step-therapy"].record
    overridden = reviewer.redecide(original, [fact("fragility_fracture", True), clause("4.P", "met")]).record
    stored = ReviewRecord.model_validate_json(json.dumps(overridden.model_dump(mode="json")))
    assert stored == overridden
    assert reviewer.redecide(stored, []).record == original


def test_a_fact_the_chart_states_both_ways_is_settled_by_an_override_and_comes_back_undone(reviews, reviewer):
    original = reviews["pmo-alendronate-failure"].record
    doubted = original.model_copy(
        update={"facts": original.facts.model_copy(update={"conflicts": ["fragility_fracture", "postmenopausal"]})}
    )
    pending = reviewer.redecide(doubted, [])
    assert pending.record.determination.outcome == "insufficient_documentation"
    settled = reviewer.redecide(pending.record, [fact("postmenopausal", True)]).record
    assert settled.facts.conflicts == ["fragility_fracture"]
    assert settled.overrides[0].previous_doubts == {"conflicts": 1}
    assert reviewer.redecide(settled, []).record.facts == doubted.facts


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ([clause("4.Z", "met")], "criterion '4.Z'"),
        ([fact("age", 70), fact("age", 71)], "two overrides of fact 'age'"),
        ([fact("height", 150)], "no fact 'height'"),
    ],
)
def test_redecide_refuses_overrides_it_cannot_apply(reviews, reviewer, overrides, message):
    with pytest.raises(OverrideError, match=message):
        reviewer.redecide(reviews["pmo-alendronate-failure"].record, overrides)


def test_a_denial_by_override_writes_the_denial_letter_and_a_pend_the_records_request(reviews, reviewer):
    denied = reviewer.redecide(reviews["pmo-alendronate-failure"].record, [clause("4", "not_met")])
    assert denied.denial_letter and not denied.records_request
    assert "4" in denied.denial_letter and "a reviewer's determination" in denied.denial_letter
    pending = reviewer.redecide(reviews["pmo-alendronate-failure"].record, [clause("4.B", "unknown")])
    assert pending.record.determination.outcome == "insufficient_documentation"
    assert pending.records_request and not pending.denial_letter


@pytest.mark.skipif(not CHECK_RECORD.exists(), reason="the shared record checker is not present")
@pytest.mark.parametrize(
    ("name", "overrides"),
    [
        ("pmo-alendronate-failure", [clause("4", "not_met")]),
        ("pmo-alendronate-failure", [fact("postmenopausal", True)]),
        ("pmo-no-step-therapy", [fact("postmenopausal", True), clause("4.B", "unknown")]),
        ("excl-concurrent-alendronate", [fact("concurrent_osteoporosis_therapy", [])]),
    ],
)
def test_overridden_records_that_claim_nothing_unquoted_still_pass_the_record_checker(
    reviews, reviewer, name, overrides
):
    spec = importlib.util.spec_from_file_location("check_record", CHECK_RECORD)
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    bundle = next(p for p in SAMPLES if p.name == name)
    record = reviewer.redecide(reviews[name].record, overrides).record.model_dump(mode="json")
    assert checker.check_record(record, checker.Sources(bundle)) == []


def test_the_html_page_marks_a_forced_clause_and_shows_the_overrides(reviews, reviewer):
    from abstractor.report.html import render_html

    original = reviews["pmo-alendronate-failure"]
    review = reviewer.redecide(original.record, [clause("4.B", "unknown")], documents=original.documents)
    html = render_html(review.record, review.documents, review.references, review.decision)
    assert "(reviewer override)" in html and "Reviewer overrides applied." in html
    assert "the reviewer read the scanned page" in html
    unforced = render_html(original.record, original.documents, original.references, original.decision)
    assert "(reviewer override)" not in unforced
