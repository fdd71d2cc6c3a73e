"""People in a readout: mentions resolved to persons. Short forms ("Khan", "Premier
Li", "Dr Alvi") resolve to the full name they share words with; a person keeps the
best-attested office and country of its mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from api.extract.gazetteer import fold
from api.extract.mention import Mention, Span
from api.extract.mentions import find_mentions
from api.extract.names import canonical_name, is_pinyin_name
from api.extract.offices import appositive_title
from api.extract.text import Document
from api.extract.titles import CN_CUES

__all__ = ["Mention", "Person", "Span", "find_mentions", "resolve_people"]

_BECOMING = re.compile(
    r"\b(?:becoming|became|elected(?:\s+as)?|appointed(?:\s+as)?|named(?:\s+as)?|"
    r"sworn in as|taking office as)\s+(?:the\s+)?(?P<title>[A-Za-z][\w' -]+)",
)


@dataclass(slots=True)
class Person:
    """A person across the text: canonical name, office, country and every mention."""

    tokens: list[str]
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    title_span: Span | None = None
    title_rank: int = 9
    country: str | None = None
    country_span: Span | None = None
    country_rank: int = 9
    counterpart: bool = False
    aliases: set[str] = field(default_factory=set)
    """Folded short names the text gave in brackets or quotes."""

    @property
    def name(self) -> str:
        """The normalised full name."""
        return " ".join(canonical_name(self.tokens, self.country))

    def first_span(self) -> Span:
        """Where the fullest body mention of the name is."""
        best = max(self.mentions, key=lambda m: (not m.headline, len(m.name), -m.start))
        return best.name_span


def _same(a: list[str], b: list[str]) -> bool:
    fa, fb = [fold(w) for w in a], [fold(w) for w in b]
    if len(fa) == len(fb) > 1 and any(
        _initial(x, y) or _initial(y, x) for x, y in zip(fa, fb, strict=True)
    ):
        # 'B. Assad' and 'Bashar Assad': an initial stands for the name it begins
        return all(x == y or _initial(x, y) or _initial(y, x) for x, y in zip(fa, fb, strict=True))
    if _spelling_variant(fa, fb):
        return True  # 'Shah Mahmood Qureshi' and 'Shah Mehmood Qureshi'
    sa, sb = set(fa), set(fb)
    if not (sa <= sb or sb <= sa):
        return False
    return fa[-1] == fb[-1] or fa[0] == fb[0] or len(sa) == 1 or len(sb) == 1


def _spelling_variant(fa: list[str], fb: list[str]) -> bool:
    """Two spellings of one name of three words or more: the same first and last words
    and one middle word transliterated two ways ('Mahmood', 'Mehmood')."""
    if len(fa) != len(fb) or len(fa) < 3 or fa[0] != fb[0] or fa[-1] != fb[-1]:
        return False
    differ = [(x, y) for x, y in zip(fa, fb, strict=True) if x != y]
    return len(differ) == 1 and SequenceMatcher(None, *differ[0]).ratio() >= 0.7


def _initial(short: str, full: str) -> bool:
    """'b.' for 'bashar'; 's.v.' (a name and a patronymic) for 'sergey'."""
    dotted = len(short) % 2 == 0 and short[1::2] == "." * (len(short) // 2)
    return dotted and len(full) > 2 and "." not in full and full[0] == short[0]


def resolve_people(
    doc: Document, mentions: list[Mention]
) -> tuple[list[Person], dict[int, Person]]:
    """Group mentions into persons; return the persons and a map from mention index."""
    people: list[Person] = []
    owner: dict[int, Person] = {}
    ordered = sorted(range(len(mentions)), key=lambda i: (len(mentions[i].name) < 2, i))
    for index in ordered:
        mention = mentions[index]
        tokens = canonical_name(list(mention.name), None)
        person = _match(people, tokens, mention)
        if person is None:
            if len(tokens) < 2 and mention.title is None:
                continue
            person = Person(tokens=tokens)
            people.append(person)
        elif len(tokens) > len(person.tokens) and len(mention.name) >= 2:
            person.tokens = tokens
        person.mentions.append(mention)
        if mention.alias:
            person.aliases.add(fold(mention.alias))
        owner[index] = person
        _absorb(person, mention, doc)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        _becoming(person, doc)
    return people, owner


def _match(people: list[Person], tokens: list[str], mention: Mention) -> Person | None:
    candidates = [p for p in people if _same(p.tokens, tokens)]
    if not candidates and len(tokens) == 1:  # 'Jokowi' after 'Joko Widodo (Jokowi)'
        candidates = [p for p in people if fold(tokens[0]) in p.aliases]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if mention.title:
        titled = [p for p in candidates if p.title and fold(mention.title) in fold(p.title)]
        if titled:
            candidates = titled
    return _nearest_before(candidates, mention.start)


def _nearest_before(candidates: list[Person], at: int) -> Person:
    """Of several people a short name fits ('Deuba' after 'Sher Bahadur Deuba' and his
    wife 'Arzu Rana Deuba'), the one named last before it, else the first named after."""
    before = [(max(m.start for m in p.mentions if m.start < at), p)
              for p in candidates if any(m.start < at for m in p.mentions)]  # fmt: skip
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(candidates, key=lambda p: min((m.start for m in p.mentions), default=at))


def _absorb(person: Person, mention: Mention, doc: Document) -> None:
    rank = 3 if mention.title_rank == 0 and len(mention.name) < 2 else mention.title_rank
    longer = bool(person.title and mention.title and _extends(mention.title, person.title))
    shorter = bool(person.title and mention.title and _extends(person.title, mention.title))
    if mention.title and ((rank < person.title_rank and not shorter) or (longer and rank <= 3)):
        person.title, person.title_span, person.title_rank = mention.title, mention.title_span, rank
    if mention.counterpart:
        person.counterpart = True
    if mention.country and person.country_rank > 0:
        person.country, person.country_span, person.country_rank = (
            mention.country,
            mention.country_span,
            0,
        )
    elif person.country_rank > 1 and mention.title and CN_CUES.search(mention.title):
        person.country, person.country_span, person.country_rank = "CN", mention.title_span, 1
    elif person.country_rank > 2 and is_pinyin_name(person.tokens):
        person.country, person.country_span, person.country_rank = "CN", mention.name_span, 2


def _extends(fuller: str, title: str) -> bool:
    """True when `fuller` says all that `title` says and more ('Member of ... and Foreign
    Minister' extends 'Foreign Minister')."""
    return set(fold(title).split()) < set(fold(fuller).split())


def _becoming(person: Person, doc: Document) -> None:
    if person.title_rank <= 1:
        return
    for mention in person.mentions:
        sentence = doc.sentences[mention.sentence]
        match = _BECOMING.search(sentence.text)
        if not match:
            continue
        title, length = appositive_title(match.group("title"))
        if title and title.split()[0].lower() in {"premier", "president", "prime", "chancellor"}:
            start = sentence.start + match.start("title")
            person.title, person.title_span, person.title_rank = title, (start, start + length), 2
