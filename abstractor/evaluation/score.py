"""Scoring review records against gold: per-field P/R/F1, accuracy, outcome confusion, kappa, evidence validity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from abstractor.core.document import Document, Evidence
from abstractor.core.record import ReviewRecord
from abstractor.core.vocabulary import OUTCOMES
from abstractor.evaluation.gold import GoldCase

OUTCOME_LABELS = list(OUTCOMES)  # the rows and columns of the outcome confusion matrix
T_SCORE_TOLERANCE = 0.05
FLAG_DISAGREEMENT = 0.05  # registry QA practice: review any field that disagrees with gold more than 5%


def _key_fracture(item: dict) -> tuple:
    return (item.get("site"), item.get("fragility"))


def _key_trial(item: dict) -> tuple:
    return (item.get("drug"),)  # the drug set is what is scored; route and outcome are reported apart


def _key_trial_outcome(item: dict) -> tuple:
    return (item.get("drug"), item.get("route"), item.get("outcome"))


# List fields scored as sets of keys; the trials' outcomes are scored apart as their own field.
LIST_KEYS = {
    "facts.fractures": _key_fracture,
    "facts.bisphosphonate_trials": _key_trial,
    "facts.bisphosphonate_trials.outcome": _key_trial_outcome,
}
# The fields the headline F1 pools, as the shared scorer (../shared/tools/score.py) does; every other field
# (fractures, trial outcomes, units...) is still scored and reported on its own line.
HEADLINE_FIELDS = frozenset(
    {
        "request.product",
        "request.dose_mg",
        "request.interval_months",
        "request.date_of_service",
        "request.hcpcs",
        "facts.sex",
        "facts.age",
        "facts.postmenopausal",
        "facts.t_scores",
        "facts.fragility_fracture",
        "facts.icd10",
        "facts.bisphosphonate_trials",
        "facts.oral_bisphosphonate_barrier",
        "facts.systemic_glucocorticoid",
        "facts.aromatase_inhibitor",
        "facts.androgen_deprivation",
        "facts.breast_cancer",
        "facts.prostate_cancer",
        "facts.bone_metastases",
        "facts.severe_renal_impairment",
        "facts.ckd_mbd_evaluated",
        "facts.concurrent_osteoporosis_therapy",
        "facts.high_risk_per_prescriber",
        "facts.on_denosumab",
    }
)
PLAIN_LISTS = {
    "facts.icd10",
    "facts.concurrent_osteoporosis_therapy",
    "facts.oral_bisphosphonate_barriers",
    "facts.denosumab_injection_dates",
    "request.hcpcs",
    "request.admin_cpt",
}


@dataclass
class FieldScore:
    """Counts for one field across all cases."""

    name: str
    kind: str  # "list" or "scalar"
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    stated: int = 0  # scalar cases where gold states a value
    gold_null: int = 0  # scalar cases where gold states null
    over_extraction: int = 0  # a value where gold is null

    @property
    def precision(self) -> float | None:
        """Of the values predicted, the share gold has (None with no predictions)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """Of the values gold has, the share predicted (None where gold has none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        """For a scalar field, the share of the cases stating it that the record got right."""
        return self.correct / self.stated if self.stated else None

    @property
    def disagreement(self) -> float | None:
        """1 - accuracy for a scalar field, 1 - F1 for a list field."""
        value = self.accuracy if self.kind == "scalar" else self.f1
        return None if value is None else 1 - value

    def as_dict(self) -> dict:
        """The counts and rates, with whether the field disagrees enough to be flagged."""
        out = asdict(self)
        out.update(
            precision=self.precision,
            recall=self.recall,
            f1=self.f1,
            accuracy=self.accuracy,
            flagged=(self.disagreement or 0) > FLAG_DISAGREEMENT,
        )
        return out


@dataclass
class CaseError:
    """One field of one case where the record and gold disagree, with the record's quote where it has one."""

    bundle_id: str
    field: str
    gold: object
    predicted: object
    quote: str | None = None
    source: str | None = None
    page: int | None = None


