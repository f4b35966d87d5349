"""Who says so, in an article's words: attribution phrases ("selon", "a annoncé", "ont rapporté", "said",
"according to") with the speaker they name, outlets relaying ("Rapporte Le Figaro", "according to Reuters"), quotes
(« », " ", “ ”) with their speaker, and speakers matched to the party registry.

Speakers are the words next to a reporting verb, up to a clause's edge; matching them to ``parties.yaml`` goes through
rapidfuzz (maintained, C++), its token-set ratio over each party's names in both languages, with articles and
prepositions left out: "le ministère russe de la Défense" is ``ru-mod``, "la DIA" ``us-dia``. A speaker that matches
no party, or two equally, is left for the editor to decide, and says so."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.model import Party

Language = str

VERBS: dict[Language, tuple[str, ...]] = {
    "fr": (
        "a annoncé",
        "ont annoncé",
        "a déclaré",
        "ont déclaré",
        "a indiqué",
        "ont indiqué",
        "a affirmé",
        "ont affirmé",
        "a précisé",
        "ont précisé",
        "a rapporté",
        "ont rapporté",
        "a fait état",
        "ont fait état",
        "a confirmé",
        "ont confirmé",
        "a assuré",
        "ont assuré",
        "a accusé",
        "ont accusé",
        "affirme",
        "affirment",
        "annonce",
        "annoncent",
        "déclare",
        "indique",
        "rapporte",
        "rapportent",
        "accuse",
        "accusent",
    ),
    "en": (
        "said",
        "says",
        "announced",
        "reported",
        "stated",
        "claimed",
        "claims",
        "confirmed",
        "accused",
        "accuses",
        "wrote",
        "told",
    ),
}
"""Reporting verbs, the speaker before them ("X a annoncé", "X said") or, after a quote, after them ("», a déclaré X")."""

BEFORE_SPEAKER: dict[Language, tuple[str, ...]] = {
    "fr": ("selon", "d'après", "d’après", "de source"),
    "en": ("according to", "citing"),
}
"""Phrases followed by the speaker: "selon le gouverneur", "according to Ukraine's Air Force"."""

_NAME = r"[A-ZÉ][\w'’.-]*(?: [A-ZÉ][\w'’.-]*){0,3}"
"""A proper name: up to four capitalised words."""
RELAYED: dict[Language, re.Pattern[str]] = {
    "fr": re.compile(rf"(?<!\w)(?i:rapporte|selon|d'après|d’après|indique|écrit|relaie) (?P<outlet>(?:le |la |l'|l’|les )?{_NAME})"),
    "en": re.compile(rf"(?<!\w)(?i:according to|reported by|reports?|citing) (?P<outlet>(?:the )?{_NAME})"),
}
"""An outlet named as the source of the report: a capitalised name after "rapporte", "according to"..."""

STOPWORDS: dict[Language, frozenset[str]] = {
    "fr": frozenset(["le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "en", "au", "aux", "a"]),
    "en": frozenset(["the", "a", "an", "of", "and", "in", "on", "s"]),
}

QUOTES = re.compile(r"«(?P<guillemets>[^»]{3,2000})»|“(?P<curly>[^”]{3,2000})”|\"(?P<straight>[^\"]{3,2000})\"")
"""Quotations: French guillemets, curly and straight double quotes."""

_EDGE = re.compile(r"[,;:!?«»“”\"]|\.(?=\s|$)|\s[-–—]\s")
"""Where a speaker's words stop: punctuation (not an abbreviation's dot, not parentheses: "l'Agence (DIA) des
États-Unis"), a dash between words."""

MAX_SPEAKER_WORDS = 10
SPEAKER_REACH = 300
"""Characters around a reporting verb where its speaker's words are looked for (a clause, not the whole text)."""
MATCH_AT = 80.0
"""rapidfuzz's token-set ratio from which a speaker is taken to be a party."""
MARGIN = 10.0
"""How far ahead of the next party the best match must be, else both are offered and the editor decides."""


@dataclass(frozen=True)
class Said:
    """An attribution: who (the article's words), the phrase that attributes, and where they are."""

    speaker: str
    phrase: str
    start: int
    end: int


@dataclass(frozen=True)
class Quoted:
    """A quotation, its speaker's words if an attribution stands next to it."""

    text: str
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Match:
    """A speaker matched to the registry: the party, or None; and why an editor should look."""

    party: str | None
    check: str | None


