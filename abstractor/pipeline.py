"""The one place the stages are wired together: bundle in, review record out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from abstractor import __version__
from abstractor.core.document import Document
from abstractor.core.record import (
    Determination,
    DocumentInfo,
    Extraction,
    FailedReview,
    Flag,
    LLMRejection,
    LogicalDocument,
    NoDetermination,
    PolicyRef,
    ReviewRecord,
)
from abstractor.ingest.bundle import Bundle, load_bundle
from abstractor.llm.fallback import FallbackResult, LLMFallback
from abstractor.nlp.extract import assemble
from abstractor.nlp.mentions import analyze
from abstractor.nlp.pipeline import get_pipeline
from abstractor.nlp.reader import RulesReader
from abstractor.policy.checker import check
from abstractor.policy.flags import flags as policy_flags
from abstractor.policy.loader import DEFAULT_POLICY, load_catalogue, select_policy
from abstractor.report.citations import Reference
from abstractor.report.summary import SummaryInput, summarize


@dataclass(frozen=True)
class Review:
    """A review record with the Documents and numbered references its summary cites (for HTML rendering)."""

    record: ReviewRecord
    documents: tuple[Document, ...]
    references: tuple[Reference, ...] = ()


def review_path(path: str | Path, policy_id: str = DEFAULT_POLICY, llm: LLMFallback | None = None) -> Review:
    """Read a bundle folder or zip and review it."""
    return review_bundle(load_bundle(path), policy_id, llm)


def review_bundle(bundle: Bundle, policy_id: str = DEFAULT_POLICY, llm: LLMFallback | None = None) -> Review:
    """Extract facts, check them against the policy in force on the date of service, and summarise.

    With `llm`, facts the rules left open that could change the outcome are asked of the model; answers whose
    quotes are not in the chart, or do not state the value, are rejected; the checker then decides again.
    """
    _, rules = get_pipeline()
    analyzed = analyze(bundle.documents, rules)
    extraction = assemble(analyzed, rules)
    facts, evidence = extraction.facts, extraction.fact_evidence
    # A date of service outside every version is reviewed under the nearest one, flagged, and pends.
    policy = select_policy(policy_id, extraction.request.date_of_service, nearest=True)
    catalogue = load_catalogue()
    result = check(policy, facts, extraction.request, evidence, catalogue)
    provenance = Extraction(rules_version=extraction.rules_version)
    llm_flags: list[Flag] = []
    if llm is not None:
        filled = llm.run(
            bundle.documents, facts, extraction.request, evidence, result, policy, RulesReader(analyzed, rules)
        )
        if filled.filled:
            facts, evidence = filled.facts, filled.fact_evidence
            result = check(policy, facts, extraction.request, evidence, catalogue)
        provenance = _llm_provenance(extraction.rules_version, llm, filled)
        llm_flags = _llm_flags(filled)
    flags = policy_flags(policy, facts, extraction.request) + llm_flags
    flags += [
        Flag(
            code="file_skipped",
            severity="warning",
            message=f"{s.source} was not read: {s.reason}",
            source="abstractor ingestion",
        )
        for s in bundle.skipped
    ]
    summary, citations = summarize(
        SummaryInput(bundle.bundle_id, policy, result, facts, extraction.request, evidence, flags, catalogue)
    )
    record = ReviewRecord(
        bundle_id=bundle.bundle_id,
        policy=PolicyRef(
            id=policy.id, effective_date=policy.effective_date.isoformat(), version=policy.version, title=policy.title
        ),
        request=extraction.request,
        facts=facts,
        fact_evidence=evidence,
        determination=Determination(
            outcome=result.outcome,
            indication=result.indication,
            approval_months=result.approval_months,
            summary_markdown=summary,
        ),
        criteria=result.criteria,
        exclusions=result.exclusions,
        gaps=result.gaps,
        flags=flags,
        extraction=provenance,
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
            )
            for a in analyzed
        ],
        abstractor_version=__version__,
    )
    return Review(record=record, documents=bundle.documents, references=tuple(citations.references))


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


def _llm_provenance(rules_version: str, llm: LLMFallback, filled: FallbackResult) -> Extraction:
    return Extraction(
        llm_used=bool(filled.filled),
        llm_fields=filled.filled,
        rules_version=rules_version,
        model=llm.model_name,
        prompt_version=llm.prompt.version,
        masked_identifiers=filled.masked is not None if filled.asked else None,
        identifiers_masked=filled.masked,
        llm_asked=filled.asked,
        llm_rejected=[LLMRejection(fact=r.fact, reason=r.reason) for r in filled.rejected],
        llm_error=filled.error,
        llm_calls=filled.calls,
        llm_cached_calls=filled.cached_calls,
        llm_tokens_in=filled.tokens_in,
        llm_tokens_out=filled.tokens_out,
        llm_latency_ms=round(filled.latency_ms, 1),
    )


def _llm_flags(filled: FallbackResult) -> list[Flag]:
    source = "abstractor LLM fallback"
    flags = []
    if filled.error:
        flags.append(
            Flag(
                code="llm_failed",
                severity="warning",
                source=source,
                message=f"The LLM fallback failed ({filled.error}); the record is the rules' alone.",
            )
        )
    if filled.rejected:
        flags.append(
            Flag(
                code="llm_answers_rejected",
                severity="info",
                source=source,
                message=f"{len(filled.rejected)} LLM answer(s) were not used: the quote was not found in "
                "the chart or did not state the value.",
            )
        )
    if filled.filled:
        flags.append(
            Flag(
                code="llm_facts_used",
                severity="info",
                source=source,
                message=f"Facts filled by the LLM and verified against their quotes: {', '.join(filled.filled)}.",
            )
        )
    return flags
