"""The Dr.Oracle-style necessity summary: verdict first, evidence with numbered citations, then the rest."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import jinja2

from abstractor.core.document import Evidence
from abstractor.core.policy import Check, FactCatalogue, Node, Policy, TrialTest, TScoreTest
from abstractor.core.record import Facts, Flag, Request
from abstractor.core.truth import Truth
from abstractor.report.citations import Citations

SITE_NAMES = {
    "lumbar_spine": "lumbar spine",
    "femoral_neck": "femoral neck",
    "total_hip": "total hip",
    "radius_33": "33% radius",
    "other": "other site",
}
SAFETY_FLAGS = (
    "hypocalcemia_ckd",
    "calcium_vitamin_d_stopped",
    "calcium_vitamin_d_not_documented",
    "dental_evaluation_not_documented",
    "rebound_on_discontinuation",
    "bone_metastases_documented",
    "conflicting_documentation",
)


@cache
def _template(name: str) -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("abstractor.report", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template(name)


@dataclass(frozen=True)
class Line:
    text: str
    marks: str


@dataclass
class SummaryInput:
    """What the summary is written from: the policy, the check, the facts and the flags."""

    bundle_id: str
    policy: Policy
    check: Check
    facts: Facts
    request: Request
    fact_evidence: dict[str, list[Evidence]]
    flags: list[Flag]
    catalogue: FactCatalogue


def summarize(data: SummaryInput) -> tuple[str, Citations]:
    """Render the summary Markdown; every [n] in it resolves in the References list."""
    cite = Citations(data.policy)
    writer = _Writer(data, cite)
    body = _template("summary.md.j2").render(**writer.context())
    body = cite.renumber_by_appearance(body)
    references = _template("references.md.j2").render(references=cite.references, policy=data.policy)
    return body + references, cite


class _Writer:
    def __init__(self, data: SummaryInput, cite: Citations) -> None:
        self.d, self.cite = data, cite

    # --- describing clauses --------------------------------------------------------------------
    def describe(self, node: Node, met: bool) -> str:
        test, facts = node.test, self.d.facts
        if isinstance(test, TScoreTest):
            scores = [
                t
                for t in facts.t_scores
                if t.site in test.sites and (t.value <= test.max if test.max is not None else t.value < test.below)
            ]
            if met and scores:
                t = min(scores, key=lambda s: s.value)
                when = f" ({t.date})" if t.date else ""
                return f"T-score {t.value:g} at the {SITE_NAMES[t.site]}{when}"
            if facts.t_scores:
                lowest = min(facts.t_scores, key=lambda s: s.value)
                return f"lowest documented T-score {lowest.value:g} ({SITE_NAMES[lowest.site]}) does not qualify"
            return "no T-score documented"
        if isinstance(test, TrialTest):
            trials = [
                t
                for t in facts.bisphosphonate_trials
                if (test.route is None or t.route == test.route)
                and (test.drugs is None or t.drug in test.drugs)
                and (test.outcomes is None or t.outcome in test.outcomes)
            ]
            if met and trials:
                return "; ".join(
                    f"{t.drug.replace('_', ' ')} ({t.route})"
                    + (f" for {t.months:g} months" if t.months else "")
                    + f", {t.outcome.replace('_', ' ')}"
                    for t in trials
                )
            route = f"{test.route} " if test.route else ""
            return f"no qualifying {route}bisphosphonate trial documented"
        spec = self.d.catalogue.facts[test.fact]
        label = spec.label
        if getattr(test, "value", None) and test.op == "contains":
            label = str(test.value).replace("_", " ")
        if test.op == "not_empty" and met:
            values = getattr(self.d.facts, test.fact, None) or []
            return f"{spec.label}: {', '.join(str(v).replace('_', ' ') for v in values)}"
        if test.op == "equals":
            label = f"{spec.label}: {test.value}"
        if test.op == "is_false":
            return f"{spec.label}: no" if met else f"{spec.label}: yes"
        if met:
            return label
        return f"not documented: {label}" if _silent(self.d, test.fact) else f"no {label}"

    def leaves(self, node: Node, status: Truth) -> list[Node]:
        """The leaves that decided `node`'s status."""
        result = self.d.check.results[node.id].status
        if result is not status:
            return []
        if node.test is not None:
            return [node]
        if node.not_ is not None:
            return self.leaves(node.not_, status.negate())
        children = node.children
        if (node.any is not None) == (status is Truth.MET):
            children = [c for c in children if self.d.check.results[c.id].status is status]
        return [leaf for c in children for leaf in self.leaves(c, status)]

    def line(self, node: Node, met: bool) -> Line:
        evidence = self.d.check.results[node.id].evidence
        return Line(self.describe(node, met), self.cite.marks(evidence, node.id))

    # --- sections ------------------------------------------------------------------------------
    def context(self) -> dict:
        d, check = self.d, self.d.check
        indication = (
            d.policy.indications[[n.id for n in d.policy.indications].index(check.indication)]
            if check.indication
            else None
        )
        support = [self.line(n, True) for n in self._distinct(self.leaves(indication, Truth.MET))] if indication else []
        against, open_ = [], []
        exclusions = []
        for x in check.exclusions:
            node = d.policy.clause(x.id)
            results = self.d.check.results
            found = "; ".join(
                dict.fromkeys(self.describe(n, results[n.id].status is Truth.MET) for n in self.leaves(node, Truth.MET))
            )
            exclusions.append(Line(f"{node.title or node.text} ({found})", self.cite.marks(x.evidence, x.id)))
        if check.outcome != "meets_criteria" and not check.exclusions:
            for node in d.policy.indications:
                status = check.results[node.id].status
                if status is Truth.NOT_MET and self._engaged(node):
                    described = {self.describe(n, False): n for n in reversed(self.leaves(node, Truth.NOT_MET))}
                    reasons = [self.line(n, False) for n in list(reversed(described.values()))[:8]]
                    against.append((f"{node.id}. {node.title}", reasons))
                elif status is Truth.UNKNOWN:
                    met = [self.line(n, True) for n in self._distinct(self._met_leaves(node))]
                    open_.append((f"{node.id}. {node.title}", met))
        other_met = [
            n
            for n in d.policy.indications
            if check.results[n.id].status is Truth.MET and (indication is None or n.id != indication.id)
        ]
        return {
            "bundle_id": d.bundle_id,
            "policy": d.policy,
            "outcome": check.outcome,
            "title": self._title(),
            "verdict": self._verdict(indication, support, exclusions),
            "indication": indication,
            "indication_mark": self.cite.marks(clause=indication.id) if indication else "",
            "support": support,
            "exclusions": exclusions,
            "against": against,
            "open": open_,
            "other_met": [f"{n.id}. {n.title}" for n in other_met],
            "response": self._response(),
            "dosing": self._dosing(),
            "coding": self._coding(),
            "gaps": check.gaps,
            "safety": [f for f in d.flags if f.code in SAFETY_FLAGS],
            "coding_flags": [f for f in d.flags if f.code not in SAFETY_FLAGS],
        }

    def _distinct(self, nodes: list[Node]) -> list[Node]:
        """One clause per finding (two clauses met by the same T-score show it once), before anything is cited."""
        return list({self.describe(n, True): n for n in reversed(nodes)}.values())[::-1]

    def _engaged(self, node: Node) -> bool:
        """An indication worth explaining: part of it is met and its population (a leaf directly under it) fits."""
        results = self.d.check.results
        children = node.children
        if any(c.test is not None and results[c.id].status is Truth.NOT_MET for c in children):
            return False
        return any(results[c.id].status is Truth.MET for c in children) or len(self.d.policy.indications) == 1

    def _met_leaves(self, node: Node) -> list[Node]:
        return [n for n in node.walk() if n.test is not None and self.d.check.results[n.id].status is Truth.MET]

    def _product(self) -> str:
        r = self.d.request
        product = r.product or "denosumab"
        dose = f" {r.dose_mg:g} mg" if r.dose_mg is not None else ""
        return f"{product}{dose}"

    def _title(self) -> str:
        return f"Medical Necessity Determination: {self._product()} ({self.d.policy.document})"

    def _verdict(self, indication: Node | None, support: list[Line], exclusions: list[Line]) -> str:
        d, r = self.d, self.d.request
        schedule = f" every {r.interval_months:g} months" if r.interval_months else ""
        what = f"{self._product()} subcutaneously{schedule}"
        if d.check.outcome == "meets_criteria":
            facts = "; ".join(f"{s.text} {s.marks}" for s in support[:4])
            return (
                f"**Meets criteria.** {what} is medically necessary under {d.policy.document} indication "
                f"{indication.id}, {indication.title} {self.cite.marks(clause=indication.id)}, for "
                f"{d.check.approval_months} months: {facts}."
            )
        if exclusions:
            why = "; ".join(f"{x.text} {x.marks}" for x in exclusions)
            return f"**Does not meet criteria.** {what} is not medically necessary under {d.policy.document}: {why}."
        if d.check.outcome == "insufficient_documentation":
            return (
                f"**Insufficient documentation.** {what} cannot be approved under {d.policy.document} until the "
                f"chart documents: {'; '.join(d.check.gaps)}."
            )
        return (
            f"**Does not meet criteria.** {what} is not medically necessary under {d.policy.document}: "
            f"no indication is met {self.cite.marks(clause='indications')}."
        )

    def _response(self) -> list[Line]:
        if not self.d.facts.on_denosumab:
            return []
        by_site = defaultdict(list)
        for t in self.d.facts.t_scores:
            by_site[t.site].append(t)
        lines = []
        for site, scores in by_site.items():
            dated = sorted((t for t in scores if t.date), key=lambda t: t.date)
            if len(dated) >= 2:
                first, last = dated[0], dated[-1]
                change = f", {last.percent_change:+g}% BMD" if last.percent_change is not None else ""
                lines.append(
                    Line(
                        f"{SITE_NAMES[site]} T-score {first.value:g} ({first.date}) to {last.value:g} "
                        f"({last.date}){change}",
                        self.cite.marks(first.evidence[:1] + last.evidence[:1]),
                    )
                )
        if self.d.facts.no_new_fracture:
            lines.append(
                Line("no new fracture on therapy", self.cite.marks(self.d.fact_evidence.get("no_new_fracture", [])[:1]))
            )
        return lines

    def _dosing(self) -> list[Line]:
        p, r = self.d.policy, self.d.request
        policy_line = Line(
            f"Policy dosing: {p.dosing.dose_mg:g} mg {p.dosing.route} every {p.dosing.interval_months:g} months",
            self.cite.marks(clause=p.dosing.clause),
        )
        ev = self.d.fact_evidence
        requested = Line(
            f"Requested: {r.product or 'product not documented'}, "
            + (f"{r.dose_mg:g} mg" if r.dose_mg is not None else "dose not documented")
            + (f" every {r.interval_months:g} months" if r.interval_months else ", interval not documented")
            + (f", date of service {r.date_of_service}" if r.date_of_service else ""),
            self.cite.marks(
                ev.get("request.product", [])[:1]
                + ev.get("request.dose_mg", [])[:1]
                + ev.get("request.date_of_service", [])[:1]
            ),
        )
        return [requested, policy_line]

    def _coding(self) -> list[Line]:
        r, ev, f = self.d.request, self.d.fact_evidence, self.d.facts
        lines = []
        if r.hcpcs:
            units = f", {r.units} units" if r.units is not None else ""
            lines.append(Line(f"HCPCS {', '.join(r.hcpcs)}{units}", self.cite.marks(ev.get("request.hcpcs", [])[:1])))
        if r.admin_cpt:
            lines.append(
                Line(
                    f"Administration CPT {', '.join(r.admin_cpt)}",
                    self.cite.marks(ev.get("request.admin_cpt", [])[:1]),
                )
            )
        if f.icd10:
            lines.append(Line(f"ICD-10-CM documented: {', '.join(f.icd10)}", self.cite.marks(ev.get("icd10", [])[:2])))
        return lines


def _silent(d: SummaryInput, fact: str) -> bool:
    if fact.startswith("request."):
        return getattr(d.request, fact.removeprefix("request.")) in (None, [])
    return getattr(d.facts, fact) in (None, [])
