"""The criteria checker: a policy's clause tree evaluated over plain facts with Kleene logic.

`check` returns the decision tree (`Decision`); everything downstream (the record's criteria and gaps, the
summary, the LLM fallback's questions, the HTML criteria tree) reads that tree and re-derives nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import date

from abstractor.core.document import Evidence, unique_evidence
from abstractor.core.errors import OverrideError
from abstractor.core.policy import Decided, Decision, FactCatalogue, FactRead, Node, OpenFact, Policy, tests_in
from abstractor.core.record import Facts, Request
from abstractor.core.truth import Truth, all_of, any_of
from abstractor.policy.predicates import FactView, evaluate


def check(
    policy: Policy,
    facts: Facts,
    request: Request,
    evidence: dict[str, list[Evidence]],
    catalogue: FactCatalogue,
    *,
    forced: Mapping[str, Truth] | None = None,
    reviewed: Collection[str] = (),
) -> Decision:
    """Evaluate every clause into a decision tree; the outcome follows the review-record contract exactly.

    Every indication also requires the policy's documentation clauses and a version in force on the date of
    service: a date outside the version (see `select_policy(nearest=True)`) leaves every indication that is
    otherwise met unknown, with a gap to confirm the date or the version, so the review pends.

    `forced` maps clause ids to the status a reviewer gave them: such a clause takes that status whatever its
    test or sub-clauses say, and the clauses above it re-derive theirs by the usual Kleene logic. An id the
    policy does not have is an error (`OverrideError`). `reviewed` names the facts a reviewer set: an
    exclusion they (or a forced clause) make apply applies without a chart quote, as one the chart's
    evidence shows does.
    """
    forced = dict(forced or {})
    unknown = sorted(set(forced) - {c.id for c in policy.clauses()})
    if unknown:
        raise OverrideError(
            f"{policy.id} version {policy.version} has no clause {', '.join(unknown)} "
            "(use an id listed under the record's criteria)"
        )
    view = FactView(facts, request, evidence, catalogue)
    # What may approve must not rest on OCR the engine was unsure of; an exclusion may (it only denies).
    documentation = tuple(_decide(node, view, forced, confirmed=True) for node in policy.documentation)
    pending = _version_in_force(policy, request)
    indications = tuple(
        _require(_decide(node, view, forced, confirmed=True), documentation, pending) for node in policy.indications
    )
    exclusions = tuple(_decide(node, view, forced) for node in policy.exclusions)
    # An exclusion applies on the chart's evidence, or because a reviewer said it does.
    applied = tuple(x for x in exclusions if x.status is Truth.MET and (x.evidence or _by_reviewer(x, reviewed)))
    met = [d for d in indications if d.status is Truth.MET]
    open_ = [d for d in indications if d.status is Truth.UNKNOWN]
    gaps: list[str] = []
    if applied:
        outcome, indication = "does_not_meet_criteria", None
    elif met:
        outcome, indication = "meets_criteria", met[0].id
    elif open_:
        outcome, indication = "insufficient_documentation", None
        gaps = [g for d in open_ for g in d.gaps] or ["documentation that decides the open criteria"]
    else:
        outcome, indication = "does_not_meet_criteria", None
    decision = Decision(
        outcome=outcome,
        indication=indication,
        approval_months=policy.approval_months if outcome == "meets_criteria" else None,
        indications=indications,
        exclusions=exclusions,
        documentation=documentation,
        applied=applied,
        gaps=list(dict.fromkeys(gaps)),
        open_facts=(),
        pending=pending,
    )
    return replace(decision, open_facts=_open_facts(decision, view))


def _decide(node: Node, view: FactView, forced: Mapping[str, Truth], *, confirmed: bool = False) -> Decided:
    """Decide a clause and its sub-clauses. With `confirmed`, a leaf met only by values OCR read unsurely
    stays unknown, with a gap asking to confirm them against the page image. A clause in `forced` takes the
    reviewer's status (its sub-clauses are still decided, for display)."""
    decided = _decide_unforced(node, view, forced, confirmed=confirmed)
    status = forced.get(node.id)
    if status is None:
        return decided
    # The chart's evidence still speaks for the clause where the reviewer agrees with it; otherwise nothing does.
    evidence = decided.evidence if status is decided.status else []
    gaps = ()
    if status is Truth.UNKNOWN:
        gaps = decided.gaps or (node.gap or f"documentation that decides clause {node.id}: {node.text}",)
    found = decided.found if status is decided.status else ()
    return replace(
        decided, status=Truth(status), evidence=evidence, gaps=gaps, found=found, unconfirmed=(), forced=True
    )