def _words_before(text: str, end: int) -> str:
    """The speaker's words ending at ``end``: back to a clause's edge, at most a few words."""
    clause = _EDGE.split(text[max(0, end - SPEAKER_REACH) : end])[-1]
    words = clause.split()[-MAX_SPEAKER_WORDS:]
    return _trim(" ".join(words))


_REPORTED = re.compile(r"\s*(?:de |d'|d’|du |des |que |qu'|qu’|avoir |être |à |that |to |having )", re.IGNORECASE)
"""Words after a reporting verb that start what was said, not who said it."""
_PERSON = re.compile(r"\s*[A-ZÀ-ÝА-Я][\w'’.-]*(?: [A-ZÀ-ÝА-Я][\w'’.-]*){0,3}\s*")
"""A person's name alone, set off by commas after their title ("le gouverneur de Koursk, Alexeï Smirnov,")."""


def _speaker_before(text: str, end: int) -> str:
    """The speaker's words before a reporting verb, with the title before a name set off by commas ("le gouverneur
    de la région de Koursk, Alexeï Smirnov")."""
    before = text[max(0, end - SPEAKER_REACH) : end].rstrip()
    clauses = _EDGE.split(before.rstrip(","))
    if before.endswith(",") and len(clauses) > 1 and _PERSON.fullmatch(clauses[-1]):
        title = _trim(" ".join(clauses[-2].split()[-MAX_SPEAKER_WORDS:]))
        return f"{title}, {clauses[-1].strip()}" if title else clauses[-1].strip()
    return _words_before(text, end)


def _words_after(text: str, start: int) -> str:
    """The speaker's words starting at ``start``: up to a clause's edge, at most a few words."""
    clause = _EDGE.split(text[start : start + SPEAKER_REACH])[0]
    words = clause.split()[:MAX_SPEAKER_WORDS]
    return _trim(" ".join(words))


