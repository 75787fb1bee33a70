"""Reading values from text: dates, numbers, durations and intervals, by the patterns of rules/nlp/values.yaml."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "twenty-eight": 28,
}
_MINUS = str.maketrans({"−": "-", "–": "-", " ": ""})


def number(text: str) -> float | None:
    """A number written with digits (any dash as minus) or as an English word."""
    text = text.strip().lower()
    if text in _WORDS:
        return float(_WORDS[text])
    try:
        return float(text.translate(_MINUS))
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def iso_date(m: re.Match[str]) -> str | None:
    """A `date` pattern match as YYYY-MM-DD, or None when it is not a real calendar date."""
    g = m.groupdict()
    try:
        if g.get("y"):
            year = int(g["y"])
            year += 2000 if year < 100 and year < 50 else (1900 if year < 100 else 0)
            return date(year, int(g["m"]), int(g["d"])).isoformat()
        if g.get("y2"):
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"])).isoformat()
        if g.get("y3"):
            return date(int(g["y3"]), _month(g["mon"]), int(g["d3"])).isoformat()
    except ValueError:
        return None
    return None


def month_start(m: re.Match[str]) -> date | None:
    """A `month_year` match as the first day of that month."""
    g = m.groupdict()
    try:
        if g.get("y"):
            return date(int(g["y"]), int(g["m"]), 1)
        if g.get("y2"):
            return date(int(g["y2"]), _month(g["mon"]), 1)
    except ValueError:
        return None
    return None


def dates_in(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Every full calendar date in text[start:end] as (start, end, iso)."""
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        iso = iso_date(m)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


def months_between(a: date, b: date) -> float:
    """Whole calendar months from `a` to `b` (the days of the month are not counted)."""
    return float((b.year - a.year) * 12 + (b.month - a.month))


def to_months(n: float, unit: str) -> float:
    """A duration in the given unit, in months (4 weeks or 28 days count as one month)."""
    unit = unit.lower()
    if unit.startswith(("y",)):
        return n * 12
    if unit.startswith("w"):
        return round(n / 4, 1)
    if unit.startswith("d"):
        return round(n / 28, 1)
    return n


def interval_months(m: re.Match[str]) -> float | None:
    """An `interval` match ("every 6 months", "q4 weeks", "twice yearly") in months."""
    word = (m.group("word") or "").lower()
    if word:
        if word.startswith(("twice", "semi", "bi")):
            return 6.0
        if word in {"monthly", "every month"}:
            return 1.0
        return 12.0
    n = number(m.group("n"))
    return to_months(n, m.group("unit")) if n else None
