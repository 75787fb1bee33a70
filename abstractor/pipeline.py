"""The one place the stages are wired together: a `Reviewer`, built once from the settings, reviews bundles.

A review runs ingest -> nlp -> (llm) -> policy -> report, each stage once and in that order. The LLM stage
asks the questions the rules-only decision tree leaves open; the decision the record carries is made once,
after it. `Reviewer.redecide` runs policy -> report again on a record's facts with a reviewer's overrides,
without reading the chart again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from abstractor import __version__
from abstractor.core.abstraction import Abstraction
from abstractor.core.document import Document
from abstractor.core.errors import AbstractorError, InternalError, OverrideError
from abstractor.core.overrides import Override, apply_facts, check_unique, criterion_result, machine_facts
from abstractor.core.policy import Decision, FactCatalogue, Policy
from abstractor.core.record import (
    Determination,
    DocumentInfo,
    Extraction,
    FailedReview,
    Flag,
    LogicalDocument,
    MachineDetermination,
    NoDetermination,
    OcrPageInfo,
    OpenFactResult,
    OverrideResult,
    PolicyRef,
    ReviewRecord,
    Skipped,
)
from abstractor.core.resources import rules_path
from abstractor.core.settings import Settings
from abstractor.core.truth import Truth
from abstractor.ingest.bundle import Bundle, load_bundle
from abstractor.ingest.ocr import PageReader
from abstractor.llm.fallback import LLMFallback
from abstractor.nlp.extract import assemble
from abstractor.nlp.mentions import AnalyzedDocument, analyze
from abstractor.nlp.pipeline import get_pipeline
from abstractor.nlp.reader import RulesReader
from abstractor.nlp.rules import load_rules
from abstractor.policy.checker import check
from abstractor.policy.flags import flags, load_flag_rules
from abstractor.policy.loader import installed_policies, load_catalogue, select_policy
from abstractor.report.citations import Reference
from abstractor.report.letter import denial_letter, records_request
from abstractor.report.summary import SummaryInput, summarize

__all__ = ["Override", "Review", "Reviewer", "check_settings", "failed_review"]


@dataclass(frozen=True)
class Review:
    """A review record with the Documents and numbered references its summary cites (for HTML rendering)."""

    record: ReviewRecord
    documents: tuple[Document, ...]
    references: tuple[Reference, ...] = ()
    decision: Decision | None = None  # the checker's tree the record's criteria project
    records_request: str = ""  # the letter to the prescriber when the review pends on documentation
    denial_letter: str = ""  # the letter to the prescriber when the request does not meet the criteria


@dataclass(frozen=True)
class _Chart:
    """What a review keeps of the bundle besides its facts: its id, the files skipped or read with a warning,
    the documents' texts (empty when a record is redecided without them) and what the record lists of them."""

    bundle_id: str
    skipped: tuple[Skipped, ...]
    warnings: tuple[Skipped, ...]
    documents: tuple[Document, ...]
    infos: tuple[DocumentInfo, ...]


@dataclass(frozen=True)
class _Reviewed:
    """What a review decided, for the report: the policy applied, the facts, the decision tree, the flags, how
    the facts were read, and a reviewer's overrides with the outcome the chart alone gave before them."""

    policy: Policy
    abstraction: Abstraction
    decision: Decision
    flags: list[Flag]
    provenance: Extraction
    overrides: tuple[OverrideResult, ...] = ()
    machine: MachineDetermination | None = None


def _policies(settings: Settings) -> tuple[FactCatalogue, tuple[Policy, ...]]:
    """The fact catalogue and the installed policies the settings name; an unknown policy id fails here."""
    folder = settings.rules_dir
    facts_file = rules_path("facts.yaml", folder=folder) if folder else None
    catalogue = load_catalogue(facts_file)
    policies = installed_policies(rules_path("policies", folder=folder) if folder else None, facts_file)
    select_policy(settings.policy, policies=policies)
    return catalogue, policies


def check_settings(settings: Settings) -> None:
    """What building a Reviewer would refuse, checked without building the NLP pipeline (for a process that
    only hands bundles to workers): the policy, the rule files, and the LLM's settings when it is on."""
    _policies(settings)
    load_rules(settings.rules_dir)
    if settings.llm.enabled:
        from abstractor.llm.backends import chat_model

        chat_model(settings.llm)


def page_reader(settings: Settings, progress: Callable[[int, int], None] | None = None) -> PageReader | None:
    """The OCR page reader the settings' [ocr] table describes; None when OCR is off."""
    ocr = settings.ocr
    if ocr.engine == "off":
        return None
    return PageReader(ocr.engine, ocr.min_confidence, ocr.cache_dir if ocr.use_cache else None, progress)


