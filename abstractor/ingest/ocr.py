"""Reading scanned pages: an OCR engine behind one small interface, page orientation and skew, word spacing.

A page image becomes a `PageReading`: the page's text, laid out in lines, and for every character its box on
the image and the engine's confidence in it. `abstractor.ingest.pdf` turns readings into the Document's text
and OCR spans, so offsets and quotes hold exactly as for a text page.

Engines: `rapidocr` (rapidocr-onnxruntime; its ONNX models ship inside the wheel, nothing is downloaded) and
`tesseract` (pytesseract over Debian's tesseract-ocr), chosen by the settings. Both are an extra:
`pip install 'abstractor[ocr]'`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from abstractor.core.errors import OperatorError

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in image pixels
INSTALL_HINT = "pip install 'abstractor[ocr]'"
# A page whose first reading is this unsure, or this short, is read again turned by 90, 180 and 270 degrees.
ORIENTATION_CONFIDENCE = 0.85
ORIENTATION_MIN_CHARS = 40
# A page whose lines lean more than this (degrees) is straightened and read again.
MAX_SKEW = 0.6
# The version of the reading (layout, spacing, orientation): part of the cache key, bumped when they change.
READING_VERSION = "6"
# Word gaps: an ink-free run of columns at least this fraction of the line's height separates two words;
# one at least COLUMN_GAP of it separates two cells of a table (the engine's box is split there).
WORD_GAP = 0.2
COLUMN_GAP = 1.0


@dataclass(frozen=True)
class Fragment:
    """What an engine read in one box: its text, each character's box and confidence."""

    text: str
    box: Box
    chars: tuple[Box, ...]  # one per character of `text`
    confidences: tuple[float, ...]  # one per character of `text`
    angle: float = 0.0  # the box's lean, in degrees (counter-clockwise positive)


class Engine(Protocol):
    """An OCR engine: reads a page image (a grayscale PIL image) into fragments."""

    name: str

    def read(self, image) -> list[Fragment]:
        """The fragments of text on the image."""
        ...


