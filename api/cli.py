"""The `readouts` command: serve, load, synth, schema and the other faces of the dataset.

Every command reads the same settings as the service (`READOUTS_*` environment
variables). Errors are printed as one line naming the bad value, with a non-zero exit.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli_console import err as _err
from api.cli_console import out as _out
from api.cli_filters import filter_options
from api.cli_reports import print_ingest_report, print_load_report
from api.cli_tokens import tokens_app

if TYPE_CHECKING:
    from api.service import Service

# Each command imports what it needs when it runs: `readouts --help` and the light
# commands must not pay for SQLAlchemy, pydantic, strawberry or the extractor
# (tests/api/test_cli.py keeps them out of `import api.cli`).

__all__ = ["app", "main"]

app = typer.Typer(
    name="readouts",
    help="Diplomatic readouts as a queryable dataset.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


app.add_typer(tokens_app)


def main() -> None:
    """Entry point of the console script."""
    import gc

    from api.errors import ReadoutsError

    gc.freeze()  # the imported modules live as long as the command: never rescan them
    try:
        app()
    except ReadoutsError as error:
        _err().print(f"[red]error:[/red] {error.detail}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except Exception as error:
        if os.environ.get("READOUTS_DEBUG"):
            raise
        _err().print(
            f"[red]internal error:[/red] {error!r}; set READOUTS_DEBUG=1 to see where",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(70)


@contextlib.contextmanager
def _service(reading: bool = False) -> Iterator[Service]:
    """The service on the configured database, named on stderr first; `reading`: refuse a
    database that is missing or holds no meetings, rather than report nothing."""
    from api.cli_info import database_line, require_database, require_meetings
    from api.config import load_settings
    from api.service import open_service

    settings = load_settings()
    _err().print(database_line(settings), highlight=False, soft_wrap=True)
    if reading:
        require_database(settings)
    service = open_service(settings)
    try:
        if reading:
            require_meetings(service)
        yield service
    finally:
        service.close()


def _check_port(host: str, port: int) -> None:
    """`InvalidInput` naming the port when something already listens there."""
    import errno
    import socket

    from api.errors import InvalidInput

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise InvalidInput(f"cannot listen on {host}:{port}: {error.strerror}") from None
            raise InvalidInput(
                f"port {port} on {host} is already in use; choose another with --port "
                "(or READOUTS_PORT)"
            ) from None


@contextlib.contextmanager
def progress_bar(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (hidden when stderr is not a terminal); yields `advance`."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=_err(), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (use PostgreSQL for >1).")] = 1,
) -> None:
    """Serve GraphQL, REST and downloads; creates the database and loads the seeds if empty."""
    import uvicorn

    from api.config import load_settings
    from api.serving import uvicorn_options

    settings = load_settings()
    host = host if host is not None else settings.host
    port = port if port is not None else settings.port
    _check_port(host, port)
    with _service() as service:
        report = service.load_seeds_if_empty()
        if report is not None:
            _err().print(f"Loaded the seed data into an empty database ({report.changes} records).")
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        **uvicorn_options(settings),
    )


@app.command()
def load(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or directories of JSON records.")
    ] = None,
) -> None:
    """Validate records and upsert them, all or nothing (default: the curated seeds)."""
    from api.config import load_settings
    from api.storage.loading import load_paths

    settings = load_settings()
    chosen = paths or [settings.seeds_dir]
    with _service() as service, progress_bar("Loading", None) as advance:
        report = load_paths(service.engine, chosen, advance)
    print_load_report(report)


@app.command()
def synth(
    meetings: Annotated[int, typer.Option(help="How many synthetic meetings to add.")] = 0,
    seed: Annotated[int, typer.Option(help="Random seed, for repeatable data.")] = 0,
    purge: Annotated[bool, typer.Option("--purge", help="Remove all synthetic data.")] = False,
) -> None:
    """Add clearly marked synthetic meetings for benchmarks, or remove them with --purge."""
    from api.storage import synth as synthetic

    if meetings < 0:
        raise typer.BadParameter(f"--meetings must be 0 or more, not {meetings}")
    if not purge and not meetings:
        raise typer.BadParameter("give --meetings N (N >= 1) to add, or --purge to remove")
    with _service() as service:
        service.load_seeds_if_empty()
        if purge:
            removed = synthetic.purge(service.engine)
            _out().print(f"Removed {removed} synthetic meetings.")
        if meetings:
            with progress_bar("Generating", meetings) as advance:
                synthetic.generate(service.engine, meetings, seed=seed, progress=advance)
            _out().print(f"Added {meetings} synthetic meetings.")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the load-file records (topics, people, meetings)."""
    import json

    from pydantic import TypeAdapter

    from api.models import Meeting, Person, Topic

    document = TypeAdapter(dict[str, list[Topic] | list[Person] | list[Meeting]]).json_schema()
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "readouts load file",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "topics": {"type": "array", "items": {"$ref": "#/$defs/Topic"}},
            "people": {"type": "array", "items": {"$ref": "#/$defs/Person"}},
            "meetings": {"type": "array", "items": {"$ref": "#/$defs/Meeting"}},
        },
        "$defs": document["$defs"],
    }
    sys.stdout.write(json.dumps(document, indent=2) + "\n")


