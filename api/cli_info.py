"""What the `readouts` command says about the database it uses: the line every command
that opens one prints first, the refusal to read a database that is missing or empty, and
the report of `readouts info`.
"""

from __future__ import annotations

from api.config import Settings
from api.errors import NotFound
from api.service import Service
from api.storage.engine import database_exists, display_url, migration_level
from exporters.registry import ExporterRegistry

__all__ = ["database_line", "info_lines", "require_database", "require_meetings"]

_HOW_TO_FILL = (
    "`readouts load` loads the curated seeds (`readouts serve` does too, on first start); "
    "READOUTS_DATABASE_URL or READOUTS_DATA_DIR chooses another database"
)


def database_line(settings: Settings) -> str:
    """One line naming the database a command uses."""
    return f"database: {display_url(settings.resolved_database_url())}"


def require_database(settings: Settings) -> None:
    """`NotFound` when the database is a SQLite file that does not exist yet: a command
    that only reads must not create an empty one and report nothing."""
    url = settings.resolved_database_url()
    if not database_exists(url):
        raise NotFound(f"there is no database at {display_url(url)} yet; {_HOW_TO_FILL}")


def require_meetings(service: Service) -> None:
    """`NotFound` when the database holds no meeting at all."""
    if service.is_empty():
        url = service.settings.resolved_database_url()
        raise NotFound(f"the database {display_url(url)} holds no meetings; {_HOW_TO_FILL}")


def info_lines(service: Service | None, settings: Settings, plugins: ExporterRegistry) -> list[str]:
    """The report of `readouts info`: the database, its row counts, its migration level
    and the exporter plugins. `service` is None when the database does not exist yet."""
    lines = [database_line(settings)]
    if service is None:
        lines.append("  does not exist yet: `readouts serve` or `readouts load` creates it")
    else:
        current, head = migration_level(service.engine)
        level = f"{current}" if current == head else f"{current} (newest: {head})"
        lines.append(f"  migrations: {level}")
        counts = service.repository.table_counts()
        lines.append(
            "  rows: "
            + ", ".join(f"{table} {counts[table]:,}" for table in _SHOWN if table in counts)
        )
        if not counts.get("meetings"):
            lines.append(f"  empty: {_HOW_TO_FILL}")
    lines.append("plugins:")
    for info in plugins.plugins():
        version = f" {info.version}" if info.version else ""
        package = f" ({info.package}{version})" if info.package else ""
        names = ", ".join(info.exporters) or "-"
        error = f"; BROKEN: {info.error}" if info.error else ""
        lines.append(f"  {info.name}{package}: {names}{error}")
    return lines


_SHOWN = ("meetings", "people", "sources", "topics", "countries", "source_texts", "conflicts")
