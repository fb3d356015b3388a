/*
 * undocs — French text analysis of the search, browser side (twin of src/undocs/analysis.py).
 *
 * The index is built by lunr.py with the pipeline functions of src/undocs/analysis.py; this file
 * registers the SAME functions under the SAME labels on lunr.Pipeline, so that
 * lunr.Index.load() accepts the index and queries are analysed exactly as the documents were
 * (tests/test_analysis_parity.py runs this file under Node over the whole corpus).
 *
 *   undocs-fr-trimmer    tokenise (letters/marks/digits, apostrophe inside a word; elided
 *                        prefixes l’ d’ qu’ jusqu’ ... cut off); may split one token into several
 *   undocs-fr-folding    lower case, NFKD, no accents, œ -> oe, æ -> ae, apostrophes -> '
 *   undocs-fr-stopwords  drop the stop words of data/stopwords-fr.txt
 *   undocs-fr-stemmer    Snowball French (npm @orama/stemmers dist/fr.js; Python snowballstemmer
 *                        2.2.0, the same algorithm version)
 *
 * LOADING, in this order (paths are those written by the build):
 *
 *   1. assets/vendor/lunr/lunr.min.js                      classic <script>, defines `lunr`
 *   2. this file (analysis.js)                              classic <script>, defines
 *                                                           `undocsAnalysis` and registers the
 *                                                           four labels on lunr.Pipeline
 *   3. undocsAnalysis.load({...}) — returns a Promise; it fetches assets/analysis.json (stop
 *      words and elisions, written by the build from data/stopwords-fr.txt) and imports the
 *      stemmer, a self-contained ES module in plain JavaScript exporting `stemmer(word)`,
 *      assets/vendor/orama-stemmers/fr.js (a same-origin dynamic import(): allowed by the CSP
 *      `script-src 'self'`, no WebAssembly; needs http(s)://, not file://). Only once it has
 *      resolved:
 *   4. lunr.Index.load(serialisedIndex), then undocsAnalysis.search(index, text) (or
 *      index.query(...) with undocsAnalysis.queryTerms(text)).
 *
 *   <script src="assets/vendor/lunr/lunr.min.js"></script>
 *   <script src="assets/js/analysis.js"></script>
 *   <script src="assets/js/search.js"></script>   (no inline script: the CSP forbids it)
 *
 *   // in search.js:
 *   undocsAnalysis.load({
 *     dataUrl: "assets/analysis.json",
 *     stemmerUrl: "assets/vendor/orama-stemmers/fr.js"
 *   }).then(function (analysis) {
 *     // only now: lunr.Index.load(serialisedIndex), then analysis.search(index, text)
 *   });
 *
 * Relative URLs are resolved against document.baseURI. Under Node (tests), require() this file:
 * it requires "lunr" itself; call configure({stopwords, elisions, stem}) or load({data, stemmerUrl}).
 *
 * Public API (window.undocsAnalysis / module.exports):
 *   LABELS, configure(opts), load(opts) -> Promise, isReady(),
 *   tokens(text) -> [{start, end, surface}], tokenize(text) -> [surface],
 *   normalize(term), stem(term), term(surface) -> term | null, analyze(text) -> [term],
 *   queryTerms(text) -> [{term, wildcard}], search(index, text, {requireAll}) -> lunr results.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"));
  } else {
    root.undocsAnalysis = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  if (!lunr || !lunr.Pipeline) {
    throw new Error("undocs analysis.js: load assets/vendor/lunr/lunr.js before analysis.js");
  }

  var TRIMMER = "undocs-fr-trimmer";
  var FOLDING = "undocs-fr-folding";
  var STOPWORDS = "undocs-fr-stopwords";
  var MAX_TERM_LENGTH = 64; /* the same as analysis.py's MAX_TERM_LENGTH */
  var STEMMER = "undocs-fr-stemmer";
  var LABELS = [TRIMMER, FOLDING, STOPWORDS, STEMMER];

  // A word character: Unicode letter, mark or number, but not U+02BC (a letter for Unicode,
  // an apostrophe for us). Same definition as _word_class() in analysis.py.
  var W = "(?:(?!\u02BC)[\\p{L}\\p{M}\\p{N}])";
  var APOSTROPHES = "'\u2019\u2018\u02BC";
  var TOKEN_RE = new RegExp(W + "+(?:[" + APOSTROPHES + "]" + W + "+)*", "gu");
  var APOSTROPHE_RE = new RegExp("[" + APOSTROPHES + "]", "u");
  var MARKS_RE = /\p{M}/gu;
  var LIGATURES_RE = new RegExp("[\u0153\u00E6\u00DF\u2010" + APOSTROPHES + "]", "g");
  /* As src/undocs/textnorm.py folds (the parity test holds the two together). */
  var LIGATURES = { "\u0153": "oe", "\u00E6": "ae", "\u00DF": "ss", "\u2010": "-" };
  var NOT_TERM_RE = /[^\p{L}\p{M}\p{N}']+/gu;

  var state = { stopwords: null, elisions: null, stem: null, loading: null };

  function isReady() {
    return !!(state.stopwords && state.elisions && state.stem);
  }

  function requireReady() {
    if (!isReady()) {
      throw new Error("undocsAnalysis is not ready: call and wait for undocsAnalysis.load() (or configure())");
    }
  }

  function toSet(list) {
    var set = Object.create(null);
    for (var i = 0; i < list.length; i++) set[list[i]] = true;
    return set;
  }

  /* Fold a term: lower case, NFKD, no combining marks, œ/æ expanded, apostrophes as '. */
  function normalize(term) {
    var s = String(term).toLowerCase().normalize("NFKD").replace(MARKS_RE, "").toLowerCase();
    s = s.replace(LIGATURES_RE, function (c) { return LIGATURES[c] || "'"; });
    return s.replace(NOT_TERM_RE, "");
  }

  /* Tokens of a text with offsets (UTF-16 code units), elided prefixes cut off. */
  function tokens(text) {
    requireReady();
    var out = [];
    var str = String(text);
    var match;
    TOKEN_RE.lastIndex = 0;
    while ((match = TOKEN_RE.exec(str)) !== null) {
      var start = match.index;
      var surface = match[0];
      for (;;) {
        var apostrophe = APOSTROPHE_RE.exec(surface);
        if (apostrophe === null || !state.elisions[normalize(surface.slice(0, apostrophe.index))]) break;
        start += apostrophe.index + 1;
        surface = surface.slice(apostrophe.index + 1);
      }
      out.push({ start: start, end: start + surface.length, surface: surface });
    }
    return out;
  }

  function tokenize(text) {
    return tokens(text).map(function (t) { return t.surface; });
  }

  var stemCache = Object.create(null);
  function stem(term) {
    requireReady();
    var cached = stemCache[term];
    if (cached === undefined) {
      cached = stemCache[term] = state.stem(term);
    }
    return cached;
  }

  function isStopword(term) {
    requireReady();
    // Like analysis.py: a term longer than MAX_TERM_LENGTH code points is not indexed.
    return state.stopwords[term] === true ||
      (term.length > MAX_TERM_LENGTH && Array.from(term).length > MAX_TERM_LENGTH);
  }

  /* The index term of one token's surface, or null for a stop word. */
  function term(surface) {
    var folded = normalize(surface);
    if (!folded || isStopword(folded)) return null;
    return stem(folded);
  }

  function analyze(text) {
    var out = [];
    var list = tokens(text);
    for (var i = 0; i < list.length; i++) {
      var t = term(list[i].surface);
      if (t !== null) out.push(t);
    }
    return out;
  }

  /* ------------------------------------------------------------------ lunr pipeline */

  function trimmer(token) {
    var metadata = token.metadata || {};
    var position = metadata.position;
    return tokens(token.toString()).map(function (t) {
      var md = Object.assign({}, metadata);
      if (position) md.position = [position[0] + t.start, t.end - t.start];
      return new lunr.Token(t.surface, md);
    });
  }

  function folding(token) {
    token.update(function (s) { return normalize(s); });
    return token.toString() === "" ? null : token;
  }

  function stopwords(token) {
    return isStopword(token.toString()) ? null : token;
  }

  function stemmer(token) {
    return token.update(function (s) { return stem(s); });
  }

  var FUNCTIONS = [trimmer, folding, stopwords, stemmer];
  for (var i = 0; i < LABELS.length; i++) {
    lunr.Pipeline.registerFunction(FUNCTIONS[i], LABELS[i]);
  }

  /* Make a pipeline of the four functions (for a lunr.js Builder, e.g. in tests). */
  function useOn(pipeline) {
    pipeline.reset();
    for (var i = 0; i < LABELS.length; i++) pipeline.add(lunr.Pipeline.registeredFunctions[LABELS[i]]);
    return pipeline;
  }

  /* ------------------------------------------------------------------ configuration */

  /* opts: {stopwords: [...], elisions: [...] (both folded, as in assets/analysis.json),
   *        stem: function (foldedTerm) -> stem}. */
  function configure(opts) {
    if (!opts || !opts.stopwords || !opts.elisions || typeof opts.stem !== "function") {
      throw new Error("undocsAnalysis.configure needs {stopwords, elisions, stem}");
    }
    state.stopwords = toSet(opts.stopwords);
    state.elisions = toSet(opts.elisions);
    state.stem = opts.stem;
    stemCache = Object.create(null);
    return api;
  }

  function absolute(url) {
    // In a page, resolve against the document (a dynamic import() in a classic script would
    // resolve against the script's URL); under Node, keep module specifiers as they are.
    return typeof document !== "undefined" && document.baseURI ? new URL(url, document.baseURI).href : url;
  }

  /* opts: {dataUrl | data, stemmerUrl | stem}. Returns a Promise of the API, once ready. */
  function load(opts) {
    if (state.loading) return state.loading;
    opts = opts || {};
    var dataPromise = opts.data
      ? Promise.resolve(opts.data)
      : fetch(absolute(opts.dataUrl || "assets/analysis.json")).then(function (response) {
          if (!response.ok) throw new Error("undocsAnalysis: cannot fetch " + response.url + " (" + response.status + ")");
          return response.json();
        });
    var stemPromise = typeof opts.stem === "function"
      ? Promise.resolve(opts.stem)
      : import(absolute(opts.stemmerUrl || "assets/vendor/orama-stemmers/fr.js")).then(function (module) {
          if (typeof module.stemmer !== "function") throw new Error("undocsAnalysis: the stemmer module has no `stemmer` export");
          return module.stemmer;
        });
    state.loading = Promise.all([dataPromise, stemPromise]).then(function (results) {
      var data = results[0];
      var labels = (data.labels || []).join(",");
      if (labels !== LABELS.join(",")) {
        throw new Error("undocsAnalysis: assets/analysis.json is for labels [" + labels + "], this script has [" + LABELS.join(",") + "]");
      }
      return configure({ stopwords: data.stopwords, elisions: data.elisions, stem: results[1] });
    });
    state.loading.catch(function () { state.loading = null; });
    return state.loading;
  }

  /* ------------------------------------------------------------------ queries */

  /* The query terms of a text typed by a reader, analysed like the index. A word ending with
   * "*" is a prefix search: its last term gets a trailing wildcard (and is folded and stemmed
   * here, since lunr.js would pass a wildcard term through no pipeline at all). */
  function queryTerms(text) {
    var out = [];
    var seen = Object.create(null);
    var words = String(text).split(/\s+/);
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var prefix = /\*$/.test(word);
      var list = tokens(prefix ? word.replace(/\*+$/, "") : word);
      for (var j = 0; j < list.length; j++) {
        var wildcard = prefix && j === list.length - 1;
        var t = wildcard ? normalize(list[j].surface) : term(list[j].surface);
        if (t && wildcard) t = stem(t);
        if (!t) continue;
        var key = t + (wildcard ? "*" : "");
        if (seen[key]) continue;
        seen[key] = true;
        out.push({ term: t, wildcard: wildcard });
      }
    }
    return out;
  }

  /* Search a loaded lunr.Index without lunr's query syntax (so "A/67/131", "l’arme:" or
   * "non-prolifération" never break the query parser). requireAll (default true): every term
   * must match. */
  function search(index, text, opts) {
    var requireAll = !opts || opts.requireAll !== false;
    var terms = queryTerms(text);
    if (terms.length === 0) return [];
    return index.query(function (q) {
      for (var i = 0; i < terms.length; i++) {
        q.term(terms[i].term, {
          usePipeline: false,
          wildcard: terms[i].wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          presence: requireAll ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL
        });
      }
    });
  }

  var api = {
    LABELS: LABELS.slice(),
    configure: configure,
    load: load,
    isReady: isReady,
    tokens: tokens,
    tokenize: tokenize,
    normalize: normalize,
    stem: stem,
    isStopword: isStopword,
    term: term,
    analyze: analyze,
    useOn: useOn,
    queryTerms: queryTerms,
    search: search
  };
  return api;
});
