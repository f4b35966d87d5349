"""The typed content model: what an editor can say about a source article.

The design borrows from conflict-event codebooks (ACLED, UCDP GED): every
event is one record with a stable id, a dated and located occurrence, the
means used, the outcome, and figures that always carry *who claims them*.
Figures are never invented: a number stays a number, a range a range, and a
vague quantity ("plusieurs") stays vague.

Each class documents its fields where they are declared; the README's schema
reference is checked against these declarations by the test suite.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator
from pydantic import Strict as StrictType

UNION_TAG = "one-of-"
"""How the members of a field that takes one of several shapes are tagged; errors leave the tag out of their field path."""

MAX_TEXT = 50_000
"""Longest string accepted in any text field, in characters."""

MAX_TAKEAWAYS = 30
"""Most key takeaways an article may have: a briefing shows them all on the first screens."""
MAX_RECORDS = 500
"""Most attribution claims, and most strikes, one article may report (a long live blog has a few dozen)."""
MAX_ITEMS = 100
"""Most items of any other list of a record: quotes, evidence, notes, context, figures of one kind."""

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$"
"""Ids are lowercase ASCII slugs: they become anchors and file names."""

RESERVED_IDS = frozenset({"con", "prn", "aux", "nul", "index", "search", "assets", "sitemap"})
UNATTRIBUTED = "unattributed"
"""Reserved party id: the article states the fact without naming who says so."""


def check_id(value: str) -> str:
    if not re.match(ID_PATTERN, value):
        raise ValueError("expected an id of lowercase letters, digits and inner hyphens (at most 80 characters)")
    if value in RESERVED_IDS or re.match(r"^(com|lpt)[0-9]$", value):
        raise ValueError("expected an id that is not a reserved name (a page, folder or device name)")
    return value


ID_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": ID_PATTERN, "not": {"enum": sorted(RESERVED_IDS)}},
        {"type": "integer", "minimum": 0},
    ]
}
"""What the editors' JSON Schema says of an id (a number is read as its digits)."""


def _id_of(value: Any) -> Any:
    """An id as written: text, or a number read as its digits (``2024``), which must make an id too (not ``12.5``)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = getattr(value, "source", str(value))
    return check_id(value) if isinstance(value, str) else value


Id = Annotated[str, Field(max_length=80), BeforeValidator(_id_of), WithJsonSchema(ID_SCHEMA)]


def _one_or_more(value: Any) -> Any:
    """One party id, or a list of them: ``claimed_by: ua-authorities`` is ``claimed_by: [ua-authorities]``."""
    return [value] if isinstance(value, str) else value


Claimants = Annotated[
    list[Id],
    Field(min_length=1),
    BeforeValidator(_one_or_more),
    WithJsonSchema({"anyOf": [ID_SCHEMA, {"type": "array", "items": ID_SCHEMA, "minItems": 1}]}),
]
"""Who gives a figure: one party id, or several when they give the same value."""

AnyClaimants = Annotated[
    list[Id], BeforeValidator(_one_or_more), WithJsonSchema({"anyOf": [ID_SCHEMA, {"type": "array", "items": ID_SCHEMA}]})
]
"""Who says something that may be left unsaid: one party id, a list of them, or none."""

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""The years a date in the content may have: one outside is a typo (``2204`` for ``2024``), and would not survive the
build's formats (a gzip time stamp ends in 2106)."""

WholeNumber = Annotated[int, StrictType(), Field(ge=0)]
"""A count: a whole number as written, never ``true`` or ``1e3``."""

Flag = Annotated[bool, StrictType()]
"""``true`` or ``false`` as written, never ``1`` or ``1.0``."""


