"""Reports of one event: the checks on ``same_as`` links, and hints for reports that look alike but are not linked.

A ``same_as`` link says that two reports (strikes, or attribution claims) of
different articles are one event. The link must be plausible: another record
of the same kind, no cycle; for strikes the same direction, dates at most
:data:`MAX_DAYS_APART` apart and places that can be the same
(:func:`generator.places.place_mismatch`); for claims the same accused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import TypeVar

from generator.errors import Problem
from generator.gazetteer import Located
from generator.load import FieldPath, RawDocument, format_path
from generator.model import ArticleFile, Attribution, Place, Strike, When
from generator.places import describe, place_mismatch, same_area

MAX_DAYS_APART = 2
"""Two reports of one strike date it at most this many days apart."""

Report = TypeVar("Report", Strike, Attribution)


def _located(document: RawDocument, path: FieldPath, message: str) -> Problem:
    return Problem(document.path, document.line_of(path), format_path(path), message)


def _dated(when: When) -> str:
    first, last = when.span
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def _cycles(records: Mapping[str, Report], record: Report) -> bool:
    """Whether following ``same_as`` from ``record`` comes back to it."""
    seen, current = {record.id}, records[record.same_as] if record.same_as else None
    while current is not None and current.id not in seen:
        seen.add(current.id)
        current = records.get(current.same_as) if current.same_as else None
    return current is not None


def _strike_problem(strike: Strike, strikes: Mapping[str, Strike], places: Mapping[Place, Located]) -> str | None:
    target = strikes.get(strike.same_as or "")
    if target is None or target.id == strike.id:
        return f"expected the id of another strike, got '{strike.same_as}'"
    if target.direction is not strike.direction:
        return f"'{target.id}' is a strike {target.direction.value}, this one is {strike.direction.value}"
    if _cycles(strikes, strike):
        return f"same_as forms a cycle through '{target.id}'; one report must come first"
    apart = strike.when.days_from(target.when)
    if apart > MAX_DAYS_APART:
        return (
            f"'{target.id}' is dated {_dated(target.when)}, {apart} days from this strike ({_dated(strike.when)}); "
            f"two reports of one strike are at most {MAX_DAYS_APART} days apart"
        )
    here, there = places.get(strike.where), places.get(target.where)
    mismatch = place_mismatch(here, there) if here is not None and there is not None else None
    if mismatch is not None and here is not None and there is not None:
        return f"'{target.id}' is in {describe(there)}, {mismatch} than this strike ({describe(here)})"
    return None


def _claim_problem(claim: Attribution, claims: Mapping[str, Attribution]) -> str | None:
    target = claims.get(claim.same_as or "")
    if target is None or target.id == claim.id:
        return f"expected the id of another attribution claim, got '{claim.same_as}'"
    if _cycles(claims, claim):
        return f"same_as forms a cycle through '{target.id}'; one report must come first"
    if target.accused != claim.accused:
        return f"'{target.id}' accuses '{target.accused}', this claim accuses '{claim.accused}'; one allegation has one accused"
    return None


def check_same_as(
    articles: list[tuple[RawDocument, ArticleFile]], places: Mapping[Place, Located], pending: Mapping[str, str] | None = None
) -> list[Problem]:
    """Every ``same_as`` names a plausible other report of the same event (``places``: where the gazetteer puts each
    place). ``pending``: the ids of records in files that did not validate, with their file: a link to one of them is
    said to wait for that file, not to be wrong."""
    strikes = {strike.id: strike for _, article_file in articles for strike in article_file.strikes}
    claims = {claim.id: claim for _, article_file in articles for claim in article_file.attributions}
    problems = []
    for document, article_file in articles:
        for index, strike in enumerate(article_file.strikes):
            message = waiting_for(strike.same_as, pending) or _strike_problem(strike, strikes, places) if strike.same_as else None
            if message:
                problems.append(_located(document, ("strikes", index, "same_as"), message))
        for index, claim in enumerate(article_file.attributions):
            message = waiting_for(claim.same_as, pending) or _claim_problem(claim, claims) if claim.same_as else None
            if message:
                problems.append(_located(document, ("attributions", index, "same_as"), message))
    return problems


def waiting_for(target: str, pending: Mapping[str, str] | None) -> str | None:
    """What a link to ``target`` says when it is a record of a file that did not validate (None otherwise)."""
    if pending is None or target not in pending:
        return None
    return f"'{target}' is a record of {pending[target]}, which has errors of its own: this link is checked once they are fixed"


def roots(records: Mapping[str, Report]) -> dict[str, str]:
    """Each record's event: the id of the report its ``same_as`` links lead to (links are checked: no cycle)."""
    found: dict[str, str] = {}
    for record_id in records:
        path: list[str] = []
        current = record_id
        while current not in found and records[current].same_as in records and current not in path:
            path.append(current)
            current = str(records[current].same_as)
        root = found.get(current, current)
        for step in [*path, current]:
            found[step] = root
    return found


