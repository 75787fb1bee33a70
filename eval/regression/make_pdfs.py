#!/usr/bin/env python3
"""Render every PDF of the regression corpus (eval/regression/cases/rg-NN/*.pdf).

    python eval/regression/make_pdfs.py            # (re)write all PDFs
    python eval/regression/make_pdfs.py rg-07      # only the bundles named

Needs reportlab (>= 4) and the DejaVu TTF fonts (Debian/Ubuntu: fonts-dejavu-core).  The source text
of every PDF is kept below in SOURCES, written in a small line markup:

    # Title / ## Section / ### Small heading        headings
    |! a | b | c |                                  table header row (bold, shaded)
    | a | b | c |                                   table row;  "<<" spans the cell to its left,
                                                    "^^" spans the cell above
    |#w 3,1,1|  |#grid| |#lines| |#plain|           table column weights / table style
    ```  ...  ```                                   pre-formatted block (monospaced, kept as typed)
    ---                                             horizontal rule
    %%PAGE                                          page break inside one document
    @c / @r / @s / @i text                          centred / right-aligned / small print / indented
    **bold**                                        inline bold
    any other line                                  one paragraph (wrapped)

A PDF is one or more documents; each document starts on a new page.  A fax packet adds a header or
footer line (sender, date/time, "Page N of M") to every page.  rl_config.invariant is set, so the
output bytes are the same on every run.  Every page has a real text layer (no images).
"""
import os
import re
import sys

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import inch  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.lib.fonts import addMapping  # noqa: E402
from reportlab.platypus import (HRFlowable, PageBreak, Paragraph, Preformatted,  # noqa: E402
                                SimpleDocTemplate, Spacer, Table, TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts",
             "/Library/Fonts", os.path.expanduser("~/.fonts")]

# family name -> (regular, bold, italic, bold-italic) TTF files
FAMILIES = {
    "sans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "serif": ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic"),
    "mono": ("DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSansMono-Oblique", "DejaVuSansMono-BoldOblique"),
    "cond": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Oblique",
             "DejaVuSansCondensed-BoldOblique"),
}
# glyphs that DejaVu Serif lacks are always set in DejaVu Sans
BOX_GLYPHS = "☒☐☑✔✓✗■□●○"


def _find_font(name):
    for d in FONT_DIRS:
        p = os.path.join(d, name + ".ttf")
        if os.path.exists(p):
            return p
    sys.exit("DejaVu font %s.ttf not found (install fonts-dejavu-core)" % name)


def register_fonts():
    for fam, files in FAMILIES.items():
        for f in files:
            pdfmetrics.registerFont(TTFont(f, _find_font(f)))
        addMapping(files[0], 0, 0, files[0])
        addMapping(files[0], 1, 0, files[1])
        addMapping(files[0], 0, 1, files[2])
        addMapping(files[0], 1, 1, files[3])


def esc(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    s = re.sub("([%s])" % BOX_GLYPHS, r'<font name="DejaVuSans">\1</font>', s)
    return s


class Styles:
    def __init__(self, family, size):
        reg, bold = FAMILIES[family][0], FAMILIES[family][1]
        mono = FAMILIES["mono"][0]
        lead = size * 1.28
        self.p = ParagraphStyle("p", fontName=reg, fontSize=size, leading=lead, spaceAfter=1.5)
        self.c = ParagraphStyle("c", parent=self.p, alignment=TA_CENTER)
        self.r = ParagraphStyle("r", parent=self.p, alignment=TA_RIGHT)
        self.s = ParagraphStyle("s", parent=self.p, fontSize=size - 1.8, leading=(size - 1.8) * 1.25,
                                textColor=colors.HexColor("#333333"))
        self.i = ParagraphStyle("i", parent=self.p, leftIndent=18)
        self.h1 = ParagraphStyle("h1", parent=self.p, fontName=bold, fontSize=size + 4.5,
                                 leading=(size + 4.5) * 1.25, spaceBefore=2, spaceAfter=5)
        self.h2 = ParagraphStyle("h2", parent=self.p, fontName=bold, fontSize=size + 1.5,
                                 leading=(size + 1.5) * 1.3, spaceBefore=6, spaceAfter=2)
        self.h3 = ParagraphStyle("h3", parent=self.p, fontName=bold, spaceBefore=3)
        self.cell = ParagraphStyle("cell", parent=self.p, fontSize=size - 0.8, leading=(size - 0.8) * 1.2,
                                   spaceAfter=0)
        self.hcell = ParagraphStyle("hcell", parent=self.cell, fontName=bold)
        self.pre = ParagraphStyle("pre", fontName=mono, fontSize=size - 1.2, leading=(size - 1.2) * 1.3)


def make_table(rows, st, width, weights=None, style="grid"):
    ncol = max(len(r[1]) for r in rows)
    weights = weights or [1] * ncol
    if len(weights) < ncol:
        weights = list(weights) + [1] * (ncol - len(weights))
    tot = float(sum(weights[:ncol]))
    colw = [width * w / tot for w in weights[:ncol]]
    data, cmds = [], []
    for ri, (is_head, cells) in enumerate(rows):
        cells = cells + [""] * (ncol - len(cells))
        row = []
        for ci, c in enumerate(cells):
            if c == "<<":
                cmds.append(("SPAN", (ci - 1, ri), (ci, ri)))
                row.append("")
            elif c == "^^":
                cmds.append(("SPAN", (ci, ri - 1), (ci, ri)))
                row.append("")
            else:
                row.append(Paragraph(esc(c), st.hcell if is_head else st.cell))
        data.append(row)
        if is_head:
            cmds.append(("BACKGROUND", (0, ri), (-1, ri), colors.HexColor("#e4e4e4")))
    # resolve chained spans ("<<" after "<<")
    spans = {}
    for cmd in cmds:
        if cmd[0] == "SPAN":
            (c0, r0), (c1, r1) = cmd[1], cmd[2]
            spans[(c1, r1)] = (c0, r0)
    merged = []
    for (c1, r1), (c0, r0) in spans.items():
        while (c0, r0) in spans:
            c0, r0 = spans[(c0, r0)]
        merged.append(((c0, r0), (c1, r1)))
    # keep only maximal spans
    final = {}
    for (a, b) in merged:
        key = a
        if key not in final or (b[0] >= final[key][0] and b[1] >= final[key][1]):
            final[key] = b
    cmds = [c for c in cmds if c[0] != "SPAN"] + [("SPAN", a, b) for a, b in sorted(final.items())]
    cmds += [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
             ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if style == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555")))
    elif style == "lines":
        cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#888888")))
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black))
    elif style == "box":
        cmds.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
    t = Table(data, colWidths=colw, hAlign="LEFT")
    t.setStyle(TableStyle(cmds))
    return t


def parse(markup, st, width):
    out = []
    lines = markup.strip("\n").split("\n")
    i = 0
    table_rows, weights, tstyle = [], None, "grid"

    def flush_table():
        nonlocal table_rows, weights, tstyle
        if table_rows:
            out.append(make_table(table_rows, st, width, weights, tstyle))
            out.append(Spacer(1, 4))
        table_rows, weights, tstyle = [], None, "grid"

    while i < len(lines):
        line = lines[i].rstrip()
        if line.startswith("|"):
            body = line.strip()
            if body.startswith("|#"):
                if table_rows:  # a directive after rows starts the next table
                    flush_table()
                d = body.strip("|#").strip()
                if d.startswith("w "):
                    weights = [float(x) for x in d[2:].split(",")]
                else:
                    tstyle = d
            else:
                head = body.startswith("|!")
                body = body[2:] if head else body[1:]
                if body.endswith("|"):
                    body = body[:-1]
                table_rows.append((head, [c.strip() for c in body.split("|")]))
            i += 1
            continue
        flush_table()
        if line.strip() == "```":
            j = i + 1
            buf = []
            while j < len(lines) and lines[j].rstrip() != "```":
                buf.append(lines[j].rstrip())
                j += 1
            out.append(Preformatted("\n".join(buf), st.pre))
            out.append(Spacer(1, 3))
            i = j + 1
            continue
        if not line.strip():
            out.append(Spacer(1, 4))
        elif line.strip() == "%%PAGE":
            out.append(PageBreak())
        elif line.strip() == "---":
            out.append(HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#444444"),
                                  spaceBefore=2, spaceAfter=3))
        elif line.startswith("### "):
            out.append(Paragraph(esc(line[4:]), st.h3))
        elif line.startswith("## "):
            out.append(Paragraph(esc(line[3:]), st.h2))
        elif line.startswith("# "):
            out.append(Paragraph(esc(line[2:]), st.h1))
        elif line[:3] in ("@c ", "@r ", "@s ", "@i "):
            out.append(Paragraph(esc(line[3:]), getattr(st, line[1])))
        else:
            out.append(Paragraph(esc(line), st.p))
        i += 1
    flush_table()
    return out


def build(relpath, spec):
    path = os.path.join(CASES, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    docs = spec["docs"]
    fax = spec.get("fax")
    margin = 0.7 * inch
    width = letter[0] - 2 * margin

    def story():
        flow = []
        for n, d in enumerate(docs):
            if isinstance(d, str):
                d = {"text": d}
            st = Styles(d.get("font", spec.get("font", "sans")), d.get("size", spec.get("size", 9.5)))
            if n:
                flow.append(PageBreak())
            flow.extend(parse(d["text"], st, width))
        return flow

    def render(total):
        def on_page(canv, doc):
            if not fax:
                return
            canv.saveState()
            canv.setFont(fax.get("font", "DejaVuSansMono"), fax.get("size", 7.5))
            text = fax["line"].format(page=doc.page, total=total, page2="%02d" % doc.page,
                                      total2="%02d" % total)
            y = letter[1] - 0.38 * inch if fax.get("where", "header") == "header" else 0.36 * inch
            canv.drawString(margin - 0.25 * inch, y, text)
            canv.restoreState()

        doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=margin, rightMargin=margin,
                                topMargin=0.75 * inch, bottomMargin=0.7 * inch, invariant=1,
                                title=spec.get("title", os.path.basename(relpath)), author="",
                                subject="", creator="eval/regression/make_pdfs.py", producer="reportlab")
        doc.build(story(), onFirstPage=on_page, onLaterPages=on_page)
        return doc.page

    total = render(0)
    if fax:
        render(total)
    return path


SOURCES = {}


def pdf(relpath, *docs, fax=None, font="sans", size=9.5, title=None):
    SOURCES[relpath] = {"docs": list(docs), "fax": fax, "font": font, "size": size, "title": title}


# =====================================================================================================
# Source content, one block per bundle.  Everything below is invented (people, ids, NPIs, addresses).
# =====================================================================================================

# ----------------------------------------------------------------------------------------------- rg-01
pdf("rg-01/Pinecrest_fax_2025-11-05.pdf", """
# FACSIMILE TRANSMITTAL
Pinecrest Endocrinology & Bone Health
4410 Marlowe Avenue, Suite 300, Fairhaven, OH 44907
Phone (330) 555-0147    Fax (330) 555-0148
---
|#w 1,3|
|#plain|
| **To:** | Utilization Management / Medical Injectables Precertification |
| **Fax:** | (866) 555-0193 |
| **From:** | Dana Whitcomb, CMA, for Priya Venkataraman, MD |
| **Date:** | 11/05/2025 |
| **Pages:** | 5 (including this cover) |
| **Re:** | Prior authorization, denosumab 60 mg (Prolia), patient Rosalind T. Okafor, DOB 04/19/1956 |
---
Enclosed: precertification request form, letter of medical necessity, most recent endocrinology office note, DXA report dated 10/21/2025.
Please call (330) 555-0147 ext. 212 with the reference number. Injection is scheduled in our office.
@s CONFIDENTIALITY NOTICE: The documents accompanying this facsimile contain protected health information that is legally privileged. If you are not the intended recipient, you are hereby notified that any disclosure, copying, or distribution of this information is prohibited. If you received this fax in error, please notify the sender by telephone and destroy the documents.
""", """
# Medical Injectable Precertification Request
@s Denosumab 60 mg products (Prolia / biosimilars). Complete all fields. Incomplete requests may delay review.
## Section A. Member
|#w 1,2,1,2|
| Member name | Rosalind T. Okafor | DOB | 04/19/1956 |
| Member ID | U4471 90286 03 | Sex | [X] F  [ ] M |
| Plan | Open Access Plus | Phone | (330) 555-0161 |
## Section B. Prescriber / Site of care
|#w 1,2,1,2|
| Prescriber | Priya Venkataraman, MD (Endocrinology) | NPI | 1730498822 |
| Practice | Pinecrest Endocrinology & Bone Health | Tax ID | 34-5550917 |
| Site of care | [X] Physician office  [ ] Home infusion  [ ] Outpatient hospital | << | << |
## Section C. Medication requested
[X] Prolia (denosumab) J0897     [ ] Jubbonti (denosumab-bbdz) Q5136     [ ] Stoboclo (denosumab-bmwo) Q5157
Dose: 60 mg subcutaneous    Frequency: every 6 months    Units: 60    Start / scheduled date: 11/12/2025
Request type: [X] Initial   [ ] Continuation (date of first dose: ________)
## Section D. Diagnosis
Primary ICD-10-CM: M81.0      Secondary: Z87.310
## Section E. Clinical questions
|#w 6,1,1|
|! Question | Yes | No |
| 1. Is the patient postmenopausal? | [X] | [ ] |
| 2. Lowest T-score at or below -2.5 (spine, femoral neck, total hip or 1/3 radius)? | [X] | [ ] |
| 3. History of osteoporotic / fragility fracture? If yes, site and date: left distal radius 03/2025 | [X] | [ ] |
| 4. Has the patient received IV ibandronate or IV zoledronic acid? | [ ] | [X] |
| 5. Has the patient tried an oral bisphosphonate? Complete table below. | [X] | [ ] |
| 6. Can the patient swallow tablets and remain upright for 30-60 minutes? | [X] | [ ] |
| 7. Will denosumab be used together with another osteoporosis medication? | [ ] | [X] |
| 8. In the prescriber's judgment is the patient at high risk for fracture? | [X] | [ ] |
| 9. Creatinine clearance below 35 mL/min or CKD? | [ ] | [X] |
### Prior osteoporosis therapy
|#w 2,1,1,3|
|! Drug | Start | Stop | Outcome / reason stopped |
| alendronate 70 mg weekly (Fosamax) | 03/2021 | 04/2025 | BMD decline at hip and spine plus wrist fracture on therapy |
|  |  |  |  |
Prescriber signature: Priya Venkataraman, MD (e-signed)        Date: 11/04/2025
""", """
@r Pinecrest Endocrinology & Bone Health | 4410 Marlowe Avenue, Suite 300 | Fairhaven, OH 44907
@r November 4, 2025

Re: Rosalind T. Okafor    DOB 04/19/1956    Member ID U4471 90286 03
Request: Prolia (denosumab) 60 mg subcutaneously every six months, HCPCS J0897

To the reviewing pharmacist or medical director:

I am writing on behalf of my patient, a 69-year-old postmenopausal woman (natural menopause at age 50) whom I have followed for osteoporosis since 2021. Her most recent DXA on 10/21/2025 shows a left femoral neck T-score of -2.7 and a right femoral neck T-score of -2.6.

She took alendronate 70 mg weekly from March 2021 until April 2025, a little over four years, with good adherence confirmed by pharmacy fill history. Despite that, her bone density continued to fall: the left femoral neck went from T -2.4 at baseline (02/2021) to -2.5 in 06/2023 and -2.7 now, and the lumbar spine declined over the same period. In March 2025 she sustained a left distal radius fracture after slipping on her kitchen floor, a fall from standing height, while still taking alendronate. In my judgment this represents inadequate efficacy of oral bisphosphonate therapy, and she remains at high risk for future fracture.

Alendronate was stopped in April 2025 and she is not taking any other osteoporosis medication. Renal function is preserved (eGFR 71 mL/min/1.73 m2); calcium and 25-hydroxy vitamin D are normal. I am requesting approval of Prolia 60 mg every six months, to be given in our office, with the first dose on 11/12/2025.

Sincerely,

Priya Venkataraman, MD
Endocrinology, NPI 1730498822
""", """
@s Pinecrest Endocrinology & Bone Health - Clinical Encounter Summary - printed 11/05/2025 09:31
# Office Visit
|#w 1,2,1,2|
|#plain|
| Patient | OKAFOR, ROSALIND T | DOB | 04/19/1956 (69 yo F) |
| Encounter date | 10/28/2025 | Provider | Priya Venkataraman, MD |
| Visit type | Follow-up, established | Appt. reason | DXA results, treatment plan |
## HPI
69 yo F with postmenopausal osteoporosis returns to review DXA from 10/21/2025. Took alendronate 70 mg weekly 03/2021-04/2025. Sustained L distal radius fx 03/2025 after slipping on a wet kitchen floor (fall from standing), treated closed in a cast, now healed. Alendronate held since 04/2025 pending discussion of next therapy. Denies new fractures, falls, back pain or height loss since last visit. Menopause at age 50, never on HRT.
## Medications
|#w 3,1,2|
|! Medication | Status | Comment |
| amlodipine 5 mg tablet, once daily | Active |  |
| calcium carbonate 600 mg + vitamin D3 800 IU, twice daily | Active |  |
| alendronate 70 mg tablet, once weekly | Discontinued 04/2025 | inadequate response |
## Family / social history
Mother had a hip fracture at 81. Former smoker, quit 1998. 1-2 glasses of wine per week.
No history of oral or IV glucocorticoid use. No history of breast cancer.
## ROS
Constitutional: negative. GI: denies dysphagia, heartburn or abdominal pain. MSK: no back pain. All other systems negative.
## Exam
BP 132/78, Ht 160.5 cm (162.0 cm in 2021), Wt 58.2 kg. No spinal tenderness. Healed L wrist, full ROM.
## Labs (10/21/2025)
Creatinine 0.84 mg/dL, eGFR 71, calcium 9.4 mg/dL, albumin 4.1, 25-OH vitamin D 38 ng/mL, PTH 41 pg/mL.
## Assessment / Plan
1. Age-related osteoporosis without current pathological fracture (M81.0) - DXA 10/21/2025 L FN T -2.7; continued decline on alendronate with fracture while on therapy = treatment failure. She is at high risk of fracture. Start Prolia 60 mg SC q6 months; PA submitted, first injection 11/12/2025 in clinic. Denosumab-naive. Counselled on hypocalcemia, dental hygiene, and not delaying doses.
2. Personal history of healed osteoporotic fracture (Z87.310) - L distal radius 03/2025.
3. Family history of osteoporosis (Z82.62) - mother, hip fracture.
4. Essential hypertension (I10) - stable on amlodipine.
Return 6 months with labs before second dose.
Electronically signed: Priya Venkataraman, MD 10/28/2025 16:40
""", """
@c FAIRHAVEN IMAGING CENTER - BONE DENSITOMETRY
@c Hologic Horizon A  |  Software APEX 5.6.1
|#w 1,2,1,2|
|#plain|
| Patient | Okafor, Rosalind T | Exam date | 10/21/2025 |
| DOB / Age | 04/19/1956 / 69 | Referring | P. Venkataraman, MD |
| Sex / Ethnicity | Female / Black | Height / Weight | 160.5 cm / 58.2 kg |
## DXA Results Summary
|#w 2,1,1,1,1,1|
|! Region | Area (cm2) | BMD (g/cm2) | T-score | PR (%) | Z-score |
| **AP Spine** | << | << | << | << | << |
| L1 | 14.02 | 0.798 | -2.0 | 79 | -0.6 |
| L2 | 15.11 | 0.763 | -2.6 | 74 | -1.1 |
| L3 | 16.47 | 0.792 | -2.5 | 75 | -1.0 |
| L4 | 18.20 | 0.846 | -2.3 | 78 | -0.8 |
| L1-L4 Total | 63.80 | 0.802 | -2.4 | 76 | -0.9 |
| **Left Femur** | << | << | << | << | << |
| Neck | 4.91 | 0.570 | -2.7 | 67 | -0.9 |
| Total | 31.22 | 0.713 | -2.2 | 73 | -0.7 |
| **Right Femur** | << | << | << | << | << |
| Neck | 4.88 | 0.582 | -2.6 | 68 | -0.8 |
| Total | 31.40 | 0.722 | -2.1 | 74 | -0.6 |
@s Total BMD CV 1.0%. WHO classification: normal T-score -1.0 and above; osteopenia (low bone mass) between -1.0 and -2.5; osteoporosis -2.5 and below. PR = peak reference. Z-score compares to age-matched reference.
## Trend: Left Femur Neck
|#w 1,1,1,1,1|
|! Measured date | Age | BMD (g/cm2) | T-score | Change vs baseline |
| 10/21/2025 | 69.5 | 0.570 | -2.7 | -4.7%* |
| 06/14/2023 | 67.2 | 0.586 | -2.5 | -2.0% |
| 02/09/2021 | 64.8 | 0.598 | -2.4 | baseline |
## Trend: AP Spine L1-L4
|#w 1,1,1,1,1|
|! Measured date | Age | BMD (g/cm2) | T-score | Change vs baseline |
| 10/21/2025 | 69.5 | 0.802 | -2.4 | -3.4%* |
| 06/14/2023 | 67.2 | 0.823 | -2.2 | -0.8% |
| 02/09/2021 | 64.8 | 0.830 | -2.1 | baseline |
## Trend: Left Total Hip
|#w 1,1,1,1,1|
|! Measured date | Age | BMD (g/cm2) | T-score | Change vs baseline |
| 10/21/2025 | 69.5 | 0.713 | -2.2 | -3.8%* |
| 06/14/2023 | 67.2 | 0.727 | -2.0 | -1.9% |
| 02/09/2021 | 64.8 | 0.741 | -1.9 | baseline |
@s * denotes statistically significant change (exceeds least significant change at 95% confidence).
## Impression
1. Osteoporosis by WHO criteria, lowest T-score -2.7 at the left femoral neck.
2. Statistically significant decrease in BMD at the left hip and lumbar spine compared with 02/09/2021 despite reported bisphosphonate therapy.
3. 10-year FRAX probability (with prior fracture): major osteoporotic fracture 24%, hip fracture 5.9%.
@s FRAX is provided for information only and does not replace clinical judgment; FRAX was validated for untreated patients. Fracture risk categories shown by the software are not a treatment recommendation.
Interpreting physician: Colm Raftery, MD, Radiology    Signed 10/21/2025 15:12
""", fax={"line": "11/05/2025 09:47  FROM: PINECREST ENDO  (330) 555-0148  TO: 18665550193   Page {page} of {total}"},
    title="Pinecrest fax 2025-11-05")

