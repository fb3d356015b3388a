"""The figures' curated settings: ``figures:`` in ``data/site.yaml``.

What an editor may want to change without touching code lives here: the map's projection,
its width and what counts as too small to see; how many shades the map and the heat map use;
the organs the timeline names and how it folds its years. Each setting has a default, so a
site.yaml without ``figures:`` (or a test that builds ``Settings`` by hand) still draws every
figure; the organs default to none (every document then counts under "autres organes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

#: The shades and organ colours the stylesheet defines (static/css/style.css: --heat-1…5,
#: --map-1…5, --tl-1…6): a setting cannot ask for more.
MAX_CLASSES = 5
MAX_BODIES = 6

#: d3-geo projections worth a world map of states (whole world, no interruption).
PROJECTIONS = ("geoEqualEarth", "geoNaturalEarth1", "geoEquirectangular", "geoMercator")

_NUMERIC = re.compile(r"\d{3}")


@dataclass(frozen=True)
class MapSettings:
    """The world map (``figures.map``).

    ``width`` is the SVG's own unit (its viewBox), not pixels on screen: the map scales to its
    box; coordinates are rounded to whole units, so a wider map is sharper and heavier.
    ``min_area`` (square units) is the size under which a state also gets a round marker (a
    shape of a few units cannot be seen, let alone clicked); ``marker`` is that marker's
    radius. ``exclude`` lists ISO 3166-1 numeric codes left off the map (Antarctica: no state,
    a fifth of the height).
    """

    projection: str = "geoEqualEarth"
    width: int = 1000
    classes: int = 5
    min_area: float = 12.0
    marker: float = 4.0
    exclude: tuple[str, ...] = ("010",)


@dataclass(frozen=True)
class HeatSettings:
    """The states × topics heat map (``figures.heat``): how many shades."""

    classes: int = 5


@dataclass(frozen=True)
class Body:
    """An organ the timeline names: its label, short label, and the names that identify it in a
    document's ``body`` (English and French, as mastheads print them)."""

    label: str
    short: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class TimelineSettings:
    """The timeline (``figures.timeline``).

    ``bodies`` in the order the legend lists them; a document counts once, under the organ
    named first in its ``body``. A year with more than ``month_detail`` documents gets a
    breakdown by month. A state's page shows its timeline when the state has a role in at
    least ``state_min_documents`` documents (one bar says nothing a list does not).
    """

    bodies: tuple[Body, ...] = ()
    month_detail: int = 12
    state_min_documents: int = 2


@dataclass(frozen=True)
class FigureSettings:
    map: MapSettings = field(default_factory=MapSettings)
    heat: HeatSettings = field(default_factory=HeatSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)


def load_figure_settings(value: Any, path: Path) -> FigureSettings:
    """``figures:`` of site.yaml, validated; every problem is a :class:`ConfigError` naming the key."""
    if value is None:
        return FigureSettings()
    section = _mapping(value, "figures", {"map", "heat", "timeline"}, path)
    return FigureSettings(
        map=_map(section.get("map"), path),
        heat=HeatSettings(**_numbers(section.get("heat"), "figures.heat", {"classes": (2, MAX_CLASSES)}, path)),
        timeline=_timeline(section.get("timeline"), path),
    )


def _mapping(value: Any, name: str, known: set[str], path: Path) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) - known:
        raise ConfigError(f"{name} must be a mapping of {', '.join(sorted(known))}", path)
    return value


def _numbers(value: Any, name: str, ranges: dict[str, tuple[float, float]], path: Path) -> dict[str, Any]:
    """The numeric keys of a section, each within its (low, high) range."""
    if value is None:
        return {}
    section = _mapping(value, name, set(ranges), path)
    for key, n in section.items():
        low, high = ranges[key]
        if not isinstance(n, (int, float)) or isinstance(n, bool) or not low <= n <= high:
            raise ConfigError(f"{name}.{key} must be a number from {low} to {high}, not {n!r}", path)
    return dict(section)


def _map(value: Any, path: Path) -> MapSettings:
    if value is None:
        return MapSettings()
    section = _mapping(value, "figures.map", {"projection", "width", "classes", "min_area", "marker", "exclude"}, path)
    numbers = {k: v for k, v in section.items() if k not in ("projection", "exclude")}
    ranges = {"width": (200, 4000), "classes": (2, MAX_CLASSES), "min_area": (0, 10_000), "marker": (1, 50)}
    out: dict[str, Any] = _numbers(numbers, "figures.map", ranges, path)
    if isinstance(out.get("width"), float) or isinstance(out.get("classes"), float):
        raise ConfigError("figures.map.width and figures.map.classes must be whole numbers", path)
    if "projection" in section:
        if section["projection"] not in PROJECTIONS:
            raise ConfigError(f"figures.map.projection must be one of {', '.join(PROJECTIONS)}", path)
        out["projection"] = section["projection"]
    if "exclude" in section:
        codes = section["exclude"]
        if not isinstance(codes, list) or not all(isinstance(c, str) and _NUMERIC.fullmatch(c) for c in codes):
            raise ConfigError('figures.map.exclude must be a list of ISO 3166-1 numeric codes, quoted ("010")', path)
        out["exclude"] = tuple(codes)
    return MapSettings(**out)


def _timeline(value: Any, path: Path) -> TimelineSettings:
    if value is None:
        return TimelineSettings()
    section = _mapping(value, "figures.timeline", {"bodies", "month_detail", "state_min_documents"}, path)
    numbers = {k: v for k, v in section.items() if k != "bodies"}
    out: dict[str, Any] = _numbers(numbers, "figures.timeline", {"month_detail": (1, 10_000), "state_min_documents": (1, 10_000)}, path)
    if any(isinstance(v, float) for v in out.values()):  # a number of documents is whole
        raise ConfigError("figures.timeline numbers must be whole numbers", path)
    bodies = section.get("bodies") or []
    if not isinstance(bodies, list) or len(bodies) > MAX_BODIES:
        raise ConfigError(f"figures.timeline.bodies must be a list of at most {MAX_BODIES} organs", path)
    parsed = []
    for i, entry in enumerate(bodies):
        ok = (
            isinstance(entry, dict) and set(entry) == {"label", "short", "names"}
            and all(isinstance(entry[k], str) and entry[k].strip() for k in ("label", "short"))
            and isinstance(entry["names"], list) and entry["names"]
            and all(isinstance(n, str) and n.strip() for n in entry["names"])
        )  # fmt: skip
        if not ok:
            raise ConfigError(f"figures.timeline.bodies #{i + 1} must have a label, a short label and a list of names", path)
        parsed.append(Body(entry["label"], entry["short"], tuple(entry["names"])))
    if len({b.short for b in parsed}) != len(parsed):
        raise ConfigError("figures.timeline.bodies: two organs share a short label", path)
    if {b.short for b in parsed} & {"autres", "non lu"}:
        raise ConfigError("figures.timeline.bodies: 'autres' and 'non lu' are the timeline's own groups", path)
    out["bodies"] = tuple(parsed)
    return TimelineSettings(**out)
