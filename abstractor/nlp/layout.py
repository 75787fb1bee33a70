"""How a document is laid out: logical documents by role, running lines, form answers and boilerplate.

Nothing here reads clinical meaning; it tells the fact readers which text speaks about the patient:
a form question is a fact only through its answer, an unchecked option and a legend never are.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from abstractor.core.document import Document
from abstractor.core.vocabulary import Role
from abstractor.nlp.rules import RuleSet

Answer = Literal["yes", "no", "blank"]
ZoneKind = Literal["question", "example", "unchecked", "boilerplate", "running_line", "choice"]
_LINE = re.compile(r"[^\n\f]*")
_YES_WORDS = frozenset({"yes", "y", "present", "positive"})
_BREAK = re.compile(r"\r?\n|\f")


@dataclass(frozen=True)
class Segment:
    """A logical document inside a file: its role and its pages (1-based, inclusive) and text span."""

    role: Role
    start: int
    end: int
    first_page: int | None = None
    last_page: int | None = None


@dataclass(frozen=True)
class Zone:
    """A span that is not a plain statement about the patient: a form question (with its answer), an
    example list inside a question, an unchecked option, boilerplate or a fax header line."""

    kind: ZoneKind
    start: int
    end: int
    answer: Answer | None = None
    sure: bool = True  # False where the answer was read from column position or a bare Y / N letter


@dataclass
class Layout:
    """A document's segments (by role) and zones, with lookups by offset."""

    segments: list[Segment]
    zones: list[Zone] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.add([])
        self._segment_starts = [s.start for s in self.segments]

    def add(self, zones: list[Zone]) -> None:
        """Add zones found later (boilerplate needs the sentences)."""
        self.zones = sorted([*self.zones, *zones], key=lambda z: (z.start, -z.end))
        self._starts = [z.start for z in self.zones]
        self._longest = max((z.end - z.start for z in self.zones), default=0)

    def role_at(self, offset: int) -> Role:
        """The role of the logical document holding `offset`."""
        index = max(bisect.bisect_right(self._segment_starts, offset) - 1, 0)
        return self.segments[index].role

    def zones_at(self, start: int, end: int) -> list[Zone]:
        """Zones that hold text[start:end] whole, innermost first."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_right(self._starts, start)
        found = [z for z in self.zones[lo:hi] if z.start <= start and end <= z.end]
        return sorted(found, key=lambda z: z.end - z.start)

    def quiet(self, start: int, end: int) -> bool:
        """Whether a value read at text[start:end] is not the patient's (printed, asked or unchecked)."""
        return any(z.kind != "choice" for z in self.zones_at(start, end))


def read_layout(doc: Document, rules: RuleSet) -> Layout:
    """Segments by role (per page for PDFs) and zones of one document."""
    layout_rules = rules.layout
    zones = _running_lines(doc, layout_rules.running_line_min_pages) if doc.pages else []
    segments = _segments(doc, rules)
    zones += _form_zones(doc.text, rules, segments)
    return Layout(segments=segments, zones=zones)


def boilerplate_zones(text: str, sentences: list[tuple[int, int]], rules: RuleSet) -> list[Zone]:
    """Sentences that match a boilerplate pattern (legends, disclaimers, instructions)."""
    patterns = rules.layout_regex["boilerplate"]
    zones = []
    for start, end in sentences:
        flat = " ".join(text[start:end].split())  # legends wrap anywhere in PDF text
        if any(p.search(flat) for p in patterns):
            zones.append(Zone("boilerplate", start, end))
    return zones


# --- roles -------------------------------------------------------------------------------------------


def _role_scores(text: str, rules: RuleSet) -> Counter[Role]:
    scores: Counter[Role] = Counter()
    for role, cues in rules.layout_regex["roles"].items():
        for pattern, weight in cues:
            if pattern.search(text):
                scores[role] += weight
    return scores


def _best_role(scores: Counter[Role]) -> Role | None:
    return scores.most_common(1)[0][0] if scores else None


