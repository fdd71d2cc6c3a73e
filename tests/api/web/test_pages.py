"""The web pages driven in Chromium as a person would, on SQLite and PostgreSQL.

One server per database and one browser serve the whole module (see conftest.py).
"""

from __future__ import annotations

import io
import json
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import openpyxl
import pytest

from api.web.render import ASSETS, INSTALL_COMMAND
from tests.api.web.conftest import AXE, SYNTHETIC, open_context

pytestmark = pytest.mark.slow

DOCS = Path(__file__).resolve().parents[3] / "docs"
IMRAN_KHAN = {
    "2021-10-26-xi-jinping-imran-khan",
    "2021-09-17-imran-khan-wang-yi",
    "2021-07-16-li-keqiang-imran-khan",
}


def _get(server: str, path: str, **params: Any) -> bytes:
    query = f"?{urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{server}{path}{query}", timeout=30) as response:
        assert response.status == 200
        body: bytes = response.read()
    return body


def _api(server: str, path: str, **params: Any) -> Any:
    return json.loads(_get(server, path, **params))


def _shown(page: Any) -> list[str]:
    """Meeting ids listed on the page, in order."""
    hrefs = page.locator("ol.meetings > li h3 a").evaluate_all("els => els.map(e => e.href)")
    return [urlsplit(h).path.removeprefix("/meetings/") for h in hrefs]


def _query(page: Any) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def _matched(page: Any) -> int:
    return int(page.locator("#matched").inner_text())


def test_a_search_for_imran_khan_shows_his_three_meetings(page: Any, server: str) -> None:
    page.goto("/")
    page.get_by_label("Search the summaries").fill("Imran Khan")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?q=Imran+Khan")
    assert set(_shown(page)) == IMRAN_KHAN
    assert _matched(page) == 3
    listed = _api(server, "/api/v1/meetings", q="Imran Khan", limit=100)["data"]
    assert [m["id"] for m in listed] == _shown(page)
    assert page.locator(".chip").all_inner_texts() == ["q: Imran Khan ×"]


def test_a_kind_filter_is_added_and_removed_by_its_chip(page: Any, server: str) -> None:
    page.goto("/")
    everything = _matched(page)
    page.locator("#filters").get_by_label("phone call").check()
    page.locator("#filters").get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**kind=phone_call**")
    expected = _api(server, "/api/v1/meetings", kind="phone_call", total="true", limit=100)
    assert _matched(page) == expected["total"] < everything
    assert ("kind", "phone_call") in _query(page)
    chip = page.get_by_role("link", name="Remove filter kind: phone call")
    chip.click()
    page.wait_for_function("() => !location.search.includes('kind=')")
    assert _matched(page) == everything
    assert page.locator(".chip").count() == 0


def _page_through(page: Any, start: str) -> list[list[str]]:
    page.goto(start)
    pages = [_shown(page)]
    while page.locator("a[rel=next]").count():
        page.locator("a[rel=next]").click()
        page.wait_for_load_state()
        pages.append(_shown(page))
    return pages


