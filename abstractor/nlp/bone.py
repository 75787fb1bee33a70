"""Bone facts: T-scores from prose and DXA tables, and fractures with their site and mechanism."""

from __future__ import annotations

import re
from collections import defaultdict

from abstractor.core.document import Document, Evidence, Table, TableRow, unique_evidence
from abstractor.core.record import Fracture, TScore
from abstractor.core.vocabulary import Site
from abstractor.nlp.findings import Findings
from abstractor.nlp.mentions import AnalyzedDocument, Mention
from abstractor.nlp.rules import RuleSet
from abstractor.nlp.values import dates_in, number

# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset(
    {
        "bmd",
        "cue_negated",
        "date",
        "dob",
        "fracture_compression",
        "fracture_fragility",
        "fracture_trauma",
        "new_before",
        "other_before",
        "recent_cue",
        "rows_of_femur",
        "rows_of_forearm",
        "rows_of_spine",
        "score_value",
        "site_value",
        "study_date",
        "t_score_threshold",
        "table_bmd_header",
        "table_change_header",
        "table_date_header",
        "table_region_header",
        "table_t_header",
        "value_is_threshold",
    }
)


def _nearest_site(patterns: dict[Site, re.Pattern[str]], text: str, start: int, end: int) -> tuple[Site, int] | None:
    """The site whose phrase ends last in text[start:end] (longest on a tie), with where it starts."""
    best = None
    for site, pattern in patterns.items():
        for m in pattern.finditer(text, start, end):
            key = (m.end(), m.end() - m.start())
            if best is None or key > best[0]:
                best = (key, site, m.start())
    return (best[1], best[2]) if best else None


def _first_site(patterns: dict[Site, re.Pattern[str]], text: str, start: int, end: int) -> Site | None:
    """The site named first in text[start:end] ("T-score -2.6 at the femoral neck")."""
    hits = [(m.start(), site) for site, p in patterns.items() if (m := p.search(text, start, end))]
    return min(hits)[1] if hits else None


def t_scores(analyzed: list[AnalyzedDocument], rules: RuleSet) -> list[TScore]:
    """Every documented T-score, current or past, from prose and table rows; Z-scores never count."""
    found: list[TScore] = []
    for a in analyzed:
        found += _prose_t_scores(a, rules)
        for table in a.doc.tables:
            found += _table_t_scores(a.doc, table, rules)
    return _with_roles(_merge(found))


def _with_roles(scores: list[TScore]) -> list[TScore]:
    """Mark each dated T-score as of the latest study (current) or an earlier one (prior)."""
    latest = max((t.date for t in scores if t.date), default=None)
    if latest is None:
        return scores
    return [t.model_copy(update={"role": "current" if t.date == latest else "prior"}) if t.date else t for t in scores]


def policy_sites(scores: list[TScore]) -> tuple[list[TScore], list[TScore]]:
    """(T-scores at the policy's four sites, sub-regional ones: single vertebrae, trochanter, UD radius...)."""
    return [t for t in scores if t.site != "other"], [t for t in scores if t.site == "other"]


def _prose_t_scores(a: AnalyzedDocument, rules: RuleSet) -> list[TScore]:
    out: list[TScore] = []
    text, rx = a.doc.text, rules.regex
    previous: dict[int, tuple[int, Site]] = {}  # sentence index -> (end of last T-score, its site)
    for m in sorted((m for m in a.mentions if m.label == "T_SCORE"), key=lambda m: m.start):
        if m.negated or not m.about_patient:
            continue
        value_match = rx["score_value"].search(m.text)
        value = number(value_match.group("value")) if value_match else None
        if value_match and a.quiet(m.start + value_match.start("value"), m.start + value_match.end("value")):
            continue  # "T-score at or below [ ] -2.5": a form's printed threshold
        if value is None or not -7 <= value <= 4:
            continue
        # "T-score between -1.0 and -2.5", "-2.5 or below": thresholds, not the patient's values.
        if rx["t_score_threshold"].match(text, m.start) or rx["value_is_threshold"].match(text, m.end):
            continue
        sentence = m.sentence
        window_start, inherited = previous.get(sentence.index, (sentence.start, None))
        site_hit = _nearest_site(rules.site_regex, text, window_start, m.start)
        after = _first_site(rules.site_regex, text, m.end, min(m.end + 25, sentence.end))
        site = site_hit[0] if site_hit else after or inherited or "other"
        quote_start = site_hit[1] if site_hit else m.start
        previous[sentence.index] = (m.end, site)
        date = _prose_date(text, m, rules)
        bmd = rules.regex["bmd"].search(text, window_start, m.start)
        out.append(
            TScore(
                site=site,
                value=value,
                date=date,
                site_detail=text[site_hit[1] : m.start].strip(" ,:;") or None if site_hit else None,
                bmd=float(bmd.group("bmd")) if bmd else None,
                evidence=[
                    a.doc.evidence(
                        quote_start,
                        m.end,
                        value=(m.start + value_match.start("value"), m.start + value_match.end("value")),
                    )
                ],
            )
        )
    for index, (last_end, _) in previous.items():
        out += _listed_after(a, a.sentences[index], last_end, rules)
    return out


