"""What a person's name looks like: name-able words, pinyin names, normal forms, slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from api.extract.gazetteer import country_of_phrase, fold, is_place_word
from api.extract.titles import HONORIFIC_PREFIXES, RANKS, TITLE_ABBREVIATIONS, TITLE_WORDS
from api.extract.vocabulary import word_set

__all__ = [
    "NAME_PARTICLES",
    "STOP_CAPS",
    "canonical_name",
    "is_nameable",
    "is_pinyin_name",
    "slugify",
]


STOP_CAPS = word_set(
    """
        The A An On In At As By For With From During After Before Earlier Later Meanwhile
        According Both His Her Their Its This That These Those When While Besides Since Visiting
        Also Speaking Writing Noting It They We I Our Separately However Then Today Yesterday
        Last Next Over Under Upon Following Addressing Responding Recalling Welcoming Calling
        Congratulating Describing Saying Asked Dear If Through Amid Despite Including Such Other
        Some Many All Each Every New He She Him Them There Here What Who Whom Which Where Why
        How Mr Mrs Ms Dr Madam Madame Sources Officials Talking Meeting During Ahead Once Two
        Three Prior Friday's Monday's Tuesday's Wednesday's Thursday's Saturday's Sunday's Photo
        Visiting Senior Top Incoming Outgoing Former
        """
)
"""Capitalised words that open sentences and are never part of a name."""

NAME_PARTICLES = frozenset(
    ["bin", "bint", "al", "el", "de", "da", "van", "von", "der", "del", "la", "le", "ibn", "abu"]
)
"""Lower-case words that may sit inside a name ("Mohammed bin Salman")."""

_ORG_WORDS = word_set(
    """
        corridor initiative hall people committee congress bureau council office ministry house
        organisation organization forum party assembly relations commission affairs republic
        kingdom states union nations games summit conference group university agency news times
        post press media twitter facebook whatsapp league movement front bank fund company
        corporation airlines army navy force police court school institute center centre palace
        pavilion headquarters guesthouse compound square road street avenue belt sea ocean river
        mountain province city county district region zone port airport station hotel club day
        island islands strait gulf bay peninsula time
        week year festival expo olympics olympic cup declaration agreement treaty accord plan
        vision strategy program programme project dialogue talks meeting mechanism consulate
        consulate-general embassy mission government cabinet authority service services public
        investigation economic development cooperation strategic partnership community future
        era foundation society association federation secretariat parliament senate reserve
        exchange railway highway dam bridge tunnel tower gate museum stadium garden park valley
        capital sidelines side leadership delegation talk pm ispr spokesman spokesperson xinhua
        reuters exhibition fair show expo week forum games winter summer olympiad commonwealth
        daily shimbun gazette herald tribune chronicle telegraph observer journal
        """
)
_MONTHS_DAYS = word_set(
    """
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
        friday saturday sunday
        """
)
_SURNAMES = word_set(
    """
        wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
        liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai qin
        ding wei xue ye yan lu du dai fu fan fang jia jin kong lei long meng mo ni qian qiu ren
        shao shen shi su tan tao wan wen xiong xing xia yao yin zou cui duan hou lai lei mao
        gong gu hao kang qi shang wan yi yue zhan zhong chu chai bai ba bi bian bo chang che xi
        ge ou mu nie pu rao ruan sha shu si tong xin zhai zhen zhuang zuo jing kou lian lou miao
        mi ning ouyang pang pei qu quan sang shan tu xian xiang zang zha an ao chi cong dou geng
        guan gan hong ji jian ju kuang lan leng ling liao lyu man mei min nian nong qiao qing
        rong ru sheng shou tai teng weng xuan yong you yun zai zhuo zi zong
        """
)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|uai|ang|eng|ing|ong|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|"
    r"ua|uo|ui|ue|ve|er|a|e|i|o|u|v)"
)
_GIVEN = re.compile(rf"^{_SYLLABLE}(?:{_SYLLABLE})?$")
_MUHAMMAD = frozenset(["muhammad", "mohammad", "mohammed", "muhammed", "mohamed"])


@lru_cache(maxsize=8192)
def is_nameable(word: str) -> bool:
    """True when `word` may be part of a person's name (capitalised, not an office,
    place, organisation, month or sentence-opening word)."""
    bare = word[:-2] if word.endswith(("'s", "’s")) else word
    if re.match(r"(?:al|el|ad|as|ash|at|az|an|ar)-[A-Z]", bare):
        return True  # 'al-Sabah'
    if not bare or not bare[0].isupper() or bare in RANKS or bare in STOP_CAPS:
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", bare):  # "J.", "J.P."
        return True
    if bare in TITLE_ABBREVIATIONS or (len(bare) > 1 and bare.replace(".", "").isupper()):
        return False
    folded = fold(bare)
    if folded in TITLE_WORDS or folded in _MONTHS_DAYS or is_place_word(bare):
        return False
    parts = folded.split("-")
    if len(parts) > 1 and all(part in TITLE_WORDS for part in parts):
        return False  # 'Vice-Chairman'; but 'Amir-Abdollahian' is a surname
    for part in parts:
        if (
            part in _ORG_WORDS
            or (len(parts) == 1 and part in TITLE_WORDS)
            or country_of_phrase(part)
        ):
            return False
        if (
            len(part) > 6
            and part[-1] == "s"
            and (part[:-1] in _ORG_WORDS or part[:-1] in TITLE_WORDS)
        ):
            return False
    return country_of_phrase(bare) is None


def is_pinyin_name(tokens: list[str]) -> bool:
    """True for Chinese names in pinyin: a common surname and a one- or two-syllable
    given name ('Wang Yi', 'He Lifeng', 'Li Keqiang')."""
    if len(tokens) != 2:
        return False
    surname, given = fold(tokens[0]), fold(tokens[1])
    return surname in _SURNAMES and bool(_GIVEN.match(given))


def canonical_name(tokens: list[str], country: str | None) -> list[str]:
    """The usual form of a name: honorific prefixes dropped, and in Pakistani names a
    leading Muhammad dropped when at least two names remain."""
    tokens = list(tokens)
    while len(tokens) > 2 and fold(tokens[0]) in HONORIFIC_PREFIXES:
        tokens.pop(0)
    if len(tokens) == 2 and fold(tokens[0]) in HONORIFIC_PREFIXES:
        tokens.pop(0)
    if country == "PK" and len(tokens) > 2 and fold(tokens[0]) in _MUHAMMAD:
        tokens.pop(0)
    return tokens


def slugify(text: str) -> str:
    """'Imran Khan' -> 'imran-khan' (ASCII, lower case, hyphens)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