# ----------------------------------------------------------------------------------------------- rg-02
pdf("rg-02/PA_request_denosumab.pdf", """
# Prior Authorization Request - Injectable Medication
@s Send to: Precertification Unit, fax (866) 555-0193. One request per drug. Please print clearly or type.
---
## 1. Patient information
|#w 1,2,1,1|
| Name | Lorraine K. Abernathy | Date of birth | 09/03/1958 |
| Member ID | C7730 14456 | Gender | ☒ Female ☐ Male |
## 2. Prescriber information
|#w 1,2,1,1|
| Prescriber | Simone Achebe-Laurent, DO | NPI | 1457720913 |
| Practice | Brightwater Family Practice, 1180 Old Mill Road, Kestrel Falls, PA 17555 | Phone / Fax | (717) 555-0122 / 0123 |
| Contact | Anita Ruiz, LPN | << | << |
## 3. Drug requested
☒ Prolia (denosumab) 60 mg/mL    ☐ Jubbonti (denosumab-bbdz)    ☐ Stoboclo (denosumab-bmwo)
HCPCS: ☒ J0897   ☐ Q5136   ☐ Q5157        Quantity: 60 units (1 syringe)
Directions: 60 mg subcutaneously once every 6 months
Anticipated date of service: 01/20/2026        ☒ New start   ☐ Continuation of therapy
Place of service: ☒ 11 - Office   ☐ 19/22 - Outpatient hospital   ☐ 12 - Home
## 4. Diagnosis
ICD-10-CM code(s): M85.80        Description: osteopenia, multiple sites
## 5. Clinical information
Is the patient postmenopausal?   ☒ Yes   ☐ No
Lowest T-score and site: -2.2, left femoral neck (DXA 12/15/2025)
T-score range (check one):   ☐ -2.5 or lower   ☒ between -1.0 and -2.5   ☐ above -1.0
History of fragility / low-trauma fracture?   ☐ Yes   ☒ No
Prescriber attests the patient is at high risk for fracture:   ☐ Yes   ☐ No
Risk factors present (check all that apply):
☐ Parental hip fracture   ☐ Current smoker   ☐ Glucocorticoid use   ☐ Rheumatoid arthritis   ☐ 3 or more alcoholic drinks/day   ☐ Multiple falls
Prior therapy - oral bisphosphonate:   ☒ Yes   ☐ No
Drug / duration / outcome: alendronate 70 mg weekly 10/2022 to 12/2025 - significant femoral neck BMD loss on therapy (inadequate response)
Prior therapy - IV zoledronic acid or IV ibandronate:   ☐ Yes   ☒ No
Will denosumab be given with any other osteoporosis drug?   ☐ Yes   ☒ No
Creatinine clearance (if known): > 60 mL/min (eGFR 88)
## 6. Attestation
I attest that the information provided is accurate and supported by the medical record.
Prescriber signature: /s/ S. Achebe-Laurent, DO        Date: 01/07/2026
""", font="cond", size=9.5, title="PA request - denosumab")

pdf("rg-02/DXA_Lunar_2025-12-15.pdf", """
@r Brightwater Imaging at Kestrel Falls
# Bone Densitometry Report
@s GE Healthcare Lunar Prodigy Advance / enCORE 18 (SP3)
|#w 1,2,1,2|
|#lines|
| Patient: | ABERNATHY, LORRAINE K | Facility ID: | 00871142 |
| Birth date: | 09/03/1958 | Measured: | 12/15/2025 09:41 |
| Sex / Ethnic: | Female / White | Height / Weight: | 163.0 cm / 61.4 kg |
| Referring: | S. Achebe-Laurent, DO | Analyzed: | 12/15/2025 (18.0) |
## AP Spine (L1-L4)
|#w 1.2,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | (g/cm2) | (%) | T-score | (%) | Z-score |
| L1 | 0.962 | 85 | -1.4 | 96 | -0.3 |
| L2 | 0.981 | 82 | -1.8 | 93 | -0.6 |
| L3 | 0.996 | 83 | -1.7 | 94 | -0.5 |
| L4 | 0.969 | 81 | -1.9 | 92 | -0.7 |
| L1-L4 | 0.978 | 82 | -1.8 | 93 | -0.6 |
## DualFemur
|#w 1.2,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | (g/cm2) | (%) | T-score | (%) | Z-score |
| Neck Left | 0.752 | 73 | -2.2 | 86 | -0.9 |
| Neck Right | 0.763 | 74 | -2.1 | 87 | -0.8 |
| Neck Difference | 0.011 | - | - | - | - |
| Total Left | 0.796 | 77 | -1.9 | 88 | -0.8 |
| Total Right | 0.820 | 80 | -1.7 | 91 | -0.6 |
| Total Difference | 0.024 | - | - | - | - |
@s Young-Adult reference: USA (combined NHANES/Lunar) female, ages 20-40. Age-Matched reference: USA female. Statistically 68% of repeat scans fall within 1 SD (+/- 0.010 g/cm2 for AP Spine L1-L4).
## Trend: DualFemur Neck Left
|#w 1,1,1,1,1,1|
|! Measured | Age | BMD (g/cm2) | T-score | Change vs previous | Change vs baseline |
| 12/15/2025 | 67.3 | 0.752 | -2.2 | -0.030 (-3.9%) | -0.030 (-3.9%) |
| 08/30/2022 | 64.0 | 0.782 | -1.9 | - | baseline |
## Trend: AP Spine L1-L4
|#w 1,1,1,1,1,1|
|! Measured | Age | BMD (g/cm2) | T-score | Change vs previous | Change vs baseline |
| 12/15/2025 | 67.3 | 0.978 | -1.8 | -0.022 (-2.2%) | -0.022 (-2.2%) |
| 08/30/2022 | 64.0 | 1.000 | -1.6 | - | baseline |
## Trend: DualFemur Total Left
|#w 1,1,1,1,1,1|
|! Measured | Age | BMD (g/cm2) | T-score | Change vs previous | Change vs baseline |
| 12/15/2025 | 67.3 | 0.796 | -1.9 | -0.037 (-4.4%) | -0.037 (-4.4%) |
| 08/30/2022 | 64.0 | 0.833 | -1.6 | - | baseline |
## 10-Year Fracture Risk (FRAX, USA Caucasian)
|#w 3,1|
|#box|
| Major osteoporotic fracture | 17% |
| Hip fracture | 3.4% |
| Fracture risk category (software) | Increased |
@s FRAX inputs: femoral neck BMD, no prior fracture, no parental hip fracture, non-smoker, no glucocorticoids, no RA, no secondary osteoporosis, alcohol < 3 units/day. FRAX is not validated for patients on treatment. Risk categories are produced by the software and are not a clinical recommendation.
## Impression
Low bone mass (osteopenia) by WHO criteria; lowest T-score -2.2 at the left femoral neck. Statistically significant decrease of 3.9% at the left femoral neck and 4.4% at the left total hip since 08/30/2022. The lumbar spine change (-2.2%) is at the limit of least significant change.
@s WHO: T-score -1.0 or above normal; between -1.0 and -2.5 osteopenia; -2.5 or below osteoporosis. T-scores apply to postmenopausal women and men 50 and older.
Read by: Gareth Lindqvist, MD (Radiology)    Electronically signed 12/15/2025 13:20
""", size=9, title="DXA 2025-12-15")

# ----------------------------------------------------------------------------------------------- rg-03
pdf("rg-03/DXA_report_2025-11-18.pdf", """
@c SOUTHERN PINES RADIOLOGY ASSOCIATES, P.A.
@c Women's Imaging Pavilion - 3300 Laurel Bend Drive - Hattiesburg Trace, MS 39555
---
**EXAMINATION:** DXA BONE DENSITOMETRY, AXIAL SKELETON (CPT 77080)
**PATIENT:** CASTELLANOS, IMELDA R    **DOB:** 02/11/1962    **MRN:** MRC-204417
**DATE OF EXAM:** 11/18/2025    **ORDERING:** Okonjo Whitfield, MD
**CLINICAL INDICATION:** Postmenopausal woman on aromatase inhibitor for breast cancer (Z79.811, C50.412). Follow-up of baseline study.
**TECHNIQUE:** Dual-energy x-ray absorptiometry of the lumbar spine and left proximal femur on a Hologic Horizon W scanner. Same scanner and technologist as the prior study.
**COMPARISON:** 09/10/2024.
## FINDINGS
Lumbar spine: L1 through L4 are evaluable. The L1-L4 bone mineral density is 0.861 g/cm2, corresponding to a T-score of -2.0 and a Z-score of -0.7. On 09/10/2024 the L1-L4 BMD was 0.891 g/cm2 (T-score -1.6). This represents a decrease of 3.4%, which exceeds the least significant change for this facility (2.8%).
Left hip: The femoral neck BMD is 0.680 g/cm2, T-score -1.7, Z-score -0.5 (prior 0.702 g/cm2, T-score -1.4). The total hip BMD is 0.829 g/cm2, T-score -1.3, Z-score -0.3 (prior 0.842 g/cm2, T-score -1.1). Neither hip change exceeds the least significant change.
No vertebral fracture deformity is evident on the localizer images.
## IMPRESSION
1. Low bone mass (osteopenia) by WHO criteria. The lowest T-score is -2.0 at the lumbar spine.
2. Statistically significant interval loss of bone density at the lumbar spine (-3.4%) since 09/10/2024, in the setting of aromatase inhibitor therapy.
3. Stable left hip.
@s Reference: WHO criteria apply to postmenopausal women and men age 50 and over (normal: T-score -1.0 or higher; osteopenia: between -1.0 and -2.5; osteoporosis: -2.5 or lower). FRAX was not calculated because the 10-year probability is not validated for patients on aromatase inhibitor therapy at this facility.
Dictated by: Priscilla Vanterpool, MD    Transcribed: 11/18/2025 14:02    Signed: 11/18/2025 16:37
""", font="serif", size=10, title="DXA 2025-11-18")

# ----------------------------------------------------------------------------------------------- rg-04
pdf("rg-04/fax_CedarHollowRheum_20260209.pdf", """
# fax
@s CEDAR HOLLOW RHEUMATOLOGY & OSTEOPOROSIS CENTER - 92 Quarry Street, Building B - Ashgrove, VT 05660
@s tel 802-555-0134 - fax 802-555-0135
|#w 1,3|
|#lines|
| DATE | February 9, 2026 |
| TO | Medical Precertification - Specialty Injectables |
| FAX NUMBER | 1-866-555-0193 |
| FROM | Marisol Teague, prior-authorization coordinator |
| PATIENT | Gwendolyn P. Harrow (DOB 07/27/1949) |
| SUBJECT | Prolia - initial request |
| NUMBER OF PAGES | see fax header |
[ ] Urgent   [X] For review   [ ] Please reply   [ ] Please comment
Message: Attached are the request form, the most recent rheumatology visit and the DXA from 01/2026. Dr. Ibsen is available for peer-to-peer at the number above.
@s This facsimile may contain confidential health information protected by state and federal law. It is intended only for the named recipient. Unauthorized review, use or re-disclosure is prohibited.
""", """
# DENOSUMAB (60 mg) PRECERTIFICATION FORM
@s Please answer every question. Attach chart notes and DXA. Requests missing information will be pended.
|#w 1,2|
| Patient name / DOB | Gwendolyn P. Harrow / 07-27-1949 |
| Member ID | W5528-67110-02 |
| Ordering physician / NPI | Halvard Ibsen, MD (Rheumatology) / 1093325574 |
| Office phone / fax | 802-555-0134 / 802-555-0135 |
**Product** ☑ Prolia   ☐ Jubbonti   ☐ Stoboclo   ☐ other: ________
**Billing code** ☑ J0897   ☐ Q5136   ☐ Q5157
**Dose / schedule** 60 mg SC every 6 months     **Requested start date** 02/17/2026
**Diagnosis (ICD-10)** M80.08XD, Z90.722
|#w 6,1,1|
|! Clinical criteria | Yes | No |
| Postmenopausal (natural or surgical)? | ☑ | ☐ |
| T-score -2.5 or lower at spine, femoral neck, total hip or 33% radius? | ☑ | ☐ |
| Osteoporotic / fragility fracture? | ☑ | ☐ |
| Trial of IV bisphosphonate (zoledronic acid / IV ibandronate)? | ☐ | ☑ |
| Trial of oral bisphosphonate of 12 months or longer with inadequate response? | ☑ | ☐ |
| Intolerance to oral bisphosphonate? | ☐ | ☑ |
| Currently on or planned to overlap with another osteoporosis agent? | ☑ | ☐ |
| Prescriber considers patient at high risk for fracture? | ☑ | ☐ |
If another osteoporosis agent: name and planned stop date: **abaloparatide (Tymlos) 80 mcg SC daily since 08/2025 - to continue through 08/2027 together with Prolia**
Prior bisphosphonate: risedronate 35 mg weekly, 09/2019 - 09/2022 (36 months); continued spine loss
Physician signature: Halvard Ibsen MD    Date: 02/06/2026
""", """
@s Cedar Hollow Rheumatology & Osteoporosis Center          Printed 02/09/2026 08:12 by mteague
# Clinic Note
**Patient:** Harrow, Gwendolyn P    **DOB:** 07/27/1949    **Age:** 76    **Sex:** Female
**Date of service:** 02/02/2026    **Provider:** Halvard Ibsen, MD    **Encounter:** Office Visit - Osteoporosis f/u
## SUBJECTIVE
Ms. Harrow returns six months after starting abaloparatide (Tymlos) 80 mcg SC daily on 08/11/2025 for severe osteoporosis with two vertebral fractures. She is injecting nightly without problems; mild transient palpitations in the first weeks have resolved.
History: surgical menopause at 44 (total abdominal hysterectomy with bilateral salpingo-oophorectomy, 1993). Risedronate 35 mg weekly from 09/2019 to 09/2022, stopped for inadequate response (L1-L4 T-score continued to fall). In 01/2024 she developed acute back pain while bending to lift a laundry basket; imaging showed T12 and L1 compression fractures (no fall, no trauma). DXA 03/05/2024: L1-L4 T -3.1, left femoral neck T -2.6.
No oral or injected glucocorticoid use. Denies new back pain since 2024; no falls.
## MEDICATIONS
abaloparatide 80 mcg SC daily (Tymlos) - active, started 08/11/2025
calcium citrate 500 mg BID; cholecalciferol 2000 IU daily
omeprazole 20 mg daily; losartan 50 mg daily
risedronate 35 mg weekly - historical, stopped 09/2022
## OBJECTIVE
BP 138/76, HR 74. Height 154.2 cm (158 cm in 2018). Thoracic kyphosis; no focal spinous tenderness.
Labs 01/27/2026: Ca 9.8, phos 3.6, creatinine 0.88, eGFR 64, 25-OH vitamin D 44.
DXA 01/20/2026 (Norland): L1-L4 T -3.3, left femoral neck -2.8, left total hip -2.5, left 33% radius -2.9.
## ASSESSMENT
1. Age-related osteoporosis with current pathological fracture, vertebrae, subsequent encounter (M80.08XD) - T12/L1 fragility fractures 01/2024; very high risk for fracture.
2. Acquired absence of ovaries, bilateral (Z90.722).
3. GERD (K21.9), controlled.
## PLAN
- Continue Tymlos daily through 08/2027 (24-month course).
- ADD Prolia 60 mg SC every 6 months starting now, given concurrently with Tymlos, to obtain the larger BMD gains reported with combined anabolic plus antiresorptive therapy; Prolia to continue alone after Tymlos ends. PA submitted; first injection requested 02/17/2026.
- Calcium/vitamin D as above. Fall-prevention counselling. Return 6 months.
Electronically signed by Halvard Ibsen, MD on 02/02/2026 16:55
""", """
@c NORLAND XR-800 BONE DENSITOMETER  -  illuminatus DXA 4.6
@c Ashgrove Community Hospital, Department of Imaging
|#w 1,2,1,2|
|#plain|
| Name | HARROW, GWENDOLYN P | Scan date | 01/20/2026 |
| DOB | 07/27/1949 | Age | 76 |
| Sex | F | Ht / Wt | 154.2 cm / 52.0 kg |
| Physician | H. Ibsen | Tech | RB |
## Results
|#w 1.3,1,1,1,1|
|! Region | BMD g/cm2 | T-score | Z-score | % Young Ref |
| **Spine** | << | << | << | << |
| L1 | 0.664 | -3.6 | -1.3 | 62 |
| L2 | 0.706 | -3.4 | -1.2 | 64 |
| L3 | 0.742 | -3.2 | -1.0 | 66 |
| L4 | 0.760 | -3.1 | -0.9 | 68 |
| L1-L4 | 0.720 | -3.3 | -1.1 | 65 |
| **Left Hip** | << | << | << | << |
| Neck | 0.560 | -2.8 | -0.6 | 64 |
| Ward's | 0.401 | -3.4 | -0.8 | 54 |
| Troch | 0.518 | -2.6 | -0.7 | 68 |
| Total | 0.667 | -2.5 | -0.5 | 70 |
| **Left Forearm** | << | << | << | << |
| Radius 33% | 0.571 | -2.9 | -0.9 | 72 |
| Radius UD | 0.302 | -3.2 | -1.1 | 66 |
@s L1 and T12 vertebral heights reduced (known compression fractures); L1 included per referring physician request. Precision (spine) 1.1%. WHO definitions: T-score at or below -2.5 = osteoporosis; -1.0 to -2.5 = osteopenia.
## Comment
Osteoporosis. Lowest T-score -3.3 at L1-L4. Compared with 03/05/2024 (different scanner, not directly comparable) values appear lower. Patient on daily abaloparatide since 08/2025.
Reviewed: Ines Marchetti, MD    01/21/2026
""", fax={"line": "FEB-09-2026 08:19   CEDAR HOLLOW RHEUM  8025550135  ->  18665550193       Page {page} of {total}"},
    font="sans", size=9.5, title="fax Cedar Hollow Rheumatology")

