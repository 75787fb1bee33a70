"""The names of rules/nlp/values.yaml each extractor reads: declared beside the code, checked when rules load."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from abstractor.core.errors import RulesFileError
from abstractor.core.resources import rules_path
from abstractor.ingest.bundle import load_bundle
from abstractor.nlp.extract import assemble
from abstractor.nlp.mentions import analyze
from abstractor.nlp.pipeline import get_pipeline
from abstractor.nlp.reader import RulesReader
from abstractor.nlp.rule_keys import RULE_KEYS
from abstractor.nlp.rules import load_rules

NLP = Path(importlib.import_module("abstractor.nlp").__file__).parent
SECTIONS = {"regex": "patterns", "thresholds": "thresholds"}  # attribute read -> section of values.yaml


def _literal_reads(tree: ast.Module) -> dict[str, set[str]]:
    """Every `<x>.regex["name"]` and `<x>.thresholds["name"]` in a module, and the same through a local
    alias (`rx = rules.regex` then `rx["name"]`), by section of values.yaml."""
    found: dict[str, set[str]] = {"patterns": set(), "thresholds": set()}
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
        aliases: dict[str, str] = {}
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    pairs = (
                        zip(target.elts, node.value.elts, strict=False)
                        if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                        else [(target, node.value)]
                    )
                    for name, value in pairs:
                        if isinstance(name, ast.Name) and isinstance(value, ast.Attribute) and value.attr in SECTIONS:
                            aliases[name.id] = SECTIONS[value.attr]
        for node in ast.walk(scope):
            if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)):
                continue
            if not isinstance(node.slice.value, str):
                continue
            read = node.value
            if isinstance(read, ast.Attribute) and read.attr in SECTIONS:
                found[SECTIONS[read.attr]].add(node.slice.value)
            elif isinstance(read, ast.Name) and read.id in aliases:
                found[aliases[read.id]].add(node.slice.value)
    return found


def _module_name(path: Path) -> str:
    return f"abstractor.nlp.{path.stem}"


SOURCES = {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(NLP.glob("*.py"))}


def test_the_scan_finds_reads_directly_and_through_an_alias():
    source = (
        "def f(rules):\n"
        "    rx, limits = rules.regex, rules.values.thresholds\n"
        "    return rules.regex['a'], rx['b'], limits['c'], rules.layout_regex['d']\n"
    )
    assert _literal_reads(ast.parse(source)) == {"patterns": {"a", "b"}, "thresholds": {"c"}}


@pytest.mark.parametrize("module", sorted(SOURCES))
def test_every_name_a_module_reads_is_declared_by_that_module(module):
    reads = _literal_reads(SOURCES[module])
    if not reads["patterns"] and not reads["thresholds"]:
        return
    assert module in RULE_KEYS, f"{module} reads values.yaml names; declare PATTERNS and add it to rule_keys.py"
    declared = RULE_KEYS[module]
    assert reads["patterns"] <= declared.patterns, f"undeclared: {sorted(reads['patterns'] - declared.patterns)}"
    assert reads["thresholds"] <= declared.thresholds, (
        f"undeclared: {sorted(reads['thresholds'] - declared.thresholds)}"
    )


@pytest.mark.parametrize("module", sorted(RULE_KEYS))
def test_every_declared_name_is_named_in_its_module(module):
    """A declaration no code of the module names any more is stale (a name read through a loop or a helper,
    `for name in ("frax_major", "frax_hip")`, still appears as a string)."""
    tree = SOURCES[module]
    declarations = [
        n
        for n in tree.body
        if isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id in {"PATTERNS", "THRESHOLDS"} for t in n.targets)
    ]
    inside = {id(c) for d in declarations for c in ast.walk(d)}
    named = {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in inside
    }
    declared = RULE_KEYS[module].patterns | RULE_KEYS[module].thresholds
    assert declared <= named, f"declared but never named: {sorted(declared - named)}"


def test_the_installed_values_file_has_every_declared_name():
    rules = load_rules()
    for keys in RULE_KEYS.values():
        assert keys.patterns <= rules.values.patterns.keys()
        assert keys.thresholds <= rules.values.thresholds.keys()


class _Recording(dict):
    """A dict that remembers which keys were read."""

    def __init__(self, data, seen: set[str]) -> None:
        super().__init__(data)
        self.seen = seen

    def __getitem__(self, key):
        self.seen.add(key)
        return super().__getitem__(key)


def test_every_name_read_while_reviewing_the_samples_is_declared():
    """Names read through a variable (`rx[name]`) escape the scan above; reading real charts catches them."""
    _, rules = get_pipeline()
    seen: set[str] = set()
    values = rules.values.model_copy(update={"thresholds": _Recording(rules.values.thresholds, seen)})
    recording = dataclasses.replace(rules, values=values)
    recording.__dict__["regex"] = _Recording(rules.regex, seen)  # the cached property, recorded
    for path in SAMPLES:
        analyzed = analyze(load_bundle(path).documents)
        assemble(analyzed, recording)
        reader = RulesReader(analyzed, recording)
        for a in analyzed:
            reader.read(a.doc.source, 0, len(a.doc.text))
    declared = {name for keys in RULE_KEYS.values() for name in keys.patterns | keys.thresholds}
    assert seen, "nothing was recorded"
    assert seen <= declared, f"read but not declared: {sorted(seen - declared)}"


@pytest.fixture
def rules_copy(tmp_path) -> Path:
    shutil.copytree(rules_path(), tmp_path / "rules")
    return tmp_path / "rules"


def _drop_line(path: Path, start: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith(start)]
    assert len(kept) == len(lines) - 1, f"no single line starts with {start!r}"
    path.write_text("".join(kept), encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "section", "message"),
    [
        # recent_cue and sex_pronoun were read but missing from the old hand-kept list of required names.
        ("recent_cue:", "patterns", "recent_cue (read by abstractor.nlp.bone)"),
        ("sex_pronoun:", "patterns", "sex_pronoun (read by abstractor.nlp.patient, abstractor.nlp.reader)"),
        ("severe_renal_egfr:", "thresholds", "severe_renal_egfr (read by abstractor.nlp.patient)"),
        (
            "date:",
            "patterns",
            "date (read by abstractor.nlp.bone, abstractor.nlp.extract, abstractor.nlp.patient, "
            "abstractor.nlp.request, abstractor.nlp.therapy)",
        ),
    ],
)
def test_a_values_file_missing_a_declared_name_is_rejected_on_load(rules_copy, line, section, message):
    values = rules_copy / "nlp" / "values.yaml"
    _drop_line(values, line)
    with pytest.raises(RulesFileError) as info:
        load_rules(rules_copy)
    error = str(info.value)
    assert str(values) in error and f"{section} missing: " in error and message in error and "fix:" in error
