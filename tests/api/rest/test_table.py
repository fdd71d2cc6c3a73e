"""The endpoint table: the routes served and the OpenAPI paths are the same set, and each
endpoint answers what its entry says."""

from __future__ import annotations

from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from api.app import create_app
from api.config import Settings
from api.rest import API_PREFIX, rest_routes
from api.rest.table import ENDPOINTS, document
from api.service import Service
from exporters.registry import registry


def _served() -> set[tuple[str, str]]:
    """(method, path) of every route under the API mount, HEAD left out (it is GET's)."""
    (mount,) = [r for r in rest_routes(Settings()) if isinstance(r, Mount)]
    assert mount.path == API_PREFIX
    return {
        (method, route.path)
        for route in mount.routes
        if isinstance(route, Route)
        for method in route.methods or ()
        if method != "HEAD"
    }


def _documented() -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in document()["paths"].items()
        for method in operations
    }


def test_every_route_is_documented_and_every_documented_path_is_served() -> None:
    served, documented = _served(), _documented()
    assert served - documented == set(), "routes missing from the OpenAPI document"
    assert documented - served == set(), "OpenAPI paths no route serves"
    assert ("GET", "/meetings.{format}") in served
    assert len(served) == len(ENDPOINTS)


def test_operation_ids_are_unique() -> None:
    ids = [endpoint.operation_id for endpoint in ENDPOINTS]
    assert len(ids) == len(set(ids))


def test_downloads_name_every_exporter_and_its_media_type() -> None:
    operation = document()["paths"]["/meetings.{format}"]["get"]
    media_types = set(operation["responses"]["200"]["content"])
    exporters = registry().exporters()
    assert media_types == {exporter.media_type for exporter in exporters}
    (format_parameter,) = [p for p in operation["parameters"] if p["in"] == "path"]
    assert {e.name for e in exporters} <= set(format_parameter["schema"]["enum"])


def test_each_format_downloads_with_its_documented_media_type(client: TestClient) -> None:
    for exporter in registry().exporters():
        response = client.get(f"/api/v1/meetings.{exporter.name}?country=PK")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == exporter.media_type


def test_the_table_checks_accept_and_parameters_before_the_handler(seeded: Service) -> None:
    with TestClient(create_app(seeded.settings, service=seeded)) as client:
        for endpoint in ENDPOINTS:
            if endpoint.method != "GET" or endpoint.scope is not None:
                continue
            path = endpoint.path.replace("{id}", "imran-khan").replace("{format}", "csv")
            if path.startswith("/meetings/"):
                path = path.replace("imran-khan", "2021-09-17-imran-khan-wang-yi")
            unknown = client.get(f"{API_PREFIX}{path}?bogus=1")
            assert unknown.status_code == 400, path
            assert "'bogus'" in unknown.json()["detail"]
            if endpoint.json_only:
                refused = client.get(f"{API_PREFIX}{path}", headers={"Accept": "text/html"})
                assert refused.status_code == 406, path
