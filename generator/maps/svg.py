"""A static SVG map of Ukraine and western Russia, drawn at build time: shaded regions and linked event points.

The outlines come from ``data/regions.json`` (see its README), made by ``scripts/maps/derive_boundaries.py``
with the projection in ``projection.py``, which also places the points here. The output is one inline
``<svg>`` element meant to survive the site's HTML sanitiser unchanged: no ``style`` attribute, no
``<style>``, colours from the classes in ``templates/assets/map.css``; integer coordinates, fixed order,
every text escaped.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any
from urllib.parse import urlsplit

from generator.maps.projection import MAP_PROJECTION, Projection

REGIONS_FILE: Traversable = resources.files(__package__) / "data" / "regions.json"
"""The region outlines shipped inside the package (read through importlib.resources, so any install has it)."""

POINT_RADIUS = 12
"""Radius of an event point, in user units (the view box is 1000 wide)."""

POINT_SPACING = 2 * POINT_RADIUS + 2
"""Distance between the points of one cluster (several events at, or almost at, the same place)."""

CLUSTER_DISTANCE = 1.5 * POINT_RADIUS
"""Points closer than this to a cluster's first point join it and are laid out around it."""

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_KIND = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_ID_PREFIX = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_URL_SCHEMES = frozenset({"", "http", "https"})
# Characters XML 1.0 does not allow in a document (the C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF;
# lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HREF_BAD = re.compile(r"[\x00-\x20\x7f]")
_COLON_FIRST = re.compile(r"[^/?#]*:")
"""A colon before any slash, query or fragment that urlsplit did not take for a scheme: refused, not guessed at."""


@dataclass(frozen=True)
class MapPoint:
    """One event to draw: where, the page it links to, its name, and a CSS modifier (``on-russia``, ``on-ukraine``...)."""

    lat: float
    lon: float
    href: str
    label: str
    kind: str
    lang: str | None = None
    """The label's language when it is not the page's (``fr`` on the English site): marked on its title."""


@dataclass(frozen=True)
class Map:
    """The ``<svg>`` element, and what could not be drawn on it (for the caller to list instead)."""

    svg: str
    outside: list[MapPoint]
    """Points that fall outside the frame, in the order given."""
    outside_regions: list[str] = field(default_factory=list)
    """Codes of shaded regions that the map does not have (sorted)."""


@dataclass(frozen=True)
class Region:
    """One region's outline (SVG path data in user units) and label point."""

    code: str
    country: str
    name: str
    d: str
    label: tuple[int, int]


@dataclass(frozen=True)
class Regions:
    """The contents of ``regions.json``."""

    width: int
    height: int
    regions: Mapping[str, Region]
    land: Mapping[str, str]
    """Neighbouring countries' outlines (ISO 3166-1 alpha-2 -> path data), drawn as background only."""


def parse_regions(text: str, projection: Projection = MAP_PROJECTION) -> Regions:
    """Read regions.json, checking that it was projected with ``projection``."""
    data: dict[str, Any] = json.loads(text)
    if data.get("projection") != projection.parameters():
        raise ValueError(
            f"regions.json was projected with {data.get('projection')}, the code projects with {projection.parameters()}; "
            "run scripts/maps/derive_boundaries.py again"
        )
    if data.get("view_box") != [0, 0, projection.width, projection.height]:
        raise ValueError(f"regions.json has view box {data.get('view_box')}, the projection gives {projection.view_box()}")
    regions = {
        code: Region(code=code, country=entry["country"], name=entry["name"], d=entry["d"], label=(entry["label"][0], entry["label"][1]))
        for code, entry in sorted(data["regions"].items())
    }
    land = {code: entry["d"] for code, entry in sorted(data["land"].items())}
    return Regions(width=projection.width, height=projection.height, regions=regions, land=land)


@lru_cache(maxsize=1)
def load_regions() -> Regions:
    """The shipped outlines (read once)."""
    return parse_regions(REGIONS_FILE.read_text(encoding="utf-8"))


def draw_map(
    points: Sequence[MapPoint],
    shaded: Mapping[str, str],
    title: str,
    description: str,
    *,
    id_prefix: str = "map",
    outlines: str | None = None,
) -> Map:
    """One inline ``<svg>``: every region (those in ``shaded`` with the class of their kind), then the points in order.

    ``shaded`` maps ISO 3166-2 codes to kinds. Points outside the frame, and shaded codes the map lacks, are
    returned for the caller to list. ``id_prefix`` makes the ids of the title and the description (two maps on
    one page need two prefixes). With ``outlines`` (the URL of :func:`outlines_svg` published beside the pages),
    the outlines every map shares are drawn from there (``<use>``: fetched once, cached by the browser) and only
    the shaded regions are in the page; without, every outline is inline. Raises ValueError on an unsafe href, a
    kind or code that is no plain token, or coordinates that are not on Earth.
    """
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"map id prefix {id_prefix!r}: lower-case letters, digits and single hyphens only")
    regions = load_regions()
    for code, kind in shaded.items():
        if not _REGION_CODE.fullmatch(code):
            raise ValueError(f"shaded region {code!r} is no ISO 3166-2 code")
        _check_kind(kind)
    outside_regions = sorted(code for code in shaded if code not in regions.regions)

    inside: list[tuple[MapPoint, float, float]] = []
    outside: list[MapPoint] = []
    for point in points:
        _check_kind(point.kind)
        _href(point.href)
        if not (math.isfinite(point.lat) and math.isfinite(point.lon) and -90 <= point.lat <= 90 and -180 <= point.lon <= 180):
            raise ValueError(f"point {point.label!r}: no place on Earth at {point.lat}, {point.lon}")
        x, y = MAP_PROJECTION.project(point.lat, point.lon)
        if MAP_PROJECTION.contains(x, y):
            inside.append((point, x, y))
        else:
            outside.append(point)

    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {regions.width} {regions.height}" class="map" role="group" '
        f'aria-labelledby="{title_id}" aria-describedby="{desc_id}">',
        f'<title id="{title_id}">{_text(title)}</title>',
        f'<desc id="{desc_id}">{_text(description)}</desc>',
    ]
    if outlines is not None:
        shared = _href(outlines)
        out += [f'<use class="map-layer map-layer--{layer}" href="{shared}#{layer}"></use>' for layer in LAYERS]
    else:
        out += _layers(regions)
    for country in ("RU", "UA"):
        out.append(f'<g class="map-{country.lower()}">')
        for code, region in regions.regions.items():
            shade = shaded.get(code)
            if region.country != country or (outlines is not None and shade is None):
                continue
            classes = "map-region" if shade is None else f"map-region map-region--{shade}"
            out.append(f'<path class="{classes}" d="{region.d}"></path>')
        out.append("</g>")
    out.append('<g class="map-points">')
    for point, x, y in _spread(inside):
        out.append(
            f'<a href="{_href(point.href)}"><title{_lang(point.lang)}>{_text(point.label)}</title>'
            f'<circle class="map-point map-point--{point.kind}" cx="{x}" cy="{y}" r="{POINT_RADIUS}"></circle></a>'
        )
    out.append("</g>")
    out.append("</svg>")
    return Map(svg="\n".join(out), outside=outside, outside_regions=outside_regions)