def plausible_year(day: dt.date) -> dt.date:
    """``day`` (a date or date-time), if its year is one the content may have."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {day.year}")
    return day


def parse_day(value: Any) -> dt.date:
    """A day written ``YYYY-MM-DD`` (never a number, never a time)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return plausible_year(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("expected a date YYYY-MM-DD") from None
        return plausible_year(day)
    raise ValueError("expected a date YYYY-MM-DD")


DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
Day = Annotated[dt.date, BeforeValidator(parse_day), WithJsonSchema({"type": "string", "pattern": DAY_PATTERN})]

PUBLISHED_EXPECTED = "a date YYYY-MM-DD, or a date and time with its UTC offset such as 2024-08-11T14:30+03:00"


def parse_published(value: Any) -> dt.date | dt.datetime:
    """A publication date (a day in the site's time zone), or a date-time, which must carry its UTC offset."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        return plausible_year(value)
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"expected {PUBLISHED_EXPECTED}") from None
        return plausible_year(day)
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", value.strip()):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"expected {PUBLISHED_EXPECTED}") from None
    else:
        raise ValueError(f"expected {PUBLISHED_EXPECTED}")
    if moment.tzinfo is None:
        raise ValueError("a publication time needs its UTC offset, e.g. 2024-08-11T14:30+03:00 (or give the date alone)")
    plausible_year(moment)
    return moment


Published = Annotated[
    dt.date | dt.datetime,
    BeforeValidator(parse_published),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z))?$"}),
]


def _as_written(value: Any) -> Any:
    """A number given where text is expected is kept as it was written (``1.50``, not ``1.5``)."""
    return getattr(value, "source", value)


Text = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TEXT),
    BeforeValidator(_as_written),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1, "maxLength": MAX_TEXT}, {"type": "number"}]}),
]
"""Free text; a number written where text is expected is read as written (quote text anyway: see the README)."""
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class Strict(BaseModel):
    """Base for every content class: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Direction(StrEnum):
    """Which way a strike goes."""

    on_russia = "on_russia"
    on_ukraine = "on_ukraine"


class DatePrecision(StrEnum):
    """How precisely the article dates an event."""

    day = "day"
    night = "night"
    approximate = "approximate"
    month = "month"


class PlacePrecision(StrEnum):
    """The finest level at which the article locates an event."""

    site = "site"
    neighbourhood = "neighbourhood"
    district = "district"
    settlement = "settlement"
    raion = "raion"
    region = "region"
    country = "country"


class Vague(StrEnum):
    """Quantities reported without a number, kept as reported."""

    none = "none"
    some = "some"
    several = "several"
    many = "many"
    dozens = "dozens"
    all = "all"
    unknown = "unknown"


class WeaponCategory(StrEnum):
    """Broad classes of weapon, used for tallies."""

    drone = "drone"
    cruise_missile = "cruise_missile"
    ballistic_missile = "ballistic_missile"
    missile = "missile"
    guided_bomb = "guided_bomb"
    artillery = "artillery"
    unknown = "unknown"


class Outcome(StrEnum):
    """What happened to a target, in the order it happened."""

    hit = "hit"
    damaged = "damaged"
    destroyed = "destroyed"
    fire = "fire"
    fire_contained = "fire_contained"
    debris = "debris"
    """Debris of a downed drone or missile fell on it."""
    no_damage = "no_damage"
    """It was not damaged (said of a target aimed at, or one that debris fell on)."""
    intercepted = "intercepted"
    repelled = "repelled"
    unknown = "unknown"


DAMAGE = frozenset({Outcome.damaged, Outcome.destroyed, Outcome.fire, Outcome.fire_contained})
"""Outcomes that contradict ``no_damage`` in one report of one target."""


class ClaimStatus(StrEnum):
    """Where an attribution claim stands, and according to whom."""

    alleged = "alleged"
    confirmed = "confirmed"
    denied = "denied"
    disputed = "disputed"
    withdrawn = "withdrawn"
    """The party took back a claim it had made."""


class FigureStatus(StrEnum):
    """Whether a figure still stands, or a later report has replaced or taken it back."""

    current = "current"
    superseded = "superseded"
    withdrawn = "withdrawn"


class PartyKind(StrEnum):
    """What sort of body a party is."""

    state = "state"
    government = "government"
    military = "military"
    intelligence = "intelligence"
    local_authority = "local_authority"
    media = "media"
    other = "other"


@dataclass(frozen=True)
class Quantity:
    """A count as reported: exact, a range, or a vague word. Never more precise than the source."""

    exact: int | None = None
    low: int | None = None
    high: int | None = None
    vague: Vague | None = None

    @property
    def upper(self) -> int | None:
        """The largest number this quantity can mean, if it is a number at all."""
        return self.exact if self.exact is not None else self.high

    @property
    def lower(self) -> int | None:
        """The smallest number this quantity can mean, if it is a number at all."""
        return self.exact if self.exact is not None else self.low


QUANTITY_EXPECTED = "a whole number, a range {min: N, max: M} or one of: " + ", ".join(v.value for v in Vague)


QUANTITY_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {
            "type": "object",
            "properties": {"min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 0}},
            "required": ["min", "max"],
            "additionalProperties": False,
        },
        {"enum": [vague.value for vague in Vague]},
    ]
}
"""What the editors' JSON Schema says of a figure's value."""


