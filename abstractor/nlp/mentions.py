"""Running the pipeline over Documents: sentences, sections and target mentions with their ConText."""

from __future__ import annotations

import bisect
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from abstractor.core.document import Document, Evidence
from abstractor.core.vocabulary import Role, Route
from abstractor.nlp.layout import Layout, boilerplate_zones, read_layout
from abstractor.nlp.pieces import pieces
from abstractor.nlp.pipeline import SPAN_GROUP, get_pipeline
from abstractor.nlp.rules import RuleSet

# Sections whose mentions are not about the patient, or not current.
FAMILY_SECTIONS = frozenset({"family_history"})
HISTORY_SECTIONS = frozenset({"past_medical_history"})
MEDICATION_SECTIONS = frozenset({"medications", "request"})
PLAN_SECTIONS = frozenset({"plan", "assessment_plan"})
# Drug concepts whose names a form prints in lists of products.
DRUG_LABELS = frozenset({"BISPHOSPHONATE", "OSTEOPOROSIS_DRUG", "DENOSUMAB"})
# Zones whose words are printed, not written about the patient: never a fact.
PRINTED_ZONES = frozenset({"example", "unchecked", "boilerplate", "running_line"})


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its span and the section it sits in."""

    index: int
    start: int
    end: int
    section: str | None


@dataclass(frozen=True)
class Mention:
    """One target concept found in a document, with the ConText categories that modify it."""

    doc: Document
    label: str
    normal: str
    route: Route | None
    kind: str | None
    start: int
    end: int
    sentence: Sentence
    modifiers: frozenset[str]
    role: Role = "clinical_note"
    narrative: bool = True  # in a role whose text is the practice's own statement (rules/nlp/layout.yaml)
    answer: str | None = None  # inside a form question: the answer (yes, no, blank)
    printed: bool = False  # inside boilerplate, an unchecked option or a question's examples

    @property
    def text(self) -> str:
        """The words that matched."""
        return self.doc.text[self.start : self.end]

    @property
    def negated(self) -> bool:
        """Denied: by the words around it, or by a form question answered No."""
        if self.answer is not None:
            return self.answer == "no"
        return "NEGATED_EXISTENCE" in self.modifiers

    @property
    def family(self) -> bool:
        """Said of a relative, or under a family-history header."""
        return "FAMILY" in self.modifiers or self.sentence.section in FAMILY_SECTIONS

    @property
    def hypothetical(self) -> bool:
        """Hypothetical, possible or a definition, not a statement that it is so."""
        return bool({"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "DEFINITION"} & self.modifiers)

    @property
    def risk(self) -> bool:
        """A risk of it ("risk of fracture"), not the thing itself."""
        return "RISK" in self.modifiers

    @property
    def discontinued(self) -> bool:
        """A drug said to be stopped or being stopped."""
        return "DISCONTINUED" in self.modifiers

    @property
    def historical(self) -> bool:
        """Past, or under a past-medical-history header."""
        return "HISTORICAL" in self.modifiers or self.sentence.section in HISTORY_SECTIONS

    @property
    def current(self) -> bool:
        """Stated as taken now: continuing, or listed among medications, and not being stopped."""
        listed = "CONTINUING" in self.modifiers or self.sentence.section in MEDICATION_SECTIONS
        return listed and not self.discontinued and not self.historical

    @property
    def about_patient(self) -> bool:
        """Neither printed text, an unanswered question, a relative's, hypothetical, nor a risk statement."""
        if self.printed or self.answer == "blank":
            return False
        if self.answer is not None:  # an answered question: the answer states it, whatever the words
            return not (self.family or self.risk)
        return not (self.family or self.hypothetical or self.risk)

    @property
    def affirmed(self) -> bool:
        """Asserted about the patient: not negated, not family, not hypothetical, not a risk."""
        return self.about_patient and not self.negated

    @property
    def source_rank(self) -> int:
        """How directly the document speaks of the patient: 0 a clinical note or letter, 1 a PA form,
        2 anything else. Where documents disagree, the lower rank decides."""
        return 0 if self.role in ("clinical_note", "letter") else 1 if self.role == "pa_form" else 2

    def evidence(self) -> Evidence:
        """The sentence holding the mention, as Evidence."""
        return self.doc.evidence(self.sentence.start, self.sentence.end)


