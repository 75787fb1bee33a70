"""Reading charts written by other hands: DXA tables by structure, request type, dates of service,
therapy status by source, and document roles. Each table is a clinical spec in our own words."""

from __future__ import annotations

import hashlib

import pytest
from conftest import note

from abstractor.core.document import Document, Page, Table, TableCell, TableRow
from abstractor.nlp.extract import extract
from abstractor.nlp.layout import read_layout
from abstractor.nlp.rules import load_rules

RULES = load_rules()


def report(lines: list[str], table_at: int, header: tuple[str, ...], rows: list[list[str]]) -> Document:
    """A one-page DXA report whose text is `lines`; its table's rows are the lines from `table_at` on."""
    text = "\n".join(lines)
    located, cursor = [], 0
    for cells, line in zip(rows, lines[table_at:], strict=False):
        start = text.index(line, cursor)
        cursor = start + len(line)
        located.append(TableRow(cells=tuple(TableCell(text=c) for c in cells), start=start, end=cursor))
    table = Table(page=1, header=header, rows=tuple(located))
    return Document(
        source="dxa.pdf",
        kind="pdf",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        pages=(Page(number=1, start=0, end=len(text)),),
        tables=(table,),
    )


def pairs(doc: Document) -> set[tuple[str, float]]:
    return {(t.site, t.value) for t in extract([doc]).facts.t_scores}


def rows_of(cells: list[list[str]]) -> list[str]:
    return [" ".join(c for c in row if c) for row in cells]


DXA_TABLES = [
    # (caption lines, header, rows, T-scores at the policy's sites)
    (
        ["BONE DENSITOMETRY REPORT", "Scan date: 10/21/2025"],
        ("Region", "BMD (g/cm2)", "T-score", "Z-score"),
        [
            ["AP Spine L1-L4", "0.750", "-2.7", "-1.0"],
            ["Left Femur Neck", "0.570", "-2.4", "-0.6"],
            ["Left Femur Total", "0.686", "-2.1", "-0.7"],
        ],
        {("lumbar_spine", -2.7), ("femoral_neck", -2.4), ("total_hip", -2.1)},
    ),
    (
        ["DXA", "Exam date 01/27/2026"],
        ("Region", "BMD", "T-score", "Young Adult %", "Z-score"),
        [
            ["AP SPINE", "", "", "", ""],
            ["L1-L4", "0.911", "-1.2", "87", "-0.4"],
            ["LEFT FEMUR", "", "", "", ""],
            ["Neck", "0.695", "-1.8", "74", "-0.6"],
            ["Total", "0.839", "-1.5", "80", "-0.8"],
            ["LEFT FOREARM", "", "", "", ""],
            ["Radius 33%", "0.715", "-2.3", "80", "-1.2"],
            ["UD", "0.402", "-2.8", "70", "-1.9"],
            ["Total", "0.560", "-2.5", "76", "-1.4"],
        ],
        {("lumbar_spine", -1.2), ("femoral_neck", -1.8), ("total_hip", -1.5), ("radius_33", -2.3)},
    ),
    (
        ["Lunar iDXA", "Measured 11/10/2025"],
        ("Region", "BMD", "Young-Adult", "", "Age-Matched", ""),
        [
            ["", "(g/cm2)", "(%)", "T-Score", "(%)", "Z-Score"],
            ["L1", "0.958", "80", "-2.4", "84", "-1.8"],
            ["L2", "1.001", "81", "-2.3", "85", "-1.7"],
            ["L1-L4", "0.966", "78", "-2.6", "83", "-2.0"],
        ],
        {("lumbar_spine", -2.6)},
    ),
    (
        ["DXA", "Trend: AP Spine L1-L4"],
        ("Scan date", "Age", "BMD (g/cm2)", "T-score", "Change vs previous"),
        [
            ["10/21/2025", "71.6", "0.750", "-2.7", "-2.8%"],
            ["09/12/2023", "69.5", "0.772", "-2.5", "+1.4%"],
            ["06/02/2021", "67.2", "0.761", "-2.6", ""],
        ],
        {("lumbar_spine", -2.7), ("lumbar_spine", -2.5), ("lumbar_spine", -2.6)},
    ),
    (
        ["Prior studies"],
        ("Date", "L1-L4 T-score", "Femoral neck T-score", "Total hip T-score"),
        [["03/11/2014", "-2.3", "-2.4", "-1.8"], ["05/20/2019", "-1.8", "-2.1", "-1.6"]],
        {
            ("lumbar_spine", -2.3),
            ("femoral_neck", -2.4),
            ("total_hip", -1.8),
            ("lumbar_spine", -1.8),
            ("femoral_neck", -2.1),
            ("total_hip", -1.6),
        },
    ),
    (
        ["HIP", "Study date: 05/19/2026"],
        ("Region", "Area", "BMC", "BMD", "T-score", "Z-score"),
        [
            ["Neck", "4.62", "2.46", "0.534", "-2.7", "-0.5"],
            ["Troch", "10.15", "4.87", "0.480", "-2.6", "-0.9"],
            ["Inter", "15.93", "10.62", "0.667", "-2.9", "-1.0"],
            ["Total", "30.70", "17.95", "0.589", "-2.9", "-0.9"],
        ],
        {("femoral_neck", -2.7), ("total_hip", -2.9)},
    ),
    (
        ["SPINE", "Scan date 05/19/2026"],
        ("Region", "BMD", "T-score", "Z-score"),
        [
            ["L1", "0.737", "-2.0", "-0.1"],
            ["L2", "0.779", "-2.3", "-0.4"],
            ["L3", "0.813", "-2.4", "-0.5"],
            ["Total", "0.793", "-2.2", "-0.4"],
        ],
        {("lumbar_spine", -2.2)},
    ),
    (
        ["FOREARM (non-dominant)", "Exam date 09/30/2025"],
        ("Site", "BMD", "T-score", "Z-score"),
        [
            ["Radius UD", "0.351", "-3.1", "-1.8"],
            ["Radius 33%", "0.612", "-2.6", "-1.2"],
            ["Radius Total", "0.498", "-2.9", "-1.5"],
        ],
        {("radius_33", -2.6)},
    ),
]


