"""The seeds' workbook printed by LibreOffice Calc: the Meetings sheet on at most 2 pages.

LibreOffice (Debian's `libreoffice-calc`) converts the workbook to PDF headless with the
print setup the exporter wrote; poppler's `pdfinfo` and `pdftotext` read the pages back.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from api.models import Meeting
from exporters.base import ExportContext, NoOptions
from exporters.xlsx_exporter import XlsxExporter

TOOLS = ("soffice", "pdfinfo", "pdftotext")


def _tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} missing: apt-get install -y libreoffice-calc poppler-utils"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def _page(pdf: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.slow
def test_the_meetings_sheet_prints_on_at_most_two_pages(
    stored_meetings: list[Meeting], context: ExportContext, tmp_path: Path
) -> None:
    _tools()
    workbook = tmp_path / "seeds.xlsx"
    workbook.write_bytes(b"".join(XlsxExporter().stream(stored_meetings, NoOptions(), context)))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    pdf = tmp_path / "seeds.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    texts = [_page(pdf, n) for n in range(1, pages + 1)]
    # Sheets print in order; the Participants sheet is the first with a person_id header.
    meetings_pages = next(i for i, text in enumerate(texts) if "person_id" in text)
    assert 1 <= meetings_pages <= 2, texts[:3]
    printed = "\n".join(texts[:meetings_pages])
    for meeting in stored_meetings:
        assert meeting.id in printed
    for header in ("kind_label", "attendees", "topic_labels", "summary", "synthetic"):
        assert header in texts[0], header  # every column on the first page: one page wide
    assert "He Lifeng (CN)" in printed
    if meetings_pages == 2:
        assert "attendees" in texts[1]  # the header row repeats
