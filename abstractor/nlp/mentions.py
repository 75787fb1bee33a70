"""Running the pipeline over Documents: sentences, sections and target mentions with their ConText."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from abstractor.core.document import Document, Evidence
from abstractor.nlp.pipeline import SPAN_GROUP, get_pipeline
from abstractor.nlp.rules import RuleSet

# Sections whose mentions are not about the patient, or not current.
FAMILY_SECTIONS = frozenset({"family_history"})
HISTORY_SECTIONS = frozenset({"past_medical_history"})
MEDICATION_SECTIONS = frozenset({"medications", "request"})
PLAN_SECTIONS = frozenset({"plan", "assessment_plan"})


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
    route: str | None
    kind: str | None
    start: int
    end: int
    sentence: Sentence
    modifiers: frozenset[str]

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    @property
    def negated(self) -> bool:
        return "NEGATED_EXISTENCE" in self.modifiers

    @property
    def family(self) -> bool:
        return "FAMILY" in self.modifiers or self.sentence.section in FAMILY_SECTIONS

    @property
    def hypothetical(self) -> bool:
        return bool({"HYPOTHETICAL", "POSSIBLE_EXISTENCE", "DEFINITION"} & self.modifiers)

    @property
    def risk(self) -> bool:
        return "RISK" in self.modifiers

    @property
    def discontinued(self) -> bool:
        return "DISCONTINUED" in self.modifiers

    @property
    def historical(self) -> bool:
        return "HISTORICAL" in self.modifiers or self.sentence.section in HISTORY_SECTIONS

    @property
    def current(self) -> bool:
        """Stated as taken now: continuing, or listed among medications, and not being stopped."""
        listed = "CONTINUING" in self.modifiers or self.sentence.section in MEDICATION_SECTIONS
        return listed and not self.discontinued and not self.historical

    @property
    def about_patient(self) -> bool:
        """Neither a relative's, nor hypothetical, nor a risk statement."""
        return not (self.family or self.hypothetical or self.risk)

    @property
    def affirmed(self) -> bool:
        """Asserted about the patient: not negated, not family, not hypothetical, not a risk."""
        return self.about_patient and not self.negated

    def evidence(self) -> Evidence:
        """The sentence holding the mention, as Evidence."""
        return self.doc.evidence(self.sentence.start, self.sentence.end)


@dataclass
class AnalyzedDocument:
    """A Document with its sentences and mentions."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def neighbours(self, sentence: Sentence, before: int = 1, after: int = 1) -> list[Sentence]:
        """Adjacent sentences of the same section, the sentence itself included, in order."""
        lo, hi = max(sentence.index - before, 0), min(sentence.index + after, len(self.sentences) - 1)
        return [s for s in self.sentences[lo : hi + 1] if s.section == sentence.section]


def analyze(documents: Iterable[Document], rules: RuleSet | None = None) -> list[AnalyzedDocument]:
    """Run the process-wide pipeline over each document."""
    nlp, rules = get_pipeline(rules)
    docs = list(documents)
    with warnings.catch_warnings():
        # W036: medspaCy's phrase matcher has no phrase patterns when every rule is a regex; expected here.
        warnings.filterwarnings("ignore", message=r"\[W036\]")
        sdocs = list(nlp.pipe(d.text for d in docs))
    return [_analyzed(document, sdoc) for document, sdoc in zip(docs, sdocs, strict=True)]


def _analyzed(document: Document, sdoc) -> AnalyzedDocument:
    result = AnalyzedDocument(doc=document)
    for i, sent in enumerate(sdoc.sents):
        result.sentences.append(Sentence(i, sent.start_char, sent.end_char, sent[0]._.section_category))
    spans = sorted(sdoc.spans[SPAN_GROUP], key=lambda s: (s.start_char, -(s.end_char - s.start_char)))
    kept: list = []
    for span in spans:
        # Of overlapping mentions with one label, keep the longest ("Fosamax Plus D" over "Fosamax").
        if any(k.label_ == span.label_ and k.start_char < span.end_char and span.start_char < k.end_char for k in kept):
            continue
        kept.append(span)
    by_start = {s.start: s for s in result.sentences}
    for span in kept:
        sent_start = span.sent.start_char
        sentence = by_start.get(sent_start) or result.sentence_at(span.start_char)
        rule = span._.target_rule
        meta = rule.metadata or {}
        start, end = span.start_char, span.end_char
        while end > start and not document.text[end - 1].isalnum() and document.text[end - 1] not in ")":
            end -= 1
        result.mentions.append(
            Mention(
                doc=document,
                label=span.label_,
                normal=meta.get("normal") or span.text.lower(),
                route=meta.get("route"),
                kind=meta.get("kind"),
                start=start,
                end=end,
                sentence=sentence,
                modifiers=frozenset(m.category for m in span._.modifiers),
            )
        )
    return result
