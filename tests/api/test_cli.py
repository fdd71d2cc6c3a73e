"""The `readouts` command, run as a user runs it: a real process on a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.vocabulary import SEEDS_DIR

READOUTS = str(Path(sys.executable).parent / "readouts")


def run(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    # A wide terminal: usage errors are boxed and wrapped at its width, long paths included.
    env = {**os.environ, "READOUTS_DATABASE_URL": database_url, "COLUMNS": "400"}
    return subprocess.run(
        [READOUTS, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def test_load_twice_reports_zero_changes(database_url: str) -> None:
    first = run(database_url, "load", str(SEEDS_DIR))
    assert first.returncode == 0, first.stderr
    assert "meetings: 4 added" in first.stdout
    second = run(database_url, "load")
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().endswith("0 changes")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("country_code", "XX", "unknown country code 'XX'"),
        ("kind", "phonecall", "phonecall"),
        ("role", "attendee", "at least two principals"),
    ],
)
def test_bad_record_exits_non_zero_with_a_message(
    database_url: str, tmp_path: Path, field: str, value: str, expected: str
) -> None:
    assert run(database_url, "load").returncode == 0
    meetings = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
    meeting = meetings[1]
    if field == "kind":
        meeting["kind"] = value
    else:
        meeting["participants"][1][field] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"meetings": [meeting]}))
    result = run(database_url, "load", str(bad))
    assert result.returncode == 1
    assert (
        expected in result.stderr and meeting["id"] in result.stderr and "bad.json" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert run(database_url, "load").stdout.strip().endswith("0 changes")


def test_synth_and_purge(database_url: str) -> None:
    assert run(database_url, "load").returncode == 0
    added = run(database_url, "synth", "--meetings", "500", "--seed", "1")
    assert added.returncode == 0, added.stderr
    assert "Added 500 synthetic meetings" in added.stdout
    purged = run(database_url, "synth", "--purge")
    assert "Removed 500 synthetic meetings" in purged.stdout
    assert run(database_url, "load").stdout.strip().endswith("0 changes")


def test_synth_needs_an_action(tmp_path: Path) -> None:
    result = run(f"sqlite:///{tmp_path / 'x.sqlite3'}", "synth")
    assert result.returncode == 2
    assert "--meetings N" in result.stderr


def test_schema_describes_load_files() -> None:
    result = run("sqlite://", "schema")
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) == {"topics", "people", "meetings"}
    kinds = schema["$defs"]["MeetingKind"]["enum"]
    assert kinds == ["phone_call", "video_call", "meeting"]


SEED_TEXTS = Path(__file__).resolve().parent.parent / "seeds" / "texts"


def test_extract_prints_the_corpus_format() -> None:
    result = run("sqlite://", "extract", str(SEED_TEXTS / "003_f565eaee0c20bcd1.txt"))
    assert result.returncode == 0, result.stderr
    (meeting,) = json.loads(result.stdout)["meetings"]
    assert set(meeting) == {
        "date",
        "kind",
        "setting",
        "city",
        "country_code",
        "venue",
        "occasion",
        "participants",
        "initiated_by",
    }
    assert (meeting["date"], meeting["city"], meeting["occasion"]) == (
        "2021-09-17",
        "Dushanbe",
        "SCO summit",
    )


def test_evaluate_prints_scores(tmp_path: Path) -> None:
    corpus = Path(__file__).resolve().parent / "extract" / "corpus"
    result = run("sqlite://", "evaluate", str(corpus), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["f1"] >= 0.95
    missing = run("sqlite://", "evaluate", str(tmp_path / "absent"))
    assert missing.returncode == 2 and "absent" in missing.stderr


def test_ingest_dry_run_then_real_then_again(database_url: str, tmp_path: Path) -> None:
    dry = run(database_url, "ingest", str(SEED_TEXTS), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("4 new, 1 merged, 0 conflicts, 0 skipped (dry run")
    real = run(database_url, "ingest", str(SEED_TEXTS))
    assert real.stdout.startswith("4 new, 1 merged")
    again = run(database_url, "ingest", str(SEED_TEXTS))
    assert again.stdout.startswith("0 new, 0 merged, 0 conflicts, 5 skipped")
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    failed = run(database_url, "ingest", str(bad))
    assert failed.returncode == 1 and "broken.json is not valid JSON" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_a_bad_setting_is_named_not_a_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "READOUTS_PORT": "abc",
        "READOUTS_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
    }
    result = subprocess.run(
        [READOUTS, "load"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 1 and "READOUTS_PORT='abc'" in result.stderr
    wrong = run("mysql://somewhere/db", "load")
    assert wrong.returncode == 1
    assert "READOUTS_DATABASE_URL='mysql://somewhere/db'" in wrong.stderr
    assert "Traceback" not in result.stderr + wrong.stderr


def test_an_empty_directory_is_named(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    loaded = run(f"sqlite:///{tmp_path / 'x.db'}", "load", str(tmp_path / "empty"))
    assert loaded.returncode == 1 and "no .json files" in loaded.stderr
    scored = run("sqlite://", "evaluate", str(tmp_path / "empty"))
    assert scored.returncode == 2 and "annotated readouts" in scored.stderr


def test_tokens_create_list_revoke(database_url: str) -> None:
    made = run(database_url, "tokens", "create", "--name", "newsroom", "--scope", "ingest")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("rdt_") and "not shown again" in made.stderr
    listed = run(database_url, "tokens", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["name"], row["scope"], row["revoked"]) == ("newsroom", "ingest", None)
    assert token not in listed.stdout
    assert run(database_url, "tokens", "revoke", "newsroom").returncode == 0
    again = run(database_url, "tokens", "revoke", "newsroom")
    assert again.returncode == 1 and "revoked already" in again.stderr
    bad = run(database_url, "tokens", "create", "--name", "x", "--scope", "root")
    assert bad.returncode == 1 and "unknown scope 'root'" in bad.stderr


_HEAVY = {"sqlalchemy", "alembic", "pydantic", "strawberry", "starlette", "rich", "orjson"}


def test_importing_the_cli_loads_no_heavy_module() -> None:
    # `readouts --help` pays only for what `import api.cli` loads: each command imports
    # the storage, models, extractor and console it needs when it runs.
    probe = "import sys, api.cli; print(' '.join({m.split('.')[0] for m in sys.modules}))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(result.stdout.split())
    assert {"api", "typer"} <= loaded
    assert loaded & _HEAVY == set()


def test_help_lists_every_command_without_a_database(tmp_path: Path) -> None:
    result = run(f"sqlite:///{tmp_path / 'absent.db'}", "--help")
    assert result.returncode == 0, result.stderr
    for command in ("serve", "load", "export", "extract", "ingest", "synth", "plugins"):
        assert command in result.stdout
    assert not (tmp_path / "absent.db").exists()
