"""The one loader for the NLP rule files under rules/nlp/ and rules/icd10.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from abstractor.core.datafile import load_model
from abstractor.core.errors import RulesFileError
from abstractor.core.resources import rules_path
from abstractor.core.vocabulary import SITES, Role, Route, Site


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TargetEntry(_Strict):
    """One target rule: a literal or a pattern, the normal form it reports, and optional route and kind."""

    literal: str | None = None
    pattern: str | list[dict] | None = None
    normal: str | None = None
    route: Route | None = None
    kind: str | None = None

    @model_validator(mode="after")
    def _has_text(self) -> TargetEntry:
        if not self.literal and not self.pattern:
            raise ValueError("an entry needs a literal or a pattern")
        if isinstance(self.pattern, str):
            re.compile(self.pattern)
        return self


class TargetsFile(_Strict):
    """rules/nlp/targets.yaml: target rules by concept label."""

    version: str
    targets: dict[str, list[TargetEntry]]


Direction = Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"]


class ContextEntry(_Strict):
    """One ConText modifier: its cue, category, direction and scope."""

    literal: str
    category: str
    direction: Direction
    pattern: str | list[dict] | None = None
    max_scope: int | None = Field(default=None, gt=0)
    allowed_types: list[str] | None = None
    excluded_types: list[str] | None = None


class ContextFile(_Strict):
    """rules/nlp/context.yaml: the ConText modifiers."""

    version: str
    modifiers: list[ContextEntry]


class SectionEntry(_Strict):
    """One section rule: a category and either its header words or a pattern."""

    category: str
    headers: list[str] | None = None
    pattern: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> SectionEntry:
        if bool(self.headers) == bool(self.pattern):
            raise ValueError("give either headers or a pattern")
        return self


class SectionsFile(_Strict):
    """rules/nlp/sections.yaml: the section rules."""

    version: str
    sections: list[SectionEntry]


class ValuesFile(_Strict):
    """rules/nlp/values.yaml: named value patterns, the phrases naming each bone and fracture site, prednisone
    equivalents and thresholds. Which patterns and thresholds must be present is checked by `load_rules`
    against what the extractors declare they read (abstractor.nlp.rule_keys)."""

    version: str
    patterns: dict[str, str]
    sites: dict[Site, str]
    fracture_sites: dict[str, str]
    prednisone_equivalents: dict[str, float]
    thresholds: dict[str, float]

    @model_validator(mode="after")
    def _complete(self) -> ValuesFile:
        missing_sites = [site for site in SITES if site not in self.sites]
        if missing_sites:
            raise ValueError(f"sites missing: {', '.join(missing_sites)} (every bone site needs its phrases)")
        for name, pattern in {**self.patterns, **self.sites, **self.fracture_sites}.items():
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {name!r} does not compile: {exc}") from None
        return self


# A dotted ICD-10-CM code or code prefix as the chart's codes are normalised: "C50", "C79.5", "N18.4".
Icd10Prefix = Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")]
# The facts patient.py reads from icd10.yaml: the file names each of them, and nothing else.
CODED_FACTS = frozenset({"breast_cancer", "prostate_cancer", "bone_metastases", "severe_renal_impairment"})


class Icd10File(_Strict):
    """Which ICD-10-CM codes, once found in a chart, are also evidence for a fact (by code prefix)."""

    version: str
    facts: dict[str, list[Icd10Prefix]]
    ckd_stages: dict[Icd10Prefix, Annotated[int, Field(ge=1, le=5)]]

    @model_validator(mode="after")
    def _known_facts(self) -> Icd10File:
        missing, unknown = CODED_FACTS - self.facts.keys(), self.facts.keys() - CODED_FACTS
        if missing or unknown:
            raise ValueError(
                f"facts must be exactly {', '.join(sorted(CODED_FACTS))}"
                + (f"; missing {', '.join(sorted(missing))}" if missing else "")
                + (f"; unknown {', '.join(sorted(unknown))}" if unknown else "")
            )
        return self


class RoleCue(_Strict):
    """A pattern that speaks for a document role, with the weight it adds."""

    pattern: str
    weight: int = Field(gt=0)


class CheckboxRules(_Strict):
    """How a form's marks and typed answers are written (see rules/README.md)."""

    checked: str
    unchecked: str
    answer_yes: str
    answer_no: str
    not_applicable: str
    typed_line: str
    typed_after_question: str
    typed_after_label: str
    column_mark: str
    next_field: str
    question_start: str
    example: str


