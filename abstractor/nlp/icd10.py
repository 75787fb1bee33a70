"""ICD-10-CM codes written in a chart, checked against the full code set that simple-icd-10-cm ships."""

from __future__ import annotations

import warnings
from functools import cache
from types import ModuleType

from abstractor.core.document import Evidence
from abstractor.nlp.mentions import AnalyzedDocument
from abstractor.nlp.rules import RuleSet

# The named patterns of rules/nlp/values.yaml read here (load_rules checks the file has them).
PATTERNS = frozenset({"icd10", "icd10_ambiguous", "icd10_not_code", "icd10_written_as_code"})


@cache
def _code_set() -> ModuleType:
    """The ICD-10-CM release the package ships (no download), parsed once per process on first use.

    Importing the package parses the whole classification (about 2 s and 180 MB), so it is imported here,
    when a chart is first read, and never at import time of abstractor.
    """
    with warnings.catch_warnings():
        # The package reads its data files through a deprecated importlib.resources call; not ours to fix.
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm

    return simple_icd_10_cm


def normalize(written: str) -> str | None:
    """The dotted upper-case form of a written ICD-10-CM code ("m810" -> "M81.0"), or None when not a real code.

    Every category and subcategory counts, billable or not ("M81", "C50"); chapters and blocks ("A00-A09")
    are parts of the classification, not codes.
    """
    code = written.strip().upper()
    if len(code) > 3 and code[3] != ".":
        code = f"{code[:3]}.{code[3:]}"
    return code if _code_set().is_category_or_subcategory(code) else None


def description(code: str) -> str | None:
    """The code set's description of a code ("M81.0" -> "Age-related osteoporosis without ..."), or None."""
    normal = normalize(code)
    return _code_set().get_description(normal) if normal else None


def codes_in(analyzed: list[AnalyzedDocument], rules: RuleSet) -> dict[str, list[Evidence]]:
    """Every real ICD-10-CM code written in the chart, normalised ("M81.0"), with where it is written.

    A code-shaped token is reported when the code set has it, except right after a label that makes it
    another number (lot, NDC, NPI, HCPCS...). A token shaped like something else too (a bare category such
    as "Q10", a form's item number; "J3489", a HCPCS code) counts only where the chart writes it as a code.
    """
    rx = rules.regex
    found: dict[str, list[Evidence]] = {}
    for a in analyzed:
        text = a.doc.text
        for m in rx["icd10"].finditer(text):
            code = normalize(m.group("code"))
            if code is None:
                continue
            before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if rx["icd10_not_code"].search(before):
                continue
            if rx["icd10_ambiguous"].match(m.group("code")) and not rx["icd10_written_as_code"].search(before):
                continue
            found.setdefault(code, []).append(a.doc.evidence(m.start(), m.end()))
    return dict(sorted(found.items()))


def coded(codes: dict[str, list[Evidence]], prefixes: list[str] | tuple[str, ...]) -> list[Evidence]:
    """The evidence of every found code under one of the prefixes ("C50" admits "C50.912")."""
    return [ev for code, evs in codes.items() if code.startswith(tuple(prefixes)) for ev in evs]
