"""The docs UI loads offline: every asset it references is served by the app itself."""

from __future__ import annotations

import re

from starlette.testclient import TestClient


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