def parse_quantity(value: Any) -> Quantity:
    """Turn the YAML form of a figure's value into a :class:`Quantity`."""
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool):
        raise ValueError(f"expected {QUANTITY_EXPECTED}, got {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"expected a count of zero or more, got {value}")
        return Quantity(exact=value)
    if isinstance(value, dict) and set(value) == {"min", "max"}:
        low, high = value["min"], value["max"]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (low, high)):
            raise ValueError(f"expected whole numbers for min and max, got {low!r} and {high!r}")
        if low >= high:
            raise ValueError(f"expected min below max, got min {low} and max {high}")
        return Quantity(low=low, high=high)
    if isinstance(value, str) and value in Vague.__members__:
        return Quantity(vague=Vague(value))
    raise ValueError(f"expected {QUANTITY_EXPECTED}, got {value!r}")


LANGUAGE_PATTERN = r"^[a-z]{2}$"
Language = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
"""An ISO 639-1 language code: ``fr``, ``en``."""

Names = Annotated[dict[Language, Text], Field(min_length=1)]
"""A name per language: ``{fr: Ministère russe de la Défense, en: Russian Ministry of Defence}``."""


def _per_language(value: Any) -> Any:
    """One name for every language (the older form), or a name per language."""
    return {"*": value} if isinstance(value, str) else value


