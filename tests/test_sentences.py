"""Clinical sentences and how abstractor must read them: value, evidence quote and offsets, ConText.

Each row is one short note. `field` names what is read ("t_scores", "facts.fragility_fracture",
"request.dose_mg"...); `expected` is the reading; `quote`, when given, must lie inside the evidence of that
reading, and every evidence quote must equal the note text at its offsets.
"""

from __future__ import annotations

import pytest

from abstractor.ingest.bundle import read_document
from abstractor.nlp.extract import extract

F, M = "female", "male"
ROWS = [
    # --- T-scores: sites, prose and terse forms, T versus Z, reference ranges --------------------
    (
        "DXA 3/2/2024: L1-L4 T-score -2.8, left femoral neck T-score -2.2.",
        "t_scores",
        [("femoral_neck", -2.2), ("lumbar_spine", -2.8)],
        "T-score -2.8",
    ),
    (
        "Bone density: lumbar spine T -3.0; total hip T -2.1.",
        "t_scores",
        [("lumbar_spine", -3.0), ("total_hip", -2.1)],
        None,
    ),
    ("BMD at the 1/3 radius shows a T-score of -2.7.", "t_scores", [("radius_33", -2.7)], "T-score of -2.7"),
    ("T-score -2.6 at the femoral neck.", "t_scores", [("femoral_neck", -2.6)], None),
    ("Hip T-score: -1.9 (osteopenia).", "t_scores", [("total_hip", -1.9)], None),
    (
        "DEXA showed FN T-score -2.5 and LS T-score -1.7.",
        "t_scores",
        [("femoral_neck", -2.5), ("lumbar_spine", -1.7)],
        None,
    ),
    ("Z-score of the lumbar spine is -2.3.", "t_scores", [], None),
    ("Lumbar spine Z-score -2.1, T-score -1.4.", "t_scores", [("lumbar_spine", -1.4)], None),
    ("Osteoporosis is defined as a T-score of -2.5 or below.", "t_scores", [], None),
    ("WHO criteria: T-score between -1.0 and -2.5 is osteopenia.", "t_scores", [], None),
    ("Goal is a T-score above -2.5 at the hip.", "t_scores", [], None),
    (
        "Prior DXA 2019 lumbar spine T-score -3.1; current lumbar spine T-score -2.6.",
        "t_scores",
        [("lumbar_spine", -3.1), ("lumbar_spine", -2.6)],
        None,
    ),
    (
        "Spine T-score -2.9 and femoral neck -2.4 on today's scan.",
        "t_scores",
        [("femoral_neck", -2.4), ("lumbar_spine", -2.9)],
        None,
    ),
    ("Left forearm (33% radius) T-score −2.8.", "t_scores", [("radius_33", -2.8)], "T-score −2.8"),
    # --- fractures: negation, family, hypothetical, risk, trauma versus fragility ------------------
    ("Denies any history of fractures.", "facts.fragility_fracture", False, "Denies any history of fractures."),
    ("No fx.", "facts.fragility_fracture", False, None),
    ("She has never broken a bone and has no prior fractures.", "facts.fragility_fracture", False, None),
    ("Mother had a hip fracture at 80.", "facts.fragility_fracture", None, None),
    ("Family history: father with vertebral fractures.", "facts.fragility_fracture", None, None),
    ("Rule out fracture of the left wrist.", "facts.fragility_fracture", None, None),
    ("Started therapy to prevent fractures.", "facts.fragility_fracture", None, None),
    ("10-year probability of hip fracture 4.2%.", "facts.fragility_fracture", None, None),
    ("If she falls, she could fracture her hip.", "facts.fragility_fracture", None, None),
    ("Right hip fracture in 2021 after a fall from standing height.", "fractures", [("hip", True)], None),
    ("s/p L2 compression fx 2023, no trauma.", "fractures", [("vertebra", True)], None),
    ("Hx of wrist fracture after tripping on a curb.", "fractures", [("wrist", True)], None),
    ("Fractured her ankle in a motor vehicle accident in 2015.", "fractures", [("ankle", False)], None),
    ("Left humerus fracture from a fall off a ladder.", "fractures", [("humerus", False)], None),
    ("h/o osteoporotic vertebral fracture.", "facts.fragility_fracture", True, None),
    ("Personal history of healed osteoporosis fracture (Z87.310).", "facts.fragility_fracture", True, "Z87.310"),
    ("T12 wedge compression fracture found incidentally on chest CT.", "facts.fragility_fracture", True, None),
    ("Rib fracture while skiing, otherwise no fractures.", "facts.fragility_fracture", False, None),
    # --- ICD-10 codes versus dates, doses, phones, vertebral levels ---------------------------------
    ("Dx: M81.0 age-related osteoporosis; Z79.52 long term steroids.", "facts.icd10", ["M81.0", "Z79.52"], "M81.0"),
    ("Assessment: M80.08XA, N18.4, C50.911.", "facts.icd10", ["C50.911", "M80.08XA", "N18.4"], None),
    ("Seen 12/01/2025, phone 555-201-4433, prednisone 10 mg, T8 and L1 normal.", "facts.icd10", [], None),
    ("ICD10: D48.0 (giant cell tumor), Z79.811.", "facts.icd10", ["D48.0", "Z79.811"], None),
    ("Vitamin B12 normal; E55.9 vitamin D deficiency.", "facts.icd10", ["E55.9"], None),
    # --- bisphosphonates: brands, routes, durations, outcomes ----------------------------------------
    (
        "Took Fosamax 70 mg weekly x 18 months; BMD continued to decline.",
        "bisphosphonate_trials",
        [("alendronate", "oral", 18.0, "inadequate_efficacy")],
        "Fosamax",
    ),
    (
        "Alendronate 2019-2021, stopped for severe heartburn.",
        "bisphosphonate_trials",
        [("alendronate", "oral", 24.0, "intolerance")],
        None,
    ),
    (
        "Was on risedronate for two years without BMD gain.",
        "bisphosphonate_trials",
        [("risedronate", "oral", 24.0, "inadequate_efficacy")],
        None,
    ),
    (
        "Atelvia 35 mg weekly from 01/2022 to 07/2023, discontinued due to myalgias.",
        "bisphosphonate_trials",
        [("risedronate", "oral", 18.0, "intolerance")],
        None,
    ),
    (
        "Boniva 150 mg monthly tablets, currently taking.",
        "bisphosphonate_trials",
        [("ibandronate", "oral", None, "ongoing")],
        None,
    ),
    (
        "Received ibandronate 3 mg IV every 3 months in 2022.",
        "bisphosphonate_trials",
        [("ibandronate", "iv", None, "unknown")],
        None,
    ),
    ("Reclast 5 mg infusion x1 in 2023.", "bisphosphonate_trials", [("zoledronic_acid", "iv", None, "unknown")], None),
    (
        "Zoledronic acid yearly for 3 years, completed a full course.",
        "bisphosphonate_trials",
        [("zoledronic_acid", "iv", 36.0, "completed")],
        None,
    ),
    (
        "Fosamax Plus D for 5 years; sustained a wrist fracture while on therapy.",
        "bisphosphonate_trials",
        [("alendronate", "oral", 60.0, "inadequate_efficacy")],
        "Fosamax Plus D",
    ),
    ("If she cannot tolerate alendronate, consider Prolia.", "bisphosphonate_trials", [], None),
    ("Has never taken a bisphosphonate.", "facts.bisphosphonate_naive", True, "bisphosphonate"),
    ("No prior osteoporosis medications.", "facts.bisphosphonate_naive", True, None),
    ("Patient declined alendronate.", "bisphosphonate_trials", [], None),
    ("Oral bisphosphonates are contraindicated (CrCl 25 mL/min).", "bisphosphonate_trials", [], None),
    # --- oral bisphosphonate barriers ---------------------------------------------------------------
    (
        "Severe dysphagia after stroke; on pureed diet.",
        "facts.oral_bisphosphonate_barrier",
        "cannot_swallow",
        "dysphagia",
    ),
    ("She is unable to swallow pills.", "facts.oral_bisphosphonate_barrier", "cannot_swallow", None),
    ("No difficulty swallowing.", "facts.oral_bisphosphonate_barrier", None, None),
    (
        "Bedbound and cannot sit upright for 30 minutes.",
        "facts.oral_bisphosphonate_barrier",
        "cannot_remain_upright",
        None,
    ),
    ("History of achalasia s/p Heller myotomy.", "facts.oral_bisphosphonate_barrier", "gi_condition", "achalasia"),
    ("Barrett's esophagus on surveillance EGD.", "facts.oral_bisphosphonate_barrier", "gi_condition", None),
    ("Esophageal varices from cirrhosis.", "facts.oral_bisphosphonate_barrier", "gi_condition", None),
    # --- glucocorticoids ----------------------------------------------------------------------------
    ("On prednisone 20 mg daily for polymyalgia rheumatica.", "facts.glucocorticoid_mg_per_day", 20.0, None),
    ("Chronic prednisone 7.5 mg/day since 2022 for RA.", "facts.systemic_glucocorticoid", True, "prednisone"),
    ("Dexamethasone 1.5 mg daily.", "facts.glucocorticoid_mg_per_day", 10.0, None),
    ("Medrol dose pack in 2020 for a flare.", "facts.systemic_glucocorticoid", None, None),
    ("Hydrocortisone cream to the rash.", "facts.systemic_glucocorticoid", None, None),
    ("Not on steroids.", "facts.systemic_glucocorticoid", False, None),
    ("GIOP on long-term steroids.", "facts.systemic_glucocorticoid", True, None),
    # --- hormone therapy ----------------------------------------------------------------------------
    ("Currently on letrozole 2.5 mg daily for ER+ breast cancer.", "facts.aromatase_inhibitor", True, "letrozole"),
    ("Adjuvant AI therapy with exemestane.", "facts.aromatase_inhibitor", True, None),
    ("Not on an aromatase inhibitor.", "facts.aromatase_inhibitor", False, None),
    ("ADT with Eligard every 6 months.", "facts.androgen_deprivation", True, None),
    ("72M on degarelix (Firmagon) monthly.", "facts.androgen_deprivation", True, None),
    ("s/p bilateral orchiectomy 2019.", "facts.bilateral_orchiectomy", True, "bilateral orchiectomy"),
    ("38F on Zoladex for ovarian suppression.", "facts.estrogen_deprivation", True, None),
    ("Teriparatide 20 mcg SC daily, continue.", "facts.concurrent_osteoporosis_therapy", ["teriparatide"], None),
    ("Completed 2 years of Forteo in 2022.", "facts.concurrent_osteoporosis_therapy", [], None),
    ("Will stop alendronate when Prolia starts.", "facts.concurrent_osteoporosis_therapy", [], None),
    ("Evenity monthly, month 6 of 12, ongoing.", "facts.concurrent_osteoporosis_therapy", ["romosozumab"], None),
    # --- patient ------------------------------------------------------------------------------------
    ("67 yo F with PMO.", "facts.sex", F, None),
    ("67 yo F with PMO.", "facts.postmenopausal", True, "PMO"),
    ("Mr. Smith is a 70-year-old gentleman.", "facts.sex", M, None),
    ("Sex: Male   Age: 81", "facts.age", 81, None),
    ("She is premenopausal with regular menses.", "facts.postmenopausal", False, None),
    ("Postmenopausal since 2010. Still having regular menses.", "facts.postmenopausal", None, None),
    ("LMP 8 years ago; menopause at 52.", "facts.postmenopausal", True, None),
    ("Postmenopausal since 2010. Still having regular menses.", "facts.conflicts", ["postmenopausal"], None),
    (
        "Took alendronate 2019-2021. She has never taken a bisphosphonate.",
        "facts.conflicts",
        ["bisphosphonate_naive"],
        None,
    ),
    ("Her mother went through menopause early.", "facts.postmenopausal", None, None),
    # --- cancer and metastases ------------------------------------------------------------------------
    ("Invasive ductal carcinoma of the right breast, stage I.", "facts.breast_cancer", True, None),
    ("Sister with breast cancer.", "facts.breast_cancer", None, None),
    ("Prostate adenocarcinoma, Gleason 7; bone scan negative for metastases.", "facts.prostate_cancer", True, None),
    ("Bone scan: no evidence of osseous metastases.", "facts.bone_metastases", False, None),
    ("Widespread osseous metastases to the spine and pelvis.", "facts.bone_metastases", True, None),
    ("Giant cell tumor of the proximal tibia.", "facts.giant_cell_tumor", True, None),
    # --- kidney ---------------------------------------------------------------------------------------
    ("CrCl 28 mL/min by Cockcroft-Gault.", "facts.crcl_ml_min", 28.0, "CrCl 28"),
    ("eGFR 22 mL/min/1.73m2; CKD stage 4.", "facts.severe_renal_impairment", True, None),
    ("eGFR 84, normal renal function.", "facts.severe_renal_impairment", False, None),
    ("Stage 3b chronic kidney disease.", "facts.ckd_stage", 3, None),
    (
        "PTH 120 pg/mL, phosphorus 4.6, 25-OH vitamin D 31: CKD-MBD evaluation done.",
        "facts.ckd_mbd_evaluated",
        True,
        None,
    ),
    ("Consider evaluation for CKD-MBD.", "facts.ckd_mbd_evaluated", None, None),
    # --- fracture risk, FRAX, prevention --------------------------------------------------------------
    ("In my opinion she is at high risk for fracture.", "facts.high_risk_per_prescriber", True, None),
    ("Her fracture risk is low.", "facts.high_risk_per_prescriber", False, None),
    ("FRAX: MOF 18%, hip 3.9%.", "facts.frax_major", 18.0, None),
    ("FRAX: MOF 18%, hip 3.9%.", "facts.frax_hip", 3.9, None),
    ("Prolia requested for prevention of osteoporosis.", "facts.osteoporosis_prevention", True, None),
    ("Continue Prolia to prevent fractures.", "facts.osteoporosis_prevention", None, None),
    # --- denosumab status and the request ----------------------------------------------------------------
    ("Has been on Prolia since 2021; last dose 03/04/2025.", "facts.on_denosumab", True, None),
    ("Plan to start Prolia after dental clearance.", "facts.on_denosumab", False, None),
    ("Request: Prolia 60 mg SC q6mo, J0897 x 60 units, CPT 96372.", "request.dose_mg", 60.0, "60 mg"),
    ("Request: Prolia 60 mg SC q6mo, J0897 x 60 units, CPT 96372.", "request.interval_months", 6.0, None),
    ("Request: Prolia 60 mg SC q6mo, J0897 x 60 units, CPT 96372.", "request.units", 60, None),
    ("Request: Prolia 60 mg SC q6mo, J0897 x 60 units, CPT 96372.", "request.admin_cpt", ["96372"], None),
    ("Jubbonti (denosumab-bbdz) 60 mg every six months, Q5136.", "request.product", "Jubbonti", None),
    ("Xgeva 120 mg every 4 weeks for bone metastases.", "request.interval_months", 1.0, None),
    ("Denosumab 60 mg twice yearly.", "request.interval_months", 6.0, None),
    ("First dose 2026-01-15.", "request.date_of_service", "2026-01-15", "2026-01-15"),
    ("Prolia 60 mg every six months, beginning March 2, 2026.", "request.date_of_service", "2026-03-02", None),
    ("She has failed prior therapy.", "facts.sex", F, None),
    ("He was seen with his wife; she drove.", "facts.sex", None, None),
    (
        "Tried Actonel but stopped after 6 weeks because of severe esophageal pain.",
        "bisphosphonate_trials",
        [("risedronate", "oral", 1.5, "intolerance")],
        None,
    ),
    (
        "Fosamax 2020-2022. Completed a course of Forteo in 2024.",
        "bisphosphonate_trials",
        [("alendronate", "oral", 24.0, "unknown")],
        None,
    ),
    ("Visit date 12/1/2025. DOS: 12/15/2025.", "request.date_of_service", "2025-12-15", None),
]


