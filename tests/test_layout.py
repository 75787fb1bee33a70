"""Reading layout: form answers in their renderings, boilerplate, document roles, fracture mechanism."""

from __future__ import annotations

import pytest
from conftest import note

from abstractor.core.document import Document
from abstractor.nlp.extract import extract
from abstractor.nlp.layout import read_layout
from abstractor.nlp.rules import load_rules

RULES = load_rules()


FORM_HEAD = "PRIOR AUTHORIZATION REQUEST FORM\nMember ID: X1\n"


# (form line, the fracture-history answer it gives: True yes, False no, None unanswered)
CHECKBOXES = [
    ("3 History of osteoporotic or fragility fracture? [X] Yes [ ] No", True),
    ("3 History of osteoporotic or fragility fracture? [ ] Yes [X] No", False),
    ("3 History of osteoporotic or fragility fracture? [ ] Yes [ ] No", None),
    ("History of osteoporotic or fragility fracture? ☒ Yes ☐ No", True),
    ("History of osteoporotic or fragility fracture? ☐ Yes ☒ No", False),
    ("History of osteoporotic or fragility fracture ☐ Yes ☑ No", False),
    ("History of osteoporotic or fragility fracture? ■ Yes □ No", True),
    ("History of osteoporotic or fragility fracture? ○ Yes ● No", False),
    ("History of osteoporotic or fragility fracture? ○ Yes ○ No", None),
    ("B5. History of osteoporotic or fragility fracture? ( ) Yes (x) No", False),
    ("History of osteoporotic or fragility fracture? [✓] Yes [ ] No", True),
    ("Osteoporotic / fragility fracture ✔ Yes ☐ No", True),
    ("3. Has the member had an osteoporotic or fragility fracture? Yes [ ] No [X]", False),
    ("3. Has the member had an osteoporotic or fragility fracture? Yes _X_ No ___", True),
    ("3. Has the member had an osteoporotic or fragility fracture? Yes ___ No _X_", False),
    ("b History of fragility fracture? Y [ ] N [X]", False),
    ("Q4  Has the patient had an osteoporotic or fragility fracture?\n      Y/N: N", False),
    ("7. Hx osteoporotic/fragility fracture? Y/N: Y", True),
    ("4. History of osteoporotic or fragility fracture? NO", False),
    ("4. History of osteoporotic or fragility fracture? YES", True),
    ("Fragility fracture history ............ No", False),
    ("3 Does the patient have a history of an osteoporotic or fragility (low-trauma) [ ] Yes [X] No\nfracture?", False),
    ("4. History of osteoporotic or fragility fracture?", None),
    ("✔ Prescriber considers the patient at high risk\n___ Osteoporotic or fragility fracture", None),
]


@pytest.mark.parametrize(("line", "expected"), CHECKBOXES)
def test_a_form_question_is_a_fact_only_through_its_answer(line, expected):
    facts = extract([note(FORM_HEAD + line + "\n", "pa_form.txt")]).facts
    assert facts.fragility_fracture is expected


def test_unchecked_options_are_not_facts_and_checked_ones_are():
    text = FORM_HEAD + "Product [X] Prolia [ ] Jubbonti [ ] Stoboclo  HCPCS J0897\nSex [ ] M [X] F\n"
    text += "Indication [ ] Glucocorticoid-induced osteoporosis [X] Postmenopausal osteoporosis\n"
    facts = extract([note(text, "pa_form.txt")])
    assert facts.request.product == "Prolia"
    assert facts.facts.systemic_glucocorticoid is None


def test_examples_inside_a_question_answered_yes_are_not_drugs_taken():
    text = FORM_HEAD + "4 Has the patient tried an oral bisphosphonate (alendronate, risedronate)? [X] Yes [ ] No\n"
    text += "Drug: risedronate 35 mg weekly 2019-2023, stopped for esophagitis.\n"
    trials = extract([note(text, "pa_form.txt")]).facts.bisphosphonate_trials
    assert [t.drug for t in trials] == ["risedronate"]


BOILERPLATE = [
    "WHO classification: Osteoporosis - T-score -2.5 or lower. A fragility fracture of the hip or spine "
    "establishes osteoporosis regardless of T-score.",
    "Fragility fracture of the hip or spine establishes osteoporosis regardless\nof T-score.",
    "Clinical risk factors, including prior fragility fracture, should be considered in addition to BMD.",
    "FRAX (femoral neck BMD; parent fractured hip: yes): major osteoporotic 6.8%, hip 0.7%.",
    "Risk factors entered: parental hip fracture, glucocorticoids.",
    "FRAX estimates the 10-year probability of hip fracture in untreated patients between 40 and 90 years.",
    "Treatment is generally considered when the 10-year probability of hip fracture is 3% or more.",
    "Vertebral fracture assessment was not performed.",
    "Z-scores should be used for premenopausal women; a Z-score of -2.0 or lower is below the expected range.",
    "CONFIDENTIALITY NOTICE: this fax contains protected health information that is privileged; if you have "
    "received this in error, destroy it.",
    "Incomplete forms may delay the determination. Please attach chart notes and a list of prior fractures.",
    "I attest that the information is accurate, including any history of fracture or steroid use.",
    "Osteoporosis: T-score -2.5 or below. Severe osteoporosis: T-score -2.5 or below with a fragility fracture.",
    "Renal osteodystrophy cannot be distinguished from osteoporosis by DXA; glucocorticoid use should be noted.",
    "WHO categories do not apply to premenopausal women; prior fracture and steroid use are not assessed.",
    "T-scores apply to postmenopausal women and men aged 50 and older; fractures are not graded here.",
    "FRAX inputs: previous fracture yes, parent fractured hip yes, glucocorticoids yes, RA no.",
    "Please list all prior fractures with dates and mechanism if known.",
    "Check all that apply: prior fragility fracture, chronic steroid use, early menopause.",
    "FOR PLAN USE ONLY  Decision: [ ] Approved [ ] Denied  History of fracture reviewed by ____",
]