_LEADING = re.compile(r"^(?:en parallèle|par ailleurs|de son côté|meanwhile|however|but|et|and)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"\s+(?:qui|que|dans|sur|lors|in|on|that|who|which)\b.*$", re.IGNORECASE)


def _trim(words: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", words.strip())).strip()


INSERTED: dict[Language, str] = {
    "fr": r"(?:pour sa part|pour leur part|de son côté|de leur côté|quant à lui|quant à elle"
    r"|également|aussi|encore|déjà|ensuite|enfin|par ailleurs)",
    "en": r"(?:also|later|earlier|separately|further)",
}
"""Words an article puts inside a reporting verb ("a pour sa part assuré", "also said")."""


def _phrase_pattern(phrases: Iterable[str], language: Language | None = None) -> re.Pattern[str]:
    """Any of the phrases; with ``language``, a compound verb may hold one of its inserted words ("a pour sa part
    assuré", "a également indiqué")."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        auxiliary, _, participle = phrase.partition(" ")
        if language == "fr" and auxiliary in ("a", "ont") and participle:
            alternatives.append(rf"{auxiliary}(?:,? {INSERTED[language]},?)? {re.escape(participle)}")
        else:
            alternatives.append(re.escape(phrase))
    if language == "en":
        alternatives = [rf"(?:{INSERTED[language]} )?(?:{alternative})" for alternative in alternatives]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


_VERBS = {language: _phrase_pattern(verbs, language) for language, verbs in VERBS.items()}
_BEFORE = {language: _phrase_pattern(phrases) for language, phrases in BEFORE_SPEAKER.items()}


def find_attributions(sentence: str, language: Language) -> list[Said]:
    """Every attribution in a sentence, in order: "selon X" / "according to X", "X a annoncé" / "X said", and a
    verb right after a quote ("», a déclaré X")."""
    found = []
    for match in _BEFORE[language].finditer(sentence):
        speaker = _words_after(sentence, match.end())
        if speaker:
            at = sentence.find(speaker, match.end())  # the speaker's words as rejoined; the phrase alone if spaced otherwise
            found.append(Said(speaker, match.group(), match.start(), at + len(speaker) if at >= 0 else match.end()))
    for match in _VERBS[language].finditer(sentence):
        before = sentence[: match.start()].rstrip()
        inverted = before.endswith((",", "»", "”", '"'))  # "», a déclaré X", "…, a indiqué le gouverneur": it follows
        if inverted and before.endswith(",") and _REPORTED.match(sentence[match.end() :]):
            inverted = False  # "le gouverneur, Alexeï Smirnov, a fait état de trois blessés": what follows is what he said
        speaker = _words_after(sentence, match.end()) if inverted else _speaker_before(sentence, match.start())
        if speaker and not any(said.start <= match.start() < said.end for said in found):
            found.append(Said(speaker, match.group(), match.start(), match.end()))
    return sorted(found, key=lambda said: said.start)


def find_relayed(text: str, language: Language) -> list[str]:
    """Outlets the text names as the report's source ("Rapporte Le Figaro", "according to Reuters"), each once, in
    order."""
    return list(dict.fromkeys(match["outlet"].strip().rstrip(".") for match in RELAYED[language].finditer(text)))


def find_quotes(text: str, language: Language) -> list[Quoted]:
    """Every quotation, with the speaker an attribution next to it names ("X a déclaré : « … »", "« … », a déclaré
    X", "… », a déclaré X dans un communiqué")."""
    found = []
    for match in QUOTES.finditer(text):
        words = next(group for group in match.groups() if group is not None).strip().rstrip(",")
        after = text[match.end() : match.end() + 200]
        before = text[max(0, match.start() - 200) : match.start()]
        speaker = None
        verb_after = _VERBS[language].match(after.lstrip(" ,"))
        if verb_after is not None:
            speaker = _words_after(after.lstrip(" ,"), verb_after.end()) or None
        else:
            verbs_before = list(_VERBS[language].finditer(before))
            if verbs_before and not before[verbs_before[-1].end() :].strip(" :,\n"):
                speaker = _words_before(before, verbs_before[-1].start()) or None
        found.append(Quoted(words, match.start(), match.end(), speaker))
    return found


def _plain(text: str, language: Language) -> str:
    """Lower case, no accents, no articles or prepositions: what names are compared by."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    folded = "".join(character for character in folded if not unicodedata.combining(character))
    words = [_folded_word(word) for word in re.findall(r"[a-z0-9]+", folded) if word not in STOPWORDS[language]]
    return " ".join(words)


_SPELLINGS = {"defense": "defence", "russia": "russian", "ukraine": "ukrainian"}


def _folded_word(word: str) -> str:
    """One word as names are compared: one spelling (defense, defence), no plural or feminine ending
    ("ukrainiennes" as "ukrainien")."""
    word = _SPELLINGS.get(word, word)
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("enne"):
        word = word[:-2]
    return _SPELLINGS.get(word, word)


def named_after(parties: Iterable[Party], near: Iterable[str], language: Language) -> list[Party]:
    """The parties whose names (in any language, compared as names are) hold one of these place names: the local
    authorities of Kharkiv for a strike in Kharkiv."""
    places = [plain for place in near if place and len(place) > 2 and (plain := _plain(place, language))]
    found = []
    for party in parties:
        names = " ".join(_plain(name, lang if lang in STOPWORDS else language) for lang, name in party.name.items())
        if any(place in names for place in places):
            found.append(party)
    return found


def match_party(speaker: str, parties: Iterable[Party], language: Language, near: Iterable[str] = ()) -> Match:
    """The party a speaker's words name, by its names in every language; None, and why, when none or two match.
    ``near`` (the place the sentence is about) settles a tie: "les autorités locales" of Temriouk are those of the
    Krasnodar krai, if one party's name says so."""
    parties = list(parties)
    names = [(party.id, _plain(name, lang if lang in STOPWORDS else language)) for party in parties for lang, name in party.name.items()]
    wanted = _plain(speaker, language)
    if not wanted or not names:
        return Match(None, f"'{speaker}': no party to match; propose one")
    scored: dict[str, float] = {}
    for _, score, index in process.extract(wanted, [name for _, name in names], scorer=fuzz.token_set_ratio, limit=None):
        party = names[index][0]
        scored[party] = max(scored.get(party, 0.0), score)
    ranked = sorted(scored.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    if score < MATCH_AT:
        return Match(None, f"'{speaker}' matches no party: a new party to propose")
    close = [party for party, found in ranked if found > score - MARGIN]
    if len(close) > 1:
        placed = [party.id for party in named_after([party for party in parties if party.id in close], near, language)]
        if len(placed) == 1:
            return Match(placed[0], f"'{speaker}' taken as {placed[0]} by the place; check")
        return Match(best, f"'{speaker}' could also be {', '.join(party for party in close if party != best)}")
    return Match(best, None)
