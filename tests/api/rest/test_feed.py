"""A follower of `/api/v1/changes` while 1,000 writes land from 4 concurrent clients ends
with exactly the database's meetings, having seen every change once, in commit order, on
SQLite and PostgreSQL, over real HTTP (a live server in a thread)."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import orjson

from api.service import Service
from api.storage.tokens import create_token
from api.vocabulary import SEEDS_DIR
from tests.api.rest.conftest import serving

CLIENTS = 4
WRITES = 250  # per client: 1,000 in all
PATCH_EVERY = 5  # every 5th write corrects a meeting the client made
RETRACT_EVERY = 25  # and every 25th retracts one


def _record(meeting_id: str) -> dict[str, Any]:
    """A new meeting between two seed people, as a load file record."""
    return {
        "id": meeting_id,
        "date": "2024-01-02",
        "date_precision": "day",
        "kind": "phone_call",
        "setting": "remote",
        "participants": [
            {"person": {"id": "li-keqiang"}, "country_code": "CN", "role": "principal"},
            {"person": {"id": "imran-khan"}, "country_code": "PK", "role": "principal"},
        ],
        "summary": "A call.",
        "sources": [{"id": f"src-{meeting_id}", "publisher": "Test", "headline": meeting_id}],
    }


def _writer(base: str, token: str, number: int, errors: list[str]) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    made: list[str] = []
    with httpx.Client(base_url=base, headers=auth, timeout=60) as http:
        for step in range(WRITES):
            if step % RETRACT_EVERY == RETRACT_EVERY - 1 and made:
                response = http.post(
                    f"/api/v1/meetings/{made.pop()}/retraction", json={"reason": "test"}
                )
                expected = 204
            elif step % PATCH_EVERY == PATCH_EVERY - 1 and made:
                url = f"/api/v1/meetings/{made[-1]}"
                tag = http.get(url).headers["etag"]
                response = http.patch(
                    url,
                    content=orjson.dumps({"summary": f"Corrected at step {step}."}),
                    headers={"If-Match": tag, "Content-Type": "application/merge-patch+json"},
                )
                expected = 200
            else:
                meeting_id = f"2024-01-02-feed-{number}-{step}"
                body = orjson.dumps({"meetings": [_record(meeting_id)]})
                response = http.post(
                    "/api/v1/imports", content=body, headers={"Content-Type": "application/json"}
                )
                expected = 201
                made.append(meeting_id)
            if response.status_code != expected:
                errors.append(f"{response.status_code}: {response.text[:300]}")
                return


def _follow(base: str, done: threading.Event, seen: list[dict[str, Any]]) -> None:
    cursor = ""
    with httpx.Client(base_url=base, timeout=60) as http:
        while True:
            finished = done.is_set()  # read before the poll: a last poll after the writers
            page = http.get("/api/v1/changes", params={"after": cursor, "limit": 100}).json()
            seen.extend(page["data"])
            cursor = page["next_cursor"]
            if finished and not page["data"]:
                return


def test_a_follower_of_the_feed_mirrors_the_database(seeded: Service) -> None:
    token = create_token(seeded.engine, "feeder", "curate")
    seeds = len(orjson.loads((SEEDS_DIR / "meetings.json").read_bytes())["meetings"])
    with serving(seeded) as base:
        done = threading.Event()
        seen: list[dict[str, Any]] = []
        errors: list[str] = []
        follower = threading.Thread(target=_follow, args=(base, done, seen))
        follower.start()
        writers = [
            threading.Thread(target=_writer, args=(base, token, n, errors)) for n in range(CLIENTS)
        ]
        for thread in writers:
            thread.start()
        for thread in writers:
            thread.join()
        done.set()
        follower.join(timeout=120)
        assert errors == []
        stored: set[str] = set()
        with httpx.Client(base_url=base, timeout=60) as http:
            cursor = ""
            while cursor is not None:
                page = http.get("/api/v1/meetings", params={"limit": 100, "cursor": cursor}).json()
                stored |= {m["id"] for m in page["data"]}
                cursor = page["next_cursor"]
    assert [change["seq"] for change in seen] == list(range(1, seeds + CLIENTS * WRITES + 1))
    mirror: set[str] = set()
    for change in seen:
        if change["action"] == "retracted":
            mirror.discard(change["meeting_id"])
        else:
            mirror.add(change["meeting_id"])
    assert mirror == stored
    assert {c["action"] for c in seen} == {"created", "updated", "retracted"}