@dataclass
class AnalyzedDocument:
    """A Document with its layout (roles and zones), sentences and mentions."""

    doc: Document
    layout: Layout
    narrative_roles: frozenset[Role] = frozenset()
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def quiet(self, start: int, end: int) -> bool:
        """Whether a value read at text[start:end] is printed or asked, not stated about the patient."""
        return self.layout.quiet(start, end)

    def narrative(self, offset: int) -> bool:
        """Whether the text at `offset` is the practice's own statement (a note, a letter, a form's answers)."""
        return self.layout.role_at(offset) in self.narrative_roles

    def from_practice(self, offset: int) -> bool:
        """Whether the text at `offset` is written by the practice at all: its statements or its fax cover
        (which can name the request and the patient, though not clinical findings)."""
        return self.narrative(offset) or self.layout.role_at(offset) == "fax_cover"

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`, if any (found by bisection: sentences are in text order)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        for s in self.sentences[max(i, 0) : i + 2]:
            if s.start <= offset < s.end:
                return s
        return None

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions lying wholly inside text[start:end], in text order (by bisection, not a scan)."""
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end)
        return [m for m in self._by_start[first:last] if m.end <= end]

    def mentions_overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap text[start:end] at all, in text order (by bisection, not a scan)."""
        first = bisect.bisect_left(self._mention_starts, start - self._longest_mention)
        last = bisect.bisect_left(self._mention_starts, end)
        return [m for m in self._by_start[first:last] if m.end > start]

    @cached_property
    def _longest_mention(self) -> int:
        return max((m.end - m.start for m in self.mentions), default=0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _by_start(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: m.start)

    @cached_property
    def _mention_starts(self) -> list[int]:
        return [m.start for m in self._by_start]

    def neighbours(self, sentence: Sentence, before: int = 1, after: int = 1) -> list[Sentence]:
        """Adjacent sentences of the same section, the sentence itself included, in order."""
        lo, hi = max(sentence.index - before, 0), min(sentence.index + after, len(self.sentences) - 1)
        return [s for s in self.sentences[lo : hi + 1] if s.section == sentence.section]


@dataclass(frozen=True)
class _Target:
    """A target span read from one piece of a document, in offsets of the whole document text."""

    label: str
    start: int
    end: int
    text: str
    metadata: dict
    sentence_start: int
    modifiers: tuple[tuple[str, int, int], ...]  # (category, start, end) of each ConText modifier's cue


@dataclass
class _Reading:
    """What the pipeline found in a document, read piece by piece, in offsets of the whole text."""

    sentences: list[tuple[int, int, str | None]] = field(default_factory=list)
    targets: list[_Target] = field(default_factory=list)

    def add(self, sdoc, offset: int) -> None:
        """Add the sentences and targets of `sdoc`, the piece of the text starting at `offset`."""
        # A section runs on into the next piece: text there before any header is in the last section.
        carry = self.sentences[-1][2] if self.sentences else None
        for sent in sdoc.sents:
            section = sent[0]._.section_category
            if section is not None:
                carry = None
            self.sentences.append((sent.start_char + offset, sent.end_char + offset, section or carry))
        for span in sdoc.spans[SPAN_GROUP]:
            cues = []
            for mod in span._.modifiers:
                cue = sdoc[mod.modifier_span[0] : mod.modifier_span[1]]
                cues.append((mod.category, cue.start_char + offset, cue.end_char + offset))
            self.targets.append(
                _Target(
                    label=span.label_,
                    start=span.start_char + offset,
                    end=span.end_char + offset,
                    text=span.text,
                    metadata=span._.target_rule.metadata or {},
                    sentence_start=span.sent.start_char + offset,
                    modifiers=tuple(cues),
                )
            )


def _drug_lists(text: str, spans: list[_Target]) -> set[int]:
    """Starts of drug mentions on a line that is a printed list of products ("Prolia · Jubbonti · Forteo ·
    Tymlos · Reclast"): four or more drug names and hardly a word besides."""
    by_line: dict[int, list] = {}
    for span in spans:
        if span.label in DRUG_LABELS:
            by_line.setdefault(text.rfind("\n", 0, span.start) + 1, []).append(span)
    out: set[int] = set()
    for line_start, items in by_line.items():
        end = text.find("\n", line_start)
        line = text[line_start : len(text) if end == -1 else end]
        words = len(line.split())
        if len(items) >= 4 and words <= 2 * len(items) + 4:
            out.update(s.start for s in items)
    return out


def _form_word(start: int, end: int, layout: Layout) -> bool:
    """Whether a ConText cue at text[start:end] is a form's printed Yes / No ("Yes __ No _X_ (premenopausal
    on OFS)")."""
    return any(z.kind == "choice" for z in layout.zones_at(start, end))


def analyze(documents: Iterable[Document], rules: RuleSet | None = None) -> list[AnalyzedDocument]:
    """Run the process-wide pipeline over each document, a long one in pieces (abstractor/nlp/pieces.py)."""
    nlp, rules = get_pipeline(rules)
    docs = list(documents)
    cuts = [(k, start, end) for k, d in enumerate(docs) for start, end in pieces(d.text)]
    readings = [_Reading() for _ in docs]
    with warnings.catch_warnings():
        # W036: medspaCy's phrase matcher has no phrase patterns when every rule is a regex; expected here.
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        sdocs = nlp.pipe(docs[k].text[start:end] for k, start, end in cuts)
        for (k, start, _), sdoc in zip(cuts, sdocs, strict=True):
            readings[k].add(sdoc, start)
    return [_analyzed(document, reading, rules) for document, reading in zip(docs, readings, strict=True)]


def _analyzed(document: Document, reading: _Reading, rules: RuleSet) -> AnalyzedDocument:
    layout = read_layout(document, rules)
    result = AnalyzedDocument(doc=document, layout=layout, narrative_roles=frozenset(rules.layout.narrative_roles))
    for i, (start, end, section) in enumerate(reading.sentences):
        result.sentences.append(Sentence(i, start, end, section))
    layout.add(boilerplate_zones(document.text, [(s.start, s.end) for s in result.sentences], rules))
    spans = sorted(reading.targets, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Target] = []
    reach: dict[str, int] = {}  # per label, the furthest end of a kept mention
    for span in spans:
        # Of overlapping mentions with one label, keep the longest ("Fosamax Plus D" over "Fosamax"). Spans
        # come by start, so a kept one overlaps this one exactly when it ends after this one starts.
        if reach.get(span.label, -1) > span.start:
            continue
        kept.append(span)
        reach[span.label] = max(reach.get(span.label, -1), span.end)
    printed_lists = _drug_lists(document.text, kept)
    by_start = {s.start: s for s in result.sentences}
    for span in kept:
        sentence = by_start.get(span.sentence_start) or result.sentence_at(span.start)
        meta = span.metadata
        start, end = span.start, span.end
        while end > start and not document.text[end - 1].isalnum() and document.text[end - 1] not in ")":
            end -= 1
        zones = layout.zones_at(start, end)
        question = next((z for z in zones if z.kind == "question"), None)
        modifiers = frozenset(category for category, a, b in span.modifiers if not _form_word(a, b, layout))
        result.mentions.append(
            Mention(
                doc=document,
                label=span.label,
                normal=meta.get("normal") or span.text.lower(),
                route=meta.get("route"),
                kind=meta.get("kind"),
                start=start,
                end=end,
                sentence=sentence,
                modifiers=modifiers,
                role=layout.role_at(start),
                narrative=result.narrative(start),
                answer=question.answer if question else None,
                printed=any(z.kind in PRINTED_ZONES for z in zones) or span.start in printed_lists,
            )
        )
    return result
