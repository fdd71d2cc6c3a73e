"""Text a spreadsheet would misread, and how to keep it inert and whole.

Formula injection: spreadsheet programs treat a cell that starts with `=`, `+`, `-` or
`@` as a formula (and tab or carriage return can hide one), so text from readouts could
run on a user's machine. The xlsx exporter stores such text as plain string cells; the
csv exporter prefixes it with an apostrophe, as OWASP recommends, and quotes it. A csv
cell is also guarded when a formula starts after a separator inside it (`x;=cmd`): a
spreadsheet that splits on `;`, `|` or tab would otherwise run the middle part.

Workbook text: XML cannot hold most control characters, Excel holds at most 32,767
characters a cell and 31 a sheet name, and some characters are not allowed in sheet
names. `xlsx_text`, `xlsx_url` and `sheet_title` are the one cleaning every string
reaching an xlsx goes through; text that is cut says so where it is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CELL_LIMIT",
    "FORMULA_PREFIXES",
    "LINK_LIMIT",
    "csv_needs_guard",
    "csv_row_may_need_guard",
    "is_formula_like",
    "neutralise",
    "sheet_title",
    "xlsx_text",
    "xlsx_url",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CELL_LIMIT = 32_767
"""The most characters (UTF-16 code units) Excel keeps in one cell."""
LINK_LIMIT = 2_079
"""The longest hyperlink target Excel accepts."""

_NOTE_ROOM = 200  # the note of a cut text is shorter than this
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_ILLEGAL = re.compile(r"[\x00-\x1f\[\]:*?/\\]")
_INNER_FORMULA = re.compile(r"[;,|\t\r\n][ \"']*[=+\-@]")
# After a cell's start (NUL) or a separator, a formula's first character: wider than
# csv_needs_guard's test (a cell starting ' =' or holding ';\t' is a false alarm, checked
# again cell by cell), never narrower; one character class first keeps the search fast.
_ROW_FORMULA = re.compile(r"[\x00;,|\t\r\n][ \"']*[=+\-@\t\r]")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula."""
    return text.startswith(FORMULA_PREFIXES)


def neutralise(text: str) -> str:
    """`text`, prefixed with `'` when it is formula-like, so it shows as typed."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_needs_guard(text: str) -> bool:
    """True when a csv cell holding `text` must be quoted and prefixed with `'`.

    That is when it starts like a formula, or when a formula starts after a character a
    spreadsheet may split cells on (`;`, `,`, `|`, tab, line break), spaces or quotes
    between them allowed."""
    return text.startswith(FORMULA_PREFIXES) or _INNER_FORMULA.search(text) is not None


def csv_row_may_need_guard(texts: Iterable[str]) -> bool:
    """False when no text of a row needs the guard of `csv_needs_guard` (one search for
    the whole row); True when one may, to be checked cell by cell."""
    return _ROW_FORMULA.search("\x00" + "\x00".join(texts)) is not None


def _units(text: str) -> int:
    """The length of `text` in UTF-16 code units, as Excel counts."""
    return len(text.encode("utf-16-le")) // 2


def xlsx_text(text: str) -> str:
    """`text` as a workbook can hold it: no character XML forbids, at most `CELL_LIMIT`.

    Text that is too long is cut and ends with a note saying how much was left out."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("\ufffd", text)
    if len(text) * 2 <= CELL_LIMIT or _units(text) <= CELL_LIMIT:
        return text
    total = len(text)
    room = CELL_LIMIT - _NOTE_ROOM
    kept = room
    while _units(text[:kept]) > room:
        kept -= 1_000
    note = (
        f" [… cut here: {total - kept:,} of {total:,} characters left out; "
        "a cell holds at most 32,767. The csv and json exports hold the whole text.]"
    )
    return text[:kept] + note


def xlsx_url(url: str) -> str:
    """A hyperlink target a workbook can hold: control characters percent-encoded."""
    return _ILLEGAL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def sheet_title(title: str) -> str:
    """A valid sheet name: no `[]:*?/\\` or control characters, at most 31 characters."""
    cleaned = _SHEET_ILLEGAL.sub("_", _ILLEGAL.sub("", title)).strip("' ")[:31]
    return cleaned or "Sheet"
