"""The curated seed records: valid, complete, faithful to their texts, in our own words."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from api.models import Meeting, Person, Role, Topic
from api.vocabulary import SEEDS_DIR

TEXTS = Path(__file__).parent / "texts"


def _records(kind: str) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads((SEEDS_DIR / f"{kind}.json").read_text())[kind]
    return records


TOPICS = [Topic.model_validate(t) for t in _records("topics")]
PEOPLE = {p.id: p for p in (Person.model_validate(r) for r in _records("people"))}
MEETINGS = {
    m.id: m
    for m in (
        Meeting.model_validate(r, context={"topic_ids": {t.id for t in TOPICS}})
        for r in _records("meetings")
    )
}


def test_four_meetings_five_sources_seven_people() -> None:
    assert len(MEETINGS) == 4
    assert sum(len(m.sources) for m in MEETINGS.values()) == 5
    assert len(PEOPLE) == 7
    documents = sorted(s.document or "" for m in MEETINGS.values() for s in m.sources)
    assert documents == sorted(p.name for p in TEXTS.glob("*.txt"))


def test_every_reference_resolves() -> None:
    for meeting in MEETINGS.values():
        own_sources = {s.id for s in meeting.sources}
        for participant in meeting.participants:
            person = PEOPLE[participant.person.id]
            assert participant.country_code == person.country_code
        for statement in meeting.statements:
            assert statement.speaker.id in PEOPLE
            assert statement.source in own_sources


def test_the_li_keqiang_imran_khan_call() -> None:
    call = MEETINGS["2021-07-16-li-keqiang-imran-khan"]
    assert (call.date, call.time_of_day, call.kind, call.setting) == (
        dt.date(2021, 7, 16),
        "morning",
        "phone_call",
        "remote",
    )
    assert call.initiated_by == "PK"  # Li spoke with Khan "at request"
    roles = {p.person.id: p.role for p in call.participants}
    assert roles == {
        "li-keqiang": Role.PRINCIPAL,
        "imran-khan": Role.PRINCIPAL,
        "he-lifeng": Role.ATTENDEE,
    }
    assert [s.document for s in call.sources] == [
        "000_55a49d7041691a4b.txt",
        "001_aed6a828d004b1d2.txt",
    ]


def test_the_xi_jinping_imran_khan_call_names_no_initiator() -> None:
    call = MEETINGS["2021-10-26-xi-jinping-imran-khan"]
    assert (call.date, call.kind, call.initiated_by) == (dt.date(2021, 10, 26), "phone_call", None)
    assert {"covid-19", "cpec", "one-china", "global-development-initiative"} <= set(call.topics)


def test_the_sco_summit_talks_in_dushanbe() -> None:
    talks = MEETINGS["2021-09-17-imran-khan-wang-yi"]
    assert (talks.setting, talks.location.city, talks.location.country_code, talks.occasion) == (
        "third_country",
        "Dushanbe",
        "TJ",
        "SCO summit",
    )
    wang = next(p for p in talks.participants if p.person.id == "wang-yi")
    assert wang.title == "State Councilor and Foreign Minister"
    assert wang.capacity and "special representative" in wang.capacity.lower()
    follow_ups = [o for o in talks.outcomes if o.kind == "follow_up"]
    assert len(follow_ups) == 2
    assert any("Joint Cooperation Committee" in (o.name or "") for o in follow_ups)


def test_alvi_receives_qin_gang_in_islamabad() -> None:
    visit = MEETINGS["2023-05-05-arif-alvi-qin-gang"]
    assert (visit.kind, visit.setting, visit.location.city, visit.location.country_code) == (
        "meeting",
        "bilateral_visit",
        "Islamabad",
        "PK",
    )
    titles = {p.person.id: p.title for p in visit.participants}
    assert titles == {"arif-alvi": "President", "qin-gang": "State Councilor and Foreign Minister"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


@pytest.mark.parametrize("meeting_id", sorted(MEETINGS))
def test_no_sentence_is_copied_from_the_texts(meeting_id: str) -> None:
    source_runs = set()
    for path in TEXTS.glob("*.txt"):
        words = _words(path.read_text())
        source_runs |= {tuple(words[i : i + 7]) for i in range(len(words) - 6)}
    meeting = MEETINGS[meeting_id]
    ours = [
        meeting.summary,
        *(s.text for s in meeting.statements),
        *(o.text for o in meeting.outcomes),
    ]
    for text in ours:
        words = _words(text)
        copied = [
            " ".join(words[i : i + 7])
            for i in range(len(words) - 6)
            if tuple(words[i : i + 7]) in source_runs
        ]
        assert not copied, copied