# ----------------------------------------------------------------------------------------------- rg-05
pdf("rg-05/PA_form_Prolia_Brandvold.pdf", """
# Bone Health Injectable - Prior Authorization
@s Physician office / buy-and-bill. Mark boxes with ■. Unmarked boxes are read as not answered.
## Patient
Name: Theodore J. Brandvold      DOB: 12/30/1953      Sex: □ F ■ M      Member #: 3KX-88012-55
## Prescriber
Lucinda Okwuosa, MD - Internal Medicine - NPI 1639208847 - Quarry Hill Primary Care - ph 402-555-0150 - fax 402-555-0151
## Medication
■ Prolia 60 mg (J0897)     □ Jubbonti 60 mg (Q5136)     □ Stoboclo 60 mg (Q5157)     □ Xgeva 120 mg     □ Wyost 120 mg
Sig: 60 mg SC once every 6 months.     First dose / date of service: 03/10/2026     ■ New   □ Renewal
## Diagnosis
□ Postmenopausal osteoporosis   ■ Osteoporosis in a man   □ Glucocorticoid-induced osteoporosis   □ Bone loss - aromatase inhibitor   □ Bone loss - androgen deprivation   □ Other: ________
ICD-10-CM: M81.0
## Qualifying information
|#w 5,1,1|
|! | Yes | No |
| T-score at or below -2.5 (L1-L4 -2.6, 12/04/2025) | ■ | □ |
| Osteoporotic / fragility fracture (R 7th rib 11/2023, coughing) | ■ | □ |
| Prior IV zoledronic acid | □ | ■ |
| Prior oral bisphosphonate 12 months or more with inadequate response | □ | ■ |
| Significant intolerance to an oral bisphosphonate (describe below) | ■ | □ |
| Unable to swallow / remain upright / esophageal disorder | □ | □ |
| Severe renal impairment (CrCl below 35 mL/min) | □ | ■ |
| Concurrent teriparatide, abaloparatide, romosozumab or bisphosphonate | □ | ■ |
| High fracture risk in prescriber's opinion | ■ | □ |
Describe: alendronate 70 mg weekly 02/2024 - 04/2024, stopped after EGD-proven pill esophagitis with distal esophageal ulcer; GI advised no rechallenge.
Threshold reference (do not mark): T-score -2.5 or lower = osteoporosis; -1.0 to -2.5 = low bone mass.
Signature: L. Okwuosa, MD        Date: 02/20/2026
""", font="sans", size=9.5, title="PA form Prolia")

pdf("rg-05/DXA_2025-12-04.pdf", """
@r Quarry Hill Diagnostic Imaging
# Lunar iDXA - Bone Density Summary
|#w 1,2,1,2|
|#lines|
| Patient | Brandvold, Theodore J | Scan | 12/04/2025 |
| DOB | 12/30/1953 (71.9 y) | Operator | KJ |
| Sex | Male | Ref. population | USA (male young adult) |
### Results
|#w 1.4,1,1,1,1,1|
|! Region | BMD (g/cm2) | Young-Adult | << | Age-Matched | << |
|! ^^ | ^^ | % | T | % | Z |
| AP Spine L1-L4 | 0.915 | 76 | -2.6 | 83 | -1.6 |
| Left Femur Neck | 0.747 | 71 | -2.3 | 86 | -0.9 |
| Left Femur Total | 0.803 | 78 | -1.8 | 87 | -0.9 |
### Trend - AP Spine L1-L4
|#w 1,1,1,1,1|
|! Date | Age | BMD | T-score | Change |
| 12/04/2025 | 71.9 | 0.915 | -2.6 | -1.3% |
| 01/16/2024 | 70.0 | 0.927 | -2.5 | baseline |
### Trend - Left Femur Neck
|#w 1,1,1,1,1|
|! Date | Age | BMD | T-score | Change |
| 12/04/2025 | 71.9 | 0.747 | -2.3 | -1.7% |
| 01/16/2024 | 70.0 | 0.760 | -2.1 | baseline |
@s Changes below the least significant change (spine 2.5%, femoral neck 3.6%) are not statistically significant. T-scores use a male young-adult reference.
### Interpretation
Osteoporosis of the lumbar spine (T-score -2.6). Low bone mass of the left hip. No statistically significant change since 01/16/2024.
Dr. Ramona Feliciano, Radiology, 12/05/2025
""", font="cond", size=9.5, title="DXA 2025-12-04")

# ----------------------------------------------------------------------------------------------- rg-06
pdf("rg-06/PA_request_Mercer.pdf", """
@c SILVER CREEK GERIATRIC MEDICINE  -  1450 Canyon Rim Way, Silver Creek, ID 83555  -  T 208-555-0166  F 208-555-0167
# Request for Prior Authorization: Denosumab 60 mg
**Patient:** Augustin P. Mercer    **DOB:** 05/14/1945    **Sex:** (x) M  ( ) F    **ID:** PZ7713420
**Prescriber:** Beatrix Holloway-Nkemelu, MD    **NPI:** 1952287416
**Drug:** (x) Prolia   ( ) Jubbonti   ( ) Stoboclo        **HCPCS:** J0897        **Dose:** 60 mg SC q6 months
**Date of service:** 10/29/2025    **Setting:** (x) office  ( ) outpatient hospital  ( ) home health
**Diagnoses:** M81.0, N18.4
## Criteria
1. Lowest T-score: -2.9 left total hip (09/30/2025). At or below -2.5?  (x) Yes  ( ) No
2. History of fragility fracture?  ( ) Yes  (x) No
3. Prior zoledronic acid infusion?  ( ) Yes  (x) No
4. Prior oral bisphosphonate?  ( ) Yes  (x) No
5. Unable to take oral bisphosphonate because of swallowing, positioning or esophageal disease?  ( ) Yes  (x) No
6. Severe renal impairment (CrCl under 35 mL/min) or CKD per prescriber?  (x) Yes  ( ) No   CrCl: 24 mL/min
7. If yes to 6: has the patient been evaluated for CKD-mineral and bone disorder (CKD-MBD)?  ( ) Yes  ( ) No   Date: ______
8. Concurrent osteoporosis medication?  ( ) Yes  (x) No
9. Patient at high risk of fracture according to prescriber?  (x) Yes  ( ) No
10. Denosumab previously given?  ( ) Yes  (x) No
Signature: B. Holloway-Nkemelu MD    Date: 10/16/2025
""", font="mono", size=8.6, title="PA request Mercer")

pdf("rg-06/DXA_2025-09-30.pdf", """
# Bone Mineral Density Report
@s Silver Creek Regional Medical Center - Radiology - Hologic Discovery Wi (S/N 88412)
|#w 1,2,1,2|
|#plain|
| Name: | Mercer, Augustin P | Exam: | 09/30/2025 |
| DOB: | 05/14/1945 | Age: | 80 |
| Gender: | Male | Referring: | B. Holloway-Nkemelu |
### Scan summary
|#w 1.5,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score |
| **Lumbar Spine** | << | << | << |
| L1-L4 | 0.898 | -1.9 | -0.4 |
| **Left Hip** (right hip: arthroplasty, not scanned) | << | << | << |
| Femoral Neck | 0.588 | -2.7 | -0.8 |
| Total Hip | 0.651 | -2.9 | -1.4 |
| **Right Forearm** | << | << | << |
| 1/3 Radius | 0.694 | -2.4 | -0.2 |
| UD Radius | 0.372 | -2.8 | -0.9 |
@s Lumbar spine values may be falsely elevated by degenerative change at L3-L4 and aortic calcification.
### Impression
Osteoporosis based on the left total hip T-score of -2.9. Male reference database (NHANES III / Hologic).
@s WHO classification: Normal, T-score -1.0 or higher. Osteopenia, T-score between -1.0 and -2.5. Osteoporosis, T-score -2.5 or lower. In men under 50 Z-scores should be used.
Interpreted by Desmond Akinyemi, MD on 09/30/2025
""", font="sans", size=9.5, title="DXA 2025-09-30")

# ----------------------------------------------------------------------------------------------- rg-07
pdf("rg-07/RUH_lung_transplant_fax_0331.pdf", """
# RIVERBEND UNIVERSITY HEALTH
## Lung Transplant Program - Fax Cover
|#w 1,3|
|#box|
| Date / time | 03/31/2026  10:02 |
| To | Pharmacy & Medical Precertification |
| Fax | 866-555-0193 |
| From | Joanna Stepanek, RN, Transplant Pre-Authorization |
| Direct line | 412-555-0181 |
| Re | Kowalczyk, Nadia F. - DOB 03/08/1979 - denosumab 60 mg |
| Pages incl. cover | see footer |
Contents: (1) cover, (2) prior authorization request, (3) transplant pulmonology clinic note 03/19/2026, (4) barium esophagram report 11/05/2025, (5) DXA 03/02/2026.
@s The information in this transmission is confidential and intended only for the addressee. If you have received it in error, call 412-555-0181 and destroy all copies.
""", """
# Prior Authorization Request - Denosumab
@s Riverbend University Health Specialty Pharmacy Services - completed by transplant clinic
**Member:** Nadia F. Kowalczyk    **DOB:** 03/08/1979    **Member ID:** K0021-99814    **Sex:** female
**Prescriber:** Anneliese Moravec, MD, Transplant Pulmonology    **NPI:** 1578310946
**Product:** Prolia (denosumab) 60 mg/mL    **HCPCS:** J0897    **Sig:** 60 mg SC every 6 months
**Scheduled date of service:** 04/14/2026 (transplant infusion clinic)
**Diagnosis codes:** M81.8, Z79.52, Z94.2, M34.81
Mark each item that applies with ✔
✔  Initiating or continuing chronic systemic glucocorticoid therapy - prednisone 10 mg daily since 06/2024, expected to continue indefinitely (transplant immunosuppression)
___  Tried zoledronic acid (Reclast)
___  Tried an oral bisphosphonate for 12 months or longer
___  Intolerance to an oral bisphosphonate
✔  Cannot take oral bisphosphonate: esophageal disease that delays emptying (scleroderma esophageal dysmotility, see esophagram)
✔  Cannot take oral bisphosphonate: difficulty swallowing
___  Severe renal impairment / CKD with CKD-MBD evaluation
___  Osteoporotic or fragility fracture
✔  Prescriber considers the patient at high risk of fracture
Concurrent osteoporosis therapy:  none
Prior osteoporosis therapy:  none (bisphosphonate-naive)
Signed: Anneliese Moravec, MD    03/30/2026
""", """
@s RIVERBEND UNIVERSITY HEALTH - TRANSPLANT PULMONOLOGY - OUTPATIENT NOTE
# Lung Transplant Clinic - Follow-up
Patient: KOWALCZYK, NADIA F    MRN: 40088173    DOB: 03/08/1979 (47 y)    Visit: 03/19/2026
Attending: Anneliese Moravec, MD    Fellow: Tomasz Eberhardt, MD
## Interval history
47-year-old woman, 21 months after bilateral lung transplantation (06/2024) for systemic sclerosis-associated interstitial lung disease. Doing well; FEV1 stable at 84% of post-transplant best. Maintenance immunosuppression: tacrolimus (trough goal 6-8), mycophenolate mofetil 1000 mg BID, prednisone 10 mg daily since transplant - no plan to taper below 10 mg given two episodes of acute cellular rejection in 2025.
Bone health: DXA 03/02/2026 shows left femoral neck T-score -2.4, L1-L4 T -2.2 (pre-transplant DXA 02/2024: L1-L4 T -1.5, femoral neck T -1.6). Radiology notes she is premenopausal and recommends Z-scores (L1-L4 Z -2.0, FN Z -2.1); by either measure she has lost bone rapidly on glucocorticoids. No fractures; no height loss.
Esophagus: known scleroderma esophageal dysmotility. She reports solid-food dysphagia and tablets "sticking" behind the sternum unless taken with applesauce; esophagram 11/05/2025 confirmed absent distal peristalsis with delayed emptying and a retained 13 mm barium tablet. GI (Dr. Ruiz-Pellegrino) and our team advise against oral bisphosphonates because of aspiration risk to the allograft and esophageal injury.
Gynecologic: menses regular, LMP 03/06/2026; not pregnant (hCG negative 03/19/2026).
## Medications
prednisone 10 mg daily; tacrolimus 2 mg BID; mycophenolate mofetil 1000 mg BID; valganciclovir 450 mg daily; trimethoprim-sulfamethoxazole SS daily; pantoprazole 40 mg BID; calcium citrate + vitamin D3 2000 IU daily.
## Data
Creatinine 1.02, eGFR 68; calcium 9.2; phosphorus 3.5; 25-OH vitamin D 39; tacrolimus trough 7.1.
## Assessment
1. Lung transplant status (Z94.2), stable graft function.
2. Systemic sclerosis with lung involvement (M34.81); esophageal dysmotility (K22.4).
3. Glucocorticoid-induced osteoporosis (M81.8) on long-term systemic steroids (Z79.52). She is at high risk for fracture: ongoing prednisone 10 mg/day, rapid bone loss, transplant status.
## Plan
- Denosumab (Prolia) 60 mg SC every 6 months; no prior bisphosphonate, zoledronic acid not chosen because of the added nephrotoxicity risk with tacrolimus and infusion-reaction concerns; oral agents contraindicated as above.
- First dose 04/14/2026 in transplant infusion clinic after approval; calcium checked 2 weeks later.
- Continue prednisone 10 mg daily, tacrolimus, MMF.
Electronically signed: Anneliese Moravec, MD 03/19/2026 18:21
""", """
# RADIOLOGY REPORT
**Exam:** FL ESOPHAGRAM (BARIUM SWALLOW), SINGLE AND DOUBLE CONTRAST    **Date:** 11/05/2025
**Patient:** Kowalczyk, Nadia F    **DOB:** 03/08/1979    **MRN:** 40088173
**Indication:** Dysphagia (R13.10) in lung transplant recipient with systemic sclerosis; pre-assessment for oral medications.
**Findings:** Oropharyngeal phase normal without laryngeal penetration. The proximal third of the esophagus shows normal peristalsis. Primary peristalsis is absent in the distal two-thirds, with a patulous, mildly dilated distal esophagus. Barium column retained at 5 minutes in the upright position (height 6 cm). A 13 mm barium tablet lodged at the level of the distal esophagus for more than 60 seconds and cleared only after a bolus of thin liquid. No stricture, mass or ulcer. Small sliding hiatal hernia. Free gastroesophageal reflux to the mid-thoracic esophagus.
**Impression:** Esophageal dysmotility consistent with scleroderma esophagus, with delayed esophageal emptying and tablet retention. Gastroesophageal reflux.
Radiologist: Wendell Achterberg, MD    Signed 11/05/2025 12:44
""", """
# DXA Bone Density
@s Riverbend University Health - Bone Density Laboratory - Hologic Horizon A - APEX 5.6
|#w 1,2,1,2|
|#plain|
| Patient | KOWALCZYK, NADIA F | Scan date | 03/02/2026 |
| DOB | 03/08/1979 | Age | 46 |
| Sex | F (premenopausal) | Referring | A. Moravec, MD |
|#w 1.6,1,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score | Classification |
| L1-L4 | 0.812 | -2.2 | -2.0 | below expected range for age |
| Left Femoral Neck | 0.589 | -2.4 | -2.1 | below expected range for age |
| Left Total Hip | 0.724 | -2.0 | -1.8 | within expected range |
@s NOTE: Per ISCD official positions, Z-scores rather than T-scores should be used for premenopausal women; a Z-score of -2.0 or lower is "below the expected range for age". T-scores are listed for reference. The WHO T-score categories do not apply to this patient.
**Comparison:** Outside pre-transplant study (02/2024) reported in the clinical record; no images available for direct comparison.
**Impression:** Bone density below the expected range for age at the lumbar spine and femoral neck in a premenopausal woman on long-term glucocorticoids, consistent with secondary (glucocorticoid-induced) bone loss.
Interpreting physician: Lorna Fitzwilliam, MD    03/02/2026
""", fax={"line": "From: RUH Lung Transplant Pre-Auth   03/31/2026 10:05 AM   To: 8665550193   Page {page} of {total}", "where": "footer"},
    font="sans", size=9.5, title="RUH fax")

# ----------------------------------------------------------------------------------------------- rg-08
pdf("rg-08/specialty_drug_request_denosumab.pdf", """
# SPECIALTY DRUG PRIOR AUTHORIZATION REQUEST
@s Northern Plains Cancer Center - Infusion Services - 700 Prairie Rose Blvd, Bismarck Ridge, ND 58555 - P 701-555-0128 - F 701-555-0129
---
PATIENT NAME: Kiera M. Osei                DATE OF BIRTH: 10/22/1991
MEMBER ID: N4-2206681                      SEX: Female
ORDERING PROVIDER: Rasmus Eklund-Baptiste, MD (Orthopaedic Oncology)     NPI: 1366024788
---
## Drug and regimen (mark one)
|#w 1,4,2|
|! Mark | Product | HCPCS |
|  | Prolia (denosumab) 60 mg every 6 months | J0897 |
|  | Jubbonti (denosumab-bbdz) 60 mg every 6 months | Q5136 |
| X | Xgeva (denosumab) 120 mg every 4 weeks | J0897 |
|  | Wyost (denosumab-bbdz) 120 mg every 4 weeks | Q5136 |
|  | Osenvelt (denosumab-bmwo) 120 mg every 4 weeks | Q5157 |
Dose: 120 mg subcutaneously every 4 weeks, with additional 120 mg doses on days 8 and 15 of the first month
Billing units: 120 per dose (J0897)          Number of doses requested: 8 (6 months)
First date of service: 12/09/2025            Site of care: hospital-based infusion center
## Diagnosis
Giant cell tumor of bone, left proximal tibia - ICD-10-CM D48.0
Unresectable / resection would cause severe morbidity:  YES
Metastatic solid tumor to bone:  NO        Multiple myeloma:  NO        Hypercalcemia of malignancy:  NO
## Clinical notes
Biopsy 11/04/2025 conventional GCTB (H3F3A G34W+). Campanacci 3, subchondral extension. Neoadjuvant denosumab to allow joint-sparing curettage (sarcoma tumor board 11/14/2025). Calcium and vitamin D supplementation started; dental exam ordered.
Provider signature: R. Eklund-Baptiste, MD         Date: 11/18/2025
""", font="mono", size=8.8, title="Specialty drug request")

