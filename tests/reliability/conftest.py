"""The fault suite's fixtures: `readouts serve` in a real process, and readout texts.

The server runs with short read timeouts (1 s for headers, 2 s for a body) so that the
tests of hanging connections wait seconds, not the defaults' tens of seconds. Its log
goes to a file the tests read.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port, server_process, wait_for_health

HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 2.0
HEALTH_TIMEOUT = 10.0
"""How long a test waits for `/healthz` after an abusive request. The server answers in
milliseconds when it is not blocked; the margin is for a machine busy with other work.
A request that blocks the event loop (a 100 MB comment used to take 22 s) still fails."""

TEXTS = ROOT / "tests" / "seeds" / "texts"


@dataclass(frozen=True)
class Server:
    """A running `readouts serve`: where it listens and where its log goes."""

    host: str
    port: int
    log: Path
    pid: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def log_text(self) -> str:
        return self.log.read_text(errors="replace")


def healthz(server: Server) -> int:
    """The status of `GET /healthz` (waits at most `HEALTH_TIMEOUT`)."""
    with urllib.request.urlopen(f"{server.url}/healthz", timeout=HEALTH_TIMEOUT) as response:
        status: int = response.status
        return status


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`readouts serve` on a free port over a seeded SQLite file."""
    with serve(tmp_path_factory.mktemp("serve")) as running:
        yield running


@contextlib.contextmanager
def serve(data_dir: Path, **settings: str) -> Iterator[Server]:
    """`readouts serve` over a seeded SQLite file in `data_dir`, with the fault suite's
    short timeouts unless `settings` (environment variables) say otherwise."""
    log = data_dir / "server.log"
    env = {
        "READOUTS_DATA_DIR": str(data_dir),
        "READOUTS_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "READOUTS_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "READOUTS_DATABASE_URL": None,
        **settings,
    }
    port = free_port()
    command = [sys.executable, "-m", "api", "serve", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    read_log = Server("127.0.0.1", port, log, 0).log_text
    with log.open("wb") as sink, server_process(command, env, url, sink, 120, read_log) as process:
        yield Server("127.0.0.1", port, log, process.pid)


def wait_until_up(server: Server, process: subprocess.Popen[bytes]) -> None:
    """Return once `server` answers `/healthz`; fail the test if it exits or never does."""
    wait_for_health(server.url, process, 120, server.log_text)