class Reviewer:
    """Everything a review needs, built once from the settings: the rules and their NLP pipeline, the fact
    catalogue, the installed policies, the flag rules and the optional LLM fallback.

    `llm` overrides the fallback the settings describe (tests pass one with a scripted model).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        llm: LLMFallback | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.settings = settings if settings is not None else Settings.model_construct()
        self.ocr = page_reader(self.settings, progress)
        folder = self.settings.rules_dir
        self.catalogue, self.policies = _policies(self.settings)
        _, self.rules = get_pipeline(load_rules(folder) if folder else None)
        self.flag_rules = load_flag_rules(rules_path("flags.yaml", folder=folder) if folder else None)
        if llm is None and self.settings.llm.enabled:
            llm = LLMFallback(self.settings.llm, self.catalogue, prompts_dir=self.settings.prompts_dir)
        self.llm = llm

    def review_path(self, path: str | Path) -> Review:
        """Read a bundle folder or zip and review it."""
        return self.review(load_bundle(path, self.ocr))

    def review_each(self, paths: Iterable[str | Path]) -> Iterator[Review | FailedReview]:
        """Review bundles one by one; a bundle that cannot be reviewed yields its FailedReview, never an error,
        and the rest go on. Messages name the path and the problem, never chart text."""
        for path in paths:
            try:
                yield self.review_path(path)
            except AbstractorError as exc:
                yield failed_review(path, str(exc) if str(path) in str(exc) else f"{path}: {exc}")
            except Exception as exc:  # a bug must not cost the rest of the batch; the message holds no chart text
                error = InternalError(f"{path}: {type(exc).__name__} (please report it)")
                yield failed_review(path, f"internal error: {error}")

    def review(self, bundle: Bundle) -> Review:
        """Extract the facts, decide them against the policy in force on the date of service, and report."""
        analyzed = analyze(bundle.documents, self.rules)
        abstraction = assemble(analyzed, self.rules)
        reader = RulesReader(analyzed, self.rules)
        # A date of service outside every version is reviewed under the nearest one, flagged, and pends.
        policy = select_policy(self.settings.policy, abstraction.request.date_of_service, self.policies, nearest=True)
        provenance = Extraction(rules_version=abstraction.rules_version)
        decision = None
        if self.llm is not None:
            draft = self._decide(policy, abstraction)
            filled = self.llm.fill(abstraction, draft.open_facts, documents=bundle.documents, reader=reader)
            abstraction, provenance = filled.abstraction, self.llm.provenance(filled)
            decision = draft if not filled.filled else None
        decision = decision or self._decide(policy, abstraction)
        chart = _Chart(
            bundle.bundle_id, tuple(bundle.skipped), tuple(bundle.warnings), bundle.documents, _infos(analyzed)
        )
        review_flags = self._flags(policy, abstraction, decision, chart, provenance if self.llm is not None else None)
        return _report(chart, _Reviewed(policy, abstraction, decision, review_flags, provenance), self.catalogue)

    def redecide(
        self, record: ReviewRecord, overrides: Sequence[Override], *, documents: Sequence[Document] = ()
    ) -> Review:
        """Decide a reviewed record again with a reviewer's overrides, without reading the chart again: the
        checker runs on the record's facts with the fact overrides applied and the clause overrides forced,
        and the summary, criteria, gaps, open facts, flags and letters are written again.

        Overrides replace any the record already carries: they apply to the facts the machine read from the
        chart, never on top of earlier overrides; with none, the record comes back as the machine made it.
        `documents` (the bundle's Documents, when the caller kept them) ride along for the HTML page.
        A bad override raises OverrideError naming the fact or clause.
        """
        check_unique(overrides)
        facts, request, evidence = machine_facts(record)
        rules_version = record.extraction.rules_version or ""
        policy = select_policy(record.policy.id, request.date_of_service, self.policies, nearest=True)
        machine = self._decide(policy, Abstraction(request, facts, evidence, rules_version))
        facts, request, evidence, by_fact = apply_facts(facts, request, evidence, overrides)
        abstraction = Abstraction(request, facts, evidence, rules_version)
        policy = select_policy(record.policy.id, request.date_of_service, self.policies, nearest=True)
        forced = {}
        for o in overrides:
            if o.target == "criterion":
                if policy.clause(o.name) is None:
                    raise OverrideError(
                        f"the override of criterion {o.name!r}: {policy.id} version {policy.version} has no such "
                        "clause (use an id listed under the record's criteria)"
                    )
                forced[o.name] = Truth(o.value)
        decision = check(policy, facts, request, evidence, self.catalogue, forced=forced, reviewed=set(by_fact))
        results = tuple(
            by_fact[o.name] if o.target == "fact" else criterion_result(o, _status(machine, o.name)) for o in overrides
        )
        chart = _Chart(
            record.bundle_id, tuple(record.skipped), tuple(record.warnings), tuple(documents), tuple(record.documents)
        )
        review_flags = self._flags(policy, abstraction, decision, chart, record.extraction)
        before = (
            MachineDetermination(
                outcome=machine.outcome, indication=machine.indication, approval_months=machine.approval_months
            )
            if overrides
            else None
        )
        decided = _Reviewed(policy, abstraction, decision, review_flags, record.extraction, results, before)
        return _report(chart, decided, self.catalogue)

    def _decide(self, policy: Policy, abstraction: Abstraction) -> Decision:
        return check(policy, abstraction.facts, abstraction.request, abstraction.fact_evidence, self.catalogue)

    def _flags(
        self, policy: Policy, abstraction: Abstraction, decision: Decision, chart: _Chart, extraction: Extraction | None
    ) -> list[Flag]:
        return flags(
            policy,
            abstraction.facts,
            abstraction.request,
            self.flag_rules,
            skipped=chart.skipped,
            extraction=extraction,
            unconfirmed=decision.unconfirmed_ocr(),
        )


def _status(decision: Decision, clause_id: str) -> str | None:
    status = decision.status(clause_id)
    return status.value if status is not None else None


def _infos(analyzed: list[AnalyzedDocument]) -> tuple[DocumentInfo, ...]:
    """What the record lists of each document read: its kind, hash, pages, tables and logical documents."""
    return tuple(
        DocumentInfo(
            source=a.doc.source,
            kind=a.doc.kind,
            sha256=a.doc.sha256,
            pages=len(a.doc.pages) or None,
            tables=len(a.doc.tables),
            encoding=a.doc.encoding,
            logical_documents=[
                LogicalDocument(role=s.role, start=s.start, end=s.end, first_page=s.first_page, last_page=s.last_page)
                for s in a.layout.segments
            ],
            ocr_pages=[OcrPageInfo(**o.model_dump(exclude={"image_png"})) for o in a.doc.ocr_pages],
        )
        for a in analyzed
    )


def _report(chart: _Chart, decided: _Reviewed, catalogue: FactCatalogue) -> Review:
    """The review record, its summary and letters, written from the decision tree."""
    policy, decision = decided.policy, decided.decision
    facts, request, evidence = decided.abstraction.facts, decided.abstraction.request, decided.abstraction.fact_evidence
    summary, citations = summarize(
        SummaryInput(
            chart.bundle_id,
            policy,
            decision,
            facts,
            request,
            evidence,
            decided.flags,
            catalogue,
            overrides=decided.overrides,
            machine=decided.machine,
        )
    )
    record = ReviewRecord(
        bundle_id=chart.bundle_id,
        policy=PolicyRef(
            id=policy.id, effective_date=policy.effective_date.isoformat(), version=policy.version, title=policy.title
        ),
        request=request,
        facts=facts,
        fact_evidence=evidence,
        determination=Determination(
            outcome=decision.outcome,
            indication=decision.indication,
            approval_months=decision.approval_months,
            summary_markdown=summary,
        ),
        criteria=decision.criteria(),
        exclusions=decision.exclusion_results(),
        gaps=decision.gaps,
        flags=decided.flags,
        extraction=decided.provenance,
        open_facts=[
            OpenFactResult(
                fact=o.fact,
                clause=o.clause,
                request=o.request,
                settled_by=list(o.settled_by),
                decides=o.decides,
                clauses=list(o.clauses),
            )
            for o in decision.open_facts
        ],
        skipped=list(chart.skipped),
        warnings=list(chart.warnings),
        documents=list(chart.infos),
        abstractor_version=__version__,
        overrides=list(decided.overrides),
        machine_determination=decided.machine,
    )
    return Review(
        record=record,
        documents=chart.documents,
        references=tuple(citations.references),
        decision=decision,
        records_request=records_request(chart.bundle_id, policy, decision, request),
        denial_letter=denial_letter(chart.bundle_id, policy, decision, request),
    )


def failed_review(path: str | Path, error: str) -> FailedReview:
    """What stands in for the record of a bundle that could not be reviewed at all: its id and the error.

    The message names the path and the problem, never chart text. The id follows load_bundle: a folder's
    name, a zip's name without its extension.
    """
    path = Path(path)
    bundle_id = path.stem if path.suffix.lower() == ".zip" else path.name
    return FailedReview(
        bundle_id=bundle_id,
        error=error,
        determination=NoDetermination(summary_markdown=f"# Not reviewed\n\n{error}\n"),
        flags=[Flag(code="bundle_not_reviewed", severity="critical", message=error, source="abstractor")],
        abstractor_version=__version__,
    )
