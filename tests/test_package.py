"""The built wheel, installed into a new virtualenv, is the whole service.

The wheel is built as the Dockerfile's first stage builds it, from exactly the files that
stage copies (so no `node_modules` of the checkout: the build hook runs npm), installed
without `-e` into a new virtualenv, and `readouts serve` runs from an empty directory:
the seeds, the OpenAPI document and every script and stylesheet of the two browser pages
come from the installed package.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port, get_when_up

DOCKERFILE = (ROOT / "Dockerfile").read_text()
SEED_IDS = sorted(
    m["id"] for m in json.loads((ROOT / "seeds/meetings.json").read_text())["meetings"]
)


@dataclass(frozen=True)
class Installed:
    """A new virtualenv with the wheel installed, and a home for its default database."""

    bin: Path
    env: dict[str, str]
    data_home: Path
    wheel: Path


def _clean_env(data_home: Path) -> dict[str, str]:
    """The environment of a new user: no READOUTS_* setting, the data directory in `data_home`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("READOUTS_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env["XDG_DATA_HOME"] = str(data_home)
    return env


def _build_context(target: Path) -> None:
    """The files the Dockerfile's wheel stage copies, as `.dockerignore` leaves them."""
    ignored = shutil.ignore_patterns("node_modules", "__pycache__", "*.pyc")
    for line in re.findall(r"^COPY (?!--from)(.+)$", DOCKERFILE, flags=re.M):
        *sources, destination = line.split()
        for source in sources:
            copied = target / destination / (Path(source).name if destination.endswith("/") else "")
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, copied, ignore=ignored)
            else:
                copied.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / source, copied)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert "RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist ." in DOCKERFILE
    source, dist = base / "src", base / "dist"
    _build_context(source)
    assert not list(source.rglob("node_modules"))
    env = _clean_env(base / "xdg")
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--wheel-dir", dist, "."],
        source,
        env,
    )
    (wheel,) = dist.glob("readouts-*.whl")
    _run([sys.executable, "-m", "venv", base / "venv"], base, env)
    venv_bin = base / "venv" / "bin"
    _run([venv_bin / "pip", "install", "-q", wheel], base, env)
    return Installed(bin=venv_bin, env=env, data_home=base / "xdg", wheel=wheel)


def _run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{command}: {result.stderr[-3000:]}"
    return result.stdout


def _get(url: str, accept: str = "*/*") -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept})) as answer:
        assert answer.status == 200, url
        body: bytes = answer.read()
        return body


class _Loads(HTMLParser):
    """The URLs a page loads: `<script src>` and `<link href>`."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


@pytest.mark.slow
def test_the_installed_wheel_serves_everything_from_an_empty_directory(
    installed: Installed, tmp_path: Path
) -> None:
    npm = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["hatch"]["build"]
    listed = {
        f"{directory}/node_modules/{name}"
        for directory, names in npm["targets"]["wheel"]["hooks"]["custom"]["npm"].items()
        for name in names
    }
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
    assert {name for name in names if "/node_modules/" in name} == listed  # those files only
    assert {"seeds/meetings.json", "seeds/people.json", "seeds/topics.json"} <= set(names)
    assert not [name for name in names if name.startswith("tests/") or "__pycache__" in name]
    code = "import api, exporters, seeds; print(api.__file__, exporters.__file__, seeds.__file__)"
    where = _run([installed.bin / "python", "-c", code], tmp_path, installed.env).split()
    assert all(path.startswith(str(installed.bin.parent)) for path in where), where
    empty = tmp_path / "empty"
    empty.mkdir()
    port = free_port()
    process = subprocess.Popen(
        [str(installed.bin / "readouts"), "serve", "--port", str(port)],
        cwd=empty,
        env=installed.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = f"http://127.0.0.1:{port}"
    try:
        get_when_up(f"{server}/readyz")
        page = json.loads(_get(f"{server}/api/v1/meetings?limit=100&total=true"))
        assert sorted(m["id"] for m in page["data"]) == SEED_IDS
        assert page["total"] == 4
        document = json.loads(_get(f"{server}/api/v1/openapi.json"))
        assert document["openapi"].startswith("3.1")
        assert "/meetings" in document["paths"]
        for path, marker in (("/graphql", "GraphiQL"), ("/api/docs", "SwaggerUIBundle")):
            _assert_page_loads_from_the_app(server, path, marker)
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    database = installed.data_home / "readouts" / "readouts.sqlite3"
    assert f"database: {database}" in stderr.splitlines()
    assert list(empty.iterdir()) == [], "serve wrote into the directory it was run from"


def _assert_page_loads_from_the_app(server: str, path: str, marker: str) -> None:
    html = _get(f"{server}{path}", accept="text/html").decode()
    assert marker in html, path
    parser = _Loads()
    parser.feed(html)
    scripts = [url for url in parser.urls if url.endswith(".js")]
    assert len(scripts) >= 2 and any(url.endswith(".css") for url in parser.urls), parser.urls
    for url in parser.urls:
        assert url.startswith("/") and not url.startswith("//"), url
        body = _get(f"{server}{url}")
        assert len(body) > (1000 if url.endswith((".js", ".css")) else 0), url


@pytest.mark.slow
def test_the_installed_export_is_the_checkout_export(installed: Installed, tmp_path: Path) -> None:
    """Run from another directory, the installed command finds the same database (the
    user's data directory) and exports what the checkout's command exports there."""
    checkout = Path(sys.executable).parent / "readouts"
    _run([checkout, "load"], ROOT, installed.env)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _run(
        [installed.bin / "readouts", "export", "-f", "json", "-o", "mine.json"],
        elsewhere,
        installed.env,
    )
    _run([checkout, "export", "-f", "json", "-o", tmp_path / "theirs.json"], ROOT, installed.env)
    mine = json.loads((elsewhere / "mine.json").read_text())
    assert sorted(m["id"] for m in mine["data"]) == SEED_IDS
    assert mine == json.loads((tmp_path / "theirs.json").read_text())
