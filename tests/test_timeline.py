"""Time on the site: a date alone is a day in the site's time zone, a date-time an instant; only what surely came first is first."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import BriefingError
from generator.model import parse_published
from generator.timeline import KYIV, site_timezone

KYIV_SUMMER = dt.timezone(dt.timedelta(hours=3))


def test_a_date_alone_is_the_whole_day_in_kyiv() -> None:
    day = KYIV.moment(dt.date(2024, 6, 2))
    assert (day.start.isoformat(), day.end.isoformat(), day.has_time) == ("2024-06-02T00:00:00+03:00", "2024-06-03T00:00:00+03:00", False)


def test_an_instant_falls_on_its_day_in_kyiv_not_in_utc() -> None:
    late_in_utc = parse_published("2024-06-01T22:30+00:00")
    assert KYIV.day(late_in_utc) == dt.date(2024, 6, 2), "01:30 in Kyiv"


@pytest.mark.parametrize(
    ("first", "second", "ordered"),
    [
        ("2024-06-02T08:00+03:00", "2024-06-02T14:30+03:00", True),
        ("2024-06-02", "2024-06-03", True),
        ("2024-06-02", "2024-06-03T00:00+03:00", True),
        ("2024-06-02T23:59+03:00", "2024-06-03", True),
        ("2024-06-02", "2024-06-02", False),
        ("2024-06-02", "2024-06-02T08:00+03:00", False),
        ("2024-06-02T08:00+03:00", "2024-06-02", False),
        ("2024-06-02T08:00+03:00", "2024-06-02T05:00+00:00", False),
    ],
)
def test_one_publication_is_before_another_only_when_it_surely_is(first: str, second: str, ordered: bool) -> None:
    a, b = KYIV.moment(parse_published(first)), KYIV.moment(parse_published(second))
    assert a.before(b) is ordered
    assert not b.before(a) or not ordered


@pytest.mark.parametrize("text", ["2024-06-02T08:00", "2024-02-30", "12:30", "demain"])
def test_what_is_not_a_publication_moment_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        parse_published(text)


def test_an_unknown_time_zone_is_a_located_error() -> None:
    with pytest.raises(BriefingError, match=r"mkdocs\.yml: extra\.timezone: expected a time zone such as Europe/Kyiv, got 'Mars/Olympus'"):
        site_timezone("Mars/Olympus")
