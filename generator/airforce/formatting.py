"""The Air Force's figures and names as readers see them: counts never more precise than the posts, rates, accounts.

The table cells are Jinja filters (``af_count``, ``af_rate``, ``af_category``)
the templates apply to each row's :class:`~generator.airforce.tally.Tally` and category.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from babel.dates import format_date

from generator.airforce.model import AttackWave, inconsistent, parse_moment
from generator.airforce.tally import Account, ScopeGroup, Tally
from generator.formatting import Formatter
from generator.model import WeaponCategory


class AirForceFormatter:
    """Formats the Air Force's values in the site's language, on top of the site's :class:`Formatter`."""

    def __init__(self, base: Formatter) -> None:
        self.base = base
        self.labels = base.labels

    def count(self, found: Tally, which: str) -> str:
        """``launched``, ``destroyed``, ``lost`` or ``still`` (in the air) of a tally: the sum, saying how many waves do
        not give it; "not given" if none does."""
        value, missing = {
            "launched": (found.launched, found.launched_missing),
            "destroyed": (found.destroyed, found.destroyed_missing),
            "lost": (found.lost, found.lost_missing),
            "still": (found.still, found.still_missing),
        }[which]
        if missing == found.waves:
            return str(self.labels.airforce_not_given)
        text = self.base.number(value)
        return f"{text} ({self.labels.airforce_partial.format(count=missing)})" if missing else text

    def rate(self, found: Tally, which: str = "shot_down") -> str:
        """The ``shot_down`` or ``neutralised`` rate, rounded half up to a whole percent; the no-figure mark when no
        consistent wave gives launched and destroyed; the waves left out for contradicting figures said."""
        rate = found.rate if which == "shot_down" else found.neutralised_rate
        text = str(self.labels.no_figure)
        if rate is not None:
            whole = (200 * rate.numerator + rate.denominator) // (2 * rate.denominator)
            text = str(self.labels.airforce_percent.format(value=whole))
        if found.inconsistent:
            text += " " + str(self.labels.airforce_inconsistent.format(count=found.inconsistent))
        return text

    def contradiction(self, wave: AttackWave) -> str | None:
        """What a post gives that cannot all be true, said as the post's inconsistency; None when its figures hold."""
        if inconsistent(wave.launched, wave.destroyed, wave.not_reach_goal) is None:
            return None
        number = self.base.number
        counts = {"model": wave.model, "launched": number(wave.launched or 0), "destroyed": number(wave.destroyed or 0)}
        if (wave.destroyed or 0) > (wave.launched or 0):
            return str(self.labels.airforce_contradiction.format(**counts))
        return str(self.labels.airforce_contradiction_lost.format(**counts, lost=number(wave.not_reach_goal or 0)))

    def category(self, category: WeaponCategory) -> str:
        """A category's label, capitalised for a table cell."""
        return str(self.labels.category[category.value]).capitalize()

    def account(self, account: Account) -> str:
        """An account as readers find it: ``Facebook PvKPivden``, ``Telegram @kpszsu``, ``gur.gov.ua``."""
        if not account.name:
            return str(self.labels.airforce_account_unknown)
        return str(self.labels.airforce_platform[account.platform].format(account=account.name))

    def owner_accounts(self, owner_id: str, accounts: tuple[Account, ...]) -> str:
        """An owner with the accounts it posted from: ``Commandement aérien Sud (Facebook PvKPivden)``."""
        listed = ", ".join(self.account(account) for account in accounts)
        return str(self.labels.qualified.format(name=self.base.party(owner_id), qualifier=listed))

    def scope_heading(self, group: ScopeGroup) -> tuple[str, str]:
        """A scope's heading and the sentence naming the owners and accounts it adds up."""
        owners = "; ".join(self.owner_accounts(owner, group.accounts[owner]) for owner in group.claimants)
        return str(self.labels.airforce_scope[group.scope.value]), str(self.labels.airforce_adds_up.format(accounts=owners))

    def month_tick(self, month: str, first: bool, many: bool) -> tuple[str | None, str | None]:
        """How a time axis labels a month: its short name (``mai``) unless there are ``many``, and its year under
        January and under the first column (unless, among many, the first is too close to a January to leave room)."""
        day = dt.date.fromisoformat(f"{month}-01")
        tick = None if many else str(format_date(day, format="LLL", locale=self.base.language)).rstrip(".")
        if many and day.month in (4, 7, 10):
            tick = ""
        major = str(day.year) if day.month == 1 or (first and not (many and day.month > 6)) else None
        return tick, major

    def night_tick(self, day: dt.date, first: bool, many: bool) -> tuple[str | None, str | None]:
        """How a time axis labels a night: its day (every one, or the 1st, 5th, 10th… when there are ``many``), and
        its month under the 1st and the first column."""
        tick = str(day.day) if not many or day.day in (1, 5, 10, 15, 20, 25) else None
        major = str(format_date(day, format="LLL", locale=self.base.language)).rstrip(".") if day.day == 1 or first else None
        if first and many and day.day > 24:
            major = None
        return tick, major

    def moment(self, text: str) -> str:
        """``2024-05-31T08:00`` -> ``31 mai 2024 08:00``."""
        moment = parse_moment(text)
        if isinstance(moment, dt.datetime):
            return f"{self.base.date(moment.date())} {moment:%H:%M}"
        return self.base.date(moment)

    def covers(self, waves: list[AttackWave]) -> str:
        """The time a post's waves cover: ``30 mai 2024 18:00 – 31 mai 2024 08:00``, ``31 mai 2024, 08:00``."""
        start = min(wave.start for wave in waves)
        end = max(wave.end or wave.start for wave in waves)
        if start[:10] != end[:10]:
            return str(self.labels.time_span.format(start=self.moment(start), end=self.moment(end)))
        times = list(dict.fromkeys(moment[11:] for moment in (start, end) if len(moment) > 10))
        day = self.base.date(dt.date.fromisoformat(start[:10]))
        return f"{day}, {'–'.join(times)}" if times else day

    def period(self, days: list[dt.date]) -> str:
        """The span of report days the imported waves cover, or nothing when there are none."""
        return str(self.labels.time_span.format(start=self.base.date(days[0]), end=self.base.date(days[-1]))) if days else ""

    def filters(self) -> dict[str, Callable[..., Any]]:
        """The filters the Air Force's templates format figures with."""
        return {"af_count": self.count, "af_rate": self.rate, "af_category": self.category}
