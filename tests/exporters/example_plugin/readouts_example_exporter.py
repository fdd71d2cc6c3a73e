"""An example third-party exporter: meetings as a Markdown table (used by the tests)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from api.models import Meeting
from exporters.base import ExportContext, Exporter
from exporters.hookspecs import hookimpl

__all__ = ["MarkdownExporter", "MarkdownOptions", "readouts_exporters"]


class MarkdownOptions(BaseModel):
    """Options of the example format."""

    model_config = ConfigDict(extra="forbid")

    title: str = "Meetings"


class MarkdownExporter(Exporter[MarkdownOptions]):
    """Date, kind and principals of each meeting as a Markdown table."""

    name = "example"
    media_type = "text/markdown; charset=utf-8"
    extension = "md"
    description = "Example plugin: meetings as a Markdown table."
    options_model = MarkdownOptions

    def stream(
        self, meetings: Iterable[Meeting], options: MarkdownOptions, context: ExportContext
    ) -> Iterator[bytes]:
        yield f"# {options.title}\n\n| date | kind | principals |\n|---|---|---|\n".encode()
        for meeting in meetings:
            names = ", ".join(p.person.name or p.person.id for p in meeting.principals)
            yield f"| {meeting.date.isoformat()} | {meeting.kind.value} | {names} |\n".encode()


@hookimpl
def readouts_exporters() -> list[Exporter[Any]]:
    """The example exporter."""
    return [MarkdownExporter()]
