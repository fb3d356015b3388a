// Runs static/js/analysis.js under Node for tests/test_analysis_parity.py.
//
//   node tests/js/analysis_parity.mjs INPUT.json  > OUTPUT.json
//
// INPUT: {"data": <undocs.analysis.analysis_data()>, "texts": [string...],
//         "index": <serialised lunr.py index or null>, "queries": [string...]}
// OUTPUT: {"tokens": [[[start, end, surface]...]...], "analyze": [[term...]...],
//          "pipeline": [[term...]...]  (lunr.tokenizer + the registered search pipeline),
//          "normalize": [string...], "search": [[ref...]...], "labels": [...]}
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(root, "package.json"));
const lunr = require("lunr");
const analysis = require(path.join(root, "static", "js", "analysis.js"));

const input = JSON.parse(readFileSync(process.argv[2], "utf8"));
// The same loader the browser uses, minus fetch: data given inline, and the very file the build
// copies to assets/vendor/orama-stemmers/fr.js (the package's "exports" map hides dist/).
const stemmerFile = path.join(root, "node_modules", "@orama", "stemmers", "dist", "fr.js");
await analysis.load({ data: input.data, stemmerUrl: pathToFileURL(stemmerFile).href });

const pipeline = analysis.useOn(new lunr.Pipeline());
const out = { labels: analysis.LABELS, tokens: [], analyze: [], pipeline: [], normalize: [], search: [] };
for (const text of input.texts) {
  out.tokens.push(analysis.tokens(text).map((t) => [t.start, t.end, t.surface]));
  out.analyze.push(analysis.analyze(text));
  out.pipeline.push(pipeline.run(lunr.tokenizer(text)).map(String));
  out.normalize.push(analysis.normalize(text));
}
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
process.stdout.write(JSON.stringify(out));