def test_paging_through_synthetic_meetings_repeats_none(page: Any, server: str) -> None:
    pages = _page_through(page, "/?synthetic=true&limit=20")
    seen = [i for p in pages for i in p]
    assert len(seen) == len(set(seen)) == SYNTHETIC
    assert len(pages) == -(-SYNTHETIC // 20)
    everything = []
    cursor: str | None = None
    while True:
        params = {"synthetic": "true", "limit": 100, **({"cursor": cursor} if cursor else {})}
        body = _api(server, "/api/v1/meetings", **params)
        everything += [m["id"] for m in body["data"]]
        if not (cursor := body["next_cursor"]):
            break
    assert seen == everything
    # and back: "Previous" shows the page before, up to the first one
    for number in range(len(pages) - 1, 0, -1):
        page.locator("a[rel=prev]").click()
        page.wait_for_load_state()
        assert _shown(page) == pages[number - 1]
    assert page.locator("a[rel=prev]").count() == 0


def _sheets(content: bytes) -> dict[str, list[tuple[Any, ...]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {
        sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
        if sheet.title != "About"
    }


def test_the_download_menu_gives_the_xlsx_of_the_selection(page: Any, server: str) -> None:
    page.goto("/?kind=phone_call&country=PK")
    page.get_by_text("Download", exact=True).click()
    formats = page.locator("#download a").evaluate_all("els => els.map(e => e.dataset.format)")
    assert {"xlsx", "csv", "json", "ndjson"} <= set(formats)
    with page.expect_download() as caught:
        page.locator("#download a[data-format=xlsx]").click()
    downloaded = Path(caught.value.path()).read_bytes()
    rest = _get(server, "/api/v1/meetings.xlsx", kind="phone_call", country="PK")
    mine, theirs = _sheets(downloaded), _sheets(rest)
    assert mine == theirs
    ids = [row[0] for row in mine["Meetings"][1:]] if "Meetings" in mine else None
    expected = _api(server, "/api/v1/meetings", kind="phone_call", country="PK", limit=100)
    assert ids is None or sorted(ids) == sorted(m["id"] for m in expected["data"])
    assert len(next(iter(mine.values()))) - 1 == len(expected["data"]) > 0


def test_each_evidence_span_of_an_ingested_text_is_highlighted(page: Any, server: str) -> None:
    meeting = "2021-07-16-li-keqiang-imran-khan"
    sources = _api(server, f"/api/v1/meetings/{meeting}/sources")["data"]
    with_evidence = [s for s in sources if s["evidence"]]
    assert with_evidence, "the seed texts were ingested: a source carries evidence"
    page.goto(f"/meetings/{meeting}")
    articles = page.locator("article.source")
    assert articles.count() == len(sources)
    checked = 0
    for number, source in enumerate(sources, start=1):
        article = page.locator(f"#source-{number}")
        for index, span in enumerate(source["evidence"]):
            marks = article.locator(f'mark[data-span="{index}"]')
            assert marks.count() >= 1, span
            text = "".join(marks.evaluate_all("els => els.map(e => e.firstChild.textContent)"))
            whole = marks.evaluate_all(
                "els => els.filter(e => !e.parentElement.closest"
                f"('mark[data-span=\"{index}\"]')).map(e => e.textContent).join('')"
            )
            assert whole == span["quote"], (span, text)
            assert marks.first.get_attribute("data-label") == span["field"]
            checked += 1
    assert checked == sum(len(s["evidence"]) for s in sources) > 3


def test_a_persons_chart_has_one_mark_per_year_and_kind(page: Any, server: str) -> None:
    if not all(ASSETS[name].is_file() for name in ("plot.js", "d3.js")):
        pytest.fail(f"the chart library is missing: {INSTALL_COMMAND}")
    person = "imran-khan"
    page.goto(f"/people/{person}")
    bars = page.locator("figure.chart svg g[aria-label='bar'] rect")
    bars.first.wait_for()
    titles = bars.evaluate_all("els => els.map(e => e.querySelector('title').textContent)")
    cells: dict[tuple[str, str], int] = {}
    for title in titles:
        where, count = title.rsplit(": ", 1)
        year, kind = where.split(", ")
        cells[(year, kind)] = int(count)
    meetings = _api(server, f"/api/v1/people/{person}/meetings", limit=100)["data"]
    expected: dict[tuple[str, str], int] = {}
    for meeting in meetings:
        key = (meeting["date"][:4], meeting["kind"])
        expected[key] = expected.get(key, 0) + 1
    assert cells == expected and len(titles) == len(expected)
    stats = _api(server, "/api/v1/stats", person=person)
    by_year: dict[str, int] = {}
    for (year, _), count in cells.items():
        by_year[year] = by_year.get(year, 0) + count
    assert by_year == {b["key"]: b["count"] for b in stats["by_year"]}
    counterparts = _api(server, f"/api/v1/people/{person}/counterparts")["data"]
    rows = page.locator("table.counterparts tbody tr")
    assert rows.count() == len(counterparts)
    first = rows.first.locator("td").nth(2).locator("a")
    assert first.inner_text() == str(counterparts[0]["meetings"])
    first.click()
    page.wait_for_url("**/?person=**")
    assert _matched(page) == counterparts[0]["meetings"]


def _tab_to(page: Any, selector: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({json.dumps(selector)})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_the_site_works_with_the_keyboard_only(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    _tab_to(page, "#q")
    page.keyboard.type("Imran Khan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=Imran+Khan")
    assert set(_shown(page)) == IMRAN_KHAN
    _tab_to(page, "#filters input[name=kind][value=meeting]")
    page.keyboard.press("Space")
    _tab_to(page, "#filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=meeting**")
    narrowed = _matched(page)
    assert 0 < narrowed < 3
    _tab_to(page, ".chip[data-name=kind]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search.includes('kind=')")
    assert _matched(page) == 3
    _tab_to(page, "#download summary")
    page.keyboard.press("Enter")
    assert page.locator("#download").get_attribute("open") is not None
    _tab_to(page, "ol.meetings h3 a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meetings/**")
    _tab_to(page, "td a[href^='/people/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text()


def _pages(server: str) -> list[str]:
    meeting = "2021-07-16-li-keqiang-imran-khan"
    return [
        "/",
        "/?q=Imran+Khan&kind=meeting",
        f"/meetings/{meeting}",
        "/people/imran-khan",
        "/people/Imran%20Khan",
        "/countries/PK",
        "/about",
        "/meetings/no-such-meeting",
    ]


def test_no_page_has_a_serious_accessibility_violation(page: Any, server: str) -> None:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: npm ci --prefix tests/api/web/axe")
    found = {}
    for path in _pages(server):
        page.goto(path)
        assert page.title(), path
        assert page.locator("main").count() == 1 and page.locator("header nav").count() == 1
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        serious = [
            f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        found[path] = serious
    assert found == {path: [] for path in found}


def test_pages_fit_a_phone(browser: Any, server: str) -> None:
    with open_context(browser, server, viewport={"width": 375, "height": 740}) as context:
        phone = context.new_page()
        for path in _pages(server):
            phone.goto(path)
            width = phone.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 375, (path, width)
        phone.goto("/?q=Imran+Khan")
        DOCS.mkdir(exist_ok=True)
        phone.screenshot(path=str(DOCS / "web-phone.png"))


def test_without_javascript_filtering_paging_and_downloading_work(
    browser: Any, server: str
) -> None:
    with open_context(
        browser, server, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    ) as context:
        page = context.new_page()
        page.goto("/?synthetic=true")
        page.locator("#filters").get_by_label("video call").check()
        page.locator("#filters").get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**kind=video_call**")
        params = {"synthetic": "true", "kind": "video_call", "limit": 100}
        expected = [m["id"] for m in _api(server, "/api/v1/meetings", **params)["data"]]
        assert _matched(page) == len(expected)
        seen = _shown(page)
        while page.locator("a[rel=next]").count():
            page.locator("a[rel=next]").click()
            page.wait_for_load_state()
            seen += _shown(page)
        assert seen == expected
        page.get_by_text("Download", exact=True).click()
        with page.expect_download() as caught:
            page.locator("#download a[data-format=csv]").click()
        lines = Path(caught.value.path()).read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) >= len(expected) + 1
        assert page.locator("figure.chart svg").count() == 0
        assert page.locator("table.year-table tbody tr").count() >= 1


def test_the_meetings_page_screenshot_for_the_readme(page: Any, server: str) -> None:
    page.goto("/?" + urlencode([("country", "PK"), ("synthetic", "false")]))
    page.locator("figure.chart g[aria-label='bar'] rect").first.wait_for()
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "web-meetings.png"), full_page=False)
    assert (DOCS / "web-meetings.png").stat().st_size > 10_000
