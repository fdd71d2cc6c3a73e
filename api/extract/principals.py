"""Who met whom in a trigger's sentence: the subject before the trigger and the object
after it, a pronoun or "the two leaders" resolved to people named earlier, and one pair
for each person a subject met in turn."""

from __future__ import annotations

import re

from api.extract.context import Context, Ref
from api.extract.kinds import Trigger
from api.extract.people import Person
from api.extract.quoted import quoted_speaker
from api.extract.text import Sentence
from api.extract.titles import has_title_head

__all__ = ["find_principals", "named_in", "pair_discussed"]

_JOIN = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*)?(?:,|and|,\s*and)"
    r"(?:\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},)?"  # ', and Mozambique, Y'"
    r"(?:\s+(?:his|her|their)\s+(?:[A-Z][\w.]*\s+){0,2}counterparts?,?)?\s*$"
)
_APPOSED_AND = re.compile(r"^,\s*(?P<office>[^,;.]{3,140}),\s*and\s+$")
"""The gap 'A, <office>, and B': the office of the first of two people listed."""
_SHORT_GAP = re.compile(r"^(?:[^.;:]|(?<=\b[A-Z])\.){0,60}$")
"""A gap without a sentence break; the dots of 'U.S.' or 'U.K.' are no break."""
_TITLE_GAP = re.compile(
    r"^\s*(?:with|to)?\s*(?:(?:[A-Z][\w'’/-]*+|of|the|and|for|to|on|H\.E\.|[A-Z][a-z]{0,2}\.)"
    r"[\s,]++)*+$"
)
"""A long gap before the object that is only its office ('with Member of the Political
Bureau ... and Foreign Minister of China, H.E.')."""
_INSERTION = re.compile(
    r",\s*(?:in|at|on|during|earlier|later|today|here|there|yesterday|warmly|separately)\b"
    r"[^,;.]{0,50},\s*"
)
"""A place or time set off by commas between a verb and its object ('received, in his
office, ...')."""
_ACCOMPANIED = re.compile(r",\s*(?:accompanied|flanked|joined)\s+by\b[^,;]*(?:,|$)")
"""'King Abdullah, accompanied by the Crown Prince, met ...': the companion is no subject."""
_SPEECH_VERBS = "told|said|says|added|noted|stated|reported|tweeted|expressed|stressed|recalled"
"""Verbs that make the person before them the source of what follows."""
_SPEAKER = re.compile(rf"\s*(?:{_SPEECH_VERBS})\b")
"""After a name: the person is the source of the report ('..., a spokesman X told reporters')."""
_REPORTED = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|told\s+\w+|pointed\s+out|underlined|emphasi[sz]ed|recalling|noting)"
    r"\s+that\b"
)
"""Reported speech: what follows 'X said that' is told by X, who need not have been there."""
_PRONOUN = re.compile(
    r"(?:\b|(?<=[\"“]))(?P<p>[Hh]e|[Ss]he|I)\s+(?:(?:also|later|then|separately|subsequently|earlier|first|"
    r"had|has)\s+){0,2}$"
)
"""A pronoun right before a trigger ('On Saturday, he held talks with ...')."""
_OPENING = re.compile(
    r"\W*(?:[A-Z]\w*\s+)??(?i:before|after|prior\s+to|following|upon)\s+(?:(?i:his|her|their)\s+)?"
)
"""A trigger opening the sentence in a clause of time ('Before meeting the prime minister,')."""
_PAIR_WORDS = (
    r"(?P<pair>(?i:both(?:\s+the)?|the\s+two)\s+(?:leaders|sides|ministers|presidents|"
    r"prime\s+ministers|premiers|foreign\s+ministers|counterparts|heads\s+of\s+(?:state|government)|"
    r"top\s+diplomats)|(?i:the\s+leaders\s+of\s+the\s+two\s+countries))"
)
_PAIR = re.compile(
    r"\b" + _PAIR_WORDS + r"\s+(?:(?:also|later|then|first|last|previously|had|have)\s+){0,2}$"
)
_LEAD_PRONOUN = re.compile(
    r"[\"“]?(?P<p>He|She)\b(?=,|\s+(?:also\s+)?(?:later|then|had|has|held)\b)"
)
"""A sentence opened by 'He,' or 'She' whose subject no name in the sentence gives."""
_WITH = re.compile(r"\bwith\s+(?:his|her|their|the)?\s*(?:[\w-]+\s+){0,3}$")
"""The 'with' that introduces the other party right before a name."""
_THEY = re.compile(r"[\"“]?(?P<pair>They)\s+(?:(?:also|later|then|first)\s+){0,2}")
"""'They talked for 50 minutes on Friday': a sentence opened by the pair just named."""
_THEIR = re.compile(r"\b(?i:their)\s+$")
"""'Their last conversation was on ...': the pair the story is about."""
_PAIR_OPENING = re.compile(r"\W*" + _PAIR_WORDS + r"\s+(?:(?:also|later|then|first)\s+){0,2}\w+")
"""'The two leaders then headed to the porch for a bilateral meeting': the pair opens the
sentence whose noun reports the meeting."""
"""'Both the leaders met ...': the pair named just before."""
_RELATIVE = re.compile(r",\s+(?:who|which)\s+[^;]*,\s*$")
"""'X, who is accompanying Y on his visit, held talks with Z': X is the subject."""
_OWNER = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,3}")
"""'PM Modi's first bilateral meeting ... was with X': the owner of the meeting met X."""
_LINK = re.compile(r"\b(?:and|where|when|after which|during which)\s+$")
"""Words after which a pronoun starts a new clause about the same person."""
_TOGETHER = re.compile(r"\b(?:trilateral|jointly|together|joint)\b", re.I)
"""A meeting of three or more: 'met X and Y' is then one meeting, not one each."""
_NOUN_LABELS = frozenset({"noun_event", "noun_with", "held", "met", "spoke_pair", "during_call"})