def _decide_unforced(node: Node, view: FactView, forced: Mapping[str, Truth], *, confirmed: bool) -> Decided:
    if node.test is not None:
        verdict = evaluate(node.test, view)
        gaps = (node.gap,) if node.gap and verdict.status is Truth.UNKNOWN else verdict.gaps
        reads = tuple(FactRead(t.fact, view.silent(t.fact), view.doubtful(t.fact)) for t in tests_in(node.test))
        if confirmed and verdict.status is Truth.MET and verdict.evidence and all(e.unsure for e in verdict.evidence):
            label = view.catalogue.facts[node.test.fact].label
            gap = f"confirmation of the {label} read by OCR from a scanned page with low confidence (see its image)"
            return Decided(node, Truth.UNKNOWN, [], (gap,), reads=reads, unconfirmed=tuple(verdict.evidence))
        return Decided(node, verdict.status, verdict.evidence, gaps, reads=reads, found=verdict.found)
    children = tuple(_decide(child, view, forced, confirmed=confirmed) for child in node.children)
    statuses = [c.status for c in children]
    if node.not_ is not None:
        status = statuses[0].negate()
    elif node.all is not None:
        status = all_of(statuses)
    else:
        status = any_of(statuses)
    decided = Decided(node, status, [], _unknown_gaps(children), children)
    if status is Truth.UNKNOWN:
        return decided
    return replace(decided, evidence=unique_evidence(ev for c in decided.deciding() for ev in c.evidence))


def _by_reviewer(root: Decided, reviewed: Collection[str]) -> bool:
    """Whether a reviewer decided the clause: on its deciding paths, a forced clause or a fact a reviewer set."""
    return any(d.forced or any(r.name in reviewed for r in d.reads) for path in root.paths() for d in path)


def _require(indication: Decided, documentation: tuple[Decided, ...], pending: tuple[str, ...]) -> Decided:
    """An indication is met only with everything it requires: the documentation clauses and a version in
    force. Its tree keeps its own status (`own`) beside the combined one."""
    if not documentation and not pending:
        return indication
    parts = (indication, *documentation)
    status = all_of([*(p.status for p in parts), *([Truth.UNKNOWN] if pending else [])])
    evidence = unique_evidence(ev for p in parts for ev in p.evidence) if status is not Truth.UNKNOWN else []
    return replace(
        indication,
        status=status,
        evidence=evidence,
        gaps=tuple(dict.fromkeys([*_unknown_gaps(parts), *pending])),
        requires=documentation,
        own=indication.status,
    )


def _unknown_gaps(parts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(g for p in parts if p.status is Truth.UNKNOWN for g in p.gaps))


def _version_in_force(policy: Policy, request: Request) -> tuple[str, ...]:
    """A gap when the date of service falls outside this version of the policy; else nothing."""
    if request.date_of_service is None or policy.in_force(date.fromisoformat(request.date_of_service)):
        return ()
    return (
        f"confirmation of the date of service ({request.date_of_service}) or of the policy version: it falls outside "
        f"{policy.id} version {policy.version} (in force {policy.effective_date} to {policy.end_date or 'now'}), "
        "the version this review applied",
    )


def _unforced(root: Decided):
    """The clauses of a tree a reviewer left to the chart: a forced clause and its sub-clauses are settled."""
    if root.forced:
        return
    yield root
    for child in root.children:
        yield from _unforced(child)


def _open_facts(decision: Decision, view: FactView) -> tuple[OpenFact, ...]:
    """Facts the chart is silent or in doubt about that could still change the outcome.

    An indication not met could still be met (unless the review is approved already, when only exclusions
    matter), and an exclusion not applied could still apply. A fact is open in a leaf that is not met and
    reads it silently or doubtfully; it `decides` when such a leaf is unknown (a gap), and not when every such
    leaf was settled by the chart's silence counting as "no" (a fact documented when it exists).
    """
    roots: list[Decided] = []
    if decision.outcome != "meets_criteria":
        roots += [d for d in decision.indications if d.status is not Truth.MET]
        roots += [d for d in decision.documentation if d.status is not Truth.MET]
    roots += [x for x in decision.exclusions if x.status is not Truth.MET]
    leaves: dict[str, list[tuple[Decided, bool]]] = {}
    for root in roots:
        for leaf in _unforced(root):
            if leaf.kind != "leaf" or leaf.status is Truth.MET:
                continue
            for read in leaf.reads:
                if read.silent or read.doubtful:
                    leaves.setdefault(read.name, []).append((leaf, read.silent))
    out = []
    for name, found in leaves.items():
        spec = view.catalogue.facts[name]
        unknown = [leaf for leaf, _ in found if leaf.status is Truth.UNKNOWN]
        first = (unknown or [found[0][0]])[0]
        out.append(
            OpenFact(
                fact=name,
                clause=first.id,
                request=first.gaps[0] if unknown and first.gaps else spec.gap or f"documentation of {spec.label}",
                settled_by=tuple(spec.settled_by),
                decides=bool(unknown),
                silent=found[0][1],
                clauses=tuple(dict.fromkeys(leaf.id for leaf, _ in found)),
            )
        )
    return tuple(out)