PartyNames = Annotated[
    dict[Annotated[str, Field(pattern=r"^([a-z]{2}|\*)$")], Text],
    Field(min_length=1),
    BeforeValidator(_per_language),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "minProperties": 1,
                    "patternProperties": {"^[a-z]{2}$": {"type": "string", "minLength": 1}},
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
"""A party's names by language; ``*`` holds the one name of the older form."""


class Party(Strict):
    """Someone who claims, accuses, is accused or reports: a ministry, an agency, local authorities."""

    id: Id = Field(description="Stable id, referenced by `claimed_by`, `claimant`, `accused`, `via`, `speaker`, `by`.")
    name: PartyNames = Field(
        description="Name as shown to readers, per site language: `{fr: Ministère russe de la Défense, en: Russian Ministry of Defence}`; "
        "a single name (the older form) is shown in every language."
    )

    def name_in(self, language: str) -> str:
        """The party's name in ``language``; else its one name, else English, else the first given."""
        return self.name.get(language) or self.name.get("*") or self.name.get("en") or next(iter(self.name.values()))

    kind: PartyKind = Field(description="One of state, government, military, intelligence, local_authority, media, other.")
    country: CountryCode | None = Field(default=None, description="ISO 3166 two-letter code of the party's country.")


class PlaceAddition(Strict):
    """A settlement the shipped gazetteer lacks, added by the editors in `content/places.yaml`."""

    id: Id | None = Field(
        default=None, description="Stable id; by default `<country>-<English name>` (`ua-novyi-bykiv`). Never change it once published."
    )
    name: Names = Field(description="Its name per language, at least one: `{fr: Novyï Bykiv, en: Novyi Bykiv, uk: Новий Биків}`.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings editors or readers use.")
    country: CountryCode = Field(description="ISO 3166 two-letter code: `UA` or `RU`.")
    parent: Text = Field(description="The raion or region it lies in, by any name or id: `Oblast de Tchernihiv`, `ua-chernihiv-oblast`.")
    lat: Annotated[float, Field(ge=-90, le=90)] = Field(description="Latitude, decimal degrees (WGS 84).")
    lon: Annotated[float, Field(ge=-180, le=180)] = Field(description="Longitude, decimal degrees (WGS 84).")


class PlacesFile(Strict):
    """`content/places.yaml` (optional): settlements added to the shipped gazetteer."""

    places: list[PlaceAddition] = Field(description="Each added settlement.")


class PartiesFile(Strict):
    """`content/parties.yaml`: the registry of parties shared by every article."""

    parties: list[Party] = Field(description="Every party that articles refer to.")


class Figure(Strict):
    """One claimed value of one quantity. Contested figures are several of these side by side."""

    value: Annotated[Quantity, WithJsonSchema(QUANTITY_SCHEMA)] = Field(description=f"The quantity: {QUANTITY_EXPECTED}.")
    claimed_by: Claimants = Field(
        description="Party id of whoever gives this figure (`unattributed` if the article names no one); "
        "a list when several parties give the same value: one figure, several claimants."
    )
    person: Text | None = Field(
        default=None,
        description="The person who gives it for the claimant, as the article names them: `Viatcheslav Gladkov, gouverneur`.",
    )
    wording: Text | None = Field(default=None, description="The article's own words for it, e.g. `plusieurs blessés`.")
    category: WeaponCategory | None = Field(default=None, description="For launch/interception counts: what was counted.")
    area: Text | None = Field(
        default=None,
        description="The area the figure covers when it is not the strike's place alone, in the article's words: "
        "`au-dessus de cinq régions`, `visant la capitale`.",
    )
    note: Text | None = Field(default=None, description="Any qualification the article gives.")
    status: FigureStatus = Field(
        default=FigureStatus.current,
        description="`superseded` once a later report corrects this figure, `withdrawn` once the claimant takes it back: "
        "it then no longer counts, whatever the publication times say. Default `current`.",
    )

    model_config = ConfigDict(arbitrary_types_allowed=True)

    @field_validator("value", mode="before")
    @classmethod
    def _parse_value(cls, value: Any) -> Quantity:
        return parse_quantity(value)


class OtherFigure(Figure):
    """A figure the article gives that no other field holds (homes without power, buildings damaged), with what it counts."""

    what: Text = Field(
        description="What is counted, in the article's language: `immeubles endommagés`; reports of one event that word it "
        "the same way are compared side by side."
    )


TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


def parse_time(value: Any) -> str:
    """A time of day ``HH:MM``, 24-hour (``"04:35"``); an unquoted ``04:35`` is the same text to this loader, but
    other YAML readers take it for a number in base 60, hence the quotes the README asks for."""
    if isinstance(value, str) and re.fullmatch(TIME_PATTERN, value.strip()):
        return value.strip()
    raise ValueError('expected a time of day "HH:MM", 24-hour, in quotes (e.g. "04:35")')


Time = Annotated[str, BeforeValidator(parse_time), WithJsonSchema({"type": "string", "pattern": TIME_PATTERN})]
"""A time of day as the article gives it."""


class When(Strict):
    """When an event happened, and how precisely the article says so."""

    start: Day = Field(description="First (or only) day, `YYYY-MM-DD`; for `month` precision, the 1st of the month.")
    end: Day | None = Field(default=None, description="Last day, for a night or a span; omitted for a single day.")
    precision: DatePrecision = Field(
        default=DatePrecision.day, description="day, night (start evening to end morning), approximate, or month."
    )
    time: Time | None = Field(
        default=None, description='Time of day the article gives, local time at the place, `"04:35"` (24-hour, in quotes).'
    )
    time_end: Time | None = Field(default=None, description='When it ended, for an attack that lasted (`"06:10"`); needs `time`.')
    note: Text | None = Field(default=None, description="How the date was established, when the article does not state it.")

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day this dating allows: the whole month for ``month`` precision."""
        if self.precision is DatePrecision.month:
            last = calendar.monthrange(self.start.year, self.start.month)[1]
            return self.start.replace(day=1), self.start.replace(day=last)
        return self.start, self.end or self.start

    def days_from(self, other: When) -> int:
        """How many days lie between the two datings (0 when they overlap or touch)."""
        (first, last), (other_first, other_last) = self.span, other.span
        return max(0, (other_first - last).days, (first - other_last).days)

    @model_validator(mode="after")
    def _consistent(self) -> When:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.precision is DatePrecision.night and (self.end is None or (self.end - self.start).days != 1):
            raise ValueError("a night needs an end date the day after its start")
        if self.time_end is not None and self.time is None:
            raise ValueError("time_end is given without time")
        if self.precision is DatePrecision.month and self.time is not None:
            raise ValueError("a time of day needs a day, not a month")
        return self


class Place(Strict):
    """Where something happened, from the finest level the article gives to the country."""

    site: Text | None = Field(default=None, description="A named facility or building, e.g. an oil depot.")
    neighbourhood: Text | None = Field(default=None, description="A quarter of the settlement (free text), e.g. Novobavarsky in Kharkiv.")
    district: Text | None = Field(
        default=None,
        description="Older form: a neighbourhood when a settlement is given, else a raion. Prefer `neighbourhood` or `raion`.",
    )
    settlement: Text | None = Field(default=None, description="City, town or village, by any name the gazetteer knows (or its id).")
    raion: Text | None = Field(default=None, description="Raion: a district of an oblast (Brovary Raion), by any name the gazetteer knows.")
    region: Text | None = Field(
        default=None,
        description="First-level region (oblast, krai, republic; Kyiv, Sevastopol), by any name; found from the settlement if left out.",
    )
    country: CountryCode = Field(description="ISO 3166 two-letter country code.")
    precision: PlacePrecision = Field(
        description="The finest level the article gives: site, neighbourhood, settlement, raion, region, country (`district`: older form).",
    )

    @model_validator(mode="after")
    def _precise_enough(self) -> Place:
        if self.precision is not PlacePrecision.country and getattr(self, self.precision.value) is None:
            raise ValueError(f"precision is '{self.precision.value}' but no {self.precision.value} is given")
        return self


LaunchPlaces = Annotated[
    Annotated[Place, Tag(f"{UNION_TAG}place")] | Annotated[list[Place], Tag(f"{UNION_TAG}places")],
    Discriminator(lambda value: f"{UNION_TAG}{'places' if isinstance(value, list | tuple) else 'place'}"),
]
"""One launch place, or several: a list is read as several places, anything else as one (each shape's errors its own)."""


class Weapon(Strict):
    """A weapon the article says was used."""

    category: WeaponCategory = Field(description="drone, cruise_missile, ballistic_missile, missile, guided_bomb, artillery, unknown.")
    model: Text | None = Field(default=None, description="Model as named in the article, e.g. `Neptune`, `S-300`.")
    origin: CountryCode | None = Field(default=None, description="Country that produced it, when the article says.")
    claimed_by: Claimants = Field(description="Party id (or ids) of whoever says this weapon was used.")
    status: FigureStatus = Field(
        default=FigureStatus.current,
        description="`superseded` or `withdrawn` when a later report corrects or takes back this claim (as for figures).",
    )


class Target(Strict):
    """What a strike hit or aimed at, and what happened to it."""

    what: Text = Field(description="What was hit or aimed at, e.g. `immeuble de cinq étages`.")
    outcome: list[Outcome] = Field(
        min_length=1,
        description="What happened, in order: hit, damaged, destroyed, fire, fire_contained, debris (debris fell on it), "
        "no_damage, intercepted, repelled, unknown.",
    )
    claimed_by: Claimants = Field(description="Party id (or ids) of whoever reports it.")
    person: Text | None = Field(default=None, description="The person who says so for the claimant, as the article names them.")
    details: Text | None = Field(default=None, description="Further facts the article gives about it.")
    status: FigureStatus = Field(
        default=FigureStatus.current,
        description="`superseded` or `withdrawn` when a later report corrects or takes back this claim (as for figures).",
    )

    @model_validator(mode="after")
    def _coherent(self) -> Target:
        if Outcome.no_damage in self.outcome and (damage := [outcome.value for outcome in self.outcome if outcome in DAMAGE]):
            raise ValueError(f"outcome no_damage contradicts {', '.join(damage)}: one target, one report")
        return self


class Counts(Strict):
    """Munitions launched and intercepted, each a list of claimed figures."""

    launched: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS, description="How many were launched, per claimant.")
    intercepted: list[Figure] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="How many were intercepted or 'neutralised', per claimant."
    )


