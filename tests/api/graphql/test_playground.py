"""The playground opens offline in headless Chromium and runs its example query.

Chromium is Debian's (`/usr/bin/chromium`), driven by playwright; every request to a
host other than the loopback one is aborted, so a CDN link would break the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from api.graphql import playground
from tests.servers import CHROMIUM
from tests.servers import CHROMIUM_ARGS as ARGS


def test_a_browser_get_serves_the_playground_with_local_assets(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200
    assert "GraphiQL" in response.text and "meetings(first: 100" in response.text
    assert "http://" not in response.text and "https://" not in response.text
    for name in playground.ASSETS:
        asset = client.get(f"/graphql/assets/{name}")
        assert asset.status_code == 200, name
    assert client.get("/graphql/assets/secret.txt").status_code == 404


def test_without_assets_the_page_names_the_install_command(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(playground, "ASSETS", {name: tmp_path / name for name in playground.ASSETS})
    response = client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 503
    assert playground.INSTALL_COMMAND in response.text


@pytest.mark.slow
def test_the_example_query_runs_in_chromium_offline(live_server: str) -> None:
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    host = urlsplit(live_server).hostname
    blocked: list[str] = []

    def only_loopback(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if urlsplit(request.url).hostname == host:
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(request.url)
            route.abort()  # type: ignore[attr-defined]

    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", only_loopback)
            page.goto(f"{live_server}/graphql")
            page.locator(".graphiql-execute-button").click(timeout=30_000)
            result = page.locator(".result-window")
            result.get_by_text("Imran Khan").first.wait_for(timeout=30_000)
            shown = result.inner_text().replace("\xa0", " ")
            assert '"totalCount": 3' in shown and "errors" not in shown
        finally:
            browser.close()
    assert blocked == []
