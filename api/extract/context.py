"""What the rules share about one readout: sentences, people and where they are named,
the dateline, the reference date, and how often each country is mentioned."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from api.extract.dates import parse_loose_date
from api.extract.gazetteer import AGENCIES, CITY_SPELLINGS, city_country, country_of_phrase, fold
from api.extract.geonames import known_city
from api.extract.people import Person, Span, find_mentions, resolve_people
from api.extract.places import Place
from api.extract.text import Document, Sentence, parse_document
from api.extract.titles import ROLE_WORDS, title_country

__all__ = ["Context", "Ref", "build_context", "fallback_country", "resolve_role"]

_ROLE = re.compile(
    r"\b(?i:the|his|her|their)\s+(?:(?i:visiting|then|new)\s+)?"
    r"(?:(?P<dem>[A-Z][a-z]+|U\.S\.|U\.K\.|US|UK)\s+)?(?P<role>(?i:" + ROLE_WORDS + r"))\b"
    r"(?!['’]s)(?!\s+(?:[A-Z][a-z]|of\b|for\b))"
)
_ROLE_SYNONYMS = {
    "army chief": "chief of army staff", "pm": "prime minister", "fm": "foreign minister",
    "dpm": "deputy prime minister",
}  # fmt: skip
_INSTITUTION_COUNTRY = {
    "ghq": "PK", "aiwan-e-sadr": "PK", "state department": "US",
    "white house": "US", "pentagon": "US", "kremlin": "RU",
    "zhongnanhai": "CN", "downing street": "GB", "ministry of external affairs": "IN",
    "elysee": "FR", "élysée": "FR", "kantei": "JP", "mea": "IN", "no10": "GB",
    "no. 10": "GB", "number 10": "GB", "blue house": "KR",
}  # fmt: skip
"""Seats of government and ministries by their usual names. Press agencies are not here:
who reports a meeting says nothing about who took part in it."""
_INSTITUTIONS = re.compile(
    "|".join(
        re.escape(k) if k.startswith("(") else rf"\b{re.escape(k)}\b" for k in _INSTITUTION_COUNTRY
    ),
    re.IGNORECASE,
)
"""Institutions and agencies whose mention tells a country, for the fallback count."""
_CITY_NAMES = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in CITY_SPELLINGS) + r")\b")
"""The cities of the hand-kept table: a city named tells its country, like its name."""
_CAPITALISED = re.compile(r"(?:[A-Z]\.){2,}|(?!The\s)[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?")


@dataclass(frozen=True, slots=True)
class Ref:
    """A person referred to in a sentence, by name or by office ('the prime minister')."""

    start: int
    end: int
    person: Person
    name_span: Span
    excluded: bool


@dataclass(slots=True)
class Context:
    """Everything the meeting rules need to know about one readout."""

    doc: Document
    reference: dt.date | None
    people: list[Person]
    refs: dict[int, list[Ref]]
    countries: Counter[str]
    dateline_date: dt.date | None
    dateline_date_span: Span | None
    dateline_city: Place | None
    items: tuple[tuple[int, dt.date], ...] = ()
    """On a page of several readouts: where each item starts and its own date."""
    home_country: str | None = None
    """The side the report is written from: a national agency's country ('(APP)'), else
    the dateline's when the text speaks of that country elsewhere too. A participant the
    text gives no country is most likely of this side (national press omit their own)."""

    def reference_at(self, offset: int) -> dt.date | None:
        """The day relative words at `offset` count from: its item's date, or the page's."""
        own = [day for start, day in self.items if start <= offset]
        return own[-1] if own else self.reference

    def item_start(self, offset: int) -> int:
        """Where the item holding `offset` starts (0 on a page of one readout)."""
        starts = [start for start, _ in self.items if start <= offset]
        return starts[-1] if starts else 0


_CREDIT = re.compile(r"\((?P<a>[A-Za-z][A-Za-z ]{1,24})\)|/(?P<b>[A-Za-z]{2,12})/")
"""A news agency's credit: '(Xinhua)', '(APP)', '/DNA/'."""


def _agency_country(doc: Document) -> str | None:
    """The country of the national agency credited in the opening lines, if any."""
    for match in _CREDIT.finditer(doc.text, 0, 400):
        agency = AGENCIES.get(fold(match.group("a") or match.group("b")))
        if agency is not None and agency[0] is not None:
            return agency[0]
    return None