@pytest.mark.parametrize(("caption", "header", "rows", "expected"), DXA_TABLES)
def test_dxa_tables_are_read_by_structure(caption, header, rows, expected):
    lines = [*caption, " ".join(h for h in header if h), *rows_of(rows)]
    doc = report(lines, len(caption) + 1, header, rows)
    assert pairs(doc) == expected


def test_sub_regions_are_kept_apart_from_the_policy_sites():
    caption, header, rows, _ = DXA_TABLES[1]
    lines = [*caption, " ".join(header), *rows_of(rows)]
    facts = extract([report(lines, len(caption) + 1, header, rows)]).facts
    assert {(t.site, t.value) for t in facts.sub_region_t_scores} == {("other", -2.8), ("other", -2.5)}


def test_trend_rows_carry_their_study_date_and_role():
    caption, header, rows, _ = DXA_TABLES[3]
    lines = [*caption, " ".join(header), *rows_of(rows)]
    scores = extract([report(lines, len(caption) + 1, header, rows)]).facts.t_scores
    by_value = {t.value: (t.date, t.role) for t in scores}
    assert by_value[-2.7] == ("2025-10-21", "current")
    assert by_value[-2.6] == ("2021-06-02", "prior")


REQUEST_TYPES = [
    ("Request type [X] Initial / new start [ ] Continuation of therapy", False),
    ("Request type [ ] Initial / new start [X] Continuation of therapy", True),
    ("Request ☑ Initial ☐ Renewal", False),
    ("Request is for: New start __ Continuation _X_", True),
    ("11. Is this a request for continuation of denosumab? NO", False),
    ("Has the patient received a denosumab product in the last 12 months? ■ Yes □ No", True),
    ("Plan: Prolia 60 mg SC every 6 months, first dose 12/16/2025 in clinic.", False),
    ("Never treated for osteoporosis; will start denosumab.", False),
    ("Patient nevertheless asks to try Prolia.", False),
    ("Osteoporosis f/u - wants to switch to Prolia.", False),
    ("Submit PA for Prolia 60 mg SC every 6 months; first\n   dose after approval.", False),
]


