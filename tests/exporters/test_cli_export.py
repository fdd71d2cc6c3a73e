"""`readouts export` as a user runs it, and the helpers of `api/cli_export.py`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from api.cli_export import option_pairs, selection_from_options, write_output
from api.errors import InvalidInput
from api.filters import MeetingFilter
from api.models import MeetingKind
from api.service import Service

READOUTS = str(Path(sys.executable).parent / "readouts")


def _run(url: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "READOUTS_DATABASE_URL": url, "READOUTS_LOAD_PLUGINS": "false"}
    return subprocess.run(
        [READOUTS, "export", *args], capture_output=True, env=env, timeout=300, cwd=cwd
    )


def test_export_xlsx_of_the_seeds(seeded: Service, database_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "m.xlsx"
    result = _run(database_url, "--format", "xlsx", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert b"Wrote 4 meetings" in result.stderr
    book = load_workbook(target)
    assert len(book.sheetnames) == 8
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert about["Source"].startswith("readouts export from ")
    assert "readouts.sqlite3" in about["Source"] or "postgresql" in about["Source"]
    codes = {row[2]: row[3] for row in book["Codes"].iter_rows(min_row=2, values_only=True)}
    assert codes["cpec"] == "China-Pakistan Economic Corridor"
    sheet = book["Meetings"]
    assert sheet.max_row == 5
    dates = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert all(isinstance(value, dt.datetime) for value in dates)
    assert {d.date() for d in dates} == {
        m.date for m in seeded.repository.iter_meetings(MeetingFilter())
    }
    assert [p.name for p in out.iterdir()] == ["m.xlsx"]


def test_export_to_stdout_with_filters_and_options(seeded: Service, database_url: str) -> None:
    result = _run(
        database_url,
        "-f",
        "csv",
        "-o",
        "-",
        "--kind",
        "phone_call",
        "--date-from",
        "2021-01-01",
        "--option",
        "table=participants",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode(), newline="")))
    calls = seeded.repository.iter_meetings(MeetingFilter(kind=[MeetingKind.PHONE_CALL]))
    assert {row["meeting_id"] for row in rows} == {m.id for m in calls}
    assert rows and list(rows[0])[:2] == ["meeting_id", "position"]


def test_default_file_name(seeded: Service, database_url: str, tmp_path: Path) -> None:
    result = _run(database_url, "-f", "datapackage", "--person", "Imran Khan", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "meetings-datapackage.zip").stat().st_size > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-f", "xlx"],
            "error: unknown format 'xlx'; available: csv, datapackage, json, ndjson, xlsx",
        ),
        (["-f", "csv", "--option", "table"], "error: --option 'table' is not key=value"),
        (["-f", "csv", "--option", "tabel=x"], "error: unknown option 'tabel' for format 'csv'"),
        (["--kind", "phonecall"], "error: --kind='phonecall': Input should be 'phone_call'"),
        (
            ["--date-from", "2024-02-30"],
            "error: --date-from='2024-02-30': Input should be a valid date",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    database_url: str, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = _run(database_url, *args, "-o", str(out / "file"))
    assert result.returncode == 1
    stderr = result.stderr.decode().strip()
    assert stderr.startswith(message) and "\n" not in stderr and "Traceback" not in stderr
    assert list(out.iterdir()) == []


def test_selection_from_options_builds_one_filter() -> None:
    selection = selection_from_options(
        {
            "date_from": "2021-01-01",
            "person": ["imran-khan", "Li Keqiang"],
            "country": ["pk"],
            "kind": None,
            "q": "CPEC",
        }
    )
    assert selection == MeetingFilter(
        date_from=dt.date(2021, 1, 1),
        person=["imran-khan", "Li Keqiang"],
        country=["PK"],
        q="CPEC",
    )
    assert selection_from_options({}) == MeetingFilter()
    with pytest.raises(InvalidInput, match="date_from 2022-01-01 is after date_to 2021-01-01"):
        selection_from_options({"date_from": "2022-01-01", "date_to": "2021-01-01"})


def test_option_pairs() -> None:
    assert option_pairs(["table=sources", "excel = true", "title=a=b"]) == {
        "table": "sources",
        "excel": "true",
        "title": "a=b",
    }
    with pytest.raises(InvalidInput, match="'=x' is not key=value"):
        option_pairs(["=x"])


def test_a_failed_export_leaves_the_old_file_and_no_trace(tmp_path: Path) -> None:
    target = tmp_path / "meetings.csv"
    target.write_bytes(b"old")

    def failing() -> Iterator[bytes]:
        yield b"new, half"
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_output(str(target), failing())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.csv"]
    assert write_output(str(target), iter([b"new", b"!"])) == 4
    assert target.read_bytes() == b"new!"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_output_into_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        write_output(str(tmp_path / "nope" / "m.csv"), iter([b"x"]))
