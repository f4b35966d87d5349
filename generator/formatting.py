"""Formatting of model values for readers, in one language: dates, places, figures, parties, themes.

Every function returns plain text; the templates escape it when they print it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from generator.gazetteer import Atlas, Entry, Located, shipped_gazetteer
from generator.labels import Labels
from generator.model import UNATTRIBUTED, DatePrecision, Party, Place, Quantity, When
from generator.themes import Theme
from generator.timeline import Moment
from generator.weapons import shipped_catalogue


@dataclass(frozen=True)
class Formatter:
    """Formats model values as reader-facing text in one language (plain text, escaped later)."""

    labels: Labels
    language: str
    parties: dict[str, Party]
    atlas: Atlas = field(default_factory=lambda: Atlas(shipped_gazetteer()))
    """Where each place is, for its names in the site's language."""

    def date(self, day: dt.date) -> str:
        """``31 mai 2024`` / ``31 May 2024``; French writes the first of a month ``1er mai 2024``."""
        return self._first(day, format_date(day, format="long", locale=self.language))

    def day_number(self, day: dt.date) -> str:
        """A day of the month on its own, as a calendar shows it: ``31``; ``1er`` for the first in French."""
        return self._first(day, str(day.day))

    def _first(self, day: dt.date, text: str) -> str:
        """``1 mai`` -> ``1er mai`` in French, where the first of a month is an ordinal."""
        return "1er" + text[1:] if self.language == "fr" and day.day == 1 and text.startswith("1") and not text[1:2].isdigit() else text

    def moment(self, moment: Moment) -> str:
        """When something was published, in the site's time zone: ``2 juin 2024 14:30``, or the date alone."""
        day = self.date(moment.day)
        return f"{day} {moment.local:%H:%M}" if moment.local is not None else day

    def as_of(self, moment: Moment | None) -> str | None:
        """``À jour au 3 juin 2024 08:00 (heure de Kyiv)``: a briefing's latest source; None when none says when."""
        if moment is None:
            return None
        label = self.labels.as_of_time if moment.local is not None else self.labels.as_of_day
        return str(label.format(moment=self.moment(moment)))

    def month(self, month: str) -> str:
        """``2024-05`` -> ``Mai 2024`` / ``May 2024``."""
        return str(format_date(dt.date.fromisoformat(f"{month}-01"), format="LLLL yyyy", locale=self.language)).capitalize()

    def _span_start(self, start: dt.date, end: dt.date) -> str:
        """The first day of a span, without what it shares with the last: ``30`` (au 31 mai 2024)."""
        if (start.year, start.month) == (end.year, end.month) and self.language == "fr":
            return self._first(start, format_date(start, format="d", locale=self.language))
        if start.year == end.year:
            return self._first(start, format_date(start, format="d MMMM" if self.language == "fr" else "MMMM d", locale=self.language))
        return self.date(start)

    def when(self, when: When) -> str:
        """A date with its precision and the time of day it gives, as a reader would say it."""
        text = self._day_of(when)
        if when.time is None:
            return text
        time = str(self.labels.hours.format(start=when.time, end=when.time_end)) if when.time_end else when.time
        return str(self.labels.at_time.format(date=text, time=time))

    def _day_of(self, when: When) -> str:
        labels = self.labels
        if when.precision is DatePrecision.night and when.end is not None:
            return str(labels.night_of.format(start=self._span_start(when.start, when.end), end=self.date(when.end)))
        if when.precision is DatePrecision.month:
            return format_date(when.start, format="LLLL yyyy", locale=self.language)
        if when.end is not None and when.end != when.start:
            text = str(labels.span.format(start=self._span_start(when.start, when.end), end=self.date(when.end)))
        else:
            text = self.date(when.start)
        if when.precision is DatePrecision.approximate:
            return str(labels.around.format(date=text))
        return text

    def country(self, code: str) -> str:
        """Country name from its ISO code, or the code when the catalogue has no name for it."""
        return str(self.labels.countries.get(code, code))

    def language_name(self, code: str) -> str:
        """A language's name in the site's language (``fr`` -> ``français``), or the code when Babel does not know it."""
        try:
            return str(Locale.parse(code).get_display_name(self.language) or code)
        except (ValueError, UnknownLocaleError):
            return code

    def week(self) -> tuple[int, list[str]]:
        """The first day of the week in the site's language (0 is Monday) and the days' short names from it on."""
        locale = Locale.parse(self.language)
        first, names = locale.first_week_day, locale.days["format"]["abbreviated"]
        return first, [str(names[(first + offset) % 7]) for offset in range(7)]

    def entry(self, entry: Entry) -> str:
        """A gazetteer entry's name in the site's language: ``Temriouk`` / ``Temryuk``."""
        return entry.name(self.language)

    def place(self, place: Place | Located) -> str:
        """Finest to coarsest, gazetteer names in the site's language: ``Dépôt pétrolier, Temriouk, Kraï de Krasnodar, Russie``.

        The site and the neighbourhood are the article's own words.
        """
        located = place if isinstance(place, Located) else self.atlas(place)
        names = [self.entry(entry) for entry in (located.settlement, located.raion, located.region) if entry is not None]
        parts = [part for part in (located.site, located.neighbourhood, *names) if part]
        return ", ".join([*dict.fromkeys(parts), self.country(located.country)])

    def area_of(self, located: Located) -> str:
        """The finest gazetteer name of a located place (settlement, else raion, else region), else its country."""
        finest = located.settlement or located.raion or located.region
        return self.entry(finest) if finest is not None else self.country(located.country)

    def area(self, place: Place) -> str:
        """The region a place is in, or its country when the article gives no region: how pages group places."""
        region = self.atlas(place).region
        return self.entry(region) if region is not None else self.country(place.country)

    def weapon(self, model: str) -> str:
        """A weapon model as the site names it in its language: the catalogue's name (``S-300`` for ``C-300`` or
        ``С-300``), else the model as written."""
        entry = shipped_catalogue().find(model)
        return entry.name_in(self.language) if entry is not None and entry.id is not None else model

    def number(self, number: int) -> str:
        """``1 200`` (narrow no-break space) in French, ``1,200`` in English."""
        return f"{number:,}".replace(",", "\u202f" if self.language == "fr" else ",")

    def megabytes(self, size: int) -> str:
        """A file's size for a download link: ``2,4`` (French) or ``2.4`` (English) megabytes, at least ``0,1``."""
        shown = f"{max(size / 1_000_000, 0.1):.1f}"
        return shown.replace(".", ",") if self.language == "fr" else shown

    def quantity(self, quantity: Quantity) -> str:
        """A figure exactly as precise as its source."""
        if quantity.exact is not None:
            return self.number(quantity.exact)
        if quantity.low is not None and quantity.high is not None:
            return f"{self.number(quantity.low)}–{self.number(quantity.high)}"
        assert quantity.vague is not None
        return str(self.labels.vague[quantity.vague.value])

    def foreign(self, text: str, language: str | None) -> str:
        """Plain text in another language than the site's, in quotation marks (``“Drones abattus”`` on the English
        site): where no ``lang`` mark can say it (descriptions, feeds), the marks say it is the source's words."""
        if language is None or language == self.language:
            return text
        return str(self.labels.foreign_words.format(text=text))

    def party(self, party_id: str) -> str:
        """A party's name; the reserved ``unattributed`` reads as such."""
        if party_id == UNATTRIBUTED:
            return str(self.labels.unattributed)
        return self.parties[party_id].name_in(self.language)

    def parties_list(self, party_ids: list[str]) -> str:
        """Several parties, joined."""
        return ", ".join(self.party(party_id) for party_id in party_ids)

    def theme(self, theme: Theme) -> str:
        """A theme's title: ``Attribution``, ``Frappes sur la Russie``..."""
        labels = self.labels
        if theme is Theme.attribution:
            return str(labels.attribution_title)
        if theme is Theme.sources:
            return str(labels.sources_title)
        return str(labels.direction[theme.value])
