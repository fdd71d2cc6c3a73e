"""The exporter interface: what a format plugin implements.

An exporter turns an iterable of meetings into bytes, chunk by chunk. It never sees HTTP,
GraphQL or storage, so the same exporter serves REST and GraphQL downloads, the
`readouts export` command and the web page.

What `stream` is given, the models-or-rows contract: by default (`reads = "models"`)
`api.models.Meeting` models, and only those. An exporter that only serialises may set
`reads = "rows"`: the built-in callers then hand it `api.results.MeetingRow`s, plain dicts
read straight from storage with the keys, order and values of `Meeting.model_dump()`
(enums as their values, dates as `datetime.date`), which are several times cheaper to
read than models. Such an exporter must still take models too (anyone may call `stream`
with models, and the contract test does): `rows(meetings)` gives rows for either (a
model's enums then stay `StrEnum` members, equal to their values). Every built-in
exporter reads rows; the flat tables (xlsx, csv, datapackage) take their cells from one
builder, `exporters.table_rows`. Options are a Pydantic model with defaults
(`extra="forbid"`); callers parse user input with `ExporterRegistry.parse_options`.

A complete minimal exporter, as a third-party package would ship it (this block is run
by the test suite)::

```python
from collections.abc import Iterable, Iterator

from pydantic import BaseModel, ConfigDict

from api.models import Meeting, Topic
from exporters.base import ExportContext, Exporter
from exporters.hookspecs import hookimpl


class IdsOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    separator: str = "\\n"


class IdsExporter(Exporter[IdsOptions]):
    name = "ids"
    media_type = "text/plain; charset=utf-8"
    extension = "txt"
    description = "One meeting id a line."
    options_model = IdsOptions

    def stream(
        self, meetings: Iterable[Meeting], options: IdsOptions, context: ExportContext
    ) -> Iterator[bytes]:
        for meeting in meetings:
            yield (meeting.id + options.separator).encode()


@hookimpl
def readouts_exporters() -> list[Exporter[IdsOptions]]:
    return [IdsExporter()]
```

and in the package's `pyproject.toml`::

    [project.entry-points."readouts.exporters"]
    ids = "readouts_ids"    # the module holding the @hookimpl above

Once the package is installed, `readouts plugins` lists `ids` and every download accepts
`format=ids`.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Generic, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.filters import MeetingFilter
from api.models import Meeting, Topic
from api.results import MeetingRow

__all__ = ["LOCAL_ONLY", "ExportContext", "Exporter", "MeetingRow", "NoOptions", "OptionsT"]

OptionsT = TypeVar("OptionsT", bound=BaseModel)


LOCAL_ONLY: dict[str, Any] = {"readouts_local_only": True}
"""`json_schema_extra` of an option that only the command line may set, never a download
link (e.g. one that turns a safety off): `Field(..., json_schema_extra=LOCAL_ONLY)`."""


class NoOptions(BaseModel):
    """The options of an exporter that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ExportContext(BaseModel):
    """What an exporter may know besides the meetings: the selection, when, which version."""

    model_config = ConfigDict(frozen=True)

    selection: MeetingFilter = Field(default_factory=MeetingFilter)
    exported_at: dt.datetime = Field(
        default_factory=lambda: dt.datetime.now(dt.UTC), description="Timezone-aware UTC."
    )
    version: str = Field(description="The readouts version (`api.__version__`).")
    source_url: str | None = Field(
        default=None, description="Where the data came from, for the About sheet and citation."
    )
    topics: tuple[Topic, ...] = Field(
        default=(), description="The topic vocabulary, for labels beside topic ids."
    )

    @field_validator("exported_at")
    @classmethod
    def _utc(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError(f"exported_at {value.isoformat()} has no timezone; give it in UTC")
        return value.astimezone(dt.UTC)


class Exporter(ABC, Generic[OptionsT]):
    """A file format: a stable name, how it is served, and how meetings become bytes."""

    name: ClassVar[str]
    """Stable identifier used in URLs and on the command line, e.g. `xlsx`."""
    media_type: ClassVar[str]
    """The Content-Type of a download."""
    extension: ClassVar[str]
    """File name extension, without the dot."""
    description: ClassVar[str]
    """One line for listings and API documentation."""
    options_model: type[OptionsT]
    """The options, each with a default; unknown options are rejected."""
    reads: ClassVar[Literal["models", "rows"]] = "models"
    """What the built-in callers pass to `stream`: `Meeting` models, or `MeetingRow`s
    (see the module's docstring); an exporter reading rows takes models as well."""

    @abstractmethod
    def stream(
        self, meetings: Iterable[Meeting], options: OptionsT, context: ExportContext
    ) -> Iterator[bytes]:
        """The export of `meetings`, chunk by chunk; a valid file also for no meetings.
        With `reads = "rows"`, `meetings` may hold `MeetingRow`s (see the module)."""

    @staticmethod
    def rows(meetings: Iterable[Meeting | MeetingRow]) -> Iterator[MeetingRow]:
        """`meetings` as `MeetingRow`s, whether given as rows or as models."""
        for meeting in meetings:
            if isinstance(meeting, dict):
                yield meeting
            else:
                yield cast(MeetingRow, meeting.model_dump())

    def filename(self, stem: str = "meetings") -> str:
        """A download file name, e.g. `meetings.xlsx`."""
        return f"{stem}.{self.extension}"

    def default_options(self) -> OptionsT:
        """The options with every default."""
        return self.options_model()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"
