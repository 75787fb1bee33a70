"""The rules' reading of a chart, offered to other stages through the ChartReader port."""

from __future__ import annotations

import re
from collections.abc import Iterable

from abstractor.core.reading import Passage, SpanReading
from abstractor.nlp.mentions import AnalyzedDocument
from abstractor.nlp.patient import SEX_WORDS
from abstractor.nlp.rules import RuleSet

CUES = ("bp_inefficacy", "bp_intolerance", "bp_completed", "fracture_fragility", "fracture_trauma")
SEX_CUES = ("sex_explicit", "sex_word", "sex_honorific", "sex_pronoun")
# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset(CUES + SEX_CUES)
_NUMBER = re.compile(r"[-−–]?\d+(?:\.\d+)?")
# Sections read first when there is budget left after the mentions: where the reasoning usually is.
PREFERRED_SECTIONS = ("assessment_plan", "assessment", "plan", "history_of_present_illness", "impression", None)


class RulesReader:
    """ChartReader over analysed documents."""

    def __init__(self, analyzed: list[AnalyzedDocument], rules: RuleSet) -> None:
        self._by_source = {a.doc.source: a for a in analyzed}
        self._analyzed = analyzed
        self._rules = rules

    def read(self, source: str, start: int, end: int) -> SpanReading:
        """What the rules read in one span of a source: concepts affirmed, negated or not the patient's,
        numbers, bone sites and cues."""
        a = self._by_source[source]
        text = a.doc.text
        affirmed, negated, other = set(), set(), set()
        for m in a.mentions:
            if m.start < end and start < m.end:
                names = {m.label, f"{m.label}:{m.normal}"}
                if not m.about_patient:
                    other |= names
                elif m.negated:
                    negated |= names
                else:
                    affirmed |= names
        numbers = tuple(float(n.translate(str.maketrans("−–", "--"))) for n in _NUMBER.findall(text[start:end]))
        sites = {site for site, p in self._rules.site_regex.items() if p.search(text, start, end)}
        cues = {name for name in CUES if self._rules.regex[name].search(text, start, end)}
        for name in SEX_CUES:
            for m in self._rules.regex[name].finditer(text, start, end):
                word = next(g for g in m.groups() if g)
                cues.add(f"sex:{SEX_WORDS[word.lower()]}")
        return SpanReading(
            frozenset(affirmed), frozenset(negated), frozenset(other), numbers, frozenset(sites), frozenset(cues)
        )

    def passages(self, labels: Iterable[str], budget_chars: int) -> list[Passage]:
        """Sentences around mentions of the labels, then of the preferred sections, within the budget."""
        wanted = set(labels)
        chosen: list[tuple[AnalyzedDocument, int]] = []
        for a in self._analyzed:
            for m in a.mentions:
                if m.label in wanted:
                    chosen += [(a, s.index) for s in a.neighbours(m.sentence)]
        for section in PREFERRED_SECTIONS:
            chosen += [(a, s.index) for a in self._analyzed for s in a.sentences if s.section == section]
        out, used, seen = [], 0, set()
        for a, index in chosen:
            if (a.doc.source, index) in seen:
                continue
            s = a.sentences[index]
            size = s.end - s.start
            if used + size > budget_chars:
                continue
            seen.add((a.doc.source, index))
            used += size
            out.append(Passage(a.doc, s.start, s.end))
        return sorted(out, key=lambda p: (p.document.source, p.start))
