"""A database on a read-only mount: reads, exports and serving work; writes say why not.

The folder of a seeded SQLite file is bind-mounted read-only in a mount namespace of its
own (`unshare -m`, util-linux), so not even root can write it, as on a read-only volume.
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reliability.conftest import Server, free_port, wait_until_up

pytestmark = pytest.mark.reliability

READ_ONLY = "the database {} is read-only"


def _namespaces() -> None:
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        message = f"unshare -m is not permitted here: {probe.stderr.decode().strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _env(data: Path) -> dict[str, str]:
    env = {**os.environ, "READOUTS_DATA_DIR": str(data), "READOUTS_LOAD_PLUGINS": "false"}
    env.pop("READOUTS_DATABASE_URL", None)
    return env


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "api", *args]
    return subprocess.run(
        command, env=_env(data), cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def _read_only(data: Path, command: list[str]) -> list[str]:
    """`command` run with `data` mounted read-only (the mount lives as long as it does)."""
    folder = shlex.quote(str(data))
    mount = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"
    return ["unshare", "-m", "sh", "-c", f"{mount} && exec {shlex.join(command)}"]


def _run_read_only(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = _read_only(data, [sys.executable, "-m", "api", *args])
    return subprocess.run(
        command, env=_env(data), cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    _namespaces()
    data = tmp_path / "data"
    assert _cli(data, "load").returncode == 0
    return data


def _snapshot(data: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(data.iterdir())}


def test_export_and_info_read_a_read_only_database(seeded: Path, tmp_path: Path) -> None:
    before = _snapshot(seeded)
    out = tmp_path / "meetings.json"
    exported = _run_read_only(seeded, "export", "-f", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(out.read_text())["data"]) == 4
    info = _run_read_only(seeded, "info")
    assert info.returncode == 0, info.stderr
    assert "meetings 4" in info.stdout
    assert _snapshot(seeded) == before


def test_a_write_to_a_read_only_database_is_one_line_naming_the_file(seeded: Path) -> None:
    before = _snapshot(seeded)
    for args in (["load"], ["ingest", str(ROOT / "tests" / "seeds" / "texts")]):
        result = _run_read_only(seeded, *args)
        assert result.returncode == 1, (args, result.stderr)
        message = result.stderr.strip().splitlines()[-1]
        assert message.startswith("error: " + READ_ONLY.format(seeded / "readouts.sqlite3"))
        assert "Traceback" not in result.stderr
    assert _snapshot(seeded) == before


def _write(data: Path, statement: str, close: bool = True) -> sqlite3.Connection:
    connection = sqlite3.connect(data / "readouts.sqlite3")
    connection.execute(statement)
    connection.commit()
    if close:
        connection.close()  # the last connection merges the WAL into the file
    return connection


def test_a_read_only_database_that_needs_migrating_says_how(seeded: Path) -> None:
    _write(seeded, "UPDATE alembic_version SET version_num = '0006'")
    result = _run_read_only(seeded, "export", "-f", "csv", "-o", "-")
    assert result.returncode == 1
    message = result.stderr.strip().splitlines()[-1]
    assert "is read-only and its schema is at 0006" in message
    assert "open it once with write access" in message


def test_writes_left_in_the_wal_are_not_silently_ignored(seeded: Path) -> None:
    held = _write(seeded, "UPDATE meetings SET summary = 'changed'", close=False)
    try:
        assert (seeded / "readouts.sqlite3-wal").stat().st_size > 0
        result = _run_read_only(seeded, "export", "-f", "csv", "-o", "-")
    finally:
        held.close()
    assert result.returncode == 1
    message = result.stderr.strip().splitlines()[-1]
    assert "holds writes not yet merged into it (readouts.sqlite3-wal)" in message


def test_serve_reads_a_read_only_database_and_refuses_writes(seeded: Path, tmp_path: Path) -> None:
    token = _cli(seeded, "tokens", "create", "--name", "pipeline", "--scope", "ingest")
    assert token.returncode == 0, token.stderr
    secret = token.stdout.strip().splitlines()[-1].strip()
    port = free_port()
    command = _read_only(seeded, [sys.executable, "-m", "api", "serve", "--port", str(port)])
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(command, env=_env(seeded), cwd=ROOT, stdout=sink, stderr=sink)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(Server("127.0.0.1", port, log, server.pid), server)
        with urllib.request.urlopen(f"{base}/api/v1/meetings", timeout=30) as response:
            assert len(json.load(response)["data"]) == 4
        request = urllib.request.Request(
            f"{base}/api/v1/readouts",
            data=json.dumps({"text": "A text.", "published": "2024-01-02"}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {secret}"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 503
        problem = json.load(refused.value)
        assert problem["type"] == "/problems/read-only"
        assert "readouts.sqlite3 is read-only" in problem["detail"]
    finally:
        server.terminate()
        server.wait(timeout=20)
    logged = log.read_text(errors="replace")
    assert "Database read-only (503 read-only): " in logged and "internal error" not in logged
