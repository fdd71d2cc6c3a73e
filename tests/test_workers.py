"""Several API processes on one PostgreSQL database agree: the service keeps no state."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

READOUTS = str(Path(sys.executable).parent / "readouts")
TEXTS = Path(__file__).resolve().parent / "seeds" / "texts"


def _get(url: str) -> dict[str, object]:
    # A new connection each time, so the requests spread over the workers.
    with urllib.request.urlopen(url, timeout=10) as response:
        body: dict[str, object] = json.loads(response.read())
        return body


@pytest.mark.postgres
def test_two_workers_on_postgres_serve_the_same_data(postgres_url: str, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "READOUTS_DATABASE_URL": postgres_url}
    server = subprocess.Popen(
        [READOUTS, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _get(f"{base}/readyz")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        totals = {_get(f"{base}/api/v1/meetings?total=true")["total"] for _ in range(12)}
        assert totals == {4}
        message = tmp_path / "readout.json"
        text = (
            "BEIJING, June 7 -- Chinese Premier Li Qiang held talks with Pakistani Prime "
            "Minister Shehbaz Sharif in Beijing on Friday."
        )
        message.write_text(json.dumps({"text": text, "published": "2024-06-07"}))
        ingested = subprocess.run(
            [READOUTS, "ingest", str(message)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert ingested.stdout.startswith("1 new"), ingested.stdout
        totals = {_get(f"{base}/api/v1/meetings?total=true")["total"] for _ in range(12)}
        assert totals == {5}
    finally:
        server.terminate()
        server.wait(timeout=30)
