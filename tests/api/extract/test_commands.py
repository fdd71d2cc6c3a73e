"""`extract_file`: .txt and JSON readouts, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.extract.commands import ReadoutFileError, extract_file

SEEDS = Path(__file__).parent / "seeds"
CORPUS = Path(__file__).parent / "corpus"


def test_json_file_in_corpus_format() -> None:
    result = extract_file(CORPUS / "005.json")
    (meeting,) = result["meetings"]
    assert meeting["date"] == "2018-09-09"
    assert set(meeting) == {
        "date", "kind", "setting", "city", "country_code", "venue", "occasion",
        "participants", "initiated_by",
    }  # fmt: skip
    assert set(meeting["participants"][0]) == {"name", "country_code", "title", "role"}


def test_text_file_resolves_what_it_can() -> None:
    result = extract_file(SEEDS / "002_1fe29d9507be1f5c.txt")
    (meeting,) = result["meetings"]
    assert meeting["date"] == "2021-10-26"


def test_text_file_without_any_date_anchor(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_text(
        "Chinese Premier Li Qiang spoke by phone with Pakistani Prime Minister Shehbaz Sharif on Friday."
    )
    (meeting,) = extract_file(path)["meetings"]
    assert meeting["date"] is None and meeting["kind"] == "phone_call"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"published": "2024-01-01"}', "has no 'text'"),
        ('{"text": "x", "published": "yesterday"}', "is not a date"),
    ],
)
def test_bad_json_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ReadoutFileError, match=message) as caught:
        extract_file(path)
    assert "bad.json" in str(caught.value)
    assert isinstance(caught.value, ValueError)
