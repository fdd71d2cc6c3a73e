"""Curation over HTTP on SQLite and PostgreSQL: PATCH with If-Match, retraction, conflicts."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.ingest import ingest_paths
from api.service import Service
from api.storage.tokens import create_token
from tests.api.rest.conftest import serving

MEETING = "2021-07-16-li-keqiang-imran-khan"
URL = f"/api/v1/meetings/{MEETING}"
MERGE = "application/merge-patch+json"
TEXTS = Path(__file__).resolve().parents[2] / "seeds" / "texts"


def _service(client: TestClient) -> Service:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    return service


def _auth(client: TestClient, scope: str = "curate", name: str = "editor") -> dict[str, str]:
    token = create_token(_service(client).engine, name, scope)
    return {"Authorization": f"Bearer {token}"}


def _patch(
    client: TestClient, body: bytes, headers: dict[str, str], url: str = URL
) -> httpx.Response:
    return client.patch(url, content=body, headers={"Content-Type": MERGE, **headers})


def test_the_status_codes_of_a_patch(client: TestClient) -> None:
    body = b'{"summary": "Corrected."}'
    tag = client.get(URL).headers["etag"]
    assert _patch(client, body, {"If-Match": tag}).status_code == 401
    ingest = _auth(client, "ingest", "pusher")
    forbidden = _patch(client, body, {**ingest, "If-Match": tag})
    assert forbidden.status_code == 403 and "'curate'" in forbidden.json()["detail"]
    auth = _auth(client)
    required = _patch(client, body, auth)
    assert required.status_code == 428 and tag in required.json()["detail"]
    assert required.json()["type"] == "/problems/precondition-required"
    stale = _patch(client, body, {**auth, "If-Match": '"0000"'})
    assert stale.status_code == 412 and stale.json()["type"] == "/problems/precondition-failed"
    star = _patch(client, body, {**auth, "If-Match": "*"})
    assert star.status_code == 428 and "If-Match: * is not accepted" in star.json()["detail"]
    wrong_type = client.patch(URL, json={"summary": "x"}, headers={**auth, "If-Match": tag})
    assert wrong_type.status_code == 200  # application/json is taken as a merge patch too
    tag = wrong_type.headers["etag"]
    form = client.patch(URL, data={"summary": "x"}, headers={**auth, "If-Match": tag})
    assert form.status_code == 415
    unknown = _patch(client, body, {**auth, "If-Match": tag}, url="/api/v1/meetings/nope")
    assert unknown.status_code == 404
    for bad, named in [
        (b'{"kind": "phonecall"}', "kind"),
        (b'{"id": "other"}', "id"),
        (b'{"sources": []}', "sources"),
        (b'{"colour": "red"}', "colour"),
        (b'{"date": null}', "date"),
        (b"[1]", "JSON object"),
        (b"{", "JSON"),
        (
            b'{"participants": [{"person": {"id": "nobody"}, "country_code": "PK", '
            b'"role": "principal"}, {"person": {"id": "li-keqiang"}, "country_code": "CN", '
            b'"role": "principal"}]}',
            "nobody",
        ),
    ]:
        response = _patch(client, bad, {**auth, "If-Match": tag})
        assert response.status_code == 400, (bad, response.text)
        assert named in response.json()["detail"], (bad, response.text)


def test_a_patch_applies_records_and_gives_the_new_etag(client: TestClient) -> None:
    before = client.get(URL)
    auth = {**_auth(client), "If-Match": before.headers["etag"]}
    patch = b'{"summary": "Corrected.", "time_of_day": null, "initiated_by": "CN"}'
    done = _patch(client, patch, auth)
    assert done.status_code == 200, done.text
    after = client.get(URL)
    assert done.json() == after.json() and done.headers["etag"] == after.headers["etag"]
    assert after.json()["summary"] == "Corrected." and after.json()["initiated_by"] == "CN"
    assert after.json()["time_of_day"] is None and before.json()["time_of_day"] is not None
    changed = {"summary", "time_of_day", "initiated_by"}
    assert {k: v for k, v in after.json().items() if k not in changed} == {
        k: v for k, v in before.json().items() if k not in changed
    }
    audit = _service(client).repository.audit_of(MEETING)[-1]
    assert (audit.actor, audit.action) == ("editor", "updated")
    assert '"Corrected."' in str(audit.after) and '"Corrected."' not in str(audit.before)
    again = _patch(client, patch, auth)  # the old ETag again: someone (we) changed it
    assert again.status_code == 412


@pytest.mark.parametrize("round_", range(3))
def test_two_racing_patches_with_the_same_etag_exactly_one_wins(
    seeded: Service, round_: int
) -> None:
    token = create_token(seeded.engine, f"racer-{round_}", "curate")
    with serving(seeded) as base, httpx.Client(base_url=base, timeout=30) as http:
        tag = http.get(URL).headers["etag"]
        start = threading.Barrier(2)
        codes: list[int] = []

        def send(summary: str) -> None:
            start.wait()
            response = http.patch(
                URL,
                content=f'{{"summary": "{summary}"}}'.encode(),
                headers={
                    "Authorization": f"Bearer {token}",
                    "Content-Type": MERGE,
                    "If-Match": tag,
                },
            )
            codes.append(response.status_code)

        threads = [threading.Thread(target=send, args=(f"by {n}",)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(codes) == [200, 412]
        assert http.get(URL).json()["summary"] in {"by 0", "by 1"}
    assert [a.action for a in seeded.repository.audit_of(MEETING)] == ["created", "updated"]


def test_a_retracted_meeting_leaves_listings_and_answers_410(client: TestClient) -> None:
    auth = _auth(client)
    url = f"{URL}/retraction"
    assert client.post(url, json={"reason": "x"}).status_code == 401
    assert client.post(url, json={}, headers=auth).status_code == 400
    assert (
        client.post(url, json={"reason": "x"}, headers={**auth, "If-Match": '"0"'}).status_code
        == 412
    )
    done = client.post(url, json={"reason": "Duplicate of another record."}, headers=auth)
    assert done.status_code == 204
    gone = client.get(URL)
    assert gone.status_code == 410 and gone.json()["type"] == "/problems/gone"
    assert "Duplicate of another record." in gone.json()["detail"]
    assert client.get(f"{URL}/sources").status_code == 410
    listed = client.get("/api/v1/meetings", params={"limit": 100}).json()["data"]
    assert MEETING not in {m["id"] for m in listed}
    exported = client.get("/api/v1/meetings.csv").text
    assert MEETING not in exported
    assert client.post(url, json={"reason": "again"}, headers=auth).status_code == 410
    tag = '"any"'
    assert _patch(client, b'{"summary": "x"}', {**auth, "If-Match": tag}).status_code == 410
    last = client.get("/api/v1/changes", params={"limit": 100}).json()["data"][-1]
    assert (last["action"], last["meeting_id"]) == ("retracted", MEETING)


@pytest.fixture
def conflicted(service: Service, tmp_path: Path) -> Iterator[TestClient]:
    """A meeting with a conflict on location.city (Islamabad kept, Lahore reported)."""
    original = (TEXTS / "004_0e8f66fb4d9f0923.txt").read_text()
    ingest_paths(service.engine, [TEXTS / "004_0e8f66fb4d9f0923.txt"])
    other = tmp_path / "other-report.txt"
    other.write_text(original.replace("in Islamabad", "in Lahore"))
    ingest_paths(service.engine, [other])
    settings = service.settings.model_copy(update={"load_seeds": False})
    with TestClient(create_app(settings, dataclasses.replace(service, settings=settings))) as c:
        yield c


def test_resolving_a_conflict_takes_the_chosen_sources_value(conflicted: TestClient) -> None:
    url = "/api/v1/meetings/2023-05-05-arif-alvi-qin-gang"
    (conflict,) = conflicted.get(f"{url}/conflicts").json()["data"]
    auth = _auth(conflicted)
    body = {"field": "location.city", "source": "nope"}
    assert conflicted.post(f"{url}/resolution", json=body, headers=auth).status_code == 400
    body = {"field": "location.venue", "source": conflict["source"]}
    assert conflicted.post(f"{url}/resolution", json=body, headers=auth).status_code == 404
    body = {"field": "location.city", "source": conflict["source"]}
    done = conflicted.post(f"{url}/resolution", json=body, headers=auth)
    assert done.status_code == 200, done.text
    assert done.json()["location"]["city"] == "Lahore"
    assert conflicted.get(url).json()["location"]["city"] == "Lahore"
    assert conflicted.get(f"{url}/conflicts").json()["data"] == []
    assert conflicted.post(f"{url}/resolution", json=body, headers=auth).status_code == 404


def test_resolving_for_the_kept_value_closes_the_conflict(conflicted: TestClient) -> None:
    url = "/api/v1/meetings/2023-05-05-arif-alvi-qin-gang"
    meeting = conflicted.get(url).json()
    (conflict,) = conflicted.get(f"{url}/conflicts").json()["data"]
    kept_source = next(s["id"] for s in meeting["sources"] if s["id"] != conflict["source"])
    body = {"field": "location.city", "source": kept_source}
    done = conflicted.post(f"{url}/resolution", json=body, headers=_auth(conflicted))
    assert done.status_code == 200 and done.json()["location"]["city"] == "Islamabad"
    assert conflicted.get(f"{url}/conflicts").json()["data"] == []


def test_a_retracted_meeting_leaves_the_counts_and_its_page(client: TestClient) -> None:
    def counts() -> tuple[dict[str, int], dict[str, int], int]:
        countries = {
            c["code"]: c["meetings"] for c in client.get("/api/v1/countries").json()["data"]
        }
        topics = {t["id"]: t["meetings"] for t in client.get("/api/v1/topics").json()["data"]}
        stats = client.get("/api/v1/stats").json()["total"]
        return countries, topics, stats

    countries, topics, total = counts()
    meeting = client.get(URL).json()
    done = client.post(
        f"{URL}/retraction", json={"reason": "Not a meeting."}, headers=_auth(client)
    )
    assert done.status_code == 204
    after_countries, after_topics, after_total = counts()
    assert after_total == total - 1
    assert after_countries["PK"] == countries["PK"] - 1
    for topic in meeting["topics"]:
        assert after_topics[topic] == topics[topic] - 1
    page = client.get(f"/meetings/{MEETING}")
    assert page.status_code == 410 and "Not a meeting." in page.text


def test_the_history_of_a_meeting_needs_admin_and_names_its_writers(client: TestClient) -> None:
    url = f"{URL}/history"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=_auth(client, "curate", "editor")).status_code == 403
    tag = client.get(URL).headers["etag"]
    auth = _auth(client, "admin", "chief")
    assert _patch(client, b'{"summary": "Fixed."}', {**auth, "If-Match": tag}).status_code == 200
    history = client.get(url, headers=auth)
    assert history.status_code == 200 and history.headers["cache-control"] == "no-store"
    created, updated = history.json()["data"]
    assert (created["actor"], created["action"], created["before"]) == ("cli", "created", None)
    assert (updated["actor"], updated["action"]) == ("chief", "updated")
    assert updated["before"]["summary"] != "Fixed." and updated["after"]["summary"] == "Fixed."
    assert client.get("/api/v1/meetings/nope/history", headers=auth).status_code == 404
