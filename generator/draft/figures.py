"""What each count in a sentence counts: the figure kind (launched, intercepted, killed, injured, and the other
casualty kinds) and, for munitions, their category, from the words around it, French and English.

A count's kind is told by the noun right after it ("3 morts", "23 blessés", "29 drones") and the verb of its clause
("neutralisé", "abattus", "launched", "shot down"); a count whose words say nothing of what it counts is left out,
not guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.draft.quantities import Reading, find_quantities
from generator.model import WeaponCategory

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
        "launched": ("lancé", "lancés", "lancées", "tiré", "tirés", "tirées", "a lancé", "ont lancé", "a tiré"),
    },
    "en": {
        "killed": ("killed", "dead", "deaths", "died", "fatalities", "lost their lives"),
        "seriously_injured": ("seriously injured", "severely injured", "in serious condition", "in critical condition"),
        "injured": ("injured", "wounded", "hurt", "injuries"),
        "missing": ("missing",),
        "rescued": ("rescued", "saved"),
        "evacuated": ("evacuated",),
        "intercepted": ("shot down", "downed", "intercepted", "destroyed", "neutralized", "neutralised", "repelled"),
        "launched": ("launched", "fired", "attacked with"),
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
    ),
}
"""Nouns that name what was launched or intercepted, the most specific first."""

WINDOW = 6
"""Words after a count within which its noun or kind is looked for."""


@dataclass(frozen=True)
class FoundFigure:
    """A count and what it counts."""

    reading: Reading
    kind: str
    category: WeaponCategory | None
    wording: str
    """The article's words for the figure: the count and what it counts ("29 drones ukrainiens neutralisés")."""


def _first(phrases: tuple[str, ...], text: str) -> re.Match[str] | None:
    matches = [match for phrase in phrases if (match := re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE))]
    return min(matches, key=lambda match: match.start(), default=None)


def find_figures(sentence: str, language: Language) -> list[FoundFigure]:
    """The counts of a sentence whose words say what they count, in order."""
    found = []
    for reading in find_quantities(sentence, language):
        after = sentence[reading.end :]
        words = list(re.finditer(r"\S+", after))[:WINDOW]
        window = after[: words[-1].end()] if words else ""
        nouns = ((_first((name,), window), category) for name, category in CATEGORIES[language])
        noun = next(((match, category) for match, category in nouns if match is not None and match.start() <= 2), None)
        kinds = sorted((match.start(), kind, match) for kind, phrases in KINDS[language].items() if (match := _first(phrases, window)))
        kind, told = (kinds[0][1], kinds[0][2]) if kinds else (None, None)
        if noun is not None and kind not in ("launched", "intercepted"):
            kind, told = _verb_before(sentence[: reading.start], language), None  # "a annoncé avoir neutralisé 29 drones"
        if kind is None or (noun is None and kind in ("launched", "intercepted")):
            continue  # nothing says what it counts, or munitions of no kind named: left out, not guessed
        ends = [match.end() for match in (told, noun[0] if noun else None) if match is not None]
        wording = sentence[reading.start : reading.end + max(ends, default=0)]
        found.append(FoundFigure(reading, kind, noun[1] if noun else None, wording))
    return found


def _verb_before(before: str, language: Language) -> str | None:
    """The munitions verb of the clause before a count ("a annoncé avoir neutralisé 29 drones")."""
    clause = re.split(r"[.;:!?]", before)[-1]
    hits = [(match.start(), kind) for kind in ("launched", "intercepted") if (match := _last(KINDS[language][kind], clause))]
    return max(hits)[1] if hits else None


def _last(phrases: tuple[str, ...], text: str) -> re.Match[str] | None:
    matches = [match for phrase in phrases for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)]
    return max(matches, key=lambda match: match.start(), default=None)
