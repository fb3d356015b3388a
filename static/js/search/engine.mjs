/* The search without the page: given lunr, the analysis (analysis.js, loaded) and meta.json, and
 * a way to read the other files of assets/search/, answers queries. The page (page.mjs) draws
 * what it answers; tests/js/search_engine.mjs runs the reader cases of tests/search_cases.yaml
 * on it under Node, with the built site's files: one query implementation, in one language. */
import { createFacets, filtering } from "./facets.mjs";
import { createFiles, FORMAT } from "./files.mjs";
import { createQuery, isTyping, usesSyntax } from "./query.mjs";
import { createTerms } from "./terms.mjs";
import { unique } from "./lists.mjs";
import { createWhy } from "./why.mjs";

export { FORMAT };

/* opts: {lunr, analysis (ready), meta (meta.json, parsed), fetchJSON(path) -> Promise}. */
export function createEngine(opts) {
  var A = opts.analysis, M = opts.meta;
  if (M.v !== FORMAT) throw new Error("search files: unknown format in meta.json");
  M.fields = M.f.map(function (f) { return f[0]; });
  M.scale = M.s;
  var ctx = { lunr: opts.lunr, A: A, M: M, pipeline: opts.lunr.Pipeline.load(M.pipeline) };
  ctx.files = createFiles(opts.fetchJSON, A, M);
  ctx.terms = createTerms(ctx);
  var query = createQuery(ctx), facets = createFacets(ctx), why = createWhy(ctx), files = ctx.files;

  /* The query without each of its words, in turn, that finds something (with the filters):
   * [{q, word, count}] (synchronous, like query.search). */
  function alternatives(text, filters) {
    var words = A.tokens(text).map(function (t) { return t.surface; });
    if (words.length < 2 || words.length > 8) return [];
    var out = [];
    words.forEach(function (w, i) {
      var q = words.slice(0, i).concat(words.slice(i + 1)).join(" ");
      if (out.some(function (o) { return o.q === q; })) return;
      var n = facets.filtered(query.search(q).hits, filters).length;
      if (n) out.push({ q: q, word: w, count: n });
    });
    return out;
  }

  /* Ask at once for the shards a plain query will read (its words' terms; for the last word,
   * being typed, the first shards of its completions), and the files of the filters set
   * (facets.mjs's prefetch): the first results of a shared link
   * wait on them, and the query's first run (cold code) then overlaps their loading.
   * attempt() finds them pending and asks for anything else. */
  function prefetch(text, filters) {
    if (filters) facets.prefetch(filters);
    if (usesSyntax(text)) return;
    var toks = A.tokens(text), wanted = [];
    toks.forEach(function (tok) {
      ctx.terms.wordTerms(tok.surface).forEach(function (t) { wanted.push(files.shardOf(t)); });
    });
    var folded = toks.length && isTyping(text) ? A.normalize(toks[toks.length - 1].surface) : "";
    if (folded.length >= 2) {
      for (var n = files.shardOf(folded), last = files.shardOf(folded + "\uffff"); n <= last && wanted.length < 8; n++) wanted.push(n);
    }
    unique(wanted).forEach(files.prefetchShard);
  }

  /* A small archive (at most SMALL files of shards and store pages: the seeds have 5 + 10) is
   * loaded whole once the first results are on the page: the next queries then fetch nothing.
   * A larger one is not: each query fetches what it needs. Resolves when done (never fails). */
  var SMALL = 16;
  function preloadSmall() {
    var pages = Math.ceil(M.n / M.ps), wanted = [];
    if (M.k.length + pages > SMALL) return Promise.resolve(false);
    for (var n = 0; n < M.k.length; n++) wanted.push(files.prefetchShard(n));
    for (n = 0; n < pages; n++) wanted.push(files.prefetchPage(n));
    return Promise.all(wanted).then(function () { return true; });
  }

  /* A Promise of the answer to a text with filters: {refs (every hit that passes the filters,
   * best first), ids (the paragraph ids of the first n), count, suggestion}. What the tests and
   * benchmarks ask (page.mjs's window.undocsSearch, tests/js/search_engine.mjs). */
  function find(text, filters, n) {
    var found;
    return query.answer(String(text)).then(function (r) {
      return files.attempt(function () {
        found = { hits: facets.filtered(r.hits, filters || {}), suggestion: r.suggestion };
        files.needParagraphs(found.hits.slice(0, n));
      });
    }).then(function () {
      return {
        refs: found.hits.map(function (h) { return h.ref; }),
        ids: found.hits.slice(0, n).map(function (h) { return files.paragraph(h.ref).p.i; }),
        count: found.hits.length,
        suggestion: found.suggestion
      };
    });
  }

  return {
    M: M,
    answer: query.answer, search: query.search, scoreWithLunr: query.scoreWithLunr, find: find, prefetch: prefetch, alternatives: alternatives,
    preloadSmall: preloadSmall,
    filtering: filtering, filtered: facets.filtered, counts: facets.counts, label: facets.label,
    explain: why.explain, langOf: ctx.terms.langOf,
    attempt: files.attempt, paragraph: files.paragraph, needParagraphs: files.needParagraphs,
    facets: files.facets, facetsLoaded: files.facetsLoaded
  };
}