def _listed_after(a: AnalyzedDocument, sentence, start: int, rules: RuleSet) -> list[TScore]:
    """Values listed by site after a T-score in one sentence: "lumbar spine T-score -1.4, femoral neck -1.1"."""
    text, out = a.doc.text, []
    z_spans = [(m.start, m.end) for m in a.mentions_overlapping(start, sentence.end) if m.label == "Z_SCORE"]
    for hit in rules.regex["site_value"].finditer(text, start, sentence.end):
        if any(zs <= hit.start() < ze for zs, ze in z_spans) or re.search(
            r"(?i)\bz\b|z-score|%", text[start : hit.start()]
        ):
            break  # from a Z-score on, the list is of Z-scores
        site_hit = _nearest_site(rules.site_regex, text, max(start, hit.start() - 25), hit.start())
        value = number(hit.group("value"))
        if site_hit and value is not None and not rules.regex["value_is_threshold"].match(text, hit.end()):
            date = dates_in(rules.regex["date"], text, sentence.start, hit.start())
            out.append(
                TScore(
                    site=site_hit[0],
                    value=value,
                    date=date[-1][2] if date else None,
                    site_detail=text[site_hit[1] : hit.start()].strip(" ,:;") or None,
                    evidence=[a.doc.evidence(site_hit[1], hit.end(), value=hit.span("value"))],
                )
            )
        start = hit.end()
    return out


def _prose_date(text: str, m: Mention, rules: RuleSet) -> str | None:
    """A date in parentheses right after the value, else the last date earlier in the sentence."""
    after = dates_in(rules.regex["date"], text, m.end, min(m.end + 16, m.sentence.end))
    if after and "(" in text[m.end : after[0][0]]:
        return after[0][2]
    before = dates_in(rules.regex["date"], text, m.sentence.start, m.start)
    return before[-1][2] if before else None


def _column(header: tuple[str, ...], pattern: re.Pattern[str]) -> int | None:
    for i, name in enumerate(header):
        if pattern.search(name):
            return i
    return None


def _header(table: Table, t_header: re.Pattern[str]) -> tuple[tuple[str, ...], tuple]:
    """The header, with a second header row merged in ("Young-Adult" over "T-Score"), and the body rows."""
    header, rows = table.header, table.rows
    if rows and not any(number(c.text) is not None and "(" not in c.text for c in rows[0].cells[1:]):
        second = [c.text for c in rows[0].cells]
        if any(t_header.search(c) for c in second) and not any(t_header.search(h) for h in header):
            header = tuple(f"{h} {c}".strip() for h, c in zip(header, second, strict=False))
            rows = rows[1:]
    return header, rows


def _table_t_scores(doc: Document, table: Table, rules: RuleSet) -> list[TScore]:
    """T-scores of a DXA table: by region rows (under grouped region headers) or by date rows (trend tables,
    whose region is the caption above or the column's own header)."""
    rx = rules.regex
    header, rows = _header(table, rx["table_t_header"])
    t_cols = [i for i, name in enumerate(header) if rx["table_t_header"].search(name)]
    if not t_cols:
        return []
    date_col = _column(header, rx["table_date_header"])
    region_col = _column(header, rx["table_region_header"])
    if region_col is None and date_col != 0:
        region_col = 0
    bmd_col = _column(header, rx["table_bmd_header"])
    change_col = _column(header, rx["table_change_header"])
    caption = _caption(doc, rows, rules) if region_col is None else None
    out, group, family = [], "", None
    for row in rows:
        cells = [c.text for c in row.cells]
        if row.start is None:
            continue  # a row that cannot be cited is not reported
        if region_col is not None and region_col < len(cells):
            region = cells[region_col]
            if region and not any(number(c) is not None for i, c in enumerate(cells) if i != region_col):
                group = region  # "LEFT FEMUR" over its Neck and Total rows
                continue
            region = f"{group} {region}".strip() if group and not _site(rules, region, strict=True) else region
            family = _family(region, rules) or family
            if not group and re.fullmatch(r"(?i)total", region.strip()) and family:
                region = f"{family} total"  # the Total row of a table of vertebrae, or of hip regions
        else:
            region = caption or ""
        row_date = None
        if date_col is not None and date_col < len(cells):
            hits = dates_in(rules.regex["date"], cells[date_col])
            row_date = hits[0][2] if hits else None
        for t_col in t_cols:
            value = number(cells[t_col]) if t_col < len(cells) else None
            if value is None or not -7 <= value <= 4:
                continue
            site = _site(rules, header[t_col]) or _site(rules, region) or "other"
            out.append(
                TScore(
                    site=site,
                    value=value,
                    date=row_date or _table_date(doc, row.start, rules),
                    site_detail=region or header[t_col],
                    bmd=number(cells[bmd_col]) if bmd_col is not None and bmd_col < len(cells) else None,
                    percent_change=number(cells[change_col].rstrip("%*"))
                    if change_col is not None and change_col < len(cells) and len(t_cols) == 1
                    else None,
                    evidence=[doc.evidence(row.start, row.end, value=_cell_span(row, t_col))],
                )
            )
    return out


