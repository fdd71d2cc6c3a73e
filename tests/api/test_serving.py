"""How `readouts serve` runs uvicorn: what its access log may hold."""

from __future__ import annotations

import logging

import pytest

from api.serving import RedactSecrets


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/api/v1/readouts?access_token=rdt_secret", "/api/v1/readouts?access_token=[redacted]"),
        (
            "/api/v1/meetings?kind=meeting&token=rdt_secret&limit=5",
            "/api/v1/meetings?kind=meeting&token=[redacted]&limit=5",
        ),
        ("/api/v1/meetings?kind=meeting", "/api/v1/meetings?kind=meeting"),
    ],
)
def test_a_token_in_the_url_never_reaches_the_access_log(path: str, logged: str) -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "POST", path, "1.1", 401),
        None,
    )
    assert RedactSecrets().filter(record)
    assert record.getMessage() == f'127.0.0.1:5000 - "POST {logged} HTTP/1.1" 401'
