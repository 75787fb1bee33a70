"""Collecting fact values with their evidence, and marking facts the chart contradicts itself on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from abstractor.core.document import Evidence, unique_evidence


@dataclass
class Findings:
    """Fact values, their evidence (keyed by fact name), the facts found conflicting, and the facts whose
    only evidence is a form answer the reader could not read with certainty (`unsure`: spans by source)."""

    values: dict[str, object] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    unsure: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    unconfirmed: list[str] = field(default_factory=list)
    decided_by: dict[str, str] = field(default_factory=dict)  # where documents disagreed: which source won

    def set(self, name: str, value: object, evidence: Iterable[Evidence] = ()) -> None:
        """Record a value; evidence is kept for non-empty values only."""
        self.values[name] = value
        evs = unique_evidence(evidence)
        if value not in (None, [], "") and evs:
            self.evidence[name] = unique_evidence([*self.evidence.get(name, []), *evs])

    def boolean(
        self, name: str, yes: Iterable[Evidence], no: Iterable[Evidence], *, conflicting: bool = False
    ) -> bool | None:
        """True when the chart affirms, False when it only denies, None when silent.

        With both, `conflicting` facts (a status that cannot be both) become None with both pieces of
        evidence and the fact named in `conflicts`; other facts (something ever documented) are True.
        """
        yes, no = unique_evidence(yes), unique_evidence(no)
        if yes and no and conflicting:
            self.values[name] = None
            self.evidence[name] = yes + no
            self.conflicts.append(name)
            return None
        value = True if yes else (False if no else None)
        self.set(name, value, yes or no)
        if value is not None and all(self._unsure(ev) for ev in yes or no):
            self.unconfirmed.append(name)  # a column-read box or a bare "N" decides nothing alone
        return value

    def _unsure(self, ev: Evidence) -> bool:
        return any(s < ev.end and ev.start < e for s, e in self.unsure.get(ev.source, []))
