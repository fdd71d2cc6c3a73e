"""Who published a readout, read from the text: a news agency's credit in the dateline
('(Xinhua)', '(APP)', '/DNA/'), a 'Source:' or 'By' line naming an outlet, or the domain
of the page's address."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from api.extract.gazetteer import AGENCIES, fold
from api.names import name_key

__all__ = ["publisher_of", "surname_alias"]

_CREDIT = re.compile(r"\((?P<a>[A-Za-z][A-Za-z ]{1,24})\)|/(?P<b>[A-Za-z]{2,12})/")
_OUTLET_LINE = re.compile(
    r"^\s*(?:source|by|from|published by)\s*[:|]?\s*(?P<name>[A-Z][\w&'’. -]{1,60}?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Press|Agency|Today|Daily|Tribune|Herald|Observer|Gazette|"
    r"Ministry|Office|Department|Embassy|Government|Recorder|Dawn|Nation|Express)\b"
)
"""Words that make a 'By ...' line an outlet rather than a reporter's name."""
_LEAD = 600
"""Credits are looked for in the first characters of the text (the dateline), then at its end."""


def publisher_of(text: str, url: str | None = None) -> str | None:
    """The publisher the text names, or the domain of `url`; None when neither says."""
    for part in (text[:_LEAD], text[-200:]):
        for match in _CREDIT.finditer(part):
            agency = AGENCIES.get(fold(match.group("a") or match.group("b")))
            if agency is not None:
                return agency[1]
    for match in _OUTLET_LINE.finditer(text):
        name = match.group("name").strip(" .")
        agency = AGENCIES.get(fold(name))
        if agency is not None:
            return agency[1]
        if _OUTLET_WORDS.search(name):
            return name
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
        if host:
            return host.removeprefix("www.")
    return None


def surname_alias(name: str, pinyin: bool, shared: set[str]) -> str | None:
    """The surname alone as an alias of `name` ('Li' for Li Qiang, 'Sharif' for Shehbaz
    Sharif), unless a word of another person's name in `shared` (name keys) is the same."""
    words = name.split()
    if len(words) < 2:
        return None
    surname = words[0] if pinyin else words[-1]
    if len(surname) < 2 or name_key(surname) in shared:
        return None
    return surname
