"""Extraction: a bundle's Documents in, the record's request, facts and fact evidence out."""

from __future__ import annotations

from datetime import date

from abstractor.core.abstraction import Abstraction
from abstractor.core.document import Document
from abstractor.core.record import Facts, Request
from abstractor.nlp import bone, icd10, patient, therapy
from abstractor.nlp.findings import Findings
from abstractor.nlp.mentions import AnalyzedDocument, analyze
from abstractor.nlp.pipeline import get_pipeline
from abstractor.nlp.request import extract_request
from abstractor.nlp.rules import RuleSet
from abstractor.nlp.values import dates_in

# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset({"date"})


def extract(documents: list[Document], rules: RuleSet | None = None) -> Abstraction:
    """Run the pipeline over the documents and assemble every fact of the review record."""
    _, rules = get_pipeline(rules)
    analyzed = analyze(documents, rules)
    return assemble(analyzed, rules)


def assemble(analyzed: list[AnalyzedDocument], rules: RuleSet) -> Abstraction:
    """Assemble facts from analysed documents (the fact stage, apart from the NLP stage for benchmarks)."""
    out = Findings(
        unsure={
            a.doc.source: [(z.start, z.end) for z in a.layout.zones if z.kind == "question" and not z.sure]
            for a in analyzed
        }
    )
    codes = icd10.codes_in(analyzed, rules)
    out.set("icd10", list(codes), [evs[0] for evs in codes.values()])
    request = extract_request(analyzed, rules, out)
    reference = _reference_date(request, analyzed, rules)
    patient.sex_and_age(analyzed, rules, reference, out)
    patient.menopause(analyzed, rules, out)
    patient.conditions(analyzed, rules, codes, out)
    patient.kidney(analyzed, rules, codes, out)
    patient.fracture_risk(analyzed, rules, out)
    patient.supportive_care(analyzed, rules, out)
    at_sites, sub_regions = bone.policy_sites(bone.t_scores(analyzed, rules))
    out.set("t_scores", at_sites)
    out.set("sub_region_t_scores", sub_regions)
    bone.fractures(analyzed, rules, codes, out)
    therapy.bisphosphonates(analyzed, rules, reference, out)
    therapy.concurrent_therapy(analyzed, rules, out)
    therapy.denosumab_status(analyzed, rules, out)
    therapy.glucocorticoids(analyzed, rules, codes, out)
    cancers = {k: out.values.get(k) for k in ("breast_cancer", "prostate_cancer")}
    therapy.hormone_therapy(analyzed, out.values.get("sex"), cancers, out)
    therapy.barriers(analyzed, out)
    fields = {k: v for k, v in out.values.items() if k in Facts.model_fields}
    facts = Facts(
        **fields,
        conflicts=sorted(set(out.conflicts)),
        unconfirmed=sorted(set(out.unconfirmed)),
        decided_by=dict(sorted(out.decided_by.items())),
    )
    evidence = {k: v for k, v in out.evidence.items() if v}
    return Abstraction(request=request, facts=facts, fact_evidence=evidence, rules_version=rules.version)


def _reference_date(request: Request, analyzed: list[AnalyzedDocument], rules: RuleSet) -> date | None:
    """The date "since ..." durations run to: the date of service, else the latest date in the notes."""
    if request.date_of_service:
        return date.fromisoformat(request.date_of_service)
    found = [
        iso
        for a in analyzed
        for start, _, iso in dates_in(rules.regex["date"], a.doc.text)
        if a.narrative(start) and not a.quiet(start, start + 1)
    ]
    return date.fromisoformat(max(found)) if found else None
