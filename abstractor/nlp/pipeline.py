"""The medspaCy pipeline: clinical sentence splitting, target matcher, sectionizer and ConText, built once."""

from __future__ import annotations

import bisect
import functools
import re
import threading
import weakref
from importlib.metadata import version

import numpy
import spacy
from medspacy.common.base_rule import BaseRule
from medspacy.common.medspacy_matcher import MedspacyMatcher
from medspacy.common.regex_matcher import RegexMatcher
from medspacy.context import ConText, ConTextRule
from medspacy.custom_tokenizer import create_medspacy_tokenizer
from medspacy.section_detection import Sectionizer, SectionRule
from medspacy.target_matcher import TargetMatcher, TargetRule
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from abstractor.core.errors import InternalError
from abstractor.nlp.context import LinearConText, check_linear_context
from abstractor.nlp.rules import RuleSet, load_rules

# The span group holding every target match, overlapping ones included.
SPAN_GROUP = "medspacy_spans"
_SENTENCES = "abstractor_sentences"
_CONTEXT = "abstractor_context"
# Where MedspacyMatcher (medspaCy 1.3.1) keeps its RegexMatcher: a private attribute, as no public hook exists.
_REGEX_MATCHER = "_MedspacyMatcher__regex_matcher"
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
_pipelines: weakref.WeakKeyDictionary[RuleSet, Language] = weakref.WeakKeyDictionary()


def clinical_sentences(doc: Doc) -> Doc:
    """Split clinical text into sentences: at line breaks (unless a line wraps mid-sentence) and at . ? !"""
    text = doc.text  # spaCy rebuilds Doc.text from every token on each access: read it once
    starts = [1 if _starts_sentence(doc, text, i) else -1 for i in range(len(doc))]
    if starts:
        # One bulk write: spaCy's Token.is_sent_start setter scans the whole document on each call.
        doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64))
    return doc


def _starts_sentence(doc: Doc, text: str, i: int) -> bool:
    """Whether token `i` starts a sentence."""
    if i == 0:
        return True
    token, prev = doc[i], doc[i - 1]
    if (prev.is_space and "\n" in prev.text) or "\f" in prev.text:
        return "\n\n" in prev.text or "\f" in prev.text or not _wraps(text, prev.idx, token)
    if "\n" in prev.whitespace_:
        return not _wraps(text, prev.idx + len(prev.text), token)
    if prev.text in {".", "?", "!"} and prev.whitespace_:
        before = doc[i - 2].text.lower() if i >= 2 else ""
        return (token.is_title or token.is_upper or token.like_num or token.text[:1] in "-•*#") and (
            before not in _ABBREVIATIONS
        )
    return False


def _wraps(text: str, newline_at: int, token) -> bool:
    """Whether the line ending at `newline_at` runs on into the line that starts with `token`."""
    line = text[text.rfind("\n", 0, newline_at) + 1 : newline_at].rstrip()
    if not line or line[-1] in ".:;?!" or token.text[:1] in "-•*#" or token.like_num:
        return False
    if token.is_lower:
        return True
    return len(line) >= _WRAP_WIDTH and not _LABEL.match(text, token.idx)


