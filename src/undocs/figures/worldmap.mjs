// The world map's geometry, projected at build time (run by undocs.figures.geometry).
//
// Reads one JSON request on stdin:
//   {"node_modules": "/path/node_modules", "width": 1000, "margin": 6,
//    "projection": "geoEqualEarth", "digits": 0, "exclude": ["010"], "fallback": ["470", "798"]}
// and writes one JSON answer on stdout:
//   {"width": 1000, "height": 487,
//    "countries": [{"id": "578", "name": "Norway", "scale": "110m", "d": "M…Z",
//                   "area": 123.4, "centroid": [512.3, 88.1]}, …]}
//
// Every country of Natural Earth 1:110m (world-atlas countries-110m.json) but `exclude`, in
// the file's order (those without an ISO code, e.g. Somaliland, with id null: the land has no
// hole); then each `fallback` id that 1:110m lacks, from 1:50m, else 1:10m (small states:
// Malta, Singapore, Tuvalu…). The projection is fitted to the width, within `margin`, with the
// excluded countries left out, so no room is spent on them. Python decides everything else
// (shading, links, markers); this script only projects. Same input, same bytes: no randomness,
// no clock.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const request = JSON.parse(readFileSync(0, "utf8"));
const require = createRequire(join(request.node_modules, "noop.js"));
const topojson = require("topojson-client");
const d3 = await import(pathToFileURL(require.resolve("d3-geo")).href);

const exclude = new Set(request.exclude || []);
const load = (scale) => {
  const topology = JSON.parse(readFileSync(join(request.node_modules, "world-atlas", `countries-${scale}.json`), "utf8"));
  return topojson.feature(topology, topology.objects.countries).features;
};

const base = load("110m").filter((f) => !exclude.has(f.id));
const have = new Set(base.map((f) => f.id));
const features = base.map((f) => [f, "110m"]);
let missing = (request.fallback || []).filter((id) => !have.has(id));
for (const scale of ["50m", "10m"]) {
  if (!missing.length) break;
  const wanted = new Set(missing);
  for (const f of load(scale)) {
    if (wanted.has(f.id)) {
      features.push([f, scale]);
      wanted.delete(f.id);
    }
  }
  missing = [...wanted];
}

// Fitted to every piece drawn (a fallback state may lie beyond 1:110m's land: Tuvalu), within
// the margin that a marker needs; then the height is the land's.
const all = { type: "FeatureCollection", features: features.map(([f]) => f) };
const margin = request.margin || 0;
const projection = d3[request.projection]();
if (!projection) throw new Error(`d3-geo has no projection ${request.projection}`);
projection.fitWidth(request.width - 2 * margin, all);
const path = d3.geoPath(projection).digits(request.digits);
const [[x0, y0], [, y1]] = path.bounds(all);
const [tx, ty] = projection.translate();
projection.translate([tx - x0 + margin, ty - y0 + margin]);
const height = Math.ceil(y1 - y0 + 2 * margin);

// The centroid of a country's largest piece: an archipelago's centre of mass may fall in the
// sea (Kiribati spans the antimeridian), a marker must sit on the state.
const largest = (f) => {
  if (f.geometry.type !== "MultiPolygon") return f;
  let best = null, bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const piece = { type: "Polygon", coordinates };
    const a = d3.geoArea(piece);
    if (a > bestArea) { best = piece; bestArea = a; }
  }
  return best;
};
const round = (x) => Math.round(x * 10) / 10;

const countries = features.map(([f, scale]) => ({
  id: f.id ?? null,
  name: f.properties.name,
  scale,
  d: path(f) || "",
  area: round(path.area(f)),
  centroid: path.centroid(largest(f)).map(round),
}));
process.stdout.write(JSON.stringify({
  width: request.width,
  height,
  countries,
}));
