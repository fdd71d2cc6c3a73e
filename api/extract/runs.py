"""Runs of capitalised tokens in a sentence: the stretches where a name may stand,
split at an 'and' that joins two people ('President Xi and Prime Minister Sharif')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from api.extract.gazetteer import country_of_phrase, fold
from api.extract.names import is_nameable, is_pinyin_name
from api.extract.offices import CONNECTORS
from api.extract.text import Sentence
from api.extract.titles import TITLE_ABBREVIATIONS, TITLE_HEADS

__all__ = ["NICKNAME", "REGNAL", "Tok", "nameable", "runs", "tokens"]

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|H\.E\b|\([A-Z][A-Za-z]{0,6}\)|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:st|nd|rd|th)?|\S"
)
_DOTTED = frozenset(
    [
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Prof",
        "Sen",
        "Rep",
        "St",
        "Jr",
        "Adm",
        "Capt",
        "Hon",
    ]
)
_WEEKDAYS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of a sentence and where it is in the document."""

    text: str
    start: int
    end: int


NICKNAME = re.compile(r"(?<=[A-Za-z]) [\"“]([A-Z][a-z]+)[\"”](?= [A-Z])")
"""'Joko "Jokowi" Widodo': a nickname inside a name."""


def tokens(sentence: Sentence) -> list[Tok]:
    """The tokens of `sentence`: words, dotted abbreviations, bracketed letters."""
    toks: list[Tok] = []
    nicknames = {m.start(): m for m in NICKNAME.finditer(sentence.text)}

    for match in _TOKEN.finditer(sentence.text):
        if nicknames and any(n.start() < match.start() < n.end() for n in nicknames.values()):
            continue  # the nickname and its quotes stand outside the name's tokens
        text, start, end = (
            match.group(0),
            sentence.start + match.start(),
            sentence.start + match.end(),
        )
        if text in ("'", "’") and toks and toks[-1].end == start and toks[-1].text == "Dato":
            toks[-1] = Tok("Dato'", toks[-1].start, end)  # the Malay honorific
            continue
        if text in ("Sri", "Seri") and toks and toks[-1].text in ("Tan", "Dato'", "Datuk"):
            toks[-1] = Tok(toks[-1].text + " Sri", toks[-1].start, end)
            continue
        if (
            text == "."
            and toks
            and toks[-1].end == start
            and (toks[-1].text in _DOTTED or (len(toks[-1].text) == 1 and toks[-1].text.isupper()))
        ):
            toks[-1] = Tok(toks[-1].text + ".", toks[-1].start, end)
            continue
        toks.append(Tok(text, start, end))
    return toks


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar)-[A-Z]")
"""'al-Sabah' inside a name, with the article in lower case."""


REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{1,3}|V|X)")
"""A regnal number after a name ('King Tupou VI', 'Abdullah II'): part of the name."""
_TITLE_NAMES = frozenset({"Sultan", "Amir", "Malik", "Mir", "Shah", "Nawab", "Khan"})
"""Titles that are also given names: between two names they are part of the name."""
_WORD_SURNAMES = frozenset({"Park", "Moon", "Song"})
"""Family names that are also ordinary words: before a given name they begin a name
('Foreign Minister Park Jin')."""
_INTERIM = frozenset({"acting", "interim", "caretaker"})
"""Lower-case words inside an office ('Afghan acting Foreign Minister'): the run goes on."""
_MONTH_SURNAMES = frozenset({"May", "June", "Jun", "April", "August"})
"""Months that are also family names: after a given name they end it ('Theresa May')."""


def _is_cap(tok: Tok) -> bool:
    return (
        tok.text[0].isupper()
        or (tok.text[0] == "(" and len(tok.text) > 2)
        or bool(_ARABIC_ARTICLE.match(tok.text))
    )


def runs(toks: list[Tok]) -> list[list[Tok]]:
    """The capitalised runs of `toks`, each split where it joins two people."""
    runs: list[list[Tok]] = []
    current: list[Tok] = []
    for tok in [*toks, Tok(".", -1, -1)]:
        if tok.text in _WEEKDAYS:  # 'Xi Jinping Wednesday held talks': the name ends here
            tok = Tok(".", tok.start, tok.end)
        if _is_cap(tok) or (current and (tok.text in CONNECTORS or tok.text in _INTERIM)):
            current.append(tok)
            continue
        while current and not _is_cap(current[-1]):
            current.pop()
        if current:
            runs.append(current)
        current = []
    return [piece for run in runs for piece in _split_and(run)]


def nameable(toks: list[Tok], i: int) -> bool:
    """True when token `i` can be part of a name, given the tokens around it."""
    text = toks[i].text
    if text in ("He", "Ma", "Yu") and i + 1 < len(toks):
        return is_pinyin_name([text, toks[i + 1].text.rstrip("'’s")])
    if (
        text in _TITLE_NAMES
        and 0 < i < len(toks) - 1
        and (
            is_nameable(toks[i - 1].text)
            or fold(toks[i - 1].text) in TITLE_HEADS
            or toks[i - 1].text in TITLE_ABBREVIATIONS  # 'FM Amir Khan Muttaqi'
            or (  # 'Minister of Afghanistan Amir Khan'; not 'Sultan of Brunei Sultan Hassanal'
                country_of_phrase(toks[i - 1].text) is not None
                and all(t.text != text for t in toks[:i])
            )
        )
        and is_nameable(toks[i + 1].text)
    ):
        return True  # 'Mohammed Sultan Saif Al Suwaidi', 'Minister Amir Khan Muttaqi''
    if (
        text in _WORD_SURNAMES
        and i + 1 < len(toks)
        and is_nameable(toks[i + 1].text)
        and (i == 0 or is_nameable(toks[i - 1].text) or fold(toks[i - 1].text) in TITLE_HEADS)
    ):
        return True
    if (
        len(text) >= 3
        and text.isalpha()
        and text.isupper()
        and text not in TITLE_ABBREVIATIONS  # 'EAM Jaishankar': an office, then the name
        and i + 1 < len(toks)
        and toks[i + 1].text[1:].islower()
        and is_nameable(toks[i + 1].text)
        and is_nameable(text.title())
    ):
        return True  # 'Mr. MOTEGI Toshimitsu': a family name in capitals, written first
    if text.rstrip("'’s") in _MONTH_SURNAMES and i > 0 and is_nameable(toks[i - 1].text):
        following = toks[i + 1].text if i + 1 < len(toks) else ""
        return not following[:1].isdigit()  # 'Theresa May spoke', not 'on 5 May 2019'
    return is_nameable(text)


def _split_and(run: list[Tok]) -> list[list[Tok]]:
    pieces, start = [], 0
    for i, tok in enumerate(run):
        named_before = any(nameable(run, k) for k in range(start, i))
        office_after = (
            i + 1 < len(run)
            and (
                fold(run[i + 1].text) in TITLE_HEADS
                or (  # '... and Saudi Crown Prince X'
                    i + 2 < len(run)
                    and country_of_phrase(run[i + 1].text) is not None
                    and any(fold(t.text) in TITLE_HEADS for t in run[i + 2 : i + 5])
                )
            )
        )
        ended = nameable(run, i - 1) or (
            i > 1 and bool(REGNAL.fullmatch(run[i - 1].text)) and nameable(run, i - 2)
        )
        if (
            tok.text == "and"
            and 0 < i < len(run) - 1
            and (ended or (named_before and office_after))
        ):  # 'Trump of the United States and President Putin': two people
            pieces.append(run[start:i])
            start = i + 1
    pieces.append(run[start:])
    return [p for p in pieces if p]
