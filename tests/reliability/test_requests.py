"""Abusive requests against a live `readouts serve`: each is refused with a 4xx (a coded
GraphQL error on `/graphql`) and the server still answers `/healthz` right after."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from api.errors import ECHO_LIMIT
from tests.reliability.conftest import BODY_TIMEOUT, HEADER_TIMEOUT, Server, healthz, serve

pytestmark = pytest.mark.reliability

GRAPHQL_RESPONSE = "application/graphql-response+json"
MB = 1_000_000


@dataclass(frozen=True)
class Case:
    """One request: the raw body is sent as given (chunked when `chunked`), or, with
    `announce` set, only the headers, announcing that many bytes that never come."""

    name: str
    path: str
    body: bytes = b""
    method: str = "POST"
    headers: dict[str, str] = field(default_factory=dict)
    announce: int | None = None
    chunked: bool = False
    status: int = 400
    code: str | None = None


def _gql(query: str, **extra: object) -> bytes:
    return json.dumps({"query": query, **extra}).encode()


DEEP = "[" * 990 + "]" * 990
LONG = "x" * 6_000
_ECHOED_RUN = re.compile(rb"(.)\1{%d,}" % ECHO_LIMIT)  # one character, more than ECHO_LIMIT
STATS = "{ total byTopic { count } byCountryPair { count } }"
CASES = [
    Case("100 MB body announced", "/graphql", announce=100 * MB, status=413, code="body-too-large"),
    Case(
        "2 MB chunked body",
        "/graphql",
        b"{" + b" " * 2 * MB + b"}",
        chunked=True,
        status=413,
        code="body-too-large",
    ),
    Case("20 MB string literal", "/graphql", announce=20 * MB, status=413, code="body-too-large"),
    Case("long comment", "/graphql", _gql("{ __typename }\n#" + "x" * 60_000), code="token-limit"),
    Case(
        "long whitespace", "/graphql", _gql("{ __typename" + " " * 60_000 + "}"), code="token-limit"
    ),
    Case("many tokens", "/graphql", _gql("{" + " __typename" * 2_500 + "}"), code="token-limit"),
    Case(
        "1,000 __typename", "/graphql", _gql("{" + " __typename" * 1_000 + "}"), code="field-limit"
    ),
    Case(
        "15 aliased meetingStats",
        "/graphql",
        _gql("{" + " ".join(f"a{i}: meetingStats {STATS}" for i in range(15)) + "}"),
        code="cost-limit",
    ),
    Case(
        "nested counterparts",
        "/graphql",
        _gql(
            "{ meetings(first: 50) { nodes { participants { person { counterparts { meetings "
            "person { name } } } } } } }"
        ),
        code="cost-limit",
    ),
    Case("body 12", "/graphql", b"12"),
    Case("body null", "/graphql", b"null"),
    Case('body "x"', "/graphql", b'"x"'),
    Case("invalid UTF-8", "/graphql", b'{"query": "{ __typename }", "x": "\xff\xfe"}'),
    Case(
        "gzip body",
        "/graphql",
        gzip.compress(_gql("{ __typename }")),
        headers={"Content-Encoding": "gzip"},
        status=415,
        code="unsupported-encoding",
    ),
    Case(
        "lone surrogate operationName",
        "/graphql",
        b'{"query": "{ __typename }", "operationName": "\\ud800"}',
    ),
    Case(
        "variables 990 deep",
        "/graphql",
        ('{"query": "query($v: [Int]) { __typename }", "variables": {"v": ' + DEEP + "}}").encode(),
    ),
    Case(
        "GET variables 990 deep", f"/graphql?query=%7B__typename%7D&variables={DEEP}", method="GET"
    ),
    Case(
        "a number of 5,000 digits in the body",
        "/graphql",
        b'{"query": "{ __typename }", "variables": {"n": ' + b"9" * 5_000 + b"}}",
    ),
    Case("REST body announced", "/api/v1/meetings", method="GET", announce=100 * MB, status=413),
    Case("POST readouts announced", "/api/v1/readouts", announce=100 * MB, status=413),
    Case(
        "POST readouts chunked",
        "/api/v1/readouts",
        b'{"text": "' + b"x" * 2 * MB + b'"}',
        headers={"Content-Type": "application/json"},
        chunked=True,
        status=401,  # refused on the missing token before a byte of the body is read
    ),
    Case(
        "REST unknown kind, 6,000 characters",
        "/api/v1/meetings?kind=" + "x" * 6_000,
        method="GET",
    ),
    Case("REST foreign cursor", "/api/v1/meetings?cursor=not-a-cursor", method="GET"),
    Case(
        "a number of 5,000 digits in the query",
        "/graphql",
        _gql("{ meetings(first: " + "9" * 5_000 + ") { nodes { id } } }"),
        code="number-limit",
    ),
    Case(
        "REST unknown meeting id, 6,000 characters",
        f"/api/v1/meetings/{LONG}",
        method="GET",
        status=404,
    ),
    Case(
        "REST unknown person, 6,000 characters", f"/api/v1/people/{LONG}", method="GET", status=404
    ),
    Case("REST cursor, 6,000 characters", f"/api/v1/meetings?cursor={LONG}", method="GET"),
    Case("REST option name, 6,000 characters", f"/api/v1/meetings.csv?opt.{LONG}=1", method="GET"),
    Case(
        "GraphQL meeting id, 6,000 characters",
        "/graphql",
        _gql('{ meeting(id: "' + LONG + '") { id } }'),
        status=200,
        code="not-found",
    ),
    Case(
        "GraphQL cursor, 6,000 characters",
        "/graphql",
        _gql('{ meetings(after: "' + LONG + '") { nodes { id } } }'),
        status=200,
        code="invalid-input",
    ),
    Case(
        "GraphQL field name, 6,000 characters",
        "/graphql",
        _gql("{ " + LONG + " }"),
        code="invalid-query",
    ),
    Case(
        "GraphQL operation name, 6,000 characters",
        "/graphql",
        _gql("{ __typename }", operationName=LONG),
        code="bad-request",
    ),
]


def _send(server: Server, case: Case) -> tuple[int, dict[str, str], bytes]:
    connection = socket.create_connection((server.host, server.port), timeout=30)
    try:
        accept = GRAPHQL_RESPONSE if case.path.startswith("/graphql") else "application/json"
        headers = {"Host": "localhost", "Accept": accept, **case.headers}
        if case.method == "POST":
            headers.setdefault("Content-Type", "application/json")
        if case.announce is not None:
            headers["Content-Length"] = str(case.announce)
        elif case.chunked:
            headers["Transfer-Encoding"] = "chunked"
        elif case.body:
            headers["Content-Length"] = str(len(case.body))
        head = f"{case.method} {case.path} HTTP/1.1\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        connection.sendall(head.encode("latin-1"))
        if case.announce is None:
            _send_body(connection, _chunks(case.body, case.chunked))
        response = http.client.HTTPResponse(connection, method=case.method)
        response.begin()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _chunks(body: bytes, chunked: bool) -> Iterable[bytes]:
    step = 64 * 1024
    for start in range(0, len(body), step):
        part = body[start : start + step]
        yield f"{len(part):x}\r\n".encode() + part + b"\r\n" if chunked else part
    if chunked:
        yield b"0\r\n\r\n"


def _send_body(connection: socket.socket, chunks: Iterable[bytes]) -> None:
    """Send until the server stops reading (it may answer before the end)."""
    try:
        for chunk in chunks:
            connection.sendall(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_abusive_request_is_refused_and_the_server_stays_up(server: Server, case: Case) -> None:
    status, headers, body = _send(server, case)
    assert status == case.status, body[:300]
    assert len(body) < 4_000, "an error must not echo the request back"
    assert not _ECHOED_RUN.search(body), f"a value echoed past {ECHO_LIMIT} characters: {body!r}"
    document = json.loads(body)
    if case.path.startswith("/graphql") and case.code is not None:
        codes = [error["extensions"]["code"] for error in document["errors"]]
        assert codes == [case.code]
    elif not case.path.startswith("/graphql"):
        assert headers["content-type"].startswith("application/problem+json")
        assert document["status"] == status and document["detail"]
    assert healthz(server) == 200
    log = server.log_text()
    assert "Traceback" not in log and "unexpected error" not in log, log[-2000:]


def test_eight_parallel_oversized_bodies_leave_the_server_small(server: Server) -> None:
    rss_before = _rss(server)
    case = CASES[1]
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(_send(server, case)[0])) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [413] * 8
    assert healthz(server) == 200
    assert _rss(server) < 1.5 * rss_before


def test_idle_connections_are_closed_and_do_not_block_others(server: Server) -> None:
    idle = [socket.create_connection((server.host, server.port), timeout=30) for _ in range(200)]
    try:
        assert healthz(server) == 200
        half = idle[0]
        half.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        for connection in idle:
            assert connection.recv(1024) == b"", "the server closes what it never got"
    finally:
        for connection in idle:
            connection.close()
    assert f"not complete within {HEADER_TIMEOUT:g} s" in server.log_text()


def test_a_chunked_body_past_the_limit_with_a_valid_token_is_refused(server: Server) -> None:
    env = {**os.environ, "READOUTS_DATA_DIR": str(server.log.parent)}
    env.pop("READOUTS_DATABASE_URL", None)
    created = subprocess.run(
        [sys.executable, "-m", "api", "tokens", "create", "--name", "big", "--scope", "ingest"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    token = created.stdout.strip().splitlines()[-1].strip()
    rss_before = _rss(server)
    case = Case(
        "POST readouts chunked, with a token",
        "/api/v1/readouts",
        b'{"text": "' + b"x" * 4 * MB + b'"}',
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        chunked=True,
        status=413,
    )
    status, _, body = _send(server, case)
    assert status == 413, body[:300]
    assert json.loads(body)["type"] == "/problems/body-too-large"
    assert healthz(server) == 200
    assert _rss(server) < 1.5 * rss_before


CAP = 100


def _capped(data_dir: Path) -> contextlib.AbstractContextManager[Server]:
    """A server that keeps at most `CAP` connections, with long read timeouts."""
    return serve(
        data_dir,
        READOUTS_MAX_CONNECTIONS=str(CAP),
        READOUTS_HEADER_TIMEOUT="120",
        READOUTS_BODY_TIMEOUT="120",
    )


def test_past_the_connection_cap_the_longest_waiting_connections_are_closed(
    tmp_path: Path,
) -> None:
    with _capped(tmp_path) as capped:
        rss_before = _rss(capped)
        running = socket.create_connection((capped.host, capped.port), timeout=30)
        body = b'{"query": "{ __typename }"}'
        running.sendall(  # a request under way: its body is still coming
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body[:10])
        )
        idle = [socket.create_connection((capped.host, capped.port)) for _ in range(20 * CAP)]
        try:
            assert healthz(capped) == 200
            closed = sum(_closed_by_server(connection) for connection in idle)
            assert closed >= len(idle) - CAP, "only the cap's worth stays open"
            assert _closed_by_server(idle[-1]) is False, "the newest waits its turn"
            running.sendall(body[10:])  # the request under way was kept
            response = http.client.HTTPResponse(running, method="POST")
            response.begin()
            assert response.status == 200 and b"Query" in response.read()
            assert _rss(capped) < 1.5 * rss_before
            assert "closed 1 that waited longest for a request" in capped.log_text()
        finally:
            running.close()
            for connection in idle:
                connection.close()


def test_past_the_cap_a_trickling_body_makes_room_for_a_request(tmp_path: Path) -> None:
    with _capped(tmp_path) as capped:
        trickling = [socket.create_connection((capped.host, capped.port)) for _ in range(CAP)]
        try:
            for connection in trickling:  # every slot holds a body that never ends
                connection.sendall(
                    b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                    b'\r\nContent-Length: 1000\r\n\r\n{"query": '
                )
            assert healthz(capped) == 200  # without a slot to take, it would be closed
            assert sum(_closed_by_server(c) for c in trickling) == 1, "one made room"
        finally:
            for connection in trickling:
                connection.close()


def _closed_by_server(connection: socket.socket) -> bool:
    """True when the server has closed `connection` (a read gives EOF at once)."""
    connection.settimeout(0.05)
    try:
        return connection.recv(1) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_an_aborted_body_is_logged_in_one_line(server: Server) -> None:
    went_away = server.log_text().count("went away")
    connection = socket.create_connection((server.host, server.port), timeout=30)
    try:
        connection.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 1000\r\n\r\n{"query": '
        )
        assert connection.recv(1024) == b"", "closed after the body timeout"
    finally:
        connection.close()
    assert healthz(server) == 200
    log = server.log_text()
    assert f"body not complete within {BODY_TIMEOUT:g} s" in log
    assert "Traceback" not in log and "ClientDisconnect" not in log
    assert log.count("went away") == went_away, "the server closed it: one line, where it did"


def test_links_and_downloads_trust_no_client(server: Server) -> None:
    case = Case(
        "evil host",
        "/api/v1/meetings?limit=1",
        method="GET",
        headers={"Host": "evil.example"},
        status=200,
    )
    status, headers, _ = _send(server, case)
    assert status == 200 and headers["link"].startswith("</api/v1/meetings?")
    assert "evil" not in headers["link"]
    head = Case("HEAD export", "/api/v1/meetings.xlsx", method="HEAD", status=200)
    status, headers, body = _send(server, head)
    assert status == 200 and body == b"" and "content-length" not in headers
    assert headers["content-type"].startswith("application/vnd.openxmlformats")


def _rss(server: Server) -> int:
    for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")
