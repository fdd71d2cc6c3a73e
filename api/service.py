"""The service's shared state: settings, engine and repository, built once per process."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from api.config import Settings
from api.models import Topic
from api.storage.engine import create_engine, prepare_database
from api.storage.loading import LoadReport, seed_if_empty
from api.storage.repository import Repository

__all__ = ["Service", "open_service"]


@dataclass(frozen=True)
class Service:
    """What every face of readouts (HTTP, CLI) works through."""

    settings: Settings
    engine: Engine
    repository: Repository

    def is_empty(self) -> bool:
        """True when the database holds no meeting yet."""
        return self.repository.is_empty()

    def load_seeds_if_empty(self) -> LoadReport | None:
        """Load the curated seeds into an empty database; None when nothing was loaded.
        Several processes may start at once: exactly one of them loads."""
        if not self.settings.load_seeds or not self.is_empty():
            return None
        return seed_if_empty(self.engine, [self.settings.seeds_dir])

    def vocabulary(self) -> tuple[Topic, ...]:
        """The topic vocabulary in the database (one statement), for labels in exports."""
        return tuple(
            Topic(id=t.id, label=t.label, description=t.description)
            for t in self.repository.topics()
        )

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def open_service(settings: Settings, migrate: bool = True) -> Service:
    """Connect to the configured database and (by default) bring its schema up to date."""
    engine = create_engine(settings.resolved_database_url())
    if migrate:
        prepare_database(engine)
    return Service(settings=settings, engine=engine, repository=Repository(engine))
