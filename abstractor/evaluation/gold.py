"""Gold files: one JSON or YAML file per bundle in the review record's field names; one strict loader."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from abstractor.core.datafile import read_data
from abstractor.core.errors import RulesFileError
from abstractor.core.record import Facts, Request
from abstractor.core.vocabulary import OUTCOMES, STATUSES

KNOWN_KEYS = {"bundle_id", "request", "facts", "determination", "criteria", "notes", "tags", "accept"}


class GoldDetermination(BaseModel):
    """The determination a gold file states: outcome and indication, either may be left out."""

    model_config = ConfigDict(extra="forbid")
    outcome: str | None = None
    indication: str | None = None


class GoldFile(BaseModel):
    """One gold file as written: the record's field names, holding only what the annotator scores."""

    model_config = ConfigDict(extra="forbid")
    bundle_id: str | None = None
    request: dict[str, object] = Field(default_factory=dict)
    facts: dict[str, object] = Field(default_factory=dict)
    determination: GoldDetermination = Field(default_factory=GoldDetermination)
    criteria: dict[str, str] = Field(default_factory=dict)
    notes: str | None = None
    tags: list[str] = Field(default_factory=list)
    accept: dict[str, list[object]] = Field(default_factory=dict)


@dataclass
class GoldCase:
    """One bundle's gold: flat field -> value (only the fields the annotator stated), with alternatives."""

    bundle_id: str
    path: Path
    values: dict[str, object]
    accept: dict[str, list[object]]
    notes: str | None = None
    tags: list[str] = field(default_factory=list)


def _fail(path: Path, problem: str, fix: str) -> RulesFileError:
    return RulesFileError(path, problem, fix)


def load_gold_file(path: Path) -> tuple[GoldCase, list[str]]:
    """Validate one gold file; unknown top-level keys are a warning, unknown field names an error."""
    data = read_data(path)
    if not isinstance(data, dict):
        raise _fail(path, "a gold file is one JSON/YAML object", "see eval/README.md")
    warnings = [f"{path.name}: ignoring unknown top-level key {k!r}" for k in data if k not in KNOWN_KEYS]
    data = {k: v for k, v in data.items() if k in KNOWN_KEYS}
    try:
        gold = GoldFile.model_validate(data)
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        raise _fail(path, where, "see eval/README.md for the gold format") from None
    values: dict[str, object] = {}
    for section, model, stated in (("request", Request, gold.request), ("facts", Facts, gold.facts)):
        for name, value in stated.items():
            if name not in model.model_fields:
                raise _fail(path, f"unknown field {section}.{name}", f"use a field of the review record's {section}")
            values[f"{section}.{name}"] = value
    det = gold.determination
    if det.outcome is not None:
        if det.outcome not in OUTCOMES:
            raise _fail(path, f"determination.outcome {det.outcome!r}", f"use one of {', '.join(sorted(OUTCOMES))}")
        values["determination.outcome"] = det.outcome
    if "indication" in data.get("determination", {}):
        values["determination.indication"] = det.indication
    for clause, status in gold.criteria.items():
        if status not in STATUSES:
            raise _fail(path, f"criteria.{clause}: status {status!r}", f"use one of {', '.join(STATUSES)}")
        values[f"criteria.{clause}"] = status
    accept = {}
    for key, alternatives in gold.accept.items():
        full = key if key in values or "." in key else f"facts.{key}"
        if full not in values:
            raise _fail(path, f"accept names {key!r}, which the gold does not state", "state the field first")
        accept[full] = alternatives
    bundle_id = gold.bundle_id or path.stem
    return GoldCase(bundle_id, path, values, accept, gold.notes, gold.tags), warnings


def load_gold(folder: Path) -> tuple[list[GoldCase], list[str]]:
    """Every gold file (*.json, *.yaml, *.yml) in a folder, by bundle id."""
    if not folder.is_dir():
        raise RulesFileError(folder, "gold folder not found", "pass the folder holding one gold file per bundle")
    files = sorted(p for p in folder.iterdir() if p.suffix in {".json", ".yaml", ".yml"})
    if not files:
        raise RulesFileError(folder, "no gold files (*.json, *.yaml)", "see eval/README.md")
    cases, warnings, seen = [], [], set()
    for path in files:
        case, notes = load_gold_file(path)
        if case.bundle_id in seen:
            raise RulesFileError(path, f"a second gold file for bundle {case.bundle_id!r}", "keep one per bundle")
        seen.add(case.bundle_id)
        cases.append(case)
        warnings += notes
    return cases, warnings