def _located_strikes(articles: list[tuple[RawDocument, ArticleFile]]) -> Iterator[tuple[RawDocument, int, Strike, ArticleFile]]:
    for document, article_file in articles:
        for index, strike in enumerate(article_file.strikes):
            yield document, index, strike, article_file


def same_event_hints(
    articles: list[tuple[RawDocument, ArticleFile]], order: Mapping[str, int], places: Mapping[Place, Located]
) -> list[Problem]:
    """Hints, not errors: strikes of different articles, not linked, that look like one event.

    Alike means: the same direction, dates on the same or the next day, the same
    settlement or region. The hint is on the later article's report (``order``
    ranks articles by publication), and gives the ``same_as`` line to add.
    """
    located = list(_located_strikes(articles))
    event_of = roots({strike.id: strike for _, _, strike, _ in located})
    by_day: dict[tuple[str, dt.date], list[tuple[RawDocument, Strike, ArticleFile]]] = defaultdict(list)
    for document, _, strike, article_file in located:
        by_day[(strike.direction.value, strike.when.span[1])].append((document, strike, article_file))
    hinted: set[frozenset[str]] = set()
    hints = []
    for document, index, strike, article_file in located:
        if strike.same_as is not None:
            continue  # a report already linked: the hint, if any, goes to its event's first report
        first, last = strike.when.span
        days = [first + dt.timedelta(days=offset) for offset in range(-1, (last - first).days + 2)]
        alike = [
            (other_document, other)
            for other_document, other, other_file in (entry for day in days for entry in by_day.get((strike.direction.value, day), []))
            if event_of[strike.id] != event_of[other.id]
            and frozenset((event_of[strike.id], event_of[other.id])) not in hinted
            and order[article_file.article.id] > order[other_file.article.id]
            and _alike(strike, other, places)
        ]
        if not alike:
            continue
        other_document, other = min(alike, key=lambda entry: _closeness(strike, entry[1], places))
        hinted.add(frozenset((event_of[strike.id], event_of[other.id])))
        hints.append(
            _located(
                document,
                ("strikes", index),
                f"likely the same strike as '{other.id}' ({other_document.path}): {strike.direction.value}, "
                f"dated {_dated(strike.when)} and {_dated(other.when)}, both in {describe(places[other.where])}; "
                f"if so, add to this strike: same_as: {event_of[other.id]}",
            )
        )
    return hints


def _alike(strike: Strike, other: Strike, places: Mapping[Place, Located]) -> bool:
    """Dates a day apart at most, the same settlement or region, and, when both name weapons, one category in common."""
    here, there = places.get(strike.where), places.get(other.where)
    if strike.when.days_from(other.when) > 1 or here is None or there is None or not same_area(here, there):
        return False
    categories, other_categories = {weapon.category for weapon in strike.weapons}, {weapon.category for weapon in other.weapons}
    return not (categories and other_categories) or bool(categories & other_categories)


def _closeness(strike: Strike, other: Strike, places: Mapping[Place, Located]) -> tuple[int, int, str]:
    """The likeliest match first: the same settlement rather than the same region, then the nearest dates, then by id."""
    settlement = int(not (places[strike.where].settlement and places[other.where].settlement))
    return settlement, strike.when.days_from(other.when), other.id
