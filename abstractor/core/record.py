"""The review record: the contract `abstractor review --format json` prints (shared spec)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, JsonValue

from abstractor.core.document import Evidence, Frozen, OcrPageInfo
from abstractor.core.vocabulary import Barrier, Outcome, OverrideTarget, Role, Route, Site, Status, TrialOutcome

# Outcome, Status, Site, TrialOutcome and Barrier live in abstractor.core.vocabulary; importing them from
# here still works.
Severity = Literal["info", "warning", "critical"]


class PolicyRef(Frozen):
    """The policy version the bundle was reviewed against."""

    id: str
    effective_date: str
    version: str | None = None
    title: str | None = None


class Request(Frozen):
    """What the prescriber asks for: product, dose, interval, codes and date of service."""

    product: str | None = None
    dose_mg: float | None = None
    interval_months: float | None = None
    hcpcs: list[str] = Field(default_factory=list)
    date_of_service: str | None = None
    units: int | None = None
    admin_cpt: list[str] = Field(default_factory=list)


class TScore(Frozen):
    """One documented T-score at a site, with its study date and the report's own detail."""

    site: Site
    value: float
    date: str | None = None
    site_detail: str | None = None
    bmd: float | None = None
    percent_change: float | None = None
    role: Literal["current", "prior"] | None = None  # of the latest study in the bundle, or an earlier one
    evidence: list[Evidence] = Field(min_length=1)


class Fracture(Frozen):
    """A fracture of the patient's by site, and whether it was a fragility fracture."""

    site: str
    fragility: bool | None = None
    cause: str | None = None
    evidence: list[Evidence] = Field(min_length=1)


class BisphosphonateTrial(Frozen):
    """One bisphosphonate the patient took: drug, route, duration and how it ended."""

    drug: str
    route: Route
    months: float | None = None
    outcome: TrialOutcome = "unknown"
    evidence: list[Evidence] = Field(min_length=1)


class Facts(Frozen):
    """What the chart says; null means the chart does not say, false that it says no."""

    sex: Literal["female", "male"] | None = None
    age: int | None = None
    postmenopausal: bool | None = None
    t_scores: list[TScore] = Field(default_factory=list)
    fragility_fracture: bool | None = None
    fractures: list[Fracture] = Field(default_factory=list)
    icd10: list[str] = Field(default_factory=list)
    bisphosphonate_trials: list[BisphosphonateTrial] = Field(default_factory=list)
    oral_bisphosphonate_barrier: Barrier | None = None
    systemic_glucocorticoid: bool | None = None
    aromatase_inhibitor: bool | None = None
    androgen_deprivation: bool | None = None
    breast_cancer: bool | None = None
    prostate_cancer: bool | None = None
    bone_metastases: bool | None = None
    severe_renal_impairment: bool | None = None
    ckd_mbd_evaluated: bool | None = None
    concurrent_osteoporosis_therapy: list[str] = Field(default_factory=list)
    high_risk_per_prescriber: bool | None = None
    on_denosumab: bool | None = None
    # Beyond the contract: facts the policy clauses, flags and summary need.
    bisphosphonate_naive: bool | None = None
    oral_bisphosphonate_barriers: list[Barrier] = Field(default_factory=list)
    bilateral_orchiectomy: bool | None = None
    estrogen_deprivation: bool | None = None
    giant_cell_tumor: bool | None = None
    osteoporosis_prevention: bool | None = None
    glucocorticoid_mg_per_day: float | None = None
    crcl_ml_min: float | None = None
    egfr: float | None = None
    ckd_stage: int | None = None
    frax_major: float | None = None
    frax_hip: float | None = None
    calcium_vitamin_d: bool | None = None
    dental_evaluation: bool | None = None
    denosumab_injection_dates: list[str] = Field(default_factory=list)
    # T-scores of sub-regions (single vertebrae, trochanter, ultradistal radius, total forearm): reported
    # apart, never counted as the policy's sites.
    sub_region_t_scores: list[TScore] = Field(default_factory=list)
    no_new_fracture: bool | None = None  # a recent or interval fracture is denied (response to therapy)
    conflicts: list[str] = Field(default_factory=list)
    # Facts whose only evidence is a form answer read with uncertainty (column position, a bare Y / N):
    # they decide nothing until a reviewer confirms them.
    unconfirmed: list[str] = Field(default_factory=list)
    # Where the chart's documents disagreed on a fact, which one decided it and why (both stay as evidence).
    decided_by: dict[str, str] = Field(default_factory=dict)


class Determination(Frozen):
    """The outcome, the indication that is met, the approval length and the written summary."""

    outcome: Outcome
    indication: str | None = None
    approval_months: int | None = None
    summary_markdown: str


class CriterionResult(Frozen):
    """A policy clause the checker evaluated (a leaf or a branch) with its status and evidence."""

    id: str
    text: str
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)
    kind: Literal["all", "any", "not", "leaf"] = "leaf"
    fact: str | None = None
    deciding: bool = False  # on a path that decided the outcome


