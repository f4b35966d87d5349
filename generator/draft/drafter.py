"""An article's raw text to a draft of its content file: the readers of :mod:`generator.draft` put together.

The text is read paragraph by paragraph and sentence by sentence. A sentence that reports a strike (its figures,
or words such as "frappe", "drones", "attack") and names a place the gazetteer knows opens a strike; the sentences
after it in the paragraph that report without naming another place add to it (a neighbourhood, weapons, where they
were launched from, more figures). Each figure's claimant is the speaker its sentence attributes it to, else the
paragraph's last speaker, else ``unattributed``; its date the sentence's dating, else the paragraph's, else the
publication day (marked). A sentence that accuses ("accuse", "accusée par", "accused") gives an attribution claim,
with the quotes of its speaker and the sentences that describe evidence. Everything keeps the sentence it came from,
for the comments the writer (:mod:`generator.draft.writer`) puts beside each value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from anyascii import anyascii

from generator.draft.attribution import Match, Quoted, find_attributions, find_quotes, find_relayed, match_party, named_after
from generator.draft.dates import Dating, find_datings
from generator.draft.entities import Entity, read_entities
from generator.draft.figures import CATEGORIES, FoundFigure, find_figures
from generator.draft.places import find_places, launch_place, where
from generator.gazetteer.store import Gazetteer
from generator.model import Party, WeaponCategory
from generator.weapons.catalogue import Catalogue

Language = str

STRIKE_WORDS: dict[Language, tuple[str, ...]] = {
    "fr": (
        "frappe",
        "attaque",
        "bombard",
        "pilonn",
        "explosion",
        "incendie",
        "touché",
        "ciblé",
        "visé",
        "abattu",
        "intercept",
        "neutralis",
        "endommag",
        "détrui",
    ),
    "en": (
        "strike",
        "attack",
        "shell",
        "explosion",
        "fire",
        "struck",
        "hit",
        "target",
        "shot down",
        "intercept",
        "launched",
        "destroyed",
        "damag",
    ),
}
"""Word starts that say a sentence reports a strike (actions: a weapon's name alone, in evidence or a quote, does not)."""

ACCUSES: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(r"(?<!\w)(?:accus\w*|reproche\w*|impute\w*)", re.IGNORECASE),
    "en": re.compile(r"(?<!\w)(?:accus\w*|blam\w*)", re.IGNORECASE),
}
EVIDENCE_WORDS: dict[Language, tuple[str, ...]] = {
    "fr": ("analyse", "débris", "fragments", "images", "preuve", "preuves", "rapport", "photos", "vidéo"),
    "en": ("analysis", "debris", "fragments", "images", "evidence", "report", "photos", "video"),
}
OUTCOME_WORDS: dict[Language, tuple[tuple[str, str], ...]] = {
    "fr": (
        ("maîtrisé", "fire_contained"),
        ("incendie", "fire"),
        ("détruit", "destroyed"),
        ("endommagé", "damaged"),
        ("destructions", "damaged"),
        ("touché", "hit"),
        ("repoussée", "repelled"),
        ("repoussé", "repelled"),
        ("interceptés", "intercepted"),
        ("débris", "debris"),
    ),
    "en": (
        ("contained", "fire_contained"),
        ("fire", "fire"),
        ("destroyed", "destroyed"),
        ("damaged", "damaged"),
        ("hit", "hit"),
        ("struck", "hit"),
        ("repelled", "repelled"),
        ("intercepted", "intercepted"),
        ("debris", "debris"),
    ),
}
"""Words that tell what happened to a target, in the order the schema lists outcomes."""
TARGET_WORDS: dict[Language, tuple[str, ...]] = {
    "fr": ("dépôt pétrolier", "dépôt de munitions", "raffinerie", "immeuble de cinq étages", "immeuble", "maison", "port", "centrale"),
    "en": ("oil depot", "ammunition depot", "refinery", "apartment building", "building", "house", "port", "power plant"),
}
ORIGINS: dict[Language, tuple[tuple[str, str], ...]] = {
    "fr": (("nord-coréen", "KP"), ("iranien", "IR"), ("russe", "RU"), ("ukrainien", "UA"), ("américain", "US")),
    "en": (("north korean", "KP"), ("iranian", "IR"), ("russian", "RU"), ("ukrainian", "UA"), ("american", "US")),
}
ARTILLERY_WORDS: dict[Language, tuple[str, ...]] = {"fr": ("pilonné", "pilonnée", "pilonnage"), "en": ("shelled", "shelling")}
"""Verbs of shelling: artillery, when the text names no weapon."""
GENERIC_WEAPONS: dict[Language, tuple[tuple[str, WeaponCategory], ...]] = {
    language: tuple((noun, category) for noun, category in nouns if category is not WeaponCategory.unknown)
    + tuple((word, WeaponCategory.artillery) for word in ARTILLERY_WORDS[language])
    for language, nouns in CATEGORIES.items()
}
"""What a sentence's nouns say was used: the figures' munitions nouns (one lexicon), and shelling."""
_MODEL = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w]*(?:-[\w]+)*(?![\w-])")
"""A capitalised word that may name a weapon model (``Neptune``, ``S-300``, ``Shahed-136``)."""


