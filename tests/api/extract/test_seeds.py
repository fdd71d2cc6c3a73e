"""The five raw seed readouts each yield exactly the right meeting."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from api.extract import ExtractedMeeting, extract

SEEDS = Path(__file__).parent / "seeds"
PUBLISHED = json.loads((SEEDS / "published.json").read_text())


def _extract(prefix: str) -> list[ExtractedMeeting]:
    name = next(n for n in PUBLISHED if n.startswith(prefix))
    text = (SEEDS / name).read_text()
    return extract(text, dt.date.fromisoformat(PUBLISHED[name]))


def _names(meeting: ExtractedMeeting, role: str) -> list[str]:
    return [p.name for p in meeting.participants if p.role == role]


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_li_keqiang_imran_khan_call(prefix: str) -> None:
    (meeting,) = _extract(prefix)
    assert meeting.date == dt.date(2021, 7, 16)
    assert meeting.kind == "phone_call" and meeting.setting == "remote"
    assert _names(meeting, "principal") == ["Li Keqiang", "Imran Khan"]
    assert meeting.city is None and meeting.venue is None
    if prefix == "000":
        assert _names(meeting, "attendee") == ["He Lifeng"]
        assert meeting.initiated_by == "PK"
        assert meeting.time_of_day == "morning"
    else:
        assert _names(meeting, "attendee") == []


def test_xi_imran_khan_call() -> None:
    (meeting,) = _extract("002")
    assert (meeting.date, meeting.kind) == (dt.date(2021, 10, 26), "phone_call")
    assert _names(meeting, "principal") == ["Xi Jinping", "Imran Khan"]
    assert {"cpec", "covid-19", "afghanistan"} <= set(meeting.topics)


def test_imran_khan_wang_yi_at_sco() -> None:
    (meeting,) = _extract("003")
    assert meeting.date == dt.date(2021, 9, 17)
    assert (meeting.kind, meeting.setting) == ("meeting", "third_country")
    assert (meeting.city, meeting.country_code, meeting.occasion) == (
        "Dushanbe",
        "TJ",
        "SCO summit",
    )
    assert _names(meeting, "principal") == ["Imran Khan", "Wang Yi"]
    wang = meeting.participants[1]
    assert wang.capacity == "special representative of President Xi Jinping"


def test_alvi_qin_gang_meeting() -> None:
    (meeting,) = _extract("004")
    assert meeting.date == dt.date(2023, 5, 5)
    assert (meeting.setting, meeting.city, meeting.country_code) == (
        "bilateral_visit",
        "Islamabad",
        "PK",
    )
    assert _names(meeting, "principal") == ["Arif Alvi", "Qin Gang"]
    assert meeting.participants[1].title == "State Councilor and Foreign Minister"
