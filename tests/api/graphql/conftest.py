"""GraphQL over real HTTP through the ASGI app, on the seeded SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service
from tests.servers import app_server

Run = Callable[..., dict[str, Any]]

EXAMPLE = """
query Example($first: Int!) {
  meetings(first: $first, filter: {synthetic: ANY}) {
    nodes {
      participants { person { name } }
      topics { label }
      sources { publisher }
    }
  }
}
"""


@pytest.fixture
def client(seeded: Service) -> Iterator[TestClient]:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        yield client


@pytest.fixture
def gql(client: TestClient) -> Run:
    """POST a query; return the JSON body (the status must be 200)."""

    def run(query: str, **variables: Any) -> dict[str, Any]:
        response = client.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    return run


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`readouts`' app in a real uvicorn process on a free port, seeded SQLite; its base URL."""
    data_dir = str(tmp_path_factory.mktemp("live"))
    with app_server({"READOUTS_DATA_DIR": data_dir, "READOUTS_DATABASE_URL": None}) as url:
        yield url
