"""`create_app(settings)`: the Starlette application with every face of readouts mounted."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware

from api import health, threads
from api.bodies import BodyLimit
from api.config import Settings
from api.graphql import GRAPHQL_PATH, graphql_routes
from api.rest import IMPORTS_PATH, rest_routes
from api.service import Service, open_service
from api.serving import redact_access_log
from api.web import web_routes

__all__ = ["create_app"]

_log = logging.getLogger("readouts")


def create_app(settings: Settings | None = None, service: Service | None = None) -> Starlette:
    """The ASGI app. The database is migrated, and seeded when empty, on start-up."""
    settings = settings or Settings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        own = service is None
        redact_access_log()
        app.state.service = service or open_service(settings)
        report = app.state.service.load_seeds_if_empty()
        if report is not None:
            _log.info("loaded the seed data: %d records", report.changes)
        # Everything built so far lives as long as the process: keep the cyclic garbage
        # collector from rescanning it on every collection (a page of meetings makes
        # thousands of objects; with the start-up heap frozen it is ~40% cheaper).
        gc.freeze()
        # Database work runs in worker threads; past a few, they only fight for the GIL.
        threads.configure(settings.worker_threads(app.state.service.engine.dialect.name))
        try:
            yield
        finally:
            if own:
                app.state.service.close()

    limit = Middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        graphql_path=GRAPHQL_PATH,
        larger={IMPORTS_PATH: (settings.max_import_bytes, "READOUTS_MAX_IMPORT_BYTES")},
    )
    app = Starlette(
        routes=[*web_routes(), *health.routes, *rest_routes(settings), *graphql_routes()],
        middleware=[limit],
        lifespan=lifespan,
    )
    return app
