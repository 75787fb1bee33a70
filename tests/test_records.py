"""`abstractor review` on every sample bundle: complete records that keep the contract, matching gold."""

from __future__ import annotations

import json
import re

import pytest
from conftest import GOLD, SAMPLES
from typer.testing import CliRunner

from abstractor.cli import app
from abstractor.core.record import ReviewRecord

NAMES = [p.name for p in SAMPLES]


def all_evidence(record: ReviewRecord):
    for name, evs in record.fact_evidence.items():
        yield f"fact_evidence.{name}", evs
    for i, t in enumerate(record.facts.t_scores):
        yield f"t_scores[{i}]", t.evidence
    for i, f in enumerate(record.facts.fractures):
        yield f"fractures[{i}]", f.evidence
    for i, b in enumerate(record.facts.bisphosphonate_trials):
        yield f"bisphosphonate_trials[{i}]", b.evidence
    for c in record.criteria:
        yield f"criteria[{c.id}]", c.evidence
    for x in record.exclusions:
        yield f"exclusions[{x.id}]", x.evidence


def test_every_sample_has_gold():
    assert sorted(GOLD) == sorted(NAMES)
    assert len(NAMES) >= 15


@pytest.mark.parametrize("name", NAMES)
def test_record_round_trips_through_its_model(reviews, name):
    record = reviews[name].record
    again = ReviewRecord.model_validate_json(record.model_dump_json())
    assert again == record
    assert record.bundle_id == name and record.policy.id == "cigna-IP0331"


@pytest.fixture(params=["cigna", "medicare"])
def any_policy_reviews(request, reviews, medicare_reviews):
    return reviews if request.param == "cigna" else medicare_reviews


@pytest.mark.parametrize("name", NAMES)
def test_every_quote_is_the_source_text_at_its_offsets(any_policy_reviews, name):
    review = any_policy_reviews[name]
    texts = {d.source: d for d in review.documents}
    count = 0
    for where, evs in all_evidence(review.record):
        for ev in evs:
            doc = texts[ev.source]
            assert doc.text[ev.start : ev.end] == ev.quote, where
            assert ev.page == doc.page_at(ev.start), where
            assert ev.quote.strip() and ev.method == "rules"
            count += 1
    assert count > 5


@pytest.mark.parametrize("name", NAMES)
def test_contract_rules_of_the_record(any_policy_reviews, name):
    record = any_policy_reviews[name].record
    facts = record.facts.model_dump()
    for fact, value in facts.items():
        if value is True or (
            isinstance(value, list) and value and fact in {"icd10", "concurrent_osteoporosis_therapy"}
        ):
            assert record.fact_evidence.get(fact), f"{fact} is {value} without evidence"
    ids = [c.id for c in record.criteria]
    for c in record.criteria:
        leaf = not any(o != c.id and o.startswith(f"{c.id}.") for o in ids)
        if leaf and c.status == "met":
            assert c.evidence, f"met leaf {c.id} has no evidence"
    det = record.determination
    if det.outcome == "meets_criteria":
        assert next(c for c in record.criteria if c.id == det.indication).status == "met"
        assert det.approval_months == 12 and not record.exclusions
    if det.outcome == "insufficient_documentation":
        assert record.gaps
    if record.exclusions:
        assert det.outcome == "does_not_meet_criteria"


@pytest.mark.parametrize("name", NAMES)
def test_outcome_and_indication_match_gold(reviews, name):
    det = reviews[name].record.determination
    gold = GOLD[name]["determination"]
    assert (det.outcome, det.indication) == (gold["outcome"], gold["indication"]), GOLD[name]["notes"]


@pytest.mark.parametrize("name", NAMES)
def test_every_citation_in_the_summary_resolves(any_policy_reviews, name):
    summary = any_policy_reviews[name].record.determination.summary_markdown
    body, _, references = summary.partition("## References")
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", references, flags=re.MULTILINE)}
    assert cited and cited == listed
    first_seen = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", body)))
    assert first_seen == sorted(first_seen), "references are numbered in order of first citation"
    assert summary.startswith("# Medical Necessity Determination")
    for section in ("## Dosing and administration", "## Coding", "## Documentation gaps", "## Safety considerations"):
        assert section in summary


def test_review_cli_writes_summaries_and_one_line_per_bundle(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["review", *[str(p) for p in SAMPLES[:3]], "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if ": " in line and "written" not in line]
    assert len(lines) == 3
    for p in SAMPLES[:3]:
        assert (out / f"{p.name}.md").read_text().startswith("# Medical Necessity Determination")
        assert json.loads((out / f"{p.name}.json").read_text())["bundle_id"] == p.name


@pytest.mark.parametrize("fmt", ["json", "jsonl", "md"])
def test_review_cli_formats(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        app, ["review", str(SAMPLES[0]), str(SAMPLES[1]), "--format", fmt, "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    text = target.read_text()
    if fmt == "json":
        assert len(json.loads(text)) == 2
    elif fmt == "jsonl":
        assert [json.loads(line)["bundle_id"] for line in text.splitlines()] == [SAMPLES[0].name, SAMPLES[1].name]
    else:
        assert text.count("# Medical Necessity Determination") == 2


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).stdout.startswith("abstractor ")
    for command in (["review", "--help"], ["policies", "--help"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0 and "Example: abstractor" in result.stdout


def test_medicare_documentation_requirements_produce_gaps(medicare_reviews):
    outcomes = {n: r.record.determination.outcome for n, r in medicare_reviews.items()}
    assert outcomes["pmo-zoledronic-fracture"] == "meets_criteria"
    thin = medicare_reviews["pmo-insufficient-no-history"].record
    assert thin.determination.outcome == "insufficient_documentation"
    assert any("calcium" in g for g in thin.gaps) and any("bisphosphonate" in g for g in thin.gaps)
    assert medicare_reviews["excl-giant-cell-tumor"].record.determination.outcome != "meets_criteria"