@dataclass
class PageReading:
    """A page read by OCR: its text, a box and a confidence per character (None for the line breaks and the
    spaces the layout adds), how the page was turned, and what the reading cost."""

    text: str
    boxes: list[Box | None]
    confidences: list[float | None]
    width: int
    height: int
    engine: str
    rotation: int = 0
    skew: float = 0.0
    seconds: float = 0.0
    # per line, its fragments: (start, end, left x, right x)
    rows: list[list[tuple[int, int, float, float]]] = field(default_factory=list)

    def to_json(self) -> str:
        """The reading as JSON, for the cache."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> PageReading:
        """A reading from the cache."""
        data = json.loads(text)
        data["boxes"] = [tuple(b) if b is not None else None for b in data["boxes"]]
        data["rows"] = [[tuple(f) for f in row] for row in data["rows"]]
        return cls(**data)


class RapidOcrEngine:
    """rapidocr-onnxruntime: detection and recognition models inside the wheel; per-character confidences."""

    name = "rapidocr"

    def __init__(self) -> None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise OperatorError(f"OCR needs the ocr extra: {INSTALL_HINT}") from None
        self._ocr = RapidOCR()

    def read(self, image) -> list[Fragment]:
        """Fragments with character boxes; word spacing repaired from the ink gaps of the image."""
        import numpy as np

        pixels = np.asarray(image)
        found, _ = self._ocr(pixels, return_word_box=True, use_cls=False)
        out = []
        for quad, text, score, char_quads, chars, char_scores in found or []:
            xs, ys = [p[0] for p in quad], [p[1] for p in quad]
            box = (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)))
            if len(chars) != len(char_quads) or not chars:
                boxes, confidences = _spread(text, box), tuple(float(score) for _ in text)
                out.append(Fragment(text, box, boxes, confidences, _angle(quad)))
                continue
            boxes = tuple(_rect(q) for q in char_quads)
            confidences = tuple(float(c) for c in char_scores) if len(char_scores) == len(chars) else ()
            confidences = confidences or tuple(float(score) for _ in chars)
            text, boxes, confidences = _space_words("".join(chars), boxes, confidences, pixels, box)
            out += _split_columns(Fragment(text, box, boxes, confidences, _angle(quad)))
        return out


class TesseractEngine:
    """Tesseract (Debian's tesseract-ocr) through pytesseract: words with their boxes and confidences."""

    name = "tesseract"

    def __init__(self) -> None:
        try:
            import pytesseract

            pytesseract.get_tesseract_version()
        except ImportError:
            raise OperatorError(f"the tesseract OCR engine needs the ocr extra: {INSTALL_HINT}") from None
        except Exception:
            raise OperatorError(
                "the tesseract OCR engine needs the tesseract program: apt-get install tesseract-ocr"
            ) from None
        self._tesseract = pytesseract

    def read(self, image) -> list[Fragment]:
        """One fragment per line of words; a word's characters share its box and confidence."""
        data = self._tesseract.image_to_data(image, output_type=self._tesseract.Output.DICT)
        lines: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word.strip() and float(data["conf"][i]) >= 0:
                lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
        out = []
        for indexes in lines.values():
            text, boxes, confidences = [], [], []
            for n, i in enumerate(indexes):
                x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
                word, conf = data["text"][i].strip(), float(data["conf"][i]) / 100
                if n:
                    text.append(" ")
                    boxes.append((boxes[-1][2], y, x, y + h))
                    confidences.append(1.0)
                text.append(word)
                boxes += _spread(word, (x, y, x + w, y + h))
                confidences += [conf] * len(word)
            joined = "".join(text)
            x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
            x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
            out.append(Fragment(joined, (x0, y0, x1, y1), tuple(boxes), tuple(confidences)))
        return out


ENGINES: dict[str, Callable[[], Engine]] = {"rapidocr": RapidOcrEngine, "tesseract": TesseractEngine}


def engine_named(name: str) -> Engine:
    """The engine the settings name; OperatorError, saying how to install it, when it cannot run here."""
    if name not in ENGINES:
        raise OperatorError(f"unknown OCR engine {name!r}; use one of {', '.join(ENGINES)}")
    return ENGINES[name]()


class PageReader:
    """Reads page images with one engine, caching each reading by the image's hash (files private to the
    user), and reporting progress by page number only (never a file name: names may identify a patient)."""

    def __init__(
        self,
        engine_name: str,
        min_confidence: float = 0.9,
        cache_dir: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.engine_name = engine_name
        self.min_confidence = min_confidence  # below it, a character of a number makes its word unsure
        self.cache_dir = cache_dir
        self.progress = progress
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The engine, loaded on first use (its models take a moment)."""
        if self._engine is None:
            self._engine = engine_named(self.engine_name)
        return self._engine

    def read(self, image, page: int = 1, pages: int = 1) -> PageReading:
        """A page image's reading: from the cache when this image was read before by this engine."""
        if self.progress is not None:
            self.progress(page, pages)
        image = image.convert("L")
        key = hashlib.sha256(
            f"{READING_VERSION}\0{self.engine_name}\0{image.width}x{image.height}\0".encode() + image.tobytes()
        ).hexdigest()
        cached = self._cached(key)
        if cached is not None:
            return cached
        started = time.perf_counter()
        reading = read_page(image, self.engine)
        reading.seconds = round(time.perf_counter() - started, 3)
        self._store(key, reading)
        return reading

    def _cached(self, key: str) -> PageReading | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / f"{key}.json"
        try:
            return PageReading.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def _store(self, key: str, reading: PageReading) -> None:
        if self.cache_dir is None:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = self.cache_dir / f"{key}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(reading.to_json())
            tmp.replace(self.cache_dir / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written costs time, never the review


def read_page(image, engine: Engine) -> PageReading:
    """Read a grayscale page image: turned upright (90, 180, 270) and straightened first when it needs it."""
    best_rotation, fragments = 0, engine.read(image)
    if _sideways(fragments):  # lines running up or down the page: it was scanned turned by a quarter
        tries = [(r, engine.read(image.rotate(r, expand=True))) for r in (90, 270)]
        best_rotation, fragments = max(tries, key=lambda t: _score(t[1]))
    elif _doubtful(fragments):
        tries = [(0, fragments)] + [(r, engine.read(image.rotate(r, expand=True))) for r in (180, 90, 270)]
        best_rotation, fragments = max(tries, key=lambda t: _score(t[1]))
    skew = _skew(fragments)
    if abs(skew) <= MAX_SKEW:
        skew = 0.0
    upright = turned(image, best_rotation, skew)
    if skew:
        fragments = engine.read(upright)
    reading = _layout(fragments, upright.width, upright.height, engine.name)
    reading.rotation, reading.skew = best_rotation, round(skew, 2)
    return reading


def turned(image, rotation: int, skew: float):
    """The page as its reading saw it: turned upright, then straightened (the reading's boxes are on this)."""
    from PIL import Image

    out = image.rotate(rotation, expand=True) if rotation else image
    return out.rotate(-skew, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC) if skew else out


def _score(fragments: list[Fragment]) -> float:
    return sum(sum(f.confidences) for f in fragments)


def _doubtful(fragments: list[Fragment]) -> bool:
    chars = [c for f in fragments for c in f.confidences]
    return len(chars) < ORIENTATION_MIN_CHARS or statistics.fmean(chars) < ORIENTATION_CONFIDENCE


def _sideways(fragments: list[Fragment]) -> bool:
    """Whether most text boxes are much taller than wide (lines of text running up or down the page)."""
    tall = [f for f in fragments if len(f.text) > 3 and f.box[3] - f.box[1] > 2 * (f.box[2] - f.box[0])]
    wide = [f for f in fragments if len(f.text) > 3 and f.box[2] - f.box[0] > 2 * (f.box[3] - f.box[1])]
    return len(tall) > len(wide)


def _skew(fragments: list[Fragment]) -> float:
    """The page's lean: the median lean of its wide fragments (a line of text is wider than tall)."""
    angles = [f.angle for f in fragments if f.box[2] - f.box[0] > 4 * (f.box[3] - f.box[1])]
    return statistics.median(angles) if len(angles) >= 3 else 0.0


def _layout(fragments: list[Fragment], width: int, height: int, engine: str) -> PageReading:
    """Fragments in reading order: lines from top to bottom (fragments sharing most of their height), each
    left to right, one space between fragments, a newline between lines."""
    lines: list[list[Fragment]] = []
    for f in sorted(fragments, key=lambda f: (f.box[1] + f.box[3]) / 2):
        middle = (f.box[1] + f.box[3]) / 2
        if lines:
            last = lines[-1]
            top, bottom = min(g.box[1] for g in last), max(g.box[3] for g in last)
            if top <= middle <= bottom:
                last.append(f)
                continue
        lines.append([f])
    text: list[str] = []
    boxes: list[Box | None] = []
    confidences: list[float | None] = []
    rows: list[list[tuple[int, int, float, float]]] = []
    offset = 0
    for n, line in enumerate(lines):
        if n:
            text.append("\n")
            boxes.append(None)
            confidences.append(None)
            offset += 1
        row = []
        for m, f in enumerate(sorted(line, key=lambda f: f.box[0])):
            if m:
                text.append(" ")
                boxes.append(None)
                confidences.append(None)
                offset += 1
            row.append((offset, offset + len(f.text), f.box[0], f.box[2]))
            text.append(f.text)
            boxes += list(f.chars)
            confidences += list(f.confidences)
            offset += len(f.text)
        rows.append(row)
    return PageReading("".join(text), boxes, confidences, width, height, engine, rows=rows)


def _rect(quad) -> Box:
    xs, ys = [p[0] for p in quad], [p[1] for p in quad]
    return (float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys)))


def _angle(quad) -> float:
    """The lean of a box's top edge, in degrees (counter-clockwise positive, image y pointing down)."""
    import math

    (x0, y0), (x1, y1) = quad[0], quad[1]
    return -math.degrees(math.atan2(y1 - y0, x1 - x0)) if x1 != x0 else 0.0


def _spread(text: str, box: Box) -> tuple[Box, ...]:
    """Character boxes spread evenly over a word's box (when the engine gives none)."""
    x0, y0, x1, y1 = box
    step = (x1 - x0) / max(len(text), 1)
    return tuple((x0 + i * step, y0, x0 + (i + 1) * step, y1) for i in range(len(text)))


def _space_words(text: str, boxes, confidences, pixels, box: Box):
    """Insert the spaces an engine ran together: where the image shows an ink-free gap between two characters
    at least WORD_GAP of the line's height wide, and the text has no space there."""
    x0, y0, x1, y1 = (round(v) for v in box)
    height = max(y1 - y0, 1)
    crop = pixels[max(y0, 0) : max(y1, 0), max(x0, 0) : max(x1, 0)]
    if crop.size == 0:
        return text, boxes, confidences
    empty = (crop < 150).sum(axis=0) <= 1
    gaps, i = [], 0
    while i < len(empty):
        if empty[i]:
            j = i
            while j < len(empty) and empty[j]:
                j += 1
            if j - i >= WORD_GAP * height:
                gaps.append(((i + j) / 2 + max(x0, 0), j - i))
            i = j
        else:
            i += 1
    out_text, out_boxes, out_conf = [], [], []
    for k, char in enumerate(text):
        out_text.append(char)
        out_boxes.append(boxes[k])
        out_conf.append(confidences[k])
        if k + 1 < len(text) and _may_part(char, text[k + 1]):
            here, there = boxes[k], boxes[k + 1]
            middle_here, middle_there = (here[0] + here[2]) / 2, (there[0] + there[2]) / 2
            wide = WORD_GAP * height * (1.2 if char.isalpha() and text[k + 1].isalpha() else 1.0)
            if any(middle_here < x < middle_there and width >= wide for x, width in gaps):
                out_text.append(" ")
                out_boxes.append((here[2], here[1], there[0], here[3]))
                out_conf.append(1.0)
    return "".join(out_text), tuple(out_boxes), tuple(out_conf)


def _split_columns(fragment: Fragment) -> list[Fragment]:
    """A box the engine read across a table's columns, cut where the gap between two words is a column's."""
    height = max(fragment.box[3] - fragment.box[1], 1)
    cuts = [
        i
        for i, char in enumerate(fragment.text)
        if char == " "
        and 0 < i < len(fragment.text) - 1
        and fragment.chars[i + 1][0] - fragment.chars[i - 1][2] >= COLUMN_GAP * height
    ]
    if not cuts:
        return [fragment]
    out, start = [], 0
    for end in [*cuts, len(fragment.text)]:
        text, chars = fragment.text[start:end], fragment.chars[start:end]
        if text.strip():
            box = (chars[0][0], fragment.box[1], chars[-1][2], fragment.box[3])
            out.append(Fragment(text, box, chars, fragment.confidences[start:end], fragment.angle))
        start = end + 1
    return out


def _may_part(left: str, right: str) -> bool:
    """Whether a space may stand between two characters: not inside a number (digits, a decimal point, a
    sign), never beside a hyphen, and not before closing or after opening punctuation."""
    if left.isspace() or right.isspace() or "-" in (left, right):
        return False
    if (left.isdigit() or left in ".,") and (right.isdigit() or right in ".,"):
        return False
    return right not in ".,;:)]%'" and left not in "([/"


def page_png(image, longest_side: int = 1100) -> bytes:
    """A page image small enough to show beside its quotes (PNG, grayscale)."""
    image = image.convert("L")
    scale = min(1.0, longest_side / max(image.size))
    if scale < 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