def _count_countries(doc: Document) -> Counter[str]:
    counts: Counter[str] = Counter()
    for match in _CREDIT.finditer(doc.text):
        agency = AGENCIES.get(fold(match.group("a") or match.group("b")))
        if agency is not None and agency[0] is not None:
            counts[agency[0]] += 1  # a national agency reports its own side's leaders
            break
    for match in _INSTITUTIONS.finditer(doc.text):
        counts[_INSTITUTION_COUNTRY[match.group(0).lower()]] += 1
    for match in _CITY_NAMES.finditer(doc.text):  # 'Hyderabad House in Delhi'
        found = city_country(match.group(0))
        if found is not None:
            counts[found[1]] += 1
    for sentence in doc.sentences:
        for match in _CAPITALISED.finditer(sentence.text):
            phrase = match.group(0)
            code = country_of_phrase(phrase)
            if code is None:
                for part in re.split(r"[\s-]+", phrase):
                    part_code = country_of_phrase(part)
                    if part_code:
                        counts[part_code] += 1
                continue
            counts[code] += 1
    return counts


def build_context(text: str, published: dt.date | None) -> Context:
    """Parse `text` and find its people, dateline and country mentions."""
    doc = parse_document(text)
    reference = published
    if reference is None and doc.stamp:
        reference = parse_loose_date(doc.stamp, None)
    mentions = find_mentions(doc)
    people, owner = resolve_people(doc, mentions)
    _bare_offices(doc.text, people)
    _offices_of_countries(doc.text, people)
    refs: dict[int, list[Ref]] = {}
    for index, mention in enumerate(mentions):
        person = owner.get(index)
        if person is None:
            continue
        excluded = mention.excluded or mention.possessive
        refs.setdefault(mention.sentence, []).append(
            Ref(mention.start, mention.end, person, mention.name_span, excluded)
        )
    dateline_date = dateline_span = None
    dateline_city = None
    countries = _count_countries(doc)
    home = _agency_country(doc)
    if doc.dateline:
        if doc.dateline.date_text:
            dateline_date = parse_loose_date(doc.dateline.date_text, reference)
            start = doc.dateline.date_start
            dateline_span = (start, start + len(doc.dateline.date_text))
        if len(doc.dateline.cities) == 1:
            name, start, end = doc.dateline.cities[0]
            found = known_city(name)
            if found:
                dateline_city = Place(found[0], found[1], (start, end))
                if home is None and countries[found[1]] >= 1:
                    home = found[1]
                countries[found[1]] += 2
    items = tuple(
        (start, day)
        for start, line in doc.items
        if (day := parse_loose_date(line, reference)) is not None
    )
    context = Context(
        doc,
        reference,
        people,
        refs,
        countries,
        dateline_date,
        dateline_span,
        dateline_city,
        items if len(items) > 1 else (),
        home,
    )
    for sentence in doc.sentences:
        if not sentence.headline:
            _add_roles(context, sentence.index)
    return context


_BARE_OFFICES = {
    "secretary": (
        re.compile(r"\b(?:State Department|Department of State|Secretary of State|Office of the "
            r"Spokesperson|attributable to (?:the )?Spokesperson)\b"),
        "Secretary of State",
    ),
}  # fmt: skip
"""Offices a ministry's own readouts name by their head word alone ('Secretary Kerry', 'the
Secretary'): the full office, when the text is that ministry's (its cue is present)."""


_OFFICE_OF_COUNTRY = re.compile(
    r"\b[Tt]he\s+(?P<office>President|Prime Minister|Premier|Chancellor|King|Emir|Foreign "
    r"Minister)\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\b(?![\w-]|\s+[A-Z])"
)
"""'The President of Russia briefed ...': an office and its country, told without a name."""


def _offices_of_countries(text: str, people: list[Person]) -> None:
    """Give the office and country of 'the President of Russia' to the one person of the
    text who has neither a country nor another office, when nobody else is that country's."""
    for found in _OFFICE_OF_COUNTRY.finditer(text):
        code = country_of_phrase(found["c"])
        if code is None or any(p.country == code for p in people):
            continue
        office = found["office"]
        bare = [p for p in people if p.country is None and fold(p.title or office) == fold(office)]
        if len(bare) == 1:
            bare[0].country, bare[0].country_rank = code, 3
            bare[0].title = bare[0].title or office
            bare[0].country_span = (found.start(), found.end())


