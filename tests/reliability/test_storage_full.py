"""A full database refuses a write with a message naming the database; nothing is written.

The disk is made full with SQLite's own limit: `PRAGMA max_page_count` set to the pages
the file already has, so the next page a write needs fails with SQLITE_FULL, as on a full
filesystem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from api.errors import StorageFull
from api.storage import tables as t
from api.storage.engine import create_engine, prepare_database
from api.storage.loading import load_paths
from api.vocabulary import SEEDS_DIR

pytestmark = pytest.mark.reliability


def test_a_full_database_refuses_a_load_naming_the_file(tmp_path: Path) -> None:
    database = tmp_path / "full.sqlite"
    engine = create_engine(f"sqlite:///{database}")
    prepare_database(engine)
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    engine.dispose()

    @sa.event.listens_for(engine, "connect")
    def _no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(StorageFull) as raised:
        load_paths(engine, [SEEDS_DIR])
    assert str(database) in raised.value.detail
    assert "full" in raised.value.detail and "free space" in raised.value.detail
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(t.meetings)).scalar() == 0
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    engine.dispose()