class Casualties(Strict):
    """People killed and injured, each a list of claimed figures."""

    killed: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS, description="People killed, per claimant.")
    injured: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS, description="People injured, per claimant.")
    seriously_injured: list[Figure] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Of the injured, how many are seriously injured (in a serious or critical condition), per claimant.",
    )
    missing: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS, description="People missing, per claimant.")
    rescued: list[Figure] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="People rescued (from rubble, a fire), per claimant."
    )
    evacuated: list[Figure] = Field(default_factory=list, max_length=MAX_ITEMS, description="People evacuated, per claimant.")
    who: Text | None = Field(default=None, description="Who the victims were, e.g. `employés du dépôt`.")


class Strike(Strict):
    """One strike or attack wave, on Russia or on Ukraine."""

    id: Id = Field(description="Stable id, unique across all content; it becomes the record's anchor.")
    direction: Direction = Field(description="on_russia or on_ukraine.")
    headline: Text = Field(description="One-line description of the event in your own words.")
    when: When = Field(description="Date and its precision.")
    where: Place = Field(description="Place and its precision.")
    reported_by: Claimants = Field(description="Party id (or ids) of whoever reports the strike itself.")
    weapons: list[Weapon] = Field(default_factory=list, description="Weapons said to have been used.")
    launched_from: LaunchPlaces | None = Field(
        default=None, description="Where the weapons were launched from: one place, or a list when the article gives several."
    )
    launched_from_claimed_by: AnyClaimants = Field(
        default_factory=list, description="Party id (or ids) of whoever says where they were launched from."
    )
    targets: list[Target] = Field(default_factory=list, description="What was hit or aimed at, with outcomes.")
    counts: Counts = Field(default_factory=Counts, description="Launched and intercepted figures.")
    casualties: Casualties = Field(
        default_factory=Casualties, description="Killed, injured, seriously injured, missing, rescued and evacuated figures."
    )
    figures: list[OtherFigure] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Other figures the article gives, each with what it counts and who claims it: "
        "`{what: logements privés d'électricité, value: 1200, claimed_by: ua-oblast-administration}`.",
    )
    notes: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS, description="Other facts the article reports about this strike.")
    same_as: Id | None = Field(
        default=None,
        description="Id of a strike from another article reporting the same event: the reports become one event, "
        "filed with the report the links lead to, counted once.",
    )

    @property
    def launch_places(self) -> list[Place]:
        """Where the weapons were launched from, each place the article gives."""
        if self.launched_from is None:
            return []
        return [self.launched_from] if isinstance(self.launched_from, Place) else list(self.launched_from)

    @model_validator(mode="after")
    def _launch_place_is_sourced(self) -> Strike:
        if self.launched_from is not None and not self.launched_from_claimed_by:
            raise ValueError("launched_from is given but launched_from_claimed_by is empty")
        return self