@dataclass
class Claimant:
    """Who gives a value: a party id (``unattributed`` when nobody is named), the article's words, and a reason to
    look."""

    party: str
    words: str | None = None
    check: str | None = None


@dataclass
class Sourced:
    """A drafted value and the sentence it came from."""

    value: object
    sentence: str
    claimant: Claimant | None = None
    check: str | None = None


@dataclass
class WeaponDraft:
    """A weapon a sentence names: its category, the model as written, its origin, and who says so."""

    category: WeaponCategory
    model: str | None
    origin: str | None
    sentence: str
    claimant: Claimant | None = None


@dataclass
class TargetDraft:
    """What a sentence says was hit or aimed at, and what happened to it."""

    what: str
    outcomes: list[str]
    sentence: str
    claimant: Claimant
    check: str | None = None


@dataclass
class StrikeDraft:
    """One strike as drafted."""

    place: dict[str, str]
    sentence: str
    dating: Sourced
    reported_by: Claimant
    figures: list[tuple[FoundFigure, Sourced]] = field(default_factory=list)
    weapons: list[WeaponDraft] = field(default_factory=list)
    launched_from: Sourced | None = None
    targets: list[TargetDraft] = field(default_factory=list)


@dataclass
class AttributionDraft:
    """One attribution claim as drafted."""

    claimant: Claimant
    accused: Claimant
    claim: str
    sentence: str
    evidence: list[str] = field(default_factory=list)
    quotes: list[tuple[Quoted, Claimant]] = field(default_factory=list)
    weapons: list[WeaponDraft] = field(default_factory=list)