def _group_before(refs: list[Ref], cut: int, text: str) -> list[Ref]:
    before = [r for r in refs if r.end <= cut]
    if not before:
        return []
    group = [before[-1]]
    for ref in reversed(before[:-1]):
        gap = text[ref.end : group[0].start]
        office = _APPOSED_AND.match(gap)
        if office and has_title_head(office["office"].split()):
            group.insert(0, ref)  # 'A, Director of ..., and B held ...': A's office between
            continue
        if not _JOIN.match(gap) or (len(group) == 1 and "and" not in gap.split()):
            break  # 'A, B met C' is no list: A belongs to the clause before the comma
        group.insert(0, ref)
    return group


def _group_after(refs: list[Ref], cut: int, text: str, limit: int) -> list[Ref]:
    after = [r for r in refs if r.start >= cut]
    gap = text[cut : after[0].start] if after else ""
    inserted = _INSERTION.match(gap)
    if inserted:  # 'received, in his office, X': the inserted place is no part of the gap
        gap = gap[inserted.end() :]
    if not after or not (
        (len(gap) <= limit and _SHORT_GAP.match(gap)) or (len(gap) <= 200 and _TITLE_GAP.match(gap))
    ):
        return []
    group = [after[0]]
    for ref in after[1:]:
        if not _JOIN.match(text[group[-1].end : ref.start]) or _SPEAKER.match(text, ref.end):
            break
        group.append(ref)
    return group


