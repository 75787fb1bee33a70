"""The summary as a PDF: a real PDF whose text reads back as the summary's verdict, sections and references."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from abstractor.pipeline import Override, Reviewer
from abstractor.report.pdf import summary_pdf


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return fold(" ".join(page.extract_text() or "" for page in pdf.pages))


def verdict(summary: str) -> str:
    """The verdict paragraph as a reader sees it: the line after the title, without the Markdown marks."""
    return fold(summary.split("\n\n")[1].replace("**", ""))


@pytest.mark.parametrize(
    "name", ["pmo-alendronate-failure", "pmo-insufficient-no-history", "excl-concurrent-alendronate"]
)
def test_the_pdf_reads_back_as_the_summary(reviews, name):
    record = reviews[name].record
    data = summary_pdf(record)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert verdict(record.determination.summary_markdown) in text
    for heading in ("Dosing and administration", "Documentation gaps", "Safety considerations", "References"):
        assert heading in text
    assert "**" not in text and "## " not in text, "the Markdown is laid out, not printed"
    last = record.determination.summary_markdown.rstrip().rsplit("\n", 1)[-1]
    assert fold(last.split(": ", 1)[0].split(". ", 1)[1]) in text, "the last reference is there"


def test_the_pdf_states_a_reviewers_overrides(reviews):
    reason = "T12 compression fracture on the 2024 spine film"
    record = (
        Reviewer()
        .redecide(
            reviews["pmo-no-step-therapy"].record,
            [Override("fact", "fragility_fracture", True, reason, "R. Nurse")],
        )
        .record
    )
    text = pdf_text(summary_pdf(record))
    assert verdict(record.determination.summary_markdown) in text
    assert "Reviewer overrides applied." in text and reason in text


def test_markup_in_the_summary_is_text_in_the_pdf(reviews):
    record = reviews["pmo-alendronate-failure"].record
    summary = record.determination.summary_markdown.replace("## Coding", "## Coding <b>& billing</b>", 1)
    text = pdf_text(
        summary_pdf(
            record.model_copy(
                update={"determination": record.determination.model_copy(update={"summary_markdown": summary})}
            )
        )
    )
    assert "Coding <b>& billing</b>" in text
