"""Figures as an article words them: numerals and number words to whole numbers, ranges as ranges, vague words kept
vague (``plusieurs blessés`` is ``several``, never a number), in French and English.

Number words go through text2num (Allo-Media's ``text_to_num``: maintained, with the number grammars of both
languages, "vingt-trois", "deux cent trente", "twenty-three", "one hundred twelve"); what is ours is finding where a
figure's words start and end in a sentence, the qualifiers around them ("au moins", "at least": kept, and marked for a
look) and the vague words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from generator.model import Vague

Language = str
"""``fr`` or ``en``."""

VAGUE_WORDS: dict[Language, dict[str, Vague]] = {
    "fr": {
        "plusieurs": Vague.several,
        "quelques": Vague.some,
        "certains": Vague.some,
        "certaines": Vague.some,
        "de nombreux": Vague.many,
        "de nombreuses": Vague.many,
        "nombreux": Vague.many,
        "nombreuses": Vague.many,
        "des dizaines de": Vague.dozens,
        "des dizaines": Vague.dozens,
        "plusieurs dizaines de": Vague.dozens,
        "aucun": Vague.none,
        "aucune": Vague.none,
        "tous les": Vague.all,
        "toutes les": Vague.all,
        "un nombre indéterminé de": Vague.unknown,
        "un nombre inconnu de": Vague.unknown,
    },
    "en": {
        "several": Vague.several,
        "a few": Vague.some,
        "a number of": Vague.some,
        "some": Vague.some,
        "many": Vague.many,
        "numerous": Vague.many,
        "scores of": Vague.many,
        "dozens of": Vague.dozens,
        "dozens": Vague.dozens,
        "no": Vague.none,
        "none of the": Vague.none,
        "all": Vague.all,
        "all of the": Vague.all,
        "an unknown number of": Vague.unknown,
        "an unspecified number of": Vague.unknown,
    },
}
"""Words that give a count without a number, by language, each the schema's vague value."""

QUALIFIERS: dict[Language, tuple[str, ...]] = {
    "fr": ("au moins", "au minimum", "plus de", "près de", "environ", "quelque", "jusqu'à"),
    "en": ("at least", "more than", "over", "nearly", "almost", "about", "around", "some", "up to"),
}
"""Words before a number that make it something other than an exact count: the number is kept as written, its
wording says so, and the figure is marked for a look."""

AGES: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"\s*ans\b", re.IGNORECASE),
    "en": re.compile(r"\s*-?\s*years?\b(?:-old| old)?", re.IGNORECASE),
}
"""Words after a number that make it an age ("un homme de 64 ans", "a 64-year-old man"), not a count."""

ONE: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"(?!x)x"),  # French "un", "une" are read as numbers already (and marked)
    "en": re.compile(
        r"(?<!\w)(?P<article>an?) (?:[\w-]+ ){0,2}?(?:man|woman|child|boy|girl|civilian|resident|person|teenager|pensioner|driver)"
        r"(?!\w)|(?<=\w )(?:and|with) (?P<munition>an?) (?:[\w-]+ ){0,2}?(?:missile|drone|rocket|bomb)(?!\w)",
        re.IGNORECASE,
    ),
}
"""One person, or one munition listed with others or launched ("attacked with 33 drones and a Kh-59 guided missile"), with
an article for a number ("killing a 64-year-old man"): a count of one, marked; it counts only where words say what
happened to it ("debris from a downed drone" is not a count)."""

ROUND_COUNTS: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(
        r"(?<!\w)(?:une? )(?:petite |bonne )?(?P<noun>dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine"
        r"|soixantaine|centaine|millier)(?: d'| d’| de)?(?!\w)",
        re.IGNORECASE,
    ),
    "en": re.compile(r"(?<!\w)(?:about |around |roughly |nearly |some )?a (?P<noun>dozen|score)(?! of them)(?!\w)", re.IGNORECASE),
}
"""Round counts worded as a collective noun ("une dizaine de blessés", "a dozen drones"): about that many, which the
article does not give as a number; kept vague (``some``), the wording saying how many, marked for a look."""