# ----------------------------------------------------------------------------------------------- rg-09
pdf("rg-09/TriCountyUrology_PA_fax.pdf", """
# TRI-COUNTY UROLOGY PARTNERS
@s Advanced Prostate Cancer Clinic - 18 Beacon Hill Road, Suite 210, Port Alder, ME 04555 - Tel 207-555-0138 - Fax 207-555-0139
## FAX COVER SHEET
To: Precertification / Medical Injectables          Fax: 1 (866) 555-0193
From: Renata Costa-Whitby, MA (injection coordinator)          Date: 04/22/2026
Patient: Desmond L. Harkavy    DOB 08/16/1950
Re: Prolia 60 mg - bone loss on androgen deprivation therapy
Number of pages (including cover): see header
Comments: Please review the attached request, urology note, PSMA PET and DXA. We would like to give the first injection on 05/05/2026.
@s CONFIDENTIAL: This fax contains protected health information. If received in error please notify us at 207-555-0138 and destroy all pages.
""", """
# ANDROGEN DEPRIVATION BONE HEALTH - DENOSUMAB REQUEST
Patient: Desmond L. Harkavy       DOB: 08/16/1950       Member ID: TCU-55120-87
Prescriber: Caspian Rooney-Adeyemi, MD (Urologic Oncology)     NPI: 1487703359
Requested: Prolia (denosumab) 60 mg SC every 6 months - HCPCS J0897 - 60 units - DOS 05/05/2026
Diagnosis codes: C61, C79.51, Z19.1
### Questions (record answers in the response column below)
1. Patient has a diagnosis of prostate cancer.
2. The prostate cancer is metastatic to bone.
3. Patient is currently receiving androgen deprivation therapy (GnRH agonist/antagonist).
4. Name of ADT agent and start date.
5. Patient has undergone bilateral orchiectomy.
6. Request is for 120 mg every 4 weeks (Xgeva dosing).
7. Patient has had a fragility fracture.
8. Lowest T-score and site.
9. Patient has received a bisphosphonate (oral or IV).
10. Denosumab will be used with another osteoporosis medication.
11. Prescriber considers the patient at high risk for fracture.
12. Creatinine clearance (mL/min).
### Response column
|#w 1,5|
|#grid|
|! Q | Response |
| 1 | YES |
| 2 | YES - PSMA PET 10/2025: two osseous lesions (T9, left iliac wing) |
| 3 | YES |
| 4 | relugolix (Orgovyx) 120 mg PO daily, started 11/03/2025; apalutamide 240 mg daily |
| 5 | NO |
| 6 | NO - 60 mg every 6 months requested |
| 7 | NO - T9 compression is pathologic (metastasis), not a fragility fracture |
| 8 | -2.0 left femoral neck (04/07/2026) |
| 9 | NO |
| 10 | NO |
| 11 | YES |
| 12 | 71 (Cockcroft-Gault); eGFR 69 |
Signature: C. Rooney-Adeyemi, MD            Date: 04/21/2026
""", """
@s Tri-County Urology Partners | Clinical Note | Printed 04/22/2026
# Urologic Oncology Follow-Up
**Patient:** HARKAVY, DESMOND L  **DOB:** 08/16/1950  **Age:** 75  **Sex:** M  **Date of service:** 04/14/2026
**Provider:** Caspian Rooney-Adeyemi, MD
**Chief complaint:** metastatic prostate cancer, bone health
## HPI
75-year-old man with Gleason 4+4 prostate adenocarcinoma diagnosed 09/2025 (PSA 38). PSMA PET 10/2025 showed the prostate primary, two pelvic nodes and two small PSMA-avid osseous metastases (T9 vertebral body and left iliac wing): low-volume metastatic hormone-sensitive disease. Started relugolix (Orgovyx) 120 mg daily on 11/03/2025 (after a 360 mg load) and apalutamide 240 mg daily on 11/17/2025. PSA today 0.4, testosterone 12 ng/dL (castrate). Mild mid-back ache at T9 since 09/2025. MRI thoracic spine 10/2025: pathologic compression fracture of T9 (about 15% height loss) through the metastatic deposit - not an osteoporotic fracture. No other fractures; no falls.
## Bone health
Baseline DXA 04/07/2026: L1-L4 T-score -1.2 (facet arthropathy), left femoral neck T -2.0, left total hip T -1.6. FRAX (with BMD) major 13%, hip 3.6%. In my judgement he is at high risk for fracture while on continuous ADT.
We discussed Xgeva (denosumab 120 mg every 4 weeks) for prevention of skeletal-related events. With low-volume, asymptomatic bone disease he prefers not to have monthly injections, and we agreed on Prolia 60 mg every 6 months for ADT-associated bone loss, to be revisited if disease progresses. He has never taken a bisphosphonate.
## Medications
relugolix 120 mg daily; apalutamide 240 mg daily; atorvastatin 40 mg; calcium 600 mg + D3 1000 IU BID. No glucocorticoids.
## Labs 04/07/2026
Creatinine 1.06, eGFR 69, calcium 9.4, 25-OH vitamin D 33, alkaline phosphatase 88.
## Assessment / Plan
1. Malignant neoplasm of prostate (C61), hormone-sensitive (Z19.1), with bone metastases (C79.51); pathological fracture of T9 in neoplastic disease (M84.58XA), stable, no neurologic deficit - radiation oncology consult for SBRT. Continue relugolix and apalutamide.
2. Bone loss on androgen deprivation therapy: Prolia 60 mg SC q6 months, first injection 05/05/2026 after authorization. Dental exam 03/2026 OK.
3. Recheck PSA 3 months.
Signed: Caspian Rooney-Adeyemi, MD  04/14/2026 16:30
""", """
# PSMA PET/CT REPORT
**Port Alder Medical Center - Nuclear Medicine**
Exam: F-18 piflufolastat PSMA PET/CT, skull base to mid-thigh    Date: 10/16/2025
Patient: Harkavy, Desmond L    DOB 08/16/1950    Ordering: C. Rooney-Adeyemi, MD
Clinical history: newly diagnosed high-grade prostate cancer, PSA 38. Staging.
**Findings:**
Prostate: intense PSMA uptake in the left peripheral zone (SUVmax 24.1).
Nodes: two PSMA-avid left external iliac nodes, 9 and 11 mm (SUVmax 12.4, 9.8).
Skeleton: focal PSMA-avid lesion in the T9 vertebral body (SUVmax 14.7) with subtle sclerosis on CT, and a 1.4 cm avid sclerotic focus in the left iliac wing (SUVmax 11.2), both consistent with osseous metastases. Mild loss of height of the T9 superior endplate at the site of the lesion, compatible with a pathologic compression fracture. Degenerative uptake at the lower lumbar facets.
Viscera: no PSMA-avid visceral lesions.
**Impression:** PSMA-avid prostate primary with left external iliac nodal metastases and two osseous metastases (T9, left iliac wing). miTNM: T2 N1 M1b.
Read by: Ingrid Solvang, MD  10/16/2025
""", """
# BONE DENSITOMETRY - DICTATED REPORT
Port Alder Medical Center, Department of Radiology
Patient: Harkavy, Desmond L. DOB 08/16/1950. Exam date 04/07/2026. Referring: Dr. Rooney-Adeyemi.
Indication: baseline bone density on androgen deprivation therapy for prostate cancer.
Technique: GE Lunar Prodigy; lumbar spine and left hip. Male reference database.
Findings: The L1-L4 bone mineral density measures 1.046 g/cm2 with a T-score of minus 1.2 (-1.2), likely overestimated by facet arthropathy at L4-L5. The left femoral neck measures 0.774 g/cm2, T-score minus 2.0 (-2.0), Z-score -0.6. The left total hip measures 0.881 g/cm2, T-score -1.6, Z-score -0.5. There is no prior study for comparison.
Impression: Low bone mass (osteopenia) with a lowest T-score of -2.0 at the left femoral neck. Patients on androgen deprivation therapy lose bone rapidly; clinical correlation regarding fracture risk is recommended.
@s WHO classification applies to men 50 years and older: osteoporosis T-score -2.5 or lower; osteopenia between -1.0 and -2.5.
Dictated by: Ingrid Solvang, MD. Signed 04/07/2026.
""", fax={"line": "04/22/2026 11:17 AM  TRI-COUNTY UROLOGY 2075550139 >> PRECERT 8665550193  PAGE {page} OF {total}"},
    font="sans", size=9.5, title="Tri-County Urology fax")

# ----------------------------------------------------------------------------------------------- rg-10
pdf("rg-10/PA_form_Szabo.pdf", """
```
========================================================================================
   OAKMONT ENDOCRINE & METABOLIC CLINIC              PRIOR AUTHORIZATION WORKSHEET
   2204 Ridgeview Parkway, Oakmont, KS 66555         Tel 316-555-0144   Fax 316-555-0145
========================================================================================
 PATIENT ......... Rupert A. Szabo             DOB ...... 01/25/1956      SEX ... M
 MEMBER ID ....... 88D-41207-09                GROUP .... 0044815
 PRESCRIBER ...... Ngozi Vandermeer, MD        NPI ...... 1124097735
----------------------------------------------------------------------------------------
 DRUG ............ Prolia (denosumab) 60 mg/mL PFS          HCPCS ... J0897  (60 units)
 DIRECTIONS ...... 60 mg SC once every 6 months
 DATE OF SERVICE . 06/16/2026                 PLACE ...... office (POS 11)
 DIAGNOSIS ....... M81.0  osteoporosis, male, no current fracture
----------------------------------------------------------------------------------------
 Mark each answer with X on the line.

  1. New start (not previously on denosumab)?              Yes _X_   No ___
  2. T-score -2.5 or lower?   value -2.9  site L1-L4       Yes _X_   No ___
  3. Osteoporotic / fragility fracture?                    Yes ___   No _X_
  4. Previously treated with IV zoledronic acid?           Yes ___   No ___
  5. Tried an oral bisphosphonate (alendronate,
     risedronate, ibandronate)?                            Yes ___   No ___
     5a. If yes: drug ________  dates ________ to ________
     5b. Reason stopped: [ ] inadequate response after 12 months
                         [ ] significant intolerance   [ ] other ________
  6. Unable to swallow, unable to stay upright 30 min,
     or esophageal disorder?                               Yes ___   No _X_
  7. CrCl < 35 mL/min or CKD?                              Yes ___   No _X_
  8. Will be used with other osteoporosis drugs?           Yes ___   No _X_
  9. Prescriber considers patient high fracture risk?      Yes _X_   No ___
----------------------------------------------------------------------------------------
 Attached: consult note 05/28/2026, DXA 05/12/2026
 Prescriber signature:  N. Vandermeer MD                   Date: 05/29/2026
========================================================================================
```
""", font="mono", size=9, title="PA worksheet Szabo")

pdf("rg-10/DXA_mobile_2026-05-12.pdf", """
# BONE DENSITY (DXA) REPORT
@s Prairie Mobile Imaging, LLC - Hologic QDR 4500 (mobile coach) - performed at Oakmont Family Medicine
|#w 1,2,1,2|
|#lines|
| Patient | Szabo, Rupert A | Exam date | 05/12/2026 |
| DOB | 01/25/1956 | Age | 70 |
| Sex | Male | Ordering | Howard Lin, MD |
**Reason for exam:** Screening, man age 70 (Z13.820).
**Results**
- Lumbar spine L1-L4: BMD 0.826 g/cm2 - T-score -2.9 - Z-score -2.1
- Left femoral neck: BMD 0.698 g/cm2 - T-score -2.1 - Z-score -0.9
- Left total hip: BMD 0.851 g/cm2 - T-score -1.6 - Z-score -0.8
- Individual vertebrae: L1 -2.7, L2 -3.0, L3 -3.0, L4 -2.8 (T-scores); no vertebra excluded.
**Comparison:** none available.
**FRAX (10-year, with femoral neck BMD):** major osteoporotic 9.8% - hip 2.4%
**Impression:** Osteoporosis (WHO) at the lumbar spine, T-score -2.9. Low bone mass at the left hip. The Z-score of -2.1 at the spine is below the expected range for age; evaluation for secondary causes may be considered.
@s FRAX estimates are provided for information. Interpretation follows ISCD adult positions; T-scores for men 50 and older use a male reference. This report does not constitute a treatment recommendation.
Electronically signed: Milos Adeyemi-Strand, MD, 05/13/2026
""", font="sans", size=9.5, title="DXA 2026-05-12")

# ----------------------------------------------------------------------------------------------- rg-11
pdf("rg-11/reauthorization_form_Varga.pdf", """
# Denosumab 60 mg - Continuation of Therapy Request
@s Fill the circle (●) for each answer. Attach the most recent DXA and office note.
|#w 1,2,1,2|
| Patient | Constance E. Varga | Date of birth | 11/02/1948 |
| Member ID | LPV-44018-3 | Sex | ● Female  ○ Male |
| Prescriber | Tobias Wenzel-Obi, MD | NPI | 1801937726 |
| Office | Linden Park Endocrinology, 55 Sycamore Ct, Linden Park, WI | Phone / fax | 414-555-0152 / 414-555-0153 |
**Request type:** ○ Initial  ● Continuation      **Date of first denosumab dose:** 01/16/2024      **Doses received:** 4      **Last dose:** 07/22/2025
**Product for this request:** ○ Prolia (J0897)  ● Jubbonti (Q5136)  ○ Stoboclo (Q5157)
**Dose:** 60 mg SC every 6 months      **Requested date of service:** 01/27/2026
**Diagnosis:** M81.0 postmenopausal osteoporosis
|#w 5,1,1|
|! | Yes | No |
| Postmenopausal | ● | ○ |
| T-score at or below -2.5 at any time (baseline L1-L4 -3.0, 11/14/2023) | ● | ○ |
| Osteoporotic or fragility fracture | ○ | ● |
| Prior IV bisphosphonate (zoledronic acid or IV ibandronate) | ● | ○ |
| Prior oral bisphosphonate | ○ | ● |
| Used with other osteoporosis therapy | ○ | ● |
| High fracture risk per prescriber | ● | ○ |
| Positive response to denosumab (BMD stable or improved) | ● | ○ |
### Prior osteoporosis therapy
|#w 2,1,1,3|
|! Drug / route | Start | Stop | Reason for discontinuation |
| ibandronate (Boniva) 3 mg IV every 3 months | 04/2020 | 06/2022 | continued lumbar spine BMD loss |
| denosumab (Prolia) 60 mg SC every 6 months | 01/2024 | ongoing | n/a - plan product change to Jubbonti |
Signature: T. Wenzel-Obi, MD    Date: 01/09/2026
""", font="sans", size=9.5, title="Continuation request Varga")

pdf("rg-11/DXA_Lunar_2025-12-18.pdf", """
@c LINDEN PARK IMAGING - BONE DENSITY
# GE Lunar Prodigy - Composite Report
|#w 1,2,1,2|
|#plain|
| Name: | VARGA, CONSTANCE E | Measured: | 12/18/2025 |
| DOB: | 11/02/1948 | Age: | 77.1 |
| Sex: | F | Ethnicity: | White |
| Referring: | T. Wenzel-Obi, MD | Facility ID: | LPE-30517 |
## Reference: AP Spine (L1-L4), Left Femur
|#w 1.3,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | g/cm2 | % | T-score | % | Z-score |
| L1-L4 | 0.898 | 75 | -2.6 | 98 | -0.1 |
| Neck (Left) | 0.708 | 69 | -2.4 | 94 | -0.3 |
| Total (Left) | 0.757 | 72 | -2.1 | 93 | -0.4 |
## Trend: AP Spine L1-L4
|#w 1,1,1,1,1,1|
|! Measured Date | Age (years) | BMD (g/cm2) | T-score | Change vs Baseline (g/cm2) | Change vs Baseline (%) |
| 12/18/2025 | 77.1 | 0.898 | -2.6 | 0.044 | 5.1* |
| 11/14/2023 | 75.0 | 0.854 | -3.0 | - | baseline |
## Trend: Left Femur Neck
|#w 1,1,1,1,1,1|
|! Measured Date | Age (years) | BMD (g/cm2) | T-score | Change vs Baseline (g/cm2) | Change vs Baseline (%) |
| 12/18/2025 | 77.1 | 0.708 | -2.4 | 0.021 | 3.1 |
| 11/14/2023 | 75.0 | 0.687 | -2.6 | - | baseline |
## Trend: Left Femur Total
|#w 1,1,1,1,1,1|
|! Measured Date | Age (years) | BMD (g/cm2) | T-score | Change vs Baseline (g/cm2) | Change vs Baseline (%) |
| 12/18/2025 | 77.1 | 0.757 | -2.1 | 0.022 | 3.0* |
| 11/14/2023 | 75.0 | 0.735 | -2.3 | - | baseline |
@s * Denotes significant change at the 95% confidence level. Least significant change: spine 0.026 g/cm2, total femur 0.020 g/cm2, neck 0.031 g/cm2.
## Comments
Patient on denosumab since 01/2024. Significant increase in lumbar spine and total hip BMD compared with baseline. Current classification: osteopenia by T-score; the patient has a documented prior T-score of -3.0 at the spine.
@s WHO classification for postmenopausal women: normal T-score -1.0 or greater; osteopenia -1.0 to -2.5; osteoporosis -2.5 or less.
Physician: Arvid Castellanos-Reyes, MD    Report date 12/19/2025
""", font="sans", size=9.5, title="DXA 2025-12-18")

# ----------------------------------------------------------------------------------------------- rg-12
pdf("rg-12/WillowCreek_fax_Thornbury.pdf", """
# Willow Creek Women's Health
@s Obstetrics - Gynecology - Midlife & Menopause Care
@s 3017 Aspen Loop, Suite 4 - Millhaven, OR 97555 - phone 541-555-0156 - fax 541-555-0157
---
## FAX
**To:** Prior Authorization Dept.     **Fax:** 866-555-0193
**From:** Brynn Takahashi, front office
**Date:** 10/09/2025     **Pages:** 4 incl. cover
**Re:** Meredith S. Thornbury, DOB 06/30/1969 - Prolia request
Please see the attached form, visit note and bone density report. Patient is scheduled for her first injection on 10/21/2025.
@s Privileged and confidential. If you are not the intended recipient, please call the sender and destroy this fax.
""", """
```
  WILLOW CREEK WOMEN'S HEALTH      --  MEDICATION PRIOR AUTH REQUEST  --

  Pt name:  Meredith S. Thornbury         DOB:  06/30/1969
  Ins ID:   PH0-77231-41                  Phone: 541-555-0172
  MD:       Annika Sorensen-Ude, MD  (OB/GYN)      NPI: 1912640051

  Drug:     Prolia  60 mg  SC  q 6 months        HCPCS: J0897  x 60
  Start:    10/21/2025   (1st dose, office)

  Indication (check one):
     __  treatment of postmenopausal osteoporosis
     _✓  prevention of postmenopausal osteoporosis
     __  glucocorticoid-induced osteoporosis
     __  bone loss on aromatase inhibitor / ADT
  ICD-10:   Z78.0 , M85.80

  Lowest T-score:  -1.6  (L1-L4, 09/25/2025)
  Prior fracture?           yes __   no _✓
  Prior bisphosphonate?     yes __   no _✓     (pt declines oral meds)
  Steroids?                 yes __   no _✓
  High fracture risk?       yes __   no _✓     FRAX MOF 7.2% / hip 0.6%
  Other osteoporosis meds?  yes __   no _✓

  Signature:   A. Sorensen-Ude MD              Date:  10/08/2025
```
""", """
@s Willow Creek Women's Health - Annual / Problem Visit - printed 10/09/2025
# GYN Office Visit
**Patient:** Thornbury, Meredith S.  **DOB:** 06/30/1969  **Age:** 56  **Visit:** 10/02/2025  **Provider:** Annika Sorensen-Ude, MD
## Subjective
56 G2P2 here to review bone density. Menopause at 52 (LMP 2021); hot flashes have settled; not on hormone therapy and does not want it. She asked for her first DXA because her mother has osteoporosis ("shrank 3 inches"), and her older sister was told she had osteopenia. She wants "something to keep my bones from getting to where my mom's are" but does not want to take a weekly or monthly pill; a friend receives twice-yearly Prolia shots and she would like the same.
Denies any fractures. Exercises (Pilates 2x/week, walks). Non-smoker, 2-3 drinks/week. No steroid use. No thyroid disease. No personal history of breast cancer. Never treated for bone loss.
## ROS
Negative for back pain, height loss, falls. GI negative (no reflux or swallowing problems). GU: no bleeding since 2021.
## Objective
BP 118/72, BMI 24.6, height 167.6 cm (stable). Breast and pelvic exam normal.
DXA 09/25/2025: L1-L4 T -1.6, left femoral neck T -1.4, left total hip T -0.9. FRAX with BMD: major osteoporotic 7.2%, hip 0.6%.
## Assessment
1. Postmenopausal state (Z78.0).
2. Low bone mass / osteopenia (M85.80), mild.
3. Family history of osteoporosis (Z82.62) - mother.
Her fracture risk is low; she is not at high risk for fracture and does not meet a treatment threshold. She understands that, and wants medication for prevention of postmenopausal osteoporosis.
## Plan
- Request Prolia 60 mg every 6 months for osteoporosis prevention as the patient prefers an injection over oral agents; explained insurer may decline because this is a prevention request. If denied, will continue lifestyle measures and repeat DXA in 2-3 years.
- Calcium 1200 mg/day total, vitamin D 800-1000 IU, weight-bearing exercise.
Signed: Annika Sorensen-Ude, MD  10/02/2025 12:10
""", """
# DXA Bone Density Report
@s Millhaven Community Imaging - Hologic Horizon Ci - Software APEX 5.6
|#w 1,2,1,2|
|#plain|
| Patient ID | WCW-61190 | Scan date | 09/25/2025 |
| Name | Thornbury, Meredith S | Age | 56 |
| DOB | 06/30/1969 | Menopause age | 52 |
| Referring | A. Sorensen-Ude, MD | Ethnicity | White |
|#w 1.5,1,1,1,1|
|! Region | BMD | T-score | PR (%) | Z-score |
| L1-L4 Total | 0.899 | -1.6 | 84 | -0.6 |
| Left Femoral Neck | 0.705 | -1.4 | 84 | -0.4 |
| Left Total Hip | 0.843 | -0.9 | 89 | -0.2 |
### FRAX 10-year probability of fracture (US Caucasian)
|#w 3,1|
|#box|
| Major osteoporotic | 7.2% |
| Hip | 0.6% |
@s Risk factors entered: none (no prior fracture, no parental hip fracture, no glucocorticoids, no RA, non-smoker). National treatment thresholds: hip 3% or major osteoporotic 20%. FRAX is not a substitute for clinical judgement.
### Impression
Low bone mass (osteopenia) at the lumbar spine and left femoral neck; normal left total hip. Low 10-year fracture probability.
@s WHO criteria: normal T-score -1.0 or above, osteopenia -1.0 to -2.5, osteoporosis -2.5 and below.
Interpreted by: Luis Ferreira-Oduya, MD - 09/25/2025
""", fax={"line": "10/09/2025 15:41   WILLOW CREEK WOMENS HEALTH   541-555-0157   PAGE {page} OF {total}", "where": "footer"},
    font="serif", size=9.8, title="Willow Creek fax")

# ----------------------------------------------------------------------------------------------- rg-13
pdf("rg-13/PA_form_Farrow.pdf", """
# EASTBROOK ONCOLOGY - SUPPORTIVE CARE DRUG AUTHORIZATION
@s Type YES or NO in each answer box. Do not leave answers blank.
|#w 1,2,1,2|
| PATIENT | Yasmin T. Farrow | DOB | 04/09/1986 |
| MEMBER ID | EHX-20184-66 | PHONE | 860-555-0119 |
| PRESCRIBER | Helene Mbeki-Larsson, MD | NPI | 1669023588 |
| DRUG / CODE | Prolia (denosumab) 60 mg - J0897 | DOSE / FREQ | 60 mg SC every 6 months |
| DATE OF SERVICE | 02/24/2026 | DX CODES | C50.911, Z17.0, Z79.818 |
|#w 6,1|
|! QUESTION | ANSWER |
| Does the patient have breast cancer? | YES |
| Is the breast cancer metastatic to bone? | NO |
| Is the patient postmenopausal? | NO |
| Is the patient premenopausal? | YES |
| Is the patient receiving an aromatase inhibitor (anastrozole, letrozole, exemestane)? | NO |
| Is the patient receiving estrogen deprivation therapy (e.g., leuprolide, goserelin, triptorelin)? If yes, drug: leuprolide acetate depot 11.25 mg q3 months since 05/2025 | YES |
| Is the patient receiving tamoxifen? | YES |
| Will denosumab be given with another bone-active osteoporosis drug? | NO |
| Is this a continuation request? | NO |
Completed by: Ji-woo Han, PharmD, oncology pharmacist    02/09/2026    Prescriber: H. Mbeki-Larsson, MD
""", font="cond", size=9.5, title="Supportive care drug authorization")

