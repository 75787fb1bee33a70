"""ICD-10-CM codes: every real code the chart writes is reported, dotted upper case; look-alikes are not.

Each row is one short note: the codes abstractor must report, and code-shaped tokens it must not (lot and
NPI numbers, HCPCS codes, vertebral levels, questionnaire item numbers, codes that do not exist).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from abstractor.core.errors import RulesFileError
from abstractor.core.resources import rules_path
from abstractor.ingest.bundle import read_document
from abstractor.nlp import icd10
from abstractor.nlp.extract import extract
from abstractor.nlp.rules import load_rules

ROWS = [
    # --- real codes, as charts write them -----------------------------------------------------------
    ("Dx: M81.0 age-related osteoporosis.", ["M81.0"], []),
    ("Dx codes: M810, Z87310", ["M81.0", "Z87.310"], []),
    ("assessment: m81.0 osteoporosis; hx healed fracture z87.310", ["M81.0", "Z87.310"], []),
    ("Pathological vertebral fracture M80.08XA, initial encounter.", ["M80.08XA"], []),
    ("Same fracture, undotted on the claim: M8008XA", ["M80.08XA"], []),
    ("Fell from a ladder W11.XXXD; distal radius fracture S52.501D.", ["S52.501D", "W11.XXXD"], []),
    ("Claim line W11XXXD", ["W11.XXXD"], []),
    ("Left breast cancer C50.912, on anastrozole.", ["C50.912"], []),
    ("ICD-10: E11.22, N18.4 (CKD stage 4).", ["E11.22", "N18.4"], []),
    ("COVID-19 (U07.1) in 2022, recovered.", ["U07.1"], []),
    # --- categories count where they are written as codes ---------------------------------------------
    ("Diagnoses: osteoporosis (M81) and breast cancer (C50).", ["C50", "M81"], []),
    ("Prostate adenocarcinoma (C61), Gleason 4+3.", ["C61"], []),
    ("  # Essential hypertension - I10", ["I10"], []),
    ("Problem list: M81.0, E55", ["E55", "M81.0"], []),
    # --- look-alikes that are not ICD-10-CM codes ---------------------------------------------------
    ("Osteoporosis, coded M81.9 by the office.", [], ["M81.9"]),
    ("Prolia 60 mg SC, HCPCS J0897; biosimilar Jubbonti Q5136.", [], ["J0897", "Q5136"]),
    ("Lot # C50912, exp 03/2027.", [], ["C50.912"]),
    ("Ordering provider NPI 1083736629, fax 555-201-4433.", [], []),
    ("T12 and L1 compression fractures; T10 normal.", [], ["T12", "T10"]),
    (" Q10 Most recent T-score and site:   L1-L4 -2.0 (11/18/2025)", [], ["Q10"]),
    ("Prednisone 40 mg x10 days for a COPD flare.", [], ["X10"]),
    ("Drug: Prolia or zoledronic acid\nJ3489\nDose: 60 mg", [], ["J34.89"]),
    ("A1c 6.9, vitamin B12 normal, wears an N95 mask.", [], ["N95"]),
]


@pytest.mark.parametrize(("text", "reported", "not_reported"), ROWS, ids=[f"{i:02d}" for i in range(len(ROWS))])
def test_codes_in_a_note(text, reported, not_reported):
    doc = read_document("note.txt", text.encode())[0]
    extraction = extract([doc])
    assert extraction.facts.icd10 == sorted(reported)
    assert not set(not_reported) & set(extraction.facts.icd10)
    evidence = extraction.fact_evidence.get("icd10", [])
    assert len(evidence) == len(reported)
    for ev in evidence:
        assert doc.text[ev.start : ev.end] == ev.quote


def test_the_table_covers_both_ways():
    assert len(ROWS) >= 15
    assert sum(1 for _, yes, _ in ROWS if yes) >= 8 and sum(1 for _, yes, _ in ROWS if not yes) >= 8


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("Dx: C50.912 breast cancer, left.", "breast_cancer", True),
        ("Metastatic prostate cancer C61 with bone metastases C79.51.", "bone_metastases", True),
        ("Chronic kidney disease, unspecified N18.9.", "ckd_stage", None),
        ("ICD-10: N18.6 end stage renal disease.", "ckd_stage", 5),
        ("ICD-10: N18.32", "ckd_stage", 3),
    ],
)
def test_codes_are_evidence_for_facts(text, fact, value):
    facts = extract([read_document("note.txt", text.encode())[0]]).facts
    assert getattr(facts, fact) == value


@pytest.mark.parametrize(
    ("written", "normal"),
    [("M81.0", "M81.0"), ("m810", "M81.0"), ("Z87310", "Z87.310"), ("w11xxxd", "W11.XXXD"), ("C50", "C50")],
)
def test_normalize(written, normal):
    assert icd10.normalize(written) == normal


@pytest.mark.parametrize("written", ["M81.9", "J0897", "T12", "A00-A09", "1", "M80.08X"])
def test_not_codes(written):
    assert icd10.normalize(written) is None


def test_descriptions_come_from_the_code_set():
    assert "osteoporosis" in icd10.description("M810").lower()
    assert icd10.description("M81.9") is None


def test_every_coded_fact_prefix_is_a_real_code():
    rules = load_rules()
    prefixes = [p for ps in rules.icd10.facts.values() for p in ps] + list(rules.icd10.ckd_stages)
    assert prefixes
    for prefix in prefixes:
        assert icd10.normalize(prefix) == prefix, prefix


def test_the_code_set_is_loaded_lazily_and_once():
    script = (
        "import sys; import abstractor.nlp.extract, abstractor.pipeline; "
        "assert 'simple_icd_10_cm' not in sys.modules, 'imported at import time'"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert icd10._code_set() is icd10._code_set()


def test_a_broken_icd10_file_is_rejected(tmp_path):
    shutil.copytree(rules_path(), tmp_path / "rules")
    path = tmp_path / "rules" / "icd10.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("prostate_cancer:", "prostate_cancr:"), encoding="utf-8")
    with pytest.raises(RulesFileError, match="unknown prostate_cancr"):
        load_rules(tmp_path / "rules")
    path.write_text(good.replace("[C50]", "[c50.x]"), encoding="utf-8")
    with pytest.raises(RulesFileError, match=r"icd10\.yaml"):
        load_rules(tmp_path / "rules")
