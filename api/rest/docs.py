"""The API docs UI at `/api/docs`: Swagger UI, served by the app itself.

Its scripts and styles are files of npm's `swagger-ui-dist`, installed in
`api/rest/swagger/` (`npm ci` there; a built wheel carries them): the page loads nothing
from any other host. Without them the page says which command installs them.
"""

from __future__ import annotations

import html
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from api import assets

__all__ = ["ASSETS", "INSTALL_COMMAND", "routes"]

_DIST = Path(__file__).parent / "swagger" / "node_modules" / "swagger-ui-dist"
INSTALL_COMMAND = "npm ci --prefix api/rest/swagger"

ASSETS = {
    name: _DIST / name
    for name in (
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "favicon-32x32.png",
    )
}
"""The files the page loads, by the name it loads them under (`/api/docs/assets/NAME`)."""

_HEAD = """<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
"""

_BODY = """<div id="swagger-ui"></div>
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
"""

_WITHOUT = """<p>The API works without it; its OpenAPI document is at
<a href="{openapi_url}">{openapi_url}</a>.</p>
"""


def routes(openapi_url: str, path: str) -> list[BaseRoute]:
    """The docs page at `path` and its assets under `path/assets`."""
    names = {"assets": html.escape(f"{path}/assets"), "openapi_url": html.escape(openapi_url)}
    page = assets.document("readouts REST API", _BODY.format(**names), _HEAD.format(**names))

    async def docs_page(request: Request) -> HTMLResponse:
        if not assets.installed(ASSETS):
            meanwhile = _WITHOUT.format(**names)
            return assets.not_installed("API docs UI", INSTALL_COMMAND, meanwhile)
        return HTMLResponse(page, headers={"Cache-Control": "public, max-age=60"})

    return [
        Route(path, docs_page, methods=["GET", "HEAD"]),
        Route(f"{path}/assets/{{name}}", _asset, methods=["GET", "HEAD"], name="docs-assets"),
    ]


async def _asset(request: Request) -> Response:
    """One of the `ASSETS`, cached for a day; 404 for any other name."""
    return assets.serve(ASSETS, request.path_params["name"], "docs", INSTALL_COMMAND)
