"""The figures' modules (src/undocs/figures/): class breaks, compact SVG paths, the world map's
geometry and view, the heat map's classes, the timeline's counts, their settings.

The facts here are read from the sources: the seeds' sidecars (A/67/131 is dated "2012", year
only, by the Assemblée générale; the CD note verbale 2012-09-07, by the Conférence du
désarmement), data/states.yaml (195 states), Natural Earth's own gaps (world-atlas's 1:110m
lacks the small states, 1:50m lacks Tuvalu).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from corpus_fixture import settings as site_settings, small_corpus
from undocs import urls
from undocs.errors import ConfigError
from undocs.figures import geometry as geometry_module
from undocs.figures.config import Body, FigureSettings, MapSettings, TimelineSettings, load_figure_settings
from undocs.figures.geometry import NODE_MODULES, compact_path
from undocs.figures.heatmap import heat_class, heat_legend, heat_scale
from undocs.figures.scale import nice_ceiling, nice_scale
from undocs.figures.timeline import body_of, timeline_view, year_month
from undocs.figures.worldmap import map_view, numeric_code, state_geometry
from undocs.model import Corpus, Document
from undocs.pages.common import Linker
from undocs.pages.matrix import matrix_view
from undocs.settings import load_settings
from undocs.states import load_states
from undocs.views import build_views

ROOT = Path(__file__).resolve().parents[1]
SITE_YAML = ROOT / "data" / "site.yaml"


# --------------------------------------------------------------------------------------------
# Class breaks


def test_nice_ceiling_is_the_next_round_number():
    assert [nice_ceiling(x) for x in (0.5, 1, 1.5, 2, 2.1, 4, 6, 11, 31, 99, 101, 2500)] == \
        [1, 1, 2, 2, 3, 5, 10, 20, 50, 100, 200, 3000]  # fmt: skip


def test_a_skewed_archive_gets_round_breaks_ending_at_its_largest_count():
    scale = nice_scale([1] * 10 + [2] * 5 + [4, 6, 9, 14, 40, 109], 5)
    assert scale.lows[0] == 1 and scale.highs[-1] == 109
    assert all(h + 1 == lo for h, lo in zip(scale.highs, scale.lows[1:])), "classes must touch"
    assert all(h in (1, 2, 3, 5, 10, 20, 30, 50, 100, 200) for h in scale.highs[:-1])
    assert scale.bucket(0) == 0 and scale.bucket(1) == 1 and scale.bucket(109) == scale.classes
    assert scale.labels()[0] == "1" and scale.labels()[-1].endswith("109")


def test_equal_counts_make_one_class_shaded_in_the_middle():
    scale = nice_scale([44, 44, 44], 5)
    assert (scale.lows, scale.highs) == ((1,), (44,))
    assert scale.level(44, 5) == 3 and scale.level(0, 5) == 0


def test_no_counts_make_one_empty_class():
    assert nice_scale([0, 0], 5).classes == 1


@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=200), st.integers(min_value=2, max_value=5))
@hsettings(max_examples=200, deadline=None)
def test_classes_are_monotone_and_the_top_one_darkest(counts, classes):
    scale = nice_scale(counts, classes)
    assert 1 <= scale.classes <= classes
    values = sorted(set(counts) | {0, 1})
    buckets = [scale.bucket(n) for n in values]
    levels = [scale.level(n, 5) for n in values]
    assert buckets == sorted(buckets) and levels == sorted(levels), "a larger count never gets a lighter shade"
    positive = [n for n in counts if n > 0]
    if positive:
        assert scale.highs[-1] == max(positive)
        if scale.classes > 1:
            assert scale.level(max(positive), 5) == 5
        # Every class is reachable: its low end belongs to it.
        assert [scale.bucket(lo) for lo in scale.lows] == list(range(1, scale.classes + 1))


# --------------------------------------------------------------------------------------------
# Compact SVG paths


def decode(d: str) -> list[list[tuple[int, int]]]:
    """The rings of a compact path (``M x y l dx dy … z``) as absolute points."""
    rings = []
    for m in re.finditer(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        x, y = int(m.group(1)), int(m.group(2))
        ring = [(x, y)]
        steps = [int(n) for n in re.findall(r"-?\d+", m.group(3))]
        for dx, dy in zip(steps[::2], steps[1::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def test_compact_path_rounds_drops_repeats_and_straight_points():
    # A square with a repeated corner and a point halfway along its top edge, as d3 writes it.
    d3 = "M0.4,0L5,0L10.2,0L10,0L10,10L0,10Z"
    assert compact_path(d3) == "M0 0l10 0 0 10-10 0z"
    assert decode(compact_path(d3)) == [[(0, 0), (10, 0), (10, 10), (0, 10)]]


def test_compact_path_drops_rings_with_no_area_and_keeps_the_others():
    d3 = "M1,1L1.2,1.1L0.9,1Z" + "M0,0L4,0L4,3Z" + "M5,5L6,5L7,5Z"
    assert decode(compact_path(d3)) == [[(0, 0), (4, 0), (4, 3)]]
    assert compact_path("") == ""


def test_a_turn_back_is_kept():
    """A point where the line turns back on itself is not "on the way": dropping it would cut a spike."""
    assert decode(compact_path("M0,0L10,0L5,0L5,5Z")) == [[(0, 0), (10, 0), (5, 0), (5, 5)]]


# --------------------------------------------------------------------------------------------
# The world map's geometry (Node, world-atlas, d3-geo)


@pytest.fixture(scope="module")
def gazetteer():
    return load_states(ROOT / "data" / "states.yaml")


@pytest.fixture(scope="module")
def world(gazetteer):
    return state_geometry(gazetteer, NODE_MODULES, MapSettings())


def test_every_state_of_the_gazetteer_has_a_shape(gazetteer, world):
    """All 195 states, the small ones from 1:50m (Malta, Singapore…) or 1:10m (Tuvalu)."""
    assert len(gazetteer) == 195
    shaped = {s.id for s in world.shapes if s.d}
    drawn = {s.id for s in world.shapes}
    missing = [st.id for st in gazetteer if numeric_code(st.iso3) not in drawn]
    assert not missing, missing
    by_id = {s.id: s for s in world.shapes}
    assert by_id["470"].scale == "50m" and by_id["702"].scale == "50m"  # Malta, Singapore
    assert by_id["798"].scale == "10m"  # Tuvalu: not in 1:50m
    assert by_id["578"].scale == "110m" and "578" in shaped  # Norway
    assert "010" not in drawn, "Antarctica is excluded (site.yaml)"


def test_every_marker_lies_on_the_map(world):
    for shape in world.shapes:
        x, y = shape.centroid
        assert 0 <= x <= world.width and 0 <= y <= world.height, (shape.name, shape.centroid)


def test_units_without_an_iso_code_are_drawn_not_linked(world):
    """Natural Earth's Somaliland, Kosovo, N. Cyprus: land without a hole, never a link."""
    unnamed = {s.name for s in world.shapes if s.id is None}
    assert {"Somaliland", "Kosovo", "N. Cyprus"} <= unnamed


