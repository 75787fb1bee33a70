"""Render synthetic DXA reports from a data file: by default sample_charts/ from scripts/dxa_reports.yaml.

    python scripts/make_dxa_pdfs.py            # rewrite every sample report
    python scripts/make_dxa_pdfs.py --data eval/heldout/dxa_reports.yaml --out eval/heldout/bundles

Needs reportlab (in the `test` extra). The PDFs are committed, so the demo needs no generation step.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "scripts" / "dxa_reports.yaml"
HEADER = ["Region", "BMD (g/cm²)", "T-score", "Z-score"]


def _table(header: list[str], rows: list[list[str]]) -> Table:
    table = Table([header, *rows], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return table


def render(report: dict, path: Path) -> None:
    """Write one DXA report as a PDF at `path`."""
    styles = getSampleStyleSheet()
    body, head = styles["BodyText"], styles["Heading2"]
    story = [
        Paragraph(report["facility"], styles["Title"]),
        Paragraph("Bone Densitometry Report (DXA)", head),
        Paragraph(f"Patient: {report['patient']}", body),
        Paragraph(f"Sex: {report['sex']}    Exam date: {report['study_date']}", body),
        Paragraph(f"Device: {report['device']}", body),
        Spacer(1, 10),
    ]
    layout = report["layout"]
    if layout == "narrative":
        story += [Paragraph("Findings", head), Paragraph(report["narrative"], body)]
    else:
        header = list(report.get("header", HEADER))
        if layout == "change":
            header.append(report.get("change_header", "% Change vs prior"))
            story.append(Paragraph(f"Current study {report['study_date']} compared with {report['prior_date']}", body))
        story += [Spacer(1, 6), _table(header, report["rows"])]
        if report.get("prior_rows"):
            story += [
                Spacer(1, 8),
                Paragraph(f"Prior study ({report['prior_date']})", body),
                _table(list(HEADER), report["prior_rows"]),
            ]
        if report.get("spine_note"):
            story += [Spacer(1, 6), Paragraph(report["spine_note"], body)]
    if layout == "two_page":
        story.append(PageBreak())
        story.append(Paragraph("Bone Densitometry Report (DXA), continued", head))
    story += [
        Spacer(1, 10),
        Paragraph("Impression", head),
        Paragraph(report["impression"], body),
        Spacer(1, 10),
        Paragraph(
            "WHO classification: normal T-score -1.0 or above; low bone mass between -1.0 and -2.5; "
            "osteoporosis -2.5 or below.",
            body,
        ),
        Paragraph("Electronically signed by the interpreting physician (synthetic report).", body),
    ]
    doc = SimpleDocTemplate(
        str(path), pagesize=letter, title="DXA report", author="abstractor sample data", invariant=1
    )
    doc.build(story)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the YAML list of reports")
    parser.add_argument("--out", type=Path, default=ROOT / "sample_charts", help="folder of bundle folders")
    args = parser.parse_args()
    for report in yaml.safe_load(args.data.read_text(encoding="utf-8")):
        folder = args.out / report["bundle"]
        folder.mkdir(parents=True, exist_ok=True)
        render(report, folder / report["file"])
        print(f"wrote {folder / report['file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
