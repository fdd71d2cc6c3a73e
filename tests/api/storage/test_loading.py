"""Loading: idempotent upserts, and all-or-nothing failures that name file, record and field."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from api.errors import LoadError
from api.ingest import ingest_paths
from api.service import Service
from api.storage.loading import load_paths
from api.vocabulary import SEEDS_DIR


def _seed_meetings() -> list[dict[str, Any]]:
    meetings: list[dict[str, Any]] = json.loads((SEEDS_DIR / "meetings.json").read_text())[
        "meetings"
    ]
    return meetings


def _write(tmp_path: Path, name: str, document: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def test_second_load_reports_no_changes(service: Service) -> None:
    first = load_paths(service.engine, [SEEDS_DIR])
    assert first.added == {"topics": first.added["topics"], "people": 7, "meetings": 4}
    second = load_paths(service.engine, [SEEDS_DIR])
    assert second.changes == 0
    assert second.unchanged["meetings"] == 4


def test_changed_record_is_updated_in_place(seeded: Service, tmp_path: Path) -> None:
    meeting = _seed_meetings()[0]
    meeting["summary"] = "A corrected summary."
    meeting["topics"] = meeting["topics"][:1]
    report = load_paths(seeded.engine, [_write(tmp_path, "fix.json", {"meetings": [meeting]})])
    assert report.updated["meetings"] == 1 and report.changes == 1
    stored = seeded.repository.get_meeting(meeting["id"])
    assert stored.summary == "A corrected summary." and stored.topics == meeting["topics"]
    assert seeded.repository.table_counts()["meetings"] == 4


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        (
            lambda m: m["participants"][1].update(country_code="XX"),
            ["participants.1.country_code", "unknown country code 'XX'"],
        ),
        (lambda m: m.update(kind="phonecall"), ["kind", "phonecall", "'phone_call'"]),
        (
            lambda m: m.update(participants=m["participants"][:1]),
            ["at least two principals", "got 1 principal"],
        ),
        (
            lambda m: m["participants"][0]["person"].update(id="nobody-known"),
            ["participants.0.person.id", "unknown person 'nobody-known'"],
        ),
        (lambda m: m.update(topics=["weather"]), ["topics", "unknown topic 'weather'"]),
    ],
)
def test_bad_record_fails_naming_it_and_changes_nothing(
    seeded: Service, tmp_path: Path, change: Any, fragments: list[str]
) -> None:
    good, bad = _seed_meetings()[:2]
    good["summary"] = "This change must not land."
    change(bad)
    path = _write(tmp_path, "bad.json", {"meetings": [good, bad]})
    before = seeded.repository.table_counts()
    with pytest.raises(LoadError) as caught:
        load_paths(seeded.engine, [path])
    message = str(caught.value)
    for fragment in [str(path), repr(bad["id"]), *fragments]:
        assert fragment in message, message
    assert seeded.repository.table_counts() == before
    assert seeded.repository.get_meeting(good["id"]).summary != "This change must not land."


def test_new_meeting_in_a_failed_load_is_not_kept(service: Service, tmp_path: Path) -> None:
    meetings = _seed_meetings()
    meetings[-1]["kind"] = "tea"
    (tmp_path / "seeds").mkdir()
    for name in ("topics.json", "people.json"):
        (tmp_path / "seeds" / name).write_text((SEEDS_DIR / name).read_text())
    _write(tmp_path / "seeds", "meetings.json", {"meetings": meetings})
    with pytest.raises(LoadError, match="kind"):
        load_paths(service.engine, [tmp_path / "seeds"])
    assert service.repository.table_counts()["meetings"] == 0
    assert service.repository.table_counts()["people"] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected an object"),
        ('{"meeting": []}', "unknown key 'meeting'"),
        ('{"meetings": {}}', "expected a list"),
    ],
)
def test_malformed_files_are_named(
    service: Service, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    with pytest.raises(LoadError, match=message) as caught:
        load_paths(service.engine, [path])
    assert "broken.json" in str(caught.value)


def test_missing_path_is_named(service: Service, tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or directory"):
        load_paths(service.engine, [tmp_path / "absent"])


def test_a_source_cannot_belong_to_two_meetings(seeded: Service, tmp_path: Path) -> None:
    first, second = _seed_meetings()[:2]
    second["sources"] = [first["sources"][0]]
    second["statements"] = []
    path = _write(tmp_path, "dupe.json", {"meetings": [second]})
    with pytest.raises(LoadError, match="already belongs to stored meeting"):
        load_paths(seeded.engine, [path])


def test_loading_again_after_an_ingest_keeps_what_ingest_added(
    seeded: Service, tmp_path: Path
) -> None:
    texts = Path(__file__).resolve().parents[2] / "seeds" / "texts"
    other = tmp_path / "other-report.txt"
    other.write_text(
        (texts / "004_0e8f66fb4d9f0923.txt").read_text().replace("Islamabad", "Lahore")
    )
    ingest_paths(seeded.engine, [texts, other])
    before = seeded.repository.table_counts()
    assert load_paths(seeded.engine, [SEEDS_DIR]).changes == 0
    assert seeded.repository.table_counts() == before
    meeting = _seed_meetings()[3]
    meeting["summary"] = "A corrected summary."
    report = load_paths(seeded.engine, [_write(tmp_path, "fix.json", {"meetings": [meeting]})])
    assert report.updated["meetings"] == 1
    after = seeded.repository.table_counts()
    for table in ("sources", "source_texts", "source_evidence", "conflicts"):
        assert after[table] == before[table], table
    stored = seeded.repository.get_meeting(meeting["id"])
    assert stored.summary == "A corrected summary." and len(stored.sources) == 2


def _many(count: int, tag: str) -> dict[str, Any]:
    """A load file of `count` meetings shaped like a seed meeting, each with its own ids."""
    template = _seed_meetings()[0]
    meetings = []
    for n in range(count):
        meeting = json.loads(json.dumps(template))
        meeting["id"] = f"{template['id']}-{tag}-{n:05d}"
        meeting["summary"] = f"{template['summary']} (copy {n})"
        for source in meeting["sources"]:
            source["id"] = f"{source['id']}-{tag}-{n:05d}"
        for statement in meeting["statements"]:
            if statement.get("source"):
                statement["source"] = f"{statement['source']}-{tag}-{n:05d}"
        meetings.append(meeting)
    return {"meetings": meetings}


def _peak_loading(service: Service, path: Path) -> int:
    """The peak of memory Python allocated while loading `path` (tracemalloc)."""
    tracemalloc.start()
    try:
        report = load_paths(service.engine, [path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.added["meetings"] > 0
    return peak


def test_loading_streams_the_file_peak_memory_does_not_grow_with_its_size(
    seeded: Service, tmp_path: Path
) -> None:
    small = _write(tmp_path, "small.json", _many(600, "small"))
    large = _write(tmp_path, "large.json", _many(2400, "large"))
    assert large.stat().st_size > 3.9 * small.stat().st_size
    small_peak = _peak_loading(seeded, small)
    large_peak = _peak_loading(seeded, large)
    # Reading the whole file made the peak grow with it (about 4x here); a stream keeps it
    # at the chunk's size, with only the ids seen growing.
    assert large_peak < 1.6 * small_peak, (small_peak, large_peak)
    assert seeded.repository.table_counts()["meetings"] == 4 + 600 + 2400


def test_an_id_given_twice_names_both_records(seeded: Service, tmp_path: Path) -> None:
    first, second = _seed_meetings()[:2]
    path = _write(tmp_path, "twice.json", {"meetings": [first, second, first]})
    with pytest.raises(LoadError, match="here, meetings record #3, and also meetings record #1"):
        load_paths(seeded.engine, [path])
    other = _write(tmp_path, "other.json", {"meetings": [second]})
    once = _write(tmp_path, "once.json", {"meetings": [first, second]})
    with pytest.raises(LoadError, match=f"and also meetings record #2 of {once}"):
        load_paths(seeded.engine, [once, other])