pdf("rg-13/DXA_2026-01-29.pdf", """
# DUAL-ENERGY X-RAY ABSORPTIOMETRY
@s Eastbrook General Hospital - Department of Radiology - Hologic Horizon W
Patient: FARROW, YASMIN T    DOB: 04/09/1986    Sex: F    Exam: 01/29/2026    Accession: RAD-26-004417
Clinical history: premenopausal breast cancer on ovarian suppression and tamoxifen; follow-up of baseline.
|#w 1.7,1,1,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score | Baseline 04/17/2025 T-score | Change in BMD |
| Lumbar spine L1-L4 | 0.863 | -1.9 | -1.8 | -1.5 | -4.4%* |
| Left femoral neck | 0.735 | -1.3 | -1.2 | -1.1 | -2.3% |
| Left total hip | 0.833 | -1.0 | -0.9 | -0.8 | -2.0% |
@s * exceeds least significant change (spine 2.6%).
**Note:** In premenopausal women, Z-scores (comparison with age-matched women) rather than T-scores should be used. A Z-score of -2.0 or lower is "below the expected range for age"; above -2.0 is "within the expected range for age". WHO T-score categories are not applied.
**Impression:** Bone density within the expected range for age, but with a statistically significant 4.4% loss at the lumbar spine since 04/17/2025, consistent with bone loss on ovarian function suppression.
Signed: Cormac Delacroix, MD  01/29/2026
""", font="serif", size=10, title="DXA 2026-01-29")

# ----------------------------------------------------------------------------------------------- rg-14
pdf("rg-14/DXA_2026-06-22.pdf", """
@c HERON BAY DIAGNOSTIC IMAGING
# Bone Densitometry
@s Hologic Horizon A (S/N 301884) - APEX 5.6.1.3 - Reference: USA (NHANES III hip / Hologic spine), female
|#w 1,2,1,2|
|#plain|
| Patient | MOREAU, PHILIPPA J | Exam date | 06/22/2026 |
| DOB | 03/17/1951 | Age | 75 |
| Sex | Female | Referring | D. Fairweather-Oyelaran, MD |
### AP Spine
|#w 1.4,1,1,1,1,1|
|! Region | Area (cm2) | BMC (g) | BMD (g/cm2) | T-score | Z-score |
| L1 | 13.20 | 8.62 | 0.653 | -3.0 | -0.9 |
| L2 | 14.01 | 9.88 | 0.705 | -3.2 | -1.1 |
| L3 | 15.36 | 11.06 | 0.720 | -3.1 | -1.0 |
| L4 | 17.43 | 13.02 | 0.747 | -3.0 | -0.9 |
| Total (L1-L4) | 60.00 | 42.58 | 0.710 | -3.1 | -1.0 |
### DualHip
|#w 1.4,1,1,1,1,1|
|! Region | Area (cm2) | BMC (g) | BMD (g/cm2) | T-score | Z-score |
| Left Neck | 4.77 | 2.67 | 0.560 | -2.6 | -0.4 |
| Left Total | 30.12 | 19.88 | 0.660 | -2.2 | -0.3 |
| Right Neck | 4.81 | 2.77 | 0.576 | -2.4 | -0.3 |
| Right Total | 30.40 | 20.37 | 0.670 | -2.0 | -0.2 |
@s No prior examinations at this facility. Outside studies are not available for comparison.
### Impression
OSTEOPOROSIS. Lowest T-score -3.1 at the lumbar spine (L1-L4). Left femoral neck T-score -2.6.
@s WHO: T-score at or below -2.5 = osteoporosis; between -1.0 and -2.5 = osteopenia. FRAX not reported: prior treatment history unknown.
Reading radiologist: Oksana Petrenko-Hale, MD    06/22/2026 16:05
""", font="sans", size=9.5, title="DXA 2026-06-22")

# ----------------------------------------------------------------------------------------------- rg-15
pdf("rg-15/MapleGrove_SNF_fax_packet.pdf", """
# MAPLE GROVE HEALTH & REHABILITATION CENTER
@s Skilled Nursing - Long-Term Care - 800 Orchard Crest Drive, Maple Grove Township, MN 55555 - Phone 763-555-0108 - Fax 763-555-0109
## Fax Transmission
|#w 1,3|
|#grid|
| To | Precertification - Medical Injectables |
| Fax # | 866-555-0193 |
| From | Odette Lindahl, RN, MDS Coordinator |
| Attending | Hamish Oyelowo-Birch, MD (Geriatrics) |
| Date | 12/02/2025 |
| Pages | 5 including cover |
| Regarding | Walter B. Quigley, DOB 09/12/1944 - Prolia 60 mg, long-stay resident |
Enclosures: LTC pharmacy PA questionnaire; attending physician progress note; nursing positioning/swallow note; DXA report.
@s NOTICE: This transmission contains confidential resident health information. If you are not the intended recipient, notify the sender at 763-555-0108 and destroy this material.
""", """
# NORTHSTAR LTC PHARMACY - INJECTABLE PRIOR AUTHORIZATION QUESTIONNAIRE
@s Submitting facility completes; circle/enter Y or N after each arrow. Blank = not answered.
Resident: **Walter B. Quigley**   DOB: 09/12/1944   Sex: M   Facility: Maple Grove Health & Rehabilitation   Room: 214-B
Member ID: MGQ-30881-2   Prescriber: Hamish Oyelowo-Birch, MD   NPI: 1538820461
Medication: Prolia (denosumab) 60 mg/mL syringe   HCPCS J0897   Dose 60 mg SC every 6 months
Administration date requested: 12/16/2025 (facility nurse, physician order on file)
Diagnoses: M81.0, I69.351, Z91.81
|#w 7,2|
|#lines|
|! Question | Answer |
| 1. New start of denosumab? | → Y |
| 2. T-score -2.5 or below at spine, femoral neck, total hip or 1/3 radius? (value/site: -2.8 L femoral neck) | → Y |
| 3. Fragility fracture history? | → N |
| 4. Prior zoledronic acid (Reclast)? | → N |
| 5. Prior oral bisphosphonate? | → N |
| 6a. Unable to swallow tablets? | → N |
| 6b. Unable to remain upright 30-60 minutes after an oral dose? | → Y |
| 6c. Esophageal disease (stricture, achalasia, ulcer)? | → N |
| 7. CrCl under 35 mL/min? | → N |
| 8. Other osteoporosis drug at the same time? | → N |
| 9. Prescriber states high fracture risk? | → Y |
Explain 6b: right hemiplegia after L MCA stroke (2024); truncal weakness and orthostatic hypotension; cannot sit upright more than 10-15 minutes; positioned at 30 degrees.
Completed by O. Lindahl, RN 12/01/2025. Reviewed H. Oyelowo-Birch, MD 12/01/2025.
""", """
@s Maple Grove Health & Rehabilitation - Physician Progress Note
# Attending Physician Visit - Long-Term Care
Resident: QUIGLEY, WALTER B    DOB 09/12/1944 (81)    Room 214-B    Visit date: 11/26/2025
Physician: Hamish Oyelowo-Birch, MD, Geriatric Medicine
**Reason:** osteoporosis treatment decision after DXA; routine 30-day visit.
**Subjective:** 81-year-old long-stay resident with right hemiplegia and expressive aphasia after a left MCA ischemic stroke in 05/2024. Non-ambulatory; transfers with mechanical lift; wheelchair for short periods. Two falls in 2025 (slid from wheelchair 02/2025, from bed 07/2025), no injuries and no fractures; x-rays after the July fall negative. He has never had a fracture and has never been treated for osteoporosis.
**Swallow / positioning:** SLP bedside evaluation 10/2025: regular diet, thin liquids, swallows tablets whole. He cannot maintain an upright seated posture for more than 10-15 minutes because of truncal weakness and symptomatic orthostatic hypotension (BP 132/78 supine, 96/60 seated at 3 minutes with dizziness); nursing keeps the head of bed at about 30 degrees. He therefore cannot follow the 30-60 minute upright requirement for oral bisphosphonates.
**Medications:** aspirin 81 mg, atorvastatin 80 mg, lisinopril 2.5 mg, baclofen 5 mg TID, sertraline 50 mg, senna, calcium carbonate 500 mg + vitamin D3 1000 IU BID.
**Labs 11/14/2025:** creatinine 1.14, eGFR 61, calcium 9.1, albumin 3.6, 25-OH vitamin D 29.
**DXA 11/20/2025:** left femoral neck T-score -2.8, left total hip -2.5, L2-L4 -1.7.
**Assessment:**
1. Osteoporosis, age-related (M81.0), left femoral neck T -2.8. High risk for fracture (immobility, hemiplegia, recurrent falls, low hip BMD).
2. Hemiplegia following cerebral infarction affecting right dominant side (I69.351).
3. History of falling (Z91.81).
**Plan:** Prolia 60 mg SC every 6 months, first dose 12/16/2025 given by facility nurse; calcium/vitamin D continued; calcium check 2 weeks after the dose. Oral bisphosphonates not appropriate because he cannot remain upright. Fall-mat and low bed continued.
Signed electronically: H. Oyelowo-Birch, MD  11/26/2025
""", """
@s Maple Grove Health & Rehabilitation - Nursing Documentation
# Nursing Note - Positioning and Medication Administration Review
Resident: Quigley, Walter B.   DOB 09/12/1944   Date/time: 11/28/2025 14:10   Author: Priya Ramaswamy, RN
**Purpose:** requested by attending to document tolerance of upright positioning for possible oral weekly medication.
Resident assisted to upright seated position (90 degrees) in tilt-in-space wheelchair at 09:05. At 09:14 resident grimacing, pointing to head; BP 94/58 (supine 130/76), HR 98. Returned to 30-degree recline at 09:16; symptoms resolved within 5 minutes, BP 124/74.
Repeated trial at 13:30 with abdominal binder and compression stockings: tolerated 12 minutes upright before dizziness and leaning to the right; returned to recline.
Swallowing: takes tablets whole with applesauce, no coughing; meals at 45-60 degrees with 1:1 set-up.
**Summary:** Resident is unable to remain upright for 30 minutes. Attending notified. Care plan updated.
P. Ramaswamy, RN
""", """
# Bone Densitometry Report
@s Maple Grove Regional Hospital - Outpatient Imaging - GE Lunar Prodigy Pro - enCORE 17
|#w 1,2,1,2|
|#plain|
| Patient | Quigley, Walter B | Measured | 11/20/2025 |
| DOB | 09/12/1944 | Age | 81.2 |
| Sex | Male | Referring | H. Oyelowo-Birch |
|#w 1.5,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | g/cm2 | % | T-score | % | Z-score |
| L2-L4 | 1.004 | 83 | -1.7 | 90 | -1.0 |
| Left Femur Neck | 0.647 | 62 | -2.8 | 78 | -1.2 |
| Left Femur Total | 0.721 | 70 | -2.5 | 81 | -1.3 |
@s L1 excluded because of rotation artifact. Right hip not scanned: hip flexion contracture of the hemiplegic limb prevented positioning. Reference: USA male.
**Impression:** Osteoporosis (WHO criteria) at the left femoral neck, T-score -2.8. Total hip T-score -2.5.
@s WHO classification: T-score -2.5 or below osteoporosis; between -1.0 and -2.5 osteopenia. FRAX not calculated.
Radiologist: Yusuf Engebretsen, MD  11/20/2025
""", fax={"line": "DEC 02 2025 10:22  MAPLE GROVE H&R  763 555 0109  TO 18665550193  Page {page2} of {total2}"},
    font="sans", size=9.5, title="Maple Grove fax")

# ----------------------------------------------------------------------------------------------- rg-16
pdf("rg-16/pharmacy_PA_questionnaire_Eastwick.pdf", """
# Clinical Questionnaire - Denosumab 60 mg (Prolia / Jubbonti / Stoboclo)
@s Completed by prescriber's office. A check mark (✔) marks the answer. Questions without a mark are unanswered.
**Patient:** Gordon F. Eastwick    **DOB:** 02/07/1959    **ID:** FW2-66190-03
**Prescriber:** Marguerite Oyelaran-Voss, MD    **NPI:** 1093817720    **Phone:** 517-555-0131
**Product:** ✔ Prolia   ☐ Jubbonti   ☐ Stoboclo      **HCPCS:** J0897      **Dose:** 60 mg every 6 months      **Requested DOS:** 08/11/2026
|#w 6,1,1|
|! Question | Yes | No |
| 1. Is the patient a man with osteoporosis (T-score -2.5 or below, or fragility fracture)? | ✔ |  |
| 2. Has the patient had a fragility fracture? |  | ✔ |
| 3. Has the patient tried zoledronic acid IV? |  | ✔ |
| 4. Has the patient tried an oral bisphosphonate? Drug/start date: risedronate 35 mg weekly since 03/02/2026 | ✔ |  |
| 5. If yes to 4: was the trial 12 months or longer with inadequate efficacy? |  | ✔ |
| 6. If yes to 4: significant intolerance? |  | ✔ |
| 7. Inability to swallow, to remain upright, or pre-existing esophageal condition? |  | ✔ |
| 8. Severe renal impairment / CKD? (eGFR 84) |  | ✔ |
| 9. Will the product be used with another osteoporosis medication? |  | ✔ |
| 10. Reason for request | switch for convenience / adherence | << |
Signature: M. Oyelaran-Voss, MD    Date 07/29/2026
""", font="sans", size=9.5, title="Questionnaire Eastwick")

pdf("rg-16/DXA_2026-02-18.pdf", """
# FENWICK IMAGING - DXA BONE DENSITY
@s GE Lunar DPX-NT - enCORE 16 - Male reference (USA)
Name: Eastwick, Gordon F      DOB: 02/07/1959      Age: 67      Scan date: 02/18/2026      Ordering: M. Oyelaran-Voss, MD
## Results Summary
|#w 1.5,1,1,1|
|#lines|
|! Region | BMD (g/cm2) | T-score | Z-score |
| Spine L1-L4 | 0.897 | -2.7 | -2.2 |
| Left Femoral Neck | 0.746 | -2.2 | -1.3 |
| Left Total Femur | 0.806 | -1.8 | -1.2 |
## 10-year fracture probability (FRAX)
Major osteoporotic fracture 8.4%; hip fracture 2.1%.
@s FRAX inputs: no prior fracture, no parental hip fracture, former smoker, no glucocorticoids. FRAX does not include spine BMD.
## Impression
Osteoporosis of the lumbar spine (T-score -2.7); osteopenia of the left hip. Z-score below -2.0 at the spine - consider secondary causes.
Signed: Fergus Adebayo-Lind, MD   02/18/2026
""", font="sans", size=9.5, title="DXA 2026-02-18")

# ----------------------------------------------------------------------------------------------- rg-17
pdf("rg-17/PA_form_Stoboclo_Fairclough.pdf", """
# Buy-and-Bill Drug Authorization Request
@s Granite Falls Cancer Center - Infusion Pharmacy - 1200 Quarry View Road, Granite Falls, CO 80555 - Tel 970-555-0177 - Fax 970-555-0178
## Patient
Name: Ignatius O. Fairclough      DOB: 11/19/1957      Member ID: GFC-70215-18      Sex: [✓] M   [ ] F
## Prescriber
Oluwaseun Pettersson, MD - Urology - NPI 1720453318
## Product (select one)
[ ] Prolia (denosumab) 60 mg - J0897
[ ] Jubbonti (denosumab-bbdz) 60 mg - Q5136
[✓] Stoboclo (denosumab-bmwo) 60 mg - Q5157
[ ] Other: ______________________
Dose / route / frequency: 60 mg subcutaneously every 6 months      Billing units: 60
Date of service: 03/24/2026      Place of service: 22 (on-campus outpatient hospital)
## Indication (select)
[ ] Postmenopausal osteoporosis
[ ] Osteoporosis in men
[ ] Glucocorticoid-induced osteoporosis
[ ] Bone loss - breast cancer on aromatase inhibitor
[✓] Bone loss - nonmetastatic prostate cancer on androgen deprivation therapy
ICD-10-CM: C61
## Questions
Prostate cancer metastatic to bone?   [ ] Yes  [✓] No   (PSMA PET 08/27/2025 negative)
Receiving ADT?   [✓] Yes  [ ] No   Agent: goserelin (Zoladex) 10.8 mg every 12 weeks since 09/10/2025
Bilateral orchiectomy?   [ ] Yes  [✓] No
Concurrent osteoporosis medication?   [ ] Yes  [✓] No
High fracture risk per prescriber?   [✓] Yes  [ ] No
Signature: O. Pettersson, MD       Date: 03/06/2026
""", font="sans", size=9.5, title="Authorization request Stoboclo")

pdf("rg-17/DXA_2026-02-26.pdf", """
@r Granite Falls Regional Medical Center - Bone Density
# Lunar iDXA - Densitometry Results
|#w 1,2,1,2|
|#plain|
| Patient | FAIRCLOUGH, IGNATIUS O | Measured | 02/26/2026 |
| Birth date | 11/19/1957 | Age | 68.3 |
| Sex | Male | Referring | O. Pettersson, MD |
|#w 1.6,1,1,1,1,1|
|! Region | BMD (g/cm2) | Young-Adult | << | Age-Matched | << |
|! ^^ | ^^ | (%) | T-score | (%) | Z-score |
| **AP Spine** | << | << | << | << | << |
| L1-L4 | 1.114 | 93 | -0.8 | 98 | -0.2 |
| **Left Femur** | << | << | << | << | << |
| Neck | 0.792 | 76 | -1.9 | 89 | -0.7 |
| Total | 0.882 | 83 | -1.4 | 92 | -0.6 |
| **Left Forearm** | << | << | << | << | << |
| Radius 33% | 0.821 | 82 | -2.2 | 90 | -1.0 |
| Radius UD | 0.402 | 71 | -2.6 | 82 | -1.4 |
| Total Forearm | 0.611 | 78 | -2.4 | 87 | -1.2 |
@s Young-adult reference: USA male 20-40 years. Forearm: non-dominant (left). Diagnostic sites per ISCD: lumbar spine, femoral neck, total hip, 33% radius.
**Impression:** Low bone mass (osteopenia). Lowest diagnostic T-score -2.2 at the left 33% radius. Baseline study on androgen deprivation therapy; repeat in 1-2 years.
@s WHO classification: osteoporosis T-score -2.5 or lower; osteopenia -1.0 to -2.5; normal -1.0 or higher.
Reviewed by: Anselm Vukovic, MD  02/26/2026
""", font="sans", size=9.5, title="DXA 2026-02-26")

