"""The world map's geometry: Natural Earth countries projected by d3-geo, at build time.

The geometry and the projection are maintained packages from npm (``world-atlas``,
``topojson-client``, ``d3-geo``, pinned in package.json and installed by ``npm ci``), run by
Node on ``worldmap.mjs`` beside this file: Python asks for a projection and the states it
needs, Node answers with SVG path strings in the map's own units. Nothing is fetched, nothing
is vendored, and the answer is the same for the same question (it is cached per build process).

The path strings are then made lean here (:func:`compact_path`): whole units, relative moves,
no repeated or collinear points, no ring too small to draw. About 34 KB of paths for the whole
world at 1,000 units wide, instead of 75 KB as d3 writes them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from .config import MapSettings

#: The Node script that projects the countries.
SCRIPT = Path(__file__).with_name("worldmap.mjs")

#: The project's ``node_modules/`` (beside ``src/``, as for the search assets).
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"

#: What the script needs under ``node_modules/`` (installed by ``npm ci``).
PACKAGES = ("world-atlas/countries-110m.json", "world-atlas/countries-50m.json",
            "world-atlas/countries-10m.json", "d3-geo/package.json", "topojson-client/package.json")  # fmt: skip

#: Seconds Node may take (it takes about half a second).
TIMEOUT = 120


@dataclass(frozen=True)
class Shape:
    """One country as projected: ISO 3166-1 numeric ``id`` (None for the few Natural Earth units
    without one, e.g. Somaliland: drawn, never linked), Natural Earth's English ``name``, the
    ``scale`` it comes from (``110m``, or ``50m``/``10m`` for a small state 1:110m lacks), its
    compact path ``d`` (empty when nothing is left to draw), its projected ``area`` in square
    units and the ``centroid`` of its largest piece (where a marker goes)."""

    id: str | None
    name: str
    scale: str
    d: str
    area: float
    centroid: tuple[float, float]


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    shapes: tuple[Shape, ...]


_RING = re.compile(r"M([^MZ]*)Z?")


def _ring_area(ring: list[tuple[int, int]]) -> int:
    """Twice the signed area of a ring (shoelace)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))


def compact_path(d: str) -> str:
    """An SVG path of ``M x,y L x,y … Z`` rings (as d3-geo writes them) in its shortest equivalent.

    Coordinates rounded to whole units; points equal to the previous one, and points on the
    straight line between their neighbours, dropped; rings left with no area dropped; every
    ring one absolute move then relative lines (``M12 40l3-1 0 2…z``: a minus sign separates
    numbers by itself). Drawn at the same size the shape is the same to the unit.
    """
    out: list[str] = []
    for match in _RING.finditer(d):
        ring: list[tuple[int, int]] = []
        for point in match.group(1).split("L"):
            if not point.strip():
                continue
            x, y = point.split(",")
            p = (round(float(x)), round(float(y)))
            if ring and ring[-1] == p:
                continue
            # The previous point lies on the segment from the one before it to this one: drop it.
            if len(ring) >= 2:
                (ax, ay), (bx, by) = ring[-2], ring[-1]
                cross = (bx - ax) * (p[1] - by) - (by - ay) * (p[0] - bx)
                forward = (bx - ax) * (p[0] - bx) + (by - ay) * (p[1] - by)
                if cross == 0 and forward > 0:
                    ring[-1] = p
                    continue
            ring.append(p)
        while len(ring) > 1 and ring[-1] == ring[0]:
            ring.pop()
        if len(ring) < 3 or _ring_area(ring) == 0:
            continue
        pieces = [f"M{ring[0][0]} {ring[0][1]}l"]
        x, y = ring[0]
        first = True
        for px, py in ring[1:]:
            for n in (px - x, py - y):
                pieces.append(str(n) if first or n < 0 else f" {n}")
                first = False
            x, y = px, py
        pieces.append("z")
        out.append("".join(pieces))
    return "".join(out)


def check_node(node_modules: Path) -> str:
    """The ``node`` executable; a :class:`ConfigError` in one line when it or a package is missing."""
    node = shutil.which("node")
    if node is None:
        raise ConfigError("node is not installed: the world map is drawn at build time with Node ≥ 20 (see README)")
    for package in PACKAGES:
        if not (node_modules / package).is_file():
            raise ConfigError(f"node_modules/{package} missing: run `npm ci` (the world map is drawn from it)")
    return node


def project(node_modules: Path, settings: MapSettings, numeric_ids: tuple[str, ...]) -> Geometry:
    """Every Natural Earth country, plus the small states among ``numeric_ids`` that 1:110m
    lacks (from 1:50m, else 1:10m), projected with ``settings``; paths compacted."""
    request = {
        "node_modules": str(Path(node_modules).resolve()),
        "width": settings.width,
        "margin": settings.marker + 2,
        "projection": settings.projection,
        "digits": 1,
        "exclude": list(settings.exclude),
        "fallback": sorted(set(numeric_ids)),
    }
    return _project(json.dumps(request, sort_keys=True))


@lru_cache(maxsize=8)
def _project(request: str) -> Geometry:
    node = check_node(Path(json.loads(request)["node_modules"]))
    try:
        proc = subprocess.run([node, str(SCRIPT)], input=request, capture_output=True, text=True,
                              timeout=TIMEOUT, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        raise ConfigError(f"the world map: node took more than {TIMEOUT} s", SCRIPT) from None
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        # Node's last line is the error itself ("Error: Cannot find module …").
        reason = next((line.strip() for line in reversed(lines) if "Error" in line), lines[-1].strip() if lines else "")
        raise ConfigError(f"the world map: node failed (exit {proc.returncode}): {reason}", SCRIPT)
    answer = json.loads(proc.stdout)
    shapes = tuple(
        Shape(c["id"], c["name"], c["scale"], compact_path(c["d"]), float(c["area"]), (float(c["centroid"][0]), float(c["centroid"][1])))
        for c in answer["countries"]
    )  # fmt: skip
    return Geometry(int(answer["width"]), int(answer["height"]), shapes)
