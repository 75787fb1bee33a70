"""The medspaCy pipeline: built once, clinical sentence splitting, and the text-once regex matcher."""

from __future__ import annotations

import gc
import os
import re
import shutil
import subprocess
import sys
import weakref
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import ROOT, SAMPLES
from loguru import logger
from medspacy.common.medspacy_matcher import MedspacyMatcher
from medspacy.common.regex_matcher import RegexMatcher
from spacy.language import Language

from abstractor.core.errors import InternalError, RulesFileError
from abstractor.core.resources import rules_path
from abstractor.ingest.bundle import load_bundle
from abstractor.nlp.pipeline import (
    SPAN_GROUP,
    TextOnceRegexMatcher,
    build_pipeline,
    fold_case,
    get_pipeline,
    required_literals,
)
from abstractor.nlp.rules import load_rules

MEDSPACY_COMPONENTS = ("medspacy_target_matcher", "medspacy_sectionizer", "medspacy_context")
# medspaCy 1.3.1's private layout, which the speed-up relies on and these tests inspect.
REGEX_MATCHER = "_MedspacyMatcher__regex_matcher"


def _regex_matcher(component) -> RegexMatcher:
    (matcher,) = [v for v in vars(component).values() if isinstance(v, MedspacyMatcher)]
    return getattr(matcher, REGEX_MATCHER)


def test_pipeline_is_built_once_per_process():
    first, rules = get_pipeline()
    assert get_pipeline()[0] is first
    assert get_pipeline(rules)[0] is first, "asking with the default rule set must not build a second pipeline"
    assert first.pipe_names == ["abstractor_sentences", *MEDSPACY_COMPONENTS]
    assert rules.version


def test_another_rule_set_gets_its_own_pipeline_once_and_lets_it_go():
    rules = load_rules()
    with ThreadPoolExecutor(4) as pool:
        built = list(pool.map(get_pipeline, [rules] * 4))
    assert all(nlp is built[0][0] and same is rules for nlp, same in built)
    assert built[0][0] is not get_pipeline()[0], "an equal but separate rule set is not the installed one"
    gone = weakref.ref(rules)
    del rules, built
    gc.collect()
    assert gone() is None, "the cache must not keep a rule set (and its pipeline) alive"


def test_importing_the_module_registers_no_spacy_component():
    code = (
        "import spacy, abstractor.nlp.pipeline; from spacy.language import Language; "
        "print(Language.has_factory('abstractor_sentences'))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "False"
    get_pipeline()
    assert Language.has_factory("abstractor_sentences"), "building registers it"


def test_every_medspacy_component_reads_the_text_once():
    nlp, _ = get_pipeline()
    for name in MEDSPACY_COMPONENTS:
        assert type(_regex_matcher(nlp.get_pipe(name))) is TextOnceRegexMatcher, name
    assert _regex_matcher(nlp.get_pipe("medspacy_target_matcher"))._patterns, "the target rules include regexes"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_text_once_matcher_finds_exactly_what_medspacy_finds(path):
    nlp, _ = get_pipeline()
    for document in load_bundle(path).documents:
        doc = nlp.make_doc(document.text)
        for name in MEDSPACY_COMPONENTS:
            matcher = _regex_matcher(nlp.get_pipe(name))
            assert matcher(doc) == RegexMatcher.__call__(matcher, doc), name


def test_case_folding_gives_every_character_that_ignorecase_matches_to_an_ascii_letter_or_digit():
    candidates = re.compile("[a-z0-9]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if candidates.fullmatch(char):
            wanted = {a for a in "abcdefghijklmnopqrstuvwxyz0123456789" if re.fullmatch(a, char, re.IGNORECASE)}
            assert wanted == {fold_case(char)}, hex(code)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"(?i)t[- ]?score", {"score"}),
        (r"Prolia|denosumab", {"Prolia", "denosumab"}),
        (r"(?i)(?:Prolia|Jubbonti)\s+60", {"prolia", "jubbonti"}),
        (r"(?:abc)+x?", {"abc"}),
        (r"a(?i:bc)de", {"de"}),  # a group with its own flags promises nothing
        (r"(?:abc)?\d+", None),  # an optional group promises nothing
        (r"\d+(?:\.\d+)?", None),
        (r"(?i)foo|\d+", None),  # a branch without a literal
    ],
)
def test_required_literals(pattern, literals):
    found = required_literals(re.compile(pattern))
    assert (set(found) if found is not None else None) == literals


