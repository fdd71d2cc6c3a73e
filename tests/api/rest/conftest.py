"""A client over real HTTP through the ASGI app, on the seeded SQLite and PostgreSQL (or
an empty database), and a live server for tests that need concurrent requests."""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service

TEXTS = Path(__file__).resolve().parents[2] / "seeds" / "texts"
TEXT = (TEXTS / "000_55a49d7041691a4b.txt").read_text()
READOUT = {"text": TEXT, "published": "2021-07-16", "publisher": "Xinhua"}
"""A readout as `POST /api/v1/readouts` takes it."""


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client


@pytest.fixture
def empty(service: Service) -> Iterator[TestClient]:
    """A client on an empty database (no seeds loaded)."""
    settings = service.settings.model_copy(update={"load_seeds": False})
    with TestClient(create_app(settings, dataclasses.replace(service, settings=settings))) as c:
        yield c


@contextlib.contextmanager
def serving(service: Service) -> Iterator[str]:
    """The app on `service`'s database in a uvicorn server on a free port, in a thread;
    its base URL. Requests from several threads reach it concurrently, over real HTTP."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(service.settings, service=service)
    config = uvicorn.Config(app, log_level="warning", lifespan="on", limit_concurrency=64)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started:
                break
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