def _segments(doc: Document, rules: RuleSet) -> list[Segment]:
    if not doc.pages:
        # A text file is the practice's own writing: a note, unless its content says form, letter or cover.
        scores = _role_scores(doc.text, rules)
        role = _best_role(scores)
        if role not in ("pa_form", "letter", "fax_cover") or scores[role] < scores["clinical_note"] + 2:
            role = "clinical_note"  # a note that mentions the PA or has a few boxes is still a note
        return [Segment(role, 0, len(doc.text))]
    out: list[Segment] = []
    for page in doc.pages:
        text = doc.text[page.start : page.end]
        head = "\n".join(text.splitlines()[:12])
        scores = _role_scores(text, rules)
        for role, weight in _role_scores(head, rules).items():
            scores[role] += weight  # the title and the first lines say most about what a page is
        role = _best_role(scores) if sum(scores.values()) >= 3 else None
        if out and (role is None or role == out[-1].role):
            last = out[-1]
            out[-1] = Segment(last.role, last.start, page.end, last.first_page, page.number)
        else:
            out.append(Segment(role or "other", page.start, page.end, page.number, page.number))
    return out


def _running_lines(doc: Document, min_pages: int) -> list[Zone]:
    """Lines (digits blanked) that open or close two or more pages: fax headers and footers."""
    if len(doc.pages) < min_pages:
        return []
    seen: Counter[str] = Counter()
    edges: list[tuple[str, int, int]] = []
    for page in doc.pages:
        lines = [m for m in _LINE.finditer(doc.text, page.start, page.end) if m.group().strip()]
        for m in lines[:2] + lines[-2:]:
            key = re.sub(r"\d+", "#", m.group().strip().lower())
            edges.append((key, m.start(), m.end()))
        seen.update({re.sub(r"\d+", "#", m.group().strip().lower()) for m in lines[:2] + lines[-2:]})
    return [Zone("running_line", start, end) for key, start, end in edges if seen[key] >= min_pages and len(key) >= 12]


# --- forms -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    checked: bool
    underscore: bool


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, blank ones included, without the line break."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    ends = [m.start() for m in _BREAK.finditer(text)] + [len(text)]
    return list(zip(starts, ends, strict=True))


def _form_zones(text: str, rules: RuleSet, segments: list[Segment]) -> list[Zone]:
    rx = rules.layout_regex
    lines = _lines(text)
    zones: list[Zone] = []
    answered_lines: set[int] = set()
    for i, (ls, le) in enumerate(lines):
        marks = _marks(text, ls, le, rx)
        if not marks:
            continue
        # "Yes __ No _X_" reads left of its marks; "___ Osteoporotic fracture" (a blank first) reads right.
        leading = not text[ls : marks[0].start].strip()
        label_before = (marks[0].underscore and not leading) or _yes_no(
            _word_before(text, ls, marks[0].start), rx
        ) is not None
        options = [_option(text, mark, marks, ls, le, label_before, rx) for mark in marks]
        yes_no = [(kind, mark) for (kind, _, _), mark in zip(options, marks, strict=True) if kind]
        kinds = {k for k, _ in yes_no}
        if {"yes", "no"} <= kinds:
            checked = {k for k, m in yes_no if m.checked}
            answer: Answer = "blank" if len(checked) != 1 or "na" in checked else checked.pop()  # type: ignore[assignment]
            # The Yes / No words of the group are the answer's, not a negation of what follows them.
            first = marks[0].start - len(_word_before(text, ls, marks[0].start)) - 1 if label_before else marks[0].start
            last = max(m.end for _, m in yes_no)
            after = re.match(r"[ \t]*[A-Za-z/]+", text[last:le]) if not label_before else None
            zones.append(Zone("choice", max(first, ls), last + (after.end() if after else 0)))
            zones += _question(text, lines, i, max(first, ls), answer, rx)
            answered_lines.add(i)
        elif all(kind is None and hi <= lo for kind, lo, hi in options) and text[ls : marks[0].start].strip():
            # Bare marks in columns ("Postmenopausal woman ( X ) ( )"): the columns' header names them;
            # without one the answer cannot be read, and an unreadable answer is no answer.
            answer = _column_answer(text, lines, i, marks, rx)
            zones += _question(text, lines, i, marks[0].start, answer, rx, sure=False)
            answered_lines.add(i)
        for (kind, lo, hi), mark in zip(options, marks, strict=True):
            if kind is None and not mark.checked and hi > lo:
                zones.append(Zone("unchecked", lo, hi))
    for m in rx["typed_line"].finditer(text):
        i = _line_index(lines, m.start())
        answer = "yes" if m.group("answer").lower().startswith("y") else "no"
        ls = lines[i][0]
        below = not text[ls : m.start()].strip()  # "Y/N: N" on its own line answers the question above
        zones += _question(text, lines, i, m.start(), answer, rx, typed_below=below)
        answered_lines.add(i)
    for m in rx["typed_after_question"].finditer(text):
        i = _line_index(lines, m.start())
        if i in answered_lines:
            continue
        answer = "yes" if m.group("answer").lower().startswith("y") else "no"
        zones += _question(text, lines, i, m.start() + 1, answer, rx)
        answered_lines.add(i)
    for m in rx["typed_after_label"].finditer(text):
        i = _line_index(lines, m.start())
        if i in answered_lines:
            continue
        answer = "yes" if m.group("answer").lower() in _YES_WORDS else "no"
        lone_letter = len(m.group("answer")) == 1 and not text[m.end("label") : m.start("answer")].strip()
        zones.append(Zone("question", m.start("label"), m.end("label"), answer, sure=not lone_letter))
        answered_lines.add(i)
    # In a form, a label followed only by a bare X sits in a Yes or a No column the text does not keep:
    # its answer cannot be read, so it is no answer.
    for seg in segments:
        if seg.role == "pa_form":
            for m in rx["column_mark"].finditer(text, seg.start, seg.end):
                i = _line_index(lines, m.start())
                if i not in answered_lines:
                    zones.append(Zone("question", m.start("label"), m.end("label"), "blank", sure=False))
                    answered_lines.add(i)
    # In a form, a printed question that nobody answered is not a fact.
    covered = {i for z in zones if z.kind == "question" for i in _line_span(lines, z.start, z.end)}
    for seg in segments:
        if seg.role != "pa_form":
            continue
        for i in _line_span(lines, seg.start, seg.end):
            ls, le = lines[i]
            if i in answered_lines or i in covered or "?" not in text[ls:le]:
                continue
            found = _question(text, lines, i, text.index("?", ls) + 1, "blank", rx)
            covered.update(j for z in found for j in _line_span(lines, z.start, z.end))
            zones += found
    return zones