class Evidence(Strict):
    """Evidence given for an attribution claim."""

    description: Text = Field(description="What the evidence is, in your own words.")
    when: When | None = Field(default=None, description="When it was found or produced.")
    where: Place | None = Field(default=None, description="Where it was found.")


class Quote(Strict):
    """A direct quote, exactly as the article quotes it."""

    speaker: Id = Field(description="Party id of who said it: the institution they speak for.")
    person: Text | None = Field(
        default=None, description="The person speaking, as the article names them: `Alexandre Smirnov, gouverneur`, `un porte-parole`."
    )
    text: Text = Field(description="The quoted words, verbatim from the article.")
    language: Language | None = Field(
        default=None, description="The language of `text`, when it is not the article's (a quote left in English in a French article)."
    )
    translation: Names | None = Field(
        default=None,
        description="The quote translated, per language: `{fr: ...}`; the site shows it under the quote in its own language. "
        "Say who translated in `medium` if the article does not.",
    )
    medium: Text | None = Field(default=None, description="Where it was said, e.g. `communiqué`.")


class StatusEntry(Strict):
    """One party's position on an attribution claim."""

    status: ClaimStatus = Field(description="alleged, confirmed, denied, disputed, or withdrawn (the party takes back its claim).")
    by: Id = Field(description="Party id holding that position.")


class Attribution(Strict):
    """An attribution claim: who accuses whom of what, on what evidence."""

    id: Id = Field(description="Stable id, unique across all content; it becomes the record's anchor.")
    headline: Text = Field(description="One-line description of the claim in your own words.")
    claimant: Id = Field(description="Party id of who makes the claim.")
    via: list[Id] = Field(default_factory=list, description="Party ids through which the claim was made public.")
    accused: Id = Field(description="Party id of who is accused.")
    claim: Text = Field(description="What is claimed.")
    weapons: list[Weapon] = Field(default_factory=list, description="Weapons the claim is about.")
    strikes: list[Id] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Ids of the strikes the claim concerns (of this article or another): the card links to their events.",
    )
    evidence: list[Evidence] = Field(default_factory=list, max_length=MAX_ITEMS, description="Evidence given for the claim.")
    quotes: list[Quote] = Field(default_factory=list, max_length=MAX_ITEMS, description="Direct quotes, with their speaker.")
    status: list[StatusEntry] = Field(min_length=1, description="Each party's position: alleged by, confirmed by, denied by.")
    context: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS, description="Context the article gives around the claim.")
    same_as: Id | None = Field(
        default=None,
        description="Id of a claim from another article reporting the same allegation: the reports become one record.",
    )


