"""The OpenAPI document: 3.1, schemas from the models, parameters from MeetingFilter."""

from __future__ import annotations

from starlette.testclient import TestClient

from api.filters import MeetingFilter
from api.models import Meeting
from api.rest.table import document


def test_document_is_served_and_generated_from_the_models(client: TestClient) -> None:
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    doc = served.json()
    assert doc == document()
    assert doc["openapi"] == "3.1.0"
    schemas = doc["components"]["schemas"]
    assert schemas["Meeting"]["properties"].keys() == Meeting.model_fields.keys()
    assert {"MeetingList", "Person", "Problem", "MeetingKind", "MeetingStats"} <= schemas.keys()


def test_filter_parameters_carry_the_filter_descriptions() -> None:
    parameters = {p["name"]: p for p in document()["paths"]["/meetings"]["get"]["parameters"]}
    for name, field in MeetingFilter.model_fields.items():
        assert parameters[name]["description"] == field.description
        assert parameters[name]["in"] == "query"
    assert parameters["kind"]["schema"]["type"] == "array"
    assert parameters["kind"]["explode"] is True
    assert {"order", "limit", "cursor", "total"} <= parameters.keys()


def test_examples_are_valid_records() -> None:
    meeting = document()["paths"]["/meetings/{id}"]["get"]["responses"]["200"]
    example = meeting["content"]["application/json"]["example"]
    assert Meeting.model_validate(example).id == example["id"]


def test_every_ref_resolves() -> None:
    doc = document()
    refs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.append(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert refs
    for ref in refs:
        assert ref.startswith("#/components/schemas/")
        assert ref.rsplit("/", 1)[1] in doc["components"]["schemas"], ref


def _example_params(parameter: dict[str, object]) -> list[tuple[str, str]]:
    """The query Swagger UI's "Try it out" sends for one parameter's example."""
    example = parameter["example"]
    values = example if isinstance(example, list) else [example]
    name = str(parameter["name"])
    return [(name, str(v).lower() if isinstance(v, bool) else str(v)) for v in values]


def test_every_filter_has_an_example_that_matches_a_seed_meeting(client: TestClient) -> None:
    parameters = document()["paths"]["/meetings"]["get"]["parameters"]
    filters = [p for p in parameters if p["name"] in MeetingFilter.model_fields]
    assert {p["name"] for p in filters if "example" in p} == set(MeetingFilter.model_fields)
    everything: list[tuple[str, str]] = []
    for parameter in filters:
        params = _example_params(parameter)
        everything += params
        response = client.get("/api/v1/meetings", params=params)
        assert response.status_code == 200, response.text
        assert response.json()["data"], f"the example of {parameter['name']} matches nothing"
    # Swagger UI fills every example at once: that request answers the meeting they describe.
    response = client.get("/api/v1/meetings", params=everything)
    assert response.status_code == 200, response.text
    assert [m["id"] for m in response.json()["data"]] == ["2021-09-17-imran-khan-wang-yi"]