# ----------------------------------------------------------------------------------------------- rg-18
pdf("rg-18/HarborPoint_FM_fax.pdf", """
# HARBOR POINT FAMILY MEDICINE
@s 66 Lighthouse Lane - Harbor Point, WA 98555 - Main 360-555-0114 - Fax 360-555-0115
## FAX COVER
Date: 05/08/2026
To: Precertification - Medical Drugs (fax 866-555-0193)
From: Hollis Grant, referral coordinator
Re: Corinne A. Blackwood, DOB 05/21/1974 - Prolia prior authorization
Total pages: 4
Notes: Form, last office note and DXA attached. Please fax determination to 360-555-0115.
@s This fax may contain protected health information. If you are not the intended recipient, any use or disclosure is prohibited; please notify us and destroy the pages.
""", """
# Prior Authorization Request: Denosumab (Prolia and biosimilars)
@s Fill in one circle per question (●). Leave none blank.
|#w 1,2,1,2|
| Patient | Corinne A. Blackwood | DOB | 05/21/1974 |
| Member ID | HPB-51103-27 | Sex | ● F  ○ M |
| Prescriber | Wendell Nakamura-Price, MD | NPI | 1346902274 |
| Drug | ● Prolia J0897  ○ Jubbonti Q5136  ○ Stoboclo Q5157 | Dose | 60 mg SC q6 months |
| Date of service | 05/19/2026 | Diagnosis | M81.0 |
|#w 5,1,1,1|
|! Question | Yes | No | Unknown |
| Is the patient postmenopausal? | ○ | ○ | ● |
| T-score -2.5 or lower (L1-L4 -2.7, 04/28/2026)? | ● | ○ | ○ |
| Fragility fracture? | ○ | ● | ○ |
| Prior zoledronic acid or IV ibandronate? | ○ | ● | ○ |
| Oral bisphosphonate tried - significant intolerance? | ● | ○ | ○ |
| Systemic glucocorticoids? | ○ | ● | ○ |
| Breast cancer on aromatase inhibitor? | ○ | ● | ○ |
| Concurrent osteoporosis therapy? | ○ | ● | ○ |
| Prescriber states high fracture risk? | ● | ○ | ○ |
Comments: hysterectomy 2015; ovarian status and FSH pending (see note).
Signature: W. Nakamura-Price, MD    05/07/2026
""", """
@s Harbor Point Family Medicine - Progress Note
# Office Visit 05/06/2026
**Patient:** BLACKWOOD, CORINNE A    **DOB:** 05/21/1974    **Age:** 51    **Provider:** Wendell Nakamura-Price, MD
**CC:** DXA results - low bone density
**HPI:** 51-year-old woman whose screening DXA 04/28/2026 (ordered because of her mother's kyphosis and her own low body weight) shows L1-L4 T-score -2.7, Z-score -2.3. Left femoral neck T -2.1.
She had a hysterectomy in 2015 at an outside hospital for fibroids (Z90.710). She believes "they left one ovary, maybe both" - the operative report has been requested from St. Brendan's but has not arrived, so her ovarian status is unknown. She has no periods to track since the hysterectomy. Over the past year she has had intermittent night sweats and hot flashes, but also months without symptoms. FSH and estradiol drawn today; results pending. Menopausal status therefore undetermined.
Bone history: she started alendronate 70 mg weekly in 01/2024 (prescribed by urgent care after a borderline heel ultrasound), took 3 doses and stopped after severe heartburn and substernal chest pain that led to an ED visit (cardiac work-up negative, symptoms attributed to alendronate). She refuses oral bisphosphonates. No fractures. No glucocorticoid use. No personal history of breast cancer. No eating disorder; BMI 18.9.
**Meds:** cetirizine 10 mg; calcium 500 mg + D3 1000 IU daily.
**Exam:** Wt 51.3 kg, Ht 164.5 cm. No kyphosis. Thyroid normal.
**Labs 04/28/2026:** creatinine 0.66, eGFR 95, calcium 9.4, 25-OH D 30, TSH 1.6, tTG negative, SPEP normal. FSH/estradiol 05/06/2026: pending.
**Assessment:** Osteoporosis by T-score at the lumbar spine (M81.0) with Z-score -2.3. Significant intolerance to alendronate. In my judgement she is at high risk for fracture.
**Plan:** Request Prolia 60 mg every 6 months, tentative first dose 05/19/2026. If FSH/estradiol show she is premenopausal, will refer to endocrinology for secondary-cause work-up before any treatment decision. Operative report requested again.
Signed W. Nakamura-Price, MD 05/06/2026 17:35
""", """
# DXA REPORT
@s Harbor Point Community Hospital - Radiology - Hologic Horizon W - APEX 5.6
Patient: Blackwood, Corinne A    DOB: 05/21/1974    Age: 51    Sex: F    Scan: 04/28/2026
Menopausal status on intake questionnaire: "unsure"
|#w 1.6,1,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score | PR% / AM% |
| L1-L4 | 0.776 | -2.7 | -2.3 | 73 / 76 |
| Left femoral neck | 0.644 | -2.1 | -1.6 | 76 / 80 |
| Left total hip | 0.728 | -1.8 | -1.4 | 79 / 82 |
@s Reporting note: for premenopausal women Z-scores should be used instead of T-scores and the WHO T-score categories should not be applied. For postmenopausal women the WHO classification applies (osteoporosis T-score -2.5 or lower).
**Impression:** If postmenopausal: osteoporosis at the lumbar spine (T-score -2.7). If premenopausal: bone density below the expected range for age at the lumbar spine (Z-score -2.3). Clinical correlation with menopausal status is required.
Radiologist: Sunniva Okafor-Brandt, MD  04/28/2026
""", fax={"line": "May 08 2026 02:47PM  HARBOR POINT FAMILY MED  3605550115  p.{page}  Page {page} of {total}", "where": "footer"},
    font="sans", size=9.5, title="Harbor Point fax")

# ----------------------------------------------------------------------------------------------- rg-19
pdf("rg-19/DXA_2025-09-30.pdf", """
# CEDAR BLUFF RADIOLOGY GROUP
## Bone Mineral Density Examination
@s Norland XR-46 densitometer - illuminatus DXA - Cedar Bluff Outpatient Center
Patient: Pettigrew, Eleanor V.    DOB: 08/08/1952    Sex: F    Age: 73
Exam date: 09/30/2025    Requested by: H. Sorensen-Blake, MD
History: recent L1 compression fracture (09/2025); postmenopausal; prior DXA 03/02/2023 at this facility.
|#w 1.6,1,1,1|
|! Site | BMD (g/cm2) | T-score | Z-score |
| L1 | excluded | - | - |
| L2 | 0.838 | -2.1 | -0.3 |
| L3 | 0.876 | -1.9 | -0.1 |
| L4 | 0.901 | -1.7 | 0.1 |
| L2-L4 | 0.872 | -1.9 | -0.1 |
| Left femoral neck | 0.667 | -2.0 | 0.0 |
| Left total hip | 0.781 | -1.6 | 0.1 |
@s L1 excluded from analysis because of the acute compression fracture.
### Comparison with 03/02/2023 (same device)
|#w 1.6,1,1,1|
|! Site | 2023 BMD | 2025 BMD | Change |
| Lumbar spine | 0.905 (L1-L4) | 0.872 (L2-L4) | not comparable (different regions) |
| Left femoral neck | 0.694 | 0.667 | -3.9%* |
| Left total hip | 0.798 | 0.781 | -2.1% |
@s * exceeds least significant change.
### Impression
Low bone mass by T-score (lowest -2.0, left femoral neck) with a significant decline at the femoral neck since 2023. In the presence of a low-trauma vertebral fracture, a clinical diagnosis of osteoporosis is appropriate regardless of T-score.
@s WHO densitometric categories: normal -1.0 and above; low bone mass between -1.0 and -2.5; osteoporosis -2.5 and below.
Interpreting radiologist: Thaddeus Owusu-Berg, MD   09/30/2025
""", font="serif", size=10, title="DXA 2025-09-30")

# ----------------------------------------------------------------------------------------------- rg-20
pdf("rg-20/supportive_care_PA_Arriaga.pdf", """
```
ST. COLUMBA CANCER CARE  --  SUPPORTIVE CARE PRIOR AUTHORIZATION (ePA export)
------------------------------------------------------------------------------
Patient ......... ARRIAGA, SOLEDAD M           DOB ... 12/01/1982
Member ID ....... SC0-81102-7                   Sex ... F
Prescriber ...... ROSALIND ACHTERBERG-MENSAH MD NPI ... 1457092268
Drug ............ PROLIA 60 MG/ML SYRINGE       HCPCS . J0897 (60 units)
Frequency ....... every 6 months                DOS ... 04/07/2026
Dx codes ........ C50.212, Z17.0, Z79.810
------------------------------------------------------------------------------
Q01 Breast cancer diagnosis?                                         Y/N: Y
Q02 Metastatic to bone?                                              Y/N: N
Q03 Currently receiving an aromatase inhibitor?                      Y/N: N
Q04 Postmenopausal?                                                  Y/N: N
Q05 Premenopausal receiving estrogen deprivation therapy
    (GnRH agonist/ovarian suppression)?                              Y/N: N
Q06 Current endocrine therapy (name):            tamoxifen 20 mg daily
Q07 T-score -2.5 or lower?                                           Y/N: N
Q08 Fragility fracture?                                              Y/N: N
Q09 Chronic systemic glucocorticoids?                                Y/N: N
Q10 Concurrent osteoporosis therapy?                                 Y/N: N
Q11 Goal of therapy:                 bone protection during endocrine therapy
------------------------------------------------------------------------------
Submitted 03/13/2026 09:41 by K. Aldana (oncology nurse navigator)
```
""", font="mono", size=9, title="ePA export Arriaga")

pdf("rg-20/DXA_2026-02-20.pdf", """
# St. Columba Women's Imaging - Bone Density
@s Hologic Horizon A - APEX 5.6 - Female reference
|#w 1,2,1,2|
|#plain|
| Patient | Arriaga, Soledad M | Exam | 02/20/2026 |
| DOB | 12/01/1982 | Age | 43 |
| Menopausal status | Premenopausal (LMP 02/2026) | Referring | R. Achterberg-Mensah |
|#w 1.6,1,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score | Interpretation (Z) |
| Lumbar spine L1-L4 | 0.897 | -1.3 | -1.1 | within expected range |
| Left femoral neck | 0.744 | -0.9 | -0.6 | within expected range |
| Left total hip | 0.887 | -0.6 | -0.4 | within expected range |
@s For premenopausal women, Z-scores should be used rather than T-scores (ISCD). A Z-score of -2.0 or lower is below the expected range for age. T-scores shown for reference only.
**Impression:** Bone mineral density within the expected range for age at all sites.
Radiologist: Petra Lindqvist-Okoro, MD  02/20/2026
""", font="sans", size=9.5, title="DXA 2026-02-20")

# ----------------------------------------------------------------------------------------------- rg-21
pdf("rg-21/Crestview_breast_onc_fax.pdf", """
# CRESTVIEW CANCER INSTITUTE
## Breast Oncology - Fax Cover Sheet
@s 2500 Summit Ridge Boulevard, Crestview, TN 37555 - T 615-555-0183 - F 615-555-0184
|#w 1,3|
|#lines|
| Date | 11/14/2025 |
| To | Utilization Review - Medical Drug Precertification, fax 866-555-0193 |
| From | Farah Quennell, RN, oncology authorization nurse |
| Patient | Harriet L. Osterhagen - DOB 01/14/1968 |
| Request | Prolia 60 mg SC every 6 months (bone loss on aromatase inhibitor) |
| Pages | 5 (cover, PA form, oncology note, pharmacy medication profile, DXA) |
@s Confidential health information enclosed. Re-disclosure is prohibited without patient authorization except as permitted by law.
""", """
# Oncology Supportive Therapy - Precertification Form
@s Mark ☒ for each item that applies. Unmarked = no / not applicable.
|#w 1,2,1,2|
| Patient | Harriet L. Osterhagen | DOB | 01/14/1968 |
| ID | CCI-20911-4 | Sex | ☒ F ☐ M |
| Oncologist | Tamsin Vorhees-Adjei, MD | NPI | 1083736629 |
**Drug:** ☒ Prolia J0897   ☐ Jubbonti Q5136   ☐ Stoboclo Q5157   ☐ Xgeva J0897 (120 mg)   ☐ zoledronic acid J3489
**Dose:** 60 mg SC every 6 months      **First dose date:** 11/25/2025      **Units:** 60
**ICD-10:** C50.112, Z17.0, Z79.811, Z90.722
### Clinical
☒ Breast cancer   ☐ metastatic to bone   ☒ not metastatic to bone (bone scan 02/2024 negative)
☒ Currently receiving aromatase inhibitor: exemestane 25 mg daily, start 05/05/2025
☐ Currently receiving tamoxifen
☒ Postmenopausal - surgical (bilateral salpingo-oophorectomy 03/2025)
☐ Premenopausal on ovarian suppression
☐ Prior bisphosphonate   ☐ Concurrent osteoporosis medication
☒ High fracture risk per prescriber
Signature: T. Vorhees-Adjei, MD    Date: 11/13/2025
""", """
@s Crestview Cancer Institute - Breast Oncology - Progress Note
# Follow-up Visit
**Patient:** Osterhagen, Harriet L.  **DOB:** 01/14/1968  **Age:** 57  **Date:** 11/10/2025  **Provider:** Tamsin Vorhees-Adjei, MD
## Oncologic summary
- 01/2024: left breast central IDC, 2.4 cm, grade 2, ER 98% PR 85% HER2 negative; germline **BRCA2** pathogenic variant (Z15.01).
- 02/2024: staging CT and bone scan negative for distant metastases.
- 03/2024-07/2024: neoadjuvant ddAC-T (Z92.21); dexamethasone premedication per cycle only.
- 08/2024: left mastectomy + SLNB, ypT1a N0.
- 09/2024: adjuvant tamoxifen 20 mg daily (premenopausal at that time).
- 03/18/2025: risk-reducing laparoscopic **bilateral salpingo-oophorectomy** (Z90.722) - surgical menopause.
- **05/05/2025: tamoxifen discontinued; exemestane 25 mg daily started** (Z79.811).
## Interval history
Tolerating exemestane with arthralgias that respond to exercise. No new masses. No bone pain. Hot flashes since BSO. No fractures ever.
DXA 10/30/2025 compared with pre-AI baseline 04/22/2025: L1-L4 T -2.1 (was -1.7), left femoral neck -1.8 (was -1.6), left total hip -1.5 (was -1.3): a 4.0% spine loss in six months.
Zoledronic acid 4 mg every 6 months was offered as adjuvant bone therapy; she declined infusions. No prior bisphosphonate. No ongoing corticosteroids.
## Note on medication list
The outside pharmacy profile (attached) still lists tamoxifen as active because of an automatic refill that was cancelled on 05/05/2025; she has not taken tamoxifen since then. Reconciled today.
## Labs
Creatinine 0.74, eGFR 88, calcium 9.6, 25-OH vitamin D 37.
## Assessment / Plan
1. ER+ HER2- left breast cancer (C50.112, Z17.0), no evidence of disease; not metastatic.
2. Aromatase inhibitor-associated bone loss in a postmenopausal woman (surgical menopause): she is at high risk for fracture given the rapid spine loss on exemestane. Start **Prolia 60 mg SC every 6 months**, first dose 11/25/2025, with calcium 1200 mg/day and vitamin D 1000-2000 IU.
3. Continue exemestane, planned 5-7 years.
Electronically signed: T. Vorhees-Adjei, MD  11/10/2025 17:02
""", """
# MEDICATION PROFILE - PATIENT COPY
@s Hillcrest Community Pharmacy #0418 - 300 Main Street, Crestview, TN - (615) 555-0190 - printed 11/03/2025 16:20
Patient: OSTERHAGEN, HARRIET L    DOB 01/14/1968    Allergies: penicillin (hives)
|#w 3,1,1,1,1|
|! Drug / strength / sig | Status | Last fill | Qty | Refills left |
| TAMOXIFEN 20 MG TAB - 1 PO DAILY | ACTIVE (auto-refill) | 04/28/2025 | 30 | 5 |
| EXEMESTANE 25 MG TAB - 1 PO DAILY AFTER A MEAL | ACTIVE | 10/27/2025 | 30 | 7 |
| CALCIUM 600 + D3 800 TAB - 1 PO BID | ACTIVE | 10/27/2025 | 60 | OTC |
| VENLAFAXINE ER 37.5 MG CAP - 1 PO DAILY | ACTIVE | 10/27/2025 | 30 | 3 |
| ONDANSETRON 8 MG ODT - PRN NAUSEA | INACTIVE | 07/19/2024 | 20 | 0 |
@s Status reflects the pharmacy dispensing system and may not reflect changes made by your prescriber. Bring this list to every appointment.
""", """
# Bone Density Report
@s Crestview Cancer Institute Imaging - GE Lunar iDXA - enCORE 18
Name: Osterhagen, Harriet L    DOB: 01/14/1968    Sex: F    Measured: 10/30/2025    Age: 57.8    Referring: T. Vorhees-Adjei
|#w 1.4,1,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score | Baseline 04/22/2025 T-score |
| L1-L4 | 0.962 | -2.1 | -1.5 | -1.7 |
| Left Femur Neck | 0.810 | -1.8 | -1.2 | -1.6 |
| Left Femur Total | 0.836 | -1.5 | -1.1 | -1.3 |
**Change from baseline (BMD):** L1-L4 -4.0% (significant), femoral neck -2.1%, total femur -2.2%.
**Impression:** Osteopenia. Lowest T-score -2.1 (L1-L4). Significant loss at the lumbar spine since 04/22/2025, consistent with aromatase inhibitor-associated bone loss after surgical menopause.
@s WHO classification (postmenopausal women): T-score -1.0 or above normal; -1.0 to -2.5 osteopenia; -2.5 or less osteoporosis. FRAX underestimates risk in women on aromatase inhibitors and is not reported.
Reviewed by: Bertrand Nakashima, MD  10/30/2025
""", fax={"line": "11/14/2025 13:06  CRESTVIEW CANCER INST BREAST ONC  FAX 6155550184      Page {page} of {total}"},
    font="sans", size=9.5, title="Crestview fax")

# ----------------------------------------------------------------------------------------------- rg-22
pdf("rg-22/PA_form_Thibodeaux.pdf", """
# Medical Drug Prior Authorization - Bone Agents
@s Submit with chart notes and DXA. Mark [X]. A question left unmarked is treated as not answered.
|#w 1,2,1,2|
| Patient name | Lionel R. Thibodeaux | DOB | 06/03/1957 |
| Member ID | BT4-11930-61 | Sex | [X] M [ ] F |
| Prescriber | Delphine Guidry-Okoro, MD | NPI | 1902635517 |
| Address | 412 Cypress Landing Dr, New Iberia Crossing, LA 70555 | Phone / fax | 337-555-0126 / 337-555-0127 |
**Medication:** [X] Prolia 60 mg (J0897)   [ ] Jubbonti 60 mg (Q5136)   [ ] Stoboclo 60 mg (Q5157)
**Sig:** 60 mg SC every 6 months    **Date of service:** 09/15/2026    **Diagnosis:** M85.80
**1.** Lowest T-score: -2.3 left femoral neck (08/14/2026).   [ ] -2.5 or lower   [X] -1.0 to -2.5
**2.** History of fracture?   [X] Yes   [ ] No      Site / date: right distal radius, 11/2022
**2a.** Was the fracture low-trauma (fall from standing height or less)?   [ ] Yes   [ ] No
**3.** Prescriber: patient at high risk for fracture?   [X] Yes   [ ] No
**4.** Prior zoledronic acid?   [ ] Yes   [X] No
**5.** Prior oral bisphosphonate?   [ ] Yes   [X] No
**6.** Cannot swallow / cannot remain upright / esophageal condition?   [ ] Yes   [X] No
**7.** CrCl below 35 mL/min or CKD?   [ ] Yes   [X] No
**8.** Concurrent osteoporosis medication?   [ ] Yes   [X] No
Signed: D. Guidry-Okoro, MD      Date: 08/28/2026
""", font="sans", size=9.5, title="PA form Thibodeaux")

pdf("rg-22/DXA_2026-08-14.pdf", """
# Acadiana Imaging Partners - DXA
@s Hologic Horizon Ci - APEX 5.6 - male reference
**Patient:** THIBODEAUX, LIONEL R    **DOB:** 06/03/1957    **Exam:** 08/14/2026    **Age:** 69
|#w 1.6,1,1,1,1|
|! Region | BMD | T-score | Z-score | PR % |
| L1-L4 | 0.989 | -2.0 | -1.4 | 82 |
| Left femoral neck | 0.672 | -2.3 | -1.0 | 71 |
| Left total hip | 0.793 | -1.9 | -1.1 | 77 |
## Trend
|#w 1.3,1,1,1,1|
|! Exam date | Region | BMD | T-score | % change |
| 08/14/2026 | L1-L4 | 0.989 | -2.0 | -2.4% |
| 05/10/2023 | L1-L4 | 1.013 | -1.8 | baseline |
| 08/14/2026 | Left femoral neck | 0.672 | -2.3 | -3.6%* |
| 05/10/2023 | Left femoral neck | 0.697 | -2.1 | baseline |
@s * exceeds the least significant change at 95% confidence.
**FRAX (10-yr):** major osteoporotic fracture 14%, hip 4.1% - entered with "previous fracture: yes" and "parent fractured hip: yes" from the intake form.
**Impression:** Osteopenia, lowest T-score -2.3 at the left femoral neck, with a significant decline since 05/10/2023.
@s FRAX thresholds and categories are informational and do not replace the treating clinician's assessment. WHO: osteoporosis -2.5 or lower; osteopenia between -1.0 and -2.5.
Interpreted by: Remy Fontenot-Asante, MD  08/14/2026
""", font="sans", size=9.5, title="DXA 2026-08-14")