class OpenFactResult(Frozen):
    """A fact the chart leaves open that could change the outcome, and the documents that would settle it."""

    fact: str
    clause: str
    request: str
    settled_by: list[Role] = Field(default_factory=list)
    decides: bool = True  # the clause is unknown because of it (a gap); else it counted as absent
    clauses: list[str] = Field(default_factory=list)  # every clause it keeps open


class ExclusionResult(Frozen):
    """A condition the policy does not cover that applies to this chart, with its evidence."""

    id: str
    text: str
    evidence: list[Evidence] = Field(min_length=1)


class Flag(Frozen):
    """A warning for the reviewer that decides nothing (safety, dosing, documentation)."""

    code: str
    severity: Severity
    message: str
    source: str | None = None


class LLMRejection(Frozen):
    """An LLM answer that was not used, and why (its quote did not support it)."""

    fact: str
    reason: str


class Extraction(Frozen):
    """How the facts were read: rule-set version and, where used, the LLM fallback's provenance and cost."""

    llm_used: bool = False
    llm_fields: list[str] = Field(default_factory=list)
    rules_version: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    masked_identifiers: bool | None = None
    identifiers_masked: int | None = None
    llm_asked: list[str] = Field(default_factory=list)
    llm_rejected: list[LLMRejection] = Field(default_factory=list)
    llm_error: str | None = None
    llm_calls: int = 0
    llm_cached_calls: int = 0
    llm_tokens_in: int = 0
    llm_tokens_out: int = 0
    llm_latency_ms: float = 0.0


class Skipped(Frozen):
    """A file of the bundle that was not read (or read with a warning), and why."""

    source: str
    reason: str


class LogicalDocument(Frozen):
    """A document inside a file, by what it is (a fax packet holds several): its role and its extent."""

    role: Role
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    first_page: int | None = None
    last_page: int | None = None


class DocumentInfo(Frozen):
    """One file of the bundle as read: its kind, hash, pages, tables and logical documents."""

    source: str
    kind: Literal["note", "pdf", "image"]
    sha256: str
    pages: int | None = None
    tables: int = 0
    encoding: str | None = None
    logical_documents: list[LogicalDocument] = Field(default_factory=list)
    ocr_pages: list[OcrPageInfo] = Field(default_factory=list)


class OverrideResult(Frozen):
    """A reviewer's override as applied: what it set, what the machine had read or decided, why, and who.

    The record's provenance for an overridden value is this entry (an Evidence quote is always chart text, so
    an override never appears as Evidence). For a fact, `previous` is the value read from the chart and
    `previous_evidence` its chart evidence (set aside from `fact_evidence` when the value changed); for a
    criterion, `previous` is the clause's status as the checker decided it from the chart alone.
    """

    target: OverrideTarget
    name: str
    value: JsonValue
    previous: JsonValue
    reason: str
    reviewer: str
    previous_evidence: list[Evidence] = Field(default_factory=list)
    # Where the fact stood in `facts.conflicts` / `facts.unconfirmed` before the override settled it.
    previous_doubts: dict[Literal["conflicts", "unconfirmed"], int] = Field(default_factory=dict)


class MachineDetermination(Frozen):
    """The outcome the checker reached from the chart alone, before any reviewer override."""

    outcome: Outcome
    indication: str | None = None
    approval_months: int | None = None


class ReviewRecord(Frozen):
    """The review of one chart bundle: the record `abstractor review` prints."""

    bundle_id: str
    policy: PolicyRef
    request: Request
    facts: Facts
    fact_evidence: dict[str, list[Evidence]]
    determination: Determination
    criteria: list[CriterionResult]
    exclusions: list[ExclusionResult]
    gaps: list[str]
    flags: list[Flag]
    extraction: Extraction
    open_facts: list[OpenFactResult] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    warnings: list[Skipped] = Field(default_factory=list)
    documents: list[DocumentInfo] = Field(default_factory=list)
    abstractor_version: str | None = None
    overrides: list[OverrideResult] = Field(default_factory=list)  # a reviewer's, in the order applied
    machine_determination: MachineDetermination | None = None  # before the overrides; None without any


class NoDetermination(Frozen):
    """The determination of a bundle that was not reviewed: no outcome."""

    outcome: None = None
    indication: None = None
    approval_months: None = None
    summary_markdown: str


class FailedReview(Frozen):
    """A bundle that could not be reviewed at all (an unreadable path, an empty bundle...): printed in place of
    its record, with every field of the record, empty, and `error`, the reason; `determination.outcome` is null."""

    bundle_id: str
    error: str
    policy: PolicyRef | None = None
    request: Request = Field(default_factory=Request)
    facts: Facts = Field(default_factory=Facts)
    fact_evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    determination: NoDetermination
    criteria: list[CriterionResult] = Field(default_factory=list)
    exclusions: list[ExclusionResult] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    extraction: Extraction = Field(default_factory=Extraction)
    open_facts: list[OpenFactResult] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list)
    warnings: list[Skipped] = Field(default_factory=list)
    documents: list[DocumentInfo] = Field(default_factory=list)
    abstractor_version: str | None = None
    overrides: list[OverrideResult] = Field(default_factory=list)
    machine_determination: MachineDetermination | None = None
