"""The cost model covers the whole schema, and its list sizes are not underestimates."""

from __future__ import annotations

import json

from graphql import GraphQLError, GraphQLList, GraphQLObjectType, get_nullable_type, parse

from api.countries import all_countries
from api.graphql.limits import FIELD_WEIGHTS, LIST_SIZES, MAX_COST, measure
from api.graphql.schema import schema
from api.vocabulary import SEEDS_DIR


def _schema_fields() -> tuple[set[str], set[str]]:
    """Fields with a resolver of their own, and unpaged lists outside a connection."""
    resolved: set[str] = set()
    lists: set[str] = set()
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        definition = schema.get_type_by_name(name)
        names = schema.config.name_converter
        fields = {names.get_graphql_name(f): f for f in getattr(definition, "fields", [])}
        for field_name, field in graphql_type.fields.items():
            strawberry_field = fields.get(field_name)
            if strawberry_field is not None and strawberry_field.base_resolver is not None:
                resolved.add(f"{name}.{field_name}")
            is_list = isinstance(get_nullable_type(field.type), GraphQLList)
            if is_list and "first" not in field.args and not name.endswith("Connection"):
                lists.add(f"{name}.{field_name}")
    return resolved, lists


def test_every_resolved_field_has_a_weight_and_every_list_a_size() -> None:
    resolved, lists = _schema_fields()
    assert resolved and lists
    assert sorted(resolved - set(FIELD_WEIGHTS)) == []
    assert sorted(lists - set(LIST_SIZES)) == []
    assert sorted(set(FIELD_WEIGHTS) - resolved) == [], "weights of fields that do not exist"


def test_list_sizes_hold_the_longest_lists_of_the_data() -> None:
    meetings = json.loads((SEEDS_DIR / "meetings.json").read_text())["meetings"]
    people = json.loads((SEEDS_DIR / "people.json").read_text())["people"]
    topics = json.loads((SEEDS_DIR / "topics.json").read_text())["topics"]
    measured = {
        f"Meeting.{part}": max(len(m.get(part) or []) for m in meetings)
        for part in ("participants", "statements", "outcomes", "sources", "topics")
    }
    measured |= {
        f"Person.{part}": max(len(p.get(part) or []) for p in people)
        for part in ("aliases", "positions")
    }
    measured["Query.countries"] = len(all_countries())
    measured["Query.topics"] = measured["MeetingStats.byTopic"] = len(topics)
    for name, longest in measured.items():
        assert LIST_SIZES[name] >= longest, name


def _cost(query: str) -> int:
    """The query's cost; one past `MAX_COST` when the measure stops at the limit."""
    operation = parse(query).definitions[0]
    try:
        return measure(operation, {}, schema._schema).cost  # type: ignore[arg-type]
    except GraphQLError as error:
        assert (error.extensions or {})["code"] == "cost-limit"
        return MAX_COST + 1


def test_many_aggregates_or_nested_counterparts_cost_more_than_the_limit() -> None:
    stats = "{ total byTopic { count } byCountryPair { count } }"
    assert _cost("{ a: meetingStats " + stats + " }") < MAX_COST
    many = " ".join(f"a{i}: meetingStats {stats}" for i in range(15))
    assert _cost("{ " + many + " }") > MAX_COST
    nested = "{ meetings(first: 50) { nodes { participants { person { counterparts { meetings"
    assert _cost(nested + " person { name } } } } } } }") > MAX_COST