class LayoutFile(_Strict):
    """rules/nlp/layout.yaml: role cues (each role one of abstractor.core.vocabulary.ROLES), the narrative
    roles, running lines, checkbox marks and boilerplate."""

    version: str
    roles: dict[Role, list[RoleCue]]
    narrative_roles: list[Role]
    running_line_min_pages: int = Field(ge=2)
    checkbox: CheckboxRules
    boilerplate: list[str]

    @model_validator(mode="after")
    def _compiles(self) -> LayoutFile:
        patterns = [c.pattern for cues in self.roles.values() for c in cues] + self.boilerplate
        patterns += list(self.checkbox.model_dump().values())
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
        unknown = set(self.narrative_roles) - self.roles.keys()
        if unknown:
            raise ValueError(f"narrative_roles names roles not defined: {', '.join(sorted(unknown))}")
        return self


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Every NLP rule file, validated; `version` names the combination for provenance.

    Compared and hashed by identity (eq=False), so a RuleSet can key the per-rule-set pipeline cache.
    """

    targets: TargetsFile
    context: ContextFile
    sections: SectionsFile
    values: ValuesFile
    icd10: Icd10File
    layout: LayoutFile

    @property
    def version(self) -> str:
        """The rule-set version (every file of rules/nlp carries the same one)."""
        return self.targets.version

    @cached_property
    def regex(self) -> dict[str, re.Pattern[str]]:
        """The value patterns of values.yaml, compiled once."""
        return {name: re.compile(p, re.MULTILINE) for name, p in self.values.patterns.items()}

    @cached_property
    def layout_regex(self) -> dict:
        """The layout rules compiled once: role cues with weights, checkbox marks, boilerplate."""
        box = self.layout.checkbox
        compiled: dict = {
            "roles": {
                role: [(re.compile(c.pattern, re.MULTILINE), c.weight) for c in cues]
                for role, cues in self.layout.roles.items()
            },
            "boilerplate": [re.compile(p) for p in self.layout.boilerplate],
            "checkbox": re.compile(f"(?P<checked>{box.checked})|(?P<unchecked>{box.unchecked})"),
        }
        for name in (
            "answer_yes",
            "answer_no",
            "not_applicable",
            "typed_line",
            "typed_after_question",
            "typed_after_label",
            "column_mark",
            "next_field",
            "question_start",
            "example",
        ):
            compiled[name] = re.compile(getattr(box, name), re.MULTILINE)
        return compiled

    @cached_property
    def site_regex(self) -> dict[Site, re.Pattern[str]]:
        """The phrases naming each bone-density site, compiled once."""
        return {name: re.compile(p) for name, p in self.values.sites.items()}

    @cached_property
    def fracture_site_regex(self) -> dict[str, re.Pattern[str]]:
        """The phrases naming each fracture site, compiled once."""
        return {name: re.compile(p) for name, p in self.values.fracture_sites.items()}


def load_rules(folder: Path | None = None) -> RuleSet:
    """Load and validate every NLP rule file from rules/ (or `folder`).

    Besides each file's schema, the values file must hold every pattern and threshold an extractor reads
    (`_check_rule_keys`), so that a file missing one fails here, not in the middle of a review.
    """
    root = folder or rules_path()
    values_path = root / "nlp" / "values.yaml"
    rules = RuleSet(
        targets=load_model(root / "nlp" / "targets.yaml", TargetsFile),
        context=load_model(root / "nlp" / "context.yaml", ContextFile),
        sections=load_model(root / "nlp" / "sections.yaml", SectionsFile),
        values=load_model(values_path, ValuesFile),
        icd10=load_model(root / "icd10.yaml", Icd10File),
        layout=load_model(root / "nlp" / "layout.yaml", LayoutFile),
    )
    _check_rule_keys(values_path, rules.values)
    versions = {
        rules.targets.version,
        rules.context.version,
        rules.sections.version,
        rules.values.version,
        rules.layout.version,
    }
    if len(versions) > 1:
        raise RulesFileError(
            root / "nlp",
            f"rule files carry different versions {sorted(versions)}",
            "give every file of rules/nlp the same version when you change one",
        )
    return rules


def _check_rule_keys(path: Path, values: ValuesFile) -> None:
    """Reject a values file missing a pattern or threshold that an extractor declares it reads, naming the
    keys and the extractors that need them."""
    # Imported here, not at the top: the extractors it collects import this module.
    from abstractor.nlp.rule_keys import RULE_KEYS

    problems = []
    for section, present in (("patterns", values.patterns), ("thresholds", values.thresholds)):
        needed_by: dict[str, list[str]] = {}
        for module, keys in RULE_KEYS.items():
            for key in getattr(keys, section) - present.keys():
                needed_by.setdefault(key, []).append(module)
        if needed_by:
            listed = "; ".join(f"{key} (read by {', '.join(needed_by[key])})" for key in sorted(needed_by))
            problems.append(f"{section} missing: {listed}")
    if problems:
        raise RulesFileError(path, "; ".join(problems), "add each missing name to its section, see rules/README.md")
