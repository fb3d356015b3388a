/*
 * undocs — the text analysis of the search, French and English, browser side (twin of
 * src/undocs/analysis.py).
 *
 * The index is built by lunr.py with the pipeline functions of src/undocs/analysis.py; this file
 * registers the SAME functions under the SAME labels on lunr.Pipeline, so that
 * lunr.Index.load() accepts the index and queries are analysed exactly as the documents were
 * (tests/test_analysis_parity.py runs this file under Node over the whole corpus, both languages).
 *
 *   undocs-fr-trimmer    tokenise (letters/marks/digits, apostrophe inside a word; elided
 *                        prefixes l’ d’ qu’ jusqu’ ... cut off); may split one token into several
 *   undocs-fr-folding    lower case, NFKD, no accents, œ -> oe, æ -> ae, apostrophes -> '
 *   undocs-fr-stopwords  drop the stop words of data/stopwords-fr.txt
 *   undocs-fr-stemmer    Snowball French (npm @orama/stemmers dist/fr.js; Python PyStemmer
 *                        2.2.0.3, the same algorithm version)
 *
 *   undocs-en-trimmer    the same tokens, no elision
 *   undocs-en-folding    the same folding, then a possessive 's cut off (Norway’s -> norway)
 *   undocs-en-stopwords  drop lunr's English stop words (lunr.js's stopWordFilter list)
 *   undocs-en-stemmer    Snowball English, Porter2 (npm porter2 dist/index.js; Python
 *                        PyStemmer "english")
 *
 * Every function takes the language, "fr" (the default) or "en"; analyze(text, null) and
 * terms(surface, null) analyse a text of unknown language both ways.
 *
 * LOADING, in this order (paths are those written by the build):
 *
 *   1. assets/vendor/lunr/lunr.min.js                      classic <script>, defines `lunr`
 *   2. this file (analysis.js)                              classic <script>, defines
 *                                                           `undocsAnalysis` and registers the
 *                                                           eight labels on lunr.Pipeline
 *   3. undocsAnalysis.load({...}) — returns a Promise; it fetches assets/analysis.json (stop
 *      words and elisions of both languages, written by the build) unless given `data`, and
 *      gets the stemmers:
 *        French:  opts.stem (the search bundle gives it), else self.undocsStemmerFr.stemmer, else an
 *                 import() of opts.stemmerUrl (assets/vendor/orama-stemmers/fr.js, an ES module
 *                 exporting `stemmer(word)`: a same-origin dynamic import(), allowed by the CSP
 *                 `script-src 'self'`; needs http(s)://, not file://);
 *        English: opts.stemEn (the search bundle gives it), else self.undocsStemmerEn.stemmer, else an
 *                 import() of opts.stemmerEnUrl (a module exporting `stemmer` or `stem`).
 *                 Given none of these, English is not loaded: isReady("en") is false and
 *                 queryTerms() gives French terms only.
 *      Only once it has resolved:
 *   4. lunr.Index.load(serialisedIndex), then undocsAnalysis.search(index, text) (or
 *      index.query(...) with undocsAnalysis.queryTerms(text)).
 *
 *   <script src="assets/vendor/lunr/lunr.min.js"></script>
 *   <script src="assets/js/analysis.js"></script>
 *   <script src="your-search.js"></script>   (no inline script: the CSP forbids it)
 *
 * The archive's search page does not load it so: static/js/search/page.mjs imports it, and
 * esbuild bundles them (src/undocs/vendor_assets.py).
 *
 * Relative URLs are resolved against document.baseURI. Under Node (tests), require() this file:
 * it requires "lunr" itself; call configure({stopwords, elisions, stem, en: {stopwords, stem}})
 * or load({data, stemmerUrl, stemmerEnUrl}).
 *
 * Public API (window.undocsAnalysis / module.exports); lang is "fr" (default) or "en":
 *   LABELS, LABELS_EN, LANGUAGES, labels(lang), configure(opts), load(opts) -> Promise,
 *   isReady(lang), tokens(text, lang) -> [{start, end, surface}], tokenize(text, lang) -> [surface],
 *   normalize(term), fold(surface, lang), stem(term, lang), isStopword(term, lang),
 *   term(surface, lang) -> term | null, terms(surface, lang | null) -> [term],
 *   analyze(text, lang | null) -> [term], useOn(pipeline, lang),
 *   queryTerms(text) -> [{surface, wildcard, fr, en, terms}]  (one per query word, both languages),
 *   search(index, text, {requireAll}) -> lunr results.
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
  var LABELS_EN = ["undocs-en-trimmer", "undocs-en-folding", "undocs-en-stopwords", "undocs-en-stemmer"];
  var LANGUAGES = ["fr", "en"];

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

  /* Per language: {stopwords, elisions, stem, cache}. */
  var state = { fr: null, en: null, loading: null };

  function check(lang) {
    if (lang === undefined) return "fr";
    if (lang !== "fr" && lang !== "en") throw new Error("undocsAnalysis: no analysis for language " + JSON.stringify(lang));
    return lang;
  }

  function labels(lang) {
    return (check(lang) === "fr" ? LABELS : LABELS_EN).slice();
  }

  function isReady(lang) {
    return state[check(lang)] !== null;
  }

  function ready(lang) {
    var s = state[check(lang)];
    if (s === null) {
      throw new Error("undocsAnalysis is not ready" + (lang === "en" ? " in English (no English stemmer given to load())" : "") +
        ": call and wait for undocsAnalysis.load() (or configure())");
    }
    return s;
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

  /* The number of code units an elided prefix takes at the front of surface (0: none). */
  function elided(surface, elisions) {
    var cut = 0;
    for (;;) {
      var rest = surface.slice(cut);
      var apostrophe = APOSTROPHE_RE.exec(rest);
      if (apostrophe === null || !elisions[normalize(rest.slice(0, apostrophe.index))]) return cut;
      cut += apostrophe.index + 1;
    }
  }

  /* Tokens of a text with offsets (UTF-16 code units), elided prefixes cut off (French). */
  function tokens(text, lang) {
    var elisions = ready(lang).elisions;
    var out = [];
    var str = String(text);
    var match;
    TOKEN_RE.lastIndex = 0;
    while ((match = TOKEN_RE.exec(str)) !== null) {
      var start = match.index;
      var surface = match[0];
      var cut = elided(surface, elisions);
      out.push({ start: start + cut, end: start + surface.length, surface: surface.slice(cut) });
    }
    return out;
  }

  function tokenize(text, lang) {
    return tokens(text, lang).map(function (t) { return t.surface; });
  }

  function stem(term, lang) {
    var s = ready(lang);
    var cached = s.cache[term];
    if (cached === undefined) {
      cached = s.cache[term] = s.stem(term);
    }
    return cached;
  }

  function isStopword(term, lang) {
    // Like analysis.py: a term longer than MAX_TERM_LENGTH code points is not indexed.
    return ready(lang).stopwords[term] === true ||
      (term.length > MAX_TERM_LENGTH && Array.from(term).length > MAX_TERM_LENGTH);
  }

  /* The folding step of a language: normalize(), and in English a possessive 's cut off. */
  function fold(surface, lang) {
    var folded = normalize(surface);
    if (check(lang) === "en" && folded.length > 2 && folded.slice(-2) === "'s") return folded.slice(0, -2);
    return folded;
  }

  /* The index term of one token's surface, or null for a stop word. */
  function term(surface, lang) {
    var folded = fold(surface, lang);
    if (!folded || isStopword(folded, lang)) return null;
    return stem(folded, lang);
  }

  /* The index terms of one token's surface: [term] in lang, or, for lang === null (unknown
   * language), its distinct terms in French (elided prefixes cut off) then English. */
  function terms(surface, lang) {
    if (lang !== null) {
      var t = term(surface, lang);
      return t === null ? [] : [t];
    }
    var fr = term(surface.slice(elided(surface, ready("fr").elisions)), "fr");
    var en = term(surface, "en");
    var out = [];
    if (fr !== null) out.push(fr);
    if (en !== null && en !== fr) out.push(en);
    return out;
  }

  /* The index terms of a text, in order; lang === null: each (English) token's terms in both. */
  function analyze(text, lang) {
    var out = [];
    var list = tokens(text, lang === null ? "en" : lang);
    for (var i = 0; i < list.length; i++) {
      if (lang === null) {
        Array.prototype.push.apply(out, terms(list[i].surface, null));
        continue;
      }
      var t = term(list[i].surface, lang);
      if (t !== null) out.push(t);
    }
    return out;
  }

  /* ------------------------------------------------------------------ lunr pipeline */

  function pipelineFunctions(lang) {
    function trimmer(token) {
      var metadata = token.metadata || {};
      var position = metadata.position;
      return tokens(token.toString(), lang).map(function (t) {
        var md = Object.assign({}, metadata);
        if (position) md.position = [position[0] + t.start, t.end - t.start];
        return new lunr.Token(t.surface, md);
      });
    }

    function folding(token) {
      token.update(function (s) { return fold(s, lang); });
      return token.toString() === "" ? null : token;
    }

    function stopwords(token) {
      return isStopword(token.toString(), lang) ? null : token;
    }

    function stemmer(token) {
      return token.update(function (s) { return stem(s, lang); });
    }

    return [trimmer, folding, stopwords, stemmer];
  }

  for (var l = 0; l < LANGUAGES.length; l++) {
    var functions = pipelineFunctions(LANGUAGES[l]);
    var names = labels(LANGUAGES[l]);
    for (var i = 0; i < names.length; i++) lunr.Pipeline.registerFunction(functions[i], names[i]);
  }

  /* Make a pipeline of the four functions of a language (for a lunr.js Builder, e.g. in tests). */
  function useOn(pipeline, lang) {
    var names = labels(lang);
    pipeline.reset();
    for (var i = 0; i < names.length; i++) pipeline.add(lunr.Pipeline.registeredFunctions[names[i]]);
    return pipeline;
  }

  /* ------------------------------------------------------------------ configuration */

  /* opts: {stopwords: [...], elisions: [...] (both folded, as in assets/analysis.json),
   *        stem: function (foldedTerm) -> stem,  (French)
   *        en: {stopwords: [...], stem: function} (optional: English)}. */
  function configure(opts) {
    if (!opts || !opts.stopwords || !opts.elisions || typeof opts.stem !== "function") {
      throw new Error("undocsAnalysis.configure needs {stopwords, elisions, stem}");
    }
    if (opts.en && (!opts.en.stopwords || typeof opts.en.stem !== "function")) {
      throw new Error("undocsAnalysis.configure needs en: {stopwords, stem}");
    }
    state.fr = { stopwords: toSet(opts.stopwords), elisions: toSet(opts.elisions), stem: opts.stem, cache: Object.create(null) };
    state.en = opts.en
      ? { stopwords: toSet(opts.en.stopwords), elisions: Object.create(null), stem: opts.en.stem, cache: Object.create(null) }
      : null;
    return api;
  }

  function absolute(url) {
    // In a page, resolve against the document (a dynamic import() in a classic script would
    // resolve against the script's URL); under Node, keep module specifiers as they are.
    return typeof document !== "undefined" && document.baseURI ? new URL(url, document.baseURI).href : url;
  }

  /* A stemmer module: an ES module exporting `stemmer(word)` (orama's fr.js) or a module whose
   * `stem` export, or its default export's, is the function (porter2's dist/index.js, CommonJS:
   * importable under Node; a page gets it from the bundle as self.undocsStemmerEn). */
  function importStemmer(url) {
    return import(absolute(url)).then(function (module) {
      var fn = module.stemmer || module.stem || (module.default && (module.default.stemmer || module.default.stem));
      if (typeof fn !== "function") throw new Error("undocsAnalysis: the stemmer module " + url + " has no `stemmer` or `stem` export");
      return fn;
    });
  }

  /* opts: {dataUrl | data, stemmerUrl | stem, stemmerEnUrl | stemEn}. Returns a Promise of the
   * API, once ready (see LOADING at the top). */
  function load(opts) {
    if (state.loading) return state.loading;
    opts = opts || {};
    var dataPromise = opts.data
      ? Promise.resolve(opts.data)
      : fetch(absolute(opts.dataUrl || "assets/analysis.json")).then(function (response) {
          if (!response.ok) throw new Error("undocsAnalysis: cannot fetch " + response.url + " (" + response.status + ")");
          return response.json();
        });
    var bundled = typeof self !== "undefined" ? self : {};
    var stemPromise = typeof opts.stem === "function"
      ? Promise.resolve(opts.stem)
      : bundled.undocsStemmerFr && typeof bundled.undocsStemmerFr.stemmer === "function"
        ? Promise.resolve(bundled.undocsStemmerFr.stemmer)
        : importStemmer(opts.stemmerUrl || "assets/vendor/orama-stemmers/fr.js");
    var stemEnPromise = typeof opts.stemEn === "function"
      ? Promise.resolve(opts.stemEn)
      : bundled.undocsStemmerEn && typeof bundled.undocsStemmerEn.stemmer === "function"
        ? Promise.resolve(bundled.undocsStemmerEn.stemmer)
        : opts.stemmerEnUrl ? importStemmer(opts.stemmerEnUrl) : Promise.resolve(null);
    state.loading = Promise.all([dataPromise, stemPromise, stemEnPromise]).then(function (results) {
      var data = results[0];
      var found = (data.labels || []).join(",");
      if (found !== LABELS.join(",")) {
        throw new Error("undocsAnalysis: assets/analysis.json is for labels [" + found + "], this script has [" + LABELS.join(",") + "]");
      }
      var en = null;
      if (results[2]) {
        var foundEn = ((data.en && data.en.labels) || []).join(",");
        if (foundEn !== LABELS_EN.join(",")) {
          throw new Error("undocsAnalysis: assets/analysis.json is for English labels [" + foundEn + "], this script has [" + LABELS_EN.join(",") + "]");
        }
        en = { stopwords: data.en.stopwords, stem: results[2] };
      }
      return configure({ stopwords: data.stopwords, elisions: data.elisions, stem: results[1], en: en });
    });
    state.loading.catch(function () { state.loading = null; });
    return state.loading;
  }

  /* ------------------------------------------------------------------ queries */

  /* The query words of a text typed by a reader, each analysed like the index in both
   * languages (English only once its stemmer is loaded): [{surface, wildcard, fr, en, terms}],
   * one per token, in order; `fr`/`en`: the term in that language (null: a stop word there),
   * `terms`: the distinct ones (French first). A token both languages drop is left out. A word
   * ending with "*" is a prefix search: its last token is folded and stemmed here (lunr.js
   * would pass a wildcard term through no pipeline at all) and `wildcard` is true. Tokens are
   * French (elided prefixes cut off: "l’arme" -> "arme"), the English term of the same
   * token. Duplicate words (same terms, same wildcard) are given once. */
  function queryTerms(text) {
    var out = [];
    var seen = Object.create(null);
    var words = String(text).split(/\s+/);
    var langs = isReady("en") ? LANGUAGES : ["fr"];
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var prefix = /\*$/.test(word);
      var list = tokens(prefix ? word.replace(/\*+$/, "") : word);
      for (var j = 0; j < list.length; j++) {
        var wildcard = prefix && j === list.length - 1;
        var item = { surface: list[j].surface, wildcard: wildcard, fr: null, en: null, terms: [] };
        for (var k = 0; k < langs.length; k++) {
          var lang = langs[k];
          var t = wildcard ? fold(list[j].surface, lang) : term(list[j].surface, lang);
          if (t && wildcard) t = stem(t, lang);
          if (!t) continue;
          item[lang] = t;
          if (item.terms.indexOf(t) < 0) item.terms.push(t);
        }
        if (item.terms.length === 0) continue;
        var key = item.terms.join(" ") + (wildcard ? "*" : "");
        if (seen[key]) continue;
        seen[key] = true;
        out.push(item);
      }
    }
    return out;
  }

  /* Search a loaded lunr.Index without lunr's query syntax (so "A/67/131", "l’arme:" or
   * "non-prolifération" never break the query parser). Each query word matches by any of its
   * terms (French or English); requireAll (default true): every word must match. */
  function search(index, text, opts) {
    var requireAll = !opts || opts.requireAll !== false;
    var words = queryTerms(text);
    if (words.length === 0) return [];
    var results = index.query(function (q) {
      for (var i = 0; i < words.length; i++) {
        for (var k = 0; k < words[i].terms.length; k++) {
          q.term(words[i].terms[k], {
            usePipeline: false,
            wildcard: words[i].wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
            presence: lunr.Query.presence.OPTIONAL
          });
        }
      }
    });
    if (!requireAll) return results;
    return results.filter(function (result) {
      var matched = Object.keys(result.matchData.metadata);
      return words.every(function (w) {
        return w.terms.some(function (t) {
          return matched.some(function (m) { return w.wildcard ? m.slice(0, t.length) === t : m === t; });
        });
      });
    });
  }

  var api = {
    LABELS: LABELS.slice(),
    LABELS_EN: LABELS_EN.slice(),
    LANGUAGES: LANGUAGES.slice(),
    labels: labels,
    configure: configure,
    load: load,
    isReady: isReady,
    tokens: tokens,
    tokenize: tokenize,
    normalize: normalize,
    fold: fold,
    stem: stem,
    isStopword: isStopword,
    term: term,
    terms: terms,
    analyze: analyze,
    useOn: useOn,
    queryTerms: queryTerms,
    search: search
  };
  return api;
});
