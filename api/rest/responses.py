"""Response helpers: orjson bodies with a strong ETag, `304` on a match, caching headers.

Every data response of the REST face goes through `json_response`, so conditional
requests and `Cache-Control` behave the same on every resource.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import Response

from api.etags import entity_tag
from api.rest.problems import NotAcceptable

__all__ = [
    "CACHE_CONTROL",
    "JSON_MEDIA_TYPE",
    "accept_ranges",
    "accepts_json",
    "etag",
    "json_response",
]

JSON_MEDIA_TYPE = "application/json"
CACHE_CONTROL = "public, max-age=60"

_JSON_RANGES = ("*/*", "application/*", "application/json", "application/problem+json")


def etag(body: bytes) -> str:
    """A strong entity tag for `body` (`api.etags`: curation's If-Match uses the same)."""
    return entity_tag(body)


def json_response(
    request: Request, body: bytes, headers: Mapping[str, str] | None = None
) -> Response:
    """A JSON response for `body` (already serialised), or `304` when the client has it."""
    tag = etag(body)
    all_headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept, Accept-Encoding"}
    all_headers.update(headers or {})
    if _matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=all_headers)
    return Response(body, headers=all_headers, media_type=JSON_MEDIA_TYPE)


def accepts_json(request: Request) -> None:
    """`406` unless the `Accept` header admits JSON (no header admits everything)."""
    accept = request.headers.get("accept")
    if not accept or accept_ranges(accept) & set(_JSON_RANGES):
        return
    raise NotAcceptable(
        f"cannot answer Accept: {accept!r}; this resource is available as application/json"
    )


def accept_ranges(accept: str) -> set[str]:
    """The media ranges an `Accept` header admits (those with `q=0` left out)."""
    ranges = set()
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        refused = any(
            p.replace(" ", "").lower() in {"q=0", "q=0.0", "q=0.00", "q=0.000"} for p in params
        )
        if not refused:
            ranges.add(media.lower())
    return ranges


def _matches(header: str | None, tag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    return any(candidate.strip().removeprefix("W/") == tag for candidate in header.split(","))
