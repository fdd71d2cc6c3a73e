"""Ingest: readout texts merged into the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from api.errors import InvalidInput
from api.filters import MeetingFilter
from api.ingest import ingest_paths
from api.models import Meeting
from api.service import Service
from api.storage import tables as t
from api.vocabulary import SEEDS_DIR

TEXTS = Path(__file__).resolve().parent.parent / "seeds" / "texts"
CURATED = {
    m["id"]: Meeting.model_validate(m)
    for m in json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
}


def _readout(path: Path, **fields: str) -> Path:
    """`path`, written as a readout file of the corpus format (`text`, `published`, ...)."""
    path.write_text(json.dumps(fields))
    return path


def _facts(meeting: Meeting) -> dict[str, object]:
    return {
        "date": meeting.date,
        "kind": meeting.kind,
        "setting": meeting.setting,
        "place": (meeting.location.city, meeting.location.country_code, meeting.location.venue),
        "occasion": meeting.occasion,
        "initiated_by": meeting.initiated_by,
        "principals": sorted(p.person.id for p in meeting.principals),
        "attendees": sorted(p.person.id for p in meeting.participants if p.role == "attendee"),
    }


def test_the_five_seed_texts_give_the_four_curated_meetings(service: Service) -> None:
    report = ingest_paths(service.engine, [TEXTS])
    assert len(report.new) == 4 and len(report.merged) == 1 and not report.skipped
    stored = {m.id: m for m in service.repository.iter_meetings(MeetingFilter())}
    assert set(stored) == set(CURATED)
    for meeting_id, curated in CURATED.items():
        assert _facts(stored[meeting_id]) == _facts(curated), meeting_id
    call = stored["2021-07-16-li-keqiang-imran-khan"]
    assert sorted(s.document or "" for s in call.sources) == [
        "000_55a49d7041691a4b.txt",
        "001_aed6a828d004b1d2.txt",
    ]


def test_ingesting_again_changes_nothing(service: Service) -> None:
    ingest_paths(service.engine, [TEXTS])
    before = service.repository.table_counts()
    again = ingest_paths(service.engine, [TEXTS])
    assert not again.new and not again.merged
    assert [s.reason.startswith("already ingested") for s in again.skipped] == [True] * 5
    assert service.repository.table_counts() == before


def test_reports_of_curated_meetings_join_their_sources(seeded: Service) -> None:
    before = seeded.repository.table_counts()
    report = ingest_paths(seeded.engine, [TEXTS])
    assert not report.new and len(report.merged) == 5 and not report.conflicts
    after = seeded.repository.table_counts()
    assert (after["meetings"], after["sources"]) == (before["meetings"], before["sources"])
    assert after["source_texts"] == 5


def test_evidence_spans_quote_the_text(service: Service) -> None:
    ingest_paths(service.engine, [TEXTS / "004_0e8f66fb4d9f0923.txt"])
    with service.engine.connect() as connection:
        text = connection.scalars(sa.select(t.source_texts.c.text)).one()
        spans = {
            field: text[start:end]
            for field, start, end in connection.execute(
                sa.select(
                    t.source_evidence.c.field, t.source_evidence.c.start, t.source_evidence.c.end
                )
            )
        }
    assert "Islamabad" in spans["city"]
    assert "May 5, 2023" in spans["date"]


def test_a_text_without_a_meeting_is_skipped_with_a_reason(
    service: Service, tmp_path: Path
) -> None:
    message = tmp_path / "message.txt"
    message.write_text(
        "ISLAMABAD, March 3 -- The president sent a message of congratulations to his "
        "counterpart on the national day, wishing the people prosperity."
    )
    report = ingest_paths(service.engine, [message])
    assert [s.file for s in report.skipped] == ["message.txt"]
    assert "no meeting" in report.skipped[0].reason
    assert service.repository.table_counts()["meetings"] == 0


def test_malformed_json_fails_naming_the_file_and_writes_nothing(
    service: Service, tmp_path: Path
) -> None:
    for path in TEXTS.glob("*.txt"):
        (tmp_path / path.name).write_text(path.read_text())
    (tmp_path / "zz-broken.json").write_text('{"text": "x", ')
    with pytest.raises(InvalidInput, match=r"zz-broken\.json is not valid JSON"):
        ingest_paths(service.engine, [tmp_path])
    assert service.repository.table_counts()["meetings"] == 0


def test_conflicting_report_is_kept_and_reported_not_applied(
    service: Service, tmp_path: Path
) -> None:
    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    ingest_paths(service.engine, [TEXTS / "004_0e8f66fb4d9f0923.txt"])
    other = tmp_path / "other-report.txt"
    other.write_text(original.replace("in Islamabad", "in Lahore"))
    report = ingest_paths(service.engine, [other])
    assert len(report.merged) == 1
    assert [(c.field, c.kept, c.other) for c in report.conflicts] == [
        ("location.city", "Islamabad", "Lahore")
    ]
    meeting = service.repository.get_meeting("2023-05-05-arif-alvi-qin-gang")
    assert meeting.location.city == "Islamabad" and len(meeting.sources) == 2
    with service.engine.connect() as connection:
        kept = connection.execute(sa.select(t.conflicts.c.field, t.conflicts.c.other)).all()
    assert [tuple(row) for row in kept] == [("location.city", "Lahore")]


def test_a_second_report_fills_missing_fields(service: Service, tmp_path: Path) -> None:
    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    ingest_paths(service.engine, [TEXTS / "004_0e8f66fb4d9f0923.txt"])
    richer = tmp_path / "richer.txt"
    richer.write_text(original.replace("in Islamabad.", "at the Aiwan-e-Sadr in Islamabad."))
    report = ingest_paths(service.engine, [richer])
    assert "location.venue" in report.merged[0].filled
    meeting = service.repository.get_meeting("2023-05-05-arif-alvi-qin-gang")
    assert meeting.location.venue == "Aiwan-e-Sadr"


def test_dry_run_reports_and_writes_nothing(service: Service) -> None:
    report = ingest_paths(service.engine, [TEXTS], dry_run=True)
    assert report.dry_run and len(report.new) == 4
    assert service.repository.table_counts()["meetings"] == 0


def test_evidence_and_conflicts_are_readable(service: Service, tmp_path: Path) -> None:
    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    ingest_paths(service.engine, [TEXTS / "004_0e8f66fb4d9f0923.txt"])
    other = tmp_path / "other.txt"
    other.write_text(original.replace("in Islamabad", "in Lahore"))
    ingest_paths(service.engine, [other])
    meeting_id = "2023-05-05-arif-alvi-qin-gang"
    meeting = service.repository.get_meeting(meeting_id)
    per_source = service.repository.evidence_by_sources([s.id for s in meeting.sources])
    assert [len(spans) > 0 for spans in per_source] == [True, True]
    spans = [span for spans in per_source for span in spans]
    cities = {s.quote for s in spans if s.field == "city"}
    assert any("Islamabad" in q for q in cities) and any("Lahore" in q for q in cities)
    assert all(s.quote and s.end > s.start for s in spans)
    ((conflict,), none) = service.repository.conflicts_by_meetings([meeting_id, "unknown"])
    assert none == []
    assert (conflict.field, conflict.kept, conflict.other) == (
        "location.city",
        "Islamabad",
        "Lahore",
    )


def test_a_different_event_on_the_same_day_gets_its_own_id(seeded: Service, tmp_path: Path) -> None:
    text = _readout(
        tmp_path / "visit.json",
        text="BEIJING, July 16 -- Chinese Premier Li Keqiang met with Pakistani Prime "
        "Minister Imran Khan in Beijing on Friday.",
        published="2021-07-16",
    )
    report = ingest_paths(seeded.engine, [text])
    assert report.new == ["2021-07-16-li-keqiang-imran-khan-meeting"]
    call = seeded.repository.get_meeting("2021-07-16-li-keqiang-imran-khan")
    assert call.kind == "phone_call" and len(call.sources) == 2


def test_the_publisher_is_read_from_the_agency_credit(service: Service, tmp_path: Path) -> None:
    text = _readout(
        tmp_path / "credit.json",
        text="ISLAMABAD, May 17 (APP): Pakistani Prime Minister Shehbaz Sharif met "
        "Uzbek President Shavkat Mirziyoyev here on Friday.",
        published="2024-05-17",
    )
    report = ingest_paths(service.engine, [text])
    meeting = service.repository.get_meeting(report.new[0])
    assert [s.publisher for s in meeting.sources] == ["Associated Press of Pakistan"]


def test_the_publisher_falls_back_to_the_url_domain(service: Service, tmp_path: Path) -> None:
    text = _readout(
        tmp_path / "page.json",
        text="Pakistani Prime Minister Shehbaz Sharif met Uzbek President Shavkat "
        "Mirziyoyev in Islamabad on Friday.",
        published="2024-05-17",
        url="https://www.example-news.pk/story/1",
    )
    report = ingest_paths(service.engine, [text])
    meeting = service.repository.get_meeting(report.new[0])
    assert [s.publisher for s in meeting.sources] == ["example-news.pk"]


def test_new_people_get_a_surname_alias_unless_someone_shares_it(
    seeded: Service, tmp_path: Path
) -> None:
    text = _readout(
        tmp_path / "talks.json",
        text="BEIJING, May 17 -- Chinese Premier Li Qiang held talks with Pakistani "
        "Prime Minister Shehbaz Sharif in Beijing on Friday.",
        published="2024-05-17",
    )
    ingest_paths(seeded.engine, [text])
    assert seeded.repository.get_person("Shehbaz Sharif").aliases == ["Sharif"]
    assert seeded.repository.get_person("Li Qiang").aliases == []  # Li Keqiang is 'Li'
