"""The decision tree: the one place policy reasoning lives, and what the summary, the record, the HTML page
and the LLM fallback read from it."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import SAMPLES
from policy_facts import build, merged, t_score, trial

from abstractor.core.errors import PolicyNotFoundError, RulesFileError
from abstractor.core.policy import TrialTest
from abstractor.core.record import Extraction, FailedReview, Skipped
from abstractor.core.settings import LLMSettings, Settings
from abstractor.core.truth import Truth
from abstractor.llm.backends import FakeToolModel
from abstractor.llm.fallback import LLMFallback
from abstractor.pipeline import Reviewer
from abstractor.policy.checker import check
from abstractor.policy.flags import flags, load_flag_rules
from abstractor.policy.loader import load_catalogue, load_policy, select_policy
from abstractor.policy.predicates import FactView, evaluate
from abstractor.report.html import render_html

CIGNA = select_policy("cigna-IP0331", "2025-11-01")
APPROVED = {"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]}


def decide(updates: dict):
    facts, request, evidence = build(updates)
    return check(CIGNA, facts, request, evidence, load_catalogue())


def test_an_approval_is_decided_along_paths_through_every_part_it_needed():
    decision = decide(APPROVED)
    four = decision.met_indication()
    assert four is not None and four.id == "4" and four.kind == "all"
    paths = [tuple(d.id for d in path) for path in four.paths()]
    assert ("4", "4.P") in paths
    assert ("4", "4.A", "4.A.i") in paths
    assert ("4", "4.B", "4.B.ii", "4.B.ii.a") in paths
    # An ANY that is met is decided by the parts met only.
    assert all(path[-1] not in {"4.A.ii", "4.B.i", "4.B.iii.a"} for path in paths)
    leaf = decision.clause("4.A.i")
    assert leaf.found and leaf.found[0].value == -2.6 and leaf.reads[0].name == "t_scores"


def test_a_failed_all_is_decided_by_the_parts_not_met():
    decision = decide(
        merged(APPROVED, {"bisphosphonate_trials": [], "bisphosphonate_naive": True, "fragility_fracture": False})
    )
    four = decision.clause("4")
    assert four.status is Truth.NOT_MET
    assert [d.id for d in four.deciding()] == ["4.B"]


def test_an_open_clause_names_the_open_fact_and_the_documents_that_settle_it():
    decision = decide(merged(APPROVED, {"t_scores": []}))
    assert decision.outcome == "insufficient_documentation"
    opened = {o.fact: o for o in decision.open_facts}
    assert opened["t_scores"].decides and "dxa_report" in opened["t_scores"].settled_by
    assert opened["t_scores"].request in decision.gaps
    # A fact silent where silence counts as "no" is open but does not decide (the LLM may still ask it).
    assert not opened["giant_cell_tumor"].decides


def test_not_clauses_are_reported_as_not():
    kinds = {c.id: c.kind for c in decide(APPROVED).criteria()}
    assert kinds["NC.3.b"] == "not" and kinds["4"] == "all" and kinds["4.A"] == "any" and kinds["4.A.i"] == "leaf"


def test_the_record_marks_the_deciding_path():
    marked = {c.id for c in decide(APPROVED).criteria() if c.deciding}
    assert {"4", "4.P", "4.A", "4.A.i", "4.B", "4.B.ii", "4.B.ii.a"} <= marked
    assert "4.A.ii" not in marked and "1" not in marked


def test_the_trial_duration_gap_names_the_policy_s_own_months():
    facts, request, evidence = build({"bisphosphonate_trials": [trial(months=None)]})
    view = FactView(facts, request, evidence, load_catalogue())
    verdict = evaluate(TrialTest(op="trial", route="oral", min_months=24, outcomes=["inadequate_efficacy"]), view)
    assert verdict.status is Truth.UNKNOWN and "requires 24 months" in verdict.gaps[0]


def test_the_summary_cites_every_clause_on_the_deciding_path(reviews):
    review = reviews["pmo-alendronate-failure"]
    assert review.record.determination.indication == "4"
    cited = {r.clause for r in review.references if r.kind == "policy"}
    assert {"4", "4.P", "4.A", "4.A.i", "4.B", "4.B.ii.a"} <= cited


def test_the_summary_names_where_a_gap_is_found(reviews):
    summary = reviews["pmo-insufficient-no-history"].record.determination.summary_markdown
    gaps = summary.split("## Documentation gaps")[1].split("##")[0]
    assert "found in: a clinical note" in gaps


def test_the_page_shows_the_policy_tree_with_the_deciding_path_open(reviews):
    review = reviews["pmo-alendronate-failure"]
    html = render_html(review.record, review.documents, review.references, review.decision)
    opened = re.findall(r"<details open><summary><span class=\"status\">([^<]+)</span> <b>([^<]+)</b>", html)
    assert ("Met", "4") in opened and ("Met", "4.A") in opened and ("Met", "4.B") in opened
    assert ("Not met", "1") not in opened  # indications that did not decide stay closed
    assert '<li class="not_met">' in html and "Not met" in html
    shown = re.sub(r"<[^>]+>", " ", html.split("<h2>Criteria</h2>")[1].split("<h2>Documents</h2>")[0])
    assert not re.search(r"\b(not_met|meets_criteria|insufficient_documentation)\b", shown)


def test_the_fallback_asks_the_tree_s_silent_open_facts_only(tmp_path):
    decision = decide(
        merged(
            APPROVED,
            {"t_scores": [], "breast_cancer": True, "aromatase_inhibitor": True, "conflicts": ["aromatase_inhibitor"]},
        )
    )
    fallback = LLMFallback(
        LLMSettings(backend="fake", cache_dir=tmp_path), load_catalogue(), model=FakeToolModel(responses=[])
    )
    asked = fallback.questions(decision.open_facts)
    assert "t_scores" in asked
    assert "aromatase_inhibitor" not in asked  # in doubt, not silent: an answer could not settle it
    assert not any(name.startswith("request.") for name in asked)


def test_a_reviewer_refuses_an_unknown_policy_when_it_is_built():
    with pytest.raises(PolicyNotFoundError, match="no-such-policy"):
        Reviewer(Settings.model_construct(policy="no-such-policy"))


def test_review_each_keeps_going_past_a_bundle_it_cannot_read(tmp_path):
    missing = tmp_path / "not-there"
    results = list(Reviewer().review_each([missing]))
    assert len(results) == 1 and isinstance(results[0], FailedReview) and str(missing) in results[0].error


def test_skipped_files_and_the_llm_are_flagged_where_every_other_flag_is():
    facts, request, _ = build(APPROVED)
    extraction = Extraction(llm_error="TimeoutError: the model call failed", llm_fields=["t_scores"])
    found = flags(
        CIGNA, facts, request, skipped=[Skipped(source="scan.pdf", reason="unreadable")], extraction=extraction
    )
    by_code = {f.code: f for f in found}
    assert {"file_skipped", "llm_failed", "llm_facts_used"} <= by_code.keys()
    sources = load_flag_rules().sources
    assert by_code["file_skipped"].source == sources["skipped"] and by_code["llm_failed"].source == sources["llm"]


NEW_POLICY = """
id: acme-DEN1
title: "A new payer's denosumab policy"
payer: Acme
document: "Acme policy DEN-1"
version: "2026-01-01"
effective_date: 2026-01-01
approval_months: 6
dosing:
  {clause: "Dosing", text: "60 mg every 6 months", dose_mg: 60, interval_months: 6, route: subcutaneous, outside: "-"}
