"""The criteria checker: a policy's clause tree evaluated over plain facts with Kleene logic."""

from __future__ import annotations

from abstractor.core.document import Evidence
from abstractor.core.policy import Check, FactCatalogue, Node, Policy, Verdict
from abstractor.core.record import CriterionResult, ExclusionResult, Facts, Request
from abstractor.core.truth import Truth, all_of, any_of
from abstractor.policy.predicates import FactView, evaluate


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for ev in evidence:
        if (key := (ev.source, ev.start, ev.end)) not in seen:
            seen.add(key)
            out.append(ev)
    return out


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
        verdict = Verdict(status, _unique([ev for c in deciding for ev in c.evidence]), gaps)
    results[node.id] = verdict
    return verdict


def check(
    policy: Policy,
    facts: Facts,
    request: Request,
    evidence: dict[str, list[Evidence]],
    catalogue: FactCatalogue,
) -> Check:
    """Evaluate every clause; the outcome follows the review-record contract exactly."""
    view = FactView(facts, request, evidence, catalogue)
    results: dict[str, Verdict] = {}
    indications = [(node, _node(node, view, results)) for node in policy.indications]
    exclusions = [(node, _node(node, view, results)) for node in policy.exclusions]
    documentation = [(node, _node(node, view, results)) for node in policy.documentation]
    docs_status = all_of(v.status for _, v in documentation) if documentation else Truth.MET
    doc_gaps = [g for _, v in documentation if v.status is not Truth.MET for g in v.gaps]

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
    elif met and docs_status is Truth.MET:
        outcome, indication = "meets_criteria", met[0].id
    elif met or open_:
        outcome, indication = "insufficient_documentation", None
        for node in open_ if not met else []:
            gaps += _open_gaps(node, results)
        gaps += doc_gaps if met or docs_status is not Truth.MET else []
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


def _title(node: Node) -> str:
    return f"{node.title}: {node.text}" if node.title else node.text


def _open_gaps(node: Node, results: dict[str, Verdict]) -> list[str]:
    """Gaps of the unknown clauses under an unknown clause, skipping branches already decided."""
    verdict = results[node.id]
    if verdict.status is not Truth.UNKNOWN:
        return []
    if node.test is not None:
        return list(verdict.gaps)
    return [g for child in node.children for g in _open_gaps(child, results)]