def _cell_span(row: TableRow, column: int) -> tuple[int, int] | None:
    """Where a cell's value is in the document text, if it was located."""
    cell = row.cells[column] if column < len(row.cells) else None
    return (cell.start, cell.end) if cell is not None and cell.start is not None and cell.end is not None else None


def _family(region: str, rules: RuleSet) -> str | None:
    """Which skeleton a table's rows are of, so that a bare "Total" row can be named."""
    for family, name in (("lumbar spine", "rows_of_spine"), ("femur", "rows_of_femur"), ("forearm", "rows_of_forearm")):
        if rules.regex[name].search(region):
            return family
    return None


def _site(rules: RuleSet, text: str, strict: bool = False) -> Site | None:
    """The bone site a region's words name; with `strict`, only a policy site named in full."""
    hit = _nearest_site(rules.site_regex, text, 0, len(text))
    if hit is None or (strict and (hit[0] == "other" or len(text.split()) < 2)):
        return None
    return hit[0]


def _caption(doc: Document, rows, rules: RuleSet) -> str | None:
    """The region named in the lines just above a trend table ("Trend: AP Spine L1-L4")."""
    first = next((r.start for r in rows if r.start is not None), None)
    if first is None:
        return None
    above = doc.text[max(0, first - 400) : first].splitlines()[:-1]
    for line in reversed(above[-3:]):
        if _site(rules, line):
            return line.strip()
    return None


def _table_date(doc: Document, row_start: int, rules: RuleSet) -> str | None:
    """The study date of a table row: a labelled scan or exam date above it on the page, else the nearest
    date above that is not a date of birth."""
    page = next((p for p in doc.pages if p.start <= row_start <= p.end), None)
    top = page.start if page else 0
    labelled = list(rules.regex["study_date"].finditer(doc.text, top, row_start))
    for m in reversed(labelled):
        hits = dates_in(rules.regex["date"], doc.text, m.end(), min(m.end() + 25, row_start))
        if hits:
            return hits[0][2]
    lines = doc.text[top:row_start].splitlines()
    for line in reversed(lines):
        hits = [h for h in dates_in(rules.regex["date"], line) if not rules.regex["dob"].search(line, 0, h[0])]
        if hits:
            return hits[0][2]
    return None


def _merge(scores: list[TScore]) -> list[TScore]:
    """One entry per (site, value, study date); an undated mention joins a dated one of the same value."""
    groups: dict[tuple[str, float], list[TScore]] = defaultdict(list)
    for t in scores:
        groups[(t.site, round(t.value, 2))].append(t)
    merged = []
    for items in groups.values():
        dates = sorted({t.date for t in items if t.date})
        for date in dates or [None]:
            members = [t for t in items if t.date == date or t.date is None or len(dates) <= 1]
            first = next((t for t in members if t.percent_change is not None or t.bmd is not None), members[0])
            merged.append(
                first.model_copy(
                    update={
                        "date": date,
                        "bmd": next((t.bmd for t in members if t.bmd is not None), None),
                        "percent_change": next(
                            (t.percent_change for t in members if t.percent_change is not None), None
                        ),
                        "evidence": unique_evidence(ev for t in members for ev in t.evidence),
                    }
                )
            )
    return merged


