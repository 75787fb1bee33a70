"""The request: product, dose, interval, HCPCS codes and units, administration code, date of service."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import fields

from abstractor.core.document import Document, Evidence
from abstractor.core.record import Request
from abstractor.core.vocabulary import Role
from abstractor.nlp.findings import Findings
from abstractor.nlp.mentions import AnalyzedDocument, Mention
from abstractor.nlp.rules import RuleSet
from abstractor.nlp.values import dates_in, interval_months, number

# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset(
    {
        "admin_context",
        "admin_cpt",
        "date",
        "dos_filler",
        "dos_strong",
        "dos_weak",
        "dose_label",
        "dose_mg",
        "hcpcs",
        "interval",
        "units",
    }
)


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def extract_request(analyzed: list[AnalyzedDocument], rules: RuleSet, out: Findings) -> Request:
    """Read the request from the practice's documents: notes, letters, forms, covers (a report requests nothing)."""
    rx = rules.regex
    mentions = [
        m for a in analyzed for m in a.mentions if m.label == "DENOSUMAB" and m.affirmed and a.from_practice(m.start)
    ]
    brands = Counter(m.normal for m in mentions if m.normal != "denosumab")
    product = brands.most_common(1)[0][0] if brands else ("denosumab" if mentions else None)
    chosen = [m for m in mentions if m.normal == product]
    out.set("request.product", product, [m.evidence() for m in chosen])
    # Dose and interval are read beside the requested product or its generic name.
    keys = _MentionKeys()
    picked = {keys(m) for m in chosen}
    chosen = chosen + [m for m in mentions if m.normal == "denosumab" and keys(m) not in picked]
    picked = {keys(m) for m in chosen}

    doses, dose_ev, intervals, interval_ev = Counter(), {}, Counter(), {}
    for a in analyzed:
        text = a.doc.text
        products = _ByStart([m for m in chosen if m.doc is a.doc])
        spans = [(m.sentence.start, m.sentence.end) for m in a.mentions if keys(m) in picked]
        for s in a.sentences:
            if rx["dose_label"].search(text, s.start, s.end) or _labelled(text, s.start, ("frequency", "sig")):
                spans.append((s.start, s.end))
        for start, end in set(spans):
            for m in rx["dose_label"].finditer(text, start, end):
                _count(doses, dose_ev, number(m.group("dose")), a.doc.evidence(m.start(), m.end()))
            for m in _after_product(rx["dose_mg"], a, products, start, end):
                _count(doses, dose_ev, number(m.group("dose")), a.doc.evidence(m.start(), m.end()))
            for m in rx["interval"].finditer(text, start, end):
                _count(intervals, interval_ev, interval_months(m), a.doc.evidence(m.start(), m.end()))
    dose = _top(doses)
    interval = _top(intervals)
    out.set("request.dose_mg", dose, list(dose_ev.get(dose, {}).values()))
    out.set("request.interval_months", interval, list(interval_ev.get(interval, {}).values()))

    hcpcs, hcpcs_ev, units, units_ev, cpt, cpt_ev = [], [], Counter(), {}, [], []
    for a in analyzed:
        text = a.doc.text
        for m in rx["hcpcs"].finditer(text):
            if not a.from_practice(m.start()) or a.quiet(m.start(), m.end()):
                continue
            if m.group("code") not in hcpcs:
                hcpcs.append(m.group("code"))
            hcpcs_ev.append(a.doc.evidence(m.start(), m.end()))
            start, end = _line(text, m.start())
            for u in rx["units"].finditer(text, start, end):
                _count(
                    units,
                    units_ev,
                    number(u.group("u1") or u.group("u2")),
                    a.doc.evidence(u.start(), u.end()),
                )
        for m in rx["admin_cpt"].finditer(text):
            if not a.from_practice(m.start()) or a.quiet(m.start(), m.end()):
                continue
            start, end = _line(text, m.start())
            if rx["admin_context"].search(text, start, end):
                if m.group("code") not in cpt:
                    cpt.append(m.group("code"))
                cpt_ev.append(a.doc.evidence(m.start(), m.end()))
        for s in a.sentences:
            if _labelled(text, s.start, ("units",)):
                for u in rx["units"].finditer(text, s.start, s.end):
                    _count(
                        units,
                        units_ev,
                        number(u.group("u1") or u.group("u2")),
                        a.doc.evidence(u.start(), u.end()),
                    )
    out.set("request.hcpcs", hcpcs, hcpcs_ev)
    unit_count = _top(units)
    out.set("request.units", unit_count, list(units_ev.get(unit_count, {}).values()))
    out.set("request.admin_cpt", cpt, cpt_ev)
    dos, dos_ev = _date_of_service(analyzed, rules)
    out.set("request.date_of_service", dos, dos_ev)
    return Request(
        product=product,
        dose_mg=dose,
        interval_months=interval,
        hcpcs=hcpcs,
        date_of_service=dos,
        units=int(unit_count) if unit_count is not None else None,
        admin_cpt=cpt,
    )


