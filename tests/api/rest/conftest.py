"""A client over real HTTP through the ASGI app, on the seeded SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client