def test_every_match_of_every_rule_contains_one_of_its_required_literals():
    nlp, _ = get_pipeline()
    texts = [d.text for path in SAMPLES for d in load_bundle(path).documents]
    checked = 0
    for name in MEDSPACY_COMPONENTS:
        for patterns in _regex_matcher(nlp.get_pipe(name))._patterns.values():
            for pattern in patterns:
                literals = required_literals(pattern)
                for text in texts if literals else ():
                    for found in pattern.finditer(text):
                        piece = fold_case(found.group()) if pattern.flags & re.IGNORECASE else found.group()
                        assert any(literal in piece for literal in literals), pattern.pattern
                        checked += 1
    assert checked > 100


@pytest.mark.parametrize(("resolve_start", "resolve_end"), [("left", "right"), ("right", "left")])
def test_text_once_matcher_resolves_boundaries_and_calls_back_like_medspacy(resolve_start, resolve_end):
    nlp, _ = get_pipeline()
    doc = nlp.make_doc("SERVICE: Radiology. Hx of hip fx; s/p ORIF 2019.\nDEXA T-score -2.7 at the L1-L4 spine.")
    found, calls = {}, {}
    for cls in (TextOnceRegexMatcher, RegexMatcher):
        matcher, calls[cls] = cls(nlp.vocab, resolve_start=resolve_start, resolve_end=resolve_end), []
        mid_token = [r"ICE: Rad", r"ip f", r"-2\.7 at", r"ervic"]
        matcher.add("MID_TOKEN", mid_token, lambda m, d, i, ms, log=calls[cls]: log.append((i, len(ms))))
        matcher.add("WHOLE", [r"ORIF \d{4}", r"T-score", r"\.\n"])
        found[cls] = matcher(doc)
    assert found[TextOnceRegexMatcher] == found[RegexMatcher]
    assert calls[TextOnceRegexMatcher] == calls[RegexMatcher]
    assert len(calls[RegexMatcher]) == 4, "called for every match, even one that resolves to no token"


def _rename_regex_matcher(monkeypatch):
    original = MedspacyMatcher.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._MedspacyMatcher__regex = vars(self).pop(REGEX_MATCHER)

    monkeypatch.setattr(MedspacyMatcher, "__init__", init)


def _own_faster_regex_matcher(monkeypatch):
    original = MedspacyMatcher.__init__

    class NewerRegexMatcher(RegexMatcher):
        pass

    def init(self, nlp, *args, **kwargs):
        original(self, nlp, *args, **kwargs)
        setattr(self, REGEX_MATCHER, NewerRegexMatcher(nlp.vocab))

    monkeypatch.setattr(MedspacyMatcher, "__init__", init)


def _add_bypasses_the_regex_matcher(monkeypatch):
    monkeypatch.setattr(TextOnceRegexMatcher, "add", lambda self, *args, **kwargs: None)


@pytest.mark.parametrize(
    "change", [_rename_regex_matcher, _own_faster_regex_matcher, _add_bypasses_the_regex_matcher], ids=str
)
def test_building_fails_loudly_if_medspacy_is_laid_out_differently(monkeypatch, change):
    change(monkeypatch)
    with pytest.raises(InternalError, match=r"medspaCy 1\.3\.1 is not laid out as .*: TargetMatcher should have"):
        build_pipeline(load_rules())


def test_building_and_running_the_pipeline_leave_logging_alone(capfd):
    records = []
    sink = logger.add(records.append, level=0)
    try:
        nlp, _ = get_pipeline(load_rules())
        for document in load_bundle(SAMPLES[0]).documents:
            nlp(document.text)
        assert capfd.readouterr().err == "", "nothing on stderr while processing notes"
        assert not records, "nothing logged through loguru, by PyRuSH or anyone"
        # A message as PyRuSH would log it still gets through: loguru was not disabled for PyRuSH.
        exec("logger.debug('probe')", {"__name__": "PyRuSH.RuSH", "logger": logger})
    finally:
        logger.remove(sink)
    assert [(m.record["name"], m.record["message"]) for m in records] == [("PyRuSH.RuSH", "probe")]


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