# ----------------------------------------------------------------------------------------------- rg-23
pdf("rg-23/PA_form_Nwosu.pdf", """
# Westhaven Arthritis & Rheumatology - Injectable Authorization Request
@s Fax to plan precertification: 866-555-0193. Clinic fax: 203-555-0147.
**Patient:** Bartholomew K. Nwosu    **DOB:** 10/05/1961    **Member ID:** WHV-30871-5    **Sex:** ☒ Male ☐ Female
**Prescriber:** Fenella Marchetti-Obi, MD (Rheumatology)    **NPI:** 1366815092    **Phone:** 203-555-0146
**Requested:** ☒ Prolia 60 mg - J0897    ☐ Jubbonti 60 mg - Q5136    ☐ Stoboclo 60 mg - Q5157
**Regimen:** 60 mg SC every 6 months    **Date of service:** 06/02/2026
**Diagnoses:** M31.5, Z79.52, M85.80
|#w 6,1,1|
|! | Yes | No |
| Initiating or continuing chronic systemic glucocorticoids | ☒ | ☐ |
| Prednisone-equivalent dose at least 7.5 mg/day, expected for 6 months or longer (current 12.5 mg/day since 07/2025 taper) | ☒ | ☐ |
| Tried zoledronic acid IV (date 09/10/2025 - severe acute-phase reaction with AKI) | ☒ | ☐ |
| Tried oral bisphosphonate | ☐ | ☒ |
| Osteoporotic / fragility fracture | ☐ | ☒ |
| Concurrent osteoporosis medication | ☐ | ☒ |
| Prescriber: high fracture risk | ☒ | ☐ |
Signature: F. Marchetti-Obi, MD    05/15/2026
""", font="sans", size=9.5, title="Authorization request Nwosu")

pdf("rg-23/DXA_2025-08-19.pdf", """
@c WESTHAVEN REGIONAL HOSPITAL - BONE DENSITY LAB
# DXA Results Summary
@s Hologic Horizon A - APEX 5.6 - Reference: NHANES III / Hologic, male
|#w 1,2,1,2|
|#plain|
| Name | Nwosu, Bartholomew K | Scan date | 08/19/2025 |
| DOB | 10/05/1961 | Age | 63 |
| Sex | Male | Referring | F. Marchetti-Obi |
|#w 1.4,1,1,1,1,1|
|! Region | Area (cm2) | BMD (g/cm2) | T-score | PR (%) | Z-score |
| **AP Spine** | << | << | << | << | << |
| L1-L4 | 64.12 | 0.901 | -1.6 | 84 | -1.1 |
| **DualHip - Left** | << | << | << | << | << |
| Neck | 5.61 | 0.683 | -2.0 | 72 | -1.2 |
| Total | 38.20 | 0.842 | -1.5 | 79 | -1.0 |
| **DualHip - Right** | << | << | << | << | << |
| Neck | 5.58 | 0.690 | -1.9 | 73 | -1.1 |
| Total | 38.05 | 0.851 | -1.4 | 80 | -0.9 |
**FRAX (glucocorticoids: yes):** major osteoporotic 10%, hip 2.1%. Adjust upward for prednisone doses above 7.5 mg/day.
**Impression:** Low bone mass (osteopenia); lowest T-score -2.0 at the left femoral neck. Baseline study on glucocorticoid therapy.
@s WHO: normal -1.0 or above; osteopenia -1.0 to -2.5; osteoporosis -2.5 or below (men 50 and older).
Signed: Hollis Adeyemi, MD   08/19/2025
""", font="sans", size=9.5, title="DXA 2025-08-19")

# ----------------------------------------------------------------------------------------------- rg-24
pdf("rg-24/Northgate_IM_fax_Treadwell.pdf", """
# NORTHGATE INTERNAL MEDICINE
@s 9 Foundry Square, Suite 120 - Northgate, IA 50555 - Phone 515-555-0103 - Fax 515-555-0104
## FACSIMILE COVER SHEET
To: Utilization Management (Medical Injectables)        Fax: 866-555-0193
From: Lourdes Abernethy, MA, for Dr. Kwame Lindholm-Price
Date: 09/24/2025        Pages: 5 (including cover)
Re: Osvaldo J. Treadwell, DOB 02/28/1950 - Prolia 60 mg prior authorization
Message: Enclosed are the PA form, a letter of medical necessity, the office note of 09/22/2025 and the DXA of 09/16/2025. Injection appointment 10/08/2025.
@s CONFIDENTIAL - This message contains information that is privileged and confidential. If you are not the intended recipient, please notify us immediately by telephone.
""", """
# PRIOR AUTHORIZATION REQUEST - DENOSUMAB 60 MG
|#w 1,2,1,2|
| Patient | Osvaldo J. Treadwell | DOB | 02/28/1950 |
| Member # | NG7-20558-14 | Gender | Male |
| Prescriber | Kwame Lindholm-Price, MD | NPI | 1447719203 |
| Drug | Prolia 60 mg/mL | HCPCS / units | J0897 / 60 |
| Frequency | every 6 months | Date of service | 10/08/2025 |
| ICD-10 | M80.08XD, Z79.83 | Place of service | office |
|#w 6,1,1|
|! QUESTION | YES | NO |
| Osteoporosis in a man (T-score -2.5 or lower, or osteoporotic fracture) | X |  |
| Fragility fracture (L2, 04/2025) | X |  |
| Oral bisphosphonate for at least 12 months with inadequate efficacy | X |  |
| IV zoledronic acid |  | X |
| Severe renal impairment |  | X |
| Will denosumab be used with another osteoporosis agent? | X |  |
| High fracture risk per prescriber | X |  |
If used with another agent, name: alendronate 70 mg weekly (continuing)
Prescriber signature: K. Lindholm-Price, MD      Date: 09/23/2025
""", """
@r Northgate Internal Medicine
@r September 23, 2025
**RE: Letter of Medical Necessity - Osvaldo J. Treadwell (DOB 02/28/1950)**
To Whom It May Concern:
Mr. Treadwell is a 75-year-old man with severe osteoporosis. His lumbar spine T-score was -3.0 in 06/2022, when he started alendronate 70 mg weekly. Despite more than three years of documented adherence, he sustained an L2 compression fracture in 04/2025 while lifting his four-year-old grandson, and his 09/16/2025 DXA shows a further decline to an L1-L4 T-score of -3.2. In my opinion he has had an inadequate response to oral bisphosphonate therapy and is at high risk of further fractures.
I am requesting Prolia 60 mg every six months **in combination with his current alendronate**. I believe dual antiresorptive coverage is warranted because of the severity of his disease, and he will continue weekly alendronate after Prolia is started.
Please contact me with any questions.
Sincerely,
Kwame Lindholm-Price, MD, Internal Medicine
""", """
@s Northgate Internal Medicine - Progress Note - 09/22/2025
# Osteoporosis Follow-up
**Patient:** TREADWELL, OSVALDO J  |  **DOB:** 02/28/1950  |  **Age:** 75  |  **Provider:** K. Lindholm-Price, MD
**HPI:** Follow-up after DXA 09/16/2025. Alendronate 70 mg weekly since 07/2022, taken correctly per patient and pharmacy fill history. L2 compression fracture 04/2025 while lifting grandson (no fall), managed conservatively, pain resolved. DXA now L1-L4 -3.2 (was -3.0 in 2022), left femoral neck -2.4.
**Meds:** alendronate 70 mg weekly (active - continue); tamsulosin 0.4 mg; metoprolol 25 mg BID; calcium + vitamin D.
**Labs:** Cr 1.02, eGFR 70, Ca 9.5, 25-OH D 36, testosterone 402.
**ROS:** no dysphagia, no heartburn. No falls. No steroid use.
**Assessment:**
1. Osteoporosis with L2 pathological (fragility) fracture, subsequent encounter (M80.08XD); on long-term bisphosphonate (Z79.83). Inadequate response: fracture on therapy and further spine loss. High risk for fracture.
**Plan:** Continue alendronate 70 mg weekly AND add Prolia 60 mg SC every 6 months starting 10/08/2025 (combination therapy). Recheck DXA in 1 year.
e-signed K. Lindholm-Price, MD 09/22/2025
""", """
# RADIOLOGY REPORT - DXA
**Northgate Community Hospital, Department of Radiology**
Patient: Treadwell, Osvaldo J.    DOB: 02/28/1950    Exam date: 09/16/2025    Referring: K. Lindholm-Price, MD
Exam: Bone densitometry, lumbar spine and left hip (GE Lunar Prodigy).
Comparison: 06/14/2022.
Findings: L1-L4 BMD 0.842 g/cm2, T-score -3.2, Z-score -2.0. On 06/14/2022 the L1-L4 BMD was 0.866 g/cm2, T-score -3.0; change -2.8%, exceeding the least significant change. L2 shows interval anterior wedging compared with 2022; L2 was not excluded. Left femoral neck BMD 0.752 g/cm2, T-score -2.4; left total hip BMD 0.822 g/cm2, T-score -2.0.
Impression: Osteoporosis with a lowest T-score of -3.2 at the lumbar spine and a statistically significant decline since 2022 despite reported antiresorptive therapy.
Radiologist: Sigrid Oyelaran, MD    Signed 09/16/2025
""", fax={"line": "09/24/2025  16:48   NORTHGATE INT MED 515-555-0104 -> 866-555-0193   Page {page} of {total}   #0871"},
    font="sans", size=9.5, title="Northgate fax")

# ----------------------------------------------------------------------------------------------- rg-25
pdf("rg-25/DXA_trend_2025-12-09.pdf", """
@r Lakeland Diagnostic Imaging
# DXA Report with Trend Analysis
@s GE Lunar iDXA - enCORE 18 - reference USA male
|#w 1,2,1,2|
|#lines|
| Patient | LUND, FREDERICK A | Measured | 12/09/2025 |
| DOB | 07/11/1955 | Age | 70.4 |
| Sex | Male | Referring | A. Bjornstad-Okeke, MD |
## Current results
|#w 1.4,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | (g/cm2) | % | T-score | % | Z-score |
| AP Spine L1-L4 | 0.918 | 76 | -2.6 | 85 | -1.5 |
| Left Femur Neck | 0.757 | 72 | -2.2 | 88 | -0.8 |
| Left Femur Total | 0.830 | 81 | -1.7 | 90 | -0.7 |
## Trend - AP Spine L1-L4
|#w 1,1,1,1,1|
|! Date | Age | BMD (g/cm2) | T-score | Change vs previous |
| 12/09/2025 | 70.4 | 0.918 | -2.6 | +5.9%* |
| 01/10/2023 | 67.5 | 0.867 | -3.0 | - |
## Trend - Left Femur Neck
|#w 1,1,1,1,1|
|! Date | Age | BMD (g/cm2) | T-score | Change vs previous |
| 12/09/2025 | 70.4 | 0.757 | -2.2 | +1.6% |
| 01/10/2023 | 67.5 | 0.745 | -2.3 | - |
## Trend - Left Femur Total
|#w 1,1,1,1,1|
|! Date | Age | BMD (g/cm2) | T-score | Change vs previous |
| 12/09/2025 | 70.4 | 0.830 | -1.7 | +2.8%* |
| 01/10/2023 | 67.5 | 0.807 | -1.9 | - |
@s * statistically significant (95% confidence). Outside studies before 2023 are not in this database.
## Impression
Significant gain at the lumbar spine and total hip on denosumab. Current lowest T-score -2.6 (lumbar spine) - osteoporosis range.
@s WHO classification (men 50 and over): osteoporosis -2.5 or lower; osteopenia -1.0 to -2.5.
Interpreting physician: Margit Oduya-Strom, MD   12/10/2025
""", font="cond", size=9.5, title="DXA trend 2025-12-09")

# ----------------------------------------------------------------------------------------------- rg-26
pdf("rg-26/reauthorization_request_Fairbanks.pdf", """
# Denosumab Re-Authorization Request
@s Sunnyslope Senior Health Center - 2750 Mesa Verde Road, Sunnyslope, AZ 85555 - T 480-555-0112 - F 480-555-0113
|#w 1,2,1,2|
| Patient | Millicent D. Fairbanks | DOB | 01/09/1949 |
| Member ID | SS8-60117-20 | Sex | ☒ F ☐ M |
| Prescriber | Cordelia Ashworth-Eze, MD | NPI | 1568840237 |
**Drug:** ☒ Prolia 60 mg (J0897)  ☐ Jubbonti (Q5136)  ☐ Stoboclo (Q5157)     **Next dose / DOS:** 03/03/2026
**Diagnosis:** M81.0       **Start date of denosumab:** 03/2023       **Doses to date:** 6
### Section 1 - Initial qualification
Baseline (pre-treatment) T-score and site: see attached
History of fragility fracture: ☐ Yes ☒ No
### Section 2 - Prior osteoporosis therapy before denosumab
|#w 2,1,1,3|
|! Drug | Start | Stop | Reason stopped |
|  |  |  |  |
|  |  |  |  |
☐ No prior therapy
### Section 3 - Current status
Concurrent osteoporosis medication: ☐ Yes ☒ No
High fracture risk per prescriber: ☒ Yes ☐ No
Most recent DXA (01/21/2026): L1-L4 T -2.1; left femoral neck T -2.3; left total hip T -1.9
Signature: C. Ashworth-Eze, MD        Date: 02/11/2026
""", font="sans", size=9.5, title="Re-authorization Fairbanks")

pdf("rg-26/DXA_2026-01-21.pdf", """
# Sunnyslope Imaging - Bone Densitometry
@s Hologic Horizon Ci - APEX 5.6
|#w 1,2,1,2|
|#plain|
| Patient | Fairbanks, Millicent D | Exam date | 01/21/2026 |
| DOB | 01/09/1949 | Age | 77 |
| Sex | F | Referring | C. Ashworth-Eze, MD |
|#w 1.5,1,1,1|
|#lines|
|! Region | BMD | T-score | Z-score |
| L1-L4 | 0.842 | -2.1 | 0.3 |
| Left Femoral Neck | 0.612 | -2.3 | -0.2 |
| Left Total Hip | 0.726 | -1.9 | -0.1 |
**Comparison:** No prior study at this facility. Outside studies not available.
**Impression:** Low bone mass. Patient reports ongoing denosumab therapy; values reflect treatment effect and cannot be compared with pre-treatment status.
@s WHO: osteoporosis -2.5 or less, osteopenia -1.0 to -2.5, normal -1.0 or greater.
Radiologist: Bashir Lindqvist-Amoah, MD    01/21/2026
""", font="sans", size=9.5, title="DXA 2026-01-21")

# ----------------------------------------------------------------------------------------------- rg-27
pdf("rg-27/RiversideNephrology_fax_Ashcombe.pdf", """
# Riverside Nephrology Associates, PLLC
@s 4100 Willow Bend Parkway, Suite 5 - Riverside Heights, KY 40555 - office 502-555-0106 - fax 502-555-0107
## Facsimile
TO: Precertification Department, Medical Injectables - FAX 866-555-0193
FROM: Hattie Brennan-Osei, LPN (authorizations) for Dr. Emeka Vasquez-Lund
DATE: 01/27/2026
PATIENT: Winifred G. Ashcombe - DOB 12/24/1941
SUBJECT: Prolia 60 mg - CKD stage 4 - CKD-MBD evaluation enclosed
PAGES: 4 including this sheet
@s The documents in this transmission are confidential and may be protected by law. If you received them in error, please call 502-555-0106.
""", """
# Denosumab (Prolia/biosimilar) Prior Authorization
|#w 1,2,1,2|
| Patient | Winifred G. Ashcombe | DOB | 12/24/1941 |
| Member ID | RN1-70034-81 | Sex | F |
| Prescriber | Emeka Vasquez-Lund, MD (Nephrology) | NPI | 1730026694 |
| Product | Prolia 60 mg - J0897 | Schedule | 60 mg SC q6 months |
| Date of service | 02/10/2026 | ICD-10 | M81.0, N18.4, N25.81 |
|#w 6,1|
|! Item | Y / N |
| Postmenopausal | Y [X]  N [ ] |
| T-score -2.5 or lower (L femoral neck -2.6; L 1/3 radius -3.1) | Y [X]  N [ ] |
| Fragility fracture | Y [ ]  N [X] |
| Prior bisphosphonate (oral or IV) | Y [ ]  N [X] |
| Severe renal impairment (CrCl under 35) or CKD per prescriber - CrCl 19 mL/min, CKD 4 | Y [X]  N [ ] |
| CKD-MBD evaluation completed (PTH, Ca, phos, 25-OH D, alk phos) - date 01/13/2026 | Y [X]  N [ ] |
| Treatment supervised by clinician experienced in CKD-MBD | Y [X]  N [ ] |
| Concurrent osteoporosis therapy | Y [ ]  N [X] |
| High fracture risk per prescriber | Y [X]  N [ ] |
Signed: E. Vasquez-Lund, MD    01/26/2026
""", """
@s Riverside Nephrology Associates - Outpatient Progress Note
# Nephrology Follow-up
Patient: ASHCOMBE, WINIFRED G    DOB: 12/24/1941    Age: 84    Date: 01/20/2026    Physician: Emeka Vasquez-Lund, MD
## Interval history
84-year-old postmenopausal woman with CKD stage 4 from hypertensive nephrosclerosis, stable over 2 years (eGFR 19-23). Referred by her PCP for osteoporosis management because bisphosphonates are contraindicated at her level of kidney function. DXA 12/16/2025: left femoral neck T -2.6, left 1/3 radius T -3.1; spine falsely elevated by aortic calcification (L1-L4 T -1.4).
She has never had a fracture. Never treated for osteoporosis. Independent, walks with a rollator.
## CKD-MBD evaluation (labs 01/13/2026)
|#w 2,1,1|
|! Test | Result | Reference |
| Creatinine | 2.38 mg/dL | 0.50-1.00 |
| eGFR (CKD-EPI 2021) | 20 mL/min/1.73m2 | 60 or more |
| Cockcroft-Gault CrCl (wt 54 kg) | 19 mL/min | - |
| Calcium (albumin-corrected) | 9.1 mg/dL | 8.6-10.3 |
| Phosphorus | 4.6 mg/dL | 2.5-4.5 |
| Intact PTH | 148 pg/mL | 15-65 |
| 25-OH vitamin D | 31 ng/mL | 30-100 |
| Alkaline phosphatase | 96 U/L | 40-120 |
| Bone-specific alkaline phosphatase | 19 mcg/L | 4.7-27 |
| Magnesium | 2.0 mg/dL | 1.6-2.6 |
| Hemoglobin | 10.6 g/dL | 12-15.5 |
## Assessment
1. CKD stage 4 (N18.4) - severe renal impairment, CrCl 19 mL/min.
2. CKD-mineral and bone disorder evaluated: mild secondary hyperparathyroidism of renal origin (N25.81), phosphorus mildly high, vitamin D replete, normal bone-specific ALP - no biochemical evidence of low-turnover (adynamic) bone disease. Acceptable to start denosumab with close calcium monitoring.
3. Postmenopausal osteoporosis (M81.0), femoral neck T -2.6, radius T -3.1; she is at high risk for fracture (age 84, CKD, low hip and radius BMD).
4. Anemia in CKD (D63.1); hypertension (I10).
## Plan
- Prolia 60 mg SC on 02/10/2026 in our office, then every 6 months. Calcium 1-2 and 4 weeks after the dose; calcitriol 0.25 mcg daily started 01/20/2026 for PTH and to lower hypocalcemia risk; calcium carbonate 500 mg with meals (also phosphate binder).
- Dental review completed 12/2025.
- I will supervise denosumab therapy and calcium monitoring.
Electronically signed: E. Vasquez-Lund, MD  01/20/2026 17:44
""", """
# DXA BONE DENSITY REPORT
@s Riverside Heights Medical Imaging - Hologic Horizon A - APEX 5.6
Name: Ashcombe, Winifred G    DOB: 12/24/1941    Age: 83    Sex: F    Exam: 12/16/2025    Ordered by: PCP Lorna Whitfield-Agu, MD
|#w 1.8,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score |
| **Lumbar spine** | << | << | << |
| L1-L4 | 0.887 | -1.4 | 1.2 |
| **Left hip** | << | << | << |
| Femoral neck | 0.536 | -2.6 | -0.1 |
| Total hip | 0.637 | -2.3 | -0.2 |
| **Left forearm** | << | << | << |
| 1/3 radius (33%) | 0.518 | -3.1 | -0.4 |
| Ultradistal radius | 0.271 | -3.6 | -0.7 |
| Total radius | 0.409 | -3.3 | -0.5 |
@s Spine BMD is falsely elevated by dense aortic calcification and facet arthropathy; forearm scanned as an additional site per ISCD guidance.
**Impression:** Osteoporosis. Lowest diagnostic T-scores: left 1/3 radius -3.1, left femoral neck -2.6.
@s WHO classification: osteoporosis T-score -2.5 or below; osteopenia between -1.0 and -2.5. In advanced CKD, DXA cannot distinguish osteoporosis from other forms of renal bone disease.
Interpreting radiologist: Quentin Abara-Holm, MD   12/16/2025
""", fax={"line": "JAN-27-2026 TUE 09:12 AM   RIVERSIDE NEPHROLOGY   FAX NO. 5025550107   Page {page} of {total}", "where": "footer"},
    font="sans", size=9.5, title="Riverside Nephrology fax")

