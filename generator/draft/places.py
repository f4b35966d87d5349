"""Places an article names, found through the gazetteer: "à Temriouk", "dans la région de Krasnodar", "la ville de
Kharkiv", "le quartier de Novobavarsky", "in Kharkiv Oblast", "over Kyiv"; and where weapons were launched from
("tirés depuis la région russe de Belgorod", "launched from Kursk Oblast").

A name is looked up only after words that introduce a place, so that "Moscou accuse" (a party) is not a strike's
place; the gazetteer (:mod:`generator.gazetteer`) tells the settlement, raion or region it is, and its country."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.draft.entities import Entity
from generator.gazetteer.store import Entry, Gazetteer, Level

Language = str

_NAME = r"(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]{0,40}(?: (?:sur-|na-)?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]{0,40}){0,2})"
"""A place name: up to three capitalised words (``Novorossiïsk``, ``Kryvyi Rih``, ``Rostov-sur-le-Don``)."""

SETTLED = (Level.settlement, Level.region)
"""A settlement, else a region (Kyiv, a city that is a region)."""

CUES: dict[Language, tuple[tuple[str, str, tuple[Level, ...], str], ...]] = {
    "fr": (
        (r"(?:région|oblast|kraï|krai|république|province)(?: \w+)? (?:de |d'|d’|du )", "", (Level.region,), "region"),
        (r"(?:quartier|district) (?:de |d'|d’|du )", "", (), "neighbourhood"),
        (r"(?:ville|localité|village|commune|port) (?:de |d'|d’)", "", SETTLED, "settlement"),
        (r"(?:à|a|sur|près de|vers|au-dessus de|autour de|contre) ", "", SETTLED, "settlement"),
        (
            r"(?:frappé|frappée|visé|visée|ciblé|ciblée|bombardé|bombardée|pilonné|pilonnée|attaqué|attaquée) ",
            "",
            SETTLED,
            "settlement",
        ),
        (r"(?:en|dans l'|dans l’) ", "", (Level.region,), "region"),
    ),
    "en": (
        ("", r" (?:oblast|krai|region|republic)", (Level.region,), "region"),
        (r"(?:the )?(?:region|oblast) of ", "", (Level.region,), "region"),
        (r"(?:the )?(?:district|neighbourhood|neighborhood) of ", "", (), "neighbourhood"),
        ("", r" (?:district|neighbourhood|neighborhood)", (), "neighbourhood"),
        (r"(?:the )?(?:city|town|village|port) of ", "", SETTLED, "settlement"),
        (
            r"(?:in|on|near|over|at|against|targeting|hit|struck|shelled|attacked|targeted|bombed|pounded) ",
            "",
            SETTLED,
            "settlement",
        ),
    ),
}
"""Words that introduce a place, the levels a name after them may be, and what the mention gives."""

LAUNCHED_FROM: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"(?:tirés?|tirées?|lancés?|lancées?) depuis "),
    "en": re.compile(r"(?:launched|fired) from "),
}
"""Words before the place weapons were launched from."""


@dataclass(frozen=True)
class Mention:
    """A place a sentence names: the article's words for it, the gazetteer's entry (None for a neighbourhood, which
    the gazetteer does not hold), and what it gives (settlement, region, neighbourhood)."""

    name: str
    entry: Entry | None
    gives: str
    start: int
    end: int
    launched_from: bool = False
    country: str | None = None
    """For a country named as a whole ("at Ukraine", "sur l'Ukraine"): its code."""


def find_places(sentence: str, gazetteer: Gazetteer, language: Language, entities: Sequence[Entity] = ()) -> list[Mention]:
    """Every place the sentence names after words that introduce one, and every place name among its ``entities``
    (:mod:`generator.draft.entities`) the gazetteer knows, in order (each span once, the first cue that finds it in
    the gazetteer wins)."""
    found: list[Mention] = []
    for before, after, levels, gives in CUES[language]:
        pattern = (rf"(?i:{before})" if before else "") + _NAME + (rf"(?i:{after})(?!\w)" if after else "")
        for match in re.finditer(rf"(?<!\w){pattern}", sentence):
            name = match["name"]
            start, end = match.start("name"), match.end("name")
            if any(other.start < end and start < other.end for other in found):
                continue
            owner = re.match(r"(?P<owner>.+?)['’]s (?P<part>.+)", name)
            if gives == "neighbourhood" and owner is not None:  # "Kharkiv's Saltivskyi district": the city, and its district
                city = _entry(owner["owner"], gazetteer, SETTLED)
                if city is not None:
                    found.append(Mention(owner["owner"], city, "settlement", start, start + len(owner["owner"])))
                    name, start = owner["part"], start + owner.start("part")
            whole = match.group() if levels == (Level.region,) else None  # "Kyiv Oblast" is not Kyiv
            entry = (whole and _entry(whole, gazetteer, levels, whole=True)) or (_entry(name, gazetteer, levels) if levels else None)
            if levels and entry is None:
                continue
            if entry is not None and entry.level is Level.region and gives == "settlement" and not entry.is_city_region:
                gives = "region"
            found.append(Mention(name, entry, gives, start, end, _launched_from(sentence, match.start(), language)))
    for entity in entities:
        if not entity.is_place or any(other.start < entity.end and entity.start < other.end for other in found):
            continue
        entry = _entry(entity.text, gazetteer, SETTLED)
        if entry is not None:
            gives = "settlement" if entry.level is Level.settlement or entry.is_city_region else "region"
            found.append(Mention(entity.text, entry, gives, entity.start, entity.end, _launched_from(sentence, entity.start, language)))
    for match in COUNTRIES[language].finditer(sentence):
        if not any(other.start < match.end() and match.start() < other.end for other in found):
            code = "UA" if match["name"].lower().startswith(("ukrain", "україн")) else "RU"
            found.append(Mention(match["name"], None, "country", match.start("name"), match.end("name"), False, code))
    return sorted(found, key=lambda mention: mention.start)


COUNTRIES: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(
        r"(?<!\w)(?:sur|contre|vers|visant|en|à travers|attaqué|frappé|visé|ciblé) (?:l'|l’|la )?(?P<name>Ukraine|Russie)(?!\w)"
    ),
    "en": re.compile(r"(?<!\w)(?:at|on|against|over|across|targeting|in|attacked|struck|targeted) (?P<name>Ukraine|Russia)(?!\w)"),
}
"""A country named as the place of a strike ("launched 58 drones at Ukraine"): a strike over the whole country."""


def _launched_from(sentence: str, start: int, language: Language) -> bool:
    """Whether the place named at ``start`` is where weapons were launched from ("tirés depuis ...")."""
    return LAUNCHED_FROM[language].search(sentence[max(0, start - 40) : start + 1]) is not None


def _entry(name: str, gazetteer: Gazetteer, levels: tuple[Level, ...], whole: bool = False) -> Entry | None:
    """The entry a name is, at the first of ``levels`` that has one (most populous first); its first words alone
    when the whole does not name one (unless ``whole``)."""
    words = re.sub(r"['’]s\b", "", name).split()  # "Kharkiv's Saltivskyi district": Kharkiv
    for length in range(len(words), len(words) - 1 if whole else 0, -1):  # "Kharkiv Novobavarsky" -> "Kharkiv"
        candidate = " ".join(words[:length])
        for level in levels:
            found = gazetteer.named(candidate, None, [level])
            if found:
                return found[0]
    return None


def where(mentions: list[Mention], gazetteer: Gazetteer, language: Language) -> dict[str, str] | None:
    """A ``where`` block from a sentence's mentions (not the launch places): the finest level named, its region
    and country from the gazetteer; None when no mention is in the gazetteer."""
    located = [mention for mention in mentions if mention.entry is not None and not mention.launched_from]
    if not located:
        country = next((mention.country for mention in mentions if mention.country is not None), None)
        return {"country": country, "precision": "country"} if country else None
    settlement = next((mention for mention in located if mention.gives == "settlement"), None)
    chosen = settlement or located[0]
    assert chosen.entry is not None
    region = gazetteer.region_of(chosen.entry) or chosen.entry
    block: dict[str, str] = {}
    neighbourhood = next((mention for mention in mentions if mention.gives == "neighbourhood"), None)
    if neighbourhood is not None and settlement is not None:
        block["neighbourhood"] = neighbourhood.name
    if settlement is not None:
        block["settlement"] = chosen.entry.name(language) if chosen.entry.is_city_region else chosen.name
    block["region"] = region.name(language)
    block["country"] = chosen.entry.country
    block["precision"] = "neighbourhood" if "neighbourhood" in block else ("settlement" if settlement is not None else "region")
    return block


def launch_place(mentions: list[Mention], language: Language) -> dict[str, str] | None:
    """Where the sentence says weapons were launched from, as a place block."""
    mention = next((mention for mention in mentions if mention.launched_from and mention.entry is not None), None)
    if mention is None or mention.entry is None:
        return None
    level = "region" if mention.entry.level is Level.region else "settlement"
    return {level: mention.entry.name(language), "country": mention.entry.country, "precision": level}