@dataclass
class Metrics:
    """Every score of one evaluation run."""

    cases: int
    fields: dict[str, FieldScore]
    confusion: list[list[int]]
    outcome_accuracy: float | None
    indication_accuracy: float | None
    kappa_outcome: float | None
    false_approvals: list[str]
    evidence_validity: float | None
    evidence_checked: int
    errors: list[CaseError] = field(default_factory=list)
    missing_records: list[str] = field(default_factory=list)

    @property
    def data_fields(self) -> list[FieldScore]:
        """The request and fact fields (determination and criteria are reported on their own)."""
        return [f for f in self.fields.values() if f.name.startswith(("request.", "facts."))]

    @property
    def headline_fields(self) -> list[FieldScore]:
        """The fields the headline F1 pools (the shared scorer's)."""
        return [f for f in self.data_fields if f.name in HEADLINE_FIELDS]

    @property
    def field_f1_micro(self) -> float | None:
        """F1 pooled over the headline fields' counts."""
        tp = sum(f.tp for f in self.headline_fields)
        fp = sum(f.fp for f in self.headline_fields)
        fn = sum(f.fn for f in self.headline_fields)
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None

    @property
    def field_f1_macro(self) -> float | None:
        """The mean of the headline fields' F1."""
        scores = [f.f1 for f in self.headline_fields if f.f1 is not None]
        return sum(scores) / len(scores) if scores else None

    def as_dict(self) -> dict:
        """The metrics as plain JSON data."""
        return {
            "cases": self.cases,
            "outcome_accuracy": self.outcome_accuracy,
            "indication_accuracy": self.indication_accuracy,
            "kappa_outcome": self.kappa_outcome,
            "false_approvals": len(self.false_approvals),
            "false_approval_cases": self.false_approvals,
            "field_f1_micro": self.field_f1_micro,
            "field_f1_macro": self.field_f1_macro,
            "evidence_validity": self.evidence_validity,
            "evidence_checked": self.evidence_checked,
            "over_extraction": sum(f.over_extraction for f in self.fields.values()),
            "flagged_fields": sorted(n for n, f in self.fields.items() if f.as_dict()["flagged"]),
            "confusion": {"labels": OUTCOME_LABELS, "matrix": self.confusion},
            "missing_records": self.missing_records,
            "fields": {n: f.as_dict() for n, f in sorted(self.fields.items())},
            "errors": [asdict(e) for e in self.errors],
        }


def cohen_kappa(pairs: Iterable[tuple[object, object]]) -> float | None:
    """Cohen's kappa for two raters' labels on the same items."""
    pairs = list(pairs)
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def predicted_values(record: ReviewRecord) -> dict[str, object]:
    """The record flattened to the gold's field names."""
    out: dict[str, object] = {}
    for name, value in record.request.model_dump().items():
        out[f"request.{name}"] = value
    for name, value in record.facts.model_dump().items():
        out[f"facts.{name}"] = value
    out["facts.bisphosphonate_trials.outcome"] = out["facts.bisphosphonate_trials"]
    out["determination.outcome"] = record.determination.outcome
    out["determination.indication"] = record.determination.indication
    for c in record.criteria:
        out[f"criteria.{c.id}"] = c.status
    return out


def _evidence(record: ReviewRecord, name: str) -> list[Evidence]:
    section, _, fact = name.partition(".")
    fact = fact.removesuffix(".outcome")
    if section == "request":
        return record.fact_evidence.get(name, [])
    if section == "criteria":
        return next((c.evidence for c in record.criteria if c.id == fact), [])
    if section == "facts":
        items = getattr(record.facts, fact, None)
        if isinstance(items, list) and items and hasattr(items[0], "evidence"):
            return [ev for item in items for ev in item.evidence]
        return record.fact_evidence.get(fact, [])
    return []


