"""Writers under concurrency and sudden death, on SQLite and PostgreSQL.

- Two ingests started together with overlapping texts: no error, each text stored once,
  no duplicate meeting, and the loser's differing value kept as a conflict.
- Readers during an ingest see the database before or after it, never an error.
- `readouts load` and `readouts ingest` killed with SIGKILL at random moments leave the
  database exactly as before or exactly as after (SQLite's `integrity_check` passes), and
  running the command again reaches exactly the after state.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from api.filters import MeetingFilter
from api.ingest import ingest_paths
from api.service import Service
from api.storage import tables as t
from api.vocabulary import SEEDS_DIR
from tests.conftest import ROOT
from tests.reliability.conftest import TEXTS

pytestmark = pytest.mark.reliability

MEETING = "2023-05-05-arif-alvi-qin-gang"
KILLS = 3  # per command and engine; the moments are random, the outcomes are all checked


def _variants(tmp_path: Path) -> tuple[Path, Path]:
    """Two directories with all five seed texts, plus one report each of the same
    meeting: one names another city, the other adds a venue."""
    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    runs = []
    for name, text in (
        ("a", original.replace("in Islamabad", "in Lahore")),
        ("b", original.replace("in Islamabad.", "at the Aiwan-e-Sadr in Islamabad.")),
    ):
        directory = tmp_path / name
        shutil.copytree(TEXTS, directory)
        (directory / f"zz-{name}.txt").write_text(text)
        runs.append(directory)
    return runs[0], runs[1]


def test_concurrent_ingests_merge_and_keep_the_losers_value(
    service: Service, tmp_path: Path
) -> None:
    first, second = _variants(tmp_path)
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(directory: Path) -> None:
        start.wait()
        try:
            ingest_paths(service.engine, [directory])
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(d,)) for d in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    counts = service.repository.table_counts()
    assert counts["meetings"] == 4 and counts["source_texts"] == 7
    meeting = service.repository.get_meeting(MEETING)
    assert meeting.location.city == "Islamabad" and meeting.location.venue == "Aiwan-e-Sadr"
    with service.engine.connect() as connection:
        kept = connection.execute(
            sa.select(t.conflicts.c.field, t.conflicts.c.other, t.conflicts.c.seq)
        ).all()
    assert [tuple(row) for row in kept] == [("location.city", "Lahore", 0)]


def test_readers_during_an_ingest_see_before_or_after(service: Service, tmp_path: Path) -> None:
    stop = threading.Event()
    seen: set[int] = set()
    errors: list[BaseException] = []

    def read() -> None:
        while not stop.is_set():
            try:
                meetings = list(service.repository.iter_meetings(MeetingFilter()))
                seen.add(len(meetings))
                service.repository.stats(MeetingFilter())
            except BaseException as error:
                errors.append(error)
                return

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        ingest_paths(service.engine, [TEXTS])
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
    assert errors == []
    assert seen <= {0, 4} and seen


def _state(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in t.metadata.tables.items()
            if name != "alembic_version"
        }


def _command(settings_url: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "READOUTS_DATABASE_URL": settings_url, "READOUTS_LOAD_SEEDS": "false"}
    return subprocess.Popen(
        [sys.executable, "-m", "api", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _finish(process: subprocess.Popen[bytes]) -> None:
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr.decode(errors="replace")


@pytest.mark.parametrize("args", [("load", str(SEEDS_DIR)), ("ingest", str(TEXTS))])
def test_a_killed_writer_leaves_before_or_after(
    service: Service, database_url: str, args: tuple[str, ...]
) -> None:
    engine = service.engine
    before = _state(engine)
    started = time.monotonic()
    _finish(_command(database_url, *args))
    duration = time.monotonic() - started
    after = _state(engine)
    assert after != before
    _reset(service)
    assert _state(engine) == before
    rng = random.Random()
    for _ in range(KILLS):
        delay = rng.uniform(0.2, duration)
        process = _command(database_url, *args)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        state = _state(engine)
        assert state in (before, after), f"killed after {delay:.2f} s: {state}"
        if engine.dialect.name == "sqlite":
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        _finish(_command(database_url, *args))
        assert _state(engine) == after, f"the rerun after a kill at {delay:.2f} s"
        _reset(service)


def _reset(service: Service) -> None:
    """Back to the migrated, empty database (countries and the data-version row stay:
    migrations put them there)."""
    with service.engine.begin() as connection:
        for table in reversed(t.metadata.sorted_tables):
            if table.name not in {"countries", "alembic_version", "data_version"}:
                connection.execute(table.delete())