products: [{name: Prolia, generic: denosumab, hcpcs: J0897}]
hcpcs: [{code: J0897, text: "Injection, denosumab, 1 mg", mg_per_unit: 1}]
indications_text: "Approve when 1 is met"
indications:
  - id: "1"
    title: "High fracture risk"
    text: "ALL of A, B and C"
    all:
      - {id: "1.A", text: "Age 65 or older", test: {op: at_least, fact: age, value: 65}}
      - {id: "1.B", text: "FRAX major osteoporotic above 20%", test: {op: above, fact: frax_major, value: 20}}
      - id: "1.C"
        text: "Prednisone 7.5 mg a day or less"
        test: {op: at_most, fact: glucocorticoid_mg_per_day, value: 7.5}
"""


@pytest.mark.parametrize(
    ("age", "frax", "dose", "outcome"),
    [
        (65, 20.5, 7.5, "meets_criteria"),
        (64, 20.5, 7.5, "does_not_meet_criteria"),
        (70, 20, 5, "does_not_meet_criteria"),
        (70, 25, 10, "does_not_meet_criteria"),
        (70, 25, None, "insufficient_documentation"),
    ],
)
def test_a_new_policy_with_numeric_thresholds_is_only_yaml(tmp_path, age, frax, dose, outcome):
    path = tmp_path / "acme.yaml"
    path.write_text(NEW_POLICY)
    policy = load_policy(path)
    facts, request, evidence = build({"age": age, "frax_major": frax, "glucocorticoid_mg_per_day": dose})
    assert check(policy, facts, request, evidence, load_catalogue()).outcome == outcome


def test_a_threshold_on_a_fact_that_is_not_a_number_is_refused(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(NEW_POLICY.replace("fact: age, value: 65", "fact: breast_cancer, value: 65"))
    with pytest.raises(RulesFileError, match=r"'breast_cancer'.*not a measured number"):
        load_policy(path)


def test_the_records_request_lists_each_gap_with_the_clauses_it_serves(reviews):
    review = reviews["pmo-insufficient-no-history"]
    assert review.record.determination.outcome == "insufficient_documentation"
    letter = review.records_request
    items = re.findall(r"^\d+\. \*\*(.+)\*\*$", letter, flags=re.M)
    assert [item.lower() for item in items] == [gap.lower() for gap in review.record.gaps]
    assert "4.B.ii.a" in letter and "indication 4" in letter and "Usually found in: a clinical note" in letter
    assert all(
        not r.records_request
        for r in reviews.values()
        if r.record.determination.outcome != "insufficient_documentation"
    )


def _stages_called_by_the_pipeline(run) -> list[str]:
    """The stages (ingest, nlp, llm, policy, report) the pipeline module calls into, in order, repeats merged."""
    stages: list[str] = []

    def profile(frame, event, arg):
        if event != "call" or frame.f_back is None:
            return
        caller = frame.f_back.f_globals.get("__name__", "")
        callee = frame.f_globals.get("__name__", "")
        parts = callee.split(".")
        if caller == "abstractor.pipeline" and len(parts) > 1 and parts[0] == "abstractor":
            stage = parts[1]
            if stage in {"ingest", "nlp", "llm", "policy", "report"} and (not stages or stages[-1] != stage):
                stages.append(stage)

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return stages


def test_a_review_runs_each_stage_once_in_order():
    reviewer = Reviewer()
    stages = _stages_called_by_the_pipeline(lambda: reviewer.review_path(SAMPLES[0]))
    assert stages == ["ingest", "nlp", "policy", "report"]


def test_with_the_llm_the_fallback_asks_the_rules_only_tree_then_the_checker_decides_once(tmp_path):
    llm = LLMFallback(
        LLMSettings(backend="fake", cache_dir=tmp_path), load_catalogue(), model=FakeToolModel(responses=[])
    )
    reviewer = Reviewer(llm=llm)
    stages = _stages_called_by_the_pipeline(lambda: reviewer.review_path(SAMPLES[0]))
    assert stages == ["ingest", "nlp", "policy", "llm", "policy", "report"]
