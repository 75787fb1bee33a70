"""The medspaCy pipeline: built once, clinical sentence splitting, and the text-once regex matcher."""

from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLES
from medspacy.common.regex_matcher import RegexMatcher

from abstractor.core.errors import RulesFileError
from abstractor.core.resources import rules_path
from abstractor.ingest.bundle import load_bundle
from abstractor.nlp.pipeline import SPAN_GROUP, _TextOnceRegexMatcher, get_pipeline
from abstractor.nlp.rules import load_rules


def test_pipeline_is_built_once_per_process():
    first, rules = get_pipeline()
    assert get_pipeline()[0] is first
    assert get_pipeline(rules)[0] is first, "asking with the default rule set must not build a second pipeline"
    assert first.pipe_names == [
        "abstractor_sentences",
        "medspacy_target_matcher",
        "medspacy_sectionizer",
        "medspacy_context",
    ]
    assert rules.version


@pytest.mark.parametrize("path", SAMPLES[:6], ids=lambda p: p.name)
def test_text_once_matcher_finds_exactly_what_medspacy_finds(path):
    nlp, _ = get_pipeline()
    matcher = nlp.get_pipe("medspacy_target_matcher")._TargetMatcher__matcher._MedspacyMatcher__regex_matcher
    assert type(matcher) is _TextOnceRegexMatcher
    for document in load_bundle(path).documents:
        doc = nlp.make_doc(document.text)
        assert _TextOnceRegexMatcher.__call__(matcher, doc) == RegexMatcher.__call__(matcher, doc)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mrs. Sample is 74. She fell.", ["Mrs. Sample is 74.", "She fell."]),
        ("MEDICATIONS:\n- Alendronate 70 mg\n- Calcium", ["MEDICATIONS:", "- Alendronate 70 mg", "- Calcium"]),
        (
            "The left femoral neck BMD measures 0.642 g/cm2 with a T-score of -2.3 and the total\nhip is lower.",
            ["The left femoral neck BMD measures 0.642 g/cm2 with a T-score of -2.3 and the total\nhip is lower."],
        ),
        ("Page one ends here\n\f\nPage two", ["Page one ends here", "Page two"]),
    ],
)
def test_clinical_sentences(text, sentences):
    nlp, _ = get_pipeline()
    assert [s.text.strip() for s in nlp(text).sents if s.text.strip()] == sentences


def test_targets_keep_overlaps_in_a_span_group():
    nlp, _ = get_pipeline()
    doc = nlp("History of breast cancer; Fosamax Plus D weekly.")
    labels = {s.label_ for s in doc.spans[SPAN_GROUP]}
    assert {"BREAST_CANCER", "BISPHOSPHONATE"} <= labels


def test_rule_loader_rejects_a_broken_rule_file(tmp_path):
    assert load_rules().targets.targets
    shutil.copytree(rules_path(), tmp_path / "rules")
    targets = tmp_path / "rules" / "nlp" / "targets.yaml"
    targets.write_text('version: "x"\ntargets:\n  FRACTURE:\n    - {normal: fracture}\n', encoding="utf-8")
    with pytest.raises(RulesFileError, match="an entry needs a literal or a pattern"):
        load_rules(tmp_path / "rules")
    targets.write_text('version: "x"\ntargets: {}\nextra: 1\n', encoding="utf-8")
    with pytest.raises(RulesFileError, match="extra: Extra inputs are not permitted"):
        load_rules(tmp_path / "rules")
