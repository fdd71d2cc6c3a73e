"""Liveness and readiness endpoints."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.service import Service

__all__ = ["index", "routes"]


async def _healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def _readyz(request: Request) -> JSONResponse:
    service: Service = request.app.state.service
    failure = await run_in_threadpool(service.repository.ping)
    if failure is not None:
        return JSONResponse({"status": "unavailable", "database": failure}, status_code=503)
    return JSONResponse({"status": "ok", "database": service.engine.dialect.name})


async def index(request: Request) -> JSONResponse:
    """What is where, for someone who opens the server's root in a browser or with curl."""
    return JSONResponse(
        {
            "name": "readouts",
            "graphql": "/graphql",
            "rest": "/api/v1/meetings",
            "openapi": "/api/v1/openapi.json",
            "docs": "/api/docs",
            "health": "/healthz",
        }
    )


routes = [
    Route("/", index, methods=["GET", "HEAD"]),
    Route("/healthz", _healthz, methods=["GET", "HEAD"]),
    Route("/readyz", _readyz, methods=["GET", "HEAD"]),
]