def _line_span(lines: list[tuple[int, int]], start: int, end: int) -> range:
    """Indices of the lines that start within text[start:end] (the line holding `start` included)."""
    return range(_line_index(lines, start), _line_index(lines, max(end - 1, start)) + 1)


def _column_answer(text: str, lines: list[tuple[int, int]], i: int, marks: list[_Mark], rx) -> Answer:
    """The answer of bare marks from the nearest column header above ("Yes  No  Unknown")."""
    for j in range(i - 1, max(i - 40, -1), -1):
        js, je = lines[j]
        if rx["checkbox"].search(text, js, je):
            continue
        words = re.findall(r"[A-Za-z/]+", text[js:je])
        columns = [kind for w in words if (kind := _yes_no(w, rx)) or re.fullmatch(r"(?i)unknown|unsure", w)]
        columns = [c or "na" for c in columns]
        if "yes" in columns and "no" in columns:
            if len(columns) != len(marks):
                return "blank"
            checked = [c for c, m in zip(columns, marks, strict=True) if m.checked]
            return checked[0] if len(checked) == 1 and checked[0] in ("yes", "no") else "blank"  # type: ignore[return-value]
    return "blank"


def _line_index(lines: list[tuple[int, int]], offset: int) -> int:
    return max(bisect.bisect_right(lines, (offset, float("inf"))) - 1, 0)


def _marks(text: str, start: int, end: int, rx) -> list[_Mark]:
    found = []
    for m in rx["checkbox"].finditer(text, start, end):
        checked = m.lastgroup == "checked"
        found.append(_Mark(m.start(), m.end(), checked, m.group().startswith("_")))
    return found


def _word_before(text: str, ls: int, offset: int) -> str:
    before = re.search(r"([A-Za-z/]+)[ \t]*$", text[ls:offset])
    return before.group(1) if before else ""


def _yes_no(word: str, rx) -> str | None:
    for kind, name in (("yes", "answer_yes"), ("no", "answer_no"), ("na", "not_applicable")):
        if word and rx[name].fullmatch(word):
            return kind
    return None


