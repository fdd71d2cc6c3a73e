"""The schema, assembled: the root query and mutations, their limits and caches."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
)
from strawberry.schema.config import StrawberryConfig

from api.graphql.execution import ExecutionContext
from api.graphql.limits import MAX_TOKENS, FieldCountLimiter, LimitsRule, NumberLengthLimiter
from api.graphql.mutations import Mutation
from api.graphql.query import Query

__all__ = ["schema"]

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    config=StrawberryConfig(batching_config=None),
    execution_context_class=ExecutionContext,
    extensions=[
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: AddValidationRules([LimitsRule]),
        NumberLengthLimiter,  # before the parser (and its cache) reads the document
        lambda: ParserCache(maxsize=256),
        lambda: FieldCountLimiter(maxsize=256),
    ],
)
