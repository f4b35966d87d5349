"""What each count in a sentence counts: the figure kind (launched, intercepted, killed, injured, and the other
casualty kinds) and, for munitions, their category, from the words around it, French and English.

A count's kind is told by the noun right after it ("3 morts", "23 blessés", "29 drones") and the verb of its clause
("neutralisé", "abattus", "launched", "shot down"); a count whose words say nothing of what it counts is left out,
not guessed."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.draft.quantities import Reading, find_quantities
from generator.model import Vague, WeaponCategory

Language = str

KINDS: dict[Language, dict[str, tuple[str, ...]]] = {
    "fr": {
        "killed": ("morts", "mort", "tués", "tuées", "tué", "tuée", "victimes", "décès", "décédés", "ont péri", "ont été tués"),
        "seriously_injured": ("grièvement blessés", "grièvement blessées", "dans un état grave"),
        "injured": ("blessés", "blessées", "blessé", "blessée"),
        "missing": ("disparus", "disparues", "portés disparus"),
        "rescued": ("secourus", "secourues", "sauvés", "sauvées"),
        "evacuated": ("évacués", "évacuées", "évacuation"),
        "intercepted": (
            "neutralisé",
            "neutralisés",
            "neutralisées",
            "abattu",
            "abattus",
            "abattues",
            "intercepté",
            "interceptés",
            "interceptées",
            "détruit",
            "détruits",
            "détruites",
            "repoussé",
            "repoussés",
        ),
        "launched": (
            "lancé",
            "lancés",
            "lancées",
            "tiré",
            "tirés",
            "tirées",
            "a lancé",
            "ont lancé",
            "a tiré",
            "attaqué",
            "a attaqué",
            "largué",
            "largués",
            "larguées",
        ),
    },
    "en": {
        "killed": ("killed", "dead", "deaths", "died", "fatalities", "lost their lives"),
        "seriously_injured": ("seriously injured", "severely injured", "in serious condition", "in critical condition"),
        "injured": ("injured", "wounded", "hurt", "injuries"),
        "missing": ("missing",),
        "rescued": ("rescued", "saved"),
        "evacuated": ("evacuated",),
        "intercepted": ("shot down", "downed", "intercepted", "destroyed", "neutralized", "neutralised", "repelled"),
        "launched": ("launched", "fired", "attacked with", "attacked", "dropped"),
    },
}
"""Words that say what a count counts; for munitions, launched or intercepted."""

CATEGORIES: dict[Language, tuple[tuple[str, WeaponCategory], ...]] = {
    "fr": (
        ("missiles de croisière", WeaponCategory.cruise_missile),
        ("missiles balistiques", WeaponCategory.ballistic_missile),
        ("bombes guidées", WeaponCategory.guided_bomb),
        ("bombes aériennes guidées", WeaponCategory.guided_bomb),
        ("drones", WeaponCategory.drone),
        ("drone", WeaponCategory.drone),
        ("missiles", WeaponCategory.missile),
        ("missile", WeaponCategory.missile),
        ("obus", WeaponCategory.artillery),
        ("roquettes", WeaponCategory.artillery),
        ("projectiles", WeaponCategory.unknown),
        ("engins", WeaponCategory.unknown),
    ),
    "en": (
        ("cruise missiles", WeaponCategory.cruise_missile),
        ("ballistic missiles", WeaponCategory.ballistic_missile),
        ("guided bombs", WeaponCategory.guided_bomb),
        ("guided aerial bombs", WeaponCategory.guided_bomb),
        ("drones", WeaponCategory.drone),
        ("drone", WeaponCategory.drone),
        ("missiles", WeaponCategory.missile),
        ("missile", WeaponCategory.missile),
        ("shells", WeaponCategory.artillery),
        ("rockets", WeaponCategory.artillery),
        ("projectiles", WeaponCategory.unknown),
    ),
}
"""Nouns that name what was launched or intercepted, the most specific first."""

VERBS_BEFORE: dict[Language, dict[str, tuple[str, ...]]] = {
    "fr": {
        "killed": ("tuant", "a tué", "ont tué", "coûté la vie à", "et tué"),
        "injured": ("blessant", "a blessé", "ont blessé", "et blessé"),
    },
    "en": {"killed": ("killing", "killed"), "injured": ("injuring", "wounding", "injured", "wounded")},
}
"""Verbs before a count of people that say what it counts ("tuant trois personnes et en blessant 23 autres")."""

NONE_PHRASES: dict[Language, dict[str, tuple[str, ...]]] = {
    "fr": {
        "sans faire de victimes": ("killed", "injured"),
        "sans faire de victime": ("killed", "injured"),
        "aucune victime": ("killed", "injured"),
        "sans faire de blessés": ("injured",),
        "aucun blessé": ("injured",),
    },
    "en": {
        "no casualties": ("killed", "injured"),
        "without casualties": ("killed", "injured"),
        "no one was killed": ("killed",),
        "no injuries": ("injured",),
        "no one was injured": ("injured",),
    },
}
"""Phrases that say nobody was killed or injured: figures of 0, in the article's words."""

