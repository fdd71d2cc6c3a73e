"""Formula-like text and its neutralised form."""

from __future__ import annotations

import pytest

from exporters.cells import is_formula_like, neutralise
from tests.exporters.conftest import HOSTILE


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_formula_like_and_gets_an_apostrophe(text: str) -> None:
    assert is_formula_like(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Imran Khan", "", "1+1", "a=b", "'quoted"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert not is_formula_like(text)
    assert neutralise(text) == text
