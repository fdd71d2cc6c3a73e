"""The docs UI loads offline: every asset it references is served by the app itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from api.rest import docs


def test_docs_page_and_all_its_assets_come_from_the_app(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    references = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    references += re.findall(r'url: "([^"]+)"', page.text)
    assert len(references) >= 4
    for reference in references:
        assert reference.startswith("/"), f"external or relative reference {reference!r}"
        assert not reference.startswith("//"), reference
        asset = client.get(reference)
        assert asset.status_code == 200, reference
        assert asset.content
    assert "http://" not in page.text and "https://" not in page.text
    assert "/api/v1/openapi.json" in references


def test_without_assets_the_page_names_the_install_command(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(docs, "ASSETS", {name: tmp_path / name for name in docs.ASSETS})
    page = client.get("/api/docs")
    assert page.status_code == 503
    assert docs.INSTALL_COMMAND in page.text and "/api/v1/openapi.json" in page.text
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 404


def test_only_the_listed_assets_are_served(client: TestClient) -> None:
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 200
    assert client.get("/api/docs/assets/package.json").status_code == 404
    assert client.get("/api/docs/assets/..%2F..%2Fpackage.json").status_code == 404
