"""People in a readout: mentions found in each sentence, then resolved to persons.

A mention is a name with what stands beside it: an office before it ("Chinese
President Xi Jinping"), an appositive after it ("Zhao Leji, chairman of ..."), a
country ("Pakistani", "Pakistan's", "of Pakistan", "his Pakistani counterpart"). Short
forms ("Khan", "Premier Li", "Dr Alvi") resolve to the full name they share words with.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from api.extract.gazetteer import city_country, country_of_phrase, fold
from api.extract.names import (
    NAME_PARTICLES,
    STOP_CAPS,
    canonical_name,
    is_nameable,
    is_pinyin_name,
)
from api.extract.text import Document, Sentence
from api.extract.titles import (
    CN_CUES,
    RANKS,
    TITLE_WORDS,
    counterpart_title,
    has_title_head,
    normalise_title,
    title_country,
)

__all__ = ["Mention", "Person", "Span", "find_mentions", "resolve_people"]

Span = tuple[int, int]

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|\([A-Z][A-Za-z]{0,6}\)|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:st|nd|rd|th)?|\S"
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
_CONNECTORS = frozenset({"of", "the", "and", "to", "on", "for", "/"}) | NAME_PARTICLES
_COUNTERPART = re.compile(r"(?:(?P<dem>[A-Z][\w.']*(?:\s[A-Z][\w.']*)?)\s+)?counterparts?,?\s*$")
_EXCLUDING = re.compile(
    r"(?:invitation|behalf|greetings|regards|message|messages|letter|wishes|representative|"
    r"envoy|proposed|put forward|condolences|congratulations)\s+(?:\w+\s+){0,2}?"
    r"(?:of|from|by|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_LOWER_OFFICE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<title>(?:[A-Za-z][a-z'-]+\s+){0,3}(?:minister|president|premier|"
    r"secretary|adviser|advisor|chancellor|chief))\s+$"
)
"""An office in lower case right before a name: 'external affairs minister S Jaishankar'."""
_REVERSE_APPOSITIVE = re.compile(
    r"(?:\b(?i:the)\s+(?:(?P<dem>[A-Z][\w.'’]*)\s+)?|^|(?<=[a-z,:;] ))"
    r"(?P<title>(?:[A-Z][\w'’/-]*\s+(?:(?:of|for|and|the|to)\s+)*){0,10}[A-Z][\w'’/-]*),\s*"
    r"(?:(?:H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s*)?$"
)
"""'the Chinese Foreign Minister, Wang Yi' or '... with Foreign Minister of China, Wang Yi'."""
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:[A-Z]{1,5}(?:\s*\([A-Z]{1,2}\))?,\s+)*(?:the\s+|a\s+)?(?P<title>[^,;.()\n]+)"
)
"""', chairman of ...' after a name; post-nominal letters ('NI (M),') are skipped."""
_LISTED_TITLE = re.compile(
    r"(?:^|(?<=[a-z,:;] ))(?P<head>(?:[A-Z][\w'’-]*\s+)+(?:for|of|on)\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*),\s*$"
)
"""'Minister for Planning, ' before 'Development and Special Initiatives Ahsan Iqbal'."""
_BECOMING = re.compile(
    r"\b(?:becoming|became|elected(?:\s+as)?|appointed(?:\s+as)?|named(?:\s+as)?|"
    r"sworn in as|taking office as)\s+(?:the\s+)?(?P<title>[A-Za-z][\w' -]+)",
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One reference to a person in one sentence, with its evidence spans."""

    sentence: int
    start: int
    end: int
    name: tuple[str, ...]
    name_span: Span
    title: str | None = None
    title_span: Span | None = None
    title_rank: int = 9
    country: str | None = None
    country_span: Span | None = None
    possessive: bool = False
    excluded: bool = False
    counterpart: bool = False
    headline: bool = False


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

    @property
    def name(self) -> str:
        """The normalised full name."""
        return " ".join(canonical_name(self.tokens, self.country))

    def first_span(self) -> Span:
        """Where the fullest body mention of the name is."""
        best = max(self.mentions, key=lambda m: (not m.headline, len(m.name), -m.start))
        return best.name_span


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int


