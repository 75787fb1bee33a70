"""The Dr.Oracle-style necessity summary: verdict first, evidence with numbered citations, then the rest."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import jinja2

from abstractor.core.document import Evidence
from abstractor.core.policy import Decided, Decision, FactCatalogue, Policy, TrialTest, TScoreTest, tests_in
from abstractor.core.record import Facts, Flag, MachineDetermination, OverrideResult, Request
from abstractor.core.truth import Truth
from abstractor.core.vocabulary import OUTCOME_LABELS, ROLE_LABELS, SITE_LABELS, STATUS_LABELS
from abstractor.report.citations import Citations

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
def template(name: str) -> jinja2.Template:
    """A Markdown template of report/templates, rendered as plain text."""
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
    """One line of a summary section: its text and citation marks."""

    text: str
    marks: str


@dataclass
class SummaryInput:
    """What the summary is written from: the policy, the checker's decision tree, the facts and the flags."""

    bundle_id: str
    policy: Policy
    decision: Decision
    facts: Facts
    request: Request
    fact_evidence: dict[str, list[Evidence]]
    flags: list[Flag]
    catalogue: FactCatalogue
    overrides: Sequence[OverrideResult] = ()  # a reviewer's overrides, stated near the verdict
    machine: MachineDetermination | None = None  # the outcome from the chart alone, before them


def summarize(data: SummaryInput) -> tuple[str, Citations]:
    """Render the summary Markdown; every [n] in it resolves in the References list."""
    cite = Citations(data.policy)
    writer = _Writer(data, cite)
    body = template("summary.md.j2").render(**writer.context())
    body = cite.renumber_by_appearance(body)
    references = template("references.md.j2").render(references=cite.references, policy=data.policy)
    return body + references, cite