# ----------------------------------------------------------------------------------------------- rg-28
pdf("rg-28/PA_form_Haldane.pdf", """
# PRIOR AUTHORIZATION - PROLIA / DENOSUMAB BIOSIMILARS (60 mg)
@s Piedmont Valley Family Physicians - 77 Dogwood Trace, Piedmont Valley, NC 27555 - ph 336-555-0132 - fax 336-555-0133
**Patient:** Beverly N. Haldane   **DOB:** 09/27/1961   **Member ID:** PV2-95561-08
**Prescriber:** Octavia Renwick-Bassey, MD   **NPI:** 1285573019
**Product:** [X] Prolia J0897   [ ] Jubbonti Q5136   [ ] Stoboclo Q5157      **60 mg SC every 6 months**      **DOS:** 08/25/2026
**Diagnosis code:** M85.80
[X] Postmenopausal   [ ] Male   [ ] On glucocorticoids   [ ] Breast cancer on AI   [ ] Prostate cancer on ADT
Lowest T-score: -2.2 (L1-L4, 07/28/2026)
History of fracture:  [X] Yes   [ ] No      Site(s): R ankle 2023, L clavicle 2020
Prior osteoporosis medication:  [ ] Yes   [X] No
High fracture risk per prescriber:  [ ] Yes   [X] No
Concurrent osteoporosis medication:  [ ] Yes   [X] No
Prescriber signature: O. Renwick-Bassey, MD     Date: 08/07/2026
""", font="sans", size=9.5, title="PA form Haldane")

pdf("rg-28/DXA_2026-07-28.pdf", """
# PIEDMONT VALLEY RADIOLOGY
### Bone Densitometry (DXA) - Final Report
@s Norland Elite densitometer. Female reference database. Technologist: J.P.
**Patient:** HALDANE, BEVERLY N    **DOB:** 09/27/1961    **Date of exam:** 07/28/2026
**Indication:** postmenopausal, history of fractures (traumatic per requisition).
**Comparison:** 06/22/2021 (same facility).
**Results:**
|#w 1.6,1,1,1,1|
|! Site | BMD | T-score | Z-score | 2021 T-score |
| L1-L4 | 0.944 | -2.2 | -1.1 | -1.9 |
| Left femoral neck | 0.716 | -1.9 | -0.8 | not reported |
| Left total hip | 0.835 | -1.4 | -0.6 | not reported |
**Impression:** Osteopenia (low bone mass). Lowest T-score -2.2 at the lumbar spine. Decrease at the spine since 2021 (-3.1%), exceeding the least significant change.
@s World Health Organization: normal T-score -1.0 or higher; osteopenia below -1.0 and above -2.5; osteoporosis -2.5 or lower. A fragility fracture establishes osteoporosis regardless of BMD; traumatic fractures do not.
Radiologist: Imre Castellanos-Whitby, MD   07/29/2026
""", font="serif", size=10, title="DXA 2026-07-28")

# ----------------------------------------------------------------------------------------------- rg-29
pdf("rg-29/PA_request_Delgado.pdf", """
# HIGH DESERT ONCOLOGY & HEMATOLOGY - DRUG AUTHORIZATION REQUEST
@s 600 Mesquite Circle, Suite 12, Los Piedras, NM 87555 - phone 505-555-0142 - fax 505-555-0143
|#w 1,2,1,2|
| Patient | Ruth-Ann P. Delgado | DOB | 03/30/1955 |
| Member ID | HD3-00718-52 | Sex | F |
| Physician | Marisela Tanaka-Bright, MD | NPI | 1013342875 |
| Drug | Prolia (denosumab) 60 mg | HCPCS | J0897, 60 units |
| Schedule | every 6 months | First DOS | 01/13/2026 |
| ICD-10 | C50.911, C79.51, Z79.811 | Site | office infusion |
Answer Y or N in the right-hand column.
|#w 7,1|
|! | Y/N |
| Breast cancer | Y |
| Bone metastases present | Y |
| Postmenopausal | Y |
| Receiving aromatase inhibitor (letrozole 2.5 mg daily since 09/15/2025) | Y |
| Premenopausal on ovarian suppression | N |
| Requested dose 120 mg every 4 weeks (Xgeva) | N |
| Concurrent bisphosphonate / other osteoporosis drug | N |
| Prior bisphosphonate | N |
Physician signature: M. Tanaka-Bright, MD    12/19/2025
""", font="cond", size=9.8, title="Authorization request Delgado")

pdf("rg-29/DXA_2025-12-02.pdf", """
# High Desert Regional Medical Center - Bone Density
@s GE Lunar Prodigy Primo - enCORE 17 - USA female reference
Patient: DELGADO, RUTH-ANN P   DOB: 03/30/1955   Age: 70.7   Scan: 12/02/2025   Referring: M. Tanaka-Bright, MD
|#w 1.4,1,1,1,1,1|
|! Region | BMD | Young-Adult | << | Age-Matched | << |
|! ^^ | g/cm2 | % | T | % | Z |
| L1-L4 | 1.052 | 88 | -1.1 | 104 | 0.3 |
| Femur Neck Left | 0.818 | 80 | -1.6 | 99 | -0.1 |
| Femur Total Left | 0.866 | 85 | -1.2 | 98 | -0.1 |
@s Sternum not assessed by DXA. Known manubrial metastasis (outside field of view).
**Impression:** Low bone mass (osteopenia), lowest T-score -1.6 left femoral neck. Baseline for aromatase inhibitor therapy.
@s WHO: normal -1.0 or above; osteopenia -1.0 to -2.5; osteoporosis -2.5 or below.
Read by: Joaquin Brandt-Oyelaran, MD   12/02/2025
""", font="sans", size=9.5, title="DXA 2025-12-02")

# ----------------------------------------------------------------------------------------------- rg-30
pdf("rg-30/SummitUrology_fax_Ravensworth.pdf", """
# SUMMIT UROLOGY GROUP
@s 1830 Timberline Avenue - Summit Ridge, UT 84555 - Tel 801-555-0117 - Fax 801-555-0118
## Fax Cover Page
**Date:** 10/13/2025
**To:** Precertification - Medical Benefit Drugs      **Fax:** 866-555-0193
**From:** Benedikt Ashdown, CMA (PA desk)
**Patient:** Cornelius H. Ravensworth, DOB 04/04/1954
**Regarding:** Prolia request
**Pages incl. cover:** 4
Enclosed: PA form, urology office note 10/06/2025, DXA 10/01/2025.
@s Confidential: intended only for the addressee. If received in error, call 801-555-0117.
""", """
# Summit Urology Group - Injectable Medication PA Form
|#w 1,2,1,2|
| Patient | Cornelius H. Ravensworth | DOB | 04/04/1954 |
| Member ID | SU6-22870-33 | Sex | [ X ] M   [   ] F |
| Physician | Reuben Castillo-Whitmore, MD | NPI | 1629017734 |
| Medication | Prolia 60 mg SC every 6 months | HCPCS | J0897 (60 units) |
| Date of service | 10/28/2025 | ICD-10 | C61 |
**Prostate cancer**   [ X ] Yes   [   ] No
**Metastatic to bone**   [   ] Yes   [ X ] No
**Currently receiving androgen deprivation therapy**   [   ] Yes   [ X ] No      Last ADT: Eligard 45 mg (6-month) 09/2023
**Bilateral orchiectomy**   [   ] Yes   [ X ] No
**T-score -2.5 or lower**   [   ] Yes   [ X ] No      Lowest: -1.8 L femoral neck
**Fragility fracture**   [   ] Yes   [ X ] No      (2019 calcaneus: ladder fall, traumatic)
**High fracture risk per prescriber**   [   ] Yes   [ X ] No
**Prior bisphosphonate**   [   ] Yes   [ X ] No
**Reason for request:** bone protection after prior ADT
Signature: R. Castillo-Whitmore, MD     Date: 10/10/2025
""", """
@s Summit Urology Group - Office Visit - 10/06/2025
# Urology Follow-up (Prostate Cancer Survivorship)
**Patient:** RAVENSWORTH, CORNELIUS H   **DOB:** 04/04/1954   **Age:** 71   **Physician:** Reuben Castillo-Whitmore, MD
## History
71-year-old man with intermediate-risk prostate adenocarcinoma diagnosed 06/2022, treated with external-beam radiation plus 18 months of androgen deprivation (leuprolide as Eligard: 22.5 mg 09/2022, 45 mg 03/2023, 45 mg 09/2023 - no further doses; ADT ended 03/2024). Testosterone has recovered (486 ng/dL on 07/2025). PSA undetectable (<0.05) since 2024. PSMA PET 01/2025: no evidence of recurrence, no bone lesions.
He read that ADT "thins bones" and asked for a bone density test, done 10/01/2025: L1-L4 T -1.4, left femoral neck T -1.8, left total hip T -1.3. FRAX with BMD: major osteoporotic 8.1%, hip 1.6%.
Fracture history: right calcaneus fracture in 2019 after falling from a 10-foot ladder while cleaning gutters (high-energy; ORIF). No other fractures. Never treated with bisphosphonates. No glucocorticoids. Active - hikes weekly.
## Labs
Creatinine 1.01, eGFR 76, calcium 9.6, 25-OH vitamin D 29, testosterone 486 (07/2025).
## Assessment
1. Personal history of malignant neoplasm of prostate (Z85.46), no evidence of disease; off ADT since 03/2024.
2. Osteopenia (M85.80).
His fracture risk is not high by my assessment (FRAX below treatment thresholds, no fragility fracture - the calcaneus fracture was a fall from a ladder - testosterone recovered). He nonetheless requests Prolia "to protect my bones" after his ADT; I will submit the request as bone protection and have explained it may not be approved.
## Plan
- PA for Prolia 60 mg every 6 months, tentative first dose 10/28/2025.
- Vitamin D3 2000 IU daily, calcium-rich diet, resistance exercise.
- PSA every 6 months.
Electronically signed: R. Castillo-Whitmore, MD 10/06/2025
""", """
# BONE DENSITY STUDY - REPORT
**Summit Ridge Imaging Center** - GE Lunar Prodigy
Patient: Ravensworth, Cornelius H. | DOB 04/04/1954 | Exam 10/01/2025 | Referring: Dr. Castillo-Whitmore
Clinical: prior androgen deprivation therapy for prostate cancer (completed 2024). No prior DXA.
Findings: The lumbar spine (L1-L4) BMD is 1.081 g/cm2, T-score -1.4, Z-score -0.4. The left femoral neck BMD is 0.781 g/cm2, T-score -1.8, Z-score -0.5. The left total hip BMD is 0.893 g/cm2, T-score -1.3, Z-score -0.4. 10-year FRAX probability: major osteoporotic fracture 8.1%, hip fracture 1.6%.
Impression: Osteopenia, lowest T-score -1.8 at the left femoral neck.
@s WHO classification (men 50 and older): osteoporosis T-score -2.5 or below; osteopenia -1.0 to -2.5. US treatment thresholds: 10-year hip fracture probability 3% or higher, or major osteoporotic fracture 20% or higher.
Radiologist: Annalise Kowalewski, MD  10/01/2025
""", fax={"line": "10/13/2025 11:58   SUMMIT UROLOGY GROUP   801-555-0118   Page {page} of {total}   [TX OK]", "where": "footer"},
    font="serif", size=9.8, title="Summit Urology fax")

# ----------------------------------------------------------------------------------------------- rg-31
pdf("rg-31/PA_form_Wexford.pdf", """
# Outpatient Injectable Drug Request - Denosumab 60 mg
@s North Fork Community Health - 12 Millrace Street, North Fork, NY 12555 - phone 518-555-0124 - fax 518-555-0125
Patient: Dorothea I. Wexford    DOB: 10/18/1959    Member ID: NF4-77012-39
Prescriber: Amara Lindstrom-Oakes, NP    NPI: 1710062385    Supervising MD: Jonah Bexley, MD
Drug: Prolia (denosumab) 60 mg, HCPCS J0897, 60 mg SC every 6 months    Date of service: 09/29/2026
Diagnosis: M81.0
|#w 6,1,1|
|! | YES | NO |
| Postmenopausal woman | ( X ) | (   ) |
| T-score at or below -2.5 (L1-L4 -2.6, 08/27/2026) | ( X ) | (   ) |
| Osteoporotic / fragility fracture | (   ) | ( X ) |
| Tried IV zoledronic acid or IV ibandronate | (   ) | ( X ) |
| Tried oral bisphosphonate | ( X ) | (   ) |
| - for 12 months or more with inadequate response |  |  |
| - with significant intolerance |  |  |
| Unable to swallow / stay upright / esophageal disease | (   ) | ( X ) |
| Severe renal impairment or CKD | (   ) | ( X ) |
| Concurrent osteoporosis medication | (   ) | ( X ) |
| High fracture risk per prescriber | ( X ) | (   ) |
Oral bisphosphonate details: alendronate - dates unknown, outcome unknown (patient report; records unavailable)
Signature: A. Lindstrom-Oakes, NP    09/11/2026
""", font="sans", size=9.5, title="Request Wexford")

pdf("rg-31/DXA_2026-08-27.pdf", """
@c NORTH FORK COMMUNITY HEALTH - IMAGING
# Lunar Prodigy - Bone Densitometry
|#w 1,2,1,2|
|#plain|
| Patient | WEXFORD, DOROTHEA I | Measured | 08/27/2026 |
| DOB | 10/18/1959 | Age | 66.9 |
| Sex | Female | Referring | A. Lindstrom-Oakes, NP |
|#w 1.4,1,1,1,1,1|
|! Region | BMD (g/cm2) | Young-Adult | << | Age-Matched | << |
|! ^^ | ^^ | (%) | T-score | (%) | Z-score |
| AP Spine L1-L4 | 0.898 | 75 | -2.6 | 87 | -1.1 |
| Left Femur Neck | 0.768 | 75 | -2.0 | 90 | -0.6 |
| Left Femur Total | 0.820 | 79 | -1.7 | 91 | -0.6 |
### Trend: AP Spine L1-L4
|#w 1,1,1,1,1|
|! Date | Age | BMD | T-score | Change vs baseline |
| 08/27/2026 | 66.9 | 0.898 | -2.6 | -3.6%* |
| 08/03/2021 | 61.8 | 0.932 | -2.3 | baseline |
@s * significant change. Hip trend unavailable (2021 hip scanned on a different device).
**Impression:** Osteoporosis at the lumbar spine (T-score -2.6) with significant loss since 2021.
@s WHO classification for postmenopausal women. FRAX not reported (prior pharmacologic treatment).
Radiologist: Teodor Baptiste-Lund, MD   08/27/2026
""", font="sans", size=9.5, title="DXA 2026-08-27")

# ----------------------------------------------------------------------------------------------- rg-32
pdf("rg-32/LakeviewPulm_fax_Reid.pdf", """
# LAKEVIEW PULMONARY & ALLERGY
@s 2600 Shoreline Drive, Suite 300 - Lakeview, WI 53555 - P 262-555-0136 - F 262-555-0137
## FAX TRANSMITTAL
|#w 1,3|
|#grid|
| TO | Precertification Unit - Medical Pharmacy |
| FAX | (866) 555-0193 |
| FROM | Nell Okoye-Sandberg, RN, biologics coordinator |
| DATE | 06/09/2026 |
| PAGES | 4 (with cover) |
| RE | Tamsin E. Reid, DOB 07/15/1983 - Prolia (denosumab) 60 mg |
Notes: PA form, pulmonology note and DXA attached. Requested injection date 06/23/2026.
@s This fax contains confidential medical information. If you are not the intended recipient please destroy it and call 262-555-0136.
""", """
# Prior Authorization Request - Bone Agents (Denosumab 60 mg)
@s Mark ☒ where applicable.
**Patient:** Tamsin E. Reid    **DOB:** 07/15/1983    **Member ID:** LKP-40917-62    **Sex:** ☒ F ☐ M
**Prescriber:** Idris Halloran-Mbeki, MD (Pulmonology)    **NPI:** 1356029981
**Product:** ☒ Prolia (J0897)  ☐ Jubbonti (Q5136)  ☐ Stoboclo (Q5157)    **Dose:** 60 mg SC every 6 months    **DOS:** 06/23/2026
**Diagnosis:** ☐ Postmenopausal osteoporosis   ☐ Male osteoporosis   ☒ Glucocorticoid-induced osteoporosis   ☐ Cancer treatment-related bone loss
**ICD-10:** M81.8, J45.50, Z79.51
**Glucocorticoid therapy:** ☒ Yes  ☐ No    Agent/dose: fluticasone propionate/salmeterol 500/50 mcg inhaled BID; prednisone bursts
**Postmenopausal:** ☐ Yes  ☒ No
**Lowest T-score:** -2.6 (L1-L4, 05/27/2026)
**Fracture history:** ☐ Yes  ☒ No
**Prior bisphosphonate:** ☐ Yes  ☒ No
**Concurrent osteoporosis medication:** ☐ Yes  ☒ No
**Prescriber: high fracture risk:** ☒ Yes  ☐ No
Signature: I. Halloran-Mbeki, MD    Date: 06/08/2026
""", """
@s Lakeview Pulmonary & Allergy - Clinic Note
# Pulmonology Follow-up - Severe Asthma / Biologic Clinic
**Patient:** REID, TAMSIN E   **DOB:** 07/15/1983   **Age:** 42   **Date:** 06/02/2026   **Physician:** Idris Halloran-Mbeki, MD
## History
42-year-old woman with severe persistent eosinophilic asthma (J45.50), well controlled since mepolizumab 100 mg SC every 4 weeks was started 02/2024. Maintenance: fluticasone propionate/salmeterol 500/50 mcg one inhalation twice daily (long-term inhaled steroid, Z79.51), montelukast 10 mg, albuterol PRN. Oral corticosteroid exposure: two short prednisone bursts (40 mg daily for 5 days in 03/2025 and 5 days in 01/2026) for exacerbations; she has not been on maintenance oral steroids at any time.
Because of years of high-dose inhaled steroid, I ordered a DXA (05/27/2026): L1-L4 T -2.6 / Z -2.4, left femoral neck T -1.9 / Z -1.7, left total hip T -1.5 / Z -1.3.
Gynecologic: regular monthly cycles, LMP 05/21/2026; not pregnant; IUD.
No fractures. No bisphosphonate history. No eating disorder; BMI 21.
## Exam
Lungs clear, no wheeze. FeNO 18 ppb. FEV1 88% predicted.
## Assessment
1. Severe persistent asthma, controlled on mepolizumab + high-dose ICS/LABA.
2. Low bone density, which I attribute to long-term high-dose inhaled corticosteroid and repeated prednisone bursts (M81.8, steroid-induced). I consider her at high risk for fracture.
## Plan
- Request Prolia 60 mg every 6 months, first dose 06/23/2026. Referred to endocrinology for secondary-cause work-up (appointment 09/2026).
- Continue current asthma regimen; aim to step down ICS dose if control maintained.
Signed: I. Halloran-Mbeki, MD  06/02/2026 17:05
""", """
# DXA Report
@s Lakeview Community Hospital - Radiology - Hologic Horizon W - APEX 5.6
|#w 1,2,1,2|
|#plain|
| Patient | Reid, Tamsin E | Exam date | 05/27/2026 |
| DOB | 07/15/1983 | Age | 42 |
| Sex | F, premenopausal | Ordering | I. Halloran-Mbeki, MD |
|#w 1.6,1,1,1|
|! Region | BMD (g/cm2) | T-score | Z-score |
| L1-L4 | 0.779 | -2.6 | -2.4 |
| Left femoral neck | 0.651 | -1.9 | -1.7 |
| Left total hip | 0.758 | -1.5 | -1.3 |
**Interpretation:** This patient is premenopausal; Z-scores should be used. The lumbar spine Z-score of -2.4 is below the expected range for age. The T-scores above are provided for reference and the WHO categories (osteopenia/osteoporosis) do not apply to premenopausal women.
**Impression:** Low bone density for age at the lumbar spine (Z -2.4). Recommend evaluation for secondary causes.
Radiologist: Oyelaran Fitzgerald-Muñoz, MD   05/27/2026
""", fax={"line": "06/09/2026 08:33 AM FAX LAKEVIEW PULM ALLERGY 2625550137 -> 8665550193 Page {page} of {total}"},
    font="sans", size=9.5, title="Lakeview Pulmonary fax")


# =====================================================================================================
def main(argv):
    register_fonts()
    only = {a for a in argv[1:] if not a.startswith("-")}
    unknown = only - {rel.split("/")[0] for rel in SOURCES}
    if unknown:
        sys.exit("unknown bundle(s): %s" % ", ".join(sorted(unknown)))
    n = 0
    for rel, spec in SOURCES.items():
        if only and rel.split("/")[0] not in only:
            continue
        build(rel, spec)
        n += 1
    print("wrote %d PDF(s) under %s" % (n, CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
