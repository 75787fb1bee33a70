"""The medspaCy pipeline: clinical sentence splitting, target matcher, sectionizer and ConText, built once."""

from __future__ import annotations

import re
import threading

import spacy
from loguru import logger
from medspacy.common.medspacy_matcher import MedspacyMatcher
from medspacy.common.regex_matcher import RegexMatcher
from medspacy.common.util import get_token_for_char
from medspacy.context import ConText, ConTextRule
from medspacy.custom_tokenizer import create_medspacy_tokenizer
from medspacy.section_detection import Sectionizer, SectionRule
from medspacy.target_matcher import TargetMatcher, TargetRule
from spacy.language import Language
from spacy.tokens import Doc

from abstractor.nlp.rules import RuleSet, load_rules

SPAN_GROUP = "medspacy_spans"
# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "vs",
        "approx",
        "e.g",
        "i.e",
        "etc",
        "no",
        "pt",
        "pts",
        "y.o",
        "yo",
        "hx",
        "h/o",
        "s/p",
        "wk",
        "wks",
        "mo",
        "mos",
        "yr",
        "yrs",
        "inc",
        "jr",
        "sr",
        "dept",
    ]
)
# A line at least this long that ends without punctuation wraps into the next one (reflowed PDF text).
_WRAP_WIDTH = 70
_LABEL = re.compile(r"[\w][\w /()&'-]{0,30}:")
_lock = threading.Lock()
_default_rules: list[RuleSet] = []
_pipelines: dict[int, tuple[Language, RuleSet]] = {}  # by id() of a RuleSet kept alive in the value


@Language.component("abstractor_sentences")
def clinical_sentences(doc: Doc) -> Doc:
    """Split clinical text into sentences: at line breaks (unless a line wraps mid-sentence) and at . ? !"""
    text = doc.text  # spaCy rebuilds Doc.text from every token on each access: read it once
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        start = False
        if (prev.is_space and "\n" in prev.text) or "\f" in prev.text:
            start = "\n\n" in prev.text or "\f" in prev.text or not _wraps(text, prev.idx, token)
        elif "\n" in prev.whitespace_:
            start = not _wraps(text, prev.idx + len(prev.text), token)
        elif prev.text in {".", "?", "!"} and prev.whitespace_:
            before = doc[i - 2].text.lower() if i >= 2 else ""
            start = (token.is_title or token.is_upper or token.like_num or token.text[:1] in "-•*#") and (
                before not in _ABBREVIATIONS
            )
        token.is_sent_start = start
    return doc


def _wraps(text: str, newline_at: int, token) -> bool:
    """Whether the line ending at `newline_at` runs on into the line that starts with `token`."""
    line = text[text.rfind("\n", 0, newline_at) + 1 : newline_at].rstrip()
    if not line or line[-1] in ".:;?!" or token.text[:1] in "-•*#" or token.like_num:
        return False
    if token.is_lower:
        return True
    return len(line) >= _WRAP_WIDTH and not _LABEL.match(text, token.idx)


class _TextOnceRegexMatcher(RegexMatcher):
    """medspaCy's RegexMatcher, reading the document text once per document instead of once per pattern.

    spaCy rebuilds `Doc.text_with_ws` from every token on each access; with this project's ~150 regex
    rules that was 73% of the NLP stage (measured by scripts/benchmark.py). Matches are the same.
    """

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        text, matches = doc.text_with_ws, []
        for match_id, patterns in self._patterns.items():
            on_match = self._callbacks[match_id]
            for pattern in patterns:
                for found in pattern.finditer(text):
                    span = doc.char_span(found.start(), found.end())
                    if span is None:
                        start = get_token_for_char(doc, found.start(), resolve=self.resolve_start)
                        end = get_token_for_char(doc, found.end(), resolve=self.resolve_end)
                        span = doc[start.i : len(doc) if end is None else end.i]
                    if len(span):
                        matches.append((match_id, span.start, span.end))
                    if on_match is not None:
                        on_match(self, doc, len(matches) - 1, matches)
        return matches


def _read_text_once(component: object) -> None:
    """Give a medspaCy component's regex matcher the text-once behaviour (a no-op if its layout differs)."""
    for value in vars(component).values():
        inner = getattr(value, "_MedspacyMatcher__regex_matcher", None) if isinstance(value, MedspacyMatcher) else None
        if type(inner) is RegexMatcher:
            inner.__class__ = _TextOnceRegexMatcher


def _section_rules(rules: RuleSet) -> list[SectionRule]:
    out = []
    for entry in rules.sections.sections:
        if entry.pattern:
            out.append(SectionRule(literal=entry.category, category=entry.category, pattern=entry.pattern))
            continue
        names = "|".join(re.escape(h) for h in sorted(entry.headers or [], key=len, reverse=True))
        pattern = rf"(?im)^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*)?(?:{names})(?:\*\*)?[ \t]*(?::|$)(?:\*\*)?"
        out.append(SectionRule(literal=entry.category, category=entry.category, pattern=pattern))
    return out


def _target_rules(rules: RuleSet) -> list[TargetRule]:
    out = []
    for label, entries in rules.targets.targets.items():
        for e in entries:
            literal = e.literal or (e.pattern if isinstance(e.pattern, str) else label)
            metadata = {"normal": e.normal or (e.literal or "").lower(), "route": e.route, "kind": e.kind}
            out.append(TargetRule(literal=literal, category=label, pattern=e.pattern, metadata=metadata))
    return out


def _context_rules(rules: RuleSet) -> list[ConTextRule]:
    return [
        ConTextRule(
            literal=m.literal,
            category=m.category,
            pattern=m.pattern,
            direction=m.direction,
            max_scope=m.max_scope,
            allowed_types=set(m.allowed_types) if m.allowed_types else None,
            excluded_types=set(m.excluded_types) if m.excluded_types else None,
        )
        for m in rules.context.modifiers
    ]


def build_pipeline(rules: RuleSet) -> Language:
    """A fresh pipeline from a rule set (prefer `get_pipeline`, which builds once per process)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = create_medspacy_tokenizer(nlp)
    nlp.add_pipe("abstractor_sentences")
    matcher: TargetMatcher = nlp.add_pipe(
        "medspacy_target_matcher", config={"result_type": "group", "span_group_name": SPAN_GROUP}
    )
    matcher.add(_target_rules(rules))
    sectionizer: Sectionizer = nlp.add_pipe(
        "medspacy_sectionizer", config={"rules": None, "span_attrs": None, "input_span_type": None}
    )
    sectionizer.add(_section_rules(rules))
    context: ConText = nlp.add_pipe(
        "medspacy_context",
        config={"rules": None, "span_attrs": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    context.add(_context_rules(rules))
    for component in (matcher, sectionizer, context):
        _read_text_once(component)
    return nlp


def get_pipeline(rules: RuleSet | None = None) -> tuple[Language, RuleSet]:
    """The pipeline for a rule set (the installed rules by default), built once per process and reused."""
    with _lock:
        if rules is None:
            if not _default_rules:
                _default_rules.append(load_rules())
            rules = _default_rules[0]
        if id(rules) not in _pipelines:
            # PyRuSH (a medspaCy dependency) logs hundreds of DEBUG lines per note through loguru.
            logger.disable("PyRuSH")
            _pipelines[id(rules)] = (build_pipeline(rules), rules)
        return _pipelines[id(rules)]
