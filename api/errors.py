"""One error hierarchy for the whole service.

Every error knows its HTTP status and RFC 9457 problem type, and its message names the
bad value and the way out::

    ReadoutsError                 500  internal
    ├── InvalidInput              400  invalid-input    (bad filter, cursor, parameter)
    ├── Unauthorized              401  unauthorized     (a write without a valid token)
    ├── Forbidden                 403  forbidden        (a token without the scope needed)
    ├── NotFound                  404  not-found        (unknown meeting, person, ...)
    ├── Gone                      410  gone             (a retracted meeting; names the reason)
    ├── PreconditionFailed        412  precondition-failed (If-Match is not the current ETag)
    ├── PreconditionRequired      428  precondition-required (a PATCH without If-Match)
    ├── IdempotencyMismatch       422  idempotency-key-reused (same key, other request)
    ├── LoadError                 422  invalid-record   (a seed or load file is wrong)
    ├── UnknownFormat             400  unknown-format   (no exporter of that name)
    ├── Busy                      503  busy             (another writer held the lock too long)
    ├── ReadOnly                  503  read-only        (a write to a read-only database)
    └── StorageFull               507  storage-full     (no room left for a write)

A value echoed back in an error is cut to `ECHO_LIMIT` characters (`clip`; `clip_words`
cuts every long run of a message that quotes values it did not clip), and a whole message
to a few times that, so a huge bad value is never sent back to its sender.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from pydantic import ValidationError

__all__ = [
    "ECHO_LIMIT",
    "Busy",
    "Candidate",
    "FieldError",
    "Forbidden",
    "Gone",
    "IdempotencyMismatch",
    "InvalidInput",
    "LoadError",
    "NotFound",
    "PreconditionFailed",
    "PreconditionRequired",
    "ReadOnly",
    "ReadoutsError",
    "Spelling",
    "StorageFull",
    "Unauthorized",
    "UnknownFormat",
    "clip",
    "clip_words",
    "field_errors",
]

ECHO_LIMIT = 200
"""Characters of a client's value that an error message repeats."""
_DETAIL_LIMIT = 4 * ECHO_LIMIT


