// Runs static/js/analysis.js under Node for tests/test_analysis_parity.py.
//
//   node tests/js/analysis_parity.mjs INPUT.json  > OUTPUT.json
//
// INPUT: {"data": <undocs.analysis.analysis_data()>, "texts": [string...],
//         "index": <serialised lunr.py index or null>, "queries": [string...]}
// OUTPUT: {"labels": {"fr": [...], "en": [...]}, "normalize": [string...],
//          "fr" and "en": {"tokens": [[[start, end, surface]...]...], "analyze": [[term...]...],
//                          "pipeline": [[term...]...]  (lunr.tokenizer + the language's pipeline)},
//          "unknown": [[term...]...]  (analyze(text, null): both languages),
//          "queryTerms": [[{surface, wildcard, fr, en, terms}...]...]  (of the queries),
//          "indexPipeline": [...], "search": [{helper, lunrSearch}...], "seconds": number}
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const started = process.hrtime.bigint();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(root, "package.json"));
const lunr = require("lunr");
const analysis = require(path.join(root, "static", "js", "analysis.js"));

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The same loader the browser uses, minus fetch: data given inline, and the very files the build
// copies (the packages' "exports" maps hide dist/): orama's fr.js, porter2's dist/index.js.
const stemmerFile = path.join(root, "node_modules", "@orama", "stemmers", "dist", "fr.js");
const stemmerEnFile = path.join(root, "node_modules", "porter2", "dist", "index.js");
await analysis.load({ data: input.data, stemmerUrl: pathToFileURL(stemmerFile).href, stemmerEnUrl: pathToFileURL(stemmerEnFile).href });

const out = { labels: { fr: analysis.labels("fr"), en: analysis.labels("en") }, normalize: [], unknown: [], search: [], queryTerms: [] };
for (const lang of analysis.LANGUAGES) {
  const pipeline = analysis.useOn(new lunr.Pipeline(), lang);
  const o = (out[lang] = { tokens: [], analyze: [], pipeline: [] });
  for (const text of input.texts) {
    o.tokens.push(analysis.tokens(text, lang).map((t) => [t.start, t.end, t.surface]));
    o.analyze.push(analysis.analyze(text, lang));
    o.pipeline.push(pipeline.run(lunr.tokenizer(text)).map(String));
  }
}
for (const text of input.texts) {
  out.normalize.push(analysis.normalize(text));
  out.unknown.push(analysis.analyze(text, null));
}
for (const q of input.queries || []) out.queryTerms.push(analysis.queryTerms(q));
if (input.index) {
  const index = lunr.Index.load(input.index);
  out.indexPipeline = index.pipeline._stack.map((fn) => fn.label);
  for (const q of input.queries || []) {
    out.search.push({
      helper: analysis.search(index, q).map((r) => r.ref),
      lunrSearch: index.search(q).map((r) => r.ref),
    });
  }
}
out.seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify(out));
