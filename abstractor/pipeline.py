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
    Flag,
    PolicyRef,
    ReviewRecord,
)
from abstractor.ingest.bundle import Bundle, load_bundle
from abstractor.nlp.extract import extract
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


def review_path(path: str | Path, policy_id: str = DEFAULT_POLICY) -> Review:
    """Read a bundle folder or zip and review it."""
    return review_bundle(load_bundle(path), policy_id)


def review_bundle(bundle: Bundle, policy_id: str = DEFAULT_POLICY) -> Review:
    """Extract facts, check them against the policy in force on the date of service, and summarise."""
    extraction = extract(list(bundle.documents))
    policy = select_policy(policy_id, extraction.request.date_of_service)
    catalogue = load_catalogue()
    result = check(policy, extraction.facts, extraction.request, extraction.fact_evidence, catalogue)
    flags = policy_flags(policy, extraction.facts, extraction.request)
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
        SummaryInput(
            bundle.bundle_id,
            policy,
            result,
            extraction.facts,
            extraction.request,
            extraction.fact_evidence,
            flags,
            catalogue,
        )
    )
    record = ReviewRecord(
        bundle_id=bundle.bundle_id,
        policy=PolicyRef(
            id=policy.id,
            effective_date=policy.effective_date.isoformat(),
            version=policy.version,
            title=policy.title,
        ),
        request=extraction.request,
        facts=extraction.facts,
        fact_evidence=extraction.fact_evidence,
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
        extraction=Extraction(llm_used=False, llm_fields=[], rules_version=extraction.rules_version),
        skipped=list(bundle.skipped),
        warnings=list(bundle.warnings),
        documents=[
            DocumentInfo(
                source=d.source,
                kind=d.kind,
                sha256=d.sha256,
                pages=len(d.pages) or None,
                tables=len(d.tables),
                encoding=d.encoding,
            )
            for d in bundle.documents
        ],
        abstractor_version=__version__,
    )
    return Review(record=record, documents=bundle.documents, references=tuple(citations.references))
