"""The command line: `abstractor review`, `abstractor policies`, `abstractor --version`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from abstractor import __version__
from abstractor.core.errors import AbstractorError
from abstractor.core.record import FailedReview
from abstractor.core.resources import rules_path
from abstractor.core.settings import DEFAULT_POLICY, load_settings
from abstractor.evaluation.agreement import agreement as gold_agreement
from abstractor.evaluation.gold import load_gold
from abstractor.evaluation.report import metrics_json, print_terminal, write_html, write_json
from abstractor.evaluation.run import evaluate
from abstractor.pipeline import Review, Reviewer
from abstractor.policy.loader import installed_policies
from abstractor.report.html import render_html

app = typer.Typer(
    help="Chart abstraction and medical-necessity review for denosumab prior authorization.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    # Tracebacks must never print local variables: they may hold chart text (PHI).
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _say(label: str, message: str, style: str = "red") -> None:
    """One line on stderr: a styled label, then the message as plain text (never read as markup)."""
    err.print(f"[{style}]{label}[/{style}]", escape(message))


EXIT_SKIPPED = 3  # every bundle reviewed, but some file of a bundle could not be read
EXIT_FAILED = 4  # some bundle could not be reviewed at all


class LLMMode(StrEnum):
    """Whether to ask an LLM for the facts the rules left open."""

    off = "off"
    fallback = "fallback"


LLM_OPTION = typer.Option("--llm", help="fallback: ask an LLM for facts the rules left open (quotes verified).")
NO_CACHE_OPTION = typer.Option("--no-cache", help="With --llm fallback: do not read or write cached answers.")
CONFIG_OPTION = typer.Option(
    "--config",
    "--llm-config",
    help="A TOML settings file (policy, rules_dir, prompts_dir, and an [llm] table); the environment overrides it.",
)
POLICY_OPTION = typer.Option("--policy", "-p", help=f"Policy id (see `abstractor policies`; default {DEFAULT_POLICY}).")


def _ocr_progress(page: int, pages: int) -> None:
    """Scanned pages being read, on a terminal: by number only (a file name may identify a patient)."""
    err.print(f"OCR: reading scanned page {page} of {pages}", end="\r" if page < pages else "\n", highlight=False)


def _reviewer(policy: str | None, mode: LLMMode, config: Path | None, no_cache: bool) -> Reviewer:
    """The Reviewer the options ask for: settings are read here, at the edge, once."""
    llm = {"enabled": True, "use_cache": False if no_cache else None} if mode is LLMMode.fallback else None
    try:
        return Reviewer(
            load_settings(config, policy=policy, llm=llm), progress=_ocr_progress if err.is_terminal else None
        )
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None


class Format(StrEnum):
    """What `abstractor review` writes."""

    summary = "summary"
    json = "json"
    jsonl = "jsonl"
    md = "md"
    html = "html"
    letter = "letter"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"abstractor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Chart abstraction and medical-necessity review for denosumab prior authorization."""