def _bare_offices(text: str, people: list[Person]) -> None:
    for person in people:
        bare = _BARE_OFFICES.get(fold(person.title or ""))
        if bare is not None and bare[0].search(text):
            person.title = bare[1]
            if person.country is None:
                person.country = title_country(bare[1])
                person.country_rank = 4


def _add_roles(context: Context, index: int) -> None:
    sentence = context.doc.sentences[index]
    named = context.refs.get(index, [])
    extra: list[Ref] = []
    for match in _ROLE.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(r.start <= start < r.end for r in named):
            continue
        country = country_of_phrase(match.group("dem")) if match.group("dem") else None
        others = {r.person.name for r in named if not r.excluded}  # not "Biden's call"
        person = resolve_role(context, match.group("role"), country, others)
        if person is not None:
            role_start = sentence.start + match.start("role")
            extra.append(Ref(start, end, person, (role_start, end), False))
    if extra:
        context.refs[index] = sorted([*named, *extra], key=lambda r: r.start)


def resolve_role(
    context: Context, role: str, country: str | None, others: set[str]
) -> Person | None:
    """The person an office alone ('the prime minister') most likely refers to."""
    wanted = fold(_ROLE_SYNONYMS.get(fold(role), role))
    words = set(wanted.split())
    exact, partial = [], []
    for person in context.people:
        if person.name in others or not person.title:
            continue
        if country and person.country and person.country != country:
            continue
        title = fold(person.title)
        if title == wanted:
            exact.append(person)
        elif words <= set(title.split()):
            partial.append(person)
    pool = exact or partial
    if not pool:
        return None
    return max(pool, key=lambda p: (len(p.mentions), -p.mentions[0].start))


_POSSESSIVE_COUNTRY = re.compile(r"\b([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+(?!counterpart)")


def fallback_country(
    context: Context, exclude: set[str], sentence: Sentence | None = None
) -> str | None:
    """The side a person without any country cue most likely represents: a country the
    sentence reporting the meeting speaks of as acting ("spoke with his U.S. counterpart
    ... to discuss Turkey's efforts"), else the most mentioned country outside `exclude`."""
    if sentence is not None:
        for match in _POSSESSIVE_COUNTRY.finditer(sentence.text):
            code = country_of_phrase(match.group(1))
            if code and code not in exclude:
                return code
    issuer = _issuer_country(context.doc.text)
    if issuer is not None and issuer not in exclude:
        return issuer
    partner = _paired_country(context, exclude)
    if partner is not None:
        return partner
    for code, _ in context.countries.most_common():
        if code not in exclude:
            return code
    return None


_ISSUED = re.compile(
    r"\s*(?:(?:press\s+)?(?:spokes(?:man|woman|person)|press\s+secretary|official)s?\s+)?"
    r"(?:said|says|told|stated|announced|readout|statement|confirmed)\b",
    re.IGNORECASE,
)
"""'the White House said', 'a Downing Street spokesperson said', 'a White House readout':
the seat of government that issued the account."""


def _issuer_country(text: str) -> str | None:
    """The country of the seat of government that issued the readout, if the text says
    so: a leader it names without a country is most likely its own."""
    for match in _INSTITUTIONS.finditer(text):
        if _ISSUED.match(text, match.end()):
            return _INSTITUTION_COUNTRY[match.group(0).lower()]
    return None


_PAIRED = re.compile(
    r"(?P<a>(?:[A-Z][\w.'’]*\s?){1,3}?)\s*(?:-|–|\band\b)\s*(?P<b>(?:[A-Z][\w.'’]*\s?){1,3})"
)


def _paired_country(context: Context, exclude: set[str]) -> str | None:
    """The country the text pairs with the one side already known ('South Korea and
    Germany', 'the Korea-Japan summit', 'China-Pakistan ties'): the other side's."""
    if len(exclude) != 1:
        return None
    found: Counter[str] = Counter()
    for match in _PAIRED.finditer(context.doc.text):
        a, b = country_of_phrase(match["a"].strip()), country_of_phrase(match["b"].strip())
        if a and b and a != b and (a in exclude) != (b in exclude):
            found[b if a in exclude else a] += 1
    return found.most_common(1)[0][0] if found else None
