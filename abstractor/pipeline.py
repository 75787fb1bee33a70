"""The one place the stages are wired together: a `Reviewer`, built once from the settings, reviews bundles.

A review runs ingest -> nlp -> (llm) -> policy -> report, each stage once and in that order. The LLM stage
asks the questions the rules-only decision tree leaves open; the decision the record carries is made once,
after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from abstractor import __version__
from abstractor.core.abstraction import Abstraction
from abstractor.core.document import Document
from abstractor.core.errors import AbstractorError, InternalError
from abstractor.core.policy import Decision, FactCatalogue, Policy
from abstractor.core.record import (
    Determination,
    DocumentInfo,
    Extraction,
    FailedReview,
    Flag,
    LogicalDocument,
    NoDetermination,
    OcrPageInfo,
    OpenFactResult,
    PolicyRef,
    ReviewRecord,
)
from abstractor.core.resources import rules_path
from abstractor.core.settings import Settings
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
from abstractor.report.letter import records_request
from abstractor.report.summary import SummaryInput, summarize


@dataclass(frozen=True)
class Review:
    """A review record with the Documents and numbered references its summary cites (for HTML rendering)."""

    record: ReviewRecord
    documents: tuple[Document, ...]
    references: tuple[Reference, ...] = ()
    decision: Decision | None = None  # the checker's tree the record's criteria project
    records_request: str = ""  # the letter to the prescriber when the review pends on documentation


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
        review_flags = flags(
            policy,
            abstraction.facts,
            abstraction.request,
            self.flag_rules,
            skipped=bundle.skipped,
            extraction=provenance if self.llm is not None else None,
            unconfirmed=decision.unconfirmed_ocr(),
        )
        return _report(bundle, analyzed, policy, abstraction, decision, review_flags, provenance, self.catalogue)

    def _decide(self, policy: Policy, abstraction: Abstraction) -> Decision:
        return check(policy, abstraction.facts, abstraction.request, abstraction.fact_evidence, self.catalogue)


def _report(
    bundle: Bundle,
    analyzed: list[AnalyzedDocument],
    policy: Policy,
    abstraction: Abstraction,
    decision: Decision,
    review_flags: list[Flag],
    provenance: Extraction,
    catalogue,
) -> Review:
    """The review record and its summary, written from the decision tree."""
    facts, request, evidence = abstraction.facts, abstraction.request, abstraction.fact_evidence
    summary, citations = summarize(
        SummaryInput(bundle.bundle_id, policy, decision, facts, request, evidence, review_flags, catalogue)
    )
    record = ReviewRecord(
        bundle_id=bundle.bundle_id,
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
        flags=review_flags,
        extraction=provenance,
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
        skipped=list(bundle.skipped),
        warnings=list(bundle.warnings),
        documents=[
            DocumentInfo(
                source=a.doc.source,
                kind=a.doc.kind,
                sha256=a.doc.sha256,
                pages=len(a.doc.pages) or None,
                tables=len(a.doc.tables),
                encoding=a.doc.encoding,
                logical_documents=[
                    LogicalDocument(
                        role=s.role, start=s.start, end=s.end, first_page=s.first_page, last_page=s.last_page
                    )
                    for s in a.layout.segments
                ],
                ocr_pages=[OcrPageInfo(**o.model_dump(exclude={"image_png"})) for o in a.doc.ocr_pages],
            )
            for a in analyzed
        ],
        abstractor_version=__version__,
    )
    return Review(
        record=record,
        documents=bundle.documents,
        references=tuple(citations.references),
        decision=decision,
        records_request=records_request(bundle.bundle_id, policy, decision, request),
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