def find_principals(context: Context, sentence: Sentence, trigger: Trigger) -> list[list[Ref]]:
    """The principals of the meetings a trigger reports: usually one pair; one pair per
    person met when one subject met several people in turn."""
    text = context.doc.text
    refs = [
        r
        for r in context.refs.get(sentence.index, [])
        if not r.excluded or _OWNER.fullmatch(text, r.end, trigger.start)
    ]
    refs = [  # '"Met FM X': a mention that took in the trigger starts after it
        Ref(trigger.end, r.end, r.person, r.name_span, r.excluded)
        if r.start < trigger.end <= r.name_span[0]
        else r
        for r in refs
    ]
    refs = [r for r in refs if not (r.start < trigger.end and trigger.start < r.end)]
    for aside in _ACCOMPANIED.finditer(text, sentence.start, trigger.start):
        refs = [r for r in refs if not aside.start() <= r.start < aside.end()]
    visitor = _visitor_clause(context, sentence, trigger, refs)
    if visitor is not None:
        return [visitor]
    limit = 90 if trigger.label in _NOUN_LABELS else 45
    pronoun = _PRONOUN.search(text, sentence.start, trigger.start)
    if pronoun:
        lead = text[sentence.start : pronoun.start()].lstrip(" \"“'‘")
        if lead.strip() and not lead.rstrip().endswith((",", ";")) and not _LINK.search(lead):
            pronoun = None
    opener = _LEAD_PRONOUN.match(text, sentence.start, trigger.start)
    if pronoun is None and opener and not any(r.start < trigger.start for r in refs):
        pronoun = opener  # 'He, while in London, ... held separate meetings with A and B'
    relative = _RELATIVE.search(text, sentence.start, trigger.start)
    speech = [m.end() for m in _REPORTED.finditer(text, sentence.start, trigger.start)]
    if speech:  # 'Wang said that A and B had met': the speaker is no party to it
        refs = [r for r in refs if r.start >= speech[-1] or r.start >= trigger.end]
    subject = _group_before(refs, relative.start() if relative else trigger.start, text)
    opening = _OPENING.match(text, sentence.start, trigger.start)
    comma = text.find(",", trigger.end, sentence.end)
    if opening and opening.end() == trigger.start and comma > 0:
        # 'After meeting X, A held talks with Y': X met A, the subject after the comma
        objects = [r for r in refs if trigger.end <= r.start < comma][:1]
        main = [r for r in refs if r.start > comma][:1]
        return [objects + main] if objects and main else [[]]
    if pronoun:
        antecedent = _antecedent(context, sentence)
        span = (pronoun.start("p"), pronoun.end("p"))
        subject = [Ref(*span, antecedent, span, False)] if antecedent else []
    if not subject and trigger.label == "quoted_met":  # '"Met FM X ...," he tweeted'
        speaker = quoted_speaker(context, sentence, trigger.start)
        subject = [speaker] if speaker is not None else []
    pair = _PAIR.search(text, sentence.start, trigger.start) if not subject else None
    if pair is None and not subject:
        they = _THEY.match(text, sentence.start, trigger.start)
        pair = they if they is not None and they.end() == trigger.start else None
    if pair is None and not subject and trigger.label in _NOUN_LABELS:
        pair = _PAIR_OPENING.match(text, sentence.start, trigger.start)
    if pair is None and not subject and trigger.label == "earlier_noun":
        pair = _THEIR.search(text, sentence.start, trigger.start)
        if pair is not None:
            span = pair.span()
            people = _pair_before(context, sentence)
            return [[Ref(*span, person, span, False) for person in people]]
    if pair:
        span = (pair.start("pair"), pair.end("pair"))
        subject = [Ref(*span, person, span, False) for person in _pair_before(context, sentence)]
    obj = _group_after(refs, trigger.end, text, limit)
    if trigger.needs_object and not obj:
        return [[]]
    if trigger.label == "during_call" and not obj and len(subject) == 1:
        # 'A discussed ... with B during a video conference': A and the one he spoke with
        partner = _WITH.search(text, sentence.start, subject[0].start)
        first = [r for r in refs if r.end <= (partner.start() if partner else -1)][:1]
        if partner and first and first[0].person is not subject[0].person:
            return [[first[0], subject[0]]]
    chosen = subject + obj
    if len({id(r.person) for r in chosen}) < 2 and trigger.label in _NOUN_LABELS:
        chosen = [r for r in refs if r.start >= trigger.end][:2] if not subject else chosen
    unique = _unique(chosen)
    if len(unique) == 1 and not subject and trigger.label in _NOUN_LABELS and len(refs) == 1:
        # 'Another bilateral meeting took place with X': the story's subject met X
        antecedent = _antecedent(context, sentence)
        if antecedent is not None and antecedent is not unique[0].person:
            span = (trigger.start, trigger.end)
            unique = [Ref(*span, antecedent, span, False), unique[0]]
    objects = [r for r in _unique(obj) if all(r.person is not s.person for s in subject)]
    if len(subject) == 1 and len(objects) >= 2 and not _TOGETHER.search(sentence.text):
        return [[subject[0], other] for other in objects]  # 'met X and Y': one meeting each
    return [unique]


_WHO_BEFORE = re.compile(r",?\s+who\s+(?:had\s+|has\s+)?$")
_HIM_AFTER = re.compile(r"\s+(?:him|her)\b")
_OPENING_PRONOUN = re.compile(r"[\"“]?(?:He|She)\b")


