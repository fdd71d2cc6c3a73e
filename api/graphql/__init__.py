"""The GraphQL face: a strawberry schema at `/graphql`, with the playground on GET.

`graphql_routes()` returns the routes `api.app.create_app` mounts; `schema_text()` is
the SDL committed as `schema.graphql` (`readouts graphql-schema` prints it).
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from api.graphql import playground
from api.graphql.errors import quiet_expected_errors
from api.graphql.schema import schema
from api.graphql.view import TIME_LIMIT, GraphQLView

__all__ = ["GRAPHQL_PATH", "graphql_routes", "schema", "schema_text"]

GRAPHQL_PATH = "/graphql"


def graphql_routes(time_limit: float = TIME_LIMIT) -> list[BaseRoute]:
    """`/graphql` (queries and the playground) and the playground's assets."""
    quiet_expected_errors()
    view = GraphQLView(schema, graphql_ide="graphiql")
    view.time_limit = time_limit
    return [
        Route(GRAPHQL_PATH, view),
        Route(f"{GRAPHQL_PATH}/assets/{{name}}", playground.asset, methods=["GET", "HEAD"]),
    ]


def schema_text() -> str:
    """The schema in SDL, as committed in `schema.graphql`."""
    return schema.as_str() + "\n"
