"""A page's events on the map: a point per event located in a settlement, its region shaded for one located no finer.

Below the picture the same events are listed, each with its link: the map's
text alternative, and what a reader on a small screen can tap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.gazetteer import Located
from generator.maps.svg import MapPoint, draw_map


@dataclass(frozen=True)
class MapItem:
    """One event to put on a map: its record id (anchor), headline, where the reports place it, and its direction."""

    record_id: str
    label: str
    place: Located
    kind: str
    """A CSS modifier: ``on-russia``, ``on-ukraine``."""
    language: str | None = None
    """The label's language (its article's)."""


@dataclass(frozen=True)
class MapTexts:
    """What the map says, in the site's language."""

    title: str
    description: str
    list_title: str
    outside: str
    """Said of an event the map cannot show (outside its frame, or with no coordinates)."""


def event_map(
    items: Sequence[MapItem],
    href: Callable[[str], str],
    place_name: Callable[[Located], str],
    texts: MapTexts,
    site_language: str,
    id_prefix: str = "map",
    outlines: str | None = None,
) -> Markup:
    """The figure: the SVG, then the list of what it shows; empty when no event has a place on the map. Labels in
    another language than the site's are marked with theirs."""
    points: list[MapPoint] = []
    shaded: dict[str, str] = {}
    placed: dict[str, bool] = {}
    for item in items:
        point = item.place.point
        if point is not None:
            language = item.language if item.language != site_language else None
            points.append(MapPoint(point[0], point[1], href(item.record_id), item.label, item.kind, language))
            placed[item.record_id] = True
        elif item.place.region is not None and item.place.region.code:
            shaded.setdefault(item.place.region.code, item.kind)
            placed[item.record_id] = True
    if not placed:
        return Markup("")
    drawn = draw_map(points, shaded, texts.title, texts.description, id_prefix=id_prefix, outlines=outlines)
    missing = {point.href for point in drawn.outside}
    hidden = set(drawn.outside_regions)
    rows = []
    for item in items:
        link = href(item.record_id)
        region = item.place.region
        shown = (
            placed.get(item.record_id, False)
            and link not in missing
            and not (item.place.point is None and region and region.code in hidden)
        )
        note = "" if shown else f" ({escape(texts.outside)})"
        label = escape(item.label)
        if item.language and item.language != site_language:
            label = f'<span lang="{escape(item.language)}">{label}</span>'
        rows.append(f'<li><a href="{escape(link)}">{label}</a> — {escape(place_name(item.place))}{note}</li>')
    return Markup(  # noqa: S704 - every text above is escaped; the SVG escapes its own
        f'<figure class="event-map" data-search-exclude>\n{drawn.svg}\n<figcaption><details><summary>{escape(texts.list_title)}</summary>'
        f"<ul>{''.join(rows)}</ul></details></figcaption>\n</figure>"
    )
