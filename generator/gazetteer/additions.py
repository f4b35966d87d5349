"""The editors' own settlements: ``content/places.yaml``, added to the shipped gazetteer.

A settlement the shipped file lacks (a village too small for GeoNames'
500-inhabitant list, a new name) is added there with its names, parent and
coordinates; articles may then name it like any other place::

    places:
      - name: {fr: Novyï Bykiv, en: Novyi Bykiv, uk: Новий Биків}
        country: UA
        parent: Oblast de Tchernihiv
        lat: 50.5936
        lon: 31.6475
"""

from __future__ import annotations

from generator.diagnostics import parse_document
from generator.errors import Problem
from generator.gazetteer.store import Entry, Gazetteer, Level
from generator.load import RawDocument
from generator.model import PlaceAddition, PlacesFile
from generator.urls import slugify


def _entry(addition: PlaceAddition, parent: Entry, source: str) -> Entry:
    names = dict(addition.name)
    english = names.get("en") or next(iter(names.values()))
    return Entry(
        id=addition.id or f"{addition.country.lower()}-{slugify(english)}",
        level=Level.settlement,
        kind="settlement",
        parent=parent.id,
        country=addition.country,
        lat=addition.lat,
        lon=addition.lon,
        names=names,
        aliases=tuple(addition.aliases),
        source=source,
    )


def add_places(document: RawDocument | None, base: Gazetteer) -> tuple[Gazetteer, list[Problem]]:
    """``base`` with the settlements of ``content/places.yaml``, and every problem of that file."""
    if document is None:
        return base, []
    parsed, problems = parse_document(document, PlacesFile)
    if parsed is None:
        return base, problems
    added: list[Entry] = []
    for index, addition in enumerate(parsed.places):
        path = ("places", index)

        def problem(field: str, message: str, path: tuple[str | int, ...] = path, index: int = index) -> Problem:
            return Problem(document.path, document.line_of((*path, field)), f"places[{index}].{field}", message)

        parents = base.named(addition.parent, addition.country, {Level.region, Level.raion})
        if len(parents) != 1:
            closest = ", ".join(entry.id for entry in base.closest(addition.parent, addition.country, {Level.region, Level.raion}))
            found = f"names {len(parents)} places" if parents else "is not a region or raion of the gazetteer"
            problems.append(problem("parent", f"'{addition.parent}' {found}" + (f"; closest: {closest}" if closest else "")))
            continue
        entry = _entry(addition, parents[0], f"{document.path}:{document.line_of(path)}")
        if entry.id in base or any(other.id == entry.id for other in added):
            problems.append(problem("id", f"id '{entry.id}' is already taken; give this place an `id` of its own"))
            continue
        added.append(entry)
    return base.with_entries(added), problems
