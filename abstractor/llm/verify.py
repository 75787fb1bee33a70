"""Whether an aligned quote supports the value the model gave, read by the project's own rules."""

from __future__ import annotations

from abstractor.core.policy import FactSpec
from abstractor.core.reading import SpanReading
from abstractor.core.vocabulary import ROUTES, SITES, TRIAL_OUTCOMES, Barrier, TrialOutcome

TRUE_WORDS = {"true", "yes", "y", "1"}
FALSE_WORDS = {"false", "no", "n", "0"}
# The target label (rules/nlp/targets.yaml) that states each barrier, and each trial outcome's cue pattern.
BARRIER_LABELS: dict[Barrier, str] = {
    "cannot_swallow": "SWALLOWING",
    "cannot_remain_upright": "UPRIGHT",
    "gi_condition": "GI_CONDITION",
}
OUTCOME_CUES: dict[TrialOutcome, str] = {
    "inadequate_efficacy": "bp_inefficacy",
    "intolerance": "bp_intolerance",
    "completed": "bp_completed",
}


def as_bool(value: str | None) -> bool | None:
    """An answer's true / false word as a bool, None for anything else."""
    text = (value or "").strip().lower()
    return True if text in TRUE_WORDS else False if text in FALSE_WORDS else None


def as_number(value: object) -> float | None:
    """An answer as a number (a Unicode minus and a trailing % allowed), None when it is not one."""
    try:
        return float(str(value).strip().replace("−", "-").rstrip("%"))
    except ValueError:
        return None


def _has(reading_set: frozenset[str], labels: list[str], normal: str | None = None) -> bool:
    if normal is None:
        return any(label in reading_set for label in labels)
    return any(f"{label}:{normal}" in reading_set for label in labels)


def supports_bool(value: bool, spec: FactSpec, quote: str, reading: SpanReading) -> str | None:
    """None when the rules read the true/false value in the quote; otherwise why not.

    True needs a concept of the fact affirmed about the patient in the quote; false needs it negated, or a
    concept that states the opposite (premenopausal for postmenopausal).
    """
    if value:
        if _has(reading.affirmed, spec.cues):
            return None
        if _has(reading.negated, spec.cues):
            return "the quote is negated"
        if _has(reading.not_about_patient, spec.cues):
            return "the quote is about a relative, a plan or a risk, not the patient"
        return "the quote does not name the fact"
    if _has(reading.negated, spec.cues) or _has(reading.affirmed, spec.false_cues):
        return None
    return "the quote does not say no"


def supports(fact: str, spec: FactSpec, answer, quote: str, reading: SpanReading) -> tuple[object, str | None]:
    """(parsed value, None) when the quote supports the answer; (None, reason) when it does not."""
    kind = spec.type
    if kind == "bool":
        value = as_bool(answer.value)
        if value is None:
            return None, f"{answer.value!r} is not true or false"
        reason = supports_bool(value, spec, quote, reading)
        return (value, None) if reason is None else (None, reason)
    if fact == "sex":
        value = (answer.value or "").strip().lower()
        if value not in {"female", "male"}:
            return None, f"{answer.value!r} is not female or male"
        return (value, None) if f"sex:{value}" in reading.cues else (None, "the quote does not state the sex")
    if kind == "number":
        number = as_number(answer.value)
        if number is None:
            return None, f"{answer.value!r} is not a number"
        return (
            (number, None)
            if any(abs(n - number) < 1e-6 for n in reading.numbers)
            else (None, "the number is not in the quote")
        )
    if kind == "t_scores":
        number = as_number(answer.value)
        if number is None or answer.site not in SITES:
            return None, "a T-score needs a number and a site"
        if "T_SCORE" not in reading.affirmed and "Z_SCORE" in reading.affirmed | reading.not_about_patient:
            return None, "the quote gives a Z-score, not a T-score"
        if not any(abs(n - number) < 1e-6 for n in reading.numbers):
            return None, "the T-score's number is not in the quote"
        if answer.site not in reading.sites:
            return None, "the T-score's site is not named in the quote"
        return {"site": answer.site, "value": number}, None
    if kind == "trials":
        drug = (answer.drug or "").strip().lower().replace(" ", "_")
        if not _has(reading.affirmed, ["BISPHOSPHONATE"], drug):
            return None, "the drug is not named, affirmed, in the quote"
        outcome = answer.outcome if answer.outcome in TRIAL_OUTCOMES else "unknown"
        if outcome in OUTCOME_CUES and OUTCOME_CUES[outcome] not in reading.cues:
            outcome = "unknown"  # the drug is supported, the outcome is not: keep the trial, not the outcome
        months = as_number(answer.months) if answer.months is not None else None
        if months is not None and not any(
            abs(n - months) < 1e-6 or abs(n * 12 - months) < 1e-6 for n in reading.numbers
        ):
            months = None
        return {
            "drug": drug,
            "route": answer.route if answer.route in ROUTES else None,
            "outcome": outcome,
            "months": months,
        }, None
    if fact in {"oral_bisphosphonate_barriers", "oral_bisphosphonate_barrier"}:
        value = (answer.value or "").strip().lower()
        label = BARRIER_LABELS.get(value)
        if label is None:
            return None, f"{answer.value!r} is not a known barrier"
        return (value, None) if label in reading.affirmed else (None, "the quote does not state that barrier")
    if fact == "concurrent_osteoporosis_therapy":
        drug = (answer.value or answer.drug or "").strip().lower().replace(" ", "_")
        if _has(reading.affirmed, ["OSTEOPOROSIS_DRUG", "BISPHOSPHONATE"], drug):
            return drug, None
        return None, "the drug is not named, affirmed, in the quote"
    return None, f"the fallback does not fill {fact}"