RANGE_WORDS: dict[Language, tuple[tuple[str, str], ...]] = {
    "fr": (("entre", "et"), ("de", "à"), ("", "à"), ("", "ou")),
    "en": (("between", "and"), ("from", "to"), ("", "to"), ("", "or")),
}
"""How a range is worded: ``entre 10 et 15``, ``10 à 15``, ``between 10 and 15``, ``10 to 15``; ``10-15`` too."""

ARTICLES: dict[Language, frozenset[str]] = {"fr": frozenset({"un", "une"}), "en": frozenset({"a", "an", "one"})}
"""Words that are "one" or only an article: a figure read from them is marked for a look unless the drafter knows
the noun is counted ("un mort", "one person was killed")."""

_WORD = re.compile(
    r"(?<![^\W\d_])(?i:qu|[cdjlmnst])['’](?=[^\W\d_])|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+",
    re.UNICODE,
)
"""A word (hyphenated compounds as one: ``vingt-trois``; a French elision apart: ``qu'un`` is ``qu'`` and ``un``) or a
numeral, its thousands grouped by spaces (``1 200``) or, in English, commas (``1,200``)."""

MAX_NUMBER_WORDS = 8
MAX_DIGITS = 12
"""The longest numeral read as a count (a longer one is a phone number, an id: not a figure)."""
REACH = 80
"""Characters before a number where its qualifier or range opening is looked for."""
"""The longest run of words read as one number ("deux cent quatre-vingt-dix-sept mille trois cent vingt")."""


@dataclass(frozen=True)
class Reading:
    """A count found in a sentence: its value in the schema's terms, the article's words for it and where they are."""

    value: int | tuple[int, int] | Vague
    """A whole number, a range (low, high) or a vague word."""
    wording: str
    start: int
    end: int
    check: str | None = None
    """Why an editor should look (a qualifier, an article read as one), or None."""

    def as_schema(self) -> int | dict[str, int] | str:
        """The value as a content file writes it: ``12``, ``{min: 10, max: 15}`` or ``several``."""
        if isinstance(self.value, tuple):
            return {"min": self.value[0], "max": self.value[1]}
        return self.value.value if isinstance(self.value, Vague) else self.value


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(match.group(), match.start(), match.end()) for match in _WORD.finditer(sentence)]


def number_of(words: str, language: Language) -> int | None:
    """The whole number these words or this numeral say (``vingt-trois``, ``1 200``, ``twenty three``), or None."""
    compact = re.sub(r"[\u00a0\u202f ]" if language != "en" else r"[,\u00a0\u202f ]", "", words)
    if compact.isascii() and compact.isdigit():
        return int(compact) if len(compact) <= MAX_DIGITS else None
    if not words or any(character.isdigit() for character in words):
        return None
    try:
        found = text2num(words.lower().replace("’", "'"), language)
    except ValueError:
        return None
    return found if isinstance(found, int) and found >= 0 else None


def _number_at(tokens: list[_Token], index: int, language: Language) -> tuple[int, int] | None:
    """The longest number starting at ``tokens[index]``: (value, index after it)."""
    for length in range(min(MAX_NUMBER_WORDS, len(tokens) - index), 0, -1):
        run = tokens[index : index + length]
        if length > 1 and any(run[i].text[:1].isdigit() for i in range(length)):
            continue  # a numeral is a number by itself
        value = number_of(" ".join(token.text for token in run), language)
        if value is not None:
            return value, index + length
    return None


def _phrase_before(sentence: str, start: int, phrases: tuple[str, ...] | list[str]) -> str | None:
    """The phrase among ``phrases`` that ends right before ``start`` (whole words, any case)."""
    before = sentence[max(0, start - REACH) : start].rstrip().lower()
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase and before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return phrase
    return None