def _visitor_clause(
    context: Context, sentence: Sentence, trigger: Trigger, refs: list[Ref]
) -> list[Ref] | None:
    """'He was talking to Ambassador X, who called on him': X and the one the sentence is
    about, the person named first or the one 'he' stands for."""
    text = context.doc.text
    who = _WHO_BEFORE.search(text, sentence.start, trigger.start)
    if who is None or not _HIM_AFTER.match(text, trigger.end):
        return None
    before = [r for r in refs if r.end <= who.start()]
    if not before:
        return None
    visitor = before[-1]
    host = next((r for r in before if r.person is not visitor.person), None)
    if host is None and _OPENING_PRONOUN.match(text, sentence.start):
        antecedent = _antecedent(context, sentence)
        if antecedent is not None and antecedent is not visitor.person:
            span = (sentence.start, sentence.start + 2)
            host = Ref(*span, antecedent, span, False)
    return [visitor, host] if host is not None else None


def _unique(refs: list[Ref]) -> list[Ref]:
    unique: list[Ref] = []
    for ref in refs:
        if all(ref.person is not u.person for u in unique):
            unique.append(ref)
    return unique


def named_in(context: Context, sentence: Sentence, refs: list[Ref]) -> list[Sentence]:
    """For principals meant by 'the two leaders': the earlier sentences naming them both,
    nearest first (the nearest three, then the story's opening ones)."""
    if len(refs) < 2 or refs[0].start != refs[1].start:
        return []
    wanted = {id(r.person) for r in refs}
    found = []
    for index in range(sentence.index - 1, max(-1, sentence.index - 12), -1):
        named = {id(r.person) for r in context.refs.get(index, [])}
        if wanted <= named:
            found.append(context.doc.sentences[index])
    return found


def _pair_before(context: Context, sentence: Sentence) -> list[Person]:
    """Whom 'the two leaders' means: the first two people of different countries named in
    the nearest earlier body sentences of the same or the previous paragraph."""
    for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        earlier = context.doc.sentences[index]
        if earlier.headline or earlier.paragraph < sentence.paragraph - 1:
            break
        people: list[Person] = []
        told = [m.end() for m in _REPORTED.finditer(earlier.text)]
        for ref in context.refs.get(index, []):
            if told and ref.start >= earlier.start + told[0]:
                break  # 'Wang said that Xi and Obama ...': no party to the talks reported
            if not ref.excluded and all(ref.person.country != p.country for p in people):
                people.append(ref.person)
        if len(people) >= 2:
            return people[:2]
    return _lead_pair(context, sentence)


def _lead_pair(context: Context, sentence: Sentence) -> list[Person]:
    """The two people of different countries the story opened with, when no sentence
    near 'the two leaders' names a pair."""
    item = context.item_start(sentence.start)
    people: list[Person] = []
    body = [
        s for s in context.doc.sentences[: sentence.index] if not s.headline and s.start >= item
    ][:4]
    for earlier in body:
        for ref in context.refs.get(earlier.index, []):
            if (
                not ref.excluded
                and ref.person.country
                and all(ref.person.country != p.country for p in people)
            ):
                people.append(ref.person)
    return people[:2] if len(people) >= 2 else []


def _antecedent(context: Context, sentence: Sentence) -> Person | None:
    """Whom a sentence-initial 'he' or 'she' most likely means: the first person named in
    the nearest earlier body sentence of the same or the previous paragraph."""
    for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
        earlier = context.doc.sentences[index]
        if earlier.headline or earlier.paragraph < sentence.paragraph - 1:
            break
        refs = [r for r in context.refs.get(index, []) if not r.excluded]
        if refs:
            return refs[0].person
    return None


_AND = re.compile(r"\s+(?:and|also\s+and)\s+")


def pair_discussed(context: Context, trigger: Trigger, refs: list[Ref]) -> bool:
    """'Speaker A and B discussed ties': a meeting only when the two are the compound
    subject of 'discussed' ('A discussed ties with B' reports what was said at one)."""
    if not context.doc.text.startswith(("discussed", "reviewed"), trigger.start):
        return True
    if len(refs) != 2 or refs[1].end > trigger.start:
        return False
    gap = context.doc.text[refs[0].end : refs[1].start]
    tail = context.doc.text[refs[1].end : trigger.start]
    return _AND.fullmatch(gap) is not None and tail.strip(" ,") == ""
