"""Synthetic scans for OCR tests: clinical text and DXA tables rendered with Pillow, then turned, tilted,
speckled and thresholded like a fax, and placed in PDFs with no text layer (or saved as TIFF pages)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFont

DPI = 150
LETTER = (int(8.5 * DPI), 11 * DPI)

DXA_REPORT = [
    "RIVERBEND IMAGING - BONE DENSITOMETRY (DXA) REPORT",
    "Patient: TESTPATIENT, ALICE    Sex: Female    Age: 68",
    "Exam date: 03/02/2026",
    "",
    "Region\tBMD\tT-score\tZ-score",
    "Lumbar spine L1-L4\t0.801\t-2.8\t-1.9",
    "Left femoral neck\t0.612\t-2.6\t-1.4",
    "Left total hip\t0.705\t-2.1\t-1.2",
    "",
    "Impression: osteoporosis. Lowest T-score -2.8 at the lumbar spine.",
]


TAB_STOPS = (110, 520, 730, 930)  # where a table's columns start (a tab in a line moves to the next)


def page(lines: list[str], size: int = 30) -> Image.Image:
    """A white letter page at 150 dpi with the lines typed on it; tabs align a table's columns."""
    image = Image.new("L", LETTER, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size)
    y = 150
    for line in lines:
        for x, cell in zip(TAB_STOPS, line.split("\t"), strict=False):
            draw.text((x, y), cell, fill=0, font=font)
        y += int(size * 1.7)
    return image


def faxed(image: Image.Image, *, turn: int = 0, tilt: float = 0.0, speckle: float = 0.002, seed: int = 7):
    """The page as a fax machine sends it: tilted by `tilt` degrees, speckled, thresholded to black and white,
    and turned by `turn` degrees (90, 180, 270)."""
    out = image.rotate(tilt, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC) if tilt else image
    out = out.copy()
    pixels = out.load()
    rng = random.Random(seed)
    for _ in range(int(out.width * out.height * speckle)):
        pixels[rng.randrange(out.width), rng.randrange(out.height)] = 0
    out = out.point(lambda v: 0 if v < 160 else 255)
    return out.rotate(turn, expand=True) if turn else out


def scan_pdf(*images: Image.Image) -> bytes:
    """The images as the pages of a PDF with no text layer."""
    buffer = io.BytesIO()
    first, *rest = [i.convert("L") for i in images]
    first.save(buffer, format="PDF", save_all=True, append_images=rest, resolution=DPI)
    return buffer.getvalue()


def tiff(*images: Image.Image) -> bytes:
    """The images as the pages of a TIFF file, as a scanner writes them."""
    buffer = io.BytesIO()
    first, *rest = [i.convert("L") for i in images]
    first.save(buffer, format="TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    return buffer.getvalue()


def mixed_pdf(text_pages: dict[int, list[str]], scans: dict[int, Image.Image]) -> bytes:
    """A packet whose pages are typed text (with a text layer) or scans (without), by page number."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(612, 792), invariant=1)
    for number in sorted({*text_pages, *scans}):
        if number in scans:
            png = io.BytesIO()
            scans[number].save(png, format="PNG")
            png.seek(0)
            c.drawImage(ImageReader(png), 0, 0, width=612, height=792)
        else:
            for i, line in enumerate(text_pages[number]):
                c.drawString(72, 720 - 16 * i, line)
        c.showPage()
    c.save()
    return buffer.getvalue()
