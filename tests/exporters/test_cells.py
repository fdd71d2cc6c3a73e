"""Formula-like text and its neutralised form."""

from __future__ import annotations

import pytest

from exporters.cells import (
    CELL_LIMIT,
    csv_needs_guard,
    csv_row_may_need_guard,
    is_formula_like,
    neutralise,
    sheet_title,
    xlsx_text,
    xlsx_url,
)
from tests.exporters.conftest import HOSTILE


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_formula_like_and_gets_an_apostrophe(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Imran Khan", "", "1+1", "a=b", "'quoted"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not is_formula_like(text)
    assert neutralise(text) == text


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Meetings", "Meetings"),
        ("a/b[c]:d*e?f\\g", "a_b_c__d_e_f_g"),
        ("x\x01y", "xy"),
        ("", "Sheet"),
    ],
)
def test_sheet_titles_are_valid(title: str, cleaned: str) -> None:
    assert sheet_title(title) == cleaned
    assert len(sheet_title("t" * 40)) == 31


def test_workbook_text_and_links_hold_no_control_character() -> None:
    assert xlsx_text("a\x00b\x1fc\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert xlsx_url("https://x.example/\x01?\x7f") == "https://x.example/%01?\x7f"
    assert xlsx_text("short") == "short"


def test_text_is_cut_to_a_cell_counting_utf16_units() -> None:
    text = "\U0001f600" * 20_000  # 40,000 UTF-16 code units
    cut = xlsx_text(text)
    assert len(cut.encode("utf-16-le")) // 2 <= CELL_LIMIT
    assert cut.startswith("\U0001f600") and "of 20,000 characters left out" in cut


@pytest.mark.parametrize("text", ["=1", "x;=cmd", "a|@b", "a\t+1", "a,  -1", "a;'=b", "a\n@x"])
def test_csv_guards_a_formula_at_the_start_or_after_a_separator(text: str) -> None:
    assert csv_needs_guard(text)


@pytest.mark.parametrize("text", ["2021-07-16-li", "a=b", "Li (CN); Imran (PK)", "1+1", ""])
def test_csv_leaves_other_text_alone(text: str) -> None:
    assert not csv_needs_guard(text)


_GUARDED = ["=1", "x;=cmd", "a|@b", "a\t+1", "a,  -1", "a;'=b", "a\n@x", "\tx", "\rx"]
_PLAIN = ["2021-07-16-li", "a=b", "Li (CN); Imran (PK)", "1+1", "", "x;", "=".join("ab")]


@pytest.mark.parametrize("text", _GUARDED)
def test_a_row_may_need_the_guard_wherever_its_formula_is(text: str) -> None:
    for at in range(len(_PLAIN) + 1):
        assert csv_row_may_need_guard([*_PLAIN[:at], text, *_PLAIN[at:]])


def test_a_row_of_plain_text_needs_no_guard_and_cells_do_not_join() -> None:
    assert not csv_row_may_need_guard(_PLAIN)
    assert not csv_row_may_need_guard(["a;", " b", "c,", "'d"])