def _same(a: object, b: object) -> bool:
    if (
        isinstance(a, int | float)
        and isinstance(b, int | float)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    ):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def _site_values(items: list[dict]) -> list[tuple[str, float]]:
    """Distinct (site, value) pairs: the same value at one site is one T-score, whatever its dates."""
    out: list[tuple[str, float]] = []
    for item in items:
        pair = (item.get("site"), round(float(item["value"]), 2))
        if pair not in out:
            out.append(pair)
    return out


def _match_t_scores(gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    """One-to-one matching of distinct (site, value) pairs, each gold pair to the nearest unused prediction
    within the tolerance (the shared scorer's rule)."""
    unmatched = _site_values(pred)
    tp = 0
    for site, value in _site_values(gold):
        near = [p for p in unmatched if p[0] == site and abs(p[1] - value) <= T_SCORE_TOLERANCE + 1e-9]
        if near:
            unmatched.remove(min(near, key=lambda p: abs(p[1] - value)))
            tp += 1
    gold_pairs = len(_site_values(gold))
    return tp, len(unmatched), gold_pairs - tp


def _item_key(name: str, item: object) -> object:
    if name == "facts.t_scores":
        return (item["site"], item["value"])
    key = LIST_KEYS.get(name)
    return key(item) if key else item


def _keys(name: str, items: list) -> Counter:
    return Counter(_item_key(name, i) for i in items)


def score(
    cases: list[GoldCase],
    records: dict[str, ReviewRecord],
    documents: dict[str, tuple[Document, ...]] | None = None,
    *,
    evidence: tuple[int, int] | None = None,
) -> Metrics:
    """Score predicted records against gold cases. Evidence validity is checked against `documents`, or given
    as `evidence` (quotes verbatim at their offsets, quotes checked), counted bundle by bundle with
    `evidence_counts` by a caller that does not keep every bundle's documents."""
    fields: dict[str, FieldScore] = {}
    errors: list[CaseError] = []
    outcome_pairs, indication_hits, indication_n = [], 0, 0
    false_approvals, missing = [], []
    confusion = [[0] * 3 for _ in range(3)]
    for case in cases:
        record = records.get(case.bundle_id)
        if record is None:
            missing.append(case.bundle_id)
        pred = predicted_values(record) if record else {}
        for name, gold in case.values.items():
            if name.startswith("determination."):
                continue
            predicted = pred.get(name)
            score_field = fields.setdefault(name, FieldScore(name, "list" if isinstance(gold, list) else "scalar"))
            if name == "facts.bisphosphonate_trials" and isinstance(gold, list) and any("outcome" in g for g in gold):
                _score_list(
                    fields.setdefault(
                        "facts.bisphosphonate_trials.outcome", FieldScore("facts.bisphosphonate_trials.outcome", "list")
                    ),
                    case,
                    record,
                    [g for g in gold if "outcome" in g],
                    predicted or [],
                    errors,
                )
            if isinstance(gold, list):
                _score_list(score_field, case, record, gold, predicted or [], errors)
            else:
                _score_scalar(score_field, case, record, gold, predicted, errors)
        if "determination.outcome" in case.values:
            gold_outcome = case.values["determination.outcome"]
            predicted_outcome = pred.get("determination.outcome")
            outcome_pairs.append((gold_outcome, predicted_outcome))
            if predicted_outcome in OUTCOME_LABELS:
                confusion[OUTCOME_LABELS.index(gold_outcome)][OUTCOME_LABELS.index(predicted_outcome)] += 1
            if predicted_outcome == "meets_criteria" and gold_outcome != "meets_criteria":
                false_approvals.append(case.bundle_id)
            if predicted_outcome != gold_outcome:
                errors.append(CaseError(case.bundle_id, "determination.outcome", gold_outcome, predicted_outcome))
        if "determination.indication" in case.values:
            indication_n += 1
            allowed = [case.values["determination.indication"], *case.accept.get("determination.indication", [])]
            got = pred.get("determination.indication")
            if got in allowed:
                indication_hits += 1
            else:
                errors.append(CaseError(case.bundle_id, "determination.indication", allowed[0], got))
    if documents is not None:
        counts = [evidence_counts(record, documents.get(bundle_id, ())) for bundle_id, record in records.items()]
        evidence = (sum(good for good, _ in counts), sum(total for _, total in counts))
    good, checked = evidence or (0, 0)
    validity = good / checked if checked else None
    return Metrics(
        cases=len(cases),
        fields=fields,
        confusion=confusion,
        outcome_accuracy=sum(a == b for a, b in outcome_pairs) / len(outcome_pairs) if outcome_pairs else None,
        indication_accuracy=indication_hits / indication_n if indication_n else None,
        kappa_outcome=cohen_kappa(outcome_pairs),
        false_approvals=false_approvals,
        evidence_validity=validity,
        evidence_checked=checked,
        errors=errors,
        missing_records=missing,
    )


def _first_quote(record: ReviewRecord | None, name: str) -> dict:
    evs = _evidence(record, name) if record else []
    return {"quote": evs[0].quote, "source": evs[0].source, "page": evs[0].page} if evs else {}


def _score_list(fs: FieldScore, case: GoldCase, record, gold: list, predicted: list, errors: list) -> None:
    if fs.name == "facts.t_scores":
        tp, fp, fn = _match_t_scores(gold, predicted)
    else:
        g, p = _keys(fs.name, gold), _keys(fs.name, predicted)
        tp = sum((g & p).values())
        fp, fn = sum((p - g).values()), sum((g - p).values())
    fs.tp, fs.fp, fs.fn = fs.tp + tp, fs.fp + fp, fs.fn + fn
    if fp or fn:
        shown = [
            _keys(fs.name, [x]).most_common(1)[0][0] if fs.name != "facts.t_scores" else (x["site"], x["value"])
            for x in predicted
        ]
        wanted = [
            _keys(fs.name, [x]).most_common(1)[0][0] if fs.name != "facts.t_scores" else (x["site"], x["value"])
            for x in gold
        ]
        errors.append(CaseError(case.bundle_id, fs.name, wanted, shown, **_first_quote(record, fs.name)))


def _score_scalar(fs: FieldScore, case: GoldCase, record, gold: object, predicted: object, errors: list) -> None:
    if gold is None:
        fs.gold_null += 1
        if predicted is not None:
            fs.over_extraction += 1
            fs.fp += 1
            errors.append(CaseError(case.bundle_id, fs.name, None, predicted, **_first_quote(record, fs.name)))
        return
    fs.stated += 1
    allowed = [gold, *case.accept.get(fs.name, [])]
    if any(_same(predicted, a) for a in allowed):
        fs.correct += 1
        fs.tp += 1
        return
    fs.fn += 1
    if predicted is not None:
        fs.fp += 1
    errors.append(CaseError(case.bundle_id, fs.name, gold, predicted, **_first_quote(record, fs.name)))


def evidence_counts(record: ReviewRecord, documents: tuple[Document, ...]) -> tuple[int, int]:
    """Of a record's Evidence quotes, how many are the source text at their offsets, and how many there are."""
    texts = {d.source: d.text for d in documents}
    good = total = 0
    for ev in _all_evidence(record):
        total += 1
        text = texts.get(ev.source)
        good += text is not None and text[ev.start : ev.end] == ev.quote
    return good, total


def _all_evidence(record: ReviewRecord):
    for evs in record.fact_evidence.values():
        yield from evs
    for group in (
        record.facts.t_scores,
        record.facts.fractures,
        record.facts.bisphosphonate_trials,
        record.criteria,
        record.exclusions,
    ):
        for item in group:
            yield from item.evidence
