"""`abstractor eval`: every metric on small hand-computed cases, malformed gold, the reports, gates, agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from abstractor.cli import app
from abstractor.core.document import Evidence
from abstractor.core.errors import RulesFileError
from abstractor.core.record import ReviewRecord
from abstractor.evaluation.agreement import agreement
from abstractor.evaluation.gold import GoldCase, load_gold, load_gold_file
from abstractor.evaluation.report import metrics_json, write_html
from abstractor.evaluation.score import cohen_kappa, score

EV = {"source": "n.txt", "start": 0, "end": 4, "quote": "note"}


def record(bundle_id: str, outcome="meets_criteria", indication="4", request=None, **facts) -> ReviewRecord:
    def with_evidence(items):
        return [{**i, "evidence": [EV]} for i in items]

    for name in ("t_scores", "fractures", "bisphosphonate_trials"):
        if name in facts:
            facts[name] = with_evidence(facts[name])
    return ReviewRecord.model_validate(
        {
            "bundle_id": bundle_id,
            "policy": {"id": "p", "effective_date": "2025-01-01"},
            "request": request or {},
            "facts": facts,
            "fact_evidence": {k: [EV] for k, v in facts.items() if v not in (None, [])},
            "determination": {"outcome": outcome, "indication": indication, "summary_markdown": "x" * 90},
            "criteria": [],
            "exclusions": [],
            "gaps": [],
            "flags": [],
            "extraction": {},
        }
    )


def case(bundle_id: str, accept=None, **values) -> GoldCase:
    return GoldCase(bundle_id, Path(f"{bundle_id}.json"), values, accept or {})


def test_list_fields_are_sets_with_t_score_tolerance_and_duplicates():
    gold = [
        case("a", **{"facts.t_scores": [{"site": "lumbar_spine", "value": -2.5}, {"site": "total_hip", "value": -1.0}]})
    ]
    pred = {
        "a": record(
            "a",
            t_scores=[
                {"site": "lumbar_spine", "value": -2.54},
                {"site": "lumbar_spine", "value": -2.5},
                {"site": "femoral_neck", "value": -1.0},
            ],
        )
    }
    f = score(gold, pred).fields["facts.t_scores"]
    assert (f.tp, f.fp, f.fn) == (1, 2, 1)  # one match within 0.05; the duplicate and the wrong site are extra
    assert f.precision == pytest.approx(1 / 3) and f.recall == pytest.approx(1 / 2) and f.f1 == pytest.approx(0.4)


def test_empty_sets_on_both_sides_have_no_f1_and_all_missing_has_zero_recall():
    both_empty = score([case("a", **{"facts.icd10": []})], {"a": record("a", icd10=[])}).fields["facts.icd10"]
    assert (both_empty.tp, both_empty.fp, both_empty.fn, both_empty.f1) == (0, 0, 0, None)
    missing = score([case("a", **{"facts.icd10": ["M81.0", "Z87.310"]})], {"a": record("a")}).fields["facts.icd10"]
    assert (missing.recall, missing.f1, missing.precision) == (0.0, 0.0, None)


def test_trials_are_scored_by_drug_and_route_and_apart_by_outcome():
    gold = [
        case(
            "a", **{"facts.bisphosphonate_trials": [{"drug": "alendronate", "route": "oral", "outcome": "intolerance"}]}
        )
    ]
    pred = {"a": record("a", bisphosphonate_trials=[{"drug": "alendronate", "route": "oral", "outcome": "unknown"}])}
    fields = score(gold, pred).fields
    assert fields["facts.bisphosphonate_trials"].f1 == 1.0
    assert fields["facts.bisphosphonate_trials.outcome"].f1 == 0.0


def test_scalars_accuracy_misses_and_over_extraction_counted_apart():
    gold = [
        case("a", **{"facts.sex": "female", "facts.aromatase_inhibitor": None}),
        case("b", **{"facts.sex": "male", "facts.aromatase_inhibitor": None}),
        case("c", **{"facts.sex": "female", "facts.aromatase_inhibitor": True}),
    ]
    pred = {
        "a": record("a", sex="female", aromatase_inhibitor=True),
        "b": record("b"),
        "c": record("c", sex="male", aromatase_inhibitor=True),
    }
    fields = score(gold, pred).fields
    sex, ai = fields["facts.sex"], fields["facts.aromatase_inhibitor"]
    assert (sex.correct, sex.stated, sex.accuracy) == (1, 3, pytest.approx(1 / 3))  # b's null is a miss
    assert (sex.tp, sex.fp, sex.fn) == (1, 1, 2)
    assert (ai.accuracy, ai.over_extraction, ai.gold_null) == (1.0, 1, 2)


def test_accept_alternatives_count_as_correct():
    gold = [
        case(
            "a",
            accept={"determination.indication": ["5"]},
            **{"determination.outcome": "meets_criteria", "determination.indication": "4"},
        )
    ]
    assert score(gold, {"a": record("a", indication="5")}).indication_accuracy == 1.0


def test_outcome_confusion_kappa_and_false_approvals():
    outcomes = [
        ("meets_criteria", "meets_criteria"),
        ("does_not_meet_criteria", "meets_criteria"),
        ("insufficient_documentation", "insufficient_documentation"),
        ("meets_criteria", "does_not_meet_criteria"),
    ]
    gold = [case(str(i), **{"determination.outcome": g}) for i, (g, _) in enumerate(outcomes)]
    pred = {str(i): record(str(i), outcome=p) for i, (_, p) in enumerate(outcomes)}
    metrics = score(gold, pred)
    assert metrics.outcome_accuracy == 0.5 and metrics.false_approvals == ["1"]
    assert metrics.confusion == [[1, 1, 0], [1, 0, 0], [0, 0, 1]]
    # po = 0.5; pe = (2*2 + 1*1 + 1*1) / 16 = 0.375; kappa = 0.125 / 0.625
    assert metrics.kappa_outcome == pytest.approx(0.2)


def test_kappa_edge_cases():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) == 1.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_micro_and_macro_f1_across_fields_and_missing_records():
    gold = [
        case("a", **{"facts.sex": "female", "facts.icd10": ["M81.0", "N18.4"]}),
        case("gone", **{"facts.sex": "male"}),
    ]
    metrics = score(gold, {"a": record("a", sex="female", icd10=["M81.0"])})
    assert metrics.missing_records == ["gone"]
    # sex: tp 1, fn 1; icd10: tp 1, fn 1 -> micro 2*2/(4+0+2)
    assert metrics.field_f1_micro == pytest.approx(4 / 6)
    assert metrics.field_f1_macro == pytest.approx((2 / 3 + 2 / 3) / 2)


def test_evidence_validity_and_error_list_quotes(reviews):
    name = "pmo-alendronate-failure"
    review = reviews[name]
    gold = [case(name, **{"facts.age": 99})]
    metrics = score(gold, {name: review.record}, {name: review.documents})
    assert metrics.evidence_validity == 1.0 and metrics.evidence_checked > 10
    error = metrics.errors[0]
    assert (error.field, error.gold, error.predicted) == ("facts.age", 99, 68)
    assert error.quote and error.quote in next(d.text for d in review.documents if d.source == error.source)
    wrong = Evidence(**{**EV, "source": review.documents[0].source})
    broken = review.record.model_copy(update={"fact_evidence": {"age": [wrong]}})
    assert score(gold, {name: broken}, {name: review.documents}).evidence_validity < 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", "a gold file is one JSON/YAML object"),
        ('{"facts": {"favourite_colour": "blue"}}', "unknown field facts.favourite_colour"),
        ('{"determination": {"outcome": "approved"}}', "determination.outcome 'approved'"),
        ('{"facts": {"sex": "female"}, "accept": {"age": [70]}}', "accept names 'age'"),
        ('{"criteria": {"4.A.i": "yes"}}', "criteria.4.A.i: status 'yes'"),
        ("{not json", "not valid JSON"),
    ],
)
def test_malformed_gold_files_name_the_file_and_field(tmp_path, content, message):
    path = tmp_path / "case-1.json"
    path.write_text(content)
    with pytest.raises(RulesFileError) as info:
        load_gold_file(path)
    assert message in str(info.value) and "case-1.json" in str(info.value)


def test_unknown_top_level_keys_warn_and_duplicates_fail(tmp_path):
    (tmp_path / "a.json").write_text('{"bundle_id": "x", "facts": {"sex": "male"}, "reviewer": "QA-7"}')
    cases, warnings = load_gold(tmp_path)
    assert cases[0].values == {"facts.sex": "male"} and "ignoring unknown top-level key 'reviewer'" in warnings[0]
    (tmp_path / "b.yaml").write_text("bundle_id: x\nfacts: {sex: male}\n")
    with pytest.raises(RulesFileError, match="a second gold file for bundle 'x'"):
        load_gold(tmp_path)


def test_html_report_content_is_escaped_and_self_contained(tmp_path):
    gold = [case("a", **{"facts.sex": "female", "determination.outcome": "meets_criteria"})]
    bad = record("a", outcome="meets_criteria", sex="male")
    script = Evidence(**{**EV, "quote": "<script>alert(1)</script>", "end": 25})
    bad = bad.model_copy(update={"fact_evidence": {"sex": [script]}})
    data = metrics_json(score(gold, {"a": bad}), baseline={"fields": {"facts.sex": {"f1": 1.0}}})
    path = tmp_path / "r.html"
    write_html(data, path)
    html = path.read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert 'id="fields"' in html and 'id="confusion"' in html and "facts.sex" in html and "-1.000" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_eval_cli_on_the_sample_charts_meets_the_ci_gates(tmp_path):
    runner = CliRunner()
    metrics, html = tmp_path / "m.json", tmp_path / "r.html"
    result = runner.invoke(
        app,
        [
            "eval",
            str(ROOT / "eval" / "gold"),
            "--bundles",
            str(ROOT / "sample_charts"),
            "--json",
            str(metrics),
            "--html",
            str(html),
            "--min-field-f1",
            "0.95",
            "--min-outcome-accuracy",
            "0.95",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(metrics.read_text())
    for key in (
        "cases",
        "outcome_accuracy",
        "indication_accuracy",
        "kappa_outcome",
        "false_approvals",
        "field_f1_micro",
        "field_f1_macro",
        "evidence_validity",
        "fields",
    ):
        assert key in data
    assert data["cases"] == 20 and data["false_approvals"] == 0 and data["evidence_validity"] == 1.0
    missed = runner.invoke(
        app, ["eval", str(ROOT / "eval" / "gold"), "--bundles", str(ROOT / "sample_charts"), "--min-field-f1", "1.01"]
    )
    assert missed.exit_code == 1 and "gate missed" in missed.stderr


def test_eval_out_streams_records_into_a_run_folder_and_resumes(tmp_path):
    runner = CliRunner()
    gold, bundles, run = ROOT / "eval" / "gold", ROOT / "sample_charts", tmp_path / "run"
    args = ["eval", str(gold), "--bundles", str(bundles), "--out", str(run), "--workers", "0", "--json"]
    first = runner.invoke(app, [*args, str(tmp_path / "first.json")])
    assert first.exit_code == 0, first.output
    manifest = (run / "manifest.jsonl").read_text().splitlines()
    assert len(manifest) == 20 and len(list(run.glob("*.json"))) == 20
    again = runner.invoke(app, [*args, str(tmp_path / "again.json"), "--resume"])
    assert again.exit_code == 0, again.output
    assert (run / "manifest.jsonl").read_text().splitlines() == manifest  # nothing reviewed twice
    in_process = runner.invoke(app, ["eval", str(gold), "--bundles", str(bundles), "--json", str(tmp_path / "in.json")])
    assert in_process.exit_code == 0, in_process.output
    scored = [json.loads((tmp_path / f"{n}.json").read_text()) for n in ("first", "again", "in")]
    assert scored[0] == scored[1] == scored[2]
    assert scored[0]["evidence_checked"] > 0 and scored[0]["evidence_validity"] == 1.0


def test_eval_cli_scores_saved_predictions_with_a_baseline(tmp_path):
    runner = CliRunner()
    samples = ROOT / "sample_charts"
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("male-ckd-mbd", "pmo-no-step-therapy"):
        (gold / f"{name}.json").write_text((ROOT / "eval" / "gold" / f"{name}.json").read_text())
    saved = tmp_path / "predictions" / "records.jsonl"
    saved.parent.mkdir()
    assert (
        runner.invoke(
            app,
            [
                "review",
                str(samples / "male-ckd-mbd"),
                str(samples / "pmo-no-step-therapy"),
                "--format",
                "jsonl",
                "--out",
                str(saved),
            ],
        ).exit_code
        == 0
    )
    base = tmp_path / "base.json"
    base.write_text(json.dumps({"field_f1_micro": 0.5, "fields": {"facts.sex": {"f1": 0.5}}}))
    out = tmp_path / "m.json"
    result = runner.invoke(
        app,
        [
            "eval",
            str(gold),
            "--bundles",
            str(samples),
            "--predictions",
            str(saved.parent),
            "--baseline",
            str(base),
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["cases"] == 2 and data["baseline"]["fields"]["facts.sex"]["f1"] == 0.5


def test_agreement_between_annotators(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, (x, y) in enumerate(
        [
            ("meets_criteria", "meets_criteria"),
            ("meets_criteria", "insufficient_documentation"),
            ("does_not_meet_criteria", "does_not_meet_criteria"),
        ]
    ):
        (a / f"c{i}.json").write_text(json.dumps({"determination": {"outcome": x}, "facts": {"icd10": ["M81.0"]}}))
        (b / f"c{i}.json").write_text(json.dumps({"determination": {"outcome": y}, "facts": {"icd10": ["M81.0"]}}))
    fields, unpaired = agreement(load_gold(a)[0], load_gold(b)[0])
    outcome = next(f for f in fields if f.name == "determination.outcome")
    assert outcome.cases == 3 and outcome.agreement == pytest.approx(2 / 3) and outcome.kappa is not None
    assert next(f for f in fields if f.name == "facts.icd10").agreement == 1.0 and not unpaired
    result = CliRunner().invoke(app, ["eval", "agreement", str(a), str(b)])
    assert result.exit_code == 0 and "determination.outcome" in result.stdout


def test_a_file_that_is_not_a_record_is_named(tmp_path):
    (tmp_path / "notes.json").write_text('{"hello": 1}')
    result = CliRunner().invoke(
        app,
        ["eval", str(ROOT / "eval" / "gold"), "--bundles", str(ROOT / "sample_charts"), "--predictions", str(tmp_path)],
    )
    assert result.exit_code == 4 and "notes.json" in result.stderr


def test_held_out_bundles_meet_the_gates():
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(ROOT / "eval" / "heldout" / "gold"),
            "--bundles",
            str(ROOT / "eval" / "heldout" / "bundles"),
            "--min-field-f1",
            "0.95",
            "--min-outcome-accuracy",
            "0.95",
        ],
    )
    assert result.exit_code == 0, result.output


def test_regression_corpus_meets_its_gates():
    """32 bundles written by someone who had not read our rules; gates in eval/regression/gates.json."""
    folder = ROOT / "eval" / "regression"
    result = CliRunner().invoke(
        app,
        ["eval", str(folder / "gold"), "--bundles", str(folder / "cases"), "--gates", str(folder / "gates.json")],
    )
    assert "gate missed" not in result.output, result.output
