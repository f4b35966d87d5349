"""The build-time SVG map: a golden drawing, links, escaping, projection against the outlines, the sanitiser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import nh3
import pytest
from hostile_content import hostile_classes, hostile_strings

from conftest import ROOT
from generator.maps.projection import MAP_PROJECTION
from generator.maps.svg import LAYERS, POINT_RADIUS, REGIONS_FILE, Map, MapPoint, draw_map, load_regions, outlines_svg, parse_regions
from generator.sanitize import CONTENT_ATTRIBUTES, CONTENT_TAGS, URL_SCHEMES
from golden import check_golden, updating

GOLDEN = ROOT / "tests" / "maps" / "golden"
SVG = "{http://www.w3.org/2000/svg}"

# What the map needs beyond the sanitiser's allow-list of today (generator/sanitize.py). "viewBox" is spelt
# as the HTML parser spells it in SVG: the lower-case "viewbox" allowed now is never matched, and nh3 drops it.
MAP_TAGS = {"desc"}
MAP_ATTRIBUTES = {"svg": {"viewBox", "role", "aria-labelledby", "aria-describedby"}}

KYIV = (50.4501, 30.5234)
KHARKIV = (49.9935, 36.2304)

DAY = [
    MapPoint(*KYIV, href="../../2024/05/12/#drones-over-kyiv", label="Kyiv: drones shot down", kind="on-ukraine"),
    MapPoint(*KYIV, href="../../2024/05/12/#missile-debris", label="Kyiv: missile debris", kind="on-ukraine"),
    MapPoint(*KYIV, href="../../2024/05/12/#power-line", label="Kyiv: power line hit", kind="on-ukraine"),
    MapPoint(*KHARKIV, href="../../2024/05/12/#kharkiv-glide-bombs", label="Kharkiv: glide bombs", kind="on-ukraine"),
    MapPoint(46.4825, 30.7233, href="../../2024/05/12/#odesa-port", label="Odesa: port", kind="on-ukraine"),
    MapPoint(45.28, 37.38, href="../../2024/05/12/#temryuk-ferry", label="Temryuk: ferry terminal", kind="on-russia"),
    MapPoint(50.5977, 36.5858, href="../../2024/05/12/#belgorod?a=1&b=2", label="Belgorod: substation", kind="on-russia"),
    MapPoint(55.76, 52.05, href="../../2024/05/12/#alabuga", label="Yelabuga: drone plant", kind="on-russia"),
]
SHADED = {"UA-63": "on-ukraine", "RU-KDA": "on-russia"}


def day_map() -> Map:
    return draw_map(
        DAY, SHADED, "Strikes of 12 May 2024", "Points link to the events of the day; shaded regions had strikes reported region-wide."
    )


def path_bounds(d: str) -> tuple[int, int, int, int]:
    """Bounding box of the path data the derive script writes (absolute M, relative l, z)."""
    xs: list[int] = []
    ys: list[int] = []
    for move, rest in re.findall(r"M(-?\d+ -?\d+)l([-\d ]*)z", d):
        x, y = (int(n) for n in move.split())
        xs.append(x)
        ys.append(y)
        numbers = [int(n) for n in re.findall(r"-?\d+", rest)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    assert xs, d
    return min(xs), min(ys), max(xs), max(ys)


def sanitised(svg: str) -> str:
    tags = set(CONTENT_TAGS) | MAP_TAGS
    attributes = {tag: set(names) for tag, names in CONTENT_ATTRIBUTES.items()}
    for tag, names in MAP_ATTRIBUTES.items():
        attributes.setdefault(tag, set()).update(names)
    return nh3.clean(svg, tags=tags, attributes=attributes, url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True)


@pytest.mark.golden
def test_day_map_matches_golden_file(request: pytest.FixtureRequest) -> None:
    check_golden({"day.svg": day_map().svg + "\n"}, GOLDEN, updating(request))


def test_drawing_is_deterministic() -> None:
    assert day_map() == day_map()


def test_every_point_in_the_frame_is_one_link_and_the_others_are_returned() -> None:
    drawn = day_map()
    assert [point.label for point in drawn.outside] == ["Yelabuga: drone plant"]
    hrefs = re.findall(r'<a href="([^"]*)">', drawn.svg)
    expected = [point.href.replace("&", "&amp;") for point in DAY if point not in drawn.outside]
    assert hrefs == expected
    assert "alabuga" not in drawn.svg
    centres = re.findall(r'<circle class="map-point map-point--[a-z-]+" cx="(\d+)" cy="(\d+)"', drawn.svg)
    assert len(set(centres)) == len(centres), "events at the same place are spread apart"


def test_points_at_one_place_do_not_cover_each_other() -> None:
    many = [MapPoint(*KYIV, href=f"#e{i}", label=f"event {i}", kind="on-ukraine") for i in range(40)]
    svg = draw_map(many, {}, "t", "d").svg
    centres = [(int(x), int(y)) for x, y in re.findall(r'cx="(\d+)" cy="(\d+)"', svg)]
    assert len(centres) == 40
    closest = min(((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 for i, (ax, ay) in enumerate(centres) for bx, by in centres[i + 1 :])
    assert closest >= 2 * POINT_RADIUS


def test_the_svg_is_well_formed_xml_with_a_name_and_a_description() -> None:
    root = ET.fromstring(day_map().svg)  # noqa: S314 (the drawer's own output)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == MAP_PROJECTION.view_box()
    assert root.get("width") is None and root.get("height") is None and root.get("style") is None
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id") and root.get("aria-describedby") == desc.get("id")
    assert all(element.get("style") is None for element in root.iter())
    assert root.find(f".//{SVG}style") is None


def test_regions_are_shaded_by_kind() -> None:
    svg = day_map().svg
    regions = load_regions().regions
    assert f'<path class="map-region map-region--on-ukraine" d="{regions["UA-63"].d}">' in svg
    assert f'<path class="map-region map-region--on-russia" d="{regions["RU-KDA"].d}">' in svg
    assert svg.count("map-region--") == 2
    assert draw_map([], {"RU-TA": "on-russia", "RU-SVE": "on-russia"}, "t", "d").outside_regions == ["RU-SVE"]


@pytest.mark.parametrize("name", hostile_classes())
def test_hostile_labels_and_titles_come_out_as_text(name: str) -> None:
    for text in [*hostile_strings(name), "<script>alert(1)</script>", "\"quotes' & ]]> <![CDATA[x]]>", "Kyiv\u00a0: a\r\nb\rc"]:
        point = MapPoint(*KHARKIV, href="#e", label=text, kind="on-ukraine")
        svg = draw_map([point], {}, text, text).svg
        root = ET.fromstring(svg)  # noqa: S314 (the drawer's own output: well-formed whatever the text)
        kept = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text).replace("\r\n", "\n").replace("\r", "\n")
        titles = [element.text or "" for element in root.iter(f"{SVG}title")]
        assert titles == [kept, kept]
        assert (root.findtext(f"{SVG}desc") or "") == kept
        assert "<script" not in svg and "]]>" not in svg
        assert sanitised(svg) == svg.replace("\u00a0", "&nbsp;"), "nh3 changes nothing but how it writes U+00A0"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "",
        "a b",
    ],
)
def test_links_other_than_relative_or_http_are_refused(href: str) -> None:
    with pytest.raises(ValueError):
        draw_map([MapPoint(*KYIV, href=href, label="x", kind="on-ukraine")], {}, "t", "d")


@pytest.mark.parametrize("href", ["#e", "../a/#e:1", "?q=a:b", "/x/y/", "//example.org/x", "http://example.org/x", "HTTPS://example.org/"])
def test_relative_and_http_links_are_kept(href: str) -> None:
    assert f'<a href="{href}">' in draw_map([MapPoint(*KYIV, href=href, label="x", kind="on-ukraine")], {}, "t", "d").svg


def test_links_are_escaped() -> None:
    point = MapPoint(*KYIV, href='https://example.org/a?b=1&c="<x>"', label="x", kind="on-ukraine")
    assert '<a href="https://example.org/a?b=1&amp;c=%22%3Cx%3E%22">' in draw_map([point], {}, "t", "d").svg


@pytest.mark.parametrize("kind", ["", "On-Russia", "a b", 'x" onclick="y', "-x"])
def test_kinds_are_plain_class_names(kind: str) -> None:
    with pytest.raises(ValueError):
        draw_map([MapPoint(*KYIV, href="#e", label="x", kind=kind)], {}, "t", "d")
    with pytest.raises(ValueError):
        draw_map([], {"UA-63": kind}, "t", "d")


def test_projected_cities_fall_in_their_regions() -> None:
    regions = load_regions().regions
    for (lat, lon), code in [(KYIV, "UA-30"), (KHARKIV, "UA-63")]:
        x, y = MAP_PROJECTION.project(lat, lon)
        left, top, right, bottom = path_bounds(regions[code].d)
        assert left <= x <= right and top <= y <= bottom, code
        label_x, label_y = regions[code].label
        assert left <= label_x <= right and top <= label_y <= bottom, code


def test_regions_file_has_ukraine_and_the_russian_border_regions() -> None:
    regions = load_regions()
    ukraine = {code for code, region in regions.regions.items() if region.country == "UA"}
    assert len(ukraine) == 27
    assert {"UA-30", "UA-32", "UA-40", "UA-43", "UA-63", "UA-65"} <= ukraine
    assert {"RU-BEL", "RU-KRS", "RU-BRY", "RU-VOR", "RU-ROS", "RU-KDA", "RU-MOW", "RU-MOS"} <= set(regions.regions)
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", region.d) for region in regions.regions.values())
    assert len(REGIONS_FILE.read_bytes()) < 60_000


def test_regions_file_made_with_another_projection_is_refused() -> None:
    text = REGIONS_FILE.read_text(encoding="utf-8").replace('"central_meridian":34.0', '"central_meridian":35.0', 1)
    with pytest.raises(ValueError, match="derive_boundaries"):
        parse_regions(text)


def test_the_sanitiser_leaves_the_map_unchanged() -> None:
    svg = day_map().svg
    assert sanitised(svg) == svg


def test_readme_names_the_command_that_regenerates_the_data() -> None:
    readme = (Path(str(REGIONS_FILE)).parent / "README.md").read_text(encoding="utf-8")
    assert "scripts/maps/derive_boundaries.py" in readme


def test_with_shared_outlines_a_page_carries_only_its_shaded_regions_and_points() -> None:
    inline = day_map()
    shared = draw_map(DAY, {"UA-63": "on-ukraine"}, "Map", "Points", outlines="../../maps/outlines.svg")
    assert [f"../../maps/outlines.svg#{layer}" for layer in LAYERS] == re.findall(r'<use class="[^"]+" href="([^"]+)">', shared.svg)
    assert shared.svg.count("<path ") == 1, "the one shaded region"
    assert len(shared.svg) < len(inline.svg) / 5
    assert re.findall(r'<a href="([^"]*)">', shared.svg) == re.findall(r'<a href="([^"]*)">', inline.svg)
    outlines = outlines_svg()
    assert [f'id="{layer}"' in outlines for layer in LAYERS] == [True] * len(LAYERS)
    assert outlines.count("<path ") == len(load_regions().regions) + len(load_regions().land)
