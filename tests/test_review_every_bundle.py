"""No bundle is lost: a date of service outside every policy version still gets a (pending) record, and a
bundle that cannot be reviewed at all still gets its place in the output, as an object that says why."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from conftest import ROOT
from policy_facts import build, merged, t_score, trial
from typer.testing import CliRunner

from abstractor.cli import EXIT_FAILED, app
from abstractor.core.errors import PolicyNotFoundError
from abstractor.core.record import Request
from abstractor.evaluation.run import saved_records
from abstractor.policy.checker import check
from abstractor.policy.flags import flags
from abstractor.policy.loader import load_catalogue, select_policy

CIGNA = select_policy("cigna-IP0331")
MEETS_4 = {"sex": "female", "postmenopausal": True, "t_scores": [t_score(-2.6)], "bisphosphonate_trials": [trial()]}
MET_SAMPLE = ROOT / "sample_charts" / "pmo-alendronate-failure"  # meets indication 4 (eval/gold)
DOS_LINE = "Anticipated date of service: 11/17/2025"


def _versions():
    """Two versions of one policy with a gap between them: 2020-2021, and from 2023 on."""
    old = CIGNA.model_copy(
        update={"version": "2020", "effective_date": date(2020, 1, 1), "end_date": date(2021, 12, 31)}
    )
    new = CIGNA.model_copy(update={"version": "2023", "effective_date": date(2023, 1, 1)})
    return (old, new)


@pytest.mark.parametrize(
    ("date_of_service", "version"),
    [
        ("2019-03-04", "2020"),  # before every version: the earliest
        ("2021-06-01", "2020"),  # in force
        ("2022-02-01", "2020"),  # in the gap, nearer the end of 2020
        ("2022-12-01", "2023"),  # in the gap, nearer the start of 2023
        ("2026-01-01", "2023"),
    ],
)
def test_nearest_version_when_the_date_is_outside_every_version(date_of_service, version):
    assert select_policy("cigna-IP0331", date_of_service, _versions(), nearest=True).version == version


def test_without_nearest_a_date_outside_every_version_is_still_an_error():
    with pytest.raises(PolicyNotFoundError, match="not in force on the date of service 2019-03-04"):
        select_policy("cigna-IP0331", "2019-03-04")
    assert select_policy("cigna-IP0331", "2019-03-04", nearest=True).effective_date == CIGNA.effective_date


def _check(updates: dict):
    facts, request, evidence = build(updates)
    return check(CIGNA, facts, request, evidence, load_catalogue())


def test_met_criteria_pend_when_the_date_of_service_is_outside_the_version():
    result = _check(merged(MEETS_4, {"request.date_of_service": "2019-03-04"}))
    assert (result.outcome, result.indication, result.approval_months) == ("insufficient_documentation", None, None)
    assert any("confirmation of the date of service (2019-03-04)" in g and CIGNA.version in g for g in result.gaps)
    assert result.status("4.A").value == "met" and result.status("4.B").value == "met", "the criteria stay shown"
    assert _check(merged(MEETS_4, {"request.date_of_service": "2025-11-01"})).outcome == "meets_criteria"


def test_does_not_meet_stays_when_the_date_of_service_is_outside_the_version():
    excluded = merged(MEETS_4, {"concurrent_osteoporosis_therapy": ["teriparatide"]})
    result = _check(merged(excluded, {"request.date_of_service": "2019-03-04"}))
    assert result.outcome == "does_not_meet_criteria"


def test_a_critical_flag_names_the_version_applied():
    facts, _, _ = build(MEETS_4)
    outside = [f for f in flags(CIGNA, facts, Request(date_of_service="2019-03-04")) if f.severity == "critical"]
    assert [f.code for f in outside] == ["date_of_service_outside_policy"]
    assert "2019-03-04" in outside[0].message and CIGNA.version in outside[0].message and outside[0].source
    assert not any(
        f.code == "date_of_service_outside_policy" for f in flags(CIGNA, facts, Request(date_of_service="2025-11-01"))
    )


def test_review_json_of_a_2019_date_of_service_is_one_pending_record(tmp_path):
    bundle = tmp_path / "pmo-2019"
    shutil.copytree(MET_SAMPLE, bundle)
    request = bundle / "prior_auth_request.txt"
    text = request.read_text(encoding="utf-8")
    assert DOS_LINE in text
    request.write_text(text.replace(DOS_LINE, "Anticipated date of service: 03/04/2019"), encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(bundle), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert isinstance(record, dict) and record["bundle_id"] == "pmo-2019"
    assert record["request"]["date_of_service"] == "2019-03-04"
    assert record["determination"]["outcome"] == "insufficient_documentation"
    critical = [f for f in record["flags"] if f["severity"] == "critical"]
    assert [f["code"] for f in critical] == ["date_of_service_outside_policy"]
    assert record["policy"]["effective_date"] in critical[0]["message"]
    assert any("date of service" in g for g in record["gaps"])


def _unreadable(tmp_path, kind: str):
    if kind == "missing":
        return tmp_path / "missing-bundle"
    if kind == "corrupt zip":
        path = tmp_path / "corrupt.zip"
        path.write_bytes(b"not a zip archive")
        return path
    path = tmp_path / "empty"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("kind", "bundle_id", "message"),
    [
        ("missing", "missing-bundle", "no such file or folder"),
        ("corrupt zip", "corrupt", "not a readable zip archive"),
        ("empty folder", "empty", "holds no documents"),
    ],
)
def test_review_json_of_an_unreadable_bundle_is_one_object_with_the_error(tmp_path, kind, bundle_id, message):
    path = _unreadable(tmp_path, kind)
    result = CliRunner().invoke(app, ["review", str(path), "--format", "json"])
    assert result.exit_code == EXIT_FAILED
    record = json.loads(result.stdout)
    assert isinstance(record, dict) and record["bundle_id"] == bundle_id
    assert message in record["error"] and message in result.stderr
    assert record["determination"]["outcome"] is None
    assert record["criteria"] == [] and record["facts"]["icd10"] == [] and "extraction" in record


def test_several_bundles_keep_one_entry_each_failed_ones_included(tmp_path):
    missing = tmp_path / "missing-bundle"
    runner = CliRunner()
    listed = runner.invoke(app, ["review", str(MET_SAMPLE), str(missing), "--format", "json"])
    assert listed.exit_code == EXIT_FAILED
    records = json.loads(listed.stdout)
    assert [r["bundle_id"] for r in records] == [MET_SAMPLE.name, "missing-bundle"]
    assert "error" not in records[0] and records[1]["determination"]["outcome"] is None
    lines = runner.invoke(app, ["review", str(missing), str(MET_SAMPLE), "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["bundle_id"] for line in lines] == ["missing-bundle", MET_SAMPLE.name]
    alone = runner.invoke(app, ["review", str(missing), str(missing), "--format", "json"])
    assert [r["bundle_id"] for r in json.loads(alone.stdout)] == ["missing-bundle", "missing-bundle"]


def test_saved_records_leave_out_bundles_that_were_not_reviewed(tmp_path):
    saved = tmp_path / "saved"
    saved.mkdir()
    args = ["review", str(MET_SAMPLE), str(tmp_path / "missing-bundle"), "--format", "jsonl"]
    result = CliRunner().invoke(app, [*args, "--out", str(saved / "r.jsonl")])
    assert result.exit_code == EXIT_FAILED and (saved / "r.jsonl").read_text().count("\n") == 2
    assert list(saved_records(saved)) == [MET_SAMPLE.name]
