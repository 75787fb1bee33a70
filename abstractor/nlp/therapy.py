"""Drug facts: bisphosphonate trials, concurrent osteoporosis therapy, denosumab, glucocorticoids, hormones."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from abstractor.core.document import Evidence, unique_evidence
from abstractor.core.record import BisphosphonateTrial
from abstractor.core.vocabulary import Barrier, Route
from abstractor.nlp.findings import Findings
from abstractor.nlp.mentions import PLAN_SECTIONS, AnalyzedDocument, Mention, Sentence
from abstractor.nlp.rules import RuleSet
from abstractor.nlp.values import dates_in, month_start, months_between, number, to_months

# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset(
    {
        "bp_completed",
        "bp_inefficacy",
        "bp_intolerance",
        "bp_tolerated",
        "continuation_question",
        "continue_before",
        "cue_negated",
        "date",
        "denosumab_new",
        "denosumab_started",
        "duration",
        "ever_cue",
        "future_cue",
        "injection_dates_cue",
        "month_year",
        "month_year_range",
        "non_systemic",
        "now_only",
        "other_before",
        "request_continuation",
        "request_new_start",
        "since",
        "started",
        "statement_before",
        "steroid_current",
        "steroid_dose",
        "steroid_short_course",
        "stop_awaits",
        "trial_question",
        "trial_question_not",
        "year_range",
    }
)

_IV = re.compile(r"(?i)\b(?:IV|intravenous(?:ly)?|infusions?|inj(?:ection)?s?)\b")
_ORAL = re.compile(r"(?i)\b(?:oral(?:ly)?|PO|tablets?|weekly|monthly tablet)\b")
_THERAPY_CLASSES = frozenset({"androgen_deprivation", "aromatase_inhibitor"})  # the class names in targets.yaml
# Every barrier, in the order that picks the one `oral_bisphosphonate_barrier` reports.
BARRIER_PRIORITY: tuple[Barrier, ...] = ("gi_condition", "cannot_swallow", "cannot_remain_upright")


def _mentions(analyzed: list[AnalyzedDocument], *labels: str) -> list[tuple[AnalyzedDocument, Mention]]:
    return [(a, m) for a in analyzed for m in a.mentions if m.label in labels]


def _cue(rules: RuleSet, name: str, a: AnalyzedDocument, sentences: list[Sentence]) -> bool:
    """Whether a cue pattern occurs, not negated, in any of the sentences."""
    text, rx = a.doc.text, rules.regex
    for s in sentences:
        for hit in rx[name].finditer(text, s.start, s.end):
            if not rx["cue_negated"].search(text, max(s.start, hit.start() - 30), hit.start()):
                return True
    return False


def _route(a: AnalyzedDocument, m: Mention) -> Route:
    if m.route:
        return m.route
    sentence = a.doc.text[m.sentence.start : m.sentence.end]
    return "iv" if _IV.search(sentence) and not _ORAL.search(sentence) else "oral"


def bisphosphonates(analyzed: list[AnalyzedDocument], rules: RuleSet, reference: date | None, out: Findings) -> None:
    """Bisphosphonate trials with route, months and outcome; whether the chart says none was taken."""
    trials: dict[tuple[str, str], list[tuple[AnalyzedDocument, Mention]]] = defaultdict(list)
    naive: list[tuple[str, str | None, Evidence]] = []
    for a, m in _mentions(analyzed, "BISPHOSPHONATE", "BISPHOSPHONATE_CLASS", "OSTEOPOROSIS_TREATMENT"):
        if not m.about_patient:
            continue
        if m.negated:  # "never received bisphosphonate therapy", "declined alendronate"
            # A form's No says the drug was never taken only where the question asks about taking it,
            # not "unable to take a bisphosphonate?" or "used with another agent (bisphosphonate)?".
            if (m.answer is None or _asks_about_trial(a, m, rules)) and not _other_or_future(a, m, rules):
                naive.append((m.normal, _class_route(a, m), m.evidence()))
            continue
        if "CONTRAINDICATED" in m.modifiers:
            continue
        if m.label != "BISPHOSPHONATE":
            continue
        # In a plan, "start alendronate" is a plan; "on alendronate since 04/2025" is still a statement.
        before = a.doc.text[m.sentence.start : m.start]
        planned = (
            m.sentence.section in PLAN_SECTIONS
            and not (m.discontinued or "CONTINUING" in m.modifiers)
            and not rules.regex["statement_before"].search(before)
        )
        if not planned:
            trials[(m.normal, _route(a, m))].append((a, m))
    class_mentions = [
        (a, m)
        for a, m in _mentions(analyzed, "BISPHOSPHONATE_CLASS")
        if m.affirmed and "CONTRAINDICATED" not in m.modifiers
    ]
    result = [_trial(drug, route, items, class_mentions, rules, reference) for (drug, route), items in trials.items()]
    out.set("bisphosphonate_trials", result)
    tried = {t.drug for t in result}
    routes = {t.route for t in result}
    contradicted = [
        ev
        for drug, route, ev in naive
        if drug in tried
        or (drug in {"bisphosphonate", "osteoporosis_treatment"} and (route is None or route in routes))
    ]  # "no prior IV bisphosphonate" does not contradict an oral trial
    if result and contradicted:
        yes = [ev for t in result for ev in t.evidence]
        out.boolean("bisphosphonate_naive", contradicted, yes, conflicting=True)
    elif not result:
        out.boolean("bisphosphonate_naive", [ev for _, _, ev in naive], [])


def _asks_about_trial(a: AnalyzedDocument, m: Mention, rules: RuleSet) -> bool:
    """Whether the form question holding `m` asks if the drug was taken (tried, received, prior...)."""
    zone = next((z for z in a.layout.zones_at(m.start, m.end) if z.kind == "question"), None)
    if zone is None:
        return False
    text = a.doc.text
    return bool(
        rules.regex["trial_question"].search(text, zone.start, zone.end)
        and not rules.regex["trial_question_not"].search(text, zone.start, zone.end)
    )


def _other_or_future(a: AnalyzedDocument, m: Mention, rules: RuleSet) -> bool:
    """'no OTHER osteoporosis medication', 'none WILL be given', 'not CURRENTLY taking': not a statement
    that none was ever taken."""
    text, s = a.doc.text, m.sentence
    before = text[max(s.start, m.start - 25) : m.start]
    # "now" and "never" count near the drug's name: "on no osteoporosis medication now and has never had
    # Prolia" says nothing of bisphosphonates ever taken.
    lo, hi = max(s.start, m.start - 30), min(s.end, m.end + 60)
    stop = re.search(r"[;)]|\band\b", text[m.end : hi])  # the clause the drug is named in
    hi = m.end + stop.start() if stop else hi
    only_now = rules.regex["now_only"].search(text, lo, hi) and not rules.regex["ever_cue"].search(text, lo, hi)
    return bool(
        rules.regex["other_before"].search(before) or rules.regex["future_cue"].search(text, s.start, s.end) or only_now
    )


def _class_route(a: AnalyzedDocument, m: Mention) -> Route | None:
    """The route a drug-class mention names ("IV bisphosphonate"), if any."""
    if m.label == "BISPHOSPHONATE":
        return m.route
    words = a.doc.text[max(m.start - 15, 0) : m.end].lower()
    if "oral" in words:
        return "oral"
    if re.search(r"\b(?:iv|intravenous)\b", words):
        return "iv"
    return None


def _trial(drug, route, items, class_mentions, rules: RuleSet, reference: date | None) -> BisphosphonateTrial:
    sentences: dict[tuple[str, int], tuple[AnalyzedDocument, Sentence]] = {}
    for a, m in items:
        for s in a.neighbours(m.sentence, before=0, after=1):
            if s is m.sentence or not _names_other_drug(a, s, drug):
                sentences[(a.doc.source, s.index)] = (a, s)
    for a, m in class_mentions:  # "prior IV bisphosphonate poorly tolerated" speaks of the IV trials
        text = a.doc.text[m.start : m.end].lower()
        if route in text or ("oral" not in text and " iv" not in f" {text}" and "intravenous" not in text):
            sentences[(a.doc.source, m.sentence.index)] = (a, m.sentence)
    grouped: dict[int, tuple[AnalyzedDocument, list[Sentence]]] = {}
    for a, s in sentences.values():
        grouped.setdefault(id(a), (a, []))[1].append(s)
    inefficacy = any(_cue(rules, "bp_inefficacy", a, ss) for a, ss in grouped.values())
    intolerance = any(_cue(rules, "bp_intolerance", a, ss) for a, ss in grouped.values())
    completed = any(_cue(rules, "bp_completed", a, ss) for a, ss in grouped.values())
    tolerated = any(_cue(rules, "bp_tolerated", a, ss) for a, ss in grouped.values())
    # A stop still to come ("will stop alendronate once Prolia is approved") leaves the drug taken now.
    stopped = any(m.discontinued and not _planned(a, m, rules) for a, m in items)
    ongoing = (any(m.current for _, m in items) or tolerated) and not stopped
    outcome = (
        "inadequate_efficacy"
        if inefficacy
        else "intolerance"
        if intolerance
        else "ongoing"
        if ongoing
        else "completed"
        if completed
        else "unknown"
    )
    months = [_months(a, m.sentence, rules, reference) for a, m in items]
    known = [x for x in months if x is not None]
    return BisphosphonateTrial(
        drug=drug,
        route=route,
        months=max(known) if known else None,
        outcome=outcome,
        evidence=unique_evidence(m.evidence() for _, m in items),
    )


def _planned(a: AnalyzedDocument, m: Mention, rules: RuleSet) -> bool:
    """Whether the sentence holding `m` speaks of what will be done ("will stop it once Prolia starts")."""
    text, s = a.doc.text, m.sentence
    return bool(
        rules.regex["future_cue"].search(text, s.start, s.end)
        or rules.regex["stop_awaits"].search(text, s.start, s.end)
    )


def _names_other_drug(a: AnalyzedDocument, s: Sentence, drug: str) -> bool:
    """Whether a sentence speaks of another osteoporosis drug (its outcome words are that drug's)."""
    return any(
        m.sentence.index == s.index
        and m.label in {"BISPHOSPHONATE", "OSTEOPOROSIS_DRUG", "DENOSUMAB"}
        and m.normal != drug
        for m in a.mentions_overlapping(s.start, s.end)
    )


def _months(a: AnalyzedDocument, s: Sentence, rules: RuleSet, reference: date | None) -> float | None:
    """The longest duration of therapy stated in the sentence."""
    text, rx, found = a.doc.text, rules.regex, []
    for m in rx["duration"].finditer(text, s.start, s.end):
        n = number(m.group("n") or m.group("n2"))
        if n:
            found.append(to_months(n, m.group("unit") or m.group("unit2")))
    for m in rx["month_year_range"].finditer(text, s.start, s.end):
        found.append(float((int(m["y2"]) - int(m["y1"])) * 12 + int(m["m2"]) - int(m["m1"])))
    for m in rx["year_range"].finditer(text, s.start, s.end):
        found.append(float((int(m["y2"]) - int(m["y1"])) * 12))
    starts = [*rx["since"].finditer(text, s.start, s.end), *rx["started"].finditer(text, s.start, s.end)]
    for m in starts:  # "since 06/2021", "started alendronate 70 mg weekly 10/2021"
        when = m.group("when")
        started = next((month_start(x) for x in rx["month_year"].finditer(when)), None)
        if started is None and when.isdigit():
            started = date(int(when), 1, 1)
        if started and reference and started < reference:
            found.append(months_between(started, reference))
    found = [x for x in found if 0 < x < 600]
    return max(found) if found else None


def concurrent_therapy(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> None:
    """Other osteoporosis drugs the patient is taking now and will keep taking with denosumab.

    A plan to continue a drug ("ADD Prolia and CONTINUE teriparatide") makes it concurrent whatever a
    history line says; otherwise a drug listed as current is concurrent unless it is also said to stop.
    """
    current: dict[str, list[Evidence]] = defaultdict(list)
    planned: set[str] = set()
    stopped: set[str] = set()
    for _, m in _mentions(analyzed, "BISPHOSPHONATE", "OSTEOPOROSIS_DRUG"):
        if m.discontinued:
            stopped.add(m.normal)
        if m.affirmed and m.current:
            current[m.normal].append(m.evidence())
            before = m.doc.text[max(m.sentence.start, m.start - 30) : m.start]
            if m.sentence.section in PLAN_SECTIONS | {"assessment"} and rules.regex["continue_before"].search(before):
                planned.add(m.normal)
    drugs = sorted(d for d in current if d in planned or d not in stopped)
    out.set("concurrent_osteoporosis_therapy", drugs, [ev for d in drugs for ev in current[d]])


def denosumab_status(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> None:
    """Whether the patient already receives denosumab (continuation), and prior injection dates."""
    rx = rules.regex
    started, new, dates = [], [], []
    for a, m in _mentions(analyzed, "DENOSUMAB"):
        if not m.affirmed or not m.narrative:
            continue
        # Cues count only close to the drug's name: "continue alendronate AND add Prolia" is a new start.
        text, lo, hi = a.doc.text, max(m.sentence.start, m.start - 30), min(m.sentence.end, m.end + 30)
        if rx["denosumab_started"].search(text, lo, hi):
            started.append(m.evidence())
            if rx["injection_dates_cue"].search(text, m.sentence.start, m.sentence.end):
                dates += [iso for _, _, iso in dates_in(rx["date"], text, m.sentence.start, m.sentence.end)]
        elif rx["denosumab_new"].search(text, lo, hi):
            new.append(m.evidence())
    # What the request says of itself (a form's Initial / Continuation box) outweighs cues near the name.
    initial = _request_type(analyzed, rx["request_new_start"])
    continuation = _request_type(analyzed, rx["request_continuation"])
    for a in analyzed:  # "Is this a request for continuation of denosumab? NO"
        for zone in a.layout.zones:
            if zone.kind != "question" or zone.answer not in ("yes", "no"):
                continue
            asks = rx["continuation_question"].search(a.doc.text, zone.start, zone.end)
            if asks:
                says_continuing = (zone.answer == "yes") != bool(asks.group("new"))
                (continuation if says_continuing else initial).append(a.doc.evidence(zone.start, zone.end))
    if initial and not continuation:
        started, new = [], initial
    elif continuation and not initial:
        started, new = continuation + started, []
    out.boolean("on_denosumab", started, new, conflicting=bool(initial and continuation))
    out.set("denosumab_injection_dates", sorted(set(dates)), started if dates else [])


def _request_type(analyzed: list[AnalyzedDocument], pattern) -> list[Evidence]:
    """What the request says of itself, in the practice's documents (a fax cover's "initial request" too)."""
    return [
        a.doc.evidence(hit.start(), hit.end())
        for a in analyzed
        for hit in pattern.finditer(a.doc.text)
        if a.from_practice(hit.start()) and not a.quiet(hit.start(), hit.end())
    ]


def glucocorticoids(analyzed: list[AnalyzedDocument], rules: RuleSet, codes: dict, out: Findings) -> None:
    """Chronic systemic glucocorticoids now, and the highest prednisone-equivalent daily dose stated.

    Use stated as current (a daily dose, "chronic", "since", a medication list) is weighed against a denial
    the way hormone therapy is: a form's diagnosis tick or a passing "steroid history" yields to a note that
    says "not on maintenance oral steroids".
    """
    rx, doses = rules.regex, []
    said: list[tuple[str, bool, int, Evidence, bool]] = []
    for a, m in _mentions(analyzed, "GLUCOCORTICOID"):
        text, s = a.doc.text, m.sentence
        # Steroid use is the prescriber's to state: a report's risk-factor list or FRAX input is not it.
        if not m.about_patient or not m.narrative:
            continue
        if m.negated:  # "no oral, injected or inhaled glucocorticoids" denies systemic use too
            said.append(("glucocorticoid", False, m.source_rank, m.evidence(), False))
            continue
        if rx["non_systemic"].search(text, s.start, s.end):
            continue
        if (
            m.discontinued
            or (m.historical and m.kind == "drug")
            or rx["steroid_short_course"].search(text, s.start, s.end)
        ):
            continue
        sentence_doses = list(rx["steroid_dose"].finditer(text, s.start, s.end))
        current = m.current or bool(sentence_doses) or bool(rx["steroid_current"].search(text, s.start, s.end))
        said.append(("glucocorticoid", True, m.source_rank, m.evidence(), current or m.answer == "yes"))
        for hit in sentence_doses:
            factor = rules.values.prednisone_equivalents.get(hit.group("drug").lower(), 1.0)
            doses.append(round(float(hit.group("dose")) * factor, 1))
    said += [("glucocorticoid", True, 0, ev, True) for ev in codes.get("Z79.52", [])]
    value, yes, no, decided = _receiving(said)
    if decided:
        out.decided_by["systemic_glucocorticoid"] = decided
    out.boolean("systemic_glucocorticoid", yes if value else [], no if value is False else [])
    out.set("glucocorticoid_mg_per_day", max(doses) if doses else None, yes if doses else [])


def hormone_therapy(
    analyzed: list[AnalyzedDocument], sex: str | None, cancers: dict[str, bool | None], out: Findings
) -> None:
    """Aromatase inhibitors, androgen deprivation (drugs or bilateral orchiectomy), estrogen deprivation."""
    # fact -> (drug, on it, rank, evidence, stated as current)
    said: dict[str, list[tuple[str, bool, int, Evidence, bool]]] = defaultdict(list)
    orch_yes, orch_no, ed_yes = [], [], []
    woman = sex == "female" or (sex is None and cancers.get("breast_cancer") and not cancers.get("prostate_cancer"))
    for _, m in _mentions(analyzed, "AROMATASE_INHIBITOR", "GNRH", "ADT", "ORCHIECTOMY", "ESTROGEN_DEPRIVATION"):
        if not m.about_patient:
            continue
        ev = m.evidence()
        if m.label == "ORCHIECTOMY":
            (orch_no if m.negated else orch_yes).append(ev)
            continue
        # A GnRH agonist is androgen deprivation in a man and ovarian (estrogen) suppression in a woman.
        fact = {"AROMATASE_INHIBITOR": "aromatase_inhibitor", "ADT": "androgen_deprivation"}.get(m.label)
        if m.label == "GNRH":
            fact = "estrogen_deprivation" if woman else "androgen_deprivation"
        elif m.label == "ESTROGEN_DEPRIVATION":
            fact = "estrogen_deprivation"
        stopped = m.discontinued  # stopped therapy is not received now (intermittent ADT in its off phase)
        past = m.historical and "CONTINUING" not in m.modifiers and m.sentence.section != "medications"
        if fact == "estrogen_deprivation":
            if not (m.negated or stopped or past):
                ed_yes.append(ev)
        elif stopped or (m.negated and (m.label != "GNRH" or fact == "androgen_deprivation")):
            said[fact].append((m.normal, False, m.source_rank, ev, False))
        elif not (m.negated or past):
            said[fact].append((m.normal, True, m.source_rank, ev, m.current or m.answer == "yes"))
    for fact in ("aromatase_inhibitor", "androgen_deprivation"):
        value, yes, no, decided = _receiving(said[fact])
        if decided:
            out.decided_by[fact] = decided
        if fact == "androgen_deprivation" and orch_yes:
            value, yes = True, yes + orch_yes
        if value is None and yes and no:
            out.set(fact, None)
            out.evidence[fact] = yes + no
            out.conflicts.append(fact)
        else:
            out.boolean(fact, yes if value else [], no if value is False else [])
    out.boolean("bilateral_orchiectomy", orch_yes, orch_no)
    out.boolean("estrogen_deprivation", ed_yes, [])


_SOURCE_NAMES = {0: "the clinical note", 1: "the PA form", 2: "a report"}


def _receiving(
    said: list[tuple[str, bool, int, Evidence, bool]],
) -> tuple[bool | None, list[Evidence], list[Evidence], str | None]:
    """Whether a therapy is received now, drug by drug. A stop outweighs a bare mention ("started
    exemestane 03/2025" then "exemestane stopped 06/2025"); a drug stated current and also stopped is
    decided by the more direct document (a note over a form), else unsettled. Any drug received makes
    the therapy received. The last item says which source decided where the chart disagreed."""
    by_drug: dict[str, list[tuple[bool, int, bool]]] = defaultdict(list)
    reasons: list[str] = []
    for drug, on, rank, _, current in said:
        by_drug[drug].append((on, rank, current))
    # "ADT ended 03/2024", "off ADT": a stop said of the class stops each drug not stated current.
    class_stopped = [r for drug, on, r, _, _ in said if not on and drug in _THERAPY_CLASSES]
    statuses = []
    for drug, items in by_drug.items():
        current = [r for on, r, now in items if on and now]
        plain = [r for on, r, now in items if on and not now]
        stopped = [r for on, r, _ in items if not on] or (class_stopped if drug not in _THERAPY_CLASSES else [])
        if not stopped:
            statuses.append(bool(current or plain))
        elif not current:
            statuses.append(False)
            if plain:
                reasons.append(f"{drug.replace('_', ' ')}: a documented stop outweighs earlier mentions")
        elif min(current) != min(stopped):
            statuses.append(min(current) < min(stopped))
            better, worse = sorted((min(current), min(stopped)))
            reasons.append(f"{drug.replace('_', ' ')}: {_SOURCE_NAMES[better]} over {_SOURCE_NAMES[worse]}")
        else:
            statuses.append(None)
    value = True if True in statuses else None if None in statuses else False if statuses else None
    decided = "; ".join(reasons) if reasons and value is not None else None
    return value, [s[3] for s in said if s[1]], [s[3] for s in said if not s[1]], decided


def barriers(analyzed: list[AnalyzedDocument], out: Findings) -> None:
    """Why an oral bisphosphonate cannot be taken: swallowing, staying upright, an esophageal condition."""
    kinds: dict[str, Barrier] = {
        "SWALLOWING": "cannot_swallow",
        "UPRIGHT": "cannot_remain_upright",
        "GI_CONDITION": "gi_condition",
    }
    found: dict[Barrier, list[Evidence]] = defaultdict(list)
    for _, m in _mentions(analyzed, *kinds):
        if m.affirmed:
            found[kinds[m.label]].append(m.evidence())
    ordered = [b for b in BARRIER_PRIORITY if b in found]
    out.set("oral_bisphosphonate_barriers", ordered, [ev for b in ordered for ev in found[b]])
    out.set("oral_bisphosphonate_barrier", ordered[0] if ordered else None, found[ordered[0]] if ordered else [])
