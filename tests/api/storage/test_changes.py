"""The audit log and changes feed: every write path records its changes, in commit order."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import orjson
import sqlalchemy as sa

from api.filters import MeetingFilter, PageRequest
from api.ingest import ingest_paths
from api.models import Meeting
from api.service import Service
from api.storage import tables as t
from api.storage.loading import load_paths
from api.vocabulary import SEEDS_DIR

TEXTS = Path(__file__).resolve().parents[2] / "seeds" / "texts"


def _rows(service: Service) -> list[sa.Row[tuple[object, ...]]]:
    c = t.changes.c
    query = sa.select(c.seq, c.actor, c.action, c.meeting_id, c.before, c.after).order_by(c.seq)
    with service.engine.connect() as connection:
        return list(connection.execute(query))


def test_a_load_records_each_meeting_created_then_updated(service: Service, tmp_path: Path) -> None:
    load_paths(service.engine, [SEEDS_DIR])
    rows = _rows(service)
    stored = {m.id for m in service.repository.iter_meetings(MeetingFilter())}
    assert [r.seq for r in rows] == list(range(1, len(stored) + 1))
    assert {r.meeting_id for r in rows} == stored
    assert {(r.actor, r.action, r.before) for r in rows} == {("cli", "created", None)}
    load_paths(service.engine, [SEEDS_DIR])
    assert len(_rows(service)) == len(stored)  # an unchanged record is no change
    data = json.loads((SEEDS_DIR / "meetings.json").read_text())
    first = data["meetings"][0]
    first["summary"] = "A corrected summary."
    path = tmp_path / "fix.json"
    path.write_text(json.dumps({"meetings": [first]}))
    load_paths(service.engine, [path])
    last = _rows(service)[-1]
    assert (last.seq, last.action, last.meeting_id) == (len(stored) + 1, "updated", first["id"])
    assert Meeting.model_validate_json(str(last.after)).summary == "A corrected summary."
    assert Meeting.model_validate_json(str(last.before)).summary != "A corrected summary."


def test_an_ingest_records_created_and_merged_meetings_as_cli(service: Service) -> None:
    report = ingest_paths(service.engine, [TEXTS], dry_run=True)
    assert _rows(service) == []  # a dry run records nothing
    report = ingest_paths(service.engine, [TEXTS])
    rows = _rows(service)
    assert {r.actor for r in rows} == {"cli"}
    assert [r.meeting_id for r in rows if r.action == "created"] == report.new
    merged = [r for r in rows if r.action == "updated"]
    assert [r.meeting_id for r in merged] == [m.meeting_id for m in report.merged]
    for row in merged:
        before = Meeting.model_validate_json(str(row.before))
        after = Meeting.model_validate_json(str(row.after))
        assert len(after.sources) == len(before.sources) + 1


def test_the_feed_pages_in_commit_order(seeded: Service) -> None:
    total = len(_rows(seeded))
    seen: list[int] = []
    after = 0
    while page := seeded.repository.list_changes(after, 3):
        seen.extend(c.seq for c in page)
        after = page[-1].seq
    assert seen == list(range(1, total + 1))


def test_updated_since_selects_the_meetings_changed_since(seeded: Service, tmp_path: Path) -> None:
    everything = seeded.repository.list_meetings(MeetingFilter(), PageRequest(limit=100)).items
    since = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    none = MeetingFilter(updated_since=since)
    assert seeded.repository.count_meetings(none) == 0
    past = MeetingFilter.model_validate({"updated_since": "2000-01-01"})
    assert past.updated_since == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    assert seeded.repository.count_meetings(past) == len(everything)
    record = orjson.loads((SEEDS_DIR / "meetings.json").read_bytes())["meetings"][1]
    record["summary"] = "Changed later."
    with seeded.engine.begin() as connection:  # the earlier changes, back in time
        connection.execute(t.changes.update().values(at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)))
    path = tmp_path / "later.json"
    path.write_bytes(orjson.dumps({"meetings": [record]}))
    load_paths(seeded.engine, [path])
    recent = MeetingFilter.model_validate({"updated_since": "2021-01-01T00:00:00+00:00"})
    found = seeded.repository.list_meetings(recent, PageRequest()).items
    assert [m.id for m in found] == [record["id"]]


def test_an_update_records_the_meeting_as_stored_after(service: Service, tmp_path: Path) -> None:
    """A record lists only its own sources; the audit's `after` keeps those ingest added."""
    load_paths(service.engine, [SEEDS_DIR])
    other = tmp_path / "another-report.txt"
    other.write_text((TEXTS / "004_0e8f66fb4d9f0923.txt").read_text().replace("Qin", "Qin "))
    ingest_paths(service.engine, [other])
    record = next(
        m
        for m in json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
        if m["id"] == "2023-05-05-arif-alvi-qin-gang"
    )
    path = tmp_path / "fix.json"
    path.write_text(json.dumps({"meetings": [{**record, "summary": "Fixed."}]}))
    load_paths(service.engine, [path])
    last = _rows(service)[-1]
    after = Meeting.model_validate_json(str(last.after))
    assert after == service.repository.get_meeting(record["id"])
    assert len(after.sources) == len(record["sources"]) + 1
