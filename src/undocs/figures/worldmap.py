"""The world map of the states page: every state of the archive shaded by what it says and how
often others name it, each a link to its page.

The geometry comes from :mod:`.geometry` (Natural Earth, d3-geo, at build time); this module
decides what a reader sees: which shapes are states of the archive (ISO 3166-1 numeric codes,
from pycountry), their shade in each of the two measures (:mod:`.scale`), the tooltip (an SVG
``<title>``, also the link's accessible name), a marker for a state too small to see, and the
states the map cannot show, named in the caption. The states list below the map stays the
text equivalent: the same numbers, in a table.

The land that is no state of the archive is one path (one element instead of a hundred); the
states follow, alphabetically, those with a marker last so that the markers are painted over
every shape (the order of painting is the order of the Tab key too).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry

from .. import urls
from ..model import State
from ..views import Views
from .config import MAX_CLASSES, MapSettings
from .geometry import Geometry, Shape, project
from .scale import Scale, nice_scale

#: The two measures a reader can shade the map by: (key, CSS class prefix, legend label).
MEASURES = (
    ("paragraphes", "p", "paragraphes où l’État s’exprime"),
    ("mentions", "m", "mentions par d’autres intervenants"),
)

#: How the caption names the projection.
PROJECTION_NAMES = {
    "geoEqualEarth": "Equal Earth",
    "geoNaturalEarth1": "Natural Earth",
    "geoEquirectangular": "équirectangulaire",
    "geoMercator": "Mercator",
}


def numeric_code(iso3: str) -> str | None:
    """The ISO 3166-1 numeric code of an alpha-3 code (Natural Earth's ids), None if unknown."""
    country = pycountry.countries.get(alpha_3=iso3)
    return country.numeric if country is not None else None


def state_geometry(states: tuple[State, ...], node_modules: Path, settings: MapSettings) -> Geometry:
    """The map's geometry for these states (small ones fetched from finer scales)."""
    codes = tuple(c for c in (numeric_code(s.iso3) for s in states) if c)
    return project(node_modules, settings, codes)


def _count(n: int, one: str, many: str) -> str:
    return f"{n}\u00a0{one if n == 1 else many}"


def tooltip(name: str, paragraphs: int, statements: int, mentions: int) -> str:
    """``Norvège : 12 paragraphes (1 intervention), 5 mentions``: the shape's title and the
    link's accessible name, so a screen reader hears the numbers the shade shows."""
    said = _count(paragraphs, "paragraphe", "paragraphes")
    if statements:
        said += f" ({_count(statements, 'intervention', 'interventions')})"
    return f"{name}\u00a0: {said}, {_count(mentions, 'mention', 'mentions')}"


def legend(scale: Scale, prefix: str, land: bool) -> list[dict[str, str]]:
    """The key of one measure: zero (the colour of the land outside the archive too, when the
    map shows any), then each class with its range."""
    return [{"cls": f"{prefix}0", "label": "0 ou hors de l’archive" if land else "0"}] + [
        {"cls": f"{prefix}{k}", "label": label} for k, label in zip(scale.levels(MAX_CLASSES), scale.labels())
    ]


def map_view(views: Views, geometry: Geometry, settings: MapSettings, link: Callable[[str], str]) -> dict[str, Any]:
    """What the map's template draws: ``land`` (one path), ``states`` (links in paint and Tab
    order), the key of each measure, and ``missing`` (states of the archive with no shape)."""
    by_code: dict[str, list[Shape]] = {}
    for shape in geometry.shapes:
        if shape.id is not None:
            by_code.setdefault(shape.id, []).append(shape)
    numbers = {
        s.id: (len(views.state_paragraphs[s.id]), len(views.state_statements[s.id]), len(views.state_mentions[s.id]))
        for s in views.states_sorted
    }
    scales = {
        "p": nice_scale((n[0] for n in numbers.values()), settings.classes),
        "m": nice_scale((n[2] for n in numbers.values()), settings.classes),
    }
    archive_codes: set[str] = set()
    large: list[dict[str, Any]] = []
    small: list[dict[str, Any]] = []
    missing: list[dict[str, str]] = []
    for state in views.states_sorted:
        code = numeric_code(state.iso3)
        shapes = by_code.get(code, []) if code else []
        href = link(urls.state_url(state.id))
        if not shapes:
            missing.append({"name": state.name, "href": href})
            continue
        archive_codes.add(code)
        paragraphs, statements, mentions = numbers[state.id]
        d = "".join(s.d for s in shapes)
        biggest = max(shapes, key=lambda s: s.area)
        item = {
            "href": href,
            "title": tooltip(state.name, paragraphs, statements, mentions),
            "cls": f"p{scales['p'].level(paragraphs, MAX_CLASSES)} m{scales['m'].level(mentions, MAX_CLASSES)}",
            "d": d,
            "marker": None,
        }
        if not d or sum(s.area for s in shapes) < settings.min_area:
            cx, cy = biggest.centroid
            item["marker"] = {"cx": _num(cx), "cy": _num(cy), "r": _num(settings.marker)}
            small.append(item)
        else:
            large.append(item)
    land = "".join(s.d for s in geometry.shapes if s.id not in archive_codes)
    return {
        "viewbox": f"0 0 {geometry.width} {geometry.height}",
        "land": land,
        "states": large + small,
        "count_label": _count(len(large) + len(small), "État", "États"),
        "markers": len(small),
        "missing": missing,
        "missing_label": "Absent de la carte" if len(missing) == 1 else "Absents de la carte",
        "measures": [
            {"key": key, "label": label, "legend": legend(scales[prefix], prefix, bool(land)), "checked": i == 0}
            for i, (key, prefix, label) in enumerate(MEASURES)
        ],
        "projection": PROJECTION_NAMES.get(settings.projection, settings.projection),
    }


def _num(x: float) -> str:
    """A coordinate as the SVG writes it: one decimal at most, no trailing zero."""
    text = f"{x:.1f}"
    return text[:-2] if text.endswith(".0") else text
