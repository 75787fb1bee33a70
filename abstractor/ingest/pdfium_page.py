"""A PDF page's text and ruled tables read through PDFium and laid out by pdfplumber's own text and table code.

pdfplumber parses a page with pdfminer, in Python: about 17 ms a page, most of ingestion's cost. PDFium (the C
library pdfplumber already depends on, through pypdfium2) gives the same characters, with their boxes, and
the same ruling lines in well under that. Here they are described the way pdfplumber describes them (a dict
per character; edges from lines, rectangles and polylines, following pdfminer's path rules) and handed to
pdfplumber's layout functions (`chars_to_textmap`, `TableFinder`), so the page's text and tables come out as
pdfplumber would give them. Checked on every PDF of the gold sets: the same text and tables on every page.

A page PDFium cannot describe in pdfplumber's terms returns None and is read by pdfplumber: a rotated page,
a media box not at the origin or a crop box, rotated text, Bézier curves, form XObjects.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder
from pdfplumber.utils import chars_to_textmap

# PDFium marks a hyphen it takes for a line-end hyphenation with this code; pdfminer keeps the hyphen.
_PDFIUM_HYPHEN = 2
_BREAKS = frozenset(map(ord, " \r\n"))
_SUBPATH = re.compile(r"m[^m]+")


@dataclass
class PageContent:
    """What a page holds: its text as pdfplumber lays it out, its ruled tables (rows of cell texts, as
    pdfplumber's `Table.extract` gives them), and whether it holds an image (a scan's sign)."""

    text: str
    tables: list[list[list[str | None]]]
    has_images: bool


@dataclass
class _Layout:
    """The few attributes of a pdfplumber page that its text and table code read."""

    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


class _Unsupported(Exception):
    """The page holds something pdfplumber would describe differently: read it with pdfplumber."""


def read_page(page: pdfium.PdfPage) -> PageContent | None:
    """The page's text and tables, or None when pdfplumber must read it."""
    if page.get_rotation() % 360:
        return None
    width, height = page.get_size()
    box = (0.0, 0.0, width, height)
    if tuple(page.get_mediabox()) != box or tuple(page.get_cropbox()) != box:
        return None
    try:
        edges, has_images = _edges(page, height)
        chars = _chars(page, height)
    except _Unsupported:
        return None
    layout = _Layout(chars, edges, box)
    text = chars_to_textmap(chars, layout_bbox=box, layout_width=width, layout_height=height).as_string if chars else ""
    tables = [table.extract() for table in TableFinder(layout).tables] if edges else []
    return PageContent(text, tables, has_images)


def _chars(page: pdfium.PdfPage, height: float) -> list[dict[str, Any]]:
    """Each character drawn on the page, in content order, as pdfplumber's `page.chars` describe it: the
    horizontal extent of its advance, and a box one font size tall standing on the font's descent (the
    bottom of PDFium's loose box)."""
    textpage = page.get_textpage()
    try:
        raw, rect, chars = textpage.raw, pdfium_c.FS_RECTF(), []
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if code in _BREAKS and pdfium_c.FPDFText_IsGenerated(raw, i):  # the spaces and breaks PDFium adds
                continue
            pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect)
            size = pdfium_c.FPDFText_GetFontSize(raw, i)
            bottom = height - rect.bottom
            chars.append(
                {
                    "text": "-" if code == _PDFIUM_HYPHEN else chr(code),
                    "x0": rect.left,
                    "x1": rect.right,
                    "top": bottom - size,
                    "bottom": bottom,
                    "doctop": bottom - size,
                    "upright": True,
                    "size": size,
                }
            )
        return chars
    finally:
        textpage.close()


def _edges(page: pdfium.PdfPage, height: float) -> tuple[list[dict[str, Any]], bool]:
    """The page's ruling edges as pdfplumber derives them from pdfminer's lines, rectangles and curves, and
    whether the page holds an image."""
    edges: list[dict[str, Any]] = []
    has_images = False
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            raise _Unsupported("a form XObject")
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_images = True
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            matrix = pdfium_c.FS_MATRIX()
            if not pdfium_c.FPDFPageObj_GetMatrix(obj.raw, matrix) or matrix.b or matrix.c:
                raise _Unsupported("rotated or skewed text")
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            edges += _path_edges(obj.raw, height)
    return edges, has_images


def _path_edges(path, height: float) -> list[dict[str, Any]]:
    """A path object's edges: its segments in page space, split into subpaths and classified as pdfminer's
    `paint_path` classifies them (a line, a rectangle, or a curve of straight segments)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(path, matrix):
        raise _Unsupported("a path without a matrix")
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[tuple[str, tuple[float, float]]] = []
    for k in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, k)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            raise _Unsupported("a Bézier curve")
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        ops.append(("m" if kind == pdfium_c.FPDF_SEGMENT_MOVETO else "l", point))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            ops.append(("h", point))
    shape = "".join(op for op, _ in ops)
    out = []
    for sub in _SUBPATH.finditer(shape):
        out += _subpath_edges(shape[sub.start() : sub.end()], ops[sub.start() : sub.end()], height)
    return out


def _subpath_edges(shape: str, ops: list[tuple[str, tuple[float, float]]], height: float) -> list[dict[str, Any]]:
    # An 'h' closes the subpath: its point is the subpath's start (pdfminer.converter.PDFLayoutAnalyzer).
    pts = [ops[0][1] if op == "h" else point for op, point in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:  # a redundant "l" on a closed path
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in {"mlh", "ml"}:
        return [_line(pts[0], pts[1], height)]
    if shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            return _rect(pts[0], pts[2], height)
    return _curve(pts, height)


def _bounds(pts, height: float) -> dict[str, Any]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    top, bottom = height - max(ys), height - min(ys)
    return {
        "x0": min(xs),
        "x1": max(xs),
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": max(xs) - min(xs),
        "height": bottom - top,
    }


def _line(p0, p1, height: float) -> dict[str, Any]:
    """pdfplumber's `line_to_edge`: horizontal when its top is its bottom, else vertical."""
    edge = _bounds([p0, p1], height)
    edge.update(object_type="line", orientation="h" if edge["top"] == edge["bottom"] else "v")
    return edge


def _rect(p0, p2, height: float) -> list[dict[str, Any]]:
    """pdfplumber's `rect_to_edges`: the rectangle's four sides."""
    r = _bounds([p0, p2], height)
    sides = [
        {**r, "bottom": r["top"], "height": 0, "orientation": "h"},
        {**r, "top": r["bottom"], "doctop": r["bottom"], "height": 0, "orientation": "h"},
        {**r, "x1": r["x0"], "width": 0, "orientation": "v"},
        {**r, "x0": r["x1"], "width": 0, "orientation": "v"},
    ]
    return [{**side, "object_type": "rect_edge"} for side in sides]


def _curve(pts, height: float) -> list[dict[str, Any]]:
    """pdfplumber's `curve_to_edges`: one edge per pair of consecutive points."""
    coords = [(p[0], height - p[1]) for p in pts]
    edges = []
    for (ax, atop), (bx, btop) in itertools.pairwise(coords):
        top = min(atop, btop)
        edges.append(
            {
                "object_type": "curve_edge",
                "x0": min(ax, bx),
                "x1": max(ax, bx),
                "top": top,
                "doctop": top,
                "bottom": max(atop, btop),
                "width": abs(ax - bx),
                "height": abs(atop - btop),
                "orientation": "v" if ax == bx else ("h" if atop == btop else None),
            }
        )
    return edges
