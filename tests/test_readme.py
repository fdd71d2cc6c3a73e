"""The README's two commands and the Docker wiring, checked as a newcomer would use them."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import yaml

from tests.servers import free_port, get_when_up

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
READOUTS = str(Path(sys.executable).parent / "readouts")


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README, flags=re.S)


def test_readme_test_command_is_what_ci_runs() -> None:
    test_command = _commands()[1]
    assert test_command.endswith("python -m pytest -n 2")
    assert test_command in (ROOT / ".ci" / "run").read_text()


def test_readme_serve_command_serves_the_seeds(tmp_path: Path) -> None:
    """The quick start installs the package itself, not an editable checkout
    (tests/test_package.py serves from such an install), and serves from any directory,
    with the database in the user's data directory."""
    serve_command = _commands()[0]
    assert serve_command.endswith(".venv/bin/readouts serve")
    assert ".venv/bin/pip install -q . &&" in serve_command and " -e " not in serve_command
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("READOUTS_")}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    here = tmp_path / "here"
    here.mkdir()
    process = subprocess.Popen(
        [READOUTS, "serve", "--port", str(port)],
        cwd=here,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        body = get_when_up(f"http://127.0.0.1:{port}/healthz")
        assert body == b'{"status":"ok"}'
        assert b'"ok"' in get_when_up(f"http://127.0.0.1:{port}/readyz")
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert list(here.iterdir()) == []
    database = sqlite3.connect(tmp_path / "xdg" / "readouts" / "readouts.sqlite3")
    counts = [
        database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("meetings", "sources", "people")
    ]
    database.close()
    assert counts == [4, 5, 7]


def test_compose_wires_the_api_to_postgres() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    api, postgres = compose["services"]["api"], compose["services"]["postgres"]
    url = api["environment"]["READOUTS_DATABASE_URL"]
    env = postgres["environment"]
    assert url == (
        f"postgresql://{env['POSTGRES_USER']}:{env['POSTGRES_PASSWORD']}"
        f"@postgres:5432/{env['POSTGRES_DB']}"
    )
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "healthcheck" in api and "healthcheck" in postgres
    assert any(v.endswith(":/data") for v in api["volumes"])
    assert set(compose["volumes"]) >= {v.split(":")[0] for v in api["volumes"]}
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["readouts", "serve", "--host", "0.0.0.0"' in dockerfile
    for line in re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, flags=re.M):
        for path in line.split():
            assert (ROOT / path).exists(), path
    build, runtime = re.split(r"^FROM ", dockerfile, flags=re.M)[1:]
    # The first stage builds the wheel with npm at hand (for the build hook) ...
    assert build.startswith("python:3.11-slim AS wheel\n")
    assert "/usr/local/bin/npm" in build and "RUN pip wheel" in build
    assert "hatch_build.py" in build
    # ... and the image runs only that wheel: no source tree, no editable install, no npm.
    assert "COPY --from=wheel /dist /dist" in runtime
    assert re.search(r"RUN pip install --no-cache-dir /dist/\*\.whl", runtime)
    assert not re.search(r"^COPY (?!--from)", runtime, flags=re.M)
    assert " -e " not in dockerfile and "npm" not in runtime


def test_readme_extract_example_runs() -> None:
    (command,) = [c for c in _commands() if "readouts extract" in c]
    args = command.split()[2:]
    result = subprocess.run(
        [READOUTS, "extract", *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert '"occasion": "SCO summit"' in result.stdout


def test_readme_ingest_example_output_is_what_ingest_prints(tmp_path: Path) -> None:
    block = re.search(r"```text\n\$ readouts ingest (\S+)\n(.+?)\n```", README, flags=re.S)
    assert block is not None
    env = {**os.environ, "READOUTS_DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"}
    subprocess.run([READOUTS, "load"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [READOUTS, "ingest", block.group(1)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == block.group(2).strip()


def test_every_setting_is_documented() -> None:
    from api.config import Settings

    for name in Settings.model_fields:
        assert f"READOUTS_{name.upper()}" in README, name