class _MentionKeys:
    """A hashable key for each Mention, equal exactly when the Mentions are equal (`==`).

    Testing `m in chosen` compares a Mention with each chosen one, and each comparison compares their
    Documents field by field: quadratic in the mentions of a bundle. The key stands for the Document by the
    index of its first equal Document seen (Documents are compared only within a bucket of the same
    source, hash and length), followed by the Mention's other fields.
    """

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, str, int], list[Document]] = {}
        self._doc_keys: dict[int, tuple] = {}  # by id(): the Documents outlive this object (one extraction)

    def _doc_key(self, doc: Document) -> tuple:
        known = self._doc_keys.get(id(doc))
        if known is not None:
            return known
        bucket_key = (doc.source, doc.sha256, len(doc.text))
        bucket = self._buckets.setdefault(bucket_key, [])
        index = next((i for i, other in enumerate(bucket) if other == doc), None)
        if index is None:
            index = len(bucket)
            bucket.append(doc)
        key = self._doc_keys[id(doc)] = (*bucket_key, index)
        return key

    def __call__(self, mention: Mention) -> tuple:
        """The key of `mention`."""
        rest = tuple(getattr(mention, f.name) for f in fields(mention) if f.name != "doc")
        return (self._doc_key(mention.doc), *rest)


def _labelled(text: str, start: int, labels: tuple[str, ...]) -> bool:
    head = text[start : start + 40].lower()
    return any(f"{label}:" in head for label in labels)


class _ByStart:
    """Mentions found by where they start, each range in their original order."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._sorted = sorted(enumerate(mentions), key=lambda item: item[1].start)
        self._starts = [m.start for _, m in self._sorted]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), in their original order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [m for _, m in sorted(self._sorted[lo:hi], key=lambda item: item[0])]


def _after_product(pattern, a: AnalyzedDocument, products: _ByStart, start: int, end: int):
    """Dose matches within 40 characters after a mention of the requested product."""
    for m in products.within(start, end):
        hit = pattern.search(a.doc.text, m.end, min(m.end + 40, end))
        if hit:
            yield hit


def _count(counter: Counter, evidence: dict[float, dict[tuple, Evidence]], value: float | None, ev: Evidence) -> None:
    """Count a value read, keeping its evidence without repeats (same source and offsets), first seen first."""
    if value is not None and value > 0:
        counter[value] += 1
        evidence.setdefault(value, {}).setdefault((ev.source, ev.start, ev.end), ev)


def _top(counter: Counter) -> float | None:
    return counter.most_common(1)[0][0] if counter else None


def _date_of_service(analyzed: list[AnalyzedDocument], rules: RuleSet) -> tuple[str | None, list[Evidence]]:
    """The date a cue names as the date of service ("Anticipated DOS .. 10/28/2025", "first injection is
    scheduled for 01/13/2026"): explicit cues before "start", a form before a letter before a note."""
    rx = rules.regex
    found = []
    for tier, cue in enumerate(("dos_strong", "dos_weak")):
        for a in analyzed:
            text = a.doc.text
            for m in rx[cue].finditer(text):
                if not a.from_practice(m.start()) or a.quiet(m.start(), m.end()):
                    continue
                hits = dates_in(rx["date"], text, m.end(), min(m.end() + 45, len(text)))
                if not hits or not rx["dos_filler"].match(text[m.end() : hits[0][0]]):
                    continue
                if tier and _names_other_drug(a, m.start()):
                    continue  # "alendronate ... Start: 04/07/2025" is not the request's date
                _, end, iso = hits[0]
                role = _ROLE_ORDER.get(a.layout.role_at(m.start()), len(_ROLE_ORDER))
                found.append(((tier, role), iso, a.doc.evidence(m.start(), end)))
    if not found:
        return None, []
    best = min(key for key, _, _ in found)
    dates = [(iso, ev) for key, iso, ev in found if key == best]
    iso = max(d for d, _ in dates)  # of equally good cues, the latest date: the request looks forward
    return iso, [ev for d, ev in dates if d == iso]


# Of equally good date-of-service cues, a form's decides before a letter's, a note's, a cover's, then any other.
_ROLE_ORDER: dict[Role, int] = {"pa_form": 0, "letter": 1, "clinical_note": 2, "fax_cover": 3}


def _names_other_drug(a: AnalyzedDocument, offset: int) -> bool:
    """Whether the line holding `offset` names a drug other than denosumab."""
    start, end = _line(a.doc.text, offset)
    return any(
        m.label in {"BISPHOSPHONATE", "OSTEOPOROSIS_DRUG", "GLUCOCORTICOID", "AROMATASE_INHIBITOR", "GNRH"}
        and start <= m.start < end
        for m in a.mentions
    )