@pytest.mark.parametrize(("text", "on_denosumab"), REQUEST_TYPES)
def test_the_request_says_whether_it_is_a_continuation(text, on_denosumab):
    doc = note("PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nDrug: Prolia 60 mg\n" + text + "\n", "pa.txt")
    assert extract([doc]).facts.on_denosumab is on_denosumab


DATES_OF_SERVICE = [
    ("Anticipated DOS .. 10/28/2025", "2025-10-28"),
    ("The first injection is\nscheduled for 01/13/2026 in clinic.", "2026-01-13"),
    ("Next dose (date of service) 04/21/2026", "2026-04-21"),
    ("Planned injection date 11/25/2025 (office)", "2025-11-25"),
    ("Injection visit booked for 03/05/2026.", "2026-03-05"),
    ("Drug: alendronate 70 mg weekly   Start: 04/07/2025\nRequested DOS 10/28/2025", "2025-10-28"),
]


@pytest.mark.parametrize(("text", "iso"), DATES_OF_SERVICE)
def test_the_date_of_service_follows_its_cue(text, iso):
    doc = note("Request for Prolia 60 mg SC every 6 months.\n" + text + "\n")
    assert extract([doc]).request.date_of_service == iso


def test_a_note_that_a_drug_was_stopped_outweighs_a_form_that_lists_it():
    form = note(
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nAndrogen deprivation therapy Lupron 22.5 mg\n", "pa.txt"
    )
    visit = note("HPI: 72 yo man with prostate cancer. Lupron on hold; intermittent ADT in its off-phase.\n")
    assert extract([form, visit]).facts.androgen_deprivation is False


def test_a_stopped_aromatase_inhibitor_in_a_history_line_is_not_current():
    text = (
        "HPI: 44 yo woman with breast cancer.\n03/2025 Started goserelin + exemestane 25 mg daily.\n"
        "06/2025 Exemestane stopped for arthralgia; switched to tamoxifen.\n"
    )
    assert extract([note(text)]).facts.aromatase_inhibitor is False


def test_a_plan_to_continue_a_drug_makes_it_concurrent():
    text = (
        "HPI: Teriparatide was started 04/2024 after alendronate was stopped.\n"
        "Assessment and Plan:\n1. Add Prolia 60 mg now and continue teriparatide daily to finish 24 months.\n"
    )
    assert extract([note(text)]).facts.concurrent_osteoporosis_therapy == ["teriparatide"]


def test_a_short_tolerated_trial_with_a_future_stop_is_ongoing():
    text = (
        "HPI: She started alendronate 70 mg weekly 04/2025, now ~6 months, tolerating well.\n"
        "Plan: she will stop alendronate once Prolia is approved.\n"
    )
    trials = extract([note(text)]).facts.bisphosphonate_trials
    assert [(t.drug, t.outcome) for t in trials] == [("alendronate", "ongoing")]


def page_doc(pages: list[str]) -> Document:
    text, spans = "", []
    for n, page in enumerate(pages, start=1):
        if text:
            text += "\n\f\n"
        spans.append(Page(number=n, start=len(text), end=len(text) + len(page)))
        text += page
    return Document(source="packet.pdf", kind="pdf", sha256="0", text=text, pages=tuple(spans))


ROLES = [
    ("FAX\nTo: Plan  From: Clinic\nPages 4 including this cover\nCONFIDENTIALITY NOTICE", "fax_cover"),
    (
        "PRIOR AUTHORIZATION REQUEST\nMember ID U1\n1 Postmenopausal? [X] Yes [ ] No\n2 Steroids? [ ] Yes [X] No",
        "pa_form",
    ),
    (
        "LETTER OF MEDICAL NECESSITY\nTo whom it may concern:\nI am writing on behalf of my patient.\nSincerely,",
        "letter",
    ),
    (
        "OFFICE VISIT\nChief Complaint: osteoporosis\nHPI: 70 yo woman.\nAssessment and Plan: start Prolia.",
        "clinical_note",
    ),
    (
        "BONE DENSITOMETRY REPORT\nHologic Horizon A\nRegion BMD (g/cm2) T-score Z-score\nL1-L4 0.8 -2.6 -1.0",
        "dxa_report",
    ),
    (
        "CT LUMBAR SPINE WITHOUT CONTRAST\nINDICATION: back pain\nFINDINGS: L2 fracture.\nIMPRESSION: acute.",
        "imaging_report",
    ),
    ("LAB RESULTS\nSpecimen collected 04/07/2026\nCreatinine 0.9 mg/dL  Reference range 0.6-1.1", "lab_report"),
]


