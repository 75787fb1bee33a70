"""Agreement between two annotators' gold sets, for double abstraction: per field, with kappa."""

from __future__ import annotations

from dataclasses import dataclass

from abstractor.evaluation.gold import GoldCase
from abstractor.evaluation.score import cohen_kappa


@dataclass
class FieldAgreement:
    """Two annotators' agreement on one field: cases, raw agreement and Cohen's kappa."""

    name: str
    cases: int
    agreement: float
    kappa: float | None  # categorical fields only


def _comparable(value: object) -> object:
    if isinstance(value, list):
        return tuple(sorted(repr(v) for v in value))
    return value


def agreement(first: list[GoldCase], second: list[GoldCase]) -> tuple[list[FieldAgreement], list[str]]:
    """Per-field agreement over the bundles and fields both annotators stated."""
    by_id = {c.bundle_id: c for c in second}
    only = sorted({c.bundle_id for c in first} ^ set(by_id))
    pairs: dict[str, list[tuple[object, object]]] = {}
    for case in first:
        other = by_id.get(case.bundle_id)
        if other is None:
            continue
        for name, value in case.values.items():
            if name in other.values:
                pairs.setdefault(name, []).append((_comparable(value), _comparable(other.values[name])))
    out = []
    for name, items in sorted(pairs.items()):
        categorical = all(not isinstance(a, tuple | float) and not isinstance(b, tuple | float) for a, b in items)
        out.append(
            FieldAgreement(
                name,
                len(items),
                sum(a == b for a, b in items) / len(items),
                cohen_kappa(items) if categorical else None,
            )
        )
    return out, only
