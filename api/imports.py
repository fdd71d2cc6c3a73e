"""Bulk import: a load file sent over HTTP, loaded exactly as `readouts load` loads one.

`POST /api/v1/imports` passes the request body here with the writer's token name. The
load is all-or-nothing; a bad record stops it with `LoadError` naming the record's id,
the field and the reason, and the database stays as it was.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine

from api.errors import LoadError
from api.storage.loading import LoadReport, load_paths

__all__ = ["BODY", "ImportReport", "import_load_file", "report_of"]

BODY = "the request body"
"""How errors name the file of an import."""


def import_load_file(engine: Engine, actor: str, body: bytes) -> LoadReport:
    """Load `body` (a load file: JSON with topics, people, meetings) as `actor`."""
    with tempfile.TemporaryDirectory(prefix="readouts-import-") as directory:
        path = Path(directory) / "import.json"
        path.write_bytes(body)
        try:
            return load_paths(engine, [path], actor=actor)
        except LoadError as error:
            raise LoadError(BODY, error.record, error.errors) from None


class ImportReport(BaseModel):
    """What an import changed, per kind of record (topics, people, meetings)."""

    added: dict[str, int] = Field(description="Records new to the database.")
    updated: dict[str, int] = Field(description="Stored records the file changed.")
    unchanged: dict[str, int] = Field(description="Records equal to the stored ones.")
    dropped_aliases: list[str] = Field(
        description="Aliases left out because they would also name someone else."
    )


def report_of(report: LoadReport) -> ImportReport:
    """The answer to an import."""
    return ImportReport(
        added=report.added,
        updated=report.updated,
        unchanged=report.unchanged,
        dropped_aliases=[alias.describe() for alias in report.dropped_aliases],
    )
