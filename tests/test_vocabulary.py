"""One vocabulary per concept: defined once, kept by the record contract, and checked by every loader."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from abstractor.core import vocabulary
from abstractor.core.document import Evidence
from abstractor.core.errors import RulesFileError
from abstractor.core.record import BisphosphonateTrial, LogicalDocument, TScore
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
