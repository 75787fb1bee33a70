"""A reviewer's overrides: checked against the record's types, applied to the chart's facts, and undone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from abstractor.core.document import Evidence
from abstractor.core.errors import OverrideError
from abstractor.core.record import Facts, OverrideResult, Request, ReviewRecord
from abstractor.core.vocabulary import OVERRIDE_TARGETS, STATUSES

# Fields of Facts that say how the facts were read, not what the chart says: never a reviewer's to set.
BOOKKEEPING = ("conflicts", "unconfirmed", "decided_by")
DOUBTS: tuple[Literal["conflicts", "unconfirmed"], ...] = ("conflicts", "unconfirmed")

FactEvidence = dict[str, list[Evidence]]


@dataclass(frozen=True)
class Override:
    """A reviewer's override: a fact's value (`name` a fact of rules/facts.yaml, or `request.<field>`) or a
    policy clause's status (`name` a clause id as in the record's criteria, `value` met, not_met or unknown),
    with the reason and the reviewer. A missing reason or reviewer, or a bad target or status, is refused
    here; a fact's value is checked against the record's type when it is applied."""

    target: Literal["fact", "criterion"]
    name: str
    value: object
    reason: str
    reviewer: str

    def __post_init__(self) -> None:
        if self.target not in OVERRIDE_TARGETS:
            raise OverrideError(f"an override's target is 'fact' or 'criterion', not {self.target!r}")
        what = f"the override of {self.target} {self.name!r}"
        if not isinstance(self.name, str) or not self.name.strip():
            raise OverrideError(f"{what} names no {self.target}")
        if not isinstance(self.reason, str) or not self.reason.strip():
            raise OverrideError(f"{what} needs a reason (why the reviewer overrides the chart's reading)")
        if not isinstance(self.reviewer, str) or not self.reviewer.strip():
            raise OverrideError(f"{what} needs the reviewer's name")
        if self.target == "criterion" and self.value not in STATUSES:
            raise OverrideError(f"{what}: a clause's status is one of {', '.join(STATUSES)}, not {self.value!r}")


@cache
def _adapter(name: str) -> TypeAdapter:
    """The type of a fact (or request field) a reviewer may set; an unknown name is refused."""
    if name.startswith("request."):
        field = Request.model_fields.get(name.removeprefix("request."))
    else:
        field = None if name in BOOKKEEPING else Facts.model_fields.get(name)
    if field is None:
        raise OverrideError(
            f"there is no fact {name!r} to override: name a fact of rules/facts.yaml (a field of the record's "
            "facts, or request.<field> of its request)"
        )
    return TypeAdapter(field.annotation)


def _get(facts: Facts, request: Request, name: str) -> object:
    if name.startswith("request."):
        return getattr(request, name.removeprefix("request."))
    return getattr(facts, name)


def _set(facts: Facts, request: Request, name: str, value: object) -> tuple[Facts, Request]:
    if name.startswith("request."):
        return facts, request.model_copy(update={name.removeprefix("request."): value})
    return facts.model_copy(update={name: value}), request


def fact_value(name: str, value: object) -> object:
    """The override's value as the fact's type, or an OverrideError naming the fact and what is wrong."""
    try:
        return _adapter(name).validate_python(value)
    except ValidationError as exc:
        problems = "; ".join(e["msg"] for e in exc.errors()[:3])
        raise OverrideError(
            f"the override of fact {name!r}: {_shown(value)} is not a value it can take ({problems})"
        ) from None


def _shown(value: object) -> str:
    """A rejected value as an error message may name it: a number, a yes/no or a short word, else its type
    (a list of findings would carry chart quotes, which messages never do)."""
    if value is None or isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 40):
        return repr(value)
    return f"a value of type {type(value).__name__}"


def check_unique(overrides: Sequence[Override]) -> None:
    """Refuse two overrides of the same fact or clause: which would win is not the reviewer's intent."""
    seen: set[tuple[str, str]] = set()
    for o in overrides:
        if (o.target, o.name) in seen:
            raise OverrideError(f"two overrides of {o.target} {o.name!r}: send one, with its reason")
        seen.add((o.target, o.name))


def apply_facts(
    facts: Facts, request: Request, evidence: FactEvidence, overrides: Sequence[Override]
) -> tuple[Facts, Request, FactEvidence, dict[str, OverrideResult]]:
    """The facts with the reviewer's fact overrides applied, and each override as the record lists it.

    An overridden fact is settled: it leaves `conflicts` and `unconfirmed`. Its chart evidence is set aside
    when the value changes (the quotes no longer speak for it) and kept, confirmed, when the reviewer
    confirms the chart's value. What was there is kept in the result, so `machine_facts` can undo it.
    """
    evidence = dict(evidence)
    results = {}
    for o in overrides:
        if o.target != "fact":
            continue
        adapter = _adapter(o.name)
        value, previous = fact_value(o.name, o.value), _get(facts, request, o.name)
        previous_evidence = list(evidence.get(o.name, []))
        if value == previous and previous_evidence:
            evidence[o.name] = [ev.model_copy(update={"unsure": False}) for ev in previous_evidence]
        else:
            evidence.pop(o.name, None)
        doubts = {}
        for kind in DOUBTS:
            names = getattr(facts, kind)
            if o.name in names:
                doubts[kind] = names.index(o.name)
                facts = facts.model_copy(update={kind: [n for n in names if n != o.name]})
        facts, request = _set(facts, request, o.name, value)
        results[o.name] = OverrideResult(
            target="fact",
            name=o.name,
            value=adapter.dump_python(value, mode="json"),
            previous=adapter.dump_python(previous, mode="json"),
            reason=o.reason.strip(),
            reviewer=o.reviewer.strip(),
            previous_evidence=previous_evidence,
            previous_doubts=doubts,
        )
    return facts, request, evidence, results


def machine_facts(record: ReviewRecord) -> tuple[Facts, Request, FactEvidence]:
    """The facts as the machine read them from the chart: the record's, with every fact override it carries
    undone (the last applied first)."""
    facts, request, evidence = record.facts, record.request, dict(record.fact_evidence)
    for o in reversed(record.overrides):
        if o.target != "fact":
            continue
        facts, request = _set(facts, request, o.name, fact_value(o.name, o.previous))
        if o.previous_evidence:
            evidence[o.name] = list(o.previous_evidence)
        else:
            evidence.pop(o.name, None)
        for kind, index in o.previous_doubts.items():
            names = list(getattr(facts, kind))
            names.insert(index, o.name)
            facts = facts.model_copy(update={kind: names})
    return facts, request, evidence


def criterion_result(override: Override, previous: str | None) -> OverrideResult:
    """A clause override as the record lists it; `previous` is the clause's status from the chart alone."""
    return OverrideResult(
        target="criterion",
        name=override.name,
        value=str(override.value),
        previous=previous,
        reason=override.reason.strip(),
        reviewer=override.reviewer.strip(),
    )
