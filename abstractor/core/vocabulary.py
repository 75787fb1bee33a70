"""The project's closed vocabularies, each defined once: a Literal type, the tuple of its values, and labels.

The record, the policy schema and the rule loaders import these; a YAML rule file may spell the values
as its keys, and its loader checks them against the tuples here. Standard library only.
"""

from __future__ import annotations

from typing import Literal, get_args

Site = Literal["lumbar_spine", "femoral_neck", "total_hip", "radius_33", "other"]
"""A bone-density site: the policy's four sites, and `other` for sub-regions (a vertebra, the trochanter...)."""
SITES: tuple[Site, ...] = get_args(Site)
SITE_LABELS: dict[Site, str] = {
    "lumbar_spine": "lumbar spine",
    "femoral_neck": "femoral neck",
    "total_hip": "total hip",
    "radius_33": "33% radius",
    "other": "other site",
}
"""How a summary names each site."""

Outcome = Literal["meets_criteria", "does_not_meet_criteria", "insufficient_documentation"]
"""The determination's outcome."""
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
OUTCOME_LABELS: dict[Outcome, str] = {
    "meets_criteria": "Meets criteria",
    "does_not_meet_criteria": "Does not meet criteria",
    "insufficient_documentation": "Insufficient documentation",
}
"""How a page names each outcome."""

Status = Literal["met", "not_met", "unknown"]
"""A criterion's three-valued status (the values of `abstractor.core.truth.Truth`)."""
STATUSES: tuple[Status, ...] = get_args(Status)
STATUS_LABELS: dict[Status, str] = {"met": "Met", "not_met": "Not met", "unknown": "Open: documentation needed"}
"""How a page names each status."""

TrialOutcome = Literal["inadequate_efficacy", "intolerance", "ongoing", "completed", "unknown"]
"""How a bisphosphonate trial ended, or that it goes on."""
TRIAL_OUTCOMES: tuple[TrialOutcome, ...] = get_args(TrialOutcome)

Route = Literal["oral", "iv"]
"""How a bisphosphonate is given."""
ROUTES: tuple[Route, ...] = get_args(Route)

Barrier = Literal["cannot_swallow", "cannot_remain_upright", "gi_condition"]
"""Why an oral bisphosphonate cannot be taken."""
BARRIERS: tuple[Barrier, ...] = get_args(Barrier)

Role = Literal["fax_cover", "pa_form", "letter", "clinical_note", "dxa_report", "imaging_report", "lab_report", "other"]
"""What a logical document inside a file is; `other` where no role's cues (rules/nlp/layout.yaml) score."""
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_LABELS: dict[Role, str] = {
    "fax_cover": "a fax cover sheet",
    "pa_form": "the prior-authorization form",
    "letter": "a letter of medical necessity",
    "clinical_note": "a clinical note",
    "dxa_report": "a DXA report",
    "imaging_report": "an imaging report",
    "lab_report": "a lab report",
    "other": "another document",
}
"""How a summary or a letter names a document of each role."""

Provenance = Literal["rules", "llm"]
"""How a value came to be: read by the rules, or answered by the LLM fallback (its quote verified)."""
PROVENANCES: tuple[Provenance, ...] = get_args(Provenance)

OverrideTarget = Literal["fact", "criterion"]
"""What a reviewer's override sets: a fact of the chart, or a policy clause's status."""
OVERRIDE_TARGETS: tuple[OverrideTarget, ...] = get_args(OverrideTarget)