class TextOnceRegexMatcher(RegexMatcher):
    """medspaCy's RegexMatcher, reading the document text once per document instead of once per pattern.

    spaCy rebuilds `Doc.text_with_ws` from every token on each access; with this project's ~150 regex
    rules that was 73% of the NLP stage (measured by scripts/benchmark.py). The matches, their order and
    the `on_match` calls are those of `RegexMatcher.__call__` (tests/test_pipeline.py compares the two).

    A pattern is not run at all over a text that lacks every literal one of which any match must contain
    (`required_literals`): nine pattern-document pairs in ten on the sample charts match nothing, and most
    of them are ruled out this way by a substring test instead of a scan.
    """

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The (match_id, start token, end token) of every regex match in `doc`, as `RegexMatcher` finds them."""
        text, matches, starts, folded = doc.text_with_ws, [], None, None
        for match_id, patterns in self._patterns.items():
            on_match = self._callbacks[match_id]
            for pattern in patterns:
                literals = required_literals(pattern)
                if literals is not None:
                    if pattern.flags & re.IGNORECASE:
                        folded = folded if folded is not None else fold_case(text)
                        haystack = folded
                    else:
                        haystack = text
                    if not any(literal in haystack for literal in literals):
                        continue
                for found in pattern.finditer(text):
                    span = doc.char_span(found.start(), found.end())
                    if span is None:
                        starts = starts or [t.idx for t in doc]
                        start = token_for_char(doc, starts, found.start(), self.resolve_start)
                        end = token_for_char(doc, starts, found.end(), self.resolve_end)
                        span = doc[start.i : len(doc) if end is None else end.i]
                    if len(span):
                        matches.append((match_id, span.start, span.end))
                    if on_match is not None:
                        on_match(self, doc, len(matches) - 1, matches)
        return matches


# Under re.IGNORECASE these match ASCII letters that str.lower() does not give: 'ſ' is 's', 'ı' and 'İ' are 'i'.
# With them mapped first, every character that re.IGNORECASE matches to an ASCII letter or digit lowers to it
# (checked over all of Unicode by tests/test_pipeline.py).
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def fold_case(text: str) -> str:
    """`text` with each character that re.IGNORECASE matches to an ASCII letter or digit turned into it."""
    return text.translate(_FOLD).lower()


@functools.cache
def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """ASCII strings one of which every match of `pattern` contains (lowered when the pattern ignores case),
    or None when the pattern promises none. Read from the pattern's parse: a run of literal characters at
    its top level, in a group without inline flags, in a repeat of at least one, or in every branch of an
    alternation. A pattern that cannot be parsed here promises nothing."""
    try:
        from re import _parser

        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private module of the standard library: if it changes, no pattern is skipped
        return None
    found = _required(tree)
    if not found:
        return None
    return frozenset(x.lower() for x in found) if pattern.flags & re.IGNORECASE else frozenset(found)


def _required(sequence) -> set[str] | None:
    from re import _constants as sre

    candidates: list[set[str]] = []
    run = ""
    for op, arg in sequence:
        if op is sre.LITERAL and arg < 128:
            run += chr(arg)
            continue
        if run:
            candidates.append({run})
            run = ""
        inner = None
        if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # a group without inline flags
            inner = _required(arg[3])
        elif op is sre.BRANCH:
            branches = [_required(branch) for branch in arg[1]]
            inner = set().union(*branches) if all(branches) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            inner = _required(arg[2])
        if inner:
            candidates.append(inner)
    if run:
        candidates.append({run})
    candidates = [c for c in candidates if min(map(len, c)) >= 2]
    return max(candidates, key=lambda c: min(map(len, c))) if candidates else None


def token_for_char(doc: Doc, starts: list[int], char: int, resolve: str) -> Token | None:
    """The token at character `char` of `doc`, as medspaCy's `get_token_for_char` resolves it, by bisection.

    `starts` is `[t.idx for t in doc]`. medspaCy 1.3.1 walks every token and rebuilds the text for each call:
    for a regex match not aligned to tokens, once per match. The token starting at `char`, else the one
    before (resolve "left": doc[-1] when `char` is past the last token's start) or after (resolve "right":
    None past the last start). tests/test_pipeline.py compares the two on every offset of the sample charts.
    """
    if char < 0:
        raise ValueError("char_idx must be > 0")
    i = bisect.bisect_left(starts, char)
    if i < len(starts) and starts[i] == char:
        return doc[i]
    if resolve == "left":
        return doc[i - 1] if i < len(starts) else doc[-1]
    if resolve == "right":
        return doc[i] if i < len(starts) else None
    if i < len(starts):
        raise ValueError("resolve must be either 'left' or 'right'")
    return None


def _add_reading_text_once(component: TargetMatcher | Sectionizer | ConText, rules: list[BaseRule]) -> None:
    """Add `rules` to a medspaCy component so that its regex rules run in a TextOnceRegexMatcher.

    medspaCy 1.3.1 offers no hook for this: each component builds a private MedspacyMatcher, which builds a
    private RegexMatcher, and neither takes a matcher as an argument. So this checks that layout, puts an empty
    TextOnceRegexMatcher with the same settings in place of the still empty RegexMatcher, adds the rules
    through the component's public `add`, and checks that every regex rule landed in the new matcher. Any
    other layout (a medspaCy upgrade) raises InternalError at build time rather than silently running slower
    or, worse, losing the regex rules.
    """
    found = [value for value in vars(component).values() if isinstance(value, MedspacyMatcher)]
    stock = getattr(found[0], _REGEX_MATCHER, None) if len(found) == 1 else None
    if type(stock) is not RegexMatcher or stock._patterns:
        raise _layout_changed(
            component, f"one MedspacyMatcher holding an empty RegexMatcher as {_REGEX_MATCHER}, found {stock!r}"
        )
    faster = TextOnceRegexMatcher(
        stock.vocab, flags=stock.flags, resolve_start=stock.resolve_start, resolve_end=stock.resolve_end
    )
    setattr(found[0], _REGEX_MATCHER, faster)
    component.add(rules)
    expected = sum(isinstance(rule.pattern, str) for rule in rules)
    added = sum(len(patterns) for patterns in faster._patterns.values())
    if added != expected or getattr(found[0], _REGEX_MATCHER, None) is not faster:
        raise _layout_changed(component, f"its {expected} regex rules in the TextOnceRegexMatcher, found {added}")


def _layout_changed(component: object, expected: str) -> InternalError:
    return InternalError(
        f"medspaCy {version('medspacy')} is not laid out as the text-once regex matcher of abstractor/nlp/pipeline.py "
        f"expects (written for medspaCy 1.3.1): {type(component).__name__} should have {expected}. "
        "Adapt _add_reading_text_once to this medspaCy version, or install medspaCy 1.3.1."
    )


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
    """A fresh pipeline from a rule set (prefer `get_pipeline`, which builds once per process).

    Raises InternalError if the installed medspaCy is not laid out as the text-once regex matcher expects.
    """
    # spaCy adds components by registered name only. Registering on each build rather than at import keeps
    # importing this module free of side effects and makes sure the name means this function; spaCy accepts
    # the same registration again.
    Language.component(_SENTENCES, func=clinical_sentences)
    nlp = spacy.blank("en")
    nlp.tokenizer = create_medspacy_tokenizer(nlp)
    nlp.add_pipe(_SENTENCES)
    matcher: TargetMatcher = nlp.add_pipe(
        "medspacy_target_matcher", config={"result_type": "group", "span_group_name": SPAN_GROUP}
    )
    _add_reading_text_once(matcher, _target_rules(rules))
    sectionizer: Sectionizer = nlp.add_pipe(
        "medspacy_sectionizer", config={"rules": None, "span_attrs": None, "input_span_type": None}
    )
    _add_reading_text_once(sectionizer, _section_rules(rules))
    # medspaCy's ConText with its pairwise loops made linear (abstractor/nlp/context.py), under the stock name.
    Language.factory(_CONTEXT, func=LinearConText)
    context: LinearConText = nlp.add_pipe(
        _CONTEXT,
        name="medspacy_context",
        config={"rules": None, "span_attrs": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    check_linear_context(context)
    _add_reading_text_once(context, _context_rules(rules))
    return nlp


@functools.cache
def _installed_rules() -> RuleSet:
    return load_rules()


def get_pipeline(rules: RuleSet | None = None) -> tuple[Language, RuleSet]:
    """The pipeline for a rule set (the installed rules by default), built once per process and reused.

    The installed rules are loaded once and held for the life of the process, so their pipeline is too.
    Other rule sets (tests, evaluation of edited rules) get a pipeline cached in a WeakKeyDictionary keyed
    by the RuleSet object itself: RuleSet compares and hashes by identity, so the key cannot be confused
    with another rule set the way a reused id() could, and the pipeline is dropped with its rule set rather
    than kept forever. Building holds a lock, so concurrent callers share one pipeline.
    """
    with _lock:
        if rules is None:
            rules = _installed_rules()
        nlp = _pipelines.get(rules)
        if nlp is None:
            nlp = _pipelines[rules] = build_pipeline(rules)
        return nlp, rules
