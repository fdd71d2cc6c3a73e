"""The README's REST examples, run against the app as written there."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from starlette.testclient import TestClient

README = (Path(__file__).resolve().parents[3] / "README.md").read_text()


def _examples() -> list[str]:
    section = README.split("## REST API", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\$ curl '127\.0\.0\.1:8000(/[^']+)'$", section, flags=re.M)


def test_readme_rest_examples(client: TestClient) -> None:
    examples = _examples()
    assert len(examples) == 5
    responses = [client.get(url) for url in examples]
    by_id, by_name, typo, bad_date, download = responses
    assert by_id.status_code == by_name.status_code == 200
    ids = {m["id"] for m in by_id.json()["data"]}
    assert ids == {m["id"] for m in by_name.json()["data"]}
    assert ids == {"2021-07-16-li-keqiang-imran-khan", "2021-10-26-xi-jinping-imran-khan"}
    assert typo.status_code == 400 and "'kindd'" in typo.json()["detail"]
    assert bad_date.status_code == 400 and "2021-13-01" in bad_date.json()["detail"]
    assert download.status_code == 200, download.text
    assert download.headers["content-disposition"].startswith("attachment;")
    assert all(urlsplit(url).path.startswith("/api/v1/") for url in examples)


def test_every_write_the_readme_shows_is_an_operation_of_the_api() -> None:
    from api.rest.table import document

    section = README.split("## REST API", 1)[1].split("\n## ", 1)[0]
    shown = re.findall(r"curl -X (\w+) '?127\.0\.0\.1:8000/api/v1(/[^ ?']+)", section)
    assert len(shown) >= 6
    paths = document()["paths"]
    for method, path in shown:
        template = re.sub(r"^/meetings/[^/]+", "/meetings/{id}", path)
        assert method.lower() in paths.get(template, {}), (method, path)
    feed = re.findall(r"^\$ curl -s '127\.0\.0\.1:8000/api/v1(/changes)\?", section, flags=re.M)
    assert feed == ["/changes"] and "get" in paths["/changes"]
