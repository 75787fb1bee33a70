"""Patient facts: sex, age, menopause, cancers, kidney function, fracture risk, supplements."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from abstractor.core.document import Evidence
from abstractor.nlp.findings import Findings
from abstractor.nlp.icd10 import coded
from abstractor.nlp.mentions import AnalyzedDocument, Mention
from abstractor.nlp.rules import RuleSet
from abstractor.nlp.values import dates_in, number

# The named patterns and thresholds of rules/nlp/values.yaml read here (load_rules checks the file
# has them).
PATTERNS = frozenset(
    {
        "age",
        "ckd_stage",
        "crcl",
        "date",
        "dob",
        "egfr",
        "evaluation_cue",
        "finding_negative",
        "frax_hip",
        "frax_major",
        "frax_sentence",
        "phosphorus",
        "pth",
        "sex_explicit",
        "sex_honorific",
        "sex_pronoun",
        "sex_word",
        "status_then",
        "supplement_cue",
        "vitamin_d_level",
    }
)
THRESHOLDS = frozenset({"severe_renal_crcl_ml_min", "severe_renal_egfr"})

SEX_WORDS = {
    "female": "female",
    "woman": "female",
    "lady": "female",
    "f": "female",
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "m": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "mr": "male",
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(("he", "his", "him", "himself"), "male"),
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iiia": 3, "iiib": 3, "iv": 4, "v": 5}


def _by_label(analyzed: list[AnalyzedDocument], *labels: str) -> list[Mention]:
    return [m for a in analyzed for m in a.mentions if m.label in labels]


def _family_sentence(a: AnalyzedDocument, start: int, end: int) -> bool:
    return any(m.family for m in a.mentions_within(start, end))


def sex_and_age(analyzed: list[AnalyzedDocument], rules: RuleSet, reference: date | None, out: Findings) -> None:
    """Sex from explicit fields first, then words; age as the chart states it, else from the date of birth."""
    rx = rules.regex
    strong: dict[str, list[Evidence]] = defaultdict(list)
    weak: dict[str, list[Evidence]] = defaultdict(list)
    pronouns: dict[str, list[Evidence]] = defaultdict(list)
    ages: Counter[int] = Counter()
    age_evidence: dict[int, list[Evidence]] = defaultdict(list)
    for a in analyzed:
        text = a.doc.text
        for s in a.sentences:
            if s.section == "family_history" or _family_sentence(a, s.start, s.end):
                continue
            for m in rx["sex_explicit"].finditer(text, s.start, s.end):
                group = "sex" if m.group("sex") else "sex2"
                sex = SEX_WORDS[m.group(group).lower()]
                strong[sex].append(a.doc.evidence(m.start(), m.end(), value=m.span(group)))
            for name in ("sex_word", "sex_honorific"):
                for m in rx[name].finditer(text, s.start, s.end):
                    weak[SEX_WORDS[m.group("word").lower()]].append(
                        a.doc.evidence(m.start(), m.end(), value=m.span("word"))
                    )
            if a.from_practice(s.start):
                for m in rx["sex_pronoun"].finditer(text, s.start, s.end):
                    pronouns[SEX_WORDS[m.group("word").lower()]].append(a.doc.evidence(m.start(), m.end()))
            for m in rx["age"].finditer(text, s.start, s.end):
                group = next(g for g in ("age", "age2", "age3", "age4") if m.group(g))
                age = int(m.group(group))
                if 18 <= age <= 110:
                    ages[age] += 1
                    age_evidence[age].append(a.doc.evidence(m.start(), m.end(), value=m.span(group)))
    votes = strong or weak
    if not votes and len(pronouns) == 1:  # pronouns decide only when they all agree
        votes = pronouns
    if len(votes) == 1:
        sex = next(iter(votes))
        out.set("sex", sex, votes[sex])
    elif len(votes) > 1:
        out.set("sex", None)
        out.evidence["sex"] = [ev for evs in votes.values() for ev in evs]
        out.conflicts.append("sex")
    else:
        out.set("sex", None)
    if ages:
        age = max(ages, key=lambda x: (ages[x], x))
        out.set("age", age, age_evidence[age])
    else:
        out.set("age", *_age_from_birth_date(analyzed, rules, reference))


def _age_from_birth_date(analyzed, rules: RuleSet, reference: date | None) -> tuple[int | None, list[Evidence]]:
    if reference is None:
        return None, []
    rx = rules.regex
    for a in analyzed:
        for m in rx["dob"].finditer(a.doc.text):
            hits = dates_in(rx["date"], a.doc.text, m.end(), m.end() + 12)
            if hits and hits[0][0] == m.end():
                born = date.fromisoformat(hits[0][2])
                age = reference.year - born.year - ((reference.month, reference.day) < (born.month, born.day))
                if 0 < age < 111:
                    return age, [a.doc.evidence(m.start(), hits[0][1])]
    return None, []


def menopause(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> None:
    """Postmenopausal true, or false when premenopausal; both stated is a conflict."""
    post, pre = [], []
    for m in _by_label(analyzed, "POSTMENOPAUSAL", "PREMENOPAUSAL"):
        if not m.about_patient or (m.negated and m.kind == "menses"):
            continue  # no regular menses is not menopause (amenorrhoea on ovarian suppression, pregnancy)
        if rules.regex["status_then"].match(m.doc.text, m.end, min(m.end + 40, len(m.doc.text))):
            continue  # "premenopausal at diagnosis": a past status
        is_post = (m.label == "POSTMENOPAUSAL") != m.negated
        (post if is_post else pre).append(m.evidence())
    if out.values.get("sex") == "male":
        out.set("postmenopausal", None)
        return
    out.boolean("postmenopausal", post, pre, conflicting=True)


def conditions(
    analyzed: list[AnalyzedDocument], rules: RuleSet, codes: dict[str, list[Evidence]], out: Findings
) -> None:
    """Breast and prostate cancer, bone metastases, giant cell tumour of bone; a code counts as stated."""
    by_code = rules.icd10.facts
    specific = [m for m in _by_label(analyzed, "BREAST_CANCER", "PROSTATE_CANCER")]
    # "No history of cancer" denies every cancer; "no breast cancer" only that one.
    any_cancer_denied = [
        m.evidence()
        for m in _by_label(analyzed, "CANCER")
        if m.about_patient
        and m.negated
        and not any(s.doc is m.doc and s.start < m.end and m.start < s.end for s in specific)
        # a finding read negative ("biopsy negative for malignancy") is not a history without cancer
        and not rules.regex["finding_negative"].search(m.doc.text, max(m.sentence.start, m.start - 30), m.start)
    ]
    for fact, label in (
        ("breast_cancer", "BREAST_CANCER"),
        ("prostate_cancer", "PROSTATE_CANCER"),
        ("giant_cell_tumor", "GIANT_CELL_TUMOR"),
    ):
        mentions = [m for m in _by_label(analyzed, label) if m.about_patient]
        yes = [m.evidence() for m in mentions if not m.negated] + coded(codes, by_code.get(fact, []))
        no = [m.evidence() for m in mentions if m.negated]
        if fact != "giant_cell_tumor":
            no += any_cancer_denied
        out.boolean(fact, yes, no)
    bone = [m for m in _by_label(analyzed, "BONE_METASTASES") if m.about_patient]
    anywhere = [m for m in _by_label(analyzed, "METASTATIC_DISEASE") if m.about_patient and m.negated]
    yes = [m.evidence() for m in bone if not m.negated] + coded(codes, by_code["bone_metastases"])
    out.boolean("bone_metastases", yes, [m.evidence() for m in bone if m.negated] + [m.evidence() for m in anywhere])


def _lab_values(
    analyzed: list[AnalyzedDocument], rules: RuleSet, name: str
) -> list[tuple[float, str | None, Evidence]]:
    out = []
    for a in analyzed:
        for m in rules.regex[name].finditer(a.doc.text):
            if a.quiet(m.start(), m.end()):
                continue  # "severe renal impairment (CrCl < 35 mL/min)?" is a form's threshold
            value = number(m.group("value"))
            if value is not None:
                cmp = m.groupdict().get("cmp")
                out.append((value, cmp, a.doc.evidence(m.start(), m.end(), value=m.span("value"))))
    return out


def kidney(analyzed: list[AnalyzedDocument], rules: RuleSet, codes: dict[str, list[Evidence]], out: Findings) -> None:
    """CrCl, eGFR, CKD stage; severe renal impairment or CKD per the prescriber; CKD-MBD evaluation."""
    rx, limits = rules.regex, rules.values.thresholds
    crcl = _lab_values(analyzed, rules, "crcl")
    egfr = _lab_values(analyzed, rules, "egfr")
    measured_crcl = [(v, ev) for v, cmp, ev in crcl if not cmp]
    measured_egfr = [(v, ev) for v, cmp, ev in egfr if not cmp]
    out.set(
        "crcl_ml_min",
        min(v for v, _ in measured_crcl) if measured_crcl else None,
        [e for _, e in measured_crcl],
    )
    out.set("egfr", min(v for v, _ in measured_egfr) if measured_egfr else None, [e for _, e in measured_egfr])
    stages = []
    for a in analyzed:
        for m in rx["ckd_stage"].finditer(a.doc.text):
            if a.quiet(m.start(), m.end()):
                continue
            raw = (m.group("a") or m.group("b")).lower()
            stage = _ROMAN.get(raw) or int(raw[0]) if raw[0].isdigit() or raw in _ROMAN else None
            if stage:
                stages.append((stage, a.doc.evidence(m.start(), m.end())))
    for prefix, stage in rules.icd10.ckd_stages.items():
        stages += [(stage, ev) for ev in coded(codes, [prefix])]
    out.set("ckd_stage", max(s for s, _ in stages) if stages else None, [e for _, e in stages])

    severe = [
        ev
        for v, cmp, ev in crcl
        if v < limits["severe_renal_crcl_ml_min"]
        or (cmp in {"<", "≤", "<="} and v <= limits["severe_renal_crcl_ml_min"])
    ]
    severe += [ev for v, cmp, ev in egfr if v < limits["severe_renal_egfr"]]
    severe += [ev for s, ev in stages if s >= 4]
    ckd = [m for m in _by_label(analyzed, "CKD") if m.about_patient and m.narrative]
    stated = [m.evidence() for m in ckd if not m.negated] + coded(codes, rules.icd10.facts["severe_renal_impairment"])
    above = {None, "", ">", "≥", ">="}  # "eGFR >90" is a measurement at least that high
    normal = [ev for v, cmp, ev in crcl if cmp in above and v >= limits["severe_renal_crcl_ml_min"]]
    normal += [ev for v, cmp, ev in egfr if cmp in above and v >= limits["severe_renal_egfr"]]
    normal += [m.evidence() for m in ckd if m.negated]
    out.boolean("severe_renal_impairment", severe + stated, normal)

    evaluated, not_evaluated = [], []
    for a in analyzed:
        for m in a.mentions:
            if m.label != "CKD_MBD" or not m.about_patient or not m.narrative:
                continue
            if rx["evaluation_cue"].search(a.doc.text, m.sentence.start, m.sentence.end):
                (not_evaluated if m.negated else evaluated).append(m.evidence())
    pth = _lab_values(analyzed, rules, "pth")
    minerals = _lab_values(analyzed, rules, "phosphorus") + _lab_values(analyzed, rules, "vitamin_d_level")
    if pth and minerals:
        evaluated += [pth[0][2], minerals[0][2]]
    out.boolean("ckd_mbd_evaluated", evaluated, not_evaluated)


def fracture_risk(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> None:
    """The prescriber's statement of high (or low) fracture risk, and FRAX 10-year probabilities."""
    high, low = [], []
    for m in _by_label(analyzed, "HIGH_RISK"):
        if not m.narrative or not m.about_patient:
            continue  # a DXA report is not the prescriber
        # "fracture risk is not high" carries its own "not": ConText's negation of it is no second no.
        negated = m.negated and (m.kind != "self_negating" or m.answer == "no")
        is_high = (m.normal == "high") != negated
        (high if is_high else low).append(m.evidence())
    out.boolean("high_risk_per_prescriber", high, low, conflicting=True)
    rx = rules.regex
    for fact, name in (("frax_major", "frax_major"), ("frax_hip", "frax_hip")):
        value, evidence = None, []
        for a in analyzed:
            for s in a.sentences:
                if value is None and rx["frax_sentence"].search(a.doc.text, s.start, s.end):
                    hit = rx[name].search(a.doc.text, s.start, s.end)
                    if hit:
                        value, evidence = float(hit.group("value")), [a.doc.evidence(s.start, s.end)]
        out.set(fact, value, evidence)


def supportive_care(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> None:
    """Osteoporosis prevention as the stated purpose; calcium/vitamin D; dental evaluation."""
    prevention = [m for m in _by_label(analyzed, "PREVENTION") if m.about_patient]
    out.boolean("osteoporosis_prevention", [m.evidence() for m in prevention if not m.negated], [])
    taking, stopped = [], []
    for a in analyzed:
        for m in a.mentions:
            if m.label != "CALCIUM_VITAMIN_D" or not m.about_patient or not m.narrative:
                continue
            if not rules.regex["supplement_cue"].search(a.doc.text, m.sentence.start, m.sentence.end):
                continue
            (stopped if m.negated or m.discontinued else taking).append(m.evidence())
    # A documented stop outweighs a medication list, which is often carried forward unchanged.
    out.boolean("calcium_vitamin_d", [] if stopped else taking, stopped)
    dental = [m for m in _by_label(analyzed, "DENTAL") if m.about_patient and not m.negated]
    out.boolean("dental_evaluation", [m.evidence() for m in dental], [])
