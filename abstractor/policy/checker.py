"""The criteria checker: a policy's clause tree evaluated over plain facts with Kleene logic."""

from __future__ import annotations

from datetime import date

from abstractor.core.document import Evidence, unique_evidence
from abstractor.core.policy import Check, FactCatalogue, Node, Policy, Verdict
from abstractor.core.record import CriterionResult, ExclusionResult, Facts, Request
from abstractor.core.truth import Truth, all_of, any_of
from abstractor.policy.predicates import FactView, evaluate


def _node(node: Node, view: FactView, results: dict[str, Verdict]) -> Verdict:
    if node.test is not None:
        verdict = evaluate(node.test, view)
        if node.gap and verdict.status is Truth.UNKNOWN:
            verdict = Verdict(verdict.status, verdict.evidence, (node.gap,))
    else:
        children = [_node(child, view, results) for child in node.children]
        statuses = [c.status for c in children]
        if node.not_ is not None:
            status = statuses[0].negate()
        elif node.all is not None:
            status = all_of(statuses)
        else:
            status = any_of(statuses)
        if status is Truth.UNKNOWN:
            deciding = []
        elif node.not_ is not None:
            deciding = children  # NOT is decided by its child's evidence
        else:
            deciding = [c for c in children if c.status is status]
        gaps = tuple(g for c in children if c.status is Truth.UNKNOWN for g in c.gaps)
        verdict = Verdict(status, unique_evidence([ev for c in deciding for ev in c.evidence]), gaps)
    results[node.id] = verdict
    return verdict


def check(
    policy: Policy,
    facts: Facts,
    request: Request,
    evidence: dict[str, list[Evidence]],
    catalogue: FactCatalogue,
) -> Check:
    """Evaluate every clause; the outcome follows the review-record contract exactly.

    A date of service outside the policy version (see `select_policy(nearest=True)`) leaves every indication
    that is otherwise met unknown, with a gap to confirm the date or the version: the review pends.
    """
    view = FactView(facts, request, evidence, catalogue)
    results: dict[str, Verdict] = {}
    documentation = [(node, _node(node, view, results)) for node in policy.documentation]
    # What every indication also requires: the policy's documentation clauses, and a version in force.
    required = [v for _, v in documentation] + _version_in_force(policy, request)
    indications = []
    for node in policy.indications:
        verdict = _node(node, view, results)
        if required:  # the indication is met only with everything it requires
            parts = [verdict, *required]
            status = all_of(p.status for p in parts)
            evidence = unique_evidence([ev for p in parts for ev in p.evidence]) if status is not Truth.UNKNOWN else []
            verdict = Verdict(status, evidence, tuple(g for p in parts if p.status is Truth.UNKNOWN for g in p.gaps))
            results[node.id] = verdict
        indications.append((node, verdict))
    exclusions = [(node, _node(node, view, results)) for node in policy.exclusions]
    applied = [
        ExclusionResult(id=node.id, text=_title(node), evidence=verdict.evidence)
        for node, verdict in exclusions
        if verdict.status is Truth.MET and verdict.evidence
    ]
    met = [node for node, v in indications if v.status is Truth.MET]
    open_ = [node for node, v in indications if v.status is Truth.UNKNOWN]
    gaps: list[str] = []
    if applied:
        outcome, indication = "does_not_meet_criteria", None
    elif met:
        outcome, indication = "meets_criteria", met[0].id
    elif open_:
        outcome, indication = "insufficient_documentation", None
        for node in open_:
            gaps += _open_gaps(node, results)
        if not gaps:
            gaps = ["documentation that decides the open criteria (see criteria marked unknown)"]
    else:
        outcome, indication = "does_not_meet_criteria", None
    criteria = [
        CriterionResult(
            id=node.id,
            text=_title(node),
            status=results[node.id].status.value,
            evidence=results[node.id].evidence,
            kind="leaf" if node.test is not None else ("all" if node.all is not None else "any"),
            fact=node.test.fact if node.test is not None else None,
        )
        for root in (*policy.indications, *policy.exclusions, *policy.documentation)
        for node in root.walk()
    ]
    return Check(
        outcome=outcome,
        indication=indication,
        approval_months=policy.approval_months if outcome == "meets_criteria" else None,
        criteria=criteria,
        exclusions=applied,
        gaps=list(dict.fromkeys(gaps)),
        results=results,
    )


def _version_in_force(policy: Policy, request: Request) -> list[Verdict]:
    """Unknown, with a gap, when the date of service falls outside this version of the policy; else nothing."""
    if request.date_of_service is None or policy.in_force(date.fromisoformat(request.date_of_service)):
        return []
    gap = (
        f"confirmation of the date of service ({request.date_of_service}) or of the policy version: it falls outside "
        f"{policy.id} version {policy.version} (in force {policy.effective_date} to {policy.end_date or 'now'}), "
        "the version this review applied"
    )
    return [Verdict(Truth.UNKNOWN, [], (gap,))]


def _title(node: Node) -> str:
    return f"{node.title}: {node.text}" if node.title else node.text


def _open_gaps(node: Node, results: dict[str, Verdict]) -> list[str]:
    """What to request for an unknown clause: its verdict carries the gaps of its unknown parts only."""
    verdict = results[node.id]
    return list(verdict.gaps) if verdict.status is Truth.UNKNOWN else []
