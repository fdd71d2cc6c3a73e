"""Exports of 100k meetings: time and peak memory per format, beside floors.

Each export runs in a fresh subprocess, which reports its wall time and how far its peak
RSS (VmHWM) rose above its RSS once the imports and the database were ready. The floors
read the same rows (the export's order, no retracted meeting) from the same SQLite file
with `sqlite3`, one statement per table for the whole export merged by meeting id, and
write the same cells: xlsxwriter in constant_memory mode for xlsx (the same sheets and
columns), the csv module for csv, orjson for json and ndjson. The csv, json and ndjson
floors write our file byte for byte, and every run checks that they do. Targets: xlsx within 1.2x of its floor, csv, json and ndjson within 1.5x; every
format grows peak RSS by less than 100 MB.

Run: `python benchmarks/export.py` (100k meetings) or `--quick` (5k).
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from benchmarks.common import Row, prepare_database, print_table, proc_status, scale

FORMATS = ("xlsx", "csv", "json", "ndjson", "datapackage")
FLOORS = {"xlsx": "xlsxwriter", "csv": "csv module", "json": "orjson", "ndjson": "orjson"}
REPEATS = {"csv": 3, "json": 3, "ndjson": 3}
"""Runs of the formats whose floors take under a second (best of them; tiny sizes: one)."""
SAME_BYTES = ("csv", "json", "ndjson")
"""The formats whose floor writes exactly our file (checked in every run)."""
TIME_TARGETS = {"xlsx": 1.2, "csv": 1.5, "json": 1.5, "ndjson": 1.5}
RSS_TARGET_MB = 100.0
READS = {
    "models": "iter_meetings alone: what the xlsx and datapackage exports read",
    "rows": "api.storage.export_rows alone: what the csv, json and ndjson exports read",
}
ROOT = Path(__file__).resolve().parent.parent


# -- ours -----------------------------------------------------------------------------------


def _ours(fmt: str, url: str, target: str) -> None:
    import api
    from api.cli_export import write_output
    from api.config import Settings
    from api.filters import MeetingFilter
    from api.service import open_service
    from exporters.base import ExportContext
    from exporters.registry import ExporterRegistry

    service = open_service(Settings(database_url=url), migrate=False)
    exporter = ExporterRegistry(entry_points=False).get(fmt)
    context = ExportContext(version=api.__version__, topics=service.vocabulary())
    meetings = service.repository.iter_for_export(exporter.reads, MeetingFilter(synthetic="any"))
    _measure(
        lambda: write_output(target, exporter.stream(meetings, exporter.default_options(), context))
    )


def _read(reads: str, url: str, target: str) -> None:
    """Only read the meetings from the repository (`reads`: as models or as rows), to show
    what the exports add to it."""
    from api.config import Settings
    from api.filters import MeetingFilter
    from api.service import open_service

    service = open_service(Settings(database_url=url), migrate=False)
    meetings = service.repository.iter_for_export(reads, MeetingFilter(synthetic="any"))
    Path(target).touch()
    _measure(lambda: sum(1 for _ in meetings))


# -- floors ---------------------------------------------------------------------------------


def _floor(fmt: str, url: str, target: str) -> None:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    writers = {"xlsx": _floor_xlsx, "csv": _floor_csv, "json": _floor_json, "ndjson": _floor_ndjson}
    _measure(lambda: writers[fmt](connection, target))


def _children(
    connection: sqlite3.Connection, query: str
) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    """Rows of `query` (meeting_id first, in the export's meeting order) grouped by meeting."""
    current: str | None = None
    group: list[tuple[Any, ...]] = []
    for row in connection.execute(query):
        if row[0] != current:
            if current is not None:
                yield current, group
            current, group = row[0], []
        group.append(row)
    if current is not None:
        yield current, group


# The export's order (newest first, then id: `MeetingOrder.DATE_DESC`), its rows (no
# retracted meeting), and each child table in that order, read by one statement each for
# the whole export and merged by meeting id.
_LIVE = "m.retracted_at IS NULL"
_ORDER = "m.date DESC, m.id DESC"
_QUERIES = {
    "participants": "SELECT p.meeting_id, p.person_id, n.name, p.country_code, p.title, p.role, "
    "p.capacity FROM meetings m JOIN participants p ON p.meeting_id = m.id "
    f"JOIN people n ON n.id = p.person_id WHERE {_LIVE} ORDER BY {_ORDER}, p.seq",
    "topics": "SELECT t.meeting_id, t.topic_id FROM meetings m JOIN meeting_topics t "
    f"ON t.meeting_id = m.id WHERE {_LIVE} ORDER BY {_ORDER}, t.seq",
    "statements": "SELECT s.meeting_id, s.speaker_id, n.name, s.text, s.source_id FROM meetings m "
    "JOIN statements s ON s.meeting_id = m.id JOIN people n ON n.id = s.speaker_id "
    f"WHERE {_LIVE} ORDER BY {_ORDER}, s.seq",
    "outcomes": "SELECT o.meeting_id, o.kind, o.text, o.name, o.date FROM meetings m "
    f"JOIN outcomes o ON o.meeting_id = m.id WHERE {_LIVE} ORDER BY {_ORDER}, o.seq",
    "sources": "SELECT s.meeting_id, s.id, s.publisher, s.headline, s.url, s.published, "
    "s.language, s.document FROM meetings m JOIN sources s ON s.meeting_id = m.id "
    f"WHERE {_LIVE} ORDER BY {_ORDER}, s.seq",
}


def _nested(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Meetings as nested dicts shaped like the JSON export, in its order, by a merge
    join on meeting id."""
    streams = {name: _children(connection, query) for name, query in _QUERIES.items()}
    heads: dict[str, tuple[str, list[tuple[Any, ...]]] | None] = {
        name: next(stream, None) for name, stream in streams.items()
    }
    meetings = connection.execute(
        "SELECT id, date, date_precision, time_of_day, kind, setting, city, country_code, venue, "
        f"occasion, initiated_by, summary, synthetic FROM meetings m WHERE {_LIVE} "
        f"ORDER BY {_ORDER}"
    )
    for m in meetings:
        parts: dict[str, list[tuple[Any, ...]]] = {}
        for name in _QUERIES:
            head = heads[name]
            if head is not None and head[0] == m[0]:
                parts[name] = head[1]
                heads[name] = next(streams[name], None)
            else:
                parts[name] = []
        yield {
            "id": m[0],
            "date": m[1],
            "date_precision": m[2],
            "time_of_day": m[3],
            "kind": m[4],
            "setting": m[5],
            "location": {"city": m[6], "country_code": m[7], "venue": m[8]},
            "occasion": m[9],
            "initiated_by": m[10],
            "participants": [
                {
                    "person": {"id": r[1], "name": r[2]},
                    "country_code": r[3],
                    "title": r[4],
                    "role": r[5],
                    "capacity": r[6],
                }
                for r in parts["participants"]
            ],
            "topics": [r[1] for r in parts["topics"]],
            "statements": [
                {"speaker": {"id": r[1], "name": r[2]}, "text": r[3], "source": r[4]}
                for r in parts["statements"]
            ],
            "outcomes": [
                {"kind": r[1], "text": r[2], "name": r[3], "date": r[4]} for r in parts["outcomes"]
            ],
            "summary": m[11],
            "sources": [
                {
                    "id": r[1],
                    "publisher": r[2],
                    "headline": r[3],
                    "url": r[4],
                    "published": r[5],
                    "language": r[6],
                    "document": r[7],
                }
                for r in parts["sources"]
            ],
            "synthetic": bool(m[12]),
        }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _people(participants: list[dict[str, Any]]) -> str:
    return "; ".join(
        f"{p['person']['name'] or p['person']['id']} ({p['country_code']})" for p in participants
    )


def _meeting_cells(meeting: dict[str, Any], labels: dict[str, str] | None) -> list[Any]:
    """The cells of the meeting's row in the Meetings table (labelled with `labels`),
    dates as text."""
    principals = [p for p in meeting["participants"] if p["role"] == "principal"]
    attendees = [p for p in meeting["participants"] if p["role"] == "attendee"]
    place = meeting["location"]
    kind, setting, topics = meeting["kind"], meeting["setting"], meeting["topics"]
    cells = [meeting["id"], meeting["date"], meeting["date_precision"], meeting["time_of_day"]]
    cells += [kind, _label(kind), setting, _label(setting)] if labels else [kind, setting]
    cells += [
        place["city"],
        place["country_code"],
        place["venue"],
        meeting["occasion"],
        meeting["initiated_by"],
        _people(principals),
        _people(attendees) or None,
        "; ".join(dict.fromkeys(p["country_code"] for p in principals)),
        "; ".join(topics),
    ]
    if labels is not None:
        cells.append("; ".join(labels.get(topic, topic) for topic in topics))
    cells += [meeting["summary"], len(meeting["sources"]), meeting["synthetic"]]
    return cells


def _label(code: str) -> str:
    return code.replace("_", " ").capitalize()


def _tables(meeting: dict[str, Any], labels: dict[str, str]) -> dict[str, list[list[Any]]]:
    """The same cells as the labelled tables of `exporters.tables`, from a nested dict."""
    mid = meeting["id"]
    head = _meeting_cells(meeting, labels)
    head[1] = _date(head[1])
    return {
        "meetings": [head],
        "participants": [
            [
                mid,
                n,
                p["person"]["id"],
                p["person"]["name"],
                p["country_code"],
                p["title"],
                p["role"],
                p["capacity"],
            ]
            for n, p in enumerate(meeting["participants"], 1)
        ],
        "statements": [
            [mid, n, s["speaker"]["id"], s["speaker"]["name"], s["text"], s["source"]]
            for n, s in enumerate(meeting["statements"], 1)
        ],
        "outcomes": [
            [mid, n, o["kind"], o["text"], o["name"], _date(o["date"])]
            for n, o in enumerate(meeting["outcomes"], 1)
        ],
        "sources": [
            [
                s["id"],
                mid,
                n,
                s["publisher"],
                s["headline"],
                s["url"],
                _date(s["published"]),
                s["language"],
                s["document"],
            ]
            for n, s in enumerate(meeting["sources"], 1)
        ],
        "topics": [
            [mid, n, topic, labels.get(topic, topic)]
            for n, topic in enumerate(meeting["topics"], 1)
        ],
    }


def _topic_labels(connection: sqlite3.Connection) -> dict[str, str]:
    return dict(connection.execute("SELECT id, label FROM topics").fetchall())


def _floor_xlsx(connection: sqlite3.Connection, target: str) -> None:
    import xlsxwriter

    from exporters.tables import tables

    labels = _topic_labels(connection)
    book = xlsxwriter.Workbook(target, {"constant_memory": True})
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    bold = book.add_format({"bold": True})
    sheets = {}
    for table in tables(labelled=True):
        sheet = book.add_worksheet(table.title)
        sheet.write_row(0, 0, table.header, bold)
        sheet.freeze_panes(1, 0)
        sheets[table.name] = [sheet, 1, len(table.columns)]
    for meeting in _nested(connection):
        for name, rows in _tables(meeting, labels).items():
            entry = sheets[name]
            sheet, number, _ = entry
            for row in rows:
                for column, value in enumerate(row):
                    if isinstance(value, dt.date):
                        sheet.write_datetime(number, column, value, dates)
                    elif isinstance(value, str):
                        sheet.write_string(number, column, value)
                    elif value is not None:
                        sheet.write(number, column, value)
                number += 1
            entry[1] = number
    for sheet, number, columns in sheets.values():
        sheet.autofilter(0, 0, number - 1, columns - 1)
    book.close()


def _floor_csv(connection: sqlite3.Connection, target: str) -> None:
    """The Meetings table as the csv export writes it by default: booleans as true/false,
    a row holding text a spreadsheet could run as a formula prefixed and quoted whole."""
    from exporters.cells import csv_needs_guard, csv_row_may_need_guard
    from exporters.tables import MEETINGS

    with open(target, "w", newline="", encoding="utf-8") as file:
        plain = csv.writer(file, lineterminator="\r\n")
        quoted = csv.writer(file, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        plain.writerow(MEETINGS.header)
        for meeting in _nested(connection):
            row = _meeting_cells(meeting, None)
            row[-1] = "true" if row[-1] else "false"
            writer = plain
            if csv_row_may_need_guard(v for v in row if type(v) is str):
                for index, value in enumerate(row):
                    if isinstance(value, str) and csv_needs_guard(value):
                        row[index], writer = "'" + value, quoted
            writer.writerow(row)


def _floor_json(connection: sqlite3.Connection, target: str) -> None:
    with open(target, "wb") as file:
        file.write(b'{"data":[')
        for number, meeting in enumerate(_nested(connection)):
            file.write((b"," if number else b"") + orjson.dumps(meeting))
        file.write(b"]}\n")


def _floor_ndjson(connection: sqlite3.Connection, target: str) -> None:
    with open(target, "wb") as file:
        for meeting in _nested(connection):
            file.write(orjson.dumps(meeting) + b"\n")


# -- measuring ------------------------------------------------------------------------------


def _measure(action: Any) -> None:
    """Run `action`; print its seconds and peak RSS growth (MB) as JSON on stdout."""
    gc.freeze()  # as the `readouts` command does after start-up
    baseline = proc_status("VmRSS")
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    growth = proc_status("VmHWM") - baseline
    print(json.dumps({"seconds": seconds, "rss_growth_mb": growth}))


def _child(kind: str, fmt: str, url: str, target: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, fmt, url, target],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if result.returncode != 0:
        raise RuntimeError(f"{kind} {fmt} failed:\n{result.stderr}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["mb"] = Path(target).stat().st_size / 1e6
    return figures


def _runs(
    fmt: str, url: str, directory: str, with_floor: bool, runs: int
) -> tuple[dict[str, float], dict[str, float] | None]:
    """Our export and the floor's, `runs` times in turn (both see the same load): the
    fastest run of each, and the largest RSS growth of each."""
    ours: list[dict[str, float]] = []
    floors: list[dict[str, float]] = []
    for _ in range(runs):
        ours.append(_child("ours", fmt, url, str(Path(directory) / f"ours.{fmt}")))
        if with_floor:
            floors.append(_child("floor", fmt, url, str(Path(directory) / f"floor.{fmt}")))
    return _best(ours), _best(floors) if floors else None


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {
        "seconds": min(run["seconds"] for run in runs),
        "rss_growth_mb": max(run["rss_growth_mb"] for run in runs),
        "mb": runs[-1]["mb"],
    }


def _same_file(directory: str, fmt: str) -> bool:
    """True when our export and the floor's are the same bytes (the floor does our job)."""
    return (Path(directory) / f"ours.{fmt}").read_bytes() == (
        Path(directory) / f"floor.{fmt}"
    ).read_bytes()


def main(quick: bool = False) -> list[dict[str, Any]]:
    """Export every format from a database of 100k meetings (5k quick); print the table."""
    size = scale(quick)
    url = prepare_database(size.meetings)
    meetings = size.meetings + 4
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as directory:
        for fmt in FORMATS:
            floor_name = FLOORS.get(fmt)
            runs = 1 if size.meetings < 1_000 else REPEATS.get(fmt, 1)
            ours, floor = _runs(fmt, url, directory, floor_name is not None, runs)
            target = TIME_TARGETS.get(fmt, 0.0)
            note = f"{meetings:,} meetings, {ours['mb']:.1f} MB file"
            if runs > 1:
                note += f"; best of {runs} runs, ours and the floor's in turn"
            if floor is not None:
                note += f"; floor file {floor['mb']:.1f} MB"
            if fmt in SAME_BYTES:
                same = _same_file(directory, fmt)
                note += "; same bytes as the floor's" if same else "; NOT the floor's bytes"
                rows.append(
                    Row(
                        benchmark=f"export {fmt}",
                        figure="same file as the floor",
                        value=float(same),
                        unit="",
                        baseline_name=floor_name or "",
                        baseline=1.0,
                        target="byte for byte",
                        met=same,
                    )
                )
            rows.append(
                Row(
                    benchmark=f"export {fmt}",
                    figure="seconds",
                    value=ours["seconds"],
                    unit="s",
                    baseline_name=floor_name or "(no floor)",
                    baseline=floor["seconds"] if floor else 0.0,
                    target=f"<= {target}x floor" if floor else "-",
                    met=floor is None or ours["seconds"] <= target * floor["seconds"],
                    note=note,
                )
            )
            rows.append(
                Row(
                    benchmark=f"export {fmt}",
                    figure="peak RSS growth",
                    value=ours["rss_growth_mb"],
                    unit="MB",
                    baseline_name=floor_name or "(no floor)",
                    baseline=floor["rss_growth_mb"] if floor else 0.0,
                    target=f"< {RSS_TARGET_MB:.0f} MB",
                    met=ours["rss_growth_mb"] < RSS_TARGET_MB,
                )
            )
        reads = {kind: _child("read", kind, url, str(Path(directory) / kind)) for kind in READS}
    for kind, read in reads.items():
        rows.append(
            Row(
                benchmark="repository read only",
                figure=f"seconds, as {kind}",
                value=read["seconds"],
                unit="s",
                baseline_name="csv floor",
                baseline=next(
                    r.baseline
                    for r in rows
                    if r.benchmark == "export csv" and r.figure == "seconds"
                ),
                target="-",
                met=True,
                note=READS[kind],
            )
        )
    print_table(rows)
    return [row.to_json() for row in rows]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--child"]:
        kind, fmt, url, target = arguments[1:5]
        {"ours": _ours, "floor": _floor, "read": _read}[kind](fmt, url, target)
    else:
        main(quick="--quick" in arguments)
