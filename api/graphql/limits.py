"""Limits that protect the service, checked before anything runs.

One validation rule measures each operation with its fragments expanded where they are
spread (so aliases or depth hidden in fragments count, every time they are spread) and
rejects it when it is too deep, has too many aliases, or would cost too much. Cost is the
number of fields the response may hold: a field with `first` multiplies what is under it
by `first`, other lists by an estimate. Fragment cycles are skipped here (the standard
rule reports them) and the walk stops as soon as a limit is passed, so measuring a
hostile document is itself cheap. Before any of that, the view refuses a query longer
than `MAX_QUERY_LENGTH` characters (whitespace, comments and strings count), the parser
stops after `MAX_TOKENS` tokens, `NumberLengthLimiter` refuses a number literal longer than
`MAX_NUMBER_LENGTH` characters (Python will not read an integer of thousands of digits),
and `FieldCountLimiter` refuses a document of more than `MAX_FIELDS` field selections
before the standard rules compare them pairwise.

Every error carries `extensions.code`:

    depth-limit   alias-limit   cost-limit   field-limit   number-limit
    token-limit (view, parser)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Source,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
)
from graphql.language import Lexer, TokenKind
from strawberry.extensions import SchemaExtension, ValidationCache

from api.filters import MAX_PAGE_SIZE

__all__ = [
    "FIELD_WEIGHTS",
    "LIST_SIZE",
    "LIST_SIZES",
    "MAX_ALIASES",
    "MAX_COST",
    "MAX_DEPTH",
    "MAX_FIELDS",
    "MAX_NUMBER_LENGTH",
    "MAX_QUERY_LENGTH",
    "MAX_TOKENS",
    "FieldCountLimiter",
    "LimitsRule",
    "Measure",
    "NumberLengthLimiter",
    "measure",
]

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2_000
MAX_QUERY_LENGTH = 50_000
"""Characters in a query, everything the lexer would read included."""
MAX_NUMBER_LENGTH = 100
"""Characters of one number literal in a query (a page size or a year needs a handful)."""
MAX_FIELDS = 500
"""Field selections written in a document (before fragments are expanded)."""
MAX_COST = 25_000
LIST_SIZE = 5
"""Estimated length of a list not named in `LIST_SIZES` (used for introspection only)."""

FIELD_WEIGHTS = {
    "Query.meetings": 10,
    "Query.meeting": 5,
    "Query.people": 10,
    "Query.person": 5,
    "Query.search": 10,
    "Query.meetingStats": 4_000,  # five aggregates over the whole selection, unpaged
    "Query.countries": 10,
    "Query.topics": 10,
    "Query.exportUrl": 1,
    "MeetingConnection.edges": 1,
    "Meeting.conflicts": 1,
    "Meeting.topics": 1,
    "Person.aliases": 1,
    "Person.countryCode": 1,
    "Person.positions": 1,
    "Person.meetings": 50,
    "Person.counterparts": 200,  # an aggregate over every meeting of the person
    "Source.evidence": 1,
    "Meeting.etag": 1,
    "Mutation.ingestReadout": 100,  # extraction and a merge under the write lock
    "Mutation.updateMeeting": 20,
    "Mutation.retractMeeting": 20,
    "Mutation.resolveConflict": 20,
}
"""Cost of each field that resolves itself (1 for plain attributes). Every field with a
resolver in the schema has an entry: a test fails for one without."""

LIST_SIZES = {
    "Query.countries": 250,
    "Query.topics": 100,
    "Meeting.participants": 12,
    "Meeting.statements": 10,
    "Meeting.outcomes": 10,
    "Meeting.sources": 10,
    "Meeting.conflicts": 10,
    "Meeting.topics": 30,
    "Person.aliases": 10,
    "Person.positions": 10,
    "Person.counterparts": 200,
    "Source.evidence": 20,
    "MeetingStats.byYear": 100,
    "MeetingStats.byKind": 3,
    "MeetingStats.bySetting": 3,
    "MeetingStats.byCountryPair": 500,
    "MeetingStats.byTopic": 100,
    "IngestResult.new": 10,
    "IngestResult.merged": 10,
    "IngestResult.conflicts": 50,
    "IngestResult.skipped": 10,
    "IngestResult.droppedAliases": 20,
    "MergedReport.filled": 20,
}
"""Largest length expected of each list without `first` outside a connection's page.
Every such list in the schema has an entry, and a test checks each against the longest
list in the curated and synthetic data (and the vocabularies), so none is an underestimate."""

_WALK_BUDGET = 20_000  # selections visited before giving up on a document


class _Exceeded(Exception):
    def __init__(self, error: GraphQLError) -> None:
        self.error = error


@dataclass
class Measure:
    """What one operation asks for: nesting depth, aliases and cost."""

    depth: int = 0
    aliases: int = 0
    cost: int = 0
    visited: int = 0
    fragments: dict[str, FragmentDefinitionNode] = field(default_factory=dict)
    schema: GraphQLSchema | None = None


def _error(message: str, code: str, node: Any) -> GraphQLError:
    return GraphQLError(message, node, extensions={"code": code})


def measure(
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    schema: GraphQLSchema,
) -> Measure:
    """Depth, aliases and cost of `operation`; `GraphQLError` once a limit is passed."""
    result = Measure(fragments=fragments, schema=schema)
    root = schema.get_root_type(operation.operation)
    try:
        result.cost = _selection_cost(result, operation.selection_set, root, 1, frozenset())
    except _Exceeded as exceeded:
        raise exceeded.error from None
    return result


def _selection_cost(
    m: Measure,
    selection_set: SelectionSetNode,
    parent: GraphQLNamedType | None,
    depth: int,
    path: frozenset[str],
) -> int:
    total = 0
    for selection in selection_set.selections:
        m.visited += 1
        if m.visited > _WALK_BUDGET:
            raise _Exceeded(
                _error(
                    "the query is too complex to run; ask for fewer fields or fragments",
                    "cost-limit",
                    selection,
                )
            )
        if isinstance(selection, FieldNode):
            total += _field_cost(m, selection, parent, depth, path)
        elif isinstance(selection, InlineFragmentNode):
            total += _selection_cost(
                m, selection.selection_set, _condition(m, selection, parent), depth, path
            )
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = m.fragments.get(name)
            if fragment is None or name in path:
                continue  # unknown fragments and cycles are reported by the standard rules
            total += _selection_cost(
                m, fragment.selection_set, _condition(m, fragment, parent), depth, path | {name}
            )
        _check_cost(m, total, selection)
    return total


def _field_cost(
    m: Measure,
    node: FieldNode,
    parent: GraphQLNamedType | None,
    depth: int,
    path: frozenset[str],
) -> int:
    name = node.name.value
    if node.alias is not None:
        m.aliases += 1
        if m.aliases > MAX_ALIASES:
            raise _Exceeded(
                _error(
                    f"the query uses more than {MAX_ALIASES} aliases; "
                    "split it into several requests",
                    "alias-limit",
                    node,
                )
            )
    counted_depth = depth if name != "ofType" else depth - 1  # type wrappers are not nesting
    m.depth = max(m.depth, counted_depth)
    if counted_depth > MAX_DEPTH:
        raise _Exceeded(
            _error(
                f"the query is nested deeper than {MAX_DEPTH} levels; "
                "ask for less nesting and follow ids with separate queries",
                "depth-limit",
                node,
            )
        )
    definition = _field_definition(parent, name)
    weight = FIELD_WEIGHTS.get(f"{parent.name}.{name}", 1) if parent is not None else 1
    if node.selection_set is None:
        return weight
    child = get_named_type(definition.type) if definition is not None else None
    size = _list_size(node, parent, definition)
    inner = _selection_cost(m, node.selection_set, child, counted_depth + 1, path)
    return weight + size * inner


def _list_size(node: FieldNode, parent: GraphQLNamedType | None, definition: Any) -> int:
    for argument in node.arguments or ():
        if argument.name.value == "first":
            value = argument.value
            if isinstance(value, IntValueNode):
                digits = value.value.lstrip("-")
                if len(digits) > len(str(MAX_PAGE_SIZE)):  # never int() of 5,000 digits
                    return 0 if value.value.startswith("-") else MAX_PAGE_SIZE
                return max(0, min(int(value.value), MAX_PAGE_SIZE))
            return MAX_PAGE_SIZE  # a variable: assume the largest page
    if definition is None:
        return 1
    if "first" in definition.args:
        default = definition.args["first"].default_value
        return default if isinstance(default, int) else MAX_PAGE_SIZE
    is_list = isinstance(get_nullable_type(definition.type), GraphQLList)
    inside_page = parent is not None and parent.name.endswith("Connection")
    if not is_list or inside_page or parent is None:
        return 1
    name = f"{parent.name}.{node.name.value}"
    if name in LIST_SIZES:
        return LIST_SIZES[name]
    introspection = node.name.value.startswith("__") or parent.name.startswith("__")
    return 1 if introspection else LIST_SIZE


def _field_definition(parent: GraphQLNamedType | None, name: str) -> Any:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    return None


def _condition(
    m: Measure,
    fragment: InlineFragmentNode | FragmentDefinitionNode,
    parent: GraphQLNamedType | None,
) -> GraphQLNamedType | None:
    if fragment.type_condition is None or m.schema is None:
        return parent
    return m.schema.get_type(fragment.type_condition.name.value)


def _check_cost(m: Measure, total: int, node: Any) -> None:
    if total > MAX_COST:
        raise _Exceeded(
            _error(
                f"the query may cost more than {MAX_COST} (fields × page sizes); "
                "ask for smaller pages (`first`) or fewer nested lists",
                "cost-limit",
                node,
            )
        )


class LimitsRule(ValidationRule):
    """Rejects operations over the depth, alias or cost limit, before they run."""

    def __init__(self, context: ValidationContext) -> None:
        super().__init__(context)
        document = context.document
        self._fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: object) -> None:
        try:
            measure(node, self._fragments, self.context.schema)
        except GraphQLError as error:
            self.report_error(error)


class FieldCountLimiter(ValidationCache):
    """Validation, cached, that first refuses a document with more than `MAX_FIELDS`
    field selections (the standard overlap check compares a selection's fields pairwise,
    so it must not see a document of thousands)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and _too_many_fields(context.graphql_document):
            message = (
                f"the document selects more than {MAX_FIELDS} fields; "
                "ask for each field once and split large queries"
            )
            context.pre_execution_errors = [
                GraphQLError(message, extensions={"code": "field-limit"})
            ]
            yield
            return
        yield from super().on_validate()


