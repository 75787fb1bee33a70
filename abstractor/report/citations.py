"""Numbered citations: each [n] resolves to a chart quote or to a policy clause."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from abstractor.core.document import Evidence
from abstractor.core.policy import Policy


@dataclass(frozen=True)
class Reference:
    """A numbered reference: a chart quote with its offsets, or a policy clause."""

    number: int
    kind: str  # "chart" or "policy"
    source: str
    page: int | None
    text: str
    clause: str | None = None
    start: int | None = None
    end: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # for a quote read by OCR: its box on the page image
    confidence: float | None = None  # for a quote read by OCR: the engine's lowest confidence in it


@dataclass
class Citations:
    """Assigns numbers in order of first use; the same quote or clause keeps its number."""

    policy: Policy
    references: list[Reference] = field(default_factory=list)
    _index: dict[tuple, int] = field(default_factory=dict)

    def _add(self, key: tuple, make) -> int:
        if key not in self._index:
            self._index[key] = len(self.references) + 1
            self.references.append(make(self._index[key]))
        return self._index[key]

    def quote(self, ev: Evidence) -> int:
        """The number of a chart quote (a new one the first time it is cited)."""
        return self._add(
            ("chart", ev.source, ev.start, ev.end),
            lambda n: Reference(
                n,
                "chart",
                ev.source,
                ev.page,
                " ".join(ev.quote.split()),
                start=ev.start,
                end=ev.end,
                bbox=ev.bbox,
                confidence=ev.confidence,
            ),
        )

    def clause(self, clause_id: str) -> int:
        """The number of a policy clause (a new one the first time it is cited)."""
        node = self.policy.clause(clause_id)
        if node is not None:
            text = f"{node.title}: {node.text}" if node.title else node.text
        elif clause_id == self.policy.dosing.clause:
            text = self.policy.dosing.text
        else:
            text = self.policy.indications_text
        return self._add(("policy", clause_id), lambda n: Reference(n, "policy", self.policy.id, None, text, clause_id))

    def marks(
        self, evidence: list[Evidence] = (), clause: str | None = None, most: int = 3, clauses: Sequence[str] = ()
    ) -> str:
        """Citation marks for up to `most` pieces of evidence and the clauses (`clause`, then `clauses`):
        "[1][2][5]"."""
        numbers = [self.quote(ev) for ev in list(evidence)[:most]]
        for clause_id in ([clause] if clause else []) + list(clauses):
            numbers.append(self.clause(clause_id))
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))

    def renumber_by_appearance(self, text: str) -> str:
        """Number the references in the order the text first cites them; returns the text renumbered."""
        order = list(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", text)))
        order += [r.number for r in self.references if r.number not in order]
        new = {old: i for i, old in enumerate(order, start=1)}
        self.references = sorted((replace(r, number=new[r.number]) for r in self.references), key=lambda r: r.number)
        self._index = {key: new[n] for key, n in self._index.items()}
        return re.sub(r"\[(\d+)\]", lambda m: f"[{new[int(m.group(1))]}]", text)