def test_the_geometry_is_the_same_twice(gazetteer):
    geometry_module._project.cache_clear()
    first = state_geometry(gazetteer[:20], NODE_MODULES, MapSettings())
    geometry_module._project.cache_clear()
    assert state_geometry(gazetteer[:20], NODE_MODULES, MapSettings()) == first


def test_paths_are_compact(world):
    total = sum(len(s.d) for s in world.shapes)
    assert total < 45_000, f"{total} bytes of paths for the world at 1,000 units"
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)*", s.d) for s in world.shapes)


def test_missing_node_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConfigError, match="node is not installed"):
        geometry_module.check_node(NODE_MODULES)
    monkeypatch.undo()
    with pytest.raises(ConfigError, match=r"node_modules/world-atlas/countries-110m.json missing: run `npm ci`"):
        geometry_module.check_node(tmp_path)


def test_the_build_says_node_is_missing_in_one_line(tmp_path):
    """Without node on PATH the build stops with one line, no traceback, exit 1."""
    env = {"PATH": str(tmp_path), "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--out", str(tmp_path / "out"), "--jobs", "1"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: node is not installed")


# --------------------------------------------------------------------------------------------
# The world map's view


@pytest.fixture(scope="module")
def views(corpus):
    return build_views(corpus)


@pytest.fixture(scope="module")
def seeds_map(views):
    settings = load_settings(SITE_YAML).figures.map
    geometry = state_geometry(views.corpus.states, NODE_MODULES, settings)
    link = Linker(urls.STATES, site_settings())
    return map_view(views, geometry, settings, link), link


def test_every_state_of_the_archive_is_a_link_to_its_page(views, seeds_map):
    view, link = seeds_map
    hrefs = [s["href"] for s in view["states"]]
    assert not view["missing"]
    assert sorted(hrefs) == sorted(link(urls.state_url(s.id)) for s in views.states_sorted)
    for item in view["states"]:
        assert item["d"] or item["marker"], item["title"]


def shade(item: dict, measure: str) -> int:
    """The shade of a state in one measure (``p`` paragraphs, ``m`` mentions), from its classes."""
    return next(int(c[1:]) for c in item["cls"].split() if c[0] == measure)


def test_every_state_that_speaks_has_a_shade(views, seeds_map):
    view, _ = seeds_map
    by_name = {s["title"].split("\u00a0:")[0]: s for s in view["states"]}
    for state in views.states_sorted:
        paragraphs = len(views.state_paragraphs[state.id])
        assert (shade(by_name[state.name], "p") > 0) == (paragraphs > 0), state.name
        mentions = len(views.state_mentions[state.id])
        assert (shade(by_name[state.name], "m") > 0) == (mentions > 0), state.name


def test_more_paragraphs_never_a_lighter_shade(views, seeds_map):
    view, _ = seeds_map
    by_name = {s["title"].split("\u00a0:")[0]: s for s in view["states"]}
    for measure, counts in (("p", views.state_paragraphs), ("m", views.state_mentions)):
        pairs = sorted((len(counts[s.id]), shade(by_name[s.name], measure)) for s in views.states_sorted)
        assert [lvl for _, lvl in pairs] == sorted(lvl for _, lvl in pairs), measure


def test_tooltips_say_the_numbers(views, seeds_map):
    view, _ = seeds_map
    norway = next(s for s in view["states"] if s["title"].startswith("Norvège"))
    n = len(views.state_paragraphs["norvege"])
    assert f"{n}\u00a0paragraphe" in norway["title"] and "(1\u00a0intervention)" in norway["title"]


def test_small_states_get_a_marker_painted_last():
    """A corpus naming Malta, Singapore and Norway: the two small ones have markers, after Norway."""
    states = [s for s in load_states(ROOT / "data" / "states.yaml") if s.id in ("malte", "singapour", "norvege")]
    views = build_views(Corpus(documents=(), states=tuple(states), topics=()))
    settings = MapSettings()
    view = map_view(views, state_geometry(views.corpus.states, NODE_MODULES, settings), settings, lambda u: u)
    order = [s["href"] for s in view["states"]]
    assert order == ["etats/norvege/", "etats/malte/", "etats/singapour/"]
    assert [bool(s["marker"]) for s in view["states"]] == [False, True, True]
    assert view["markers"] == 2


def test_the_whole_gazetteer_is_on_the_map(gazetteer):
    """An archive naming every state: each is a shape or a marker, none missing."""
    views = build_views(Corpus(documents=(), states=tuple(gazetteer), topics=()))
    settings = MapSettings()
    view = map_view(views, state_geometry(views.corpus.states, NODE_MODULES, settings), settings, lambda u: u)
    assert not view["missing"]
    assert len(view["states"]) == 195 and len({s["href"] for s in view["states"]}) == 195


# --------------------------------------------------------------------------------------------
# The heat map


def test_matrix_cells_shaded_by_their_count(views):
    matrix = matrix_view(views, Linker(urls.MATRIX, site_settings()))
    cells = [c for row in matrix["rows"] for c in row["cells"]]
    assert all(c["heat"] == "heat-0" for c in cells if c["count"] == 0)
    assert all(c["heat"] != "heat-0" for c in cells if c["count"] > 0)
    pairs = sorted((c["count"], int(c["heat"].split("-")[1])) for c in cells)
    assert [h for _, h in pairs] == sorted(h for _, h in pairs)
    # The key lists each shade in the table once, in order, with its range.
    used = sorted({c["heat"] for c in cells} - {"heat-0"})
    assert [k["cls"] for k in matrix["legend"]] == used
    top = max(c["count"] for c in cells)
    assert matrix["legend"][-1]["label"].endswith(str(top))


def test_states_that_never_speak_on_a_topic_are_not_rows(views):
    matrix = matrix_view(views, Linker(urls.MATRIX, site_settings()))
    for row in matrix["rows"]:
        assert any(c["count"] for c in row["cells"]), row["name"]
    silent = {s["name"] for s in matrix["silent"]}
    assert silent and not silent & {r["name"] for r in matrix["rows"]}


def test_heat_classes_functions():
    scale = heat_scale([1, 1, 2, 3, 8, 40], 5)
    assert heat_class(scale, 0) == "heat-0" and heat_class(scale, 40) == "heat-5"
    assert heat_legend(scale)[0] == {"cls": "heat-1", "label": "1"}


# --------------------------------------------------------------------------------------------
# The timeline

BODIES = load_settings(SITE_YAML).figures.timeline.bodies


def doc(id_: str, date: str | None, body: str | None) -> Document:
    return Document(id_, id_.upper(), (), "T", date, body, "fr", (), "plaintext", f"{id_}.txt", None)


def test_body_is_the_curated_organ_named_first():
    assert body_of("General Assembly, Security Council", BODIES) == "AG"
    assert body_of("Security Council, General Assembly", BODIES) == "CS"
    assert body_of("Report of the Disarmament Commission for 2025, General Assembly", BODIES) == "AG"
    assert body_of("Conférence du désarmement", BODIES) == "CD"
    assert body_of("Executive Board of the United Nations Development Programme", BODIES) == "autres"
    assert body_of(None, BODIES) == "non lu"


def test_dates_full_and_reduced():
    assert year_month("2012") == (2012, None)
    assert year_month("2012-09") == (2012, 9)
    assert year_month("2012-09-07") == (2012, 9)
    assert year_month(None) is None and year_month("s.d.") is None


def test_the_seeds_timeline_is_by_month_of_2012(corpus):
    """Both seeds are of 2012: the axis is its months; A/67/131 (dated "2012") cannot be placed
    in a month, the CD note verbale is in September."""
    t = timeline_view(corpus.documents, load_settings(SITE_YAML).figures.timeline)
    assert t["unit"] == "mois" and t["total"] == 2 and t["off_axis"] == 1
    september = next(r for r in t["rows"] if r["datetime"] == "2012-09")
    assert september["count"] == 1 and [d["short"] for d in september["detail"]] == ["CD"]
    unknown_month = next(r for r in t["rows"] if r["label"] == "mois non lu")
    assert [d["short"] for d in unknown_month["detail"]] == ["AG"]
    assert [c["title"] for c in t["columns"]] == ["septembre 2012\u00a0: 1\u00a0document (CD 1)"]


def test_years_gaps_months_and_unknown_dates_add_up():
    docs = [doc("a", "1994", "General Assembly"), doc("b", "1996-03-01", "Security Council"),
            doc("c", "1996-07", "General Assembly"), doc("d", None, "Human Rights Council"),
            doc("e", "2001-01-05", None)]  # fmt: skip
    settings = TimelineSettings(bodies=BODIES, month_detail=1)
    t = timeline_view(docs, settings)
    kinds = [(r["kind"], r["label"], r["count"]) for r in t["rows"]]
    assert kinds == [("period", "1994", 1), ("gap", "1995", 0), ("period", "1996", 2),
                     ("gap", "1997\u20132000", 0), ("period", "2001", 1), ("undated", "date non lue", 1)]  # fmt: skip
    # Every document is counted once: the years' rows and the unknown dates.
    assert sum(r["count"] for r in t["rows"]) == len(docs) == t["total"]
    # 1996 has 2 documents, more than month_detail: March and July.
    months = next(r for r in t["rows"] if r["label"] == "1996")["months"]
    assert {m["label"]: m["count"] for m in months if m["count"]} == {"mars": 1, "juil.": 1}
    # The axis runs evenly over 1994–2001 (8 places), only the 3 dated years have columns.
    assert t["viewbox"] == "0 0 80 100" and len(t["columns"]) == 3 and t["axis"] == ["1994", "2001"]
    assert t["off_axis"] == 1
    assert [b["short"] for b in t["legend"]] == ["AG", "CS", "CDH", None]


def test_columns_scale_to_the_tallest_and_stack_in_legend_order():
    docs = [doc(f"x{i}", "2020", "General Assembly") for i in range(9)] + [doc("y", "2020", "Security Council"),
            doc("z", "2022", "Security Council")]  # fmt: skip
    t = timeline_view(docs, TimelineSettings(bodies=BODIES, month_detail=100))
    tall, short = t["columns"]
    assert [r["cls"] for r in tall["rects"]] == ["tl-1", "tl-2"]  # AG under CS, in site.yaml's order
    assert sum(float(r["height"]) for r in tall["rects"]) == pytest.approx(100)
    assert float(tall["rects"][0]["height"]) == pytest.approx(90)
    # One document among ten is a tenth of the height (over the least height of a column).
    assert float(short["rects"][0]["height"]) == pytest.approx(10)
    assert float(short["rects"][0]["x"]) == 21  # the third place of 10 units, 1 unit in


def test_an_organ_keeps_its_colour_whatever_is_present():
    t = timeline_view([doc("a", "2020", "Security Council")], TimelineSettings(bodies=BODIES))
    assert t["legend"][0]["cls"] == "tl-2"


def test_a_state_page_shows_its_timeline_only_with_enough_documents(corpus):
    from undocs.pages.state import state_view

    views = build_views(corpus)
    link = Linker(urls.state_url("norvege"), site_settings())
    roles = {r.document for r in views.state_roles["norvege"]}
    timeline = TimelineSettings(bodies=BODIES, state_min_documents=len(roles))
    assert state_view("norvege", views, link, timeline=timeline)["timeline"]["total"] == len(roles)
    timeline = replace(timeline, state_min_documents=len(roles) + 1)
    assert state_view("norvege", views, link, timeline=timeline)["timeline"] is None


# --------------------------------------------------------------------------------------------
# Settings


def test_site_yaml_figures_load():
    figures = load_settings(SITE_YAML).figures
    assert figures.map.projection == "geoEqualEarth" and figures.map.exclude == ("010",)
    assert [b.short for b in figures.timeline.bodies][:3] == ["AG", "CS", "ECOSOC"]


@pytest.mark.parametrize("value, message", [
    ({"map": {"projection": "geoFoo"}}, "projection must be one of"),
    ({"map": {"classes": 9}}, "from 2 to 5"),
    ({"map": {"exclude": [10]}}, "numeric codes"),
    ({"heat": {"shades": 3}}, "figures.heat must be a mapping of classes"),
    ({"timeline": {"bodies": [{"label": "X", "short": "autres", "names": ["X"]}]}}, "timeline's own groups"),
    ({"timeline": {"bodies": [{"label": "X", "names": ["X"]}]}}, "a label, a short label and a list of names"),
    ({"timeline": {"month_detail": 1.5}}, "whole numbers"),
    ({"colours": {}}, "figures must be a mapping"),
])  # fmt: skip
def test_bad_figure_settings_are_named(value, message, tmp_path):
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_figure_settings(value, tmp_path / "site.yaml")


def test_no_figure_settings_means_the_defaults(tmp_path):
    assert load_figure_settings(None, tmp_path / "site.yaml") == FigureSettings()
    assert FigureSettings().timeline.bodies == () and Body("A", "a", ("x",)).names == ("x",)


def test_the_small_corpus_renders_its_figures():
    """The render step draws the three figures for a hand-made corpus and settings."""
    from undocs.export import export_data
    from undocs.render import render_site
    from undocs.report import BuildReport

    corpus = small_corpus()
    views = build_views(corpus)
    files = render_site(views, site_settings(), BuildReport(), ROOT / "templates", export_data(corpus, BuildReport(), views))
    states = files["etats/index.html"].decode()
    assert states.count('class="st ') == len(corpus.states)
    assert 'class="figure timeline"' in files["documents/index.html"].decode()
    assert "heat-" in files["etats-themes/index.html"].decode()
