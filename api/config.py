"""Settings, read from `READOUTS_*` environment variables with defaults that need no set-up."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.vocabulary import SEEDS_DIR

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Service configuration. Every field is `READOUTS_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="READOUTS_", extra="ignore")

    data_dir: Path = Field(
        default=Path("data"), description="Directory of the SQLite file (created if missing)."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; empty means SQLite at <data_dir>/readouts.sqlite3. "
        "PostgreSQL: postgresql+psycopg://user@host:5432/db (postgresql:// also works).",
    )
    seeds_dir: Path = Field(default=SEEDS_DIR, description="Curated records loaded on first start.")
    load_seeds: bool = Field(default=True, description="Load the seeds when the database is empty.")
    host: str = "127.0.0.1"
    port: int = 8000
    cors_origins: list[str] = Field(
        default=["*"], description="Origins allowed to read the API from a browser."
    )

    def resolved_database_url(self) -> str:
        """The database URL to connect to, with the psycopg 3 driver for PostgreSQL."""
        url = self.database_url or f"sqlite:///{(self.data_dir / 'readouts.sqlite3').as_posix()}"
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        return url