@pytest.mark.parametrize("passage", BOILERPLATE)
def test_boilerplate_says_nothing_about_the_patient(passage):
    facts = extract([note("DXA REPORT\n" + passage + "\n")]).facts
    assert facts.fragility_fracture is None
    assert facts.systemic_glucocorticoid is None


MECHANISMS = [
    ("She fell from standing height and fractured her left wrist in 2021.", True),
    ("L1 compression fracture in 2023 while lifting a laundry basket.", True),
    ("Rib fracture from coughing during bronchitis.", True),
    ("Tripped on a rug at home and sustained a right hip fracture.", True),
    ("Right distal radius fracture after a fall from an 8-ft ladder.", False),
    ("Rib fractures as the restrained driver in a collision at 40 mph.", False),
    ("Broke her clavicle in a car accident in 2012.", False),
    ("Ankle fracture while skiing in 2018.", False),
    ("Crush injury of the left foot with metatarsal fractures.", False),
    ("Pathologic fracture of L3 through a metastasis.", False),
    ("Wrist fracture after falling from a roof.", False),
    ("Tibial fracture in a motorcycle accident.", False),
    ("Her mother had a hip fracture at 80.", None),
    ("Denies any history of fractures.", False),
    ("ROS: (+) hot flashes. (-) bone pain, fractures, hematuria.", False),
    (
        "Discussed the risks and side effects of denosumab, including atypical\nfemur fractures and rebound "
        "increase in vertebral fractures after stopping.",
        None,
    ),
    ("T11 vertebral fracture found on a chest x-ray; she recalls no trauma.", True),
    ("Sacral insufficiency fracture without a fall.", True),
    ("Slipped on ice from standing and broke her left wrist.", True),
    ("Hip fracture after a ground-level fall at home.", True),
    ("Fractured his clavicle playing football in college.", False),
    ("Humerus fracture when struck by a car as a pedestrian.", False),
    ("Calcaneus fracture from a 10-ft fall off a roof while cleaning gutters.", False),
    ("Vertebral compression fracture through a lytic metastasis.", False),
    ("Low-trauma fracture of the left wrist in 2022.", True),
    ("Rib fracture with minimal trauma while reaching into a cabinet.", True),
]


@pytest.mark.parametrize(("sentence", "expected"), MECHANISMS)
def test_fracture_mechanism_decides_fragility(sentence, expected):
    facts = extract([note("HPI: 70 year old woman.\n" + sentence + "\n")]).facts
    assert facts.fragility_fracture is expected


def test_pages_of_a_fax_packet_are_read_by_role():
    from abstractor.core.document import Page

    pages = [
        "FAX COVER SHEET\nTo: Plan  From: Clinic\nPages (incl. cover): 3\nCONFIDENTIALITY NOTICE: private.",
        "PRIOR AUTHORIZATION REQUEST\nMember ID U1\n1 Postmenopausal? [X] Yes [ ] No\n2 Steroids? [ ] Yes [X] No",
        "BONE DENSITOMETRY REPORT\nHologic Horizon\nRegion BMD (g/cm2) T-score Z-score\nL1-L4 0.800 -2.6 -1.0",
    ]
    text, spans = "", []
    for n, page in enumerate(pages, start=1):
        if text:
            text += "\n\f\n"
        spans.append(Page(number=n, start=len(text), end=len(text) + len(page)))
        text += page
    doc = Document(source="packet.pdf", kind="pdf", sha256="0", text=text, pages=tuple(spans))
    roles = [s.role for s in read_layout(doc, RULES).segments]
    assert roles == ["fax_cover", "pa_form", "dxa_report"]


def test_an_unanswered_mechanism_question_leaves_the_mechanism_open():
    text = FORM_HEAD + (
        "2. History of fracture? [X] Yes [ ] No Site / date: right distal radius, 11/2022\n"
        "2a. Was the fracture low-trauma (fall from standing height or less)? [ ] Yes [ ] No\n"
    )
    assert extract([note(text, "pa_form.txt")]).facts.fragility_fracture is None


def test_a_mechanism_question_answered_no_is_not_a_fragility_fracture():
    text = FORM_HEAD + (
        "2. History of fracture? [X] Yes [ ] No Site / date: right distal radius, 11/2022\n"
        "2a. Was the fracture low-trauma (fall from standing height or less)? [ ] Yes [X] No\n"
    )
    assert extract([note(text, "pa_form.txt")]).facts.fragility_fracture is False
