"""Tallies of the Air Force's figures: a count a post does not give is never made up, scopes are never added together."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.airforce import AttackWave
from generator.airforce.formatting import AirForceFormatter
from generator.airforce.sources import Scope, parse_source
from generator.airforce.tally import Account, ScopeGroup, Tally, index_waves, owner_of, scopes, tally
from generator.formatting import Formatter
from generator.labels import load_labels

LABELS = Path(__file__).parents[2] / "templates" / "labels"


def wave(number: int = 1, **fields: Any) -> AttackWave:
    """A valid wave; ``fields`` override its defaults (``account`` sets the posting Facebook page, ``source`` the
    dataset's source cell)."""
    account = fields.pop("account", "kpszsu")
    source = parse_source(fields.pop("source", f"{account}/posts/{number}"))
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
        "source": source.model_dump(),
        **fields,
    }
    return AttackWave.model_validate(data)


@pytest.fixture
def formatter() -> AirForceFormatter:
    return AirForceFormatter(Formatter(load_labels(LABELS, "fr"), "fr", {}))


def cells(formatter: AirForceFormatter, found: Tally) -> tuple[str, str, str, str]:
    """A tally's cells as the tables print them: waves, launched, destroyed, rate."""
    return (
        formatter.base.number(found.waves),
        formatter.count(found, "launched"),
        formatter.count(found, "destroyed"),
        formatter.rate(found),
    )


def test_a_count_no_post_gives_is_shown_as_not_given(formatter: AirForceFormatter) -> None:
    shown = cells(formatter, tally([wave(launched=None, destroyed=None)]))

    assert shown == ("1", "— (non communiqué)", "— (non communiqué)", "—")


def test_a_count_some_posts_give_says_how_many_do_not(formatter: AirForceFormatter) -> None:
    _, launched, destroyed, rate = cells(formatter, tally([wave(1, launched=10, destroyed=9), wave(2, launched=None, destroyed=4)]))

    assert launched == "10 (1 vague(s) sans ce chiffre)"
    assert destroyed == "13"
    assert rate == "90\u202f%", "the rate pairs only the waves that give both counts: 9 of 10"


@pytest.mark.parametrize(("launched", "destroyed", "rate"), [(8, 7, "88\u202f%"), (200, 1, "1\u202f%"), (3, 0, "0\u202f%"), (0, 0, "—")])
def test_the_rate_is_rounded_half_up_and_never_divides_by_zero(
    formatter: AirForceFormatter, launched: int, destroyed: int, rate: str
) -> None:
    assert formatter.rate(tally([wave(launched=launched, destroyed=destroyed)])) == rate


def test_large_numbers_are_grouped_as_the_site_writes_them(formatter: AirForceFormatter) -> None:
    assert formatter.count(tally([wave(launched=1145, destroyed=1009)]), "launched") == "1\u202f145"


def test_national_and_regional_posts_are_separate_scopes() -> None:
    waves = [wave(1), wave(2, account="PvKPivden"), wave(3, account="pvkshid"), wave(4)]

    assert scopes(waves) == [
        ScopeGroup(Scope.national, ("ua-air-force",), {"ua-air-force": (Account("facebook", "kpszsu"),)}),
        ScopeGroup(
            Scope.regional,
            ("ua-air-command-south", "ua-air-command-east"),
            {"ua-air-command-south": (Account("facebook", "PvKPivden"),), "ua-air-command-east": (Account("facebook", "pvkshid"),)},
        ),
    ]


def test_every_national_owner_counts_in_the_national_tally_on_any_platform() -> None:
    """The Air Force's Telegram channel, the General Staff and the Commander-in-Chief are national reports."""
    waves = [
        wave(1, source="t.me/kpszsu/4321", launched=10),
        wave(2, source="https://t.me/s/kpszsu/4322", launched=20),
        wave(3, source="GeneralStaff.ua/posts/pfbid0abc", launched=30),
        wave(4, source="CinC.AFU/posts/pfbid0def", launched=40),
        wave(5, account="PvKPivden", launched=500),
        wave(6, source="https://t.me/war_monitor/1", launched=600),
        wave(7, source="some.channel/posts/1", launched=700),
    ]
    national, regional, other = scopes(waves)

    assert national.claimants == ("ua-air-force", "ua-general-staff", "ua-commander-in-chief")
    assert tally(w for w in waves if owner_of(w).scope is Scope.national).launched == 100
    assert (regional.scope, regional.claimants) == (Scope.regional, ("ua-air-command-south",))
    assert (other.scope, other.claimants) == (Scope.other, ("channel-war-monitor", "unidentified-source"))


def test_waves_are_filed_by_the_morning_they_are_reported() -> None:
    night = wave(1, start="2024-04-30T18:00", end="2024-05-01T08:00")
    day = wave(2, start="2024-05-01", end=None)

    index = index_waves([night, day])

    assert list(index.by_day) == [dt.date(2024, 5, 1)]
    assert list(index.by_month) == ["2024-05"], "a night from 30 April is reported in May"


def test_a_night_of_jammed_drones_shows_shot_down_and_neutralised_apart(formatter: AirForceFormatter) -> None:
    """A post: about 730 drones launched, 300 shot down, over 400 lost to jamming. Shot down alone is 41 %."""
    night = tally([wave(launched=730, destroyed=300, not_reach_goal=400)])
    assert formatter.count(night, "lost") == "400"
    assert formatter.rate(night) == "41\u202f%"
    assert formatter.rate(night, "neutralised") == "96\u202f%"


def test_a_wave_whose_post_contradicts_itself_is_counted_as_published_and_kept_out_of_the_rates(
    formatter: AirForceFormatter,
) -> None:
    found = tally([wave(1, launched=2, destroyed=4), wave(2, launched=10, destroyed=8)])
    assert (found.launched, found.destroyed, found.inconsistent) == (12, 12, 1)
    assert formatter.rate(found) == "80\u202f% (sans 1 vague(s) aux chiffres contradictoires)"
    alone = tally([wave(launched=2, destroyed=4)])
    assert formatter.rate(alone) == "— (sans 1 vague(s) aux chiffres contradictoires)", "never a rate over 100 %"
    lost_too = tally([wave(launched=10, destroyed=8, not_reach_goal=5)])
    assert lost_too.inconsistent == 1 and lost_too.rate is None
