"""`readouts extract FILE`: the meetings found in one readout file, as JSON data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson

from api.encodings import decode_text
from api.errors import InvalidInput
from api.extract.convert import to_corpus
from api.extract.meetings import extract

__all__ = ["ReadoutFileError", "extract_file", "read_readout"]


class ReadoutFileError(InvalidInput, ValueError):
    """A readout file that cannot be read: bad JSON, no `text`, a bad `published`."""


def read_readout(path: Path) -> tuple[str, dt.date | None]:
    """The text and published date of a .txt readout or a JSON file with `text`."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReadoutFileError(f"cannot read {path.name}: {error.strerror}") from error
    is_json = path.suffix.lower() == ".json"
    try:
        text = decode_text(raw, path.name, detect=not is_json)
    except InvalidInput as error:
        raise ReadoutFileError(error.detail) from None
    if not is_json:
        return text, None
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise ReadoutFileError(f"{path.name} is not valid JSON: {error}") from error
    if not isinstance(document, dict) or not isinstance(document.get("text"), str):
        raise ReadoutFileError(
            f"{path.name} has no 'text' string; expected an object with 'text' and 'published'"
        )
    if "\x00" in document["text"]:
        raise ReadoutFileError(f"{path.name}: 'text' holds a NUL character (\\u0000); remove it")
    published = document.get("published")
    if published in (None, ""):
        return document["text"], None
    try:
        return document["text"], dt.date.fromisoformat(str(published))
    except ValueError as error:
        raise ReadoutFileError(
            f"{path.name}: published {published!r} is not a date; expected YYYY-MM-DD"
        ) from error


def extract_file(path: Path) -> dict[str, Any]:
    """`{"meetings": [...]}` for a .txt readout (published date unknown) or a JSON file
    with `text` and `published`, each meeting in the corpus format."""
    text, published = read_readout(Path(path))
    return {"meetings": [to_corpus(meeting) for meeting in extract(text, published)]}
