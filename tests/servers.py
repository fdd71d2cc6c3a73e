"""Real processes for tests: the app in a uvicorn process, and Debian's Chromium.

`app_server` runs `api.app:create_app` in its own uvicorn process on a free port, as a
deployment would, and hands over its base URL once `/healthz` answers (`server_process`
does the same for any server command). `chromium` is one
headless Chromium driven by playwright (skipped where either is missing).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from typing import IO, Any

import pytest

from tests.conftest import ROOT

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "app_server",
    "chromium",
    "free_port",
    "server_process",
    "wait_for_health",
]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port of the loopback interface that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get_when_up(url: str, seconds: float = 60.0, accept: str = "*/*") -> bytes:
    """The body of a 200 from `url`, asked again until the server answers it (a refused
    connection or an error status) or `seconds` pass, then the last error is raised."""
    deadline = time.monotonic() + seconds
    while True:
        request = urllib.request.Request(url, headers={"Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body: bytes = response.read()
                return body
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def wait_for_health(
    url: str,
    process: subprocess.Popen[bytes],
    seconds: float = 30.0,
    log: Callable[[], str] = str,
) -> None:
    """Return once `url`'s `/healthz` answers 200; fail the test (with `log()`, the
    server's output) if `process` exits first or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {log()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"the server at {url} did not answer /healthz: {log()}")


@contextlib.contextmanager
def server_process(
    command: list[str],
    env: Mapping[str, str | None],
    url: str,
    output: IO[bytes] | None = None,
    seconds: float = 30.0,
    log: Callable[[], str] = str,
) -> Iterator[subprocess.Popen[bytes]]:
    """`command` (a server that will listen at `url`) run from the checkout with `env`
    over this process's environment (None removes a variable) and its output to `output`,
    once `/healthz` answers (`wait_for_health`); stopped afterwards."""
    merged = {**os.environ, **env}
    environment = {name: value for name, value in merged.items() if value is not None}
    process = subprocess.Popen(command, env=environment, cwd=ROOT, stdout=output, stderr=output)
    try:
        wait_for_health(url, process, seconds, log)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextlib.contextmanager
def app_server(env: Mapping[str, str | None]) -> Iterator[str]:
    """The app (`api.app:create_app`) in a uvicorn process on a free port, with `env`
    over this process's environment (None removes a variable); its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    url = f"http://127.0.0.1:{port}"
    with server_process(command, env, url):
        yield url


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """One headless Chromium (a playwright `Browser`); the test is skipped without it."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
