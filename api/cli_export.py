"""What `readouts export` and `readouts plugins` need besides option parsing by typer:
the filter from command-line options, exporter options from `key=value` pairs, where an
export came from, an atomic file writer, and the plugin listing.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from pydantic import ValidationError

from api.errors import InvalidInput, Spelling
from api.filters import MeetingFilter
from api.models import Meeting
from api.service import Service
from exporters.registry import ExporterRegistry

__all__ = [
    "counted",
    "export_source",
    "option_pairs",
    "plugin_rows",
    "selection_from_options",
    "write_output",
]


def selection_from_options(filters: Mapping[str, object]) -> MeetingFilter:
    """The `MeetingFilter` the command-line filter options describe (`api.cli_filters`:
    field name -> value, None when absent); `InvalidInput` naming the option and value."""
    raw = {name: value for name, value in filters.items() if value is not None}
    try:
        return MeetingFilter.model_validate(raw)
    except ValidationError as error:
        raise InvalidInput.from_validation(error, _OPTIONS) from None


_OPTIONS = Spelling(label=lambda field: f"--{field.replace('_', '-')}", top_level=True)
"""Filter fields as the command line names them: `--held-in`."""


def export_source(service: Service) -> str:
    """Where a command-line export came from: the database, its password hidden."""
    database = service.engine.url.render_as_string(hide_password=True)
    return f"readouts export from {database}"


def option_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """`key=value` strings as a mapping; `InvalidInput` for one without `=`."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"--option {pair!r} is not key=value; e.g. --option excel=true")
        options[key.strip()] = value.strip()
    return options


def counted(meetings: Iterable[Meeting], advance: Callable[[int], None]) -> Iterator[Meeting]:
    """`meetings`, calling `advance` every hundred (and at the end)."""
    pending = 0
    for meeting in meetings:
        yield meeting
        pending += 1
        if pending == 100:
            advance(pending)
            pending = 0
    if pending:
        advance(pending)


def write_output(target: str, chunks: Iterable[bytes]) -> int:
    """Write `chunks` to the file `target` (or stdout for `-`); returns the bytes written.

    A file appears only complete: the data goes to a temporary file beside it, renamed
    into place at the end; on any error the temporary file is removed and nothing changes.
    """
    if target == "-":
        out = sys.stdout.buffer
        written = 0
        for chunk in chunks:
            out.write(chunk)
            written += len(chunk)
        out.flush()
        return written
    path = Path(target)
    if path.is_dir():
        raise InvalidInput(f"-o {target!r} is a directory; give a file name such as meetings.xlsx")
    if not path.parent.is_dir():
        raise InvalidInput(f"-o {target!r}: directory {str(path.parent)!r} does not exist")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            written = 0
            for chunk in chunks:
                file.write(chunk)
                written += len(chunk)
            file.flush()
            os.fsync(file.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return written


def plugin_rows(registry: ExporterRegistry) -> list[dict[str, str]]:
    """One row per exporter (and per broken plugin) for `readouts plugins`."""
    rows: list[dict[str, str]] = []
    for info in registry.plugins():
        for name in info.exporters:
            exporter = registry.get(name)
            rows.append(
                {
                    "exporter": name,
                    "extension": exporter.extension,
                    "plugin": info.name,
                    "package": info.package or "-",
                    "version": info.version or "-",
                    "description": exporter.description,
                    "error": info.error or "",
                }
            )
        if info.error and not info.exporters:
            rows.append(
                {
                    "exporter": "-",
                    "extension": "-",
                    "plugin": info.name,
                    "package": info.package or "-",
                    "version": info.version or "-",
                    "description": "",
                    "error": info.error,
                }
            )
    return rows
