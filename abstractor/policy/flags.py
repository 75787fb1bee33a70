"""Flags beyond the criteria: dosing, product, coding and safety notes, each naming its source."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from abstractor.core.datafile import load_model
from abstractor.core.document import Evidence
from abstractor.core.policy import Policy
from abstractor.core.record import Extraction, Facts, Flag, Request, Skipped
from abstractor.core.resources import rules_path


class FlagRules(BaseModel):
    """rules/flags.yaml: the labelling and coding facts the flags rely on, with their sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    xgeva_products: list[str]
    xgeva_dosing: dict[str, float]
    subcutaneous_admin_cpt: str
    chemotherapy_admin_cpt: list[str]
    advanced_ckd_egfr: float
    advanced_ckd_crcl_ml_min: float
    sources: dict[str, str]


@cache
def load_flag_rules(path: Path | None = None) -> FlagRules:
    """The flag rules rules/flags.yaml (or `path`)."""
    return load_model(path or rules_path("flags.yaml"), FlagRules)


def flags(
    policy: Policy,
    facts: Facts,
    request: Request,
    rules: FlagRules | None = None,
    *,
    skipped: Sequence[Skipped] = (),
    extraction: Extraction | None = None,
    unconfirmed: Sequence[Evidence] = (),
) -> list[Flag]:
    """Every flag of a review, built here and nowhere else: dosing, product, coding and safety under this
    policy; then what the LLM fallback did (`extraction`), the files of the bundle that were not read, and
    the OCR readings that must be confirmed before they can decide (`unconfirmed`)."""
    rules = rules or load_flag_rules()
    out: list[Flag] = []

    def add(code: str, severity: str, message: str, source: str) -> None:
        out.append(
            Flag(
                code=code,
                severity=severity,
                message=message,
                source=rules.sources[source].format(policy=policy.id),
            )
        )

    if request.date_of_service and not policy.in_force(date.fromisoformat(request.date_of_service)):
        # The pipeline selects with select_policy(nearest=True): a version not in force means none is.
        add(
            "date_of_service_outside_policy",
            "critical",
            f"The date of service {request.date_of_service} falls outside every installed version of {policy.id}; "
            f"the review applied the nearest, version {policy.version} (in force {policy.effective_date} to "
            f"{policy.end_date or 'now'}). Criteria met under it pend until the date of service or the version "
            "is confirmed.",
            "policy_version",
        )
    dosing = policy.dosing
    xgeva = request.product in rules.xgeva_products or (
        request.dose_mg == rules.xgeva_dosing["dose_mg"]
        and request.interval_months == rules.xgeva_dosing["interval_months"]
    )
    if xgeva:
        add(
            "xgeva_under_prolia_policy",
            "critical",
            f"{request.product or 'Denosumab'} at {_dose(request)} is the oncology (skeletal-related event) "
            f"product and dosing; {policy.id} covers {dosing.dose_mg:g} mg every {dosing.interval_months:g} months.",
            "xgeva",
        )
    elif request.dose_mg is None or request.interval_months is None:
        add(
            "dose_not_documented",
            "info",
            f"The requested dose or interval is not documented; {policy.id} approves {dosing.dose_mg:g} mg every "
            f"{dosing.interval_months:g} months.",
            "dosing",
        )
    elif request.dose_mg != dosing.dose_mg or request.interval_months != dosing.interval_months:
        add(
            "dose_outside_policy",
            "warning",
            f"Requested {_dose(request)} differs from {dosing.dose_mg:g} mg every {dosing.interval_months:g} months: "
            f"{dosing.outside}",
            "dosing",
        )
    if facts.bone_metastases and not xgeva:
        add(
            "bone_metastases_documented",
            "warning",
            "Bone metastases are documented: skeletal-related-event prevention uses Xgeva 120 mg every 4 weeks; "
            "confirm the request is for bone loss at 60 mg every 6 months.",
            "xgeva",
        )
    _coding(policy, request, rules, add)
    _safety(facts, request, rules, add)
    if extraction is not None:
        _llm(extraction, add)
    for s in skipped:
        add("file_skipped", "warning", f"{s.source} was not read: {s.reason}", "skipped")
    if unconfirmed:
        where = "; ".join(dict.fromkeys(f"{ev.source} page {ev.page}" for ev in unconfirmed))
        add(
            "ocr_confirmation_needed",
            "warning",
            f"{len(unconfirmed)} value(s) that would decide this review were read by OCR with low confidence "
            f"({where}); they decide nothing until a reviewer confirms them against the page image.",
            "ocr",
        )
    return out


