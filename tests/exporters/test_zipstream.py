"""The streamed zip: readable by zipfile, sent member by member."""

from __future__ import annotations

import io
import zipfile

from exporters.zipstream import ZipStream


def test_members_are_sent_as_written_and_read_back() -> None:
    archive = ZipStream(date_time=(2024, 5, 6, 7, 8, 10))
    chunks = []
    with archive.open("a.txt") as member:
        member.write(b"hello " * 10_000)
    chunks.append(archive.take())
    assert chunks[0].startswith(b"PK\x03\x04")
    with archive.open("b/c.csv") as member:
        member.write("é,1\r\n".encode())
    chunks.extend(archive.close())
    with zipfile.ZipFile(io.BytesIO(b"".join(chunks))) as result:
        assert result.testzip() is None
        assert result.namelist() == ["a.txt", "b/c.csv"]
        assert result.read("a.txt") == b"hello " * 10_000
        assert result.getinfo("b/c.csv").date_time == (2024, 5, 6, 7, 8, 10)
        assert result.read("b/c.csv").decode() == "é,1\r\n"


def test_an_empty_archive_is_valid() -> None:
    data = b"".join(ZipStream().close())
    with zipfile.ZipFile(io.BytesIO(data)) as result:
        assert result.namelist() == []
