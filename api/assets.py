"""Front-end files from npm packages, served by the app itself, and the HTML around them.

The GraphQL playground, the REST docs UI and the web pages' charts each load files of npm
packages installed beside their code (a built wheel carries them); a page loads nothing
from any other host. Each names its files in a dict `{name it loads them under: path}`;
this module serves one of them, tells whether all are installed, and writes the page
that names the install command when they are not. Below the faces: GraphQL, REST and the
web pages all use it, none imports another.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

__all__ = ["document", "installed", "not_installed", "serve"]

_A_DAY = {"Cache-Control": "public, max-age=86400"}


def serve(files: Mapping[str, Path], name: str, what: str, install: str) -> Response:
    """The file `name` of `files`, cached for a day; 404 naming the `install` command for
    any other name or a file not installed (`what` says whose assets: "playground")."""
    path = files.get(name)
    if path is None or not path.is_file():
        return PlainTextResponse(f"no {what} asset {name!r}; run {install}", status_code=404)
    return FileResponse(path, headers=_A_DAY)


def installed(files: Mapping[str, Path]) -> bool:
    """True when every file of `files` is there."""
    return all(path.is_file() for path in files.values())


def document(title: str, body: str, head: str = "") -> str:
    """An HTML page: `title` (plain text), then `head` and `body` (HTML, as given)."""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n"
    )


def not_installed(what: str, install: str, meanwhile: str) -> HTMLResponse:
    """503: a page saying `what` is not installed and which command installs it, then
    `meanwhile` (HTML: what works without it)."""
    body = (
        f"<h1>The {html.escape(what)} is not installed</h1>\n"
        "<p>Its files come from npm packages. From the project directory, run:</p>\n"
        f"<pre>{html.escape(install)}</pre>\n<p>then reload this page.</p>\n{meanwhile}"
    )
    return HTMLResponse(document(f"readouts {what}: not installed", body), status_code=503)