@pytest.mark.parametrize(("page", "role"), ROLES)
def test_each_page_is_read_by_its_role(page, role):
    doc = page_doc(["OFFICE VISIT\nHPI: 70 yo woman.\nAssessment and Plan: start Prolia.", page])
    segments = read_layout(doc, RULES).segments
    assert segments[-1].role == role or (role == "clinical_note" and len(segments) == 1)


def test_a_first_page_that_says_nothing_of_its_kind_is_other_and_a_later_one_continues():
    doc = page_doc(["Patient financial responsibility acknowledgement", *[r for r, _ in ROLES[3:4]], "page 2 of 2"])
    assert [s.role for s in read_layout(doc, RULES).segments] == ["other", "clinical_note"]


HIGH_RISK = [
    ("I consider him at high risk for fracture. Start Prolia.", True),
    ("She is at high risk for further fracture.", True),
    ("His fracture risk is not high by my assessment.", False),
    ("She is not at high risk for fracture.", False),
    ("High fracture risk per prescriber [ ] Yes [X] No", False),
    ("Prescriber: patient at high risk for fracture? [X] Yes [ ] No", True),
    ("We discussed whether she could be at high risk for fracture if steroids continue.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), HIGH_RISK)
def test_the_prescribers_fracture_risk_statement(sentence, expected):
    assert extract([note("Assessment: osteoporosis.\n" + sentence + "\n")]).facts.high_risk_per_prescriber is expected


MENOPAUSE = [
    ("56 yo G2P2 postmenopausal female (LMP 04/2021, age 51).", True),
    ("Pt is a 60 yo woman (menopause 2014, age 49; no HRT).", True),
    ("Surgical menopause after bilateral salpingo-oophorectomy in 2025.", True),
    ("Postmenopausal since 2007.", True),
    ("ROS: no postmenopausal bleeding.", None),
    ("Regular menses q 28 days, LMP 11/01/2025 - premenopausal.", False),
    ("Menopause: Premenopausal (ovarian suppression since 08/2024).", False),
    ("Adjuvant tamoxifen in 2024 (premenopausal at that time); surgical menopause 03/2025.", True),
    ("For premenopausal women, Z-scores should be used rather than T-scores.", None),
    ("She has no regular menstrual cycles on goserelin.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), MENOPAUSE)
def test_menopausal_status_in_its_wordings(sentence, expected):
    assert extract([note("HPI: woman with osteoporosis.\n" + sentence + "\n")]).facts.postmenopausal is expected


def test_a_nuclide_name_is_neither_an_age_nor_a_sex():
    facts = extract([note("Bone scan: Tc-99m MDP 25 mCi IV; no osseous metastases.\n")]).facts
    assert facts.sex is None and facts.age is None


def test_no_other_fracture_is_not_a_denial_of_the_one_described():
    text = "HPI: Right distal radius fracture 11/2022; mechanism uncertain. No other fractures.\n"
    assert extract([note(text)]).facts.fragility_fracture is None


def test_not_currently_taking_a_drug_is_not_never_having_taken_one():
    facts = extract([note("HPI: He is not currently taking any osteoporosis medication.\n")]).facts
    assert facts.bisphosphonate_naive is None


def test_an_answer_read_only_from_column_position_decides_nothing_alone():
    text = (
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nCriterion                      Yes   No\n"
        "History of fragility fracture  ( X ) ( )\n"
    )
    facts = extract([note(text, "pa.txt")]).facts
    assert facts.fragility_fracture is True and "fragility_fracture" in facts.unconfirmed


def test_a_note_confirms_what_a_column_read_box_says():
    form = note(
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nCriterion   Yes  No\nFragility fracture ( X ) ( )\n", "pa.txt"
    )
    visit = note("HPI: L1 compression fracture in 2023 while lifting a laundry basket.\n")
    assert "fragility_fracture" not in extract([form, visit]).facts.unconfirmed


TRIALS = [
    ("IV zoledronic acid is retained in bone for years; not tried.", []),
    ("- Never received IV zoledronic acid or any other osteoporosis drug.", []),
    ("Prolia · Jubbonti · Stoboclo · Evenity · Forteo/teriparatide · Tymlos · Reclast | Plan fax line", []),
    ("Alendronate 70 mg weekly 2019-2024, stopped for esophagitis.", ["alendronate"]),
]


@pytest.mark.parametrize(("sentence", "drugs"), TRIALS)
def test_bisphosphonate_trials_are_only_the_ones_taken(sentence, drugs):
    trials = extract([note("HPI: osteoporosis.\n" + sentence + "\n")]).facts.bisphosphonate_trials
    assert [t.drug for t in trials] == drugs


def test_the_record_says_which_source_decided():
    form = note(
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nAndrogen deprivation therapy Lupron 22.5 mg\n", "pa.txt"
    )
    visit = note("HPI: 72 yo man with prostate cancer. Lupron on hold; intermittent ADT in its off-phase.\n")
    facts = extract([form, visit]).facts
    assert facts.androgen_deprivation is False
    assert "androgen_deprivation" in facts.decided_by


@pytest.mark.parametrize(
    ("sentence", "naive"),
    [
        ("She is on no osteoporosis medication now and has never had Prolia.", None),
        ("(no bisphosphonate or other bone medication currently)", None),
        ("She has never taken a bisphosphonate and is on no treatment now.", True),
    ],
)
def test_a_denial_about_now_is_told_from_a_denial_about_ever(sentence, naive):
    assert extract([note("HPI: osteoporosis.\n" + sentence + "\n")]).facts.bisphosphonate_naive is naive


STEROIDS = [
    ("Prednisone 10 mg daily since 03/2025 for lupus.", True),
    ("Steroids: no oral, injected or inhaled glucocorticoids.", False),
    ("No oral or injected steroids (uses clobetasol cream on his hands).", False),
    ("Resolved after a steroid injection x1 (08/2025).", None),
    ("A 5-day prednisone 40 mg burst in 01/2025. He is NOT on maintenance oral steroids.", False),
    ("eGFR >90 on 01/29/2026; no steroids.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), STEROIDS)
def test_chronic_systemic_glucocorticoids(sentence, expected):
    assert extract([note("HPI: osteoporosis.\n" + sentence + "\n")]).facts.systemic_glucocorticoid is expected


def test_a_note_denying_maintenance_steroids_outweighs_a_form_tick():
    form = note(
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\nDiagnosis: ☒ Glucocorticoid-induced osteoporosis\n", "pa.txt"
    )
    visit = note("HPI: COPD on inhaled fluticasone. He is NOT on maintenance oral steroids.\n")
    assert extract([form, visit]).facts.systemic_glucocorticoid is False


def test_a_measurement_above_a_bound_is_normal_renal_function():
    assert extract([note("Labs: creatinine 0.66, eGFR >90.\n")]).facts.severe_renal_impairment is False


@pytest.mark.parametrize(
    ("sentence", "breast", "prostate"),
    [
        ("No history of cancer. No glucocorticoid use.", False, False),
        ("No history of breast cancer.", False, None),
        ("Prostate adenocarcinoma on ADT; bone biopsy negative for malignancy.", None, True),
    ],
)
def test_a_denial_of_any_cancer_denies_each(sentence, breast, prostate):
    facts = extract([note("HPI: osteoporosis.\n" + sentence + "\n")]).facts
    assert (facts.breast_cancer, facts.prostate_cancer) == (breast, prostate)


def test_an_unchecked_box_whose_label_wrapped_to_the_next_line():
    text = (
        "PRIOR AUTHORIZATION REQUEST FORM\nMember ID Z1\n"
        "Product ☐ Prolia ☒ Jubbonti (denosumab-bbdz) ☐ Stoboclo ☐ Xgeva ☐\nZoledronic acid\n"
    )
    assert extract([note(text, "pa.txt")]).facts.bisphosphonate_trials == []


def test_a_drug_that_was_offered_is_not_a_trial():
    text = "HPI: Zoledronic acid 4 mg every 6 months was offered as adjuvant therapy; she declined.\n"
    assert extract([note(text)]).facts.bisphosphonate_trials == []