@app.command()
def review(
    bundles: Annotated[list[Path], typer.Argument(help="Bundle folders or .zip files of notes and DXA PDFs.")],
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="summary: a line per bundle and a folder of summaries; json, jsonl, md or html: records or pages; "
            "letter: the records-request letter of each bundle that pends on documentation.",
        ),
    ] = Format.summary,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="With summary: the folder to write to (default review-output). Otherwise a file instead of stdout.",
        ),
    ] = None,
    policy: Annotated[str | None, POLICY_OPTION] = None,
    llm: Annotated[LLMMode, LLM_OPTION] = LLMMode.off,
    no_cache: Annotated[bool, NO_CACHE_OPTION] = False,
    llm_config: Annotated[Path | None, CONFIG_OPTION] = None,
) -> None:
    """Review chart bundles against a payer policy.

    Example: abstractor review sample_charts/* --out review-output

    Exit status: 0 all reviewed; 3 a file of some bundle was skipped (see `skipped` in its record);
    4 some bundle could not be reviewed (its error is printed; with json or jsonl its entry says why); 2 bad usage.
    """
    results: list[Review | FailedReview] = []  # one per bundle, in order: failed bundles keep their place
    for result in _reviewer(policy, llm, llm_config, no_cache).review_each(bundles):
        results.append(result)
        if isinstance(result, FailedReview):
            internal = result.error.startswith("internal error: ")
            _say("internal error" if internal else "error", result.error.removeprefix("internal error: "))
    reviews = [r for r in results if isinstance(r, Review)]
    failed = len(reviews) < len(results)
    skipped = False
    for r in reviews:
        for s in r.record.skipped:
            skipped = True
            _say("skipped", f"{r.record.bundle_id}/{s.source}: {s.reason}", "yellow")
        for w in r.record.warnings:
            _say("note", f"{r.record.bundle_id}/{w.source}: {w.reason}", "yellow")
    if format is Format.summary:
        _write_summaries(reviews, out or Path("review-output"))
    elif format in (Format.json, Format.jsonl):
        _emit(_render_records(results, format, one=len(bundles) == 1), out)
    else:
        _emit(_render(reviews, format), out)
    if failed:
        raise typer.Exit(EXIT_FAILED)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _render_records(results: list[Review | FailedReview], format: Format, *, one: bool) -> str:
    """json: the record of one bundle as an object, of several as a list; jsonl: a line per bundle.

    A bundle that could not be reviewed keeps its place as an object with `error` and a null outcome.
    """
    records = [(r.record if isinstance(r, Review) else r).model_dump(mode="json") for r in results]
    if format is Format.jsonl:
        return "".join(json.dumps(rec) + "\n" for rec in records)
    return json.dumps(records[0] if one else records, indent=2) + "\n"


