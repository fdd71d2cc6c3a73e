"""GraphQL mutations on SQLite and PostgreSQL: the REST writes' rules and codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.testclient import TestClient

from api.service import Service
from api.storage.tokens import create_token

MEETING = "2021-07-16-li-keqiang-imran-khan"
TEXT = (
    Path(__file__).resolve().parents[2] / "seeds" / "texts" / "000_55a49d7041691a4b.txt"
).read_text()

INGEST = """
mutation Ingest($text: String!, $key: String, $dry: Boolean!) {
  ingestReadout(readout: {text: $text, published: "2021-07-16", publisher: "Xinhua"},
                dryRun: $dry, idempotencyKey: $key) {
    dryRun replayed new merged { meetingId sourceId filled } skipped { file reason }
    conflicts { field } droppedAliases
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $patch: JSON!, $ifMatch: String) {
  updateMeeting(id: $id, patch: $patch, ifMatch: $ifMatch) { id summary etag }
}
"""
RETRACT = """
mutation Retract($id: ID!, $reason: String!) { retractMeeting(id: $id, reason: $reason) }
"""
READ = "query Read($id: ID!) { meeting(id: $id) { id summary etag } }"


def _token(client: TestClient, scope: str, name: str) -> dict[str, str]:
    service: Service = client.app.state.service  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {create_token(service.engine, name, scope)}"}


def _run(
    client: TestClient, query: str, headers: dict[str, str] | None = None, **variables: Any
) -> dict[str, Any]:
    response = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers or {}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


def test_ingest_readout_answers_as_rest_does(client: TestClient) -> None:
    assert _code(_run(client, INGEST, text=TEXT, key=None, dry=False)) == "unauthorized"
    auth = _token(client, "ingest", "newsroom")
    dry = _run(client, INGEST, auth, text=TEXT, key=None, dry=True)["data"]["ingestReadout"]
    rest = client.post(
        "/api/v1/readouts?dry_run=true",
        json={"text": TEXT, "published": "2021-07-16", "publisher": "Xinhua"},
        headers=auth,
    ).json()
    assert dry["new"] == rest["new"] and len(dry["merged"]) == len(rest["merged"])
    assert dry["merged"][0]["meetingId"] == rest["merged"][0]["meeting_id"]
    first = _run(client, INGEST, auth, text=TEXT, key="g-1", dry=False)["data"]["ingestReadout"]
    again = _run(client, INGEST, auth, text=TEXT, key="g-1", dry=False)["data"]["ingestReadout"]
    assert again["replayed"] and {**again, "replayed": False} == first
    other = _run(client, INGEST, auth, text=TEXT + " ", key="g-1", dry=False)
    assert _code(other) == "idempotency-key-reused"
    bad = _run(client, INGEST, auth, text="", key=None, dry=False)
    assert _code(bad) == "invalid-input"


def test_update_meeting_needs_curate_and_the_current_etag(client: TestClient) -> None:
    tag = _run(client, READ, id=MEETING)["data"]["meeting"]["etag"]
    assert tag == client.get(f"/api/v1/meetings/{MEETING}").headers["etag"]
    patch = {"summary": "Corrected in GraphQL."}
    ingest = _token(client, "ingest", "pusher")
    assert _code(_run(client, UPDATE, ingest, id=MEETING, patch=patch, ifMatch=tag)) == "forbidden"
    auth = _token(client, "curate", "editor")
    assert _code(_run(client, UPDATE, auth, id=MEETING, patch=patch)) == "precondition-required"
    stale = _run(client, UPDATE, auth, id=MEETING, patch=patch, ifMatch='"0"')
    assert _code(stale) == "precondition-failed"
    bad = _run(client, UPDATE, auth, id=MEETING, patch={"kind": "phonecall"}, ifMatch=tag)
    assert _code(bad) == "invalid-input"
    done = _run(client, UPDATE, auth, id=MEETING, patch=patch, ifMatch=tag)
    updated = done["data"]["updateMeeting"]
    assert updated["summary"] == "Corrected in GraphQL." and updated["etag"] != tag
    assert updated["etag"] == client.get(f"/api/v1/meetings/{MEETING}").headers["etag"]
    again = _run(client, UPDATE, auth, id=MEETING, patch={"summary": "x"}, ifMatch=tag)
    assert _code(again) == "precondition-failed"


def test_retract_meeting_makes_reading_it_gone(client: TestClient) -> None:
    auth = _token(client, "curate", "editor")
    assert _code(_run(client, RETRACT, id=MEETING, reason="dup")) == "unauthorized"
    assert _code(_run(client, RETRACT, auth, id=MEETING, reason="")) == "invalid-input"
    done = _run(client, RETRACT, auth, id=MEETING, reason="A duplicate.")
    assert done["data"]["retractMeeting"] == MEETING
    read = _run(client, READ, id=MEETING)
    assert _code(read) == "gone" and "A duplicate." in read["errors"][0]["message"]
    assert _code(_run(client, RETRACT, auth, id=MEETING, reason="again")) == "gone"
    listed = _run(client, "{ meetings(first: 100) { nodes { id } } }")["data"]["meetings"]
    assert MEETING not in {n["id"] for n in listed["nodes"]}
    assert _code(_run(client, READ, id="nope")) == "not-found"


def test_mutations_are_not_run_over_get(client: TestClient) -> None:
    response = client.get(
        "/graphql",
        params={"query": 'mutation { retractMeeting(id: "x", reason: "y") }'},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "method-not-allowed"


RESOLVE = """
mutation Resolve($id: ID!, $field: String!, $source: String!, $ifMatch: String) {
  resolveConflict(id: $id, field: $field, source: $source, ifMatch: $ifMatch) {
    location { city } conflicts { field } etag
  }
}
"""


def test_resolve_conflict_takes_the_chosen_value(
    client: TestClient, seeded: Service, tmp_path: Path
) -> None:
    from api.ingest import ingest_paths

    texts = Path(__file__).resolve().parents[2] / "seeds" / "texts"
    other = tmp_path / "other.txt"
    other.write_text(
        (texts / "004_0e8f66fb4d9f0923.txt").read_text().replace("in Islamabad", "in Lahore")
    )
    report = ingest_paths(seeded.engine, [other])
    (conflict,) = report.conflicts
    auth = _token(client, "curate", "editor")
    variables = {"id": conflict.meeting_id, "field": conflict.field, "source": conflict.source}
    stale = _run(client, RESOLVE, auth, **variables, ifMatch='"0"')
    assert _code(stale) == "precondition-failed"
    unknown = _run(client, RESOLVE, auth, **{**variables, "field": "kind"})
    assert _code(unknown) == "not-found"
    done = _run(client, RESOLVE, auth, **variables)["data"]["resolveConflict"]
    assert done["location"]["city"] == "Lahore" and done["conflicts"] == []


def test_browsers_cannot_send_a_token_cross_origin(client: TestClient) -> None:
    preflight = {
        "Origin": "https://example.org",
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    graphql = client.options(
        "/graphql", headers={**preflight, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in graphql.headers
    patch = client.options(
        f"/api/v1/meetings/{MEETING}",
        headers={**preflight, "Access-Control-Request-Method": "PATCH"},
    )
    assert "PATCH" not in patch.headers.get("access-control-allow-methods", "")
    assert "authorization" not in patch.headers.get("access-control-allow-headers", "").lower()
