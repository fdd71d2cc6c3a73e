"""Writes over HTTP on SQLite and PostgreSQL: tokens, status codes, ingest like the CLI."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from starlette.testclient import TestClient

from api.ingest import ingest_paths
from api.service import Service
from api.storage.tokens import create_token, revoke_token
from tests.api.rest.conftest import READOUT, TEXT, TEXTS


def _service(client: TestClient) -> Service:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    return service


def _auth(client: TestClient, scope: str = "ingest", name: str | None = None) -> dict[str, str]:
    token = create_token(_service(client).engine, name or scope, scope)
    return {"Authorization": f"Bearer {token}"}


def test_status_codes_of_a_write(empty: TestClient) -> None:
    url = "/api/v1/readouts"
    none = empty.post(url, json=READOUT)
    assert none.status_code == 401
    assert none.headers["www-authenticate"] == 'Bearer realm="readouts", scope="ingest"'
    assert none.headers["content-type"] == "application/problem+json"
    assert none.json()["type"] == "/problems/unauthorized" and "'ingest'" in none.json()["detail"]
    wrong = empty.post(url, json=READOUT, headers={"Authorization": "Bearer rdt_nope"})
    assert wrong.status_code == 401 and "rdt_nope" not in wrong.text
    auth = _auth(empty)
    bad = empty.post(url, json={"text": "x"}, headers=auth)
    assert bad.status_code == 400 and "published" in bad.json()["detail"]
    assert (
        empty.post(
            url, content=b"{", headers={**auth, "Content-Type": "application/json"}
        ).status_code
        == 400
    )
    form = empty.post(url, data={"text": "x"}, headers=auth)
    assert form.status_code == 415 and "text/plain" in form.json()["detail"]
    unknown = empty.post(f"{url}?dryrun=true", json=READOUT, headers=auth)
    assert unknown.status_code == 400 and "dry_run" in unknown.json()["detail"]
    assert empty.get(url).status_code == 405
    revoke_token(_service(empty).engine, "ingest")
    assert empty.post(url, json=READOUT, headers=auth).status_code == 401


def test_a_wider_scope_may_ingest(empty: TestClient) -> None:
    response = empty.post("/api/v1/readouts", json=READOUT, headers=_auth(empty, "curate"))
    assert response.status_code == 201


def test_ingest_over_http_equals_the_cli(empty: TestClient, tmp_path: Path) -> None:
    service = _service(empty)
    path = tmp_path / "readout.json"
    path.write_text(__import__("json").dumps(READOUT))
    cli = ingest_paths(service.engine, [path], dry_run=True).to_json()
    dry = empty.post("/api/v1/readouts?dry_run=true", json=READOUT, headers=_auth(empty))
    assert dry.status_code == 200 and dry.json() == cli
    assert service.repository.is_empty()
    done = empty.post("/api/v1/readouts", json=READOUT, headers=_auth(empty, "admin"))
    assert done.status_code == 201
    assert {**done.json(), "dry_run": True} == cli
    (meeting_id,) = done.json()["new"]
    meeting = empty.get(f"/api/v1/meetings/{meeting_id}").json()
    assert meeting["sources"][0]["publisher"] == "Xinhua"
    again = empty.post("/api/v1/readouts", json=READOUT, headers=_auth(empty, "curate"))
    assert again.status_code == 200 and again.json()["skipped"][0]["reason"].startswith(
        "already ingested"
    )


def test_text_plain_with_published_as_a_parameter(empty: TestClient) -> None:
    response = empty.post(
        "/api/v1/readouts?published=2021-07-16&publisher=Xinhua",
        content=TEXT.encode(),
        headers={**_auth(empty), "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["new"] == ["2021-07-16-li-keqiang-imran-khan"]
    missing = empty.post(
        "/api/v1/readouts",
        content=b"text",
        headers={**_auth(empty, name="b"), "Content-Type": "text/plain"},
    )
    assert missing.status_code == 400 and "published" in missing.json()["detail"]


def test_the_same_idempotency_key_twice_gives_one_change(empty: TestClient) -> None:
    auth = {**_auth(empty), "Idempotency-Key": "8c1e-1"}
    first = empty.post("/api/v1/readouts", json=READOUT, headers=auth)
    before = _service(empty).repository.table_counts()
    second = empty.post("/api/v1/readouts", json=READOUT, headers=auth)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json() and second.headers["idempotent-replayed"] == "true"
    assert _service(empty).repository.table_counts() == before
    other = empty.post("/api/v1/readouts", json={**READOUT, "headline": "Other"}, headers=auth)
    assert other.status_code == 422 and other.json()["type"] == "/problems/idempotency-key-reused"


def test_browsers_cannot_write_cross_origin(empty: TestClient) -> None:
    preflight = empty.options(
        "/api/v1/readouts",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert "POST" not in preflight.headers.get("access-control-allow-methods", "")


def test_a_body_over_the_limit_is_413(empty: TestClient) -> None:
    limit = _service(empty).settings.max_body_bytes
    big = {**READOUT, "text": "x" * (limit + 1)}
    response = empty.post("/api/v1/readouts", json=big, headers=_auth(empty))
    assert response.status_code == 413


def test_concurrent_ingests_of_overlapping_texts_both_succeed_once(service: Service) -> None:
    """Two readouts of the same event sent at once: both answered, one meeting, its
    conflicts numbered without collision, and one change each in the feed."""
    import threading

    import httpx

    from tests.api.rest.conftest import serving

    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    texts = [original, original.replace("in Islamabad", "in Lahore")]
    token = create_token(service.engine, "racer", "ingest")
    codes: list[int] = []
    settings = service.settings.model_copy(update={"load_seeds": False})
    unseeded = dataclasses.replace(service, settings=settings)
    with serving(unseeded) as base, httpx.Client(base_url=base, timeout=60) as http:
        start = threading.Barrier(len(texts))

        def send(text: str) -> None:
            start.wait()
            response = http.post(
                "/api/v1/readouts",
                json={"text": text, "published": "2023-05-05"},
                headers={"Authorization": f"Bearer {token}"},
            )
            codes.append(response.status_code)

        threads = [threading.Thread(target=send, args=(text,)) for text in texts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        feed = http.get("/api/v1/changes").json()["data"]
    assert codes == [201, 201]
    assert service.repository.table_counts()["meetings"] == 1
    assert sorted(c["action"] for c in feed) == ["created", "updated"]
    (conflicts,) = service.repository.conflicts_by_meetings([feed[0]["meeting_id"]])
    assert [c.field for c in conflicts] == ["location.city"]