def _too_many_fields(document: DocumentNode) -> bool:
    """True when `document` holds more than `MAX_FIELDS` field selections."""
    count = 0
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        count += isinstance(node, FieldNode)
        if count > MAX_FIELDS:
            return True
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            stack.extend(selection_set.selections)
    return False


_LONG_DIGITS = re.compile(rf"\d{{{MAX_NUMBER_LENGTH + 1},}}")


class NumberLengthLimiter(SchemaExtension):
    """Refuses a query holding a number literal of more than `MAX_NUMBER_LENGTH`
    characters before it is parsed, as the lexer reads it: digits inside a string or a
    comment are not a number and pass."""

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query
        if query and _LONG_DIGITS.search(query):
            _refuse_long_numbers(query)
        yield


def _refuse_long_numbers(query: str) -> None:
    source = Source(query)
    lexer = Lexer(source)
    token = lexer.advance()
    while token.kind is not TokenKind.EOF:
        if token.kind in (TokenKind.INT, TokenKind.FLOAT) and token.end - token.start > (
            MAX_NUMBER_LENGTH
        ):
            raise GraphQLError(
                f"a number of {token.end - token.start:,} characters; "
                f"a number in a query has at most {MAX_NUMBER_LENGTH}",
                source=source,
                positions=[token.start],
                extensions={"code": "number-limit"},
            )
        token = lexer.advance()
