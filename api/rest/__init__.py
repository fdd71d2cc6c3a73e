"""The REST face: JSON resources under `/api/v1`, OpenAPI 3.1, the docs UI and downloads.

`rest_routes(settings)` returns the routes `api.app.create_app` mounts; see
`api.rest.routes` for how they are assembled.
"""

from __future__ import annotations

from api.rest.routes import API_PREFIX, DOCS_PATH, IMPORTS_PATH, rest_routes

__all__ = ["API_PREFIX", "DOCS_PATH", "IMPORTS_PATH", "rest_routes"]
