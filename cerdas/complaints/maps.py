"""A map of reports drawn on the server: points on an SVG, readable without JavaScript or tiles.

The points are placed by their longitude and latitude inside the box that holds them all
(equirectangular, which is faithful enough at a region's scale near the equator). Each point
links to its report. Where the deployment configures map tiles
(``COMPLAINTS_MAP_TILES_URL``), ``complaints/map.js`` may draw tiles behind the picker; the
SVG needs none.
"""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 600, 400, 20
MAX_POINTS = 500


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    url: str
    label: str
    open: bool


def layout(rows) -> list[Point]:
    """``rows``: (latitude, longitude, url, label, is_open) tuples; returns placed points."""
    rows = [row for row in rows if row[0] is not None and row[1] is not None][:MAX_POINTS]
    if not rows:
        return []
    lats = [float(row[0]) for row in rows]
    lngs = [float(row[1]) for row in rows]
    # A small box (one point, or points in one street) is widened so it is not a blur.
    span_lat = max(max(lats) - min(lats), 0.01)
    span_lng = max(max(lngs) - min(lngs), 0.01)
    mid_lat, mid_lng = (max(lats) + min(lats)) / 2, (max(lngs) + min(lngs)) / 2
    scale = min((WIDTH - 2 * PAD) / span_lng, (HEIGHT - 2 * PAD) / span_lat)
    points = []
    for (_lat, _lng, url, label, is_open), flat, flng in zip(rows, lats, lngs, strict=True):
        x = WIDTH / 2 + (flng - mid_lng) * scale
        y = HEIGHT / 2 - (flat - mid_lat) * scale
        points.append(Point(round(x, 1), round(y, 1), url, label, is_open))
    return points
