"""The OpenAPI schemas of the writes and the changes feed, with the bearer scheme.

`models()` are merged into the document by `api.rest.openapi`: request and answer
schemas come from the same models the endpoints validate with
(`api.writes.ReadoutRequest`, `api.curation.Retraction`, `Resolution`,
`api.imports.ImportReport`, the ingest report), never restated by hand.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import JsonSchemaMode

from api.curation import Resolution, Retraction
from api.imports import ImportReport
from api.ingest import IngestReport
from api.rest.changes import ChangeList, History
from api.writes import ReadoutRequest

__all__ = ["SECURITY_SCHEMES", "ingest_report_schema", "models"]

_REF = "#/components/schemas/{model}"

SECURITY_SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "A token made with `readouts tokens create --scope ingest|curate|admin` "
        "(ingest < curate < admin). Reads need none.",
    }
}


def models() -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    """The models whose schemas the write entries refer to."""
    return [
        (ReadoutRequest, "validation"),
        (Retraction, "validation"),
        (Resolution, "validation"),
        (ImportReport, "serialization"),
        (ChangeList, "serialization"),
        (History, "serialization"),
    ]


def ingest_report_schema() -> dict[str, Any]:
    """The schema of an ingest's answer (`IngestReport.to_json`), with its `$defs`."""
    schema: dict[str, Any] = TypeAdapter(IngestReport).json_schema(
        mode="serialization", ref_template=_REF
    )
    schema["properties"].pop("replayed", None)  # said by the Idempotent-Replayed header
    return schema
