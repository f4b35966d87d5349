"""The catalogue of weapon models, shared by the whole site, and the normalisation of published model names.

The catalogue is the one published with the Air Force dataset
(`data/missiles_and_uavs.csv`, shipped inside this package: see its README).

A model cell can name one model (`Kalibr`), a pair the Air Force does not tell
apart (`X-59/X-69`), several models joined by ` and ` (`C-300 and Iskander-M`),
a Cyrillic name (`Молнія`), a Latin name typed with Cyrillic look-alike letters
(`Х-101`), or a generic one (`Unknown UAV`). Each model is looked up in this order:
the catalogue name, a known alias, one half of a catalogued pair (`Kh-101` is
`X-101/X-555`); a model still not found keeps its published name and gets a
category guessed from its words (`UAV`, `drone`, `missile`), flagged
``catalogued: false``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import Field

from generator.errors import BriefingError
from generator.model import CountryCode, Strict, Text, WeaponCategory
from generator.urls import slugify

SHIPPED_CATALOGUE: Traversable = resources.files(__package__) / "data" / "missiles_and_uavs.csv"
"""The copy of the catalogue shipped inside the package (read through importlib.resources, so any install has it)."""

ORIGINS = {"russia": "RU", "iran": "IR", "north korea": "KP", "belarus": "BY", "china": "CN", "ukraine": "UA"}
"""Country names used by the catalogue's `national_origin`, to ISO codes."""

SHIPPED_NAMES: Traversable = resources.files(__package__) / "data" / "names.csv"
"""The project's own file: each model's permanent id, its names in the site's languages and its other spellings
(``S-300``, ``С-300`` for the dataset's ``C-300``), and the models the dataset lacks (Neptune, Storm Shadow, ATACMS)."""

_LOOKALIKES = str.maketrans("АВСЕНІКМОРТХаеіорсух", "ABCEHIKMOPTXaeiopcyx")
_JOINERS = re.compile(r"\s+and\s+|\s*[&+,;]\s*", re.IGNORECASE)
_EMPTY = {"", "nan", "none", "null", "-", "—"}


class Category(StrEnum):
    """Broad class of a weapon model, from the catalogue."""

    missile = "missile"
    uav = "uav"
    guided_bomb = "guided_bomb"
    mixed = "mixed"
    unknown = "unknown"


class WeaponModel(Strict):
    """One weapon model named in a row, normalised through the catalogue."""

    name: Text = Field(description="Catalogue name, e.g. `Shahed-136/131`; the cleaned published name when not catalogued.")
    category: Category = Field(description="missile, uav, guided_bomb or unknown.")
    type: Text | None = Field(default=None, description="The catalogue's class, e.g. `cruise missile`, `ballistic missile`, `UAV`.")
    role: Text | None = Field(default=None, description="The catalogue's type column, e.g. `loitering munition`, `air-launched`.")
    origin: list[CountryCode] = Field(default_factory=list, description="ISO codes of the producing countries, per the catalogue.")
    catalogued: bool = Field(description="false when the catalogue does not list the model; category is then guessed from its name.")
    id: Text | None = Field(
        default=None, exclude=True, description="Permanent id (the model's page): `s-300`, `kh-101-kh-555`; None when not catalogued."
    )
    names: dict[str, Text] = Field(default_factory=dict, exclude=True, description="Name per site language: `{en: S-300, fr: S-300}`.")
    aliases: list[Text] = Field(
        default_factory=list,
        exclude=True,
        description="Other spellings: `С-300`, `S-300PMU`. Id, names and aliases are the catalogue's, never stored.",
    )

    def name_in(self, language: str) -> str:
        """The model's name in ``language``, else in English, else its catalogue name."""
        return self.names.get(language) or self.names.get("en") or self.name

    @property
    def site_category(self) -> WeaponCategory:
        """The site's weapon category of this model (see :func:`site_category`)."""
        return site_category(self.type, self.category)


