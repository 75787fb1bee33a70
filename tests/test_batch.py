"""Batch review into a run folder: outputs written as bundles finish, privately and atomically, a manifest,
resume after a kill, unique names, time budgets, names kept out of messages, and a light command line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from abstractor import batch
from abstractor.cli import app
from abstractor.core.settings import Settings

ABSTRACTOR = [sys.executable, "-m", "abstractor.cli"]


def manifest(folder) -> list[dict]:
    path = folder / "manifest.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_each_bundle_is_written_privately_as_it_finishes_and_listed_in_the_manifest(tmp_path):
    out = tmp_path / "run"
    result = CliRunner().invoke(app, ["review", *map(str, SAMPLES[:3]), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    entries = manifest(out)
    assert sorted(e["name"] for e in entries) == sorted(p.name for p in SAMPLES[:3])
    assert all(e["status"] == "reviewed" and len(e["hash"]) == 64 and e["seconds"] > 0 for e in entries)
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for entry in entries:
        for name in entry["outputs"]:
            assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
        record = json.loads((out / f"{entry['name']}.json").read_text())
        assert record["determination"]["outcome"] == entry["outcome"]
    assert not list(out.glob(".*.tmp"))


def test_bundles_that_share_a_folder_name_keep_both_records_and_a_planted_symlink_is_not_followed(tmp_path):
    for side in ("a", "b"):
        shutil.copytree(SAMPLES[0], tmp_path / side / "case")
    (tmp_path / "b" / "case" / "extra.txt").write_text("Addendum: no change to the plan.\n")
    out = tmp_path / "run"
    out.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "case.json").symlink_to(victim)
    bundles = [str(tmp_path / "a" / "case"), str(tmp_path / "b" / "case")]
    result = CliRunner().invoke(app, ["review", *bundles, "--out", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.output
    names = sorted(e["name"] for e in manifest(out))
    assert names[0] == "case" and names[1].startswith("case-") and len(names) == 2
    assert victim.read_text() == "keep me" and not (out / "case.json").is_symlink()


def test_a_killed_batch_resumes_without_redoing_or_losing_a_bundle(tmp_path):
    bundles = [str(p) for p in SAMPLES]
    out = tmp_path / "run"
    command = [*ABSTRACTOR, "review", *bundles, "--out", str(out), "--workers", "1"]
    env = {**os.environ, "ABSTRACTOR_OCR_CACHE_DIR": str(tmp_path / "ocr")}
    first = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not manifest(out) and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.01)
    os.killpg(first.pid, signal.SIGKILL)  # the batch and its worker, mid-run
    first.wait()
    before = manifest(out)
    assert 1 <= len(before) < len(bundles), "the kill must land mid-run"
    second = subprocess.run([*command, "--resume"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    after = manifest(out)
    redone = {e["bundle"] for e in after[len(before) :]} & {e["bundle"] for e in before}
    assert not redone, f"bundles reviewed again: {redone}"
    assert sorted(e["bundle"] for e in after) == sorted(bundles)
    for entry in after:
        json.loads((out / f"{entry['name']}.json").read_text())  # every record complete


def test_a_bundle_over_its_time_budget_fails_with_the_reason_and_the_batch_goes_on(tmp_path):
    out = tmp_path / "run"
    bundles = [str(SAMPLES[0]), str(SAMPLES[1])]
    result = CliRunner().invoke(
        app, ["review", *bundles, "--out", str(out), "--workers", "1", "--bundle-timeout", "0.01"]
    )
    assert result.exit_code == 4
    entries = manifest(out)
    assert len(entries) == 2 and all(e["status"] == "failed" and "--bundle-timeout" in e["error"] for e in entries)


def test_redacted_messages_do_not_name_the_files(tmp_path):
    folder = tmp_path / "Doe_Jane_1957-03-14"
    shutil.copytree(SAMPLES[0], folder)
    (folder / "Doe_Jane_DOB_1957-03-14.pdf").write_bytes(b"not a pdf")
    result = CliRunner().invoke(app, ["review", str(folder), "--format", "jsonl", "--redact-names"])
    assert result.exit_code == 3
    assert "Doe_Jane" not in result.stderr and "skipped file 1" in result.stderr


def test_jsonl_lines_are_written_privately(tmp_path):
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(app, ["review", str(SAMPLES[0]), str(SAMPLES[1]), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0
    assert len(out.read_text().splitlines()) == 2 and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_the_command_line_starts_without_loading_the_review_stack():
    script = (
        "import sys, abstractor.cli; "
        "heavy = [m for m in ('spacy', 'medspacy', 'pdfplumber', 'simple_icd_10_cm', 'rapidocr_onnxruntime') "
        "if m in sys.modules]; print(heavy)"
    )
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert found.stdout.strip() == "[]"
    version = subprocess.run([*ABSTRACTOR, "--version"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert version.returncode == 0 and version.stdout.startswith("abstractor ")


def test_the_same_work_runs_on_a_dask_cluster_on_loopback_into_the_same_manifest(tmp_path):
    pytest.importorskip("distributed", reason="the batch extra (dask.distributed) is not installed")
    out = tmp_path / "run"
    bundles = [str(p) for p in SAMPLES[:2]]
    on_dask = CliRunner().invoke(app, ["review", *bundles, "--out", str(out), "--scheduler", "local", "--workers", "1"])
    assert on_dask.exit_code == 0, on_dask.output
    assert sorted(e["bundle"] for e in manifest(out)) == sorted(bundles)
    again = CliRunner().invoke(
        app, ["review", *bundles, str(SAMPLES[2]), "--out", str(out), "--resume", "--workers", "0"]
    )
    assert again.exit_code == 0, again.output
    entries = manifest(out)
    assert len(entries) == 3 and entries[-1]["bundle"] == str(SAMPLES[2])  # the two done on dask were not redone


def test_a_marker_in_charts_made_to_fail_never_reaches_stderr_the_manifest_or_a_cache(tmp_path, monkeypatch):
    from test_hostile_inputs import MARKER, SECRET, warning_pdf

    bundle = tmp_path / "failing"
    shutil.copytree(SAMPLES[0], bundle)
    (bundle / "warns.pdf").write_bytes(warning_pdf())  # pdfminer would print the marker
    (bundle / "truncated.pdf").write_bytes(b"%PDF-1.4\n" + SECRET)
    (bundle / "binary.txt").write_bytes(SECRET + b"\x00\x01")
    (bundle / "scan.png").write_bytes(b"\x89PNG\r\n" + SECRET)
    (bundle / "unknown.docx").write_bytes(SECRET)
    caches = {"ABSTRACTOR_OCR_CACHE_DIR": tmp_path / "ocr", "ABSTRACTOR_CACHE_DIR": tmp_path / "llm"}
    for variable, path in caches.items():
        monkeypatch.setenv(variable, str(path))
    out = tmp_path / "run"
    result = CliRunner().invoke(app, ["review", str(bundle), "--out", str(out), "--workers", "0"])
    assert result.exit_code == 3, result.output
    assert MARKER not in result.stderr and MARKER not in result.stdout
    assert MARKER not in (out / "manifest.jsonl").read_text()
    for path in caches.values():
        for file in path.rglob("*") if path.exists() else []:
            assert not file.is_file() or MARKER not in file.read_text(errors="replace")


def test_the_plan_is_lazy_the_first_bundle_is_reviewed_before_the_rest_are_hashed(tmp_path):
    pulled = []

    def bundles():
        for path in SAMPLES[:4]:
            pulled.append(path)
            yield path

    job = batch.Batch(tmp_path / "run", Settings.model_construct(), workers=0)
    finished = batch.run(job, bundles())
    first = next(finished)
    assert first.status == "reviewed" and len(pulled) == 1
    assert len([first, *finished]) == 4 and len(pulled) == 4


def test_each_outcome_writes_the_letter_it_needs(tmp_path):
    chosen = [ROOT / "sample_charts" / n for n in ("pmo-insufficient-no-history", "excl-giant-cell-tumor")]
    job = batch.Batch(tmp_path / "run", Settings.model_construct(), workers=0)
    outputs = {d.name: set(d.outputs) for d in batch.run(job, chosen)}
    assert "pmo-insufficient-no-history.records-request.md" in outputs["pmo-insufficient-no-history"]
    assert "excl-giant-cell-tumor.denial-letter.md" in outputs["excl-giant-cell-tumor"]
    assert not any("denial" in o for o in outputs["pmo-insufficient-no-history"])
    letter = (tmp_path / "run" / "excl-giant-cell-tumor.denial-letter.md").read_text()
    assert (
        letter.strip()
        and oct((tmp_path / "run" / "excl-giant-cell-tumor.denial-letter.md").stat().st_mode)[-3:] == "600"
    )


def test_resume_reviews_again_a_bundle_whose_output_lost_its_bytes(tmp_path):
    chosen = SAMPLES[:2]
    run = tmp_path / "run"
    first = list(batch.run(batch.Batch(run, Settings.model_construct(), workers=0), chosen))
    assert all(d.sizes and set(d.sizes) == set(d.outputs) for d in first)
    lost = run / f"{first[0].name}.json"
    lost.write_bytes(lost.read_bytes()[:100])  # what a power loss can leave of a file renamed into place
    again = list(batch.run(batch.Batch(run, Settings.model_construct(), workers=0, resume=True), chosen))
    assert sorted(d.name for d in again) == sorted(d.name for d in first)
    assert len(manifest(run)) == 3  # the damaged bundle once more, the other one kept
    assert json.loads(lost.read_text())["bundle_id"] == first[0].name
