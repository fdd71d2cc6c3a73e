"""Settings, read from `READOUTS_*` environment variables with defaults that need no set-up."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.errors import InvalidInput, Spelling
from api.vocabulary import SEEDS_DIR

__all__ = ["Settings", "load_settings"]


class Settings(BaseSettings):
    """Service configuration. Every field is `READOUTS_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="READOUTS_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: platformdirs.user_data_path("readouts", appauthor=False),
        description="Directory of the SQLite file (created if missing); default: the "
        "user's data directory, e.g. ~/.local/share/readouts.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; empty means SQLite at <data_dir>/readouts.sqlite3. "
        "PostgreSQL: postgresql+psycopg://user@host:5432/db (postgresql:// also works).",
    )
    seeds_dir: Path = Field(default=SEEDS_DIR, description="Curated records loaded on first start.")
    load_seeds: bool = Field(default=True, description="Load the seeds when the database is empty.")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    threads: int | None = Field(
        default=None,
        ge=1,
        le=64,
        description="Threads per process for database work; unset: 2 on SQLite, 8 on "
        "PostgreSQL (more threads only contend for the interpreter lock).",
    )
    max_body_bytes: int = Field(
        default=1_048_576,
        ge=1_024,
        description="Largest request body accepted, in bytes; a larger one is refused with 413.",
    )
    max_import_bytes: int = Field(
        default=67_108_864,
        ge=1_024,
        description="Largest load file POST /api/v1/imports accepts, in bytes; a larger one "
        "is refused with 413.",
    )
    header_timeout: float = Field(
        default=10.0, gt=0, description="Seconds a request may take to send its headers."
    )
    body_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a request may take to send its body."
    )
    keep_alive_timeout: int = Field(
        default=5, ge=1, description="Seconds an idle keep-alive connection stays open."
    )
    max_connections: int = Field(
        default=1_000,
        ge=2,
        description="Connections `readouts serve` keeps open; past it, the one that has "
        "waited longest for a request is closed.",
    )
    cors_origins: list[str] = Field(
        default=["*"], description="Origins allowed to read the API from a browser."
    )

    def worker_threads(self, dialect: str) -> int:
        """How many threads may run database work at once in one process."""
        if self.threads is not None:
            return self.threads
        return 8 if dialect == "postgresql" else 2

    def resolved_database_url(self) -> str:
        """The database URL to connect to, with the psycopg 3 driver for PostgreSQL."""
        url = self.database_url or f"sqlite:///{(self.data_dir / 'readouts.sqlite3').as_posix()}"
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url


def load_settings() -> Settings:
    """The settings from the environment; `InvalidInput` naming the variable and the value
    when one is wrong."""
    try:
        return Settings()
    except ValidationError as error:
        invalid = InvalidInput.from_validation(error, _VARIABLES)
        raise InvalidInput(f"invalid setting {invalid.detail}", invalid.errors) from None


_VARIABLES = Spelling(label=lambda field: "READOUTS_" + field.replace(".", "_").upper())
"""Settings as the environment names them: `READOUTS_PORT`."""
