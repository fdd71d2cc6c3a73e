"""`field`: strawberry's field decorator, typed as what it returns.

`strawberry.field(description=...)` is typed `Any`, so every resolver it decorates would
be untyped for mypy; `field` returns the `StrawberryField` it is, whose `__call__` takes
the resolver. It serves queries and mutations alike (`strawberry.mutation` is the same
function).
"""

from __future__ import annotations

import strawberry
from strawberry.types.field import StrawberryField

__all__ = ["field"]


def field(description: str, *, graphql_type: object = None) -> StrawberryField:
    """A field decorator for a resolver; `graphql_type` names the GraphQL type when the
    resolver returns what that type describes (a model, a list of models)."""
    decorator: StrawberryField = strawberry.field(
        description=description, graphql_type=graphql_type
    )
    return decorator