@app.command("graphql-schema")
def graphql_schema() -> None:
    """Print the GraphQL schema (SDL), as committed in schema.graphql."""
    from api.graphql import schema_text

    sys.stdout.write(schema_text())


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A .txt readout, or JSON with text and published.")],
) -> None:
    """Print the meetings found in one readout as JSON, in the corpus format."""
    from api.extract.commands import extract_file

    sys.stdout.write(_dumps(extract_file(file)) + "\n")


@app.command()
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="Directory of annotated readouts (*.json).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Score the extractor on an annotated corpus: precision, recall, F1, field accuracy."""
    from api.extract.evaluate import evaluate as run_evaluation
    from api.extract.evaluate import format_report

    if not corpus.is_dir() or not any(corpus.glob("*.json")):
        raise typer.BadParameter(
            f"{str(corpus)!r} is not a directory of annotated readouts (*.json)"
        )
    report = run_evaluation(corpus)
    sys.stdout.write((_dumps(report.to_json()) if as_json else format_report(report)) + "\n")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Readout files or directories.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report, change nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable report.")] = False,
) -> None:
    """Extract meetings from readouts and merge them into the database, all or nothing."""
    from api.ingest import IngestReport, ingest_paths, readout_files

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or directory: {', '.join(missing)}")
    with _service() as service, progress_bar("Ingesting", len(readout_files(paths))) as advance:
        report: IngestReport = ingest_paths(service.engine, paths, dry_run, advance)
    if as_json:
        sys.stdout.write(_dumps(report.to_json()) + "\n")
        return
    print_ingest_report(report, dry_run)


@app.command()
@filter_options
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Exporter name; `readouts plugins` lists them.")
    ] = "xlsx",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write, or - for stdout \\[meetings.EXT]."),
    ] = None,
    option: Annotated[
        list[str] | None,
        typer.Option("--option", help="Exporter option key=value, e.g. table=participants."),
    ] = None,
    filters: Mapping[str, object] | None = None,
) -> None:
    """Write the selected meetings in any registered format; the file appears only complete."""
    from api import __version__
    from api.cli_export import (
        counted,
        export_source,
        option_pairs,
        selection_from_options,
        write_output,
    )
    from api.resolve import resolve_filter
    from exporters.base import ExportContext
    from exporters.registry import registry

    exporters = registry()
    exporter = exporters.get(fmt)
    options = exporters.parse_options(fmt, option_pairs(option or []), local=True)
    selection = selection_from_options(filters or {})
    target = output or exporter.filename()
    with _service(reading=True) as service:
        selection = resolve_filter(selection, service.repository)
        context = ExportContext(
            selection=selection,
            version=__version__,
            source_url=export_source(service),
            topics=service.vocabulary(),
        )
        total = service.repository.count_meetings(selection)
        with progress_bar("Exporting", total) as advance:
            meetings = counted(
                service.repository.iter_for_export(exporter.reads, selection), advance
            )
            written = write_output(target, exporter.stream(meetings, options, context))
    if target != "-":
        _err().print(f"Wrote {total} meetings to {target} ({written:,} bytes).", highlight=False)


@app.command()
def info() -> None:
    """Print the database in use, its row counts and migration level, and the plugins."""
    from api.cli_info import info_lines
    from api.config import load_settings
    from api.service import open_service
    from api.storage.engine import database_exists
    from exporters.registry import registry

    settings = load_settings()
    if not database_exists(settings.resolved_database_url()):
        lines = info_lines(None, settings, registry())
    else:
        service = open_service(settings)
        try:
            lines = info_lines(service, settings, registry())
        finally:
            service.close()
    for line in lines:
        _out().print(line, highlight=False, soft_wrap=True)


@app.command()
def plugins(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the exporters with their plugin, package and version, and any broken plugin."""
    from api.cli_export import plugin_rows
    from exporters.registry import registry

    rows = plugin_rows(registry())
    if as_json:
        sys.stdout.write(_dumps(rows) + "\n")
        return
    for row in rows:
        if row["exporter"] == "-":
            _out().print(
                f"BROKEN  {row['plugin']} ({row['package']} {row['version']}): {row['error']}",
                highlight=False,
                soft_wrap=True,
            )
            continue
        _out().print(
            f"{row['exporter']:<12} .{row['extension']:<8} {row['package']} {row['version']}"
            f"  ({row['plugin']})  {row['description']}",
            highlight=False,
            soft_wrap=True,
        )
        if row["error"]:
            _out().print(f"    warning: {row['error']}", highlight=False, soft_wrap=True)


def _dumps(value: object) -> str:
    import orjson

    return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