def _option(
    text: str, mark: _Mark, marks: list[_Mark], ls: int, le: int, label_before: bool, rx
) -> tuple[str | None, int, int]:
    """(yes | no | na | None, label start, label end) of one mark's option; the label is empty for a blank."""
    if label_before:
        kind = _yes_no(_word_before(text, ls, mark.start), rx)
        if kind:
            return kind, mark.start, mark.start
        # "Request is for: New start __ Continuation _X_": the label runs back to the previous mark or colon.
        lo = max([m.end for m in marks if m.end <= mark.start] + [ls])
        colon = text.rfind(":", lo, mark.start)
        lo = colon + 1 if colon != -1 else lo
        while lo < mark.start and text[lo].isspace():
            lo += 1
        hi = mark.start
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return None, lo, hi
    after = re.match(r"[ \t]*([A-Za-z/]+)", text[mark.end : le])
    kind = _yes_no(after.group(1) if after else "", rx)
    if kind or (mark.underscore and text[ls : mark.start].strip()):
        return kind, mark.start, mark.start  # a fill-in blank after a label is no option of its own
    following = [m.start for m in marks if m.start > mark.start]
    lo, hi = mark.end, (following[0] if following else le)
    while lo < hi and text[lo].isspace():
        lo += 1
    first_word = re.match(r"\S+", text[lo:hi])
    field = rx["next_field"].search(text, lo + (first_word.end() if first_word else 0), hi)
    if field:
        hi = field.start()  # "[ ] Continuation  Start date 11/18/2025": the label stops where a field starts
    elif not following and mark.checked is False:
        # "[ ] Stoboclo (denosumab-bmwo)" / "Q5157" below; "☐" / "Zoledronic acid" below an empty box
        hi = _wrapped_label_end(text, le, rx, 40 if not text[lo:hi].strip() else 12) or hi
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return None, lo, hi


def _wrapped_label_end(text: str, le: int, rx, longest: int) -> int | None:
    """The end of a short next line that carries a last option's label on (a code wrapped below it)."""
    if le >= len(text) or text[le] != "\n":
        return None
    end = text.find("\n", le + 1)
    end = len(text) if end == -1 else end
    line = text[le + 1 : end]
    if line.strip() and len(line.strip()) <= longest and ":" not in line and not rx["checkbox"].search(line):
        return end
    return None


def _continues(line: str, rx) -> bool:
    """Whether a line carries on the question above it: it starts neither a new item nor a sentence."""
    stripped = line.strip()
    return bool(stripped) and not stripped[:1].isupper() and not rx["question_start"].match(line)


def _question(
    text: str,
    lines: list[tuple[int, int]],
    i: int,
    anchor: int,
    answer: Answer,
    rx,
    typed_below: bool = False,
    sure: bool = True,
) -> list[Zone]:
    """The question zone of an answer on line i (and its example lists), as Zones."""
    ls, _ = lines[i]
    top = i
    lead = text[ls:anchor].strip()
    # The question starts above when the answer line carries no question words, or continues one.
    if typed_below or not lead or _continues(text[ls:anchor], rx):
        for j in range(i - 1, max(i - 4, -1), -1):
            js, je = lines[j]
            line = text[js:je]
            if not line.strip() or rx["checkbox"].search(line) or rx["typed_line"].search(line):
                break
            top = j
            if rx["question_start"].match(line) or line.strip()[:1].isupper():
                break
    start = lines[top][0]
    # The question ends at its question mark, which may wrap onto lines below; else where the answer is.
    end = anchor if anchor > start else lines[i][1]
    question_mark = text.find("?", start, lines[i][1])
    for j in range(i + 1, min(i + 5, len(lines))):
        if question_mark != -1:
            break
        js, je = lines[j]
        line = text[js:je].strip()
        if not line or not _continues(line, rx) or rx["checkbox"].search(text, js, je):
            break
        question_mark = text.find("?", js, je)
    if question_mark != -1:
        end = question_mark + 1
    if typed_below:
        end = max(end, lines[i][0])
    zones = [Zone("question", start, end, answer, sure=sure)]
    if answer == "yes":
        zones += [Zone("example", m.start(), m.end()) for m in rx["example"].finditer(text, start, end)]
    return zones
