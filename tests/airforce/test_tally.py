"""Tallies of the Air Force's figures: a count a post does not give is never made up, scopes are never added together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.airforce import AttackWave
from generator.airforce.tally import Scope, index_waves, scopes, site_category, tally
from generator.airforce.view import AirForceView
from generator.airforce.weapons import match_weapon, shipped_catalogue
from generator.catalogue import Formatter, load_labels
from generator.layout import Layout
from generator.links import Links
from generator.model import Weapon, WeaponCategory

LABELS = Path(__file__).parents[2] / "templates" / "labels"


def wave(number: int = 1, **fields: Any) -> AttackWave:
    """A valid wave; ``fields`` override its defaults (``account`` sets the posting account)."""
    account = fields.pop("account", "kpszsu")
    data: dict[str, Any] = {
        "id": f"af-2024-05-01-{number:08x}",
        "start": "2024-04-30T18:00",
        "end": "2024-05-01T08:00",
        "model": "Shahed-136/131",
        "model_as_published": "Shahed-136/131",
        "models": [{"name": "Shahed-136/131", "category": "uav", "type": "UAV", "origin": ["IR"], "catalogued": True}],
        "category": "uav",
        "type": "UAV",
        "launched": 10,
        "destroyed": 8,
        "source": {"path": f"{account}/posts/{number}", "url": f"https://www.facebook.com/{account}/posts/{number}", "account": account},
        "claimed_by": "ua-air-force",
        **fields,
    }
    return AttackWave.model_validate(data)


@pytest.fixture
def view() -> AirForceView:
    formatter = Formatter(load_labels(LABELS, "fr"), "fr", {})
    return AirForceView(Layout(), formatter, Links("index.md", Layout()))


def test_a_count_no_post_gives_is_shown_as_not_given(view: AirForceView) -> None:
    cells = view.cells(tally([wave(launched=None, destroyed=None)]))

    assert (cells.waves, cells.launched, cells.destroyed, cells.rate) == ("1", "— (non communiqué)", "— (non communiqué)", "—")


def test_a_count_some_posts_give_says_how_many_do_not(view: AirForceView) -> None:
    cells = view.cells(tally([wave(1, launched=10, destroyed=9), wave(2, launched=None, destroyed=4)]))

    assert cells.launched == "10 (1 vague(s) sans ce chiffre)"
    assert cells.destroyed == "13"
    assert cells.rate == "90\u202f%", "the rate pairs only the waves that give both counts: 9 of 10"


@pytest.mark.parametrize(("launched", "destroyed", "rate"), [(8, 7, "88\u202f%"), (200, 1, "1\u202f%"), (3, 0, "0\u202f%"), (0, 0, "—")])
def test_the_rate_is_rounded_half_up_and_never_divides_by_zero(view: AirForceView, launched: int, destroyed: int, rate: str) -> None:
    assert view.cells(tally([wave(launched=launched, destroyed=destroyed)])).rate == rate


def test_large_numbers_are_grouped_as_the_site_writes_them(view: AirForceView) -> None:
    assert view.cells(tally([wave(launched=1145, destroyed=1009)])).launched == "1\u202f145"


def test_national_and_regional_posts_are_separate_scopes() -> None:
    waves = [wave(1), wave(2, account="PvKPivden"), wave(3, account="pvkshid"), wave(4)]

    assert scopes(waves) == [Scope("national", ("kpszsu",)), Scope("regional", ("PvKPivden", "pvkshid"))]


def test_waves_are_filed_by_the_morning_they_are_reported() -> None:
    night = wave(1, start="2024-04-30T18:00", end="2024-05-01T08:00")
    day = wave(2, start="2024-05-01", end=None)

    index = index_waves([night, day])

    assert list(index.by_day) == [dt.date(2024, 5, 1)]
    assert list(index.by_month) == ["2024-05"], "a night from 30 April is reported in May"


@pytest.mark.parametrize(
    ("catalogue_type", "category", "expected"),
    [
        ("ballistic missile", "missile", WeaponCategory.ballistic_missile),
        ("cruise missile", "missile", WeaponCategory.cruise_missile),
        ("surface-to-air missile", "missile", WeaponCategory.missile),
        ("UAV", "uav", WeaponCategory.drone),
        (None, "mixed", WeaponCategory.unknown),
    ],
)
def test_catalogue_classes_map_to_the_sites_categories(catalogue_type: str | None, category: str, expected: WeaponCategory) -> None:
    from generator.airforce import Category

    assert site_category(catalogue_type, Category(category)) is expected


def test_a_north_korean_ballistic_missile_is_the_kn_23_family() -> None:
    weapon = Weapon(category=WeaponCategory.ballistic_missile, origin="KP", claimed_by=["us-dia"])

    match = match_weapon(weapon, shipped_catalogue(), ["Iskander-M", "Shahed-136/131", "Kalibr"])

    assert match.models == ["Iskander-M/KN-23", "KN-23"]
    assert match.related == ["Iskander-M"], "reported under a name the catalogue pairs with KN-23, shown apart"


def test_a_weapon_named_by_model_finds_its_catalogue_name() -> None:
    weapon = Weapon(category=WeaponCategory.missile, model="S-300", claimed_by=["unattributed"])

    assert match_weapon(weapon, shipped_catalogue(), []).models == ["C-300"]


def test_a_weapon_with_neither_model_nor_origin_concerns_no_model() -> None:
    weapon = Weapon(category=WeaponCategory.missile, claimed_by=["unattributed"])

    match = match_weapon(weapon, shipped_catalogue(), ["Kalibr"])

    assert (match.models, match.related) == ([], [])
