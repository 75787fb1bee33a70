"""The records-request letter to the prescriber: each missing item with the policy clauses it serves."""

from __future__ import annotations

from dataclasses import dataclass

from abstractor.core.policy import Decision, Policy
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
