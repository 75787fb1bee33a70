"""The one loader of policy files: strict schema, unique clause ids, known facts; selection by id and date."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal, get_args, get_origin

from abstractor.core.datafile import load_model, read_data, validated
from abstractor.core.errors import PolicyNotFoundError, RulesFileError
from abstractor.core.policy import COMPARISONS, OPERATORS, Contains, Equals, FactCatalogue, Policy, tests_in
from abstractor.core.record import Facts
from abstractor.core.resources import rules_path
from abstractor.core.settings import DEFAULT_POLICY


@cache
def load_catalogue(path: Path | None = None) -> FactCatalogue:
    """The fact catalogue rules/facts.yaml."""
    return load_model(path or rules_path("facts.yaml"), FactCatalogue)


def load_policy(path: Path, catalogue: FactCatalogue | None = None) -> Policy:
    """Load one policy file; every error names the file, the clause and the fix."""
    catalogue = catalogue or load_catalogue()
    data = read_data(path)
    if isinstance(data, dict):
        for i, clause in enumerate(_raw_clauses(data)):
            op = (clause.get("test") or {}).get("op") if isinstance(clause.get("test"), dict) else None
            if op is not None and op not in OPERATORS:
                raise RulesFileError(
                    path,
                    f"clause {clause.get('id', f'#{i}')!r}: unknown operator {op!r}",
                    f"use one of {', '.join(OPERATORS)}",
                )
    policy = validated(path, data, Policy)
    seen: set[str] = set()
    for clause in policy.clauses():
        if clause.id in seen:
            raise RulesFileError(path, f"clause id {clause.id!r} appears twice", "give every clause its own id")
        seen.add(clause.id)
        if clause.test is not None:
            for test in tests_in(clause.test):
                if test.fact not in catalogue.facts:
                    raise RulesFileError(
                        path,
                        f"clause {clause.id!r} tests unknown fact {test.fact!r}",
                        f"use a fact listed in rules/facts.yaml ({', '.join(sorted(catalogue.facts))}) or add it there",
                    )
                if test.op in COMPARISONS and catalogue.facts[test.fact].type != "number":
                    numbers = sorted(name for name, spec in catalogue.facts.items() if spec.type == "number")
                    raise RulesFileError(
                        path,
                        f"clause {clause.id!r} compares {test.fact!r} with a number, but it is not a measured number",
                        f"compare one of {', '.join(numbers)}",
                    )
                allowed = _vocabulary(test.fact)
                if isinstance(test, Equals | Contains) and allowed and test.value not in allowed:
                    raise RulesFileError(
                        path,
                        f"clause {clause.id!r}: {test.fact} never takes the value {test.value!r}",
                        f"use one of {', '.join(allowed)}",
                    )
    return policy


def _vocabulary(fact: str) -> tuple[str, ...]:
    """The values a fact of closed vocabulary takes (its Literal, alone or in a list, in the record's Facts);
    empty for an open one (a number, free text, a request field)."""
    field = Facts.model_fields.get(fact)
    pending = [field.annotation] if field else []
    while pending:
        kind = pending.pop()
        if get_origin(kind) is Literal:
            return get_args(kind)
        pending += [arg for arg in get_args(kind) if arg is not type(None)]
    return ()


def _raw_clauses(node):
    if isinstance(node, dict):
        if "id" in node and ("test" in node or "all" in node or "any" in node):
            yield node
        for value in node.values():
            yield from _raw_clauses(value)
    elif isinstance(node, list):
        for item in node:
            yield from _raw_clauses(item)


@cache
def installed_policies(folder: Path | None = None, catalogue_file: Path | None = None) -> tuple[Policy, ...]:
    """Every policy file under rules/policies/ (or `folder`), validated against the fact catalogue, by id then
    effective date."""
    root = folder or rules_path("policies")
    files = sorted(root.rglob("*.yaml"))
    if not files:
        raise PolicyNotFoundError(f"{root}: no policy files installed")
    catalogue = load_catalogue(catalogue_file)
    policies = [load_policy(p, catalogue) for p in files]
    return tuple(sorted(policies, key=lambda p: (p.id, p.effective_date)))


def select_policy(
    policy_id: str = DEFAULT_POLICY,
    date_of_service: str | None = None,
    policies: tuple[Policy, ...] | None = None,
    *,
    nearest: bool = False,
) -> Policy:
    """The version of `policy_id` in force on the date of service (the newest when the date is unknown).

    A date outside every installed version is an error, or with `nearest` gives the nearest version (the
    earliest when the date is before all of them); the caller then pends the review (`Policy.in_force`).
    """
    policies = policies or installed_policies()
    versions = [p for p in policies if p.id.lower() == policy_id.lower()]
    if not versions:
        known = ", ".join(sorted({p.id for p in policies}))
        raise PolicyNotFoundError(f"no installed policy {policy_id!r}; installed: {known} (see `abstractor policies`)")
    if date_of_service is None:
        return versions[-1]
    on = date.fromisoformat(date_of_service)
    in_force = [p for p in versions if p.in_force(on)]
    if in_force:
        return in_force[-1]
    if nearest:
        return min(reversed(versions), key=lambda p: _days_outside(p, on))  # a tie goes to the newer version
    spans = ", ".join(f"{p.effective_date}..{p.end_date or 'now'}" for p in versions)
    raise PolicyNotFoundError(
        f"{policy_id} is not in force on the date of service {on} (installed versions: {spans}); "
        "a request is never reviewed against a policy that was not yet effective"
    )


def _days_outside(policy: Policy, on: date) -> int:
    """How many days `on` lies before the version's effective date or after its end date."""
    if on < policy.effective_date:
        return (policy.effective_date - on).days
    if policy.end_date is not None and on > policy.end_date:
        return (on - policy.end_date).days
    return 0


__all__ = ["installed_policies", "load_catalogue", "load_policy", "select_policy"]
