"""The command line: `abstractor review`, `abstractor policies`, `abstractor --version`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from abstractor import __version__
from abstractor.core.errors import AbstractorError
from abstractor.pipeline import Review, review_path
from abstractor.policy.loader import DEFAULT_POLICY, installed_policies

app = typer.Typer(
    help="Chart abstraction and medical-necessity review for denosumab prior authorization.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    # Tracebacks must never print local variables: they may hold chart text (PHI).
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_SKIPPED = 3  # every bundle reviewed, but some file of a bundle could not be read
EXIT_FAILED = 4  # some bundle could not be reviewed at all


class Format(StrEnum):
    summary = "summary"
    json = "json"
    jsonl = "jsonl"
    md = "md"


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
            help="summary: one line per bundle and a folder of summaries; json, jsonl or md: the records or summaries.",
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
    policy: Annotated[
        str, typer.Option("--policy", "-p", help="Policy id (see `abstractor policies`).")
    ] = DEFAULT_POLICY,
) -> None:
    """Review chart bundles against a payer policy.

    Example: abstractor review sample_charts/* --out review-output

    Exit status: 0 all reviewed; 3 a file of some bundle was skipped (see `skipped` in its record);
    4 some bundle could not be reviewed (its error is printed); 2 bad usage.
    """
    reviews: list[Review] = []
    failed = False
    for path in bundles:
        try:
            reviews.append(review_path(path, policy))
        except AbstractorError as exc:
            failed = True
            err.print(f"[red]error[/red] {exc}" if str(path) in str(exc) else f"[red]error[/red] {path}: {exc}")
        except Exception as exc:  # a bug must not cost the rest of the batch; the message holds no chart text
            failed = True
            err.print(f"[red]internal error[/red] {path}: {type(exc).__name__} (please report it)")
    skipped = False
    for r in reviews:
        for s in r.record.skipped:
            skipped = True
            err.print(f"[yellow]skipped[/yellow] {r.record.bundle_id}/{s.source}: {s.reason}")
        for w in r.record.warnings:
            err.print(f"[yellow]note[/yellow] {r.record.bundle_id}/{w.source}: {w.reason}")
    if format is Format.summary:
        _write_summaries(reviews, out or Path("review-output"))
    else:
        _emit(_render(reviews, format), out)
    if failed:
        raise typer.Exit(EXIT_FAILED)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _render(reviews: list[Review], format: Format) -> str:
    records = [r.record.model_dump(mode="json") for r in reviews]
    if format is Format.jsonl:
        return "".join(json.dumps(rec) + "\n" for rec in records)
    if format is Format.json:
        return json.dumps(records[0] if len(records) == 1 else records, indent=2) + "\n"
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
        (folder / f"{rec.bundle_id}.json").write_text(
            json.dumps(rec.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8"
        )
        det = rec.determination
        indication = f" (indication {det.indication}, {det.approval_months} months)" if det.indication else ""
        typer.echo(f"{rec.bundle_id}: {det.outcome}{indication}")
    typer.echo(f"Summaries and records written to {folder}/")


@app.command()
def policies() -> None:
    """List the installed payer policies.

    Example: abstractor policies
    """
    try:
        installed = installed_policies()
    except AbstractorError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    table = Table("id", "title", "version", "effective", "clauses")
    for p in installed:
        table.add_row(p.id, p.title, p.version, str(p.effective_date), str(sum(1 for _ in p.clauses())))
    Console().print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
