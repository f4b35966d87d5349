"""The one map projection: a spherical Albers equal-area conic, fitted to a fixed latitude/longitude frame.

The region outlines in ``data/regions.json`` were projected with exactly these parameters
(``scripts/maps/derive_boundaries.py`` imports this module), and the build projects event
points with it too, so a point and the outline it falls in always agree. The parameters are
stored in the data file and compared when it is loaded.

Coordinates come out in SVG user units: x to the right from 0 to ``width``, y downwards from
0 to ``height``, north up along the central meridian.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

_FRAME_SAMPLES = 240
"""Points along each edge of the latitude/longitude frame when its projected bounding box is measured."""


@dataclass(frozen=True)
class Projection:
    """Albers equal-area conic on a sphere, scaled and shifted so the frame's bounding box is ``0 0 width height``."""

    central_meridian: float
    origin_latitude: float
    standard_parallel_1: float
    standard_parallel_2: float
    west: float
    south: float
    east: float
    north: float
    width: int

    def parameters(self) -> dict[str, float | int | str]:
        """The parameters as stored in the data file (and compared with it when it is loaded)."""
        return {
            "name": "albers-sphere",
            "central_meridian": self.central_meridian,
            "origin_latitude": self.origin_latitude,
            "standard_parallel_1": self.standard_parallel_1,
            "standard_parallel_2": self.standard_parallel_2,
            "west": self.west,
            "south": self.south,
            "east": self.east,
            "north": self.north,
            "width": self.width,
        }

    def raw(self, lat: float, lon: float) -> tuple[float, float]:
        """Albers coordinates on the unit sphere, y northwards (before fitting to the frame)."""
        phi1 = math.radians(self.standard_parallel_1)
        phi2 = math.radians(self.standard_parallel_2)
        n = (math.sin(phi1) + math.sin(phi2)) / 2
        c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
        rho0 = math.sqrt(c - 2 * n * math.sin(math.radians(self.origin_latitude))) / n
        rho = math.sqrt(c - 2 * n * math.sin(math.radians(lat))) / n
        theta = n * math.radians(lon - self.central_meridian)
        return rho * math.sin(theta), rho0 - rho * math.cos(theta)

    @property
    def height(self) -> int:
        """Height of the view box in user units (the frame's aspect ratio, rounded up)."""
        return _fit(self)[3]

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """(x, y) in user units; outside ``0..width`` x ``0..height`` when the point is outside the frame."""
        x_min, y_max, scale, _ = _fit(self)
        x, y = self.raw(lat, lon)
        return (x - x_min) * scale, (y_max - y) * scale

    def contains(self, x: float, y: float) -> bool:
        """Whether a projected point lies inside the view box."""
        return 0 <= x <= self.width and 0 <= y <= self.height

    def view_box(self) -> str:
        """The SVG ``viewBox`` attribute value."""
        return f"0 0 {self.width} {self.height}"


@lru_cache(maxsize=8)
def _fit(projection: Projection) -> tuple[float, float, float, int]:
    """(x_min, y_max, scale, height): the projected bounding box of the frame's outline, scaled to ``width``."""
    edge: list[tuple[float, float]] = []
    for i in range(_FRAME_SAMPLES + 1):
        t = i / _FRAME_SAMPLES
        lon = projection.west + (projection.east - projection.west) * t
        lat = projection.south + (projection.north - projection.south) * t
        edge += [(projection.south, lon), (projection.north, lon), (lat, projection.west), (lat, projection.east)]
    if projection.west <= projection.central_meridian <= projection.east:
        edge += [(projection.south, projection.central_meridian), (projection.north, projection.central_meridian)]
    xs, ys = zip(*(projection.raw(lat, lon) for lat, lon in edge), strict=True)
    scale = projection.width / (max(xs) - min(xs))
    return min(xs), max(ys), scale, math.ceil((max(ys) - min(ys)) * scale)


MAP_PROJECTION = Projection(
    central_meridian=34.0,
    origin_latitude=50.0,
    standard_parallel_1=46.0,
    standard_parallel_2=54.0,
    west=21.8,
    south=43.3,
    east=46.6,
    north=56.4,
    width=1000,
)
"""The frame: all of Ukraine (Crimea included), the Russian regions along its border, Moscow, Volgograd and Saratov."""