def read(field: str, extraction):
    facts, request = extraction.facts, extraction.request
    if field == "t_scores":
        return sorted((t.site, t.value) for t in facts.t_scores)
    if field == "fractures":
        return sorted((f.site, f.fragility) for f in facts.fractures)
    if field == "bisphosphonate_trials":
        return [(t.drug, t.route, t.months, t.outcome) for t in facts.bisphosphonate_trials]
    owner, name = field.split(".")
    return getattr(facts if owner == "facts" else request, name)


def evidence_of(field: str, extraction):
    if field in ("t_scores", "fractures", "bisphosphonate_trials"):
        return [ev for item in getattr(extraction.facts, field) for ev in item.evidence]
    owner, name = field.split(".")
    if name == "conflicts":
        return [ev for fact in extraction.facts.conflicts for ev in extraction.fact_evidence.get(fact, [])]
    return extraction.fact_evidence.get(name if owner == "facts" else field, [])


@pytest.mark.parametrize(("text", "field", "expected", "quote"), ROWS, ids=[f"{i:03d}" for i in range(len(ROWS))])
def test_sentence(text, field, expected, quote):
    doc = read_document("note.txt", text.encode())[0]
    extraction = extract([doc])
    assert read(field, extraction) == expected
    evidence = evidence_of(field, extraction)
    for ev in evidence:
        assert doc.text[ev.start : ev.end] == ev.quote
    if expected not in (None, [], False) or expected is False:
        assert evidence, "a stated value carries evidence"
    if quote:
        assert any(quote in ev.quote for ev in evidence), [ev.quote for ev in evidence]


def test_the_table_is_large_and_covers_every_context():
    assert len(ROWS) >= 80
    texts = " ".join(r[0].lower() for r in ROWS)
    for cue in (
        "denies",
        "mother",
        "family history",
        "if ",
        "rule out",
        "prevent",
        "s/p",
        "hx",
        "fx",
        "h/o",
        "bmd",
        "dexa",
        "dxa",
        "pmo",
        "giop",
        "adt",
        " ai ",
        "z-score",
        "2019-2021",
        "x 18 months",
    ):
        assert cue in f" {texts} ", cue