def fractures(
    analyzed: list[AnalyzedDocument], rules: RuleSet, codes: dict[str, list[Evidence]], out: Findings
) -> None:
    """The patient's fractures by site, and whether any was a fragility fracture."""
    by_site: dict[str, list[tuple[bool | None, Evidence, str | None, bool]]] = defaultdict(list)
    denied: list[Evidence] = []
    recent_denied: list[Evidence] = []
    for a in analyzed:
        for m in a.mentions:
            if m.label != "FRACTURE" or not m.about_patient:
                continue
            if m.negated:
                if rules.regex["recent_cue"].search(a.doc.text, m.sentence.start, m.sentence.end):
                    recent_denied.append(m.evidence())
                # "no OTHER fractures", "no new fracture since": not a denial that any fracture happened
                before = a.doc.text[max(m.sentence.start, m.start - 25) : m.start]
                if not (rules.regex["other_before"].search(before) or rules.regex["new_before"].search(before)):
                    denied.append(m.evidence())
                continue
            site = _fracture_site(a, m, rules)
            fragility, cause = _mechanism(a, m, site, rules)
            by_site[site].append((fragility, m.evidence(), cause, m.source_rank == 0))
    if len(by_site) > 1:
        by_site.pop("unspecified", None)  # a site-less mention cannot be told apart from the sited ones
    found = []
    for site, items in by_site.items():
        # The clinical notes describe how a fracture happened; a form tick or a report's line defers to them.
        deciding = [i for i in items if i[3] and i[0] is not None] or items
        overruled = {f for f, _, _, in_note in items if not in_note and f is not None} - {f for f, *_ in deciding}
        if overruled:
            out.decided_by["fragility_fracture"] = f"{site}: the clinical note's account of how it happened"
        flags = [f for f, _, _, _ in deciding]
        if True in flags and False in flags:
            fragility = None  # described both ways: a reviewer must decide
        else:
            fragility = True if True in flags else (False if False in flags else None)
        cause = next((c for f, _, c, _ in deciding if c and f == fragility), None)
        found.append(
            Fracture(site=site, fragility=fragility, cause=cause, evidence=unique_evidence(e for _, e, _, _ in items))
        )
    out.set("fractures", found)
    coded = [ev for code, evs in codes.items() if code.startswith(("M80", "Z87.310", "Z87.311")) for ev in evs]
    yes = [ev for f in found if f.fragility for ev in f.evidence] + coded
    no = denied + [ev for f in found if f.fragility is False for ev in f.evidence]
    out.boolean("fragility_fracture", yes, no)
    out.boolean("no_new_fracture", recent_denied, [])


def _fracture_site(a: AnalyzedDocument, m: Mention, rules: RuleSet) -> str:
    text, s = a.doc.text, m.sentence
    best = None
    for site, pattern in rules.fracture_site_regex.items():
        for hit in pattern.finditer(text, s.start, s.end):
            distance = m.start - hit.end() if hit.end() <= m.start else hit.start() - m.end + 5
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, site)
    return best[1] if best else "unspecified"


def _cue_answer(a: AnalyzedDocument, start: int, end: int) -> str | None:
    """How the chart says a mechanism cue: "yes" in prose or a question answered yes, "no" in a question
    answered no, None where it is printed (a legend) or asked and not answered."""
    zones = a.layout.zones_at(start, end)
    if any(z.kind != "question" and z.kind != "choice" for z in zones):
        return None
    question = next((z for z in zones if z.kind == "question"), None)
    if question is None:
        return "yes"
    return None if question.answer == "blank" else question.answer


def _mechanism(a: AnalyzedDocument, m: Mention, site: str, rules: RuleSet) -> tuple[bool | None, str | None]:
    """(fragility, cause) from the sentence and its neighbours: trauma excludes, low-energy includes."""
    text, rx = a.doc.text, rules.regex
    fragile = trauma = None
    for s in a.neighbours(m.sentence, before=0, after=1):
        fragile_spans = []
        for hit in rx["fracture_fragility"].finditer(text, s.start, s.end):
            fragile_spans.append(hit.span())
            said = _cue_answer(a, hit.start(), hit.end())
            if said == "no":
                trauma = trauma or f"not {hit.group(0)}"  # "Was the fracture low-trauma? [X] No"
            elif said and not rx["cue_negated"].search(text, max(s.start, hit.start() - 30), hit.start()):
                fragile = fragile or hit.group(0)
        for hit in rx["fracture_trauma"].finditer(text, s.start, s.end):
            if any(lo <= hit.start() < hi for lo, hi in fragile_spans) or text[hit.start() - 1 : hit.start()] == "-":
                continue  # the "trauma" of "low-trauma", "minimal trauma", "non-traumatic"
            if _cue_answer(a, hit.start(), hit.end()) == "yes" and not rx["cue_negated"].search(
                text, max(s.start, hit.start() - 30), hit.start()
            ):
                trauma = trauma or hit.group(0)
    if trauma:  # a ladder fall is trauma even where the note also says she "fell"
        return False, trauma
    if fragile:
        return True, fragile
    if site == "vertebra" and rx["fracture_compression"].search(text, m.sentence.start, m.sentence.end):
        return True, "vertebral compression without trauma"
    return None, None