class _Writer:
    """Writes the summary's sections from the decision tree: it describes clauses, it never re-decides them."""

    def __init__(self, data: SummaryInput, cite: Citations) -> None:
        self.d, self.cite = data, cite

    # --- describing clauses --------------------------------------------------------------------
    def describe(self, leaf: Decided) -> str:
        """A leaf in a reviewer's words, from what the checker found for it; a fact a reviewer set says so."""
        text = self._describe(leaf)
        overridden = {o.name for o in self.d.overrides if o.target == "fact"}
        if (
            leaf.clause.test is not None
            and not leaf.forced
            and overridden & {t.fact for t in tests_in(leaf.clause.test)}
        ):
            return f"{text} (reviewer override)"
        return text

    def _describe(self, leaf: Decided) -> str:
        if leaf.forced:
            return f"clause {leaf.id} {STATUS_LABELS[leaf.status.value].lower()} by reviewer override"
        test, facts, met = leaf.clause.test, self.d.facts, leaf.status is Truth.MET
        if isinstance(test, TScoreTest):
            if met and leaf.found:
                t = min(leaf.found, key=lambda s: s.value)
                when = f" ({t.date})" if t.date else ""
                return f"T-score {t.value:g} at the {SITE_LABELS[t.site]}{when}"
            if facts.t_scores:
                lowest = min(facts.t_scores, key=lambda s: s.value)
                return f"lowest documented T-score {lowest.value:g} ({SITE_LABELS[lowest.site]}) does not qualify"
            return "no T-score documented"
        if isinstance(test, TrialTest):
            if met and leaf.found:
                return "; ".join(
                    f"{t.drug.replace('_', ' ')} ({t.route})"
                    + (f" for {t.months:g} months" if t.months else "")
                    + f", {t.outcome.replace('_', ' ')}"
                    for t in leaf.found
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
        silent = leaf.reads[0].silent if leaf.reads else False
        return f"not documented: {label}" if silent else f"no {label}"

    def lines(self, root: Decided, most: int | None = None, *, whole_path: bool = True) -> list[Line]:
        """One line per finding on the paths that decided `root`, citing the chart and the clauses: with
        `whole_path`, every clause on the path below `root` (an approval under 4 cites 4.A and 4.A.i, 4.B and
        4.B.ii.a); otherwise the deciding leaf's."""
        by_text: dict[str, tuple[list[Evidence], list[str]]] = {}
        for path in root.paths():
            leaf = path[-1]
            evidence, clauses = by_text.setdefault(self.describe(leaf), ([], []))
            evidence += [ev for ev in leaf.evidence if ev not in evidence]
            clauses += [d.id for d in ((path[1:] or path) if whole_path else path[-1:]) if d.id not in clauses]
        items = list(by_text.items())[:most]
        return [Line(text, self.cite.marks(evidence, clauses=clauses)) for text, (evidence, clauses) in items]

    # --- sections ------------------------------------------------------------------------------
    def context(self) -> dict:
        """The template's variables."""
        d, decision = self.d, self.d.decision
        indication = decision.met_indication()
        support = self.lines(indication) if indication else []
        exclusions = []
        for x in decision.applied:
            found = "; ".join(dict.fromkeys(self.describe(path[-1]) for path in x.paths()))
            exclusions.append(Line(f"{x.clause.title or x.clause.text} ({found})", self.cite.marks(x.evidence, x.id)))
        against, open_ = [], []
        if decision.outcome != "meets_criteria" and not decision.applied:
            for node in decision.indications:
                if node.status is Truth.NOT_MET and decision.engaged(node):
                    reasons = self.lines(node, most=8, whole_path=False)
                    against.append((f"{node.id}. {node.clause.title}", reasons))
                elif node.status is Truth.UNKNOWN:
                    met = [d for d in node.walk() if d.kind == "leaf" and d.status is Truth.MET]
                    lines: dict[str, Decided] = {}
                    for leaf in met:
                        lines.setdefault(self.describe(leaf), leaf)
                    open_.append(
                        (
                            f"{node.id}. {node.clause.title}",
                            [Line(text, self.cite.marks(leaf.evidence, leaf.id)) for text, leaf in lines.items()],
                        )
                    )
        other_met = [n for n in decision.indications if n.status is Truth.MET and n is not indication]
        return {
            "bundle_id": d.bundle_id,
            "policy": d.policy,
            "outcome": decision.outcome,
            "title": self._title(),
            "verdict": self._verdict(indication, support, exclusions),
            "overrides": self._overrides(),
            "indication": indication.clause if indication else None,
            "indication_mark": self.cite.marks(clause=indication.id) if indication else "",
            "support": support,
            "exclusions": exclusions,
            "against": against,
            "open": open_,
            "other_met": [f"{n.id}. {n.clause.title}" for n in other_met],
            "response": self._response(),
            "dosing": self._dosing(),
            "coding": self._coding(),
            "gaps": self._gaps(),
            "safety": [f for f in d.flags if f.code in SAFETY_FLAGS],
            "coding_flags": [f for f in d.flags if f.code not in SAFETY_FLAGS],
        }

    def _overrides(self) -> list[str]:
        """The reviewer's overrides in words, each with its reason; the machine's outcome first."""
        if not self.d.overrides:
            return []
        machine = self.d.machine
        lines = []
        if machine is not None:
            indication = f", indication {machine.indication}" if machine.indication else ""
            lines.append(f"From the chart alone: {OUTCOME_LABELS[machine.outcome]}{indication}.")
        for o in self.d.overrides:
            if o.target == "fact":
                spec = self.d.catalogue.facts.get(o.name)
                label = spec.label if spec else o.name.replace("_", " ")
                what = f"{label} (`{o.name}`) set to {_value(o.value)}; the chart: {_value(o.previous)}"
            else:
                node = self.d.policy.clause(o.name)
                title = f" ({node.title})" if node is not None and node.title else ""
                was = STATUS_LABELS[o.previous].lower() if o.previous in STATUS_LABELS else "not evaluated"
                what = f"clause {o.name}{title} set to {STATUS_LABELS[o.value].lower()}; the checker: {was}"
            lines.append(f"{what}. Reviewer {_plain(o.reviewer)}: {_plain(o.reason)}")
        return lines

    def _gaps(self) -> list[str]:
        """What to request, each with the documents that would settle it."""
        settled = {o.request: o.settled_by for o in self.d.decision.open_facts if o.decides and o.settled_by}
        out = []
        for gap in self.d.decision.gaps:
            roles = settled.get(gap, ())
            out.append(f"{gap} (found in: {', '.join(ROLE_LABELS[r] for r in roles)})" if roles else gap)
        return out

    def _product(self) -> str:
        r = self.d.request
        product = r.product or "denosumab"
        dose = f" {r.dose_mg:g} mg" if r.dose_mg is not None else ""
        return f"{product}{dose}"

    def _title(self) -> str:
        return f"Medical Necessity Determination: {self._product()} ({self.d.policy.document})"

    def _verdict(self, indication: Decided | None, support: list[Line], exclusions: list[Line]) -> str:
        d, r = self.d, self.d.request
        schedule = f" every {r.interval_months:g} months" if r.interval_months else ""
        what = f"{self._product()} subcutaneously{schedule}"
        if d.decision.outcome == "meets_criteria":
            facts = "; ".join(f"{s.text} {s.marks}" for s in support[:4])
            return (
                f"**Meets criteria.** {what} is medically necessary under {d.policy.document} indication "
                f"{indication.id}, {indication.clause.title} {self.cite.marks(clause=indication.id)}, for "
                f"{d.decision.approval_months} months: {facts}."
            )
        if exclusions:
            why = "; ".join(f"{x.text} {x.marks}" for x in exclusions)
            return f"**Does not meet criteria.** {what} is not medically necessary under {d.policy.document}: {why}."
        if d.decision.outcome == "insufficient_documentation":
            return (
                f"**Insufficient documentation.** {what} cannot be approved under {d.policy.document} until the "
                f"chart documents: {'; '.join(d.decision.gaps)}."
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
                        f"{SITE_LABELS[site]} T-score {first.value:g} ({first.date}) to {last.value:g} "
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


def _plain(text: str) -> str:
    """A reviewer's words on one line, with nothing a citation mark could be mistaken for."""
    return re.sub(r"\[(\d+)\]", r"(\1)", " ".join(text.split()))


def _value(value: object) -> str:
    """A fact's value in words: yes, no, not documented, or the value itself."""
    if value is None or value == []:
        return "not documented"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v).replace("_", " ") for v in value)
    if isinstance(value, str | int | float):
        return str(value).replace("_", " ")
    return json.dumps(value, separators=(", ", ": "))
