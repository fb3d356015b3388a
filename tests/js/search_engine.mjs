// Runs the search's own modules (static/js/search/engine.mjs, the code the page bundles) under
// Node on a built site's files, for tests/js_search.py: one query implementation, tested
// without a browser.
//
//   node tests/js/search_engine.mjs SITE_DIR     (SITE_DIR holds assets/analysis.json, assets/search/)
//
// Reads one JSON request per line on stdin: {"q": text, "filters": {etat, theme, doc, langue},
// "n": ids wanted}; writes one JSON line per request: {"refs": [every hit that passes the
// filters, best first], "ids": [paragraph ids of the first n], "count", "suggestion"}, or
// {"error": message}. Stops at the end of stdin.
//
// {"q": text, "scorers": true} asks for the hits of the query scored both ways (query.mjs's
// scoreClauses and lunr.Index.query itself): {"fast": hits, "lunr": hits}, each hit
// [ref, score, terms (in order), {term: [fields, sorted]}].
import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(root, "package.json"));
const lunr = require("lunr");
const analysis = require(path.join(root, "static", "js", "analysis.js"));
const { stemmer: stemFr } = await import("@orama/stemmers/french");
const { stem: stemEn } = require("porter2");
const { createEngine } = await import(path.join(root, "static", "js", "search", "engine.mjs"));
const { decodeJSON } = await import(path.join(root, "static", "js", "search", "files.mjs"));

const site = process.argv[2];
const readJSON = async (file) => decodeJSON(await readFile(path.join(site, file)));
await analysis.load({ data: await readJSON("assets/analysis.json"), stem: stemFr, stemEn });
const engine = createEngine({
  lunr,
  analysis,
  meta: await readJSON("assets/search/meta.json"),
  fetchJSON: (file) => readJSON(path.join("assets", "search", file)),
});

/* The hits of q scored by scoreClauses, then by lunr.Index.query, once its files are loaded. */
async function scorers(q) {
  await engine.attempt(() => engine.search(q));
  const hits = (on) => {
    engine.scoreWithLunr(on);
    try {
      return engine.search(q).hits.map((h) => [h.ref, h.score, Object.keys(h.md), Object.fromEntries(Object.keys(h.md).map((t) => [t, Object.keys(h.md[t]).sort()]))]);
    } finally {
      engine.scoreWithLunr(false);
    }
  };
  return { fast: hits(false), lunr: hits(true) };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let out;
  try {
    const request = JSON.parse(line);
    out = request.scorers ? await scorers(request.q) : await engine.find(request.q, request.filters || {}, request.n ?? 20);
  } catch (e) {
    out = { error: String(e && e.stack || e) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}