MASSIVE: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"(?<!\w)(?:une )?(?:attaque|frappe|salve) massive (?:de |d')(?P<noun>[\w ]+?)(?=[ ,.;]|$)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:a )?(?:massive|large-scale) (?P<noun>[\w ]+?) attack(?!\w)", re.IGNORECASE),
}
"""An attack said to be massive: many of its munitions launched, the number not given."""

PEOPLE: dict[Language, tuple[str, ...]] = {
    "fr": ("personnes", "personne", "autres", "civils", "habitants", "employés", "enfants"),
    "en": ("people", "person", "others", "civilians", "residents", "workers", "children"),
}
"""Who a count of people counts, right after it ("tuant trois personnes"): part of the figure's wording."""

WINDOW = 6
"""Words after a count within which its noun or kind is looked for."""
REACH = 200
"""Characters either side of a count where what it counts is looked for."""

PARTS: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"(?<!\w)(?:dont|parmi lesquels|parmi lesquelles|parmi eux|parmi elles)(?!\w)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:of which|of them|of those)(?!\w)", re.IGNORECASE),
}
"""Words that make the next count a part of the one before ("40 drones, dont 35 ont été abattus"; "two missiles, one of
which was intercepted"): the count before ends there, the part counts the same munitions."""
OUT_OF: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"\s*(?:des|sur les|sur)\s*$", re.IGNORECASE),
    "en": re.compile(r"\s*(?:of the|out of|of)\s*$", re.IGNORECASE),
}
"""What stands between a part and its whole ("102 des 120 missiles", "40 of the 52 drones"): the first count is the
verb's (destroyed, shot down), the second the munitions launched."""
AND: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"\s*[\w-]+(?:\s+[\w-]+)?\s*(?:,|et)\s*", re.IGNORECASE),
    "en": re.compile(r"\s*[\w-]+(?:\s+[\w-]+)?\s*(?:,|and)\s*", re.IGNORECASE),
}
"""What joins two counts of munitions told by one verb after both ("30 missiles and 29 drones were shot down")."""


@dataclass(frozen=True)
class FoundFigure:
    """A count and what it counts."""

    reading: Reading
    kind: str
    category: WeaponCategory | None
    wording: str
    """The article's words for the figure: the count and what it counts ("29 drones ukrainiens neutralisés")."""
    told_after: bool = False
    """Whether the words after the count told its kind ("29 drones were shot down"), not a verb before it."""


def _first(phrases: tuple[str, ...], text: str) -> re.Match[str] | None:
    matches = [match for phrase in phrases if (match := re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE))]
    return min(matches, key=lambda match: match.start(), default=None)


def find_figures(sentence: str, language: Language) -> list[FoundFigure]:
    """The counts of a sentence whose words say what they count, in order; and what phrases give without a number
    ("sans faire de victimes": 0 killed, 0 injured; "une attaque massive de missiles": many launched)."""
    readings = find_quantities(sentence, language)
    found: list[FoundFigure] = []
    for index, reading in enumerate(readings):
        following = readings[index + 1].start if index + 1 < len(readings) else len(sentence)
        if index + 1 < len(readings) and OUT_OF[language].match(sentence[reading.end : following]):
            whole = _figure(sentence, readings[index + 1], language)  # "102 des 120 missiles": its munitions
            if whole is not None and whole.category is not None:
                kind = _verb_before(sentence[: reading.start], language) or "intercepted"
                found.append(FoundFigure(reading, kind, whole.category, sentence[reading.start : whole.reading.start] + whole.wording))
                continue
        if found and found[-1].reading.end <= reading.start and OUT_OF[language].match(sentence[found[-1].reading.end : reading.start]):
            whole = _figure(sentence, reading, language)
            if whole is not None and whole.category is not None:
                found.append(dataclasses.replace(whole, kind="launched", told_after=True))
                continue
        part = PARTS[language].search(sentence, reading.end, following)  # "40 drones, dont ...": what follows is the part's
        figure = _figure(sentence, reading, language, part.start() if part else following)
        whole = found[-1] if found and found[-1].category is not None and _is_part(sentence, found[-1], reading, language) else None
        if whole is not None and (figure is None or figure.category is None):
            figure = _figure(sentence, reading, language, following, whole.category)
        if figure is not None:
            found.append(figure)
    found = [figure for figure in _shared_verbs(sentence, found, language) if figure.kind]
    found += _phrases(sentence, language, found)
    return sorted(found, key=lambda figure: figure.reading.start)


MUNITIONS = ("launched", "intercepted")


