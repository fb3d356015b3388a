/* The index's files (docs/search-index.md), loaded on demand and kept: term shards (t/n.json),
 * store pages (p/n.json), the paragraphs of a state or topic filter (f/<param>/<id>.json),
 * facets.json and lexicon.json, all under assets/search/.
 *
 * The query code is synchronous and reads only files already loaded; when it needs one that is
 * not, it says so (miss) and gives a provisional answer. attempt(fn) runs fn, fetches what it
 * missed, and runs it again, until nothing is missing: one round trip per "layer" of files,
 * however many files a query needs. */
import { fold } from "./fold.mjs";
import { prepareFacets } from "./facets.mjs";

export var FORMAT = 2;

/* The JSON of a search file's bytes (an ArrayBuffer): stored gzipped (.json.gz, see
 * src/undocs/search/__init__.py), or plain when a server already undid the gzip. */
export function decodeJSON(buffer) {
  var bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(JSON.parse(new TextDecoder().decode(bytes)));
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}

/* fetchJSON(path): a Promise of the parsed JSON of the file at `path` under assets/search/
 * (a fetch in the page, a file read under Node; decodeJSON for either). A: the analysis
 * (analysis.js). M: meta.json. */
export function createFiles(fetchJSON, A, M) {
  function getJSON(path) {
    return fetchJSON(path).then(function (data) {
      if (data.v !== FORMAT) throw new Error("search files: unknown format in " + path);
      return data;
    });
  }

  /* A cache of files by key: get(key) is the data once loaded (else undefined), fetch(key) a
   * Promise of it (one request per file, however many ask). */
  function cache(pathOf, prepare) {
    var data = Object.create(null), pending = Object.create(null);
    return {
      get: function (key) { return data[key]; },
      fetch: function (key) {
        if (data[key]) return Promise.resolve(data[key]);
        if (!pending[key]) {
          pending[key] = getJSON(pathOf(key)).then(function (d) {
            data[key] = prepare(d);
            return data[key];
          }, function (e) { delete pending[key]; throw e; });
        }
        return pending[key];
      }
    };
  }

  /* A term shard: its rows by term, its terms and vocabulary words in key order. */
  var shards = cache(function (n) { return "t/" + n + ".json.gz"; }, function (d) {
    var rows = Object.create(null), terms = [], words = [];
    for (var i = 0; i < d.t.length; i++) { rows[d.t[i][0]] = d.t[i]; terms.push(d.t[i][0]); }
    for (i = 0; i < d.w.length; i++) words.push([d.w[i], fold(A, d.w[i]), undefined]);
    return { rows: rows, terms: terms, words: words };
  });
  var pages = cache(function (n) { return "p/" + n + ".json.gz"; }, function (d) { return d; });
  var facets = cache(function () { return "facets.json.gz"; }, prepareFacets);
  /* A filter's paragraphs (key "etat/<id>" or "theme/<id>"): a Set of refs. */
  var filters = cache(function (key) { return "f/" + key + ".json.gz"; }, function (d) {
    var refs = new Set(), ref = 0;
    for (var i = 0; i < d.r.length; i++) { ref += d.r[i]; refs.add(ref); }
    return refs;
  });
  var lexicon = cache(function () { return "lexicon.json.gz"; }, function (d) {
    var words = d.w.map(function (w) { return [w[0], fold(A, w[0]), undefined, w[1]]; });
    return { terms: d.t, words: words, tokenSet: null };
  });

  /* What a planning pass found missing (see attempt()). */
  var misses = null;
  function miss(kind, key) {
    if (misses) misses.push([kind, key]);
  }

  /* Whether the pass running now has missed a file (its answer is provisional). */
  function missing() {
    return !!(misses && misses.length);
  }

  function fetchMissed(m) {
    return m[0] === "shard" ? shards.fetch(m[1]) : m[0] === "page" ? pages.fetch(m[1]) : m[0] === "filter" ? filters.fetch(m[1])
      : m[0] === "facets" ? facets.fetch(0) : lexicon.fetch(0);
  }

  /* Run fn (synchronous, reads only loaded files) until it ran with every file it needed:
   * each file it asked for and did not have is fetched, then it runs again. Resolves to its
   * last result. */
  function attempt(fn) {
    return new Promise(function (resolve, reject) {
      (function once(round) {
        misses = [];
        var result;
        try {
          result = fn();
        } catch (e) {
          misses = null;
          reject(e);
          return;
        }
        var needed = misses;
        misses = null;
        if (!needed.length || round > 12) { resolve(result); return; }
        Promise.all(needed.map(fetchMissed)).then(function () { once(round + 1); }, reject);
      })(0);
    });
  }

  /* The shard of a key: the last whose first key is not after it (M.k is sorted). */
  function shardOf(key) {
    var lo = 0, hi = M.k.length;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (M.k[mid] <= key) lo = mid; else hi = mid;
    }
    return lo;
  }

  function shard(n) {
    var s = shards.get(n);
    if (!s) miss("shard", n);
    return s;
  }

  /* The paragraph of a ref and its page's documents ({p, doc}), or undefined while the page
   * loads. */
  function paragraph(ref) {
    var n = Math.floor(ref / M.ps), page = pages.get(n);
    if (!page) { miss("page", n); return undefined; }
    var p = page.p[ref - n * M.ps];
    return { p: p, doc: page.d[p.d] };
  }

  function needParagraphs(hits) {
    hits.forEach(function (h) { paragraph(h.ref); });
  }

  /* facets.json, prepared (facets.mjs), or undefined while it loads. */
  function facetData() {
    var f = facets.get(0);
    if (!f) miss("facets");
    return f;
  }

  /* The refs (a Set) of the paragraphs of a state or topic (param "etat" or "theme", id: a
   * value of M.e or M.t), or undefined while they load. */
  function filterRefs(param, id) {
    var key = param + "/" + id, refs = filters.get(key);
    if (!refs) miss("filter", key);
    return refs;
  }

  /* lexicon.json, prepared, or undefined while it loads. */
  function lexiconData() {
    var l = lexicon.get(0);
    if (!l) miss("lexicon");
    return l;
  }

  return {
    attempt: attempt, miss: miss, missing: missing,
    shardOf: shardOf, shard: shard, prefetchShard: function (n) { return shards.fetch(n).catch(function () {}); },
    prefetchPage: function (n) { return pages.fetch(n).catch(function () {}); },
    paragraph: paragraph, needParagraphs: needParagraphs,
    facets: facetData, facetsLoaded: function () { return facets.get(0); },
    filterRefs: filterRefs, prefetchFilter: function (param, id) { return filters.fetch(param + "/" + id).catch(function () {}); },
    lexicon: lexiconData
  };
}
