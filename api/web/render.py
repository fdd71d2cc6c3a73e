"""Templates and static assets of the web pages.

Templates are Jinja2 files in `api/web/templates/`. Assets are the project's own
stylesheet and script in `api/web/static/`, and the chart library's files from the npm
packages installed there (`npm ci --prefix api/web/static`), all served by the app at
`/assets/NAME`: a page loads nothing from any other host. Without the npm packages the
pages still work; only the charts are missing (their tables stay).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

import api
from api import assets
from api.countries import country_name, is_country_code
from api.web.fragments import meeting_items

__all__ = ["ASSETS", "INSTALL_COMMAND", "asset", "page", "templates"]

_HERE = Path(__file__).parent
_STATIC = _HERE / "static"
_MODULES = _STATIC / "node_modules"
INSTALL_COMMAND = "npm ci --prefix api/web/static"

ASSETS = {
    "app.css": _STATIC / "app.css",
    "chart.js": _STATIC / "chart.js",
    "d3.js": _MODULES / "d3/dist/d3.min.js",
    "plot.js": _MODULES / "@observablehq/plot/dist/plot.umd.min.js",
}
"""The files pages load, by the name they load them under (`/assets/NAME`)."""


def _country(code: str | None) -> str:
    if not code:
        return ""
    return country_name(code) if is_country_code(code) else code


def _words(value: object) -> str:
    return str(getattr(value, "value", value)).replace("_", " ")


def _json(value: object) -> Markup:
    """JSON safe inside `<script type="application/json">`."""
    text = orjson.dumps(value, default=str).decode().replace("</", "<\\/")
    return Markup(text)


def _day(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


templates = Jinja2Templates(directory=str(_HERE / "templates"))
templates.env.filters.update(country=_country, words=_words, tojson_script=_json, day=_day)
templates.env.globals.update(version=api.__version__, meeting_items=meeting_items)
templates.env.auto_reload = False  # templates are package files: no stat per render


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """The template `name` rendered for `request`."""
    charts = all(ASSETS[n].is_file() for n in ("d3.js", "plot.js"))
    return templates.TemplateResponse(
        request, name, {"charts": charts, **context}, status_code=status_code
    )


async def asset(request: Request) -> Response:
    """One of the `ASSETS`, cached for a day; 404 for any other name."""
    return assets.serve(ASSETS, request.path_params["name"], "web", INSTALL_COMMAND)