def _tokens(sentence: Sentence) -> list[_Tok]:
    toks: list[_Tok] = []
    for match in _TOKEN.finditer(sentence.text):
        text, start, end = (
            match.group(0),
            sentence.start + match.start(),
            sentence.start + match.end(),
        )
        if (
            text == "."
            and toks
            and toks[-1].end == start
            and (toks[-1].text in _DOTTED or (len(toks[-1].text) == 1 and toks[-1].text.isupper()))
        ):
            toks[-1] = _Tok(toks[-1].text + ".", toks[-1].start, end)
            continue
        toks.append(_Tok(text, start, end))
    return toks


def _is_cap(tok: _Tok) -> bool:
    return tok.text[0].isupper() or (tok.text[0] == "(" and len(tok.text) > 2)


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for tok in [*toks, _Tok(".", -1, -1)]:
        if _is_cap(tok) or (current and tok.text in _CONNECTORS):
            current.append(tok)
            continue
        while current and not _is_cap(current[-1]):
            current.pop()
        if current:
            runs.append(current)
        current = []
    return [piece for run in runs for piece in _split_and(run)]


def _nameable(toks: list[_Tok], i: int) -> bool:
    text = toks[i].text
    if text in ("He", "Ma", "Yu") and i + 1 < len(toks):
        return is_pinyin_name([text, toks[i + 1].text.rstrip("'’s")])
    return is_nameable(text)


def _split_and(run: list[_Tok]) -> list[list[_Tok]]:
    pieces, start = [], 0
    for i, tok in enumerate(run):
        if tok.text == "and" and 0 < i < len(run) - 1 and _nameable(run, i - 1):
            pieces.append(run[start:i])
            start = i + 1
    pieces.append(run[start:])
    return [p for p in pieces if p]


def _country_prefix(seg: list[_Tok]) -> tuple[str | None, int]:
    for size in (3, 2, 1):
        if len(seg) > size:
            phrase = " ".join(t.text for t in seg[:size])
            code = country_of_phrase(phrase)
            if code:
                return code, size
    return None, 0