def clip(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text`, cut to `limit` characters with a note of how many were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


_LONG_RUN = re.compile(rf"\S{{{ECHO_LIMIT + 1},}}")


def clip_words(text: str, limit: int = _DETAIL_LIMIT) -> str:
    """`text` with every run of more than `ECHO_LIMIT` characters without a space clipped,
    then the whole cut to `limit`: for messages that quote a client's value whole."""
    return clip(_LONG_RUN.sub(lambda run: clip(run.group()), text), limit)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record a name could have meant: its id and its name or label."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field: where it is, what was given, why it is wrong, and for a name
    that means several records or none, the `candidates` it could have meant."""

    field: str
    message: str
    value: object = None
    candidates: tuple[Candidate, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", clip(self.field))
        object.__setattr__(self, "message", clip_words(self.message))
        if isinstance(self.value, str):
            object.__setattr__(self, "value", clip(self.value))


class ReadoutsError(Exception):
    """Base of every error the service raises on purpose."""

    status: ClassVar[int] = 500
    problem: ClassVar[str] = "internal"
    title: ClassVar[str] = "Internal error"

    def __init_subclass__(
        cls, *, status: int | None = None, problem: str = "", title: str = "", **kwargs: object
    ) -> None:
        """A kind of error declares its answer in its class line: `class NotFound(
        ReadoutsError, status=404, problem="not-found", title="Not found")`; a subclass
        that declares none answers as its base."""
        super().__init_subclass__(**kwargs)
        if status is not None:
            cls.status, cls.problem, cls.title = status, problem, title

    @property
    def headers(self) -> dict[str, str]:
        """HTTP headers the error's response carries (`WWW-Authenticate` for a 401)."""
        return {}

    def __init__(self, detail: str, errors: list[FieldError] | None = None) -> None:
        detail = clip_words(detail)
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


@dataclass(frozen=True, slots=True)
class Spelling:
    """How one face names the fields of its input: REST `query parameter kind`, the CLI
    `--kind`, GraphQL `filter.kind`, settings `READOUTS_KIND`.

    `label` names a field in the message (given "" for an error of the whole input), `field`
    in `errors[].field`; `top_level` names only the top-level field (list indexes and
    nested parts dropped), as a query parameter or an option is one name however deep the
    error lies."""

    label: Callable[[str], str] = str
    field: Callable[[str], str] = str
    top_level: bool = False


class InvalidInput(ReadoutsError, status=400, problem="invalid-input", title="Invalid input"):
    """A parameter, filter or cursor that cannot be used as given."""

    @classmethod
    def from_validation(
        cls, error: ValidationError, spelling: Spelling = Spelling(), hint: str = ""
    ) -> InvalidInput:
        """`error` as the face that read the input spells it; `hint` (the way out) ends the
        message. Each part reads `name='value': reason`, or `name: reason` for a value that
        is missing or not a single value."""
        items, parts = [], []
        for item in field_errors(error):
            path = "" if item.field == "(record)" else item.field
            if spelling.top_level:
                path = path.split(".", 1)[0]
            message = item.message.split(" (got ", 1)[0]
            field = spelling.field(path) if path else "(record)"
            scalar = item.value is not None and not isinstance(item.value, dict | list)
            items.append(FieldError(field, message, item.value if scalar else None))
            label = spelling.label(path)
            if not label:
                parts.append(message)
            elif scalar:
                parts.append(f"{label}={clip(repr(item.value))}: {message}")
            else:
                parts.append(f"{label}: {message}")
        detail = "; ".join(parts) or "invalid input"
        return cls(f"{detail}; {hint}" if hint else detail, items)


class Unauthorized(ReadoutsError, status=401, problem="unauthorized", title="Unauthorized"):
    """A write without a token, or with one that is unknown or revoked; names the scope
    the request needs."""

    def __init__(self, detail: str, scope: str) -> None:
        super().__init__(detail)
        self.scope = scope

    @property
    def headers(self) -> dict[str, str]:
        """The challenge a client answers with `Authorization: Bearer <token>`."""
        return {"WWW-Authenticate": f'Bearer realm="readouts", scope="{self.scope}"'}


class Forbidden(ReadoutsError, status=403, problem="forbidden", title="Forbidden"):
    """A valid token whose scope does not allow the write; names the scope needed."""

    def __init__(self, detail: str, scope: str) -> None:
        super().__init__(detail)
        self.scope = scope


class IdempotencyMismatch(
    ReadoutsError, status=422, problem="idempotency-key-reused", title="Idempotency key reused"
):
    """An `Idempotency-Key` used before with a different request."""


class NotFound(ReadoutsError, status=404, problem="not-found", title="Not found"):
    """No record with the requested id."""


class Gone(ReadoutsError, status=410, problem="gone", title="Gone"):
    """A meeting that was retracted: it left the dataset; the message gives the reason."""


class PreconditionFailed(
    ReadoutsError, status=412, problem="precondition-failed", title="Precondition failed"
):
    """A conditional write whose `If-Match` is not the record's current ETag: someone
    changed it first; read it again and reapply the change."""


class PreconditionRequired(
    ReadoutsError, status=428, problem="precondition-required", title="Precondition required"
):
    """A write that must say which version it changes (`If-Match`) and did not."""


class UnknownFormat(
    ReadoutsError, status=400, problem="unknown-format", title="Unknown export format"
):
    """No exporter is registered under the requested name."""


class Busy(ReadoutsError, status=503, problem="busy", title="Database busy"):
    """The database stayed locked by another writer for longer than a writer waits."""


class ReadOnly(ReadoutsError, status=503, problem="read-only", title="Database read-only"):
    """A write to a database that is open read-only (a read-only file, folder or file
    system), or a read-only database that needs migrating first."""


class StorageFull(ReadoutsError, status=507, problem="storage-full", title="Storage full"):
    """The database (or the disk under it) has no room for a write; nothing was written."""


class LoadError(ReadoutsError, status=422, problem="invalid-record", title="Invalid record"):
    """A record in a load file is invalid; names the file, the record and the field."""

    def __init__(self, file: str, record: str | None, errors: list[FieldError]) -> None:
        where = file if record is None else f"{file}: record {record!r}"
        reasons = "; ".join(f"{e.field}: {e.message}" for e in errors) or "invalid"
        super().__init__(f"{where}: {reasons}", errors)
        self.file = file
        self.record = record


def field_errors(error: ValidationError, prefix: str = "") -> list[FieldError]:
    """Flatten a Pydantic error into `FieldError`s with dotted field paths."""
    result = []
    for item in error.errors(include_url=False):
        path = ".".join(str(part) for part in item["loc"])
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        message = item["msg"].removeprefix("Value error, ")
        value = item.get("input")
        if item["type"] not in {"value_error", "missing"} and not isinstance(value, dict | list):
            message = f"{message} (got {clip(repr(value))})"
        result.append(FieldError(field=path or "(record)", message=message, value=value))
    return result