@dataclass
class Draft:
    """Everything drafted from one article."""

    title: str
    language: Language
    published: dt.date
    url: str | None
    outlet: str | None
    relays: list[str]
    takeaways: list[str]
    strikes: list[StrikeDraft]
    attributions: list[AttributionDraft]
    proposed: dict[str, str]
    """Speakers no party matched: proposed party id -> the article's words."""


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: after ``.``, ``!``, ``?`` or a closing quote, before a capital or an opening quote
    (an abbreviation's dot before a number, "Aug. 11", does not end one)."""
    parts = re.split(r"(?<=[.!?»”])\s+(?=[«“\"A-ZÀ-ÝА-Я])", paragraph.strip())
    return [part.strip() for part in parts if part.strip()]


def title_and_body(text: str) -> tuple[str, list[str]]:
    """An article's title (its first line that is not blank) and its body's paragraphs (the lines after it)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title = next((line for line in lines if line), "")
    return title, [line for line in lines[lines.index(title) + 1 :] if line] if title else []


def article_sentences(text: str) -> list[str]:
    """Every sentence of an article's body, as the drafter reads them."""
    return [sentence for paragraph in title_and_body(text)[1] for sentence in split_sentences(paragraph)]


def reading_language(text: str, given: Language | None) -> Language:
    """The language the drafter reads the text in: the one given if it reads it, else the one detected."""
    return given if given in STRIKE_WORDS else detect_language(text)


def detect_language(text: str) -> Language:
    """French or English, by which language's commonest words the text uses more (the drafter reads only these two)."""
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ']+", text.lower())
    french = sum(
        word in {"le", "la", "les", "des", "est", "une", "dans", "avec", "pour", "qui", "sur", "par", "du", "et"} for word in words
    )
    english = sum(word in {"the", "of", "and", "in", "was", "were", "with", "for", "that", "on", "by", "is", "to", "a"} for word in words)
    return "fr" if french >= english else "en"


class Drafter:
    """Drafts articles against one party registry, gazetteer and weapon catalogue."""

    def __init__(self, parties: list[Party], gazetteer: Gazetteer, catalogue: Catalogue) -> None:
        self.parties = parties
        self.gazetteer = gazetteer
        self.catalogue = catalogue

    def draft(
        self,
        text: str,
        published: dt.date,
        language: Language | None = None,
        url: str | None = None,
        outlet: str | None = None,
        entities: Mapping[str, tuple[Entity, ...]] | None = None,
    ) -> Draft:
        """The draft of an article: its first line the title, the rest its body; ``entities``, its sentences' named
        entities when they were read already (:class:`generator.draft.entities.Reading`), else read here for a
        French text."""
        title, body = title_and_body(text)
        language = reading_language(text, language)
        sentences = [sentence for paragraph in body for sentence in split_sentences(paragraph)]
        self._entities = entities if entities is not None else read_entities(sentences) if language == "fr" else {}
        self._proposed: dict[str, str] = {}
        strikes: list[StrikeDraft] = []
        attributions: list[AttributionDraft] = []
        self.strike_sentences: set[str] = set()
        if title:
            attributions += self._accusations(title, language)
        for paragraph in body:
            self._paragraph(paragraph, published, language, strikes, attributions)
        self._quotes_and_evidence(body, language, attributions)
        for strike in strikes:
            _name_unknown_categories(strike)
        takeaways = sentences[:2]
        return Draft(
            title, language, published, url, outlet, find_relayed(text, language), takeaways, strikes, attributions, self._proposed
        )

    # Parties

    def claimant(self, speaker: str | None, language: Language, near: list[str]) -> Claimant:
        """The party a speaker's words name; a proposed party when none does; ``unattributed`` without a speaker."""
        if not speaker:
            return Claimant("unattributed", None, "no source named in the sentence: check who says so")
        official = _official_of(speaker, self.parties, near, language)  # a governor or mayor: the place's authority
        if official is not None:
            return Claimant(official, speaker, f"'{speaker}' taken as {official}, the local authority of the place")
        found: Match = match_party(speaker, self.parties, language, near)
        if found.party is not None:
            return Claimant(found.party, speaker, found.check)
        words = re.sub(r"[^a-z0-9]+", "-", anyascii(speaker).lower())[:50].strip("-")
        proposed = "proposed-" + (words or "party")
        self._proposed[proposed] = speaker
        return Claimant(proposed, speaker, f"'{speaker}' is not in parties.yaml: add the proposed party or choose one")

    # Strikes

    def _paragraph(
        self, paragraph: str, published: dt.date, language: Language, strikes: list[StrikeDraft], attributions: list[AttributionDraft]
    ) -> None:
        current: StrikeDraft | None = strikes[-1] if strikes else None  # "ces frappes", in the next paragraph
        dating: Sourced | None = None
        speaking: Claimant | None = None  # the paragraph's last speaker of a strike's sentence
        for sentence in split_sentences(paragraph):
            datings = [found for found in find_datings(sentence, published, language) if found.precision.value != "month"]
            own = Sourced(datings[-1], sentence, check=datings[-1].check) if datings else None
            dating = own or dating
            said = find_attributions(sentence, language)
            sentence_speaker = said[0].speaker if said else None
            attributions += [found for found in self._accusations(sentence, language) if not _same_claim(found, attributions)]
            mentions = find_places(sentence, self.gazetteer, language, self._entities.get(sentence, ()))
            place = where(mentions, self.gazetteer, language)
            figures = find_figures(sentence, language)
            reports = bool(figures) or any(re.search(rf"(?<!\w){word}", sentence, re.IGNORECASE) for word in STRIKE_WORDS[language])
            if place is None and current is not None and _another_night(current, datings[-1] if datings else None, figures):
                place = {"country": _attacked(sentence, language) or current.place["country"], "precision": "country"}
            if reports and place is not None and (current is None or not _same_place(current.place, place)):
                current = StrikeDraft(
                    place,
                    sentence,
                    dating or Sourced(None, sentence, check="the article does not date it: the publication day"),
                    self.claimant(sentence_speaker, language, _near(place)),
                )
                strikes.append(current)
            elif current is not None and reports:
                neighbourhood = next((mention for mention in mentions if mention.gives == "neighbourhood"), None)
                if neighbourhood is not None and "settlement" in current.place and "neighbourhood" not in current.place:
                    current.place = {"neighbourhood": neighbourhood.name, **current.place, "precision": "neighbourhood"}
            if current is None or not reports:
                continue
            self.strike_sentences.add(sentence)
            claimant = self.claimant(sentence_speaker, language, _near(current.place)) if sentence_speaker else current.reported_by
            if sentence_speaker is None and sentence != current.sentence:  # "…, the Air Force said. 24 drones were shot down."
                claimant = (
                    dataclasses.replace(speaking, check=f"no source named in this sentence: taken as the one before's ({speaking.party})")
                    if speaking is not None
                    else Claimant("unattributed", None, "no source named in this sentence: the strike's source, or nobody?")
                )
            if sentence_speaker is not None:
                speaking = claimant
            for figure in figures:
                current.figures.append((figure, Sourced(figure.reading.as_schema(), sentence, claimant, figure.reading.check)))
            self._weapons(current, sentence, language, figures, claimant)
            launched = launch_place(mentions, language)
            if launched is not None and current.launched_from is None:
                current.launched_from = Sourced(launched, sentence, claimant)
            self._targets(current, sentence, language, claimant)

    def _weapons(self, strike: StrikeDraft, sentence: str, language: Language, figures: list[FoundFigure], claimant: Claimant) -> None:
        """The weapons a sentence names: catalogued models, the categories of its counts, generic nouns; a model
        replaces the bare category it belongs to, and a bare category adds nothing to a model of it."""
        found: list[tuple[WeaponCategory, str | None]] = []
        for match in _MODEL.finditer(sentence):
            name = re.sub(r"-(?:type|class|like)$", "", match.group())  # "Shahed-type drones"
            entry = self.catalogue.find(name)
            if entry is not None and len(name) > 2:
                found.append((entry.site_category, name))
        found += [(figure.category, None) for figure in figures if figure.category not in (None, WeaponCategory.unknown)]
        lowered = sentence.lower()
        for noun, category in GENERIC_WEAPONS[language]:  # the most specific first, each taking its words
            if noun in lowered:
                found.append((category, None))
                lowered = lowered.replace(noun, " ")
        for category, model in found:
            known = [(weapon.category, weapon.model) for weapon in strike.weapons]
            if (category, model) in known or (model is None and any(known_category is category for known_category, _ in known)):
                continue
            if model is not None:
                strike.weapons = [weapon for weapon in strike.weapons if (weapon.category, weapon.model) != (category, None)]
            strike.weapons.append(WeaponDraft(category, model, None, sentence, claimant))
        if any(weapon.category in _MISSILES for weapon in strike.weapons):  # "a missile attack", then "Kalibr cruise missiles"
            strike.weapons = [weapon for weapon in strike.weapons if (weapon.category, weapon.model) != (WeaponCategory.missile, None)]

    def _targets(self, strike: StrikeDraft, sentence: str, language: Language, claimant: Claimant) -> None:
        lowered = sentence.lower()
        what = next((word for word in TARGET_WORDS[language] if word in lowered), None)
        outcomes = [outcome for word, outcome in OUTCOME_WORDS[language] if word in lowered]
        if what is None and outcomes and "settlement" in strike.place:
            what = strike.place["settlement"]
        if what is None or not outcomes or any(target.what.lower() == what.lower() for target in strike.targets):
            return
        ordered = sorted(dict.fromkeys(outcomes), key=_OUTCOME_ORDER.index)
        strike.targets.append(TargetDraft(what[:1].upper() + what[1:], ordered, sentence, claimant, "the target and what happened to it"))

    # Attribution claims

    def _accusations(self, sentence: str, language: Language) -> list[AttributionDraft]:
        match = ACCUSES[language].search(sentence)
        if match is None:
            return []
        after, before = sentence[match.end() :], sentence[: match.start()]
        passive = re.match(r" ?(?:par|by) (?P<who>[^\s,;.]+(?: [^\s,;.]+){0,8}?) (?:d'|de |d’|of )", after)
        if passive:
            claimant_words, accused_words = passive["who"], _tail_words(before)
            claim = after[passive.end() :]
        else:
            object_match = re.match(r"\s*(?P<who>[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)*)\s*(?:d'|de |d’|of )?", after)
            if object_match is None:
                return []
            accused_words, claimant_words = object_match["who"], _subject(before)
            claim = after[object_match.end() :]
        claim = claim.strip().rstrip(".")
        if not claim or not accused_words:
            return []
        weapons = [
            WeaponDraft(category, None, _origin(claim, language), sentence)
            for noun, category in GENERIC_WEAPONS[language]
            if noun in claim.lower()
        ][:1]
        return [
            AttributionDraft(
                self.claimant(claimant_words, language, []),
                self.claimant(accused_words, language, []),
                claim[:1].upper() + claim[1:],
                sentence,
                weapons=weapons,
            )
        ]

    def _quotes_and_evidence(self, body: list[str], language: Language, attributions: list[AttributionDraft]) -> None:
        if not attributions:
            return
        text = "\n".join(body)
        for quote in find_quotes(text, language):
            speaker = self.claimant(quote.speaker, language, []) if quote.speaker else Claimant("unattributed", None, "who said it?")
            attributions[0].quotes.append((quote, speaker))
        for paragraph in body:
            for sentence in split_sentences(paragraph):
                lowered = sentence.lower()
                evidence = any(re.search(rf"(?<!\w){word}s?(?!\w)", lowered) for word in EVIDENCE_WORDS[language])
                quoting = sentence.lstrip().startswith(("«", "“", '"'))
                if evidence and not quoting and sentence not in self.strike_sentences and sentence != attributions[0].sentence:
                    attributions[0].evidence.append(sentence)


_MISSILES = (WeaponCategory.cruise_missile, WeaponCategory.ballistic_missile)
"""Missile categories more precise than ``missile``: a bare missile adds nothing beside one of them."""

_OUTCOME_ORDER = ["hit", "damaged", "destroyed", "fire", "fire_contained", "debris", "no_damage", "intercepted", "repelled", "unknown"]


def _name_unknown_categories(strike: StrikeDraft) -> None:
    """A count of munitions of no named kind ("tous les projectiles") in a strike of one kind of weapon is of that
    kind, marked for a look."""
    categories = {weapon.category for weapon in strike.weapons}
    if len(categories) != 1:
        return
    (category,) = categories
    for index, (figure, sourced) in enumerate(strike.figures):
        if figure.category is WeaponCategory.unknown:
            named = dataclasses.replace(figure, category=category)
            reason = f"'{figure.wording}' taken as {category.value}, the strike's one kind of weapon"
            strike.figures[index] = (named, dataclasses.replace(sourced, check=sourced.check or reason))


OFFICIALS: dict[Language, tuple[str, ...]] = {
    "fr": ("gouverneur", "maire", "chef de l'administration", "autorités locales", "administration"),
    "en": ("governor", "mayor", "head of the", "local authorities", "administration"),
}
"""Words that name whoever speaks for a place: a governor speaks for the region's administration."""
_SEATS = ("administration", "governor", "gouverneur", "military", "militaire")
_LEVELS = (
    (("maire", "mayor"), ("city", "ville", "municipal", "mairie")),
    (("gouverneur", "governor", "régional", "regional"), ("oblast", "region", "krai", "gouverneur", "governor")),
)
"""Whom an official's title says they speak for, by the words of its party's name: a mayor for the city, a governor for
the region."""


def _official_of(speaker: str, parties: list[Party], near: list[str], language: Language) -> str | None:
    """The local authority of the place a governor or mayor speaks for: the one party of that kind whose name holds
    the place's name (an administration or a governor's office first, when several do)."""
    lowered = speaker.lower()
    if not any(word in lowered for word in OFFICIALS[language]):
        return None
    named = named_after([party for party in parties if party.kind.value == "local_authority"], near, language)
    level = next((words for titles, words in _LEVELS if any(title in lowered for title in titles)), ())
    leveled = [party for party in named if any(word in _names_of(party) for word in level)]
    if len(leveled) == 1:  # the city's and the oblast's: a mayor speaks for the one, a governor for the other
        return leveled[0].id
    named = leveled or named
    seats = [party for party in named if any(seat in _names_of(party) for seat in _SEATS)]
    chosen = seats if len(seats) == 1 else named
    return chosen[0].id if len(chosen) == 1 else None


def _names_of(party: Party) -> str:
    """A party's names in every language, in plain lower-case letters: what an official's title is looked for in."""
    return anyascii(" ".join(party.name.values())).lower()


def _near(place: dict[str, str]) -> list[str]:
    """The names a place block gives, to settle which party speaks for it."""
    return [place.get("settlement", ""), place.get("region", ""), place["country"]]


def _another_night(strike: StrikeDraft, own: Dating | None, figures: list[FoundFigure]) -> bool:
    """Whether a sentence that names no place but launches weapons at another time than the strike being drafted
    (the night's national figures after a strike of the morning) is a strike of its own, over the whole country."""
    if own is None or not any(figure.kind == "launched" for figure in figures) or strike.place.get("precision") == "country":
        return False
    dated = strike.dating.value
    return not isinstance(dated, Dating) or (dated.start, dated.end, dated.precision) != (own.start, own.end, own.precision)


ATTACKERS: dict[Language, tuple[tuple[re.Pattern[str], str], ...]] = {
    "fr": (
        (re.compile(r"(?<!\w)(?:la Russie|Moscou|les forces russes|l'armée russe)(?!\w)"), "UA"),
        (re.compile(r"(?<!\w)(?:l'Ukraine|Kyiv|Kiev|les forces ukrainiennes|l'armée ukrainienne)(?!\w)"), "RU"),
    ),
    "en": (
        (re.compile(r"(?<!\w)(?:Russia|Moscow|Russian forces)(?!\w)"), "UA"),
        (re.compile(r"(?<!\w)(?:Ukraine|Kyiv|Ukrainian forces)(?!\w)"), "RU"),
    ),
}
"""Who launches, and the country a strike of theirs is on."""


def _attacked(sentence: str, language: Language) -> str | None:
    """The country the sentence's first-named attacker strikes."""
    found = [(match.start(), country) for pattern, country in ATTACKERS[language] if (match := pattern.search(sentence))]
    return min(found)[1] if found else None


def _same_claim(found: AttributionDraft, known: list[AttributionDraft]) -> bool:
    """Whether an accusation repeats one already drafted (the lead sentence repeating the title): same accuser, same
    accused."""
    return any((found.claimant.party, found.accused.party) == (other.claimant.party, other.accused.party) for other in known)


def _same_place(first: dict[str, str], second: dict[str, str]) -> bool:
    keys = ("settlement", "region", "country")
    return all(first.get(key) == second.get(key) for key in keys)


def _tail_words(text: str) -> str:
    """The last words before a verb: its subject, in a short clause."""
    return " ".join(re.split(r"[,;:]", text)[-1].split()[-6:])


def _subject(text: str) -> str | None:
    """The party named before an accusing word: the last capitalised name in the clause ("le Pentagone a dévoilé un
    rapport accablant accusant" -> "le Pentagone")."""
    clause = re.split(r"[;:]", text)[-1]
    names = list(re.finditer(r"(?:(?:le|la|les|l'|the) )?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý(][\w'’()-]*)*", clause))
    return names[-1].group() if names else None


def _origin(text: str, language: Language) -> str | None:
    lowered = text.lower()
    return next((code for word, code in ORIGINS[language] if word in lowered), None)
