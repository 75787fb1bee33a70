"""One vocabulary per concept: defined once, kept by the record contract, and checked by every loader."""

from __future__ import annotations

import ast
import shutil
import types
import typing
from pathlib import Path
from typing import Literal, get_args, get_origin

import pytest

from abstractor.core import vocabulary
from abstractor.core.document import Evidence
from abstractor.core.errors import RulesFileError
from abstractor.core.record import BisphosphonateTrial, Facts, LogicalDocument, Request, TScore
from abstractor.core.resources import rules_path
from abstractor.core.truth import Truth
from abstractor.core.vocabulary import (
    BARRIERS,
    ROLES,
    SITE_LABELS,
    SITES,
    STATUSES,
    TRIAL_OUTCOMES,
)
from abstractor.llm.verify import BARRIER_LABELS, OUTCOME_CUES
from abstractor.nlp.rules import load_rules
from abstractor.nlp.therapy import BARRIER_PRIORITY
from abstractor.policy.loader import load_catalogue

ROOT = Path(__file__).resolve().parent.parent

# The words the shared record contract (spec/review-output.md) fixes: the project may not change them.
CONTRACT = {
    "SITES": ("lumbar_spine", "femoral_neck", "total_hip", "radius_33", "other"),
    "OUTCOMES": ("meets_criteria", "does_not_meet_criteria", "insufficient_documentation"),
    "STATUSES": ("met", "not_met", "unknown"),
    "TRIAL_OUTCOMES": ("inadequate_efficacy", "intolerance", "ongoing", "completed", "unknown"),
    "ROUTES": ("oral", "iv"),
    "BARRIERS": ("cannot_swallow", "cannot_remain_upright", "gi_condition"),
    "PROVENANCES": ("rules", "llm"),
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_the_vocabulary_keeps_the_record_contracts_words(name):
    assert getattr(vocabulary, name) == CONTRACT[name]


def test_truth_is_the_records_status():
    assert tuple(t.value for t in Truth) == STATUSES


def test_every_site_has_a_label_and_every_barrier_a_rank_and_a_target_label():
    assert tuple(SITE_LABELS) == SITES
    assert sorted(BARRIER_PRIORITY) == sorted(BARRIERS)
    assert tuple(BARRIER_LABELS) == BARRIERS
    assert set(OUTCOME_CUES) <= set(TRIAL_OUTCOMES)


@pytest.mark.parametrize(
    ("model", "field", "kind"),
    [
        (TScore, "site", vocabulary.Site),
        (BisphosphonateTrial, "outcome", vocabulary.TrialOutcome),
        (BisphosphonateTrial, "route", vocabulary.Route),
        (LogicalDocument, "role", vocabulary.Role),
        (Evidence, "method", vocabulary.Provenance),
    ],
)
def test_the_record_types_its_fields_with_the_vocabulary(model, field, kind):
    assert model.model_fields[field].annotation == kind


def test_a_logical_document_of_an_unknown_role_is_rejected():
    assert LogicalDocument(role="dxa_report", start=0, end=1).role == "dxa_report"
    with pytest.raises(ValueError, match="fax_cover"):
        LogicalDocument(role="discharge_summary", start=0, end=1)


# --- no list spelled out twice -------------------------------------------------------------------------

# Places that spell out a whole vocabulary on purpose, or are not ours to change yet.
RESPELLED = {
    ("abstractor/nlp/therapy.py", "BARRIERS"): "BARRIER_PRIORITY orders the barriers; a test above holds it whole",
    ("abstractor/llm/verify.py", "BARRIERS"): "BARRIER_LABELS maps each barrier; a test above holds it whole",
    ("abstractor/core/policy.py", "ROUTES"): "TrialTest.route, awaiting adoption by the policy schema's owner",
    ("abstractor/report/summary.py", "SITES"): "SITE_NAMES, awaiting adoption of SITE_LABELS by the report's owner",
}
VOCABULARIES = {name: CONTRACT[name] for name in CONTRACT} | {"ROLES": ROLES}


def _spelled_out(path: Path) -> set[tuple[int, str]]:
    """(line, vocabulary) for each tuple, list, set, dict or Literal[...] that lists a whole vocabulary."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            continue
        words = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
        for name, values in VOCABULARIES.items():
            if set(values) <= words:
                found.add((node.lineno, name))
    return found


def test_no_module_spells_out_a_vocabulary_again():
    spelled = {
        (str(path.relative_to(ROOT)), line, name)
        for path in sorted((ROOT / "abstractor").rglob("*.py"))
        if path.name != "vocabulary.py"
        for line, name in _spelled_out(path)
    }
    unexpected = sorted(s for s in spelled if (s[0], s[2]) not in RESPELLED)
    assert not unexpected, f"import these from abstractor.core.vocabulary instead: {unexpected}"


# --- the rule loaders check the vocabulary -------------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    shutil.copytree(rules_path(), tmp_path / "rules")
    return tmp_path / "rules"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("layout.yaml", "  lab_report:\n", "  lab_results:\n", "roles.lab_results.[key]: Input should be"),
        ("layout.yaml", "narrative_roles: [clinical_note,", "narrative_roles: [progress_note,", "narrative_roles.0"),
        ("values.yaml", "  radius_33: ", "  radius_one_third: ", "sites.radius_one_third.[key]: Input should be"),
        ("targets.yaml", "route: oral}", "route: po}", "route: Input should be 'oral' or 'iv'"),
    ],
)
def test_a_rule_file_outside_the_vocabulary_is_rejected(rules_copy, file, old, new, message):
    _replace(rules_copy / "nlp" / file, old, new)
    with pytest.raises(RulesFileError, match=file) as info:
        load_rules(rules_copy)
    assert message in str(info.value)


def test_a_values_file_must_name_every_site(rules_copy):
    values = rules_copy / "nlp" / "values.yaml"
    text = values.read_text(encoding="utf-8")
    values.write_text("".join(line for line in text.splitlines(True) if not line.startswith("  total_hip: ")))
    with pytest.raises(RulesFileError, match="sites missing: total_hip"):
        load_rules(rules_copy)


# --- rules/facts.yaml and the record's Facts --------------------------------------------------------------

# Fields of Facts that no policy tests, and why. Every other field must be in the catalogue.
BOOKKEEPING = {
    "conflicts": "the facts the chart states both ways: the checker reads it for every fact it tests",
    "unconfirmed": "the facts resting on an uncertain form answer: read for every fact tested",
    "decided_by": "which document decided a fact the documents disagree on: for the reviewer",
    "fractures": "the findings behind fragility_fracture, which is the fact policies test",
    "sub_region_t_scores": "T-scores of sub-regions, reported apart and never counted as the policy's sites",
}
CATALOGUE = load_catalogue().facts


def _optional(annotation) -> object | None:
    """X for `X | None` (or Optional[X]), else None."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        if len(rest) == 1 and len(get_args(annotation)) == 2:
            return rest[0]
    return None


def _is_word(kind) -> bool:
    return kind is str or get_origin(kind) is Literal


def _agrees(fact_type: str, annotation) -> bool:
    """Whether a catalogue `type` describes a field of this Python type."""
    scalar = _optional(annotation)
    items = get_args(annotation)[0] if get_origin(annotation) is list else None
    return {
        "bool": scalar is bool,
        "number": scalar in (int, float),
        "text": scalar is not None and _is_word(scalar),
        "list": items is not None and _is_word(items),
        "t_scores": items is TScore,
        "trials": items is BisphosphonateTrial,
    }[fact_type]


def _field(name: str):
    if name.startswith("request."):
        return Request.model_fields.get(name.removeprefix("request."))
    return Facts.model_fields.get(name)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_catalogue_fact_is_a_record_field_of_its_type(name):
    field = _field(name)
    assert field is not None, f"{name} is neither a field of Facts nor request.<a field of Request>"
    assert _agrees(CATALOGUE[name].type, field.annotation), (
        f"{name}: facts.yaml says {CATALOGUE[name].type}, the record says {field.annotation}"
    )


def test_every_fact_a_policy_can_test_is_in_the_catalogue():
    missing = sorted(set(Facts.model_fields) - set(CATALOGUE) - set(BOOKKEEPING))
    assert not missing, f"add to rules/facts.yaml, or list in BOOKKEEPING with the reason: {missing}"
    assert not set(BOOKKEEPING) & set(CATALOGUE), "a bookkeeping field is in the catalogue"
    assert set(BOOKKEEPING) <= set(Facts.model_fields)


@pytest.mark.parametrize(
    ("fact_type", "annotation", "agrees"),
    [
        ("bool", bool | None, True),
        ("bool", bool, False),
        ("number", int | None, True),
        ("number", float | None, True),
        ("number", str | None, False),
        ("text", str | None, True),
        ("text", Literal["a", "b"] | None, True),
        ("list", list[str], True),
        ("list", list[Literal["a"]], True),
        ("list", list[TScore], False),
        ("t_scores", list[TScore], True),
        ("trials", list[BisphosphonateTrial], True),
        ("trials", list[TScore], False),
    ],
)
def test_the_type_agreement_rule(fact_type, annotation, agrees):
    assert _agrees(fact_type, annotation) is agrees