class Takeaway(Strict):
    """A key takeaway that sums up some of the article's records: on a briefing it stands with their event, beside
    what other articles took away from it."""

    text: Text = Field(description="The takeaway, one line.")
    records: list[Id] = Field(min_length=1, description="Ids of the records of this article it sums up.")


TakeawayItem = Annotated[
    Annotated[Text, Tag(f"{UNION_TAG}text")] | Annotated[Takeaway, Tag(f"{UNION_TAG}takeaway")],
    Discriminator(lambda value: f"{UNION_TAG}{'takeaway' if isinstance(value, dict | Takeaway) else 'text'}"),
]
"""A takeaway as one line of text, or with the records it sums up: a mapping is read as the latter, anything else as
text (so each shape's errors are its own)."""


URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$"
"""An article's address: http or https, no spaces."""


def check_url(url: str) -> str:
    """``url``, if it can be an article's address; else ValueError."""
    if not re.match(URL_PATTERN, url, re.IGNORECASE):
        raise ValueError(f"expected an http:// or https:// address, got {url!r}")
    return url


URL_SCHEMA = {"type": "string", "maxLength": 2000, "pattern": r"^[hH][tT][tT][pP][sS]?://[^\s/$.?#][^\s]*$"}
"""The same, for the JSON Schema (whose patterns cannot ignore case)."""


class Article(Strict):
    """The source article itself."""

    id: Id = Field(description="Stable id of the article, unique across all content.")
    title: Text = Field(description="The article's headline, as published.")
    outlet: Text | None = Field(default=None, description="Who published it; omit when the text does not say.")
    relays: Text | None = Field(default=None, description="The outlet it relays, e.g. `Le Figaro` for 'Rapporte Le Figaro'.")
    published: Published = Field(
        description="Publication date `YYYY-MM-DD` (a day in the site's time zone), or date and time with offset, "
        "`2024-08-11T14:30+03:00`: successive figures are ordered by it."
    )
    published_approximate: Flag = Field(default=False, description="true when the publication date is inferred, not printed.")
    language: Language = Field(description="ISO 639-1 language code of the article, e.g. `fr`.")
    url: Annotated[str, Field(max_length=2000), WithJsonSchema(URL_SCHEMA)] | None = Field(
        default=None, description="Link to the article (http or https)."
    )
    summary: Text = Field(description="Short summary in your own words.")
    takeaways: list[TakeawayItem] = Field(
        default_factory=list,
        max_length=MAX_TAKEAWAYS,
        description="Key takeaways, one line each; a takeaway about some of the article's records may name them "
        "(`{text: ..., records: [id, ...]}`): a briefing then groups it with the other articles' takeaways on the same event.",
    )

    @field_validator("url")
    @classmethod
    def _http_only(cls, url: str | None) -> str | None:
        return check_url(url) if url is not None else None


class ArticleFile(Strict):
    """One file under `content/articles/`: an article and the records it supports."""

    article: Article = Field(description="The source article.")
    attributions: list[Attribution] = Field(
        default_factory=list, max_length=MAX_RECORDS, description="Attribution claims reported in the article."
    )
    strikes: list[Strike] = Field(
        default_factory=list, max_length=MAX_RECORDS, description="Strikes reported in the article, both directions."
    )


@dataclass(frozen=True)
class Corpus:
    """The parties and the validated articles (sorted by publication day, then id), or a page's share of them."""

    parties: dict[str, Party]
    articles: list[ArticleFile]

    @property
    def record_count(self) -> int:
        """How many records (attribution claims and strikes) the articles hold."""
        return sum(len(article_file.attributions) + len(article_file.strikes) for article_file in self.articles)
