"""The gazetteer data file: shape, hierarchy, and that the places the content and the benchmark name resolve.

Reads ``generator/gazetteer/data/places.csv`` with the csv module only; the runtime lookup is tested elsewhere.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "generator" / "gazetteer" / "data" / "places.csv"
HEADER = "id,level,kind,parent,country,status,code,lat,lon,population,source,name_en,name_fr,name_uk,name_ru,aliases"
ID = re.compile(r"^(ua|ru)-[a-z0-9]+(-[a-z0-9]+)*$")


def fold(text: str) -> str:
    for apostrophe in "'’ʼ‘`´":
        text = text.replace(apostrophe, "'")
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@cache
def rows() -> tuple[dict[str, str], ...]:
    with PLACES.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def by_id() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in rows()}


@cache
def index() -> dict[str, tuple[dict[str, str], ...]]:
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows():
        names = [row["name_en"], row["name_fr"], row["name_uk"], row["name_ru"], *row["aliases"].split("|")]
        for key in {fold(n) for n in names if n}:
            found[key].append(row)
    return {key: tuple(value) for key, value in found.items()}


def resolve(name: str, country: str | None = None, level: str | None = None) -> list[dict[str, str]]:
    return [
        row
        for row in index().get(fold(name), ())
        if (country is None or row["country"] == country) and (level is None or row["level"] == level)
    ]


def test_header_is_exact_and_file_is_lf_utf8() -> None:
    raw = PLACES.read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    assert text.split("\n", 1)[0] == HEADER


def test_rows_are_sorted_by_id() -> None:
    ids = [row["id"] for row in rows()]
    assert ids == sorted(ids)


def test_ids_are_unique_slugs() -> None:
    counts = Counter(row["id"] for row in rows())
    assert [i for i, n in counts.items() if n > 1] == []
    assert [i for i in counts if not ID.match(i)] == []
    for row in rows():
        assert row["id"].startswith(row["country"].lower() + "-")


def test_sources_are_unique() -> None:
    counts = Counter(row["source"] for row in rows())
    assert [s for s, n in counts.items() if n > 1] == []


def test_every_parent_exists_one_level_up() -> None:
    table = by_id()
    for row in rows():
        if row["level"] == "region":
            assert row["parent"] == "", row["id"]
            continue
        parent = table.get(row["parent"])
        assert parent is not None, row["id"]
        assert parent["country"] == row["country"], row["id"]
        expected = ("region",) if row["level"] == "raion" else ("region", "raion")
        assert parent["level"] in expected, row["id"]


def test_region_counts() -> None:
    counts = Counter((row["country"], row["level"]) for row in rows())
    assert counts[("UA", "region")] == 27
    assert counts[("RU", "region")] == 83
    assert counts[("UA", "raion")] == 136
    assert counts[("RU", "raion")] == 0
    assert counts[("UA", "settlement")] > 5000
    assert counts[("RU", "settlement")] > 5000


def test_regions_have_iso_codes_and_four_names() -> None:
    for row in rows():
        if row["level"] != "region":
            continue
        assert re.match(r"^(UA-\d\d|RU-[A-Z]{2,3})$", row["code"]), row["id"]
        assert row["code"].startswith(row["country"])
        assert row["source"] == f"iso3166-2:{row['code']}"
        for column in ("name_en", "name_fr", "name_uk", "name_ru", "lat", "lon"):
            assert row[column], (row["id"], column)


def test_contested_regions() -> None:
    contested = {row["id"] for row in rows() if row["level"] == "region" and row["status"] == "contested"}
    assert contested == {
        "ua-crimea",
        "ua-sevastopol",
        "ua-donetsk-oblast",
        "ua-luhansk-oblast",
        "ua-zaporizhzhia-oblast",
        "ua-kherson-oblast",
    }
    assert by_id()["ua-crimea"]["country"] == "UA"
    assert by_id()["ua-sevastopol"]["country"] == "UA"


def test_every_entry_has_names_and_coordinates() -> None:
    for row in rows():
        assert row["name_en"] and row["name_fr"], row["id"]
        if row["level"] != "settlement":
            assert row["name_uk"], row["id"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]
        assert row["population"] == "" or row["population"].isdigit(), row["id"]


def test_aliases_are_clean() -> None:
    for row in rows():
        if not row["aliases"]:
            continue
        aliases = row["aliases"].split("|")
        assert all(0 < len(a) <= 60 for a in aliases), row["id"]
        keys = [fold(a) for a in aliases]
        assert len(keys) == len(set(keys)), row["id"]
        names = {fold(row[c]) for c in ("name_en", "name_fr", "name_uk", "name_ru") if row[c]}
        assert not names & set(keys), row["id"]


def test_crimean_settlements_sit_in_crimea_or_sevastopol() -> None:
    for row in rows():
        if row["id"] in ("ua-simferopol", "ua-kerch", "ua-yalta", "ua-saki", "ua-dzhankoi", "ua-feodosia", "ua-yevpatoria"):
            region = row
            while region["level"] != "region":
                region = by_id()[region["parent"]]
            assert region["id"] == "ua-crimea", row["id"]
    assert by_id()["ua-balaklava"]["parent"] == "ua-sevastopol"


def _corpus_places() -> list[tuple[str, str, str]]:
    from bench import corpus

    places = []
    for country, table in (("UA", corpus._UKRAINE), ("RU", corpus._RUSSIA)):
        for region, settlements in table.items():
            places.append((country, "region", region))
            places.extend((country, "settlement", name) for name in settlements)
    return places


@pytest.mark.parametrize(("country", "kind", "name"), _corpus_places())
def test_corpus_places_resolve(country: str, kind: str, name: str) -> None:
    found = resolve(name, country)
    assert found, f"{name} ({country}) resolves to nothing"
    if kind == "region":
        assert any(row["level"] == "region" for row in found), name


def test_kyiv_is_one_entry() -> None:
    for name in ("Kyiv", "Kiev", "Київ", "Киев"):
        assert [row["id"] for row in resolve(name, "UA", "region")] == ["ua-kyiv"], name
    assert by_id()["ua-kyiv"]["kind"] == "city"
    assert not [row for row in rows() if row["level"] == "settlement" and row["name_en"] == "Kyiv"]


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Koursk", "RU", "ru-kursk"),
        ("Voronej", "RU", "ru-voronezh"),
        ("Kharkov", "UA", "ua-kharkiv"),
        ("Odessa", "UA", "ua-odesa"),
        ("Temriouk", "RU", "ru-temryuk"),
        ("Zaporozhye", "UA", "ua-zaporizhzhia"),
        ("Nikolaev", "UA", "ua-mykolaiv"),
        ("Dnipropetrovsk", "UA", "ua-dnipro"),
        ("Kirovohrad", "UA", "ua-kropyvnytskyi"),
        ("Briansk", "RU", "ru-bryansk"),
        ("Moscou", "RU", "ru-moscow"),
        ("Sébastopol", "UA", "ua-sevastopol"),
    ],
)
def test_known_spellings(name: str, country: str, expected: str) -> None:
    assert expected in {row["id"] for row in resolve(name, country)}


def test_brovary_raion() -> None:
    for name in ("Raïon de Brovary", "Brovary Raion", "Броварський район"):
        assert [row["id"] for row in resolve(name, "UA", "raion")] == ["ua-brovary-raion"], name
    assert by_id()["ua-brovary-raion"]["parent"] == "ua-kyiv-oblast"
    assert by_id()["ua-brovary"]["parent"] == "ua-brovary-raion"


def test_region_names_in_french() -> None:
    expected = {
        "ua-kharkiv-oblast": "Oblast de Kharkiv",
        "ua-odesa-oblast": "Oblast d'Odessa",
        "ua-kyiv-oblast": "Oblast de Kiev",
        "ua-crimea": "Crimée",
        "ru-krasnodar-krai": "Kraï de Krasnodar",
        "ru-tatarstan": "République du Tatarstan",
        "ru-kursk-oblast": "Oblast de Koursk",
        "ru-moscow": "Moscou",
        "ru-saint-petersburg": "Saint-Pétersbourg",
    }
    for place, name in expected.items():
        assert by_id()[place]["name_fr"] == name