_BY_TYPE = {
    "uav": WeaponCategory.drone,
    "cruise missile": WeaponCategory.cruise_missile,
    "ballistic missile": WeaponCategory.ballistic_missile,
    "guided bomb": WeaponCategory.guided_bomb,
}
_BY_CATEGORY = {
    Category.uav: WeaponCategory.drone,
    Category.missile: WeaponCategory.missile,
    Category.guided_bomb: WeaponCategory.guided_bomb,
}


def site_category(catalogue_type: str | None, category: Category) -> WeaponCategory:
    """The site's weapon category for a model: the catalogue's class when it is one of ours, else its broad category.

    ``ballistic missile`` -> ballistic_missile; ``surface-to-air missile`` (an S-300
    fired at the ground) -> missile; a UAV -> drone; mixed or unknown -> unknown.
    """
    found = _BY_TYPE.get((catalogue_type or "").casefold())
    return found or _BY_CATEGORY.get(category, WeaponCategory.unknown)


class CatalogueError(BriefingError):
    """The catalogue file cannot be read."""


@dataclass(frozen=True)
class Normalised:
    """What a published model cell names."""

    name: str
    models: list[WeaponModel]

    @property
    def category(self) -> Category:
        """The category shared by all models, or ``mixed``."""
        categories = {model.category for model in self.models}
        return categories.pop() if len(categories) == 1 else Category.mixed

    @property
    def type(self) -> str | None:
        """The catalogue class shared by all models, if any."""
        types = {model.type for model in self.models}
        return types.pop() if len(types) == 1 else None

    @property
    def origin(self) -> list[str]:
        """Producing countries of all models, in order of first mention."""
        return list(dict.fromkeys(code for model in self.models for code in model.origin))


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _latin_key(name: str) -> str:
    return _key(name).translate(_LOOKALIKES)


def category_of(catalogue_category: str, name: str) -> Category:
    """Map the catalogue's category (or, failing that, words in the name) to a :class:`Category`."""
    words = f"{catalogue_category} {name}".casefold()
    if catalogue_category.casefold() == "uav" or re.search(r"\buav\b|drone|бпла|дрон|shahed|шахед", words):
        return Category.uav
    if re.search(r"missile|ballistic|ракет", words):
        return Category.missile
    if re.search(r"bomb|бомб", words):
        return Category.guided_bomb
    return Category.unknown