def _render(reviews: list[Review], format: Format) -> str:
    if format is Format.letter:
        return "\n\n---\n\n".join(
            r.records_request or f"# {r.record.bundle_id}: no records request (the review does not pend)\n"
            for r in reviews
        )
    if format is Format.html:
        return "\n".join(render_html(r.record, r.documents, r.references, r.decision) for r in reviews)
    return "\n\n---\n\n".join(r.record.determination.summary_markdown for r in reviews)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def _write_summaries(reviews: list[Review], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for r in reviews:
        rec = r.record
        (folder / f"{rec.bundle_id}.md").write_text(rec.determination.summary_markdown, encoding="utf-8")
        (folder / f"{rec.bundle_id}.html").write_text(
            render_html(rec, r.documents, r.references, r.decision), encoding="utf-8"
        )
        if r.records_request:
            (folder / f"{rec.bundle_id}.records-request.md").write_text(r.records_request, encoding="utf-8")
        (folder / f"{rec.bundle_id}.json").write_text(
            json.dumps(rec.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8"
        )
        det = rec.determination
        indication = f" (indication {det.indication}, {det.approval_months} months)" if det.indication else ""
        typer.echo(f"{rec.bundle_id}: {det.outcome}{indication}")
    typer.echo(f"Summaries and records written to {folder}/")


@app.command()
def policies(config: Annotated[Path | None, CONFIG_OPTION] = None) -> None:
    """List the installed payer policies.

    Example: abstractor policies
    """
    try:
        folder = load_settings(config).rules_dir
        installed = installed_policies(rules_path("policies", folder=folder) if folder else None)
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    table = Table("id", "title", "version", "effective", "clauses")
    for p in installed:
        table.add_row(p.id, p.title, p.version, str(p.effective_date), str(sum(1 for _ in p.clauses())))
    Console().print(table)


class _DefaultToScore(typer.core.TyperGroup):
    """`abstractor eval GOLD ...` runs `score`; `abstractor eval agreement A B` runs `agreement`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in {"--help", "-h"}:
            args.insert(0, "score")
        return super().parse_args(ctx, args)


eval_app = typer.Typer(
    cls=_DefaultToScore,
    help="Score abstraction and determinations against gold sets.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
)
app.add_typer(eval_app, name="eval")


@eval_app.command("score")
def eval_score(
    gold: Annotated[Path, typer.Argument(help="Folder of gold files, one per bundle (see eval/README.md).")],
    bundles: Annotated[Path, typer.Option("--bundles", "-b", help="Folder of the bundles the gold describes.")],
    predictions: Annotated[
        Path | None,
        typer.Option(help="Score saved records (<bundle_id>.json or .jsonl) instead of reviewing the bundles."),
    ] = None,
    html: Annotated[Path | None, typer.Option(help="Write a self-contained HTML report here.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the metrics JSON here.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="An earlier metrics JSON: show per-field deltas.")] = None,
    min_field_f1: Annotated[float | None, typer.Option(help="Exit 1 when the micro field F1 is lower.")] = None,
    min_outcome_accuracy: Annotated[float | None, typer.Option(help="Exit 1 when outcome accuracy is lower.")] = None,
    max_false_approvals: Annotated[
        int | None, typer.Option(help="Exit 1 when more cases are approved than gold allows.")
    ] = None,
    gates: Annotated[
        Path | None,
        typer.Option(help="A JSON file of gates (min_outcome_accuracy, max_false_approvals, min_field_f1)."),
    ] = None,
    policy: Annotated[str | None, POLICY_OPTION] = None,
    llm: Annotated[LLMMode, LLM_OPTION] = LLMMode.off,
    no_cache: Annotated[bool, NO_CACHE_OPTION] = False,
    llm_config: Annotated[Path | None, CONFIG_OPTION] = None,
) -> None:
    """Review each gold bundle (or read saved records) and score it against the gold.

    Example: abstractor eval eval/gold --bundles sample_charts --html report.html --json metrics.json
    """
    try:
        reviewer = None if predictions is not None else _reviewer(policy, llm, llm_config, no_cache)
        run = evaluate(gold, bundles, predictions, reviewer)
        base = json.loads(baseline.read_text(encoding="utf-8")) if baseline else None
    except (AbstractorError, OSError, ValueError) as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    for warning in run.warnings:
        _say("warning", warning, "yellow")
    for problem in run.problems:
        _say("error", problem)
    data = metrics_json(run.metrics, base)
    print_terminal(run.metrics, data, Console(soft_wrap=True, width=None if sys.stdout.isatty() else 150))
    if html:
        write_html(data, html)
    if json_out:
        write_json(data, json_out)
    if gates is not None:
        kept = json.loads(gates.read_text(encoding="utf-8"))
        min_field_f1 = kept.get("min_field_f1", min_field_f1)
        min_outcome_accuracy = kept.get("min_outcome_accuracy", min_outcome_accuracy)
        max_false_approvals = kept.get("max_false_approvals", max_false_approvals)
    missed = []
    if max_false_approvals is not None and data["false_approvals"] > max_false_approvals:
        missed.append(f"false approvals {data['false_approvals']} > {max_false_approvals}")
    if min_field_f1 is not None and (data["field_f1_micro"] or 0) < min_field_f1:
        missed.append(f"field F1 micro {data['field_f1_micro']} < {min_field_f1}")
    if min_outcome_accuracy is not None and (data["outcome_accuracy"] or 0) < min_outcome_accuracy:
        missed.append(f"outcome accuracy {data['outcome_accuracy']} < {min_outcome_accuracy}")
    for gate in missed:
        _say("gate missed", gate)
    if missed:
        raise typer.Exit(1)
    if run.problems:
        raise typer.Exit(EXIT_FAILED)


@eval_app.command("agreement")
def eval_agreement(
    first: Annotated[Path, typer.Argument(help="One annotator's gold folder.")],
    second: Annotated[Path, typer.Argument(help="The other annotator's gold folder.")],
) -> None:
    """Agreement between two annotators' gold sets: per-field agreement and Cohen's kappa.

    Example: abstractor eval agreement gold_annotator_a gold_annotator_b
    """
    try:
        a, warnings_a = load_gold(first)
        b, warnings_b = load_gold(second)
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    for warning in warnings_a + warnings_b:
        _say("warning", warning, "yellow")
    fields, unpaired = gold_agreement(a, b)
    table = Table("field", "cases", "agreement", "kappa", title="inter-annotator agreement")
    for f in fields:
        table.add_row(f.name, str(f.cases), f"{f.agreement:.3f}", "-" if f.kappa is None else f"{f.kappa:.3f}")
    Console(soft_wrap=True).print(table)
    if unpaired:
        _say("note", f"bundles in only one set: {', '.join(unpaired)}", "yellow")


if __name__ == "__main__":  # pragma: no cover
    app()