def _is_part(sentence: str, whole: FoundFigure, reading: Reading, language: Language) -> bool:
    """Whether ``reading`` counts a part of ``whole`` ("dont 35", "one of which"): a partitive word between them, or
    right after the reading."""
    between = sentence[whole.reading.end : reading.start]
    after = sentence[reading.end : reading.end + 20]
    return PARTS[language].search(between) is not None or PARTS[language].match(after.lstrip()) is not None


def _shared_verbs(sentence: str, found: list[FoundFigure], language: Language) -> list[FoundFigure]:
    """A count of munitions joined to the next one ("30 missiles and 29 drones were shot down") takes the kind the
    next one's own words tell, when its own words told none (it had it from a verb before it, or had none); a count
    whose kind nothing tells is then left out."""
    shared = list(found)
    for index in range(len(shared) - 2, -1, -1):
        first, second = shared[index], shared[index + 1]
        if first.told_after or not second.told_after or first.kind not in (*MUNITIONS, "") or second.kind not in MUNITIONS:
            continue
        if first.kind != second.kind and AND[language].fullmatch(sentence[first.reading.end : second.reading.start]):
            shared[index] = dataclasses.replace(first, kind=second.kind, told_after=True)
    return shared


def _figure(
    sentence: str, reading: Reading, language: Language, until: int | None = None, of: WeaponCategory | None = None
) -> FoundFigure | None:
    """What ``reading`` counts, from the words after it (up to ``until``: the next count, or a part of this one) and the
    verbs before it; ``of``: the munitions of the count it is a part of, when its own words name none."""
    after = sentence[reading.end : min(reading.end + REACH, until if until is not None else len(sentence))]
    words = list(re.finditer(r"\S+", after))[:WINDOW]
    window = after[: words[-1].end()] if words else ""
    nouns = ((_first((name,), window), category) for name, category in CATEGORIES[language])
    noun = next(((match, category) for match, category in nouns if match is not None and len(window[: match.start()].split()) <= 2), None)
    # Each kind the words tell, by how many words away: after the count, or a verb just before it.
    told: list[tuple[int, str, re.Match[str] | None]] = [
        (len(after[: hit.start()].split()), name, hit) for name, phrases in KINDS[language].items() if (hit := _first(phrases, window))
    ]
    before = re.split(r"[.;:!?]", sentence[max(0, reading.start - REACH) : reading.start])[-1]
    for name, verbs in VERBS_BEFORE[language].items():
        verb = _last(verbs, before)
        if verb is not None and len(before[verb.end() :].split()) <= 2:
            told.append((len(before[verb.end() :].split()) + 1, name, None))
    kind: str | None = None
    match: re.Match[str] | None = None
    if told:
        _, kind, match = min(told, key=lambda item: item[0])
    told_after = match is not None
    category = noun[1] if noun else of
    if category is not None and kind not in MUNITIONS:
        kind, match, told_after = _verb_before(sentence[: reading.start], language), None, False  # "a annoncé avoir neutralisé 29 drones"
    if kind is None and category is not None:
        kind = ""  # munitions no word tells the fate of: the count joined after it may (:func:`_shared_verbs`)
    if kind is None or (category is None and kind in MUNITIONS):
        return None  # nothing says what it counts, or munitions of no kind named: left out, not guessed
    people = re.match(rf"\s+(?:{'|'.join(PEOPLE[language])})(?!\w)", after, re.IGNORECASE) if match is None and noun is None else None
    ends = [found.end() for found in (match, noun[0] if noun else None, people) if found is not None]
    return FoundFigure(reading, kind, category, sentence[reading.start : reading.end + max(ends, default=0)], told_after)


def _phrases(sentence: str, language: Language, numbers: list[FoundFigure]) -> list[FoundFigure]:
    found = []
    taken = [(figure.reading.start, figure.reading.end) for figure in numbers]
    for phrase, kinds in NONE_PHRASES[language].items():
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", sentence, re.IGNORECASE):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                taken.append((match.start(), match.end()))
                reading = Reading(0, match.group(), match.start(), match.end())
                found += [FoundFigure(reading, kind, None, match.group()) for kind in kinds]
    for match in MASSIVE[language].finditer(sentence):
        category = next((category for name, category in CATEGORIES[language] if match["noun"].lower().startswith(name)), None)
        if category is not None:
            reading = Reading(Vague.many, match.group(), match.start(), match.end(), "a massive attack: many launched, how many not said")
            found.append(FoundFigure(reading, "launched", category, match.group()))
    return found


def _verb_before(before: str, language: Language) -> str | None:
    """The munitions verb of the clause before a count ("a annoncé avoir neutralisé 29 drones")."""
    clause = re.split(r"[.;:!?]", before)[-1]
    hits = [(match.start(), kind) for kind in ("launched", "intercepted") if (match := _last(KINDS[language][kind], clause))]
    return max(hits)[1] if hits else None


def _last(phrases: tuple[str, ...], text: str) -> re.Match[str] | None:
    matches = [match for phrase in phrases for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]
    return max(matches, key=lambda match: match.start(), default=None)
