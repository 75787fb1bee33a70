"""Eval output: a terminal table, a self-contained HTML report, and the metrics JSON."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jinja2
from rich.console import Console
from rich.table import Table

from abstractor.evaluation.score import OUTCOME_LABELS, Metrics


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("abstractor.evaluation", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def metrics_json(metrics: Metrics, baseline: dict | None = None) -> dict:
    """The metrics as JSON; with a baseline, each field's F1 and accuracy delta against it."""
    data = metrics.as_dict()
    if baseline is not None:
        data["baseline"] = deltas(data, baseline)
    return data


def deltas(current: dict, baseline: dict) -> dict:
    """Per-field changes from an earlier metrics JSON."""
    out = {}
    for key in ("outcome_accuracy", "indication_accuracy", "kappa_outcome", "field_f1_micro", "field_f1_macro"):
        out[key] = _delta(current.get(key), baseline.get(key))
    out["fields"] = {
        name: {k: _delta(f.get(k), baseline.get("fields", {}).get(name, {}).get(k)) for k in ("f1", "accuracy")}
        for name, f in current["fields"].items()
    }
    return out


def _delta(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 4)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_terminal(metrics: Metrics, data: dict, console: Console) -> None:
    """The metrics as tables on the terminal."""
    table = Table(
        "field",
        "kind",
        "P",
        "R",
        "F1",
        "accuracy",
        "over",
        "Δ F1" if "baseline" in data else "",
        "flag",
        title=f"abstractor eval: {metrics.cases} cases",
    )
    base = data.get("baseline", {}).get("fields", {})
    for name, f in data["fields"].items():
        delta = base.get(name, {}).get("f1")
        table.add_row(
            name,
            f["kind"],
            _fmt(f["precision"]),
            _fmt(f["recall"]),
            _fmt(f["f1"]),
            _fmt(f["accuracy"]),
            str(f["over_extraction"]),
            "" if delta is None else f"{delta:+.3f}",
            "!" if f["flagged"] else "",
        )
    console.print(table)
    console.print(
        f"outcome accuracy {_fmt(data['outcome_accuracy'])}  indication accuracy {_fmt(data['indication_accuracy'])}  "
        f"kappa {_fmt(data['kappa_outcome'])}  field F1 micro {_fmt(data['field_f1_micro'])} "
        f"macro {_fmt(data['field_f1_macro'])}  evidence validity {_fmt(data['evidence_validity'])}"
    )
    console.print(f"false approvals: {data['false_approvals']} {', '.join(data['false_approval_cases'])}")
    matrix = Table("gold \\ predicted", *OUTCOME_LABELS, title="outcome confusion")
    for label, row in zip(OUTCOME_LABELS, data["confusion"]["matrix"], strict=True):
        matrix.add_row(label, *map(str, row))
    console.print(matrix)
    if data["missing_records"]:
        console.print(f"no record for: {', '.join(data['missing_records'])}")


def write_html(data: dict, path: Path) -> None:
    """A self-contained report (no external assets): per-field table with bars, confusion, errors with quotes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    html = _env().get_template("report.html.j2").render(data=data, labels=OUTCOME_LABELS)
    path.write_text(html, encoding="utf-8")


def write_json(data: dict, path: Path) -> None:
    """Write the metrics JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
