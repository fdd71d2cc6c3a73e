"""`POST /api/v1/imports` on SQLite and PostgreSQL: a load file over HTTP, all-or-nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import orjson
import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.service import Service
from api.storage.tokens import create_token
from api.vocabulary import SEEDS_DIR

URL = "/api/v1/imports"


def _load_file() -> dict[str, list[dict[str, object]]]:
    """The seeds as one load file."""
    document: dict[str, list[dict[str, object]]] = {}
    for name in ("topics", "people", "meetings"):
        document[name] = orjson.loads((SEEDS_DIR / f"{name}.json").read_bytes())[name]
    return document


@pytest.fixture
def small(service: Service) -> Iterator[TestClient]:
    """An empty database behind limits of 1 KiB for bodies and 2 MiB for load files."""
    settings = service.settings.model_copy(
        update={"load_seeds": False, "max_body_bytes": 1024, "max_import_bytes": 2_097_152}
    )
    with TestClient(create_app(settings, dataclasses.replace(service, settings=settings))) as c:
        yield c


def _auth(client: TestClient, scope: str = "curate", name: str = "importer") -> dict[str, str]:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {create_token(service.engine, name, scope)}"}


def test_an_import_loads_like_readouts_load_and_records_its_writer(small: TestClient) -> None:
    body = orjson.dumps(_load_file())
    assert len(body) > 1024  # larger than any other body may be
    assert small.post(URL, content=body).status_code == 401
    ingest = _auth(small, "ingest", "pusher")
    assert small.post(URL, content=body, headers=ingest).status_code == 403
    auth = _auth(small)
    wrong = small.post(URL, content=body, headers={**auth, "Content-Type": "text/plain"})
    assert wrong.status_code == 415
    done = small.post(URL, content=body, headers={**auth, "Content-Type": "application/json"})
    assert done.status_code == 201, done.text
    expected = len(_load_file()["meetings"])
    assert done.json()["added"]["meetings"] == expected
    feed = small.get("/api/v1/changes").json()["data"]
    assert len(feed) == expected and {c["action"] for c in feed} == {"created"}
    service: Service = small.app.state.service  # type: ignore[attr-defined]
    assert {a.actor for c in feed for a in service.repository.audit_of(str(c["meeting_id"]))} == {
        "importer"
    }
    again = small.post(URL, content=body, headers={**auth, "Content-Type": "application/json"})
    assert again.status_code == 200 and again.json()["unchanged"]["meetings"] == expected


def test_a_bad_record_names_its_id_and_field_and_writes_nothing(small: TestClient) -> None:
    document = _load_file()
    bad = dict(document["meetings"][2])
    bad["kind"] = "phonecall"
    document["meetings"][2] = bad
    auth = {**_auth(small), "Content-Type": "application/json"}
    service: Service = small.app.state.service  # type: ignore[attr-defined]
    before = service.repository.table_counts()
    response = small.post(URL, content=orjson.dumps(document), headers=auth)
    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == "/problems/invalid-record"
    assert f"record {bad['id']!r}" in problem["detail"] and "kind" in problem["detail"]
    assert problem["errors"][0]["field"] == "kind"
    assert service.repository.table_counts() == before
    broken = small.post(URL, content=b'{"meetings": [', headers=auth)
    assert broken.status_code == 422 and "not valid JSON" in broken.json()["detail"]


def test_a_load_file_over_its_limit_is_413(small: TestClient) -> None:
    auth = {**_auth(small), "Content-Type": "application/json"}
    big = b'{"meetings": []' + b" " * 2_097_152 + b"}"
    response = small.post(URL, content=big, headers=auth)
    assert response.status_code == 413
    assert "READOUTS_MAX_IMPORT_BYTES" in response.json()["detail"]
    other = small.post("/api/v1/readouts", content=b" " * 2048, headers=auth)
    assert other.status_code == 413 and "READOUTS_MAX_BODY_BYTES" in other.json()["detail"]
