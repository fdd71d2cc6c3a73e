"""The API docs UI at `/api/docs`: Swagger UI served from the installed Python package.

The assets (JS, CSS, icons) come from the `swagger-ui-bundle-v2` distribution, a pip
dependency, and are served by the app itself: the page loads with no network.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

__all__ = ["assets_dir", "routes"]

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>readouts REST API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{assets}/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle({{
  url: "{openapi_url}",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout"
}});
</script>
</body>
</html>
"""


@cache
def assets_dir() -> Path:
    """The directory of Swagger UI's files inside the installed package."""
    vendor = Path(str(resources.files("swagger_ui_bundle"))) / "vendor"
    versions = sorted(p for p in vendor.iterdir() if p.name.startswith("swagger-ui-"))
    return versions[-1]


def routes(openapi_url: str, path: str) -> list[BaseRoute]:
    """The docs page at `path` and its assets under `path/assets`."""
    page = _PAGE.format(assets=html.escape(f"{path}/assets"), openapi_url=html.escape(openapi_url))

    async def docs_page(request: Request) -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "public, max-age=60"})

    return [
        Route(path, docs_page, methods=["GET", "HEAD"]),
        Mount(f"{path}/assets", app=StaticFiles(directory=assets_dir()), name="docs-assets"),
    ]