class Catalogue:
    """The catalogue of weapon models, keyed for forgiving look-up: by name, id, alias, or one half of a pair."""

    def __init__(self, entries: list[WeaponModel]) -> None:
        self.entries = entries
        self.by_id: dict[str, WeaponModel] = {entry.id: entry for entry in entries if entry.id}
        self._by_key: dict[str, WeaponModel] = {}
        self._by_half: dict[str, WeaponModel] = {}
        for entry in entries:
            for name in (entry.name, *(entry.id for _ in (0,) if entry.id), *entry.names.values(), *entry.aliases):
                self._by_key.setdefault(_latin_key(name), entry)
        for entry in entries:
            if " and " not in entry.name:
                for half in _halves(entry.name):
                    self._by_half.setdefault(_latin_key(half), entry)

    @classmethod
    def read(cls, path: Path | Traversable = SHIPPED_CATALOGUE, names: Path | Traversable = SHIPPED_NAMES) -> Catalogue:
        """Read ``missiles_and_uavs.csv`` and the names file; raise :class:`CatalogueError` naming what is malformed."""
        rows = _read_csv(path, {"model", "category"})
        named = _read_csv(names, {"id", "model", "type", "origin", "name_en", "name_fr", "aliases"})
        by_model = {row["model"]: row for row in named if row["model"]}
        entries = []
        for row in rows:
            name = " ".join((row.get("model") or "").split())
            if not name:
                continue
            countries = [part.strip().casefold() for part in (row.get("national_origin") or "").split("/")]
            entries.append(
                _named(
                    WeaponModel(
                        name=name,
                        category=category_of(row.get("category") or "", name),
                        type=(row.get("category") or "").strip() or None,
                        role=(row.get("type") or "").strip() or None,
                        origin=[ORIGINS[country] for country in countries if country in ORIGINS],
                        catalogued=True,
                    ),
                    by_model.get(name),
                )
            )
        known = {entry.name for entry in entries}
        if missing := sorted(set(by_model) - known):
            raise CatalogueError(f"{names}: models not in {path}: {', '.join(missing)}")
        for row in named:
            if not row["model"]:
                kind = row["type"] or None
                model = WeaponModel(
                    name=row["name_en"],
                    category=category_of(kind or "", row["name_en"]),
                    type=kind,
                    origin=[code for code in row["origin"].split("/") if code],
                    catalogued=True,
                )
                entries.append(_named(model, row))
        return cls(entries)

    def find(self, name: str) -> WeaponModel | None:
        """The catalogue entry for one model name, trying ids, names, aliases and halves of catalogued pairs."""
        key = _latin_key(name)
        for candidate in (key, _latin_key(re.sub(r"^kh-", "x-", key))):
            if candidate in self._by_key:
                return self._by_key[candidate]
        return self._by_half.get(key) or self._by_half.get(_latin_key(re.sub(r"^kh-", "x-", key)))

    def normalise(self, published: str) -> Normalised | None:
        """Normalise a model cell; None when it names no model at all."""
        text = " ".join(published.split())
        if text.casefold() in _EMPTY:
            return None
        parts = [part for part in _JOINERS.split(text) if part.casefold() not in _EMPTY]
        found = [self.find(part) for part in parts]
        whole = self.find(text)
        if len(parts) > 1 and None in found and whole is not None:
            return Normalised(whole.name, [whole])
        models = [entry or _uncatalogued(part) for part, entry in zip(parts, found, strict=True)]
        models = list({model.name: model for model in models}.values())
        return Normalised(" and ".join(model.name for model in models), models)


def name_parts(name: str) -> set[str]:
    """Every name a model name covers: ``X-47 Kinzhal and Iskander-M/KN-23`` -> itself, each model, each half of a pair."""
    parts = {name}
    for model in name.split(" and "):
        parts |= {model, *_halves(model)}
    return parts


def _halves(name: str) -> list[str]:
    """``Shahed-136/131`` -> ``Shahed-136``, ``Shahed-131``; ``X-59/X-69`` -> ``X-59``, ``X-69``."""
    first, *others = name.split("/")
    if not others:
        return []
    prefix = first.rsplit("-", 1)[0] + "-" if "-" in first else ""
    return [first, *(other if re.search(r"[^\W\d_]", other) else prefix + other for other in others)]


def _read_csv(path: Path | Traversable, columns: set[str]) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise CatalogueError(f"{path}: cannot read the weapon catalogue: {error}") from error
    if not rows or not columns <= set(rows[0]):
        raise CatalogueError(f"{path}:1: expected a CSV with the columns {', '.join(sorted(columns))}")
    return [{key: value or "" for key, value in row.items() if key is not None} for row in rows]


def _named(model: WeaponModel, row: dict[str, str] | None) -> WeaponModel:
    """A catalogue entry with its id, names and other spellings from the names file (an id from its name otherwise)."""
    if row is None:
        return model.model_copy(update={"id": slugify(model.name)})
    names = {language: row[f"name_{language}"] for language in ("en", "fr") if row[f"name_{language}"]}
    aliases = [alias for alias in row["aliases"].split("|") if alias]
    return model.model_copy(update={"id": row["id"], "names": names, "aliases": aliases})


def _uncatalogued(name: str) -> WeaponModel:
    return WeaponModel(name=name, category=category_of("", name), catalogued=False)


@cache
def shipped_catalogue() -> Catalogue:
    """The catalogue shipped with the package, read once per process."""
    return Catalogue.read(SHIPPED_CATALOGUE)
