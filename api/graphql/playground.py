"""The playground: GraphiQL at `GET /graphql`, with an example query preloaded.

Its scripts and styles are files of the npm packages installed in
`api/graphql/playground/` (`npm ci` there), served by the app itself: the page loads
nothing from any other host. Without them the page says which command installs them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from api import assets

__all__ = ["ASSETS", "EXAMPLE_QUERY", "INSTALL_COMMAND", "asset", "page"]

_MODULES = Path(__file__).parent / "playground" / "node_modules"
INSTALL_COMMAND = "npm ci --prefix api/graphql/playground"

ASSETS = {
    "react.js": _MODULES / "react/umd/react.production.min.js",
    "react-dom.js": _MODULES / "react-dom/umd/react-dom.production.min.js",
    "graphiql.js": _MODULES / "graphiql/graphiql.min.js",
    "graphiql.css": _MODULES / "graphiql/graphiql.min.css",
}
"""The files the page loads, by the name it loads them under (`/graphql/assets/NAME`)."""

EXAMPLE_QUERY = """\
# Imran Khan's meetings in the curated data: who took part, topics, sources.
# Run it with the play button (or Ctrl-Enter); the Docs list every field.
query ImranKhan {
  meetings(first: 100, filter: {person: ["Imran Khan"]}) {
    totalCount
    nodes {
      id
      date
      kind
      participants { person { name } }
      topics { label }
      sources { publisher }
    }
  }
}
"""

_HEAD = """<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{base}/assets/graphiql.css">
<style>html, body, #graphiql {{ height: 100%; margin: 0; }}</style>
"""

_BODY = """<div id="graphiql">Loading the playground…</div>
<script src="{base}/assets/react.js"></script>
<script src="{base}/assets/react-dom.js"></script>
<script src="{base}/assets/graphiql.js"></script>
<script>
const example = {example};
const fetcher = GraphiQL.createFetcher({{ url: "{base}" }});
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {{
    fetcher: fetcher,
    defaultQuery: example,
    query: example,
    defaultEditorToolsVisibility: true,
  }})
);
</script>
"""

_WITHOUT = """<p>The API itself works without them: POST queries to <code>{base}</code>,
for example:</p>
<pre>{example}</pre>
"""


def page(request: Request) -> Response:
    """The playground page, or a page naming the install command when assets are missing."""
    base = html.escape(request.url.path.rstrip("/"))
    if not assets.installed(ASSETS):
        meanwhile = _WITHOUT.format(base=base, example=html.escape(EXAMPLE_QUERY))
        return assets.not_installed("GraphQL playground", INSTALL_COMMAND, meanwhile)
    example = json.dumps(EXAMPLE_QUERY).replace("</", "<\\/")
    head = _HEAD.format(base=base)
    body = _BODY.format(base=base, example=example)
    return HTMLResponse(assets.document("readouts GraphQL playground", body, head))


async def asset(request: Request) -> Response:
    """One of the `ASSETS`, cached for a day; 404 for any other name."""
    return assets.serve(ASSETS, request.path_params["name"], "playground", INSTALL_COMMAND)
