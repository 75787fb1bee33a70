"""Letters to the prescriber: the records request (each missing item with the policy clauses it serves) and
the denial letter (each clause not met, the exclusion applied, and what documentation would change it)."""

from __future__ import annotations

from dataclasses import dataclass

from abstractor.core.policy import Decided, Decision, Policy
from abstractor.core.record import Request
from abstractor.core.truth import Truth
from abstractor.core.vocabulary import ROLE_LABELS
from abstractor.report.summary import template


@dataclass(frozen=True)
class Item:
    """One item to request: what, the open criteria it serves, and where it is usually found."""

    request: str
    clauses: tuple[str, ...]
    found_in: tuple[str, ...]


def records_request(bundle_id: str, policy: Policy, decision: Decision, request: Request) -> str:
    """The Markdown letter for a review that pends on documentation; empty for any other outcome.

    It reads the decision tree only: one item per gap of the decision, in its order, with the open clauses
    of the pending indications that the gap's facts would settle, and the documents that usually hold them.
    """
    if decision.outcome != "insufficient_documentation":
        return ""
    pending = [d for d in decision.indications if d.status is Truth.UNKNOWN]
    items = []
    for gap in decision.gaps:
        facts = [o for o in decision.open_facts if o.decides and o.request == gap]
        clauses = []
        for indication in pending:
            ids = {d.id for d in indication.walk()}
            for fact in facts:
                for clause_id in fact.clauses:
                    clause = decision.clause(clause_id)
                    if clause_id in ids and clause.status is Truth.UNKNOWN:
                        clauses.append(
                            f"{clause_id}: {clause.clause.text} "
                            f"(indication {indication.id}, {indication.clause.title or indication.clause.text})"
                        )
        found_in = [ROLE_LABELS[role] for fact in facts for role in fact.settled_by]
        items.append(Item(gap, tuple(dict.fromkeys(clauses)), tuple(dict.fromkeys(found_in))))
    return template("records_request.md.j2").render(bundle_id=bundle_id, policy=policy, request=request, items=items)


@dataclass(frozen=True)
class Clause:
    """A clause of the policy as a letter states it: its id, its text, and whether a reviewer decided it."""

    id: str
    text: str
    reviewer: bool = False


@dataclass(frozen=True)
class Denied:
    """An indication not met, or an exclusion applied, with the clauses that decided it."""

    id: str
    title: str
    reviewer: bool
    clauses: tuple[Clause, ...]


def _clause(d: Decided) -> Clause:
    return Clause(d.id, d.clause.title_and_text, d.forced)


def _denied(root: Decided, decision: Decision) -> Denied:
    """A root clause and the clauses that decided it: for an exclusion or an indication the chart engages,
    every clause on the deciding paths that shares its status; for another indication, the parts directly
    under it that failed (its population does not fit, so the rest is moot)."""
    if root.kind == "leaf":  # the clause is its own reason: its heading gives its text
        return Denied(root.id, root.clause.title_and_text, root.forced, ())
    if root in decision.applied or decision.engaged(root):
        parts = [d for path in root.paths() for d in path[1:] if d.status is root.status or d.forced]
    else:
        parts = list(root.alone().deciding()) + [r for r in root.requires if r.status is root.status]
    clauses = dict.fromkeys(_clause(d) for d in parts)
    return Denied(root.id, root.clause.title or root.clause.text, root.forced, tuple(clauses))


def denial_letter(bundle_id: str, policy: Policy, decision: Decision, request: Request) -> str:
    """The Markdown letter for a request that does not meet the criteria; empty for any other outcome.

    It reads the decision tree only: the exclusions applied, else every indication with the clauses not met
    that decided it; then what documentation would change the outcome: for an exclusion, that it no longer
    applies; else, for each indication the chart engages (part of it met, its population fits), the facts
    the chart leaves open in its failed clauses (with the documents that usually hold them) and the clauses
    themselves.
    """
    if decision.outcome != "does_not_meet_criteria":
        return ""
    exclusions = [_denied(x, decision) for x in decision.applied]
    indications = (
        [] if exclusions else [_denied(d, decision) for d in decision.indications if d.status is Truth.NOT_MET]
    )
    changes: dict[str, tuple[list[str], list[str]]] = {}
    if exclusions:
        for x in decision.applied:
            changes[f"documentation that this condition no longer applies: {x.clause.title or x.clause.text}"] = (
                [x.id],
                [],
            )
    else:
        for indication in (d for d in decision.indications if d.status is Truth.NOT_MET and decision.engaged(d)):
            for path in indication.paths():
                leaf = path[-1]
                if leaf.status is not Truth.NOT_MET or leaf.forced:
                    continue
                opened = [o for o in decision.open_facts if leaf.id in o.clauses]
                for o in opened or [None]:
                    what = (
                        o.request if o else f"documentation that {leaf.clause.text[:1].lower()}{leaf.clause.text[1:]}"
                    )
                    clauses, found_in = changes.setdefault(what, ([], []))
                    clauses += [leaf.id] if leaf.id not in clauses else []
                    found_in += [ROLE_LABELS[r] for r in (o.settled_by if o else ()) if ROLE_LABELS[r] not in found_in]
    items = [Item(what, tuple(clauses), tuple(found_in)) for what, (clauses, found_in) in changes.items()]
    return template("denial_letter.md.j2").render(
        bundle_id=bundle_id,
        policy=policy,
        request=request,
        exclusions=exclusions,
        indications=indications,
        items=items,
    )
