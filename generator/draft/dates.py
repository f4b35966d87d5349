"""When an article says something happened, in its own words, resolved against its publication day: "dans la nuit
de jeudi à vendredi", "hier", "le 11 août", "overnight on Aug. 11", "on the night of Aug. 10-11", "last night".

Each expression becomes a dating in the schema's terms (start, end for a night, precision); one that leaves room
for doubt (a weekday alone, "overnight on" a day, a year guessed across New Year) says why an editor should look.
Rules, not a model: the expressions briefs use are few and fixed, and a wrong guess must be explainable."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.model import DatePrecision

Language = str

WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
MONTHS: dict[Language, tuple[tuple[str, ...], ...]] = {
    "fr": (
        ("janvier", "janv"),
        ("février", "fevrier", "févr", "fevr"),
        ("mars",),
        ("avril", "avr"),
        ("mai",),
        ("juin",),
        ("juillet", "juil"),
        ("août", "aout"),
        ("septembre", "sept"),
        ("octobre", "oct"),
        ("novembre", "nov"),
        ("décembre", "decembre", "déc", "dec"),
    ),
    "en": (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
}


@dataclass(frozen=True)
class Dating:
    """A dating found in a sentence: the days it means, how precisely, the article's words and where they are."""

    start: dt.date
    end: dt.date | None
    precision: DatePrecision
    wording: str
    begin: int
    finish: int
    check: str | None = None
    """Why an editor should look, or None."""

    def as_schema(self) -> dict[str, str]:
        """The dating as a content file's ``when`` writes it."""
        found = {"start": self.start.isoformat()}
        if self.end is not None:
            found["end"] = self.end.isoformat()
        if self.precision is not DatePrecision.day:
            found["precision"] = self.precision.value
        return found


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _month_pattern(language: Language) -> str:
    return "(?P<month>" + _alternatives(tuple(name for names in MONTHS[language] for name in names)) + r")\.?"


def _month_number(name: str, language: Language) -> int:
    lowered = name.lower().rstrip(".")
    return next(number for number, names in enumerate(MONTHS[language], start=1) if lowered in names)


def _weekday_number(name: str, language: Language) -> int:
    return WEEKDAYS[language].index(name.lower())


def _last(weekday: int, on_or_before: dt.date) -> dt.date:
    """The latest day that is this weekday, on or before ``on_or_before``."""
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)


def _day_of(day: int, month: int, year: int | None, published: dt.date) -> tuple[dt.date, str | None] | None:
    """A day of a month; without a year, the latest such day no later than a day after publication (with a note when
    that crosses a New Year)."""
    try:
        if year is not None:
            return dt.date(year, month, day), None
        found = dt.date(published.year, month, day)
    except ValueError:
        return None
    if found > published + dt.timedelta(days=1):
        try:
            return found.replace(year=published.year - 1), "no year given: taken as the year before publication"
        except ValueError:
            return None
    return found, None


YEARS = (1900, 2100)
"""The years a dating may fall in (the content schema's): a year outside is not a dating of this war's events."""
Resolved = tuple[dt.date, dt.date | None, DatePrecision, str | None]
"""A dating's start, end (a night's or a span's), precision, and why an editor should look (or None)."""
Rule = Callable[[re.Match[str], dt.date, Language], Resolved | None]