def _name_block(seg: list[_Tok], begin: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    i = begin
    while i < len(seg):
        if not _nameable(seg, i):
            i += 1
            continue
        j = i + 1
        while j < len(seg) and (
            _nameable(seg, j)
            or (seg[j].text in NAME_PARTICLES and j + 1 < len(seg) and _nameable(seg, j + 1))
        ):
            if seg[j - 1].text.endswith(("'s", "’s")):
                break
            j += 1
        rest = seg[j:]
        if not rest or not rest[0].text[0].isupper() or rest[0].text.startswith("("):
            best = (i, j)
        i = j
    return best


def _parse_run(seg: list[_Tok], sentence: Sentence, doc_text: str) -> Mention | None:
    begin = 0
    while begin < len(seg) and (
        (seg[begin].text in STOP_CAPS and not _nameable(seg, begin))
        or seg[begin].text in _CONNECTORS
    ):
        begin += 1
    country, size = _country_prefix(seg[begin:])
    country_span = (seg[begin].start, seg[begin + size - 1].end) if country else None
    title_begin = begin + size
    block = _name_block(seg, title_begin)
    if block is None:
        return None
    i, j = block
    name_toks = seg[i:j]
    if len(name_toks) > 5:
        return None
    possessive = name_toks[-1].text.endswith(("'s", "’s"))
    last = name_toks[-1]
    name_end = last.end - 2 if possessive else last.end
    words = [t.text for t in name_toks]
    if possessive:
        words[-1] = words[-1][:-2]
    title_toks = [t for t in seg[title_begin:i] if t.text not in RANKS and t.text[0] != "("]
    named = [k for k, t in enumerate(title_toks) if is_nameable(t.text)]
    if named:  # 'President Xi Jinping to President Zardari': the office is after the name
        title_toks = title_toks[named[-1] + 1 :]
        while title_toks and title_toks[0].text in _CONNECTORS:
            title_toks = title_toks[1:]
    title: str | None = None
    title_span: Span | None = None
    if title_toks and has_title_head([t.text for t in title_toks]):
        title_span = (title_toks[0].start, title_toks[-1].end)
        rest = seg[j:]
        if len(rest) > 2 and rest[0].text == "of" and not _suffix_country(rest):
            title_span = (title_span[0], title_span[1])
            title = normalise_title(
                doc_text[title_span[0] : title_span[1]]
                + " "
                + doc_text[rest[0].start : rest[-1].end]
            )
        else:
            title = normalise_title(doc_text[title_span[0] : title_span[1]])
    rest = seg[j:]
    if rest and rest[0].text == "of" and len(rest) > 1 and not country:
        code = _suffix_country(rest)
        if code:
            country, country_span = code, (rest[1].start, rest[-1].end)
    if title_span and not country:
        code = title_country(doc_text[title_span[0] : title_span[1]])
        if code:
            country, country_span = code, title_span
    if title is None and len(words) < 2 and not _is_single_alias(words):
        return None
    if len(words) > 1 and city_country(" ".join(words)):  # 'San Francisco' is no person
        return None
    return Mention(
        sentence=sentence.index,
        start=seg[begin].start,
        end=name_end,
        name=tuple(words),
        name_span=(name_toks[0].start, name_end),
        title=title,
        title_span=title_span,
        title_rank=0 if title and not sentence.headline else (3 if title else 9),
        country=country,
        country_span=country_span,
        possessive=possessive,
        headline=sentence.headline,
    )


def _suffix_country(rest: list[_Tok]) -> str | None:
    words = [t.text for t in rest[1:]]
    if words and words[0] == "the":
        words = words[1:]
    return country_of_phrase(" ".join(words)) if words else None


def _is_single_alias(words: list[str]) -> bool:
    return len(words) == 1 and len(words[0]) > 1


def _context(mention: Mention, sentence: Sentence, doc_text: str) -> Mention:
    before = doc_text[max(sentence.start, mention.start - 160) : mention.start]
    after = doc_text[mention.end : sentence.end]
    changes: dict[str, Any] = {}
    if _EXCLUDING.search(before):
        changes["excluded"] = True
    counterpart = _COUNTERPART.search(before)
    if counterpart:
        changes["counterpart"] = True
        code = country_of_phrase(counterpart.group("dem") or "")
        if code and mention.country is None:
            offset = mention.start - len(before) + counterpart.start("dem")
            changes["country"] = code
            changes["country_span"] = (offset, offset + len(counterpart.group("dem")))
    between = doc_text[mention.start : mention.name_span[0]].split()
    bare = all(w in RANKS for w in between)  # only ranks stand between the comma and name
    reverse = _REVERSE_APPOSITIVE.search(before) if mention.title is None and bare else None
    if reverse and _is_office(reverse.group("title").split()):
        offset = mention.start - len(before)
        dem_span, title_span = _split_country(
            before, reverse.span("dem") if reverse.group("dem") else None, reverse.span("title")
        )
        office = before[title_span[0] : title_span[1]]
        title_span = (offset + title_span[0], offset + title_span[1])
        changes.update(title=normalise_title(office), title_span=title_span, title_rank=1)
        code = country_of_phrase(before[dem_span[0] : dem_span[1]]) if dem_span else None
        if code and mention.country is None and dem_span:
            changes.update(country=code, country_span=(offset + dem_span[0], offset + dem_span[1]))
        elif mention.country is None and title_country(office):
            changes.update(country=title_country(office), country_span=title_span)
    listed = _LISTED_TITLE.search(before) if mention.title is None and not bare else None
    if listed and _is_office(listed["head"].split()):
        offset = mention.start - len(before)
        rest = doc_text[mention.start : mention.name_span[0]].strip()
        changes.update(
            title=normalise_title(f"{listed['head']}, {rest}"),
            title_span=(offset + listed.start("head"), mention.start + len(rest)),
            title_rank=1,
        )
    lower = _LOWER_OFFICE.search(before) if mention.title is None and bare else None
    if lower and all(fold(w) in TITLE_WORDS for w in lower["title"].split()):
        offset = mention.start - len(before)
        words = [w if w in _CONNECTORS else w[:1].upper() + w[1:] for w in lower["title"].split()]
        title_span = (offset + lower.start("title"), offset + lower.end("title"))
        changes.update(title=normalise_title(" ".join(words)), title_span=title_span, title_rank=2)
        if mention.country is None and title_country(" ".join(words)):
            changes.update(country=title_country(" ".join(words)), country_span=title_span)
    appositive = _APPOSITIVE.match(after)
    if appositive and mention.title is None:
        title, length = _appositive_title(appositive.group("title"))
        if title:
            start = mention.end + appositive.start("title")
            changes.update(title=title, title_span=(start, start + length), title_rank=1)
            code = title_country(appositive.group("title")[:length])
            if code and mention.country is None and "country" not in changes:
                changes.update(country=code, country_span=(start, start + length))
    return _replace(mention, **changes) if changes else mention


def _split_country(text: str, dem: Span | None, title: Span) -> tuple[Span | None, Span]:
    """Move the words of a country name from the start of an office to its qualifier:
    'the United | States Secretary of State' -> 'United States | Secretary of State'."""
    start = dem[0] if dem else title[0]
    words = list(re.finditer(r"\S+", text[start : title[1]]))
    for size in (3, 2, 1):
        if len(words) > size and country_of_phrase(" ".join(w.group(0) for w in words[:size])):
            end, begin = start + words[size - 1].end(), start + words[size].start()
            return (start, end), (begin, title[1])
    return dem, title


def _is_office(words: list[str]) -> bool:
    return has_title_head(words) and not any(
        is_nameable(w) for w in words if w not in _CONNECTORS and "/" not in w
    )


def _appositive_title(phrase: str) -> tuple[str | None, int]:
    words = phrase.split(" ")
    skip = 0
    if len(words) > 2 and country_of_phrase(words[0]) and has_title_head(words[1:3]):
        skip = len(words[0]) + 1  # 'Chinese Foreign Minister': the office without 'Chinese'
        words = words[1:]
    kept: list[str] = []
    for word in words:
        if word and (word[0].isupper() or fold(word) in TITLE_WORDS or word in _CONNECTORS):
            kept.append(word)
        else:
            break
    while kept and kept[-1] in _CONNECTORS:
        kept.pop()
    raw = " ".join(kept)
    kept = [
        w if w in _CONNECTORS or w[:1].isupper() else w[:1].upper() + w[1:]
        for k, w in enumerate(kept)
        if not (k > 0 and kept[k - 1] == "and" and country_of_phrase(w))
    ]  # '... and Chinese foreign minister': the office, its country given elsewhere
    if (
        not kept
        or not has_title_head(kept[:3])
        or len(normalise_title(" ".join(kept)).split()) > 16
    ):
        return None, 0
    if any(is_nameable(w) for w in kept[1:] if w not in _CONNECTORS):
        return None, 0
    return normalise_title(" ".join(kept)), skip + len(raw)


def find_mentions(doc: Document) -> list[Mention]:
    """Every person mention in the document's headline and body, in text order."""
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        if sentence.headline and _title_case(sentence.text):
            continue
        previous: Mention | None = None
        last: Mention | None = None
        for run in _runs(_tokens(sentence)):
            mention = _parse_run(run, sentence, doc.text)
            if mention is None:
                continue
            mention = _context(mention, sentence, doc.text)
            if previous is None and last is not None and mention.counterpart:
                # 'Jaishankar and his Chinese counterpart': the office named earlier
                previous = next(
                    (m for m in reversed(mentions) if m.title and m.name[-1] == last.name[-1]),
                    None,
                )
            last = mention
            if mention.counterpart and mention.title is None and previous and previous.title:
                # a counterpart holds the substantive office: the last of 'A and B'
                title = previous.title.split(" and ")[-1]
                title = title if has_title_head(title.split()) else previous.title
                title = counterpart_title(title, mention.country)
                mention = _replace(
                    mention, title=title, title_span=previous.title_span, title_rank=4
                )
            mentions.append(mention)
            previous = mention if mention.title else previous
    return mentions


def _replace(mention: Mention, **changes: Any) -> Mention:
    return dataclasses.replace(mention, **changes)


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _same(a: list[str], b: list[str]) -> bool:
    fa, fb = [fold(w) for w in a], [fold(w) for w in b]
    sa, sb = set(fa), set(fb)
    if not (sa <= sb or sb <= sa):
        return False
    return fa[-1] == fb[-1] or fa[0] == fb[0] or len(sa) == 1 or len(sb) == 1


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
        owner[index] = person
        _absorb(person, mention, doc)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        _becoming(person, doc)
    return people, owner


def _match(people: list[Person], tokens: list[str], mention: Mention) -> Person | None:
    candidates = [p for p in people if _same(p.tokens, tokens)]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if mention.title:
        titled = [p for p in candidates if p.title and fold(mention.title) in fold(p.title)]
        if titled:
            candidates = titled
    return max(candidates, key=lambda p: max((m.start for m in p.mentions), default=-1))


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
        title, length = _appositive_title(match.group("title"))
        if title and title.split()[0].lower() in {"premier", "president", "prime", "chancellor"}:
            start = sentence.start + match.start("title")
            person.title, person.title_span, person.title_rank = title, (start, start + length), 2
            return
