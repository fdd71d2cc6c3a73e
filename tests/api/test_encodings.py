"""Files in other encodings: read when they can be, refused with the encoding named."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from api.encodings import decode_text
from api.errors import InvalidInput, LoadError
from api.extract.commands import read_readout
from api.service import Service
from api.storage.loading import load_paths
from api.vocabulary import SEEDS_DIR

TEXT = Path(__file__).resolve().parent.parent / "seeds" / "texts" / "004_0e8f66fb4d9f0923.txt"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_byte_order_mark_names_the_encoding(encoding: str) -> None:
    text = "Président Arif Alvi met Qin Gang in Islamabad."
    assert decode_text(text.encode(encoding), "x.txt", detect=False) == text


def test_a_latin_1_readout_is_read_as_text(tmp_path: Path) -> None:
    original = TEXT.read_text() + "\nCafé Señor"
    path = tmp_path / "latin.txt"
    path.write_bytes(original.encode("latin-1", errors="replace"))
    text, _ = read_readout(path)
    assert "Arif Alvi" in text and "\ufffd" not in text
    assert text.splitlines()[:3] == original.splitlines()[:3]


def test_a_utf_16_readout_without_a_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.read_text().encode("utf-16-le"))
    assert read_readout(path)[0] == TEXT.read_text()


def test_ascii_utf_16_without_a_mark_is_not_read_as_utf_8() -> None:
    text = "President Arif Alvi met Foreign Minister Qin Gang in Islamabad on Friday. " * 3
    assert decode_text(text.encode("utf-16-le"), "wide.txt", detect=True) == text


def test_a_nul_character_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput, match=r"nul\.txt holds a NUL character"):
        decode_text(b"Arif Alvi met Qin Gang.\x00", "nul.txt", detect=True)


def test_load_names_a_duplicate_id_and_a_nul(service: Service, tmp_path: Path) -> None:
    topics = json.loads((SEEDS_DIR / "topics.json").read_text())
    first = topics["topics"][0]
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps({"topics": [first, first]}))
    with pytest.raises(LoadError, match=rf"twice\.json: record '{first['id']}': id: .*twice"):
        load_paths(service.engine, [twice])
    nul = tmp_path / "nul.json"
    nul.write_text(json.dumps({"topics": [{**first, "label": "a\u0000b"}]}))
    with pytest.raises(LoadError, match=r"nul\.json: record .*: label: holds a NUL"):
        load_paths(service.engine, [nul])
    assert service.repository.table_counts()["topics"] == 0


def test_a_few_bytes_are_refused_without_a_guess_at_their_encoding() -> None:
    with pytest.raises(InvalidInput) as caught:
        decode_text("café".encode("latin-1"), "the request body", detect=False)
    assert caught.value.detail == "the request body is not UTF-8 (byte 3); save it as UTF-8"


def test_bytes_that_are_no_text_are_refused_by_name() -> None:
    with pytest.raises(InvalidInput, match=r"junk\.txt is not text"):
        decode_text(bytes(range(256)) * 4, "junk.txt", detect=True)


def test_load_accepts_a_bom_and_names_another_encoding(service: Service, tmp_path: Path) -> None:
    topics = json.loads((SEEDS_DIR / "topics.json").read_text())
    with_bom = tmp_path / "bom" / "topics.json"
    with_bom.parent.mkdir()
    with_bom.write_bytes(codecs.BOM_UTF8 + json.dumps(topics).encode())
    assert load_paths(service.engine, [with_bom.parent]).changes > 0
    topics["topics"][0]["description"] = "Café Señor " * 20
    latin = tmp_path / "latin.json"
    latin.write_bytes(json.dumps(topics, ensure_ascii=False).encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        load_paths(service.engine, [latin])
    # Latin-1 bytes also read as cp1250, cp1252, ...: the message names guesses, not a fact
    assert re.search(
        r"latin\.json.* is not UTF-8 \(byte \d+\); it reads as \w+, \w+, \w+ or a similar "
        r"encoding; save it as UTF-8",
        str(caught.value),
    ), caught.value


def test_a_json_readout_with_a_nul_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "nul.json"
    path.write_text(json.dumps({"text": "Arif Alvi met Qin Gang.\u0000", "published": ""}))
    with pytest.raises(InvalidInput, match=r"nul\.json: 'text' holds a NUL"):
        read_readout(path)
