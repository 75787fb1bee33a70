"""Running an evaluation: review each gold case's bundle (or read its saved record), then score."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from abstractor.core.document import Document
from abstractor.core.errors import AbstractorError, RulesFileError
from abstractor.core.record import ReviewRecord
from abstractor.evaluation.gold import load_gold
from abstractor.evaluation.score import Metrics, evidence_counts, score
from abstractor.ingest.bundle import load_bundle
from abstractor.ingest.ocr import PageReader
from abstractor.pipeline import Reviewer

# A batch run folder's list of bundles (`abstractor review --out`): not records.
MANIFEST = "manifest.jsonl"


@dataclass
class EvalRun:
    """An evaluation's metrics, with the warnings and problems met on the way."""

    metrics: Metrics
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def bundle_path(folder: Path, bundle_id: str) -> Path | None:
    """The bundle folder or zip of a gold case, if it exists."""
    for candidate in (folder / bundle_id, folder / f"{bundle_id}.zip"):
        if candidate.exists():
            return candidate
    return None


def saved_records(folder: Path) -> dict[str, ReviewRecord]:
    """Records saved by `abstractor review`: <bundle_id>.json files, or .jsonl files of several."""
    records: dict[str, ReviewRecord] = {}
    jsonl = [p for p in sorted(folder.glob("*.jsonl")) if p.name != MANIFEST]
    for path in sorted(folder.glob("*.json")) + jsonl:
        lines = path.read_text(encoding="utf-8").splitlines() if path.suffix == ".jsonl" else [path.read_text()]
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                for item in data if isinstance(data, list) else [data]:
                    if isinstance(item, dict) and "error" in item:
                        continue  # a bundle `abstractor review` could not review: it has no record
                    record = ReviewRecord.model_validate(item)
                    records[record.bundle_id] = record
            except (ValueError, ValidationError) as exc:
                where = f"line {number}" if path.suffix == ".jsonl" else "the file"
                raise RulesFileError(
                    path,
                    f"{where} is not a review record ({type(exc).__name__})",
                    "pass a folder of records written by `abstractor review`",
                ) from None
    return records


def evaluate(
    gold_dir: Path,
    bundles: Path,
    predictions: Path | None = None,
    reviewer: Reviewer | None = None,
    ocr: PageReader | None = None,
) -> EvalRun:
    """Score the tool (`reviewer`, by default one built from default settings) or saved predictions against a
    gold folder.

    Bundles are taken one at a time: each bundle's quotes are checked against its documents as soon as it is
    reviewed (or, for saved predictions, read again, with `ocr` for its scanned pages), and its documents
    are let go; only the records are kept for scoring.
    """
    cases, warnings = load_gold(gold_dir)
    saved = saved_records(predictions) if predictions else {}
    records: dict[str, ReviewRecord] = {}
    good = checked = 0
    problems: list[str] = []
    if predictions is None and reviewer is None:
        reviewer = Reviewer()
    for case in cases:
        path = bundle_path(bundles, case.bundle_id)
        try:
            documents: tuple[Document, ...] | None = None
            if predictions is not None:
                if case.bundle_id in saved:
                    records[case.bundle_id] = saved[case.bundle_id]
                else:
                    problems.append(f"{case.bundle_id}: no saved record in {predictions}")
                if path is not None:
                    documents = load_bundle(path, ocr).documents
            elif path is None:
                problems.append(f"{case.bundle_id}: no bundle folder or zip in {bundles}")
            else:
                review = reviewer.review_path(path)
                records[case.bundle_id], documents = review.record, review.documents
            if documents is not None and case.bundle_id in records:
                counts = evidence_counts(records[case.bundle_id], documents)
                good, checked = good + counts[0], checked + counts[1]
        except AbstractorError as exc:
            problems.append(f"{case.bundle_id}: {exc}")
    return EvalRun(score(cases, records, evidence=(good, checked)), warnings, problems)