def find_quantities(sentence: str, language: Language) -> list[Reading]:
    """Every count in a sentence, in order of where it stands: numbers (with their qualifier, or as a range) and
    vague words where no number is."""
    tokens = _tokens(sentence)
    found: list[Reading] = []
    index = 0
    while index < len(tokens):
        number = _number_at(tokens, index, language)
        if number is None:
            index += 1
            continue
        value, after = number
        start, end = tokens[index].start, tokens[after - 1].end
        ranged = _range_from(sentence, tokens, index, after, value, language)
        if ranged is None:
            found.append(_single(sentence, tokens[index], start, end, value, language))
        else:
            found.append(ranged[0])
            after = ranged[1]
        index = after
    rounded = [
        Reading(Vague.some, match.group().strip(), match.start(), match.end(), f"'{match.group().strip()}': about so many, kept vague")
        for match in ROUND_COUNTS[language].finditer(sentence)
    ]
    found = [number for number in found if not any(r.start <= number.start and number.end <= r.end for r in rounded)] + rounded
    found = [number for number in found if not AGES[language].match(sentence, number.end) and not _in_a_name(sentence, number)]
    for match in ONE[language].finditer(sentence):
        article = "article" if match["article"] else "munition"
        if not any(number.start < match.end() and match.start(article) < number.end for number in found):
            found.append(Reading(1, match[article], match.start(article), match.end(article), f"'{match.group()}' read as one"))
    return sorted(found + _vague_readings(sentence, language, found), key=lambda reading: reading.start)


def _in_a_name(sentence: str, reading: Reading) -> bool:
    """Whether a numeral is part of a name ("Kh-59", "S-300", "Shahed-136", "Tu-22M3"): glued to a word before it by a
    hyphen, or to letters after it."""
    glued_before = reading.start >= 2 and sentence[reading.start - 1] in "-‑" and sentence[reading.start - 2].isalpha()
    glued_after = reading.end < len(sentence) and sentence[reading.end].isalpha()
    return glued_before or glued_after


def _single(sentence: str, first: _Token, start: int, end: int, value: int, language: Language) -> Reading:
    qualifier = _phrase_before(sentence, start, QUALIFIERS[language])
    if qualifier is not None:
        begin = sentence.lower().rindex(qualifier, max(0, start - REACH), start)
        return Reading(value, sentence[begin:end], begin, end, f"'{qualifier}': the number is not an exact count")
    if first.text.lower() in ARTICLES[language] and end == first.end:
        return Reading(value, sentence[start:end], start, end, f"'{first.text}' read as one: an article, or a count?")
    return Reading(value, sentence[start:end], start, end)


def _range_from(sentence: str, tokens: list[_Token], index: int, after: int, low: int, language: Language) -> tuple[Reading, int] | None:
    """``low`` followed by a range's second number: the range, and the index after it."""
    if after < len(tokens) and sentence[tokens[after - 1].end : tokens[after].start].strip() in ("-", "–"):
        second = _number_at(tokens, after, language)
        if second is not None and second[0] > low:
            return _range(sentence, tokens, tokens[index].start, second[1], low, second[0]), second[1]
    if after >= len(tokens):
        return None
    joiner = tokens[after].text.lower()
    for opening, middle in RANGE_WORDS[language]:
        if joiner != middle:
            continue
        second = _number_at(tokens, after + 1, language)
        if second is None or second[0] <= low:
            continue
        start = tokens[index].start
        if opening:
            if _phrase_before(sentence, start, (opening,)) is None:
                continue
            start = sentence.lower().rindex(opening, max(0, start - REACH), start)
        return _range(sentence, tokens, start, second[1], low, second[0]), second[1]
    return None


def _range(sentence: str, tokens: list[_Token], start: int, after: int, low: int, high: int) -> Reading:
    end = tokens[after - 1].end
    return Reading((low, high), sentence[start:end], start, end)


def _vague_readings(sentence: str, language: Language, numbers: list[Reading]) -> list[Reading]:
    """Vague words outside the numbers' words: each once, the longest phrase where several overlap."""
    lowered = sentence.lower()
    taken = [(reading.start, reading.end) for reading in numbers]
    found = []
    for phrase, vague in sorted(VAGUE_WORDS[language].items(), key=lambda item: len(item[0]), reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            span = (match.start(), match.end())
            if any(start < span[1] and span[0] < end for start, end in taken):
                continue
            taken.append(span)
            found.append(Reading(vague, sentence[span[0] : span[1]], span[0], span[1]))
    return sorted(found, key=lambda reading: reading.start)