def _night_of_weekdays(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    first, second = _weekday_number(match["first"], language), match["second"]
    if second is None:  # "dans la nuit de jeudi": the night after that day
        start = _last(first, published - dt.timedelta(days=1))
        return start, start + dt.timedelta(days=1), DatePrecision.night, None
    end = _last(_weekday_number(second, language), published)
    check = None if (first + 1) % 7 == end.weekday() else "the two days of the night are not consecutive"
    return end - dt.timedelta(days=1), end, DatePrecision.night, check


def _night_of_days(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    month = _month_number(match["month"], language)
    year = int(match["year"]) if match["year"] else None
    end = _day_of(int(match["second"]), month, year, published)
    if end is None:
        return None
    start = end[0] - dt.timedelta(days=1)
    check = end[1] if start.day == int(match["first"]) else "the two days of the night are not consecutive"
    return start, end[0], DatePrecision.night, check


def _overnight_on(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    """ "overnight on Aug. 11": the night ending that morning (how Ukrainian outlets' English briefs word it)."""
    if match["weekday"]:
        end = _last(_weekday_number(match["weekday"], language), published)
    else:
        found = _day_of(int(match["day"]), _month_number(match["month"], language), None, published)
        if found is None:
            return None
        end = found[0]
    return end - dt.timedelta(days=1), end, DatePrecision.night, "'overnight on' a day: taken as the night ending that morning"


def _relative(days_before: int, night: bool, check: str | None = None) -> Rule:
    def rule(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
        day = published - dt.timedelta(days=days_before)
        if night:
            return day - dt.timedelta(days=1), day, DatePrecision.night, check
        return day, None, DatePrecision.day, check

    return rule


def _weekday(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    day = _last(_weekday_number(match["weekday"], language), published)
    return day, None, DatePrecision.day, "a weekday alone: taken as the latest one on or before publication"


def _calendar_day(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    day = 1 if match["day"].lower() in ("1er", "1st") else int(re.sub(r"\D", "", match["day"]))
    found = _day_of(day, _month_number(match["month"], language), int(match["year"]) if match["year"] else None, published)
    return None if found is None else (found[0], None, DatePrecision.day, found[1])


def _month(match: re.Match[str], published: dt.date, language: Language) -> Resolved | None:
    """A month alone ("en janvier", "in January"): the latest such month no later than publication."""
    month, year = _month_number(match["month"], language), int(match["year"]) if match["year"] else None
    if year is None:
        year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1), None, DatePrecision.month, None


_NIGHT_ALONE = _relative(0, night=True, check="'la nuit' alone: taken as the night before publication")
""" "au cours de la nuit": the night before publication, as a brief published in the morning means it."""


def _rules(language: Language) -> list[tuple[re.Pattern[str], Rule]]:
    weekday = _alternatives(WEEKDAYS[language])
    month = _month_pattern(language)
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    if language == "fr":
        during = "(?:dans |pendant |au cours de )?"
        found: list[tuple[str, Rule]] = [
            (rf"{during}la nuit (?:du |de )(?P<first>\d{{1,2}}) (?:au |à )(?P<second>\d{{1,2}}) {month}{year}", _night_of_days),
            (rf"{during}la nuit (?:de |du )(?P<first>{weekday})(?: (?:au |à )(?P<second>{weekday}))?", _night_of_weekdays),
            (rf"{during}(?:la nuit dernière|cette nuit|la nuit précédente)", _relative(0, night=True)),
            (r"(?:dans |pendant |au cours de |durant )la nuit(?! (?:de|du|d'|d’|suivante)(?!\w))", _NIGHT_ALONE),
            (r"avant-hier", _relative(2, night=False)),
            (r"hier(?: soir| matin)?", _relative(1, night=False)),
            (r"aujourd'hui|ce matin|ce soir", _relative(0, night=False)),
            (rf"(?:le |du |au )?(?P<day>1er|\d{{1,2}}) {month}{year}", _calendar_day),
            (rf"(?:ce |le |de |du )?(?P<weekday>{weekday})(?! \d)", _weekday),
            (rf"(?:en |au mois d'|au mois de |début |fin ){month}(?:\s+(?P<year>\d{{4}}))?", _month),
        ]
    else:
        found = [
            (rf"(?:on |during )?the night of {month} (?P<first>\d{{1,2}})\s*[-–]\s*(?P<second>\d{{1,2}}){year}", _night_of_days),
            (rf"overnight (?:on )?(?:(?P<weekday>{weekday})|{month} (?P<day>\d{{1,2}}))", _overnight_on),
            (rf"(?:on )?the night (?:of |from )(?P<first>{weekday})(?: (?:to|into) (?P<second>{weekday}))?", _night_of_weekdays),
            (r"last night|overnight|during the night", _relative(0, night=True)),
            (r"the day before yesterday", _relative(2, night=False)),
            (r"yesterday(?: morning| evening| afternoon)?", _relative(1, night=False)),
            (r"today|this morning|this evening", _relative(0, night=False)),
            (rf"(?:on )?{month} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?{year}", _calendar_day),
            (rf"(?:on )?(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {month}{year}", _calendar_day),
            (rf"(?:on |last )?(?P<weekday>{weekday})", _weekday),
            (rf"(?:in |early |late ){month}(?:\s+(?P<year>\d{{4}}))?", _month),
        ]
    return [(re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), rule) for pattern, rule in found]


_RULES = {language: _rules(language) for language in WEEKDAYS}


def find_datings(sentence: str, published: dt.date, language: Language) -> list[Dating]:
    """Every dating in a sentence, in order, resolved against the publication day; where expressions overlap, the
    first rule (the more specific) wins."""
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, rule in _RULES[language]:
        for match in pattern.finditer(sentence):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            try:
                resolved = rule(match, published, language)
            except (ValueError, OverflowError):  # a day no calendar has ("en janvier 0000")
                continue
            if resolved is None or not all(YEARS[0] <= day.year <= YEARS[1] for day in resolved[:2] if day is not None):
                continue
            taken.append((match.start(), match.end()))
            start, end, precision, check = resolved
            found.append(Dating(start, end, precision, match.group(), match.start(), match.end(), check))
    return sorted(found, key=lambda dating: dating.begin)
