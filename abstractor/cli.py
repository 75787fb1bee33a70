"""The command line: `abstractor review`, `policies`, `eval`, `serve` and `users` (the web app), `--version`."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
import typer.core
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from abstractor import __version__
from abstractor.core.errors import AbstractorError
from abstractor.core.record import FailedReview
from abstractor.core.resources import rules_path
from abstractor.core.settings import DEFAULT_POLICY, Settings, load_settings

if TYPE_CHECKING:  # the review stack (spaCy, medspaCy, the ICD-10 code set) is imported only by the commands
    from abstractor.pipeline import Review, Reviewer

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


LLM_OPTION = typer.Option(
    "--llm",
    help="fallback: ask an LLM for facts the rules left open (quotes verified); off: never (default: the settings).",
)
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


def _llm_overrides(mode: LLMMode | None, no_cache: bool) -> dict | None:
    """What --llm and --no-cache change in the settings' [llm] table: nothing when --llm is not given (the
    settings file decides), on with fallback, off with off."""
    if mode is None:
        return {"use_cache": False} if no_cache else None
    return {"enabled": mode is LLMMode.fallback, "use_cache": False if no_cache else None}


def _reviewer(policy: str | None, mode: LLMMode | None, config: Path | None, no_cache: bool) -> Reviewer:
    """The Reviewer the options ask for: settings are read here, at the edge, once."""
    from abstractor.pipeline import Reviewer

    llm = _llm_overrides(mode, no_cache)
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
            "letter: the letter to the prescriber that applies: a records request when the review pends on "
            "documentation, a denial letter when the request does not meet the criteria.",
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
    llm: Annotated[LLMMode | None, LLM_OPTION] = None,
    no_cache: Annotated[bool, NO_CACHE_OPTION] = False,
    llm_config: Annotated[Path | None, CONFIG_OPTION] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="With summary: worker processes (default: the cores available; 0 reviews in this process)."),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="With summary: skip bundles whose content already has a record in the --out folder.")
    ] = False,
    bundle_timeout: Annotated[
        float | None, typer.Option(help="With summary: seconds a bundle may take before it is recorded as failed.")
    ] = None,
    max_memory: Annotated[
        int | None, typer.Option(help="With summary: MiB of memory per worker; a bundle beyond it fails.")
    ] = None,
    redact_names: Annotated[
        bool, typer.Option(help="Name skipped files by number, not by name (names may identify a patient).")
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With summary: review on a dask.distributed cluster: its scheduler address (tcp://host:8786), "
            "or local for a LocalCluster on this machine (pip install 'abstractor[batch]')."
        ),
    ] = None,
) -> None:
    """Review chart bundles against a payer policy.

    Example: abstractor review sample_charts/* --out review-output

    With summary, each bundle's record, summary and page are written to the --out folder as soon as it is
    done, and listed in its manifest.jsonl; --resume skips bundles already done there.

    Exit status: 0 all reviewed; 3 a file of some bundle was skipped (see `skipped` in its record);
    4 some bundle could not be reviewed (its error is printed; with json or jsonl its entry says why); 2 bad usage.
    """
    if format is Format.summary:
        settings = _batch_settings(policy, llm, llm_config, no_cache)
        failed, skipped = _run_batch(
            bundles,
            out or Path("review-output"),
            settings,
            workers,
            resume,
            bundle_timeout,
            max_memory,
            redact_names,
            scheduler,
            outcomes=True,
        )
        if failed:
            raise typer.Exit(EXIT_FAILED)
        if skipped:
            raise typer.Exit(EXIT_SKIPPED)
        return
    results: list[Review | FailedReview] = []  # one per bundle, in order: failed bundles keep their place
    stream = _opened(out) if format is Format.jsonl else None  # jsonl: a line per bundle the moment it is done
    failed = skipped = False
    try:
        for result in _reviewer(policy, llm, llm_config, no_cache).review_each(bundles):
            if isinstance(result, FailedReview):
                failed = True
                internal = result.error.startswith("internal error: ")
                _say("internal error" if internal else "error", result.error.removeprefix("internal error: "))
            else:
                skipped = skipped or bool(result.record.skipped)
                _say_skipped(result.record.bundle_id, result.record.skipped, result.record.warnings, redact_names)
            if stream is not None:
                stream.write(_render_records([result], format, one=False))
                stream.flush()
            else:
                results.append(result)
    finally:
        if stream is not None and stream is not sys.stdout:
            stream.close()
    if format is Format.json:
        _emit(_render_records(results, format, one=len(bundles) == 1), out)
    elif format is not Format.jsonl:
        _emit(_render([r for r in results if not isinstance(r, FailedReview)], format), out)
    if failed:
        raise typer.Exit(EXIT_FAILED)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _opened(out: Path | None):
    """Where jsonl lines go: stdout, or a private file written as the bundles finish."""
    if out is None:
        return sys.stdout
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


def _say_skipped(bundle_id: str, skipped, warnings, redact: bool) -> None:
    """Each file of a bundle that was skipped or read with a caveat, by bundle-relative path (or by number)."""
    for label, items in (("skipped", skipped), ("note", warnings)):
        for n, item in enumerate(items, start=1):
            where = f"{bundle_id}/{item.source}" if not redact else f"{label} file {n} of a bundle"
            reason = item.reason.replace(item.source, "the file") if redact else item.reason
            _say(label, f"{where}: {reason}", "yellow")


@contextlib.contextmanager
def _batch_progress(total: int):
    """A progress bar on a terminal (done of total, rate, time left, failures); nothing when piped."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("reviewing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[failed]} failed"),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task("bundles", total=total, rate="", failed=0)
        yield progress


def _batch_settings(policy: str | None, mode: LLMMode | None, config: Path | None, no_cache: bool) -> Settings:
    """The settings of a batch, checked once, before any worker starts: a bad policy or setting fails here."""
    try:
        settings = load_settings(config, policy=policy, llm=_llm_overrides(mode, no_cache))
        from abstractor.pipeline import check_settings

        check_settings(settings)
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    return settings


def _run_batch(
    bundles: list[Path],
    folder: Path,
    settings: Settings,
    workers: int | None,
    resume: bool,
    timeout: float | None,
    max_memory: int | None,
    redact: bool,
    scheduler: str | None = None,
    *,
    outcomes: bool,
) -> tuple[bool, bool]:
    """Review into a run folder as `review` does, saying what failed (and, with `outcomes`, each outcome) as
    bundles finish; whether any bundle failed, and whether any had files that could not be read."""
    from abstractor import batch

    job = batch.Batch(
        folder,
        settings,
        workers=batch.default_workers() if workers is None else workers,
        timeout=timeout,
        max_memory=max_memory * 1024 * 1024 if max_memory else None,
        resume=resume,
    )
    failed = skipped = False
    total, finished = len(bundles), 0
    if scheduler is not None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            _say("error", "--scheduler needs the batch extra: pip install 'abstractor[batch]'")
            raise typer.Exit(EXIT_FAILED) from None
    finished_bundles = batch.run(job, bundles) if scheduler is None else batch.run_on_dask(job, bundles, scheduler)
    started, failures = time.monotonic(), 0
    with _batch_progress(len(bundles)) as progress:
        for n, done in enumerate(finished_bundles, start=1):
            finished = n
            name = done.name if not redact else f"bundle {n}"
            if done.status == "failed":
                failed, failures = True, failures + 1
                error = done.error or "not reviewed"
                _say("error", error if not redact else f"{name}: {error.replace(done.bundle, 'the bundle')}")
            else:
                skipped = skipped or done.skipped > 0
                if done.skipped:
                    _say("skipped", f"{name}: {done.skipped} file(s) not read (see `skipped` in its record)", "yellow")
                indication = (
                    f" (indication {done.indication}, {done.approval_months} months)" if done.indication else ""
                )
                if outcomes:
                    typer.echo(f"{name}: {done.outcome}{indication}")
            if progress is not None:
                rate = n / max(time.monotonic() - started, 1e-6)
                progress.update(progress.task_ids[0], completed=n, rate=f"{rate:.1f}/s", failed=failures)
    message = f"Summaries and records written to {folder}/ ({finished} of {total} bundles; manifest.jsonl)"
    if outcomes:
        typer.echo(message)
    else:
        err.print(message, highlight=False)
    return failed, skipped


def _render_records(results: list[Review | FailedReview], format: Format, *, one: bool) -> str:
    """json: the record of one bundle as an object, of several as a list; jsonl: a line per bundle.

    A bundle that could not be reviewed keeps its place as an object with `error` and a null outcome.
    """
    records = [(r if isinstance(r, FailedReview) else r.record).model_dump(mode="json") for r in results]
    if format is Format.jsonl:
        return "".join(json.dumps(rec) + "\n" for rec in records)
    return json.dumps(records[0] if one else records, indent=2) + "\n"


def _render(reviews: list[Review], format: Format) -> str:
    if format is Format.letter:
        return "\n\n---\n\n".join(
            r.records_request
            or r.denial_letter
            or f"# {r.record.bundle_id}: no letter (the request meets the criteria)\n"
            for r in reviews
        )
    if format is Format.html:
        from abstractor.report.html import render_html

        return "\n".join(render_html(r.record, r.documents, r.references, r.decision) for r in reviews)
    return "\n\n---\n\n".join(r.record.determination.summary_markdown for r in reviews)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        from abstractor.batch import write_private

        out.parent.mkdir(parents=True, exist_ok=True)
        write_private(out, text)


@app.command()
def policies(config: Annotated[Path | None, CONFIG_OPTION] = None) -> None:
    """List the installed payer policies.

    Example: abstractor policies
    """
    try:
        folder = load_settings(config).rules_dir
        from abstractor.policy.loader import installed_policies

        installed = installed_policies(rules_path("policies", folder=folder) if folder else None)
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    table = Table("id", "title", "version", "effective", "clauses")
    for p in installed:
        table.add_row(p.id, p.title, p.version, str(p.effective_date), str(sum(1 for _ in p.clauses())))
    Console().print(table)


DATA_OPTION = typer.Option("--data", help="The web app's data folder (default ~/.local/share/abstractor).")
DATABASE_OPTION = typer.Option(
    "--database-url", help="A SQLAlchemy database URL, e.g. postgresql+psycopg://... (default: SQLite in --data)."
)


def _web_config(data: Path | None, database_url: str | None, **more):
    """The web app's configuration from the command line's options (the web package is imported only here)."""
    from abstractor.web.config import DEFAULT_DATA, WebConfig

    return WebConfig(data_dir=(data or DEFAULT_DATA).expanduser().resolve(), database_url=database_url, **more)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data: Annotated[Path | None, DATA_OPTION] = None,
    database_url: Annotated[str | None, DATABASE_OPTION] = None,
    config: Annotated[Path | None, CONFIG_OPTION] = None,
    secure_cookies: Annotated[
        bool, typer.Option("--secure-cookies", help="Send cookies over HTTPS only (behind a TLS proxy).")
    ] = False,
    workers: Annotated[int, typer.Option(help="Background review threads.")] = 1,
) -> None:
    """Start the reviewers' web app (pip install 'abstractor[web]').

    Example: abstractor serve --data ~/abstractor-data
    """
    try:
        from abstractor.web.app import create_app, run
    except ImportError as exc:
        _say("error", f"the web app needs its extra: pip install 'abstractor[web]' ({exc.name} is missing)")
        raise typer.Exit(EXIT_FAILED) from None
    try:
        settings = load_settings(config)
        web = _web_config(data, database_url, settings=settings, secure_cookies=secure_cookies, workers=workers)
        application = create_app(web)
    except AbstractorError as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    typer.echo(f"abstractor {__version__}: data folder {web.data_dir}")
    typer.echo(f"database: {'SQLite in the data folder' if database_url is None else 'the --database-url given'}")
    typer.echo(f"open http://{host}:{port}/ and sign in (create a user with `abstractor users add NAME --role admin`)")
    run(application, host, port)


users_app = typer.Typer(help="Users of the web app.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(users_app, name="users")


def _user_db(data: Path | None, database_url: str | None):
    try:
        from abstractor.web.migrate import open_database
    except ImportError as exc:
        _say("error", f"the web app needs its extra: pip install 'abstractor[web]' ({exc.name} is missing)")
        raise typer.Exit(EXIT_FAILED) from None
    web = _web_config(data, database_url)
    from abstractor.web.config import private_dir

    private_dir(web.data_dir)
    return open_database(web.url)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's sign-in name.")],
    role: Annotated[str, typer.Option(help="reviewer, qa or admin.")] = "reviewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input instead of a prompt.")
    ] = False,
    data: Annotated[Path | None, DATA_OPTION] = None,
    database_url: Annotated[str | None, DATABASE_OPTION] = None,
) -> None:
    """Create a user of the web app (the first one: --role admin).

    Example: abstractor users add alice --role admin
    """
    sessions = _user_db(data, database_url)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    from abstractor.web.security import UserError, add_user

    with sessions() as db:
        try:
            add_user(db, name, password, role)
        except UserError as exc:
            _say("error", str(exc))
            raise typer.Exit(2) from None
    typer.echo(f"user {name} added ({role})")


@users_app.command("token")
def users_token(
    name: Annotated[str, typer.Argument(help="The user the API token acts for.")],
    data: Annotated[Path | None, DATA_OPTION] = None,
    database_url: Annotated[str | None, DATABASE_OPTION] = None,
) -> None:
    """Print a new API token for a user (send it as 'Authorization: Bearer TOKEN'); it is shown once.

    Example: abstractor users token alice
    """
    sessions = _user_db(data, database_url)
    from abstractor.web.security import UserError, new_api_token

    with sessions() as db:
        try:
            typer.echo(new_api_token(db, name))
        except UserError as exc:
            _say("error", str(exc))
            raise typer.Exit(2) from None


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
    llm: Annotated[LLMMode | None, LLM_OPTION] = None,
    no_cache: Annotated[bool, NO_CACHE_OPTION] = False,
    llm_config: Annotated[Path | None, CONFIG_OPTION] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Review the gold bundles as a batch into this run folder (records written as each is done, "
            "manifest.jsonl, worker processes), then score the records there.",
        ),
    ] = None,
    workers: Annotated[int | None, typer.Option(help="With --out: worker processes (default: the cores).")] = None,
    resume: Annotated[bool, typer.Option(help="With --out: keep the records already in the run folder.")] = False,
) -> None:
    """Review each gold bundle (or read saved records) and score it against the gold.

    Example: abstractor eval eval/gold --bundles sample_charts --html report.html --json metrics.json
    """
    if out is not None and predictions is not None:
        _say("error", "--out reviews the bundles and --predictions reads saved records: give one of them")
        raise typer.Exit(EXIT_FAILED)
    if out is not None:
        from abstractor.evaluation.gold import load_gold
        from abstractor.evaluation.run import bundle_path

        try:
            cases, _ = load_gold(gold)
        except AbstractorError as exc:
            _say("error", str(exc))
            raise typer.Exit(EXIT_FAILED) from None
        paths = [p for case in cases if (p := bundle_path(bundles, case.bundle_id)) is not None]
        settings = _batch_settings(policy, llm, llm_config, no_cache)
        _run_batch(paths, out, settings, workers, resume, None, None, False, outcomes=False)
        predictions = out
    try:
        reviewer = None if predictions is not None else _reviewer(policy, llm, llm_config, no_cache)
        ocr = None
        if predictions is not None:  # the saved records' quotes are checked against the bundles as read
            from abstractor.pipeline import page_reader

            ocr = page_reader(load_settings(llm_config, policy=policy))
        from abstractor.evaluation.run import evaluate

        run = evaluate(gold, bundles, predictions, reviewer, ocr)
        base = json.loads(baseline.read_text(encoding="utf-8")) if baseline else None
    except (AbstractorError, OSError, ValueError) as exc:
        _say("error", str(exc))
        raise typer.Exit(EXIT_FAILED) from None
    for warning in run.warnings:
        _say("warning", warning, "yellow")
    for problem in run.problems:
        _say("error", problem)
    from abstractor.evaluation.report import metrics_json, print_terminal, write_html, write_json

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
        from abstractor.evaluation.agreement import agreement as gold_agreement
        from abstractor.evaluation.gold import load_gold

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
