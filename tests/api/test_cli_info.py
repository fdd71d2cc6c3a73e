"""Which database the `readouts` command uses, said on every run; `readouts info`; reading a
missing or empty database; `serve` on a port that is taken."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

READOUTS = str(Path(sys.executable).parent / "readouts")


def run(
    env: dict[str, str], *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [READOUTS, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def fresh_user(tmp_path: Path, **settings: str) -> dict[str, str]:
    """A user with no READOUTS_* setting but `settings`, and a data directory in tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READOUTS_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    return {**env, **settings}


def test_the_default_database_is_in_the_users_data_directory(tmp_path: Path) -> None:
    here = tmp_path / "here"
    here.mkdir()
    result = run(fresh_user(tmp_path), "load", cwd=here)
    assert result.returncode == 0, result.stderr
    database = tmp_path / "xdg" / "readouts" / "readouts.sqlite3"
    assert result.stderr.splitlines()[0] == f"database: {database}"
    assert database.is_file()
    assert list(here.iterdir()) == []


def test_data_dir_and_database_url_win(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen"
    result = run(fresh_user(tmp_path, READOUTS_DATA_DIR=str(chosen)), "load")
    assert result.stderr.splitlines()[0] == f"database: {chosen / 'readouts.sqlite3'}"
    url = f"sqlite:///{tmp_path / 'url.sqlite3'}"
    result = run(
        fresh_user(tmp_path, READOUTS_DATA_DIR=str(chosen), READOUTS_DATABASE_URL=url), "load"
    )
    assert result.stderr.splitlines()[0] == f"database: {tmp_path / 'url.sqlite3'}"
    assert not (tmp_path / "xdg").exists()


def test_a_database_password_is_never_printed(tmp_path: Path) -> None:
    url = "postgresql://someone:s3cret@127.0.0.1:1/nowhere"
    result = run(fresh_user(tmp_path, READOUTS_DATABASE_URL=url), "load")
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "database: postgresql+psycopg://someone:***@127.0.0.1:1/nowhere"
    )
    assert "s3cret" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "command",
    [("load",), ("synth", "--meetings", "1"), ("ingest", "--dry-run", "tests/seeds/texts")],
)
def test_every_command_on_a_database_names_it_first(tmp_path: Path, command: tuple[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    result = run(fresh_user(tmp_path), *command, cwd=root)
    assert result.returncode == 0, result.stderr
    database = tmp_path / "xdg" / "readouts" / "readouts.sqlite3"
    assert result.stderr.splitlines()[0] == f"database: {database}"


def test_export_from_a_missing_database_says_so_and_creates_nothing(tmp_path: Path) -> None:
    result = run(fresh_user(tmp_path), "export", "-f", "csv", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == 1
    database = tmp_path / "xdg" / "readouts" / "readouts.sqlite3"
    assert f"error: there is no database at {database} yet" in result.stderr
    assert "readouts load" in result.stderr
    assert not database.exists() and not (tmp_path / "out.csv").exists()


def test_export_from_an_empty_database_says_so_and_writes_nothing(tmp_path: Path) -> None:
    env = fresh_user(tmp_path, READOUTS_LOAD_SEEDS="false")
    empty = tmp_path / "empty.json"
    empty.write_text('{"meetings": []}')
    assert run(env, "load", str(empty)).returncode == 0  # the database exists, with no meeting
    result = run(env, "export", "-f", "csv", "-o", "out.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert "holds no meetings" in result.stderr and "readouts load" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_info_reports_database_counts_migrations_and_plugins(tmp_path: Path) -> None:
    env = fresh_user(tmp_path)
    missing = run(env, "info")
    assert missing.returncode == 0, missing.stderr
    assert "does not exist yet" in missing.stdout
    assert not (tmp_path / "xdg").exists()
    assert run(env, "load").returncode == 0
    result = run(env, "info")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"database: {tmp_path / 'xdg' / 'readouts' / 'readouts.sqlite3'}"
    versions = Path(__file__).resolve().parents[2] / "api/storage/migrations/versions"
    newest = sorted(versions.glob("0*.py"))[-1].name[:4]
    assert f"  migrations: {newest}" in lines
    assert any(line.startswith("  rows: meetings 4, people 7, sources 5") for line in lines)
    assert "plugins:" in lines
    assert any("xlsx" in line for line in lines[lines.index("plugins:") :])


def test_serve_on_a_busy_port_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(fresh_user(tmp_path), "serve", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: port {port} on 127.0.0.1 is already in use; choose another with --port "
        "(or READOUTS_PORT)"
    )
    assert not (tmp_path / "xdg").exists()