def _llm(extraction: Extraction, add) -> None:
    if extraction.llm_error:
        add(
            "llm_failed",
            "warning",
            f"The LLM fallback failed ({extraction.llm_error}); the record is the rules' alone.",
            "llm",
        )
    if extraction.llm_rejected:
        add(
            "llm_answers_rejected",
            "info",
            f"{len(extraction.llm_rejected)} LLM answer(s) were not used: the quote was not found in the chart or "
            "did not state the value.",
            "llm",
        )
    if extraction.llm_fields:
        add(
            "llm_facts_used",
            "info",
            f"Facts filled by the LLM and verified against their quotes: {', '.join(extraction.llm_fields)}.",
            "llm",
        )


def _dose(request: Request) -> str:
    dose = f"{request.dose_mg:g} mg" if request.dose_mg is not None else "an undocumented dose"
    if request.interval_months is None:
        return dose
    interval = "every 4 weeks" if request.interval_months == 1 else f"every {request.interval_months:g} months"
    return f"{dose} {interval}"


def _coding(policy: Policy, request: Request, rules: FlagRules, add) -> None:
    product = next((p for p in policy.products if p.name == request.product), None)
    if not request.hcpcs:
        add("hcpcs_not_documented", "info", "No HCPCS code is documented for the drug.", "hcpcs")
    elif product and product.hcpcs not in request.hcpcs:
        add(
            "hcpcs_mismatch",
            "warning",
            f"{request.product} is billed with {product.hcpcs}; the chart lists {', '.join(request.hcpcs)}.",
            "hcpcs",
        )
    codes = {c.code: c for c in policy.hcpcs}
    for code in request.hcpcs:
        spec = codes.get(code)
        if spec and request.date_of_service:
            if spec.until and request.date_of_service > spec.until.isoformat():
                add("hcpcs_expired", "warning", f"{code} was effective only until {spec.until}.", "hcpcs")
            if spec.effective and request.date_of_service < spec.effective.isoformat():
                add(
                    "hcpcs_not_yet_effective",
                    "warning",
                    f"{code} is effective from {spec.effective}.",
                    "hcpcs",
                )
        if spec and spec.mg_per_unit and request.units is not None and request.dose_mg is not None:
            expected = request.dose_mg / spec.mg_per_unit
            if request.units != expected:
                add(
                    "hcpcs_units",
                    "warning",
                    f"{code} is per {spec.mg_per_unit:g} mg: {request.dose_mg:g} mg is {expected:g} units, "
                    f"the chart bills {request.units}.",
                    "hcpcs",
                )
    for code in request.admin_cpt:
        if code in rules.chemotherapy_admin_cpt:
            add(
                "admin_code_risk",
                "warning",
                f"Administration code {code} is chemotherapy administration; denosumab for osteoporosis is a "
                f"subcutaneous injection billed with {rules.subcutaneous_admin_cpt}: a coding risk.",
                "admin",
            )


def _safety(facts: Facts, request: Request, rules: FlagRules, add) -> None:
    advanced_ckd = (
        (facts.egfr is not None and facts.egfr < rules.advanced_ckd_egfr)
        or (facts.ckd_stage is not None and facts.ckd_stage >= 4)
        or (facts.crcl_ml_min is not None and facts.crcl_ml_min < rules.advanced_ckd_crcl_ml_min)
    )
    if advanced_ckd or facts.severe_renal_impairment:
        evaluated = facts.ckd_mbd_evaluated is True
        add(
            "hypocalcemia_ckd",
            "warning" if evaluated else "critical",
            "Advanced kidney disease: risk of severe hypocalcemia; "
            + (
                "CKD-MBD evaluation is documented; monitor calcium after each dose."
                if evaluated
                else "evaluate for CKD-MBD (PTH, 25-OH vitamin D, calcium, phosphorus) before dosing."
            ),
            "hypocalcemia",
        )
    if facts.calcium_vitamin_d is False:
        add(
            "calcium_vitamin_d_stopped",
            "warning",
            "Calcium or vitamin D supplementation is documented as stopped: resume before the next dose.",
            "calcium",
        )
    elif facts.calcium_vitamin_d is None:
        add(
            "calcium_vitamin_d_not_documented",
            "info",
            "Calcium and vitamin D supplementation is not documented.",
            "calcium",
        )
    if facts.dental_evaluation is None and not facts.on_denosumab:
        add(
            "dental_evaluation_not_documented",
            "info",
            "No dental examination is documented before starting denosumab.",
            "dental",
        )
    add(
        "rebound_on_discontinuation",
        "info",
        "If denosumab is stopped, plan a transition to another antiresorptive (e.g. zoledronic acid within 6 months) "
        "to avoid rebound multiple vertebral fractures.",
        "rebound",
    )
    for name in facts.conflicts:
        add(
            "conflicting_documentation",
            "warning",
            f"The chart documents {name.replace('_', ' ')} both ways; both statements are cited.",
            "conflict",
        )