LAYERS = ("sea", "land", "ru", "ua")
"""The outlines every map shares, bottom up: the sea, the neighbouring countries, Russia's regions, Ukraine's."""


def _layers(regions: Regions) -> list[str]:
    """Every outline, as groups of unclassed paths (styled through the group's class, or the ``<use>`` of it)."""
    out = [f'<g id="sea" class="map-layer map-layer--sea"><rect width="{regions.width}" height="{regions.height}"></rect></g>']
    out += ['<g id="land" class="map-layer map-layer--land">', *(f'<path d="{d}"></path>' for d in regions.land.values()), "</g>"]
    for country in ("RU", "UA"):
        out.append(f'<g id="{country.lower()}" class="map-layer map-layer--{country.lower()}">')
        out += [f'<path d="{region.d}"></path>' for region in regions.regions.values() if region.country == country]
        out.append("</g>")
    return out


def outlines_svg() -> str:
    """The standalone SVG file of the shared outlines, which maps draw with ``<use>`` (see :func:`draw_map`)."""
    regions = load_regions()
    return "\n".join(
        [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {regions.width} {regions.height}">', *_layers(regions), "</svg>", ""]
    )


def _spread(points: list[tuple[MapPoint, float, float]]) -> list[tuple[MapPoint, int, int]]:
    """Integer positions; points at (almost) the same place spread on a sunflower spiral around the first of them.

    Greedy and in the order given, so the same input always gives the same layout. Every point stays drawn and
    reachable: the k-th point of a cluster sits ``POINT_SPACING * sqrt(k)`` from its centre at k golden angles.
    """
    clusters: list[tuple[float, float, list[int]]] = []
    for index, (_, x, y) in enumerate(points):
        for cx, cy, members in clusters:
            if math.hypot(x - cx, y - cy) < CLUSTER_DISTANCE:
                members.append(index)
                break
        else:
            clusters.append((x, y, [index]))
    placed: dict[int, tuple[int, int]] = {}
    for cx, cy, members in clusters:
        if len(members) == 1:
            placed[members[0]] = (round(cx), round(cy))
            continue
        for k, index in enumerate(members):
            radius = POINT_SPACING * math.sqrt(k)
            angle = k * _GOLDEN_ANGLE
            placed[index] = (round(cx + radius * math.sin(angle)), round(cy - radius * math.cos(angle)))
    return [(point, *placed[index]) for index, (point, _, _) in enumerate(points)]


def _lang(language: str | None) -> str:
    if language is None:
        return ""
    if not _KIND.fullmatch(language):
        raise ValueError(f"label language {language!r}: a language code such as fr or en")
    return f' lang="{language}"'


def _check_kind(kind: str) -> None:
    if not _KIND.fullmatch(kind):
        raise ValueError(f"map kind {kind!r}: lower-case letters, digits and single hyphens only (it becomes a CSS class)")


def _text(text: str) -> str:
    """Character data: escaped as the sanitiser's serialiser writes it, minus what XML forbids, line ends as parsers read them.

    The sanitiser (nh3) then leaves it unchanged, but for U+00A0, which it writes ``&nbsp;`` (the same text;
    kept as a character here, since ``&nbsp;`` is no XML entity).
    """
    text = _NOT_XML.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _href(href: str) -> str:
    """An attribute value for a link the caller made: none but relative, http and https URLs; escaped for XML and HTML.

    Space and control characters are refused (a browser drops some of them while reading a scheme, so
    ``java\\tscript:`` would be one). ``"``, ``<`` and ``>`` are percent-encoded, as a browser's URL parser
    would encode them, and ``&`` becomes ``&amp;``.
    """
    if not href or _HREF_BAD.search(href):
        raise ValueError(f"map link {href!r}: empty, or has spaces or control characters")
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError as error:
        raise ValueError(f"map link {href!r}: {error}") from error
    if scheme not in _URL_SCHEMES or (not scheme and _COLON_FIRST.match(href)):
        raise ValueError(f"map link {href!r}: only relative, http and https links")
    return href.replace("&", "&amp;").replace('"', "%22").replace("<", "%3C").replace(">", "%3E")
