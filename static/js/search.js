/*
 * undocs — the search page (recherche/). Twin of the query logic of src/undocs/search.py
 * (class Searcher): the same groups, expansions, filtering and ranking, so that the cases of
 * tests/search_cases.yaml give the same top results in Python and in the browser.
 *
 * Needs, loaded before it: assets/vendor/lunr/lunr.min.js and assets/js/analysis.js (in the page,
 * all are in one file, assets/js/search.bundle.js, with the stemmer as a classic script that
 * sets self.undocsStemmerFr; without it, the stemmer module is imported). Reads the
 * URLs of its files from data-* attributes of #search-app. Builds every node with createElement
 * and textContent (never as HTML): result text, highlights and labels are inert.
 *
 * URL: ?q=<query>&etat=<state id>&theme=<topic id>&doc=<document id>.
 * Index format: docs/search-index.md.
 */
(function () {
  "use strict";

  var app = document.getElementById("search-app");
  if (!app) return;

  /* The page without search (a script or an index file did not load): point to the lists by
   * state and by topic. */
  function unavailable() {
    var status = document.getElementById("search-status");
    while (status.firstChild) status.removeChild(status.firstChild);
    status.appendChild(document.createTextNode("La recherche n’a pas pu être chargée. Parcourez les paragraphes "));
    [["par État", "data-states"], [" ou ", null], ["par thème", "data-topics"], [".", null]].forEach(function (part) {
      if (!part[1]) { status.appendChild(document.createTextNode(part[0])); return; }
      var a = document.createElement("a");
      a.href = app.getAttribute(part[1]);
      a.textContent = part[0];
      status.appendChild(a);
    });
  }

  if (!window.lunr || !window.undocsAnalysis || !window.fetch || !window.history.pushState) {
    unavailable();
    return;
  }
  var lunr = window.lunr;
  var A = window.undocsAnalysis;

  var FORMAT = 2;
  var COMPLETION_BOOST = 0.5;
  var MAX_EXPANSION = 200;
  var PAGE = 20;
  var FIELD_ALIASES = {
    texte: "texte", etat: "etat", mention: "mention", theme: "theme", doc: "doc", partie: "partie",
    text: "texte", state: "etat", etats: "etat", pays: "etat", topic: "theme", themes: "theme",
    sujet: "theme", document: "doc", symbole: "doc", cote: "doc", part: "partie"
  };
  var FACETS = [
    { param: "etat", key: "e", title: "États", label: "État" },
    { param: "theme", key: "t", title: "Thèmes", label: "Thème" },
    { param: "doc", key: "d", title: "Documents", label: "Document" }
  ];

  var el = {
    form: document.getElementById("search-form"),
    input: document.getElementById("q"),
    status: document.getElementById("search-status"),
    notice: document.getElementById("search-notice"),
    active: document.getElementById("search-active"),
    results: document.getElementById("search-results"),
    more: document.getElementById("search-more"),
    facets: document.getElementById("search-facets")
  };

  var M = null; // meta.json: fields, number of paragraphs, shard boundaries, labels
  var state = { q: "", etat: "", theme: "", doc: "" };
  var shown = PAGE;
  var lastHits = [];
  var lastWrite = { kind: "", time: 0 };

  /* ------------------------------------------------------------------ files, loaded on demand */

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  /* A file of assets/search/, by its path there (relative to meta.json). */
  function fileURL(path) {
    return new URL(path, new URL(app.getAttribute("data-meta"), document.baseURI)).href;
  }

  function getJSON(href) {
    return fetch(href).then(function (response) {
      if (!response.ok) throw new Error(response.url + ": " + response.status);
      return response.json();
    }).then(function (data) {
      if (data.v !== FORMAT) throw new Error("search files: unknown format");
      return data;
    });
  }

  /* Run fn in a later task, so that no task of the page's start is long (Total Blocking Time). */
  function later(fn) {
    if (window.scheduler && typeof window.scheduler.postTask === "function") {
      window.scheduler.postTask(fn, { priority: "user-visible" });
    } else {
      setTimeout(fn, 0);
    }
  }

  /* A cache of files by key: get(key) is the data once loaded (else undefined), fetch(key) a
   * Promise of it (one request per file, however many ask). */
  function files(pathOf, prepare) {
    var data = Object.create(null), pending = Object.create(null);
    return {
      get: function (key) { return data[key]; },
      fetch: function (key) {
        if (data[key]) return Promise.resolve(data[key]);
        if (!pending[key]) {
          pending[key] = getJSON(fileURL(pathOf(key))).then(function (d) {
            data[key] = prepare(d);
            return data[key];
          }, function (e) { delete pending[key]; throw e; });
        }
        return pending[key];
      }
    };
  }

  /* A term shard: its rows by term, its terms and vocabulary words in key order. */
  var shards = files(function (n) { return "t/" + n + ".json"; }, function (d) {
    var rows = Object.create(null), terms = [], words = [];
    for (var i = 0; i < d.t.length; i++) { rows[d.t[i][0]] = d.t[i]; terms.push(d.t[i][0]); }
    for (i = 0; i < d.w.length; i++) words.push([d.w[i], fold(d.w[i]), undefined]);
    return { rows: rows, terms: terms, words: words };
  });
  var pages = files(function (n) { return "p/" + n + ".json"; }, function (d) { return d; });
  var facetFile = files(function () { return "facets.json"; }, prepareFacets);
  var lexiconFile = files(function () { return "lexicon.json"; }, function (d) {
    var words = d.w.map(function (w) { return [w[0], fold(w[0]), undefined, w[1]]; });
    return { terms: d.t, words: words, tokenSet: null };
  });

  /* What a planning pass found missing (see attempt()). */
  var misses = null;
  function miss(kind, key) {
    if (misses) misses.push([kind, key]);
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
        Promise.all(needed.map(function (m) {
          return m[0] === "shard" ? shards.fetch(m[1]) : m[0] === "page" ? pages.fetch(m[1]) : m[0] === "facets" ? facetFile.fetch(0) : lexiconFile.fetch(0);
        })).then(function () { once(round + 1); }, reject);
      })(0);
    });
  }

  /* ------------------------------------------------------------------ the term space */

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

  /* The row of a term ([term, postings of each field]), null if the index has no such term,
   * undefined while its shard is not loaded. */
  function row(term) {
    var s = shard(shardOf(term));
    return s ? s.rows[term] || null : undefined;
  }

  function known(term) {
    return !!row(term);
  }

  function lowerBound(list, key, at) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if ((at === undefined ? list[mid] : list[mid][at]) < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Calls visit(shard) for each shard holding keys that start with prefix, in order, until it
   * returns true; a shard not loaded yet is asked for and ends the walk. */
  function walkPrefix(prefix, visit) {
    var last = shardOf(prefix + "\uffff");
    for (var n = shardOf(prefix); n <= last; n++) {
      var s = shard(n);
      if (!s) {
        for (var k = n + 1; k <= last && k < n + 4; k++) shard(k); // ask for a few at once
        return;
      }
      if (visit(s)) return;
    }
  }

  /* ------------------------------------------------------------------ query logic */

  /* A.normalize(word) for a lower-case vocabulary word, without NFKD for the usual French
   * letters: their decomposition is the base letter and a mark (dropped), œ/æ are expanded as
   * normalize() does. Any other word goes through normalize(). */
  var FOLDABLE = /^[a-z0-9àâäçéèêëîïôöùûüÿœæ]*$/;
  var ACCENTED = /[àâäçéèêëîïôöùûüÿœæ]/g;
  var BASE = {
    "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
    "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae"
  };
  function fold(word) {
    if (!FOLDABLE.test(word)) return A.normalize(word);
    return word.replace(ACCENTED, function (c) { return BASE[c]; });
  }

  /* A vocabulary entry [word, folded, term, …]: its term (a stemming) computed on first use. */
  function vocabTerm(entry) {
    if (entry[2] === undefined) entry[2] = A.term(entry[0]);
    return entry[2];
  }

  function unique(list) {
    var seen = Object.create(null), out = [];
    for (var i = 0; i < list.length; i++) {
      if (!seen[list[i]]) { seen[list[i]] = true; out.push(list[i]); }
    }
    return out;
  }

  function prefixTerms(prefix) {
    var out = [];
    walkPrefix(prefix, function (s) {
      for (var i = lowerBound(s.terms, prefix); i < s.terms.length && s.terms[i].lastIndexOf(prefix, 0) === 0; i++) {
        out.push(s.terms[i]);
        if (out.length >= MAX_EXPANSION) return true;
      }
      return false;
    });
    return out;
  }

  function completions(folded) {
    if (folded.length < 2) return [];
    var found = prefixTerms(folded);
    walkPrefix(folded, function (s) {
      for (var i = lowerBound(s.words, folded, 1); i < s.words.length && s.words[i][1].lastIndexOf(folded, 0) === 0; i++) {
        var t = vocabTerm(s.words[i]);
        if (t !== null && known(t)) found.push(t);
      }
      return false;
    });
    return unique(found).slice(0, MAX_EXPANSION);
  }

  function group(exact, fields, presence, boost) {
    return { exact: exact, completions: [], fields: fields || null, presence: presence || "required", boost: boost || 1 };
  }

  function isTyping(text) {
    return text.length > 0 && !/\s$/.test(text);
  }

  function completeLast(groups, surface) {
    var folded = A.normalize(surface), term = A.term(surface);
    var more = completions(folded).filter(function (t) { return t !== term; });
    if (!more.length) return;
    var last = groups[groups.length - 1];
    if (last && term !== null && last.exact.length === 1 && last.exact[0] === term) {
      last.completions = more;
    } else if (term === null) {
      var g = group([]);
      g.completions = more;
      groups.push(g);
    }
  }

  /* lunr's token set of every term (lexicon.json), for * and ~ beyond a plain prefix. */
  function tokenSet() {
    var lexicon = lexiconFile.get(0);
    if (!lexicon) { miss("lexicon"); return null; }
    if (!lexicon.tokenSet) lexicon.tokenSet = lunr.TokenSet.fromArray(lexicon.terms);
    return lexicon.tokenSet;
  }

  function wildcardTerms(raw) {
    var pattern = raw.split("*").map(function (part) { return A.normalize(part); }).join("*");
    var set = tokenSet();
    return set ? set.intersect(lunr.TokenSet.fromString(pattern)).toArray().slice(0, MAX_EXPANSION) : [];
  }

  function fuzzyTerms(term, distance) {
    var set = tokenSet();
    return set ? set.intersect(lunr.TokenSet.fromFuzzyString(term, distance)).toArray().slice(0, MAX_EXPANSION) : [];
  }

  /* Lunr syntax (fields, *, ~n, ^n, +/-), or null when lunr cannot parse the text. */
  function lunrGroups(text) {
    var query = new lunr.Query(Object.keys(FIELD_ALIASES));
    try {
      new lunr.QueryParser(text, query).parse();
    } catch (e) {
      return null;
    }
    var typing = isTyping(text), groups = [], P = lunr.Query.presence;
    for (var n = 0; n < query.clauses.length; n++) {
      var clause = query.clauses[n];
      var fields = unique(clause.fields.map(function (f) { return FIELD_ALIASES[f]; }));
      if (fields.length === M.fields.length) fields = null;
      var presence = clause.presence === P.REQUIRED ? "required" : clause.presence === P.PROHIBITED ? "prohibited" : "default";
      var boost = clause.boost || 1, raw = clause.term;
      if (raw.indexOf("*") !== -1) {
        var core = raw.replace(/^\*+|\*+$/g, ""), folded = A.normalize(core), terms;
        if (!folded) continue;
        if (/\*$/.test(raw) && !/^\*/.test(raw) && core.indexOf("*") === -1) {
          terms = unique(prefixTerms(folded).concat(prefixTerms(A.stem(folded)), completions(folded)));
        } else {
          terms = wildcardTerms(raw);
        }
        groups.push(group(terms, fields, presence, boost));
        continue;
      }
      var analysed = A.analyze(raw);
      for (var k = 0; k < analysed.length; k++) {
        var exact = clause.editDistance ? fuzzyTerms(analysed[k], clause.editDistance) : [analysed[k]];
        groups.push(group(exact, fields, presence, boost));
      }
      if (typing && n === query.clauses.length - 1 && !clause.editDistance && analysed.length && presence !== "prohibited") {
        var toks = A.tokens(raw), last = groups[groups.length - 1];
        last.completions = completions(A.normalize(toks[toks.length - 1].surface)).filter(function (t) {
          return last.exact.indexOf(t) === -1;
        });
      }
    }
    var anyRequired = groups.some(function (g) { return g.presence === "required"; });
    groups.forEach(function (g) {
      if (g.presence === "default") g.presence = anyRequired ? "optional" : "required";
    });
    return groups;
  }

  function groupsOf(text) {
    var groups = null;
    if (/[:*~^+]/.test(text) || /(^|\s)-/.test(text)) groups = lunrGroups(text);
    if (!groups) {
      groups = unique(A.analyze(text)).map(function (t) { return group([t]); });
      if (isTyping(text)) {
        var toks = A.tokens(text);
        if (toks.length) completeLast(groups, toks[toks.length - 1].surface);
      }
    }
    groups.forEach(function (g) { if (!g.fields) g.fields = M.fields; });
    return groups.filter(function (g) { return g.exact.length || g.completions.length || g.presence !== "required"; });
  }

  /* A lunr.Index of just these terms: their postings, and field vectors holding only them.
   * lunr scores a field as query vector · field vector / |query vector|, so the scores are
   * those of the whole index (the weights are lunr.py's own, see weighted_postings). Terms get
   * their _index in sorted order, as in the whole index, so the sums run in the same order. */
  var NO_METADATA = Object.freeze({}); // lunr copies a posting's metadata, never changes it
  function indexOf(terms) {
    var fields = M.fields, inverted = Object.create(null), vectors = Object.create(null);
    terms.sort();
    for (var i = 0; i < terms.length; i++) {
      var r = row(terms[i]), posting = { _index: i };
      for (var k = 0; k < fields.length; k++) {
        var refs = {}, ref = 0, flat = r[k + 1] || [];
        for (var j = 0; j < flat.length; j += 2) {
          ref += flat[j];
          refs[ref] = NO_METADATA;
          var key = fields[k] + "/" + ref;
          (vectors[key] || (vectors[key] = [])).push(i, flat[j + 1] / M.scale);
        }
        posting[fields[k]] = refs;
      }
      inverted[terms[i]] = posting;
    }
    var fieldVectors = Object.create(null);
    for (var fieldRef in vectors) fieldVectors[fieldRef] = new lunr.Vector(vectors[fieldRef]);
    return new lunr.Index({
      invertedIndex: inverted,
      fieldVectors: fieldVectors,
      tokenSet: exactTokenSet(inverted),
      fields: fields,
      pipeline: PIPELINE
    });
  }

  /* The exact term a lunr.TokenSet stands for (a plain chain of letters), or null. */
  function chainTerm(node) {
    var s = "";
    for (;;) {
      var keys = Object.keys(node.edges);
      if (!keys.length) return node.final ? s : null;
      if (keys.length !== 1 || keys[0] === "*" || node.final) return null;
      s += keys[0];
      node = node.edges[keys[0]];
    }
  }

  /* The index's token set: every clause is an exact term here (expansions are done before),
   * and lunr intersects each with the token set: a look-up. */
  function exactTokenSet(inverted) {
    return {
      intersect: function (other) {
        var term = chainTerm(other);
        return { toArray: function () { return term !== null && term in inverted ? [term] : []; } };
      }
    };
  }

  function run(groups) {
    var positive = groups.filter(function (g) { return g.presence !== "prohibited"; });
    if (!positive.length) return [];
    var terms = [];
    groups.forEach(function (g) { g.exact.concat(g.completions).forEach(function (t) { if (known(t)) terms.push(t); }); });
    if (misses && misses.length) return [];
    terms = unique(terms);
    if (!terms.length) return [];
    var index = indexOf(terms.slice());
    var P = lunr.Query.presence;
    var results = index.query(function (q) {
      groups.forEach(function (g) {
        var presence = g.presence === "prohibited" ? P.PROHIBITED : P.OPTIONAL;
        function add(t, boost) {
          if (!(t in index.invertedIndex)) return;
          q.term(t, { fields: g.fields.slice(), boost: boost, usePipeline: false, presence: presence });
        }
        g.exact.forEach(function (t) { add(t, g.boost); });
        g.completions.forEach(function (t) { add(t, g.boost * (g.presence === "prohibited" ? 1 : COMPLETION_BOOST)); });
      });
    });
    // Every result matches some term of the query; with one group, in that group's fields,
    // it is a hit. With several, each required group must be matched (AND).
    var required = positive.filter(function (g) { return g.presence === "required"; });
    var check = groups.length > 1 ? required.map(function (g) { return { terms: g.exact.concat(g.completions), fields: g.fields }; }) : [];
    var hits = [];
    for (var i = 0; i < results.length; i++) {
      var r = results[i], md = r.matchData.metadata, ok = true;
      for (var c = 0; ok && c < check.length; c++) {
        ok = check[c].terms.some(function (t) {
          return md[t] && check[c].fields.some(function (f) { return f in md[t]; });
        });
      }
      if (ok) hits.push({ ref: Number(r.ref), score: Math.round(r.score * 1e6) / 1e6, terms: Object.keys(md) });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return hits;
  }

  function levenshtein(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        current.push(v);
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
      previous = current;
    }
    return previous[b.length];
  }

  /* The nearest vocabulary word (lexicon.json): fewest edits, then most frequent, then first. */
  function nearest(folded) {
    var limit = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
    if (!limit) return null;
    var lexicon = lexiconFile.get(0);
    if (!lexicon) { miss("lexicon"); return null; }
    var best = null, v = lexicon.words;
    for (var i = 0; i < v.length; i++) {
      var d = levenshtein(folded, v[i][1], limit);
      if (d > limit || vocabTerm(v[i]) === null) continue;
      var key = [d, -v[i][3], v[i][0]];
      if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) best = key;
    }
    return best ? best[2] : null;
  }

  function suggest(text) {
    var changed = false;
    var words = A.tokens(text).map(function (tok) {
      var t = A.term(tok.surface);
      if (t !== null && row(t) === null) {
        var best = nearest(A.normalize(tok.surface));
        if (best !== null) { changed = true; return best; }
      }
      return tok.surface;
    });
    return changed ? words.join(" ") : null;
  }

  function search(text) {
    try {
      return run(groupsOf(text));
    } catch (e) {
      // Never an error for the reader: the text as plain words.
      try {
        return run(unique(A.analyze(text)).map(function (t) { var g = group([t]); g.fields = M.fields; return g; }));
      } catch (e2) {
        return [];
      }
    }
  }

  /* {hits, suggestion}: the hits, or, when there are none, those of the corrected query. */
  function answerNow(text) {
    var hits = search(text);
    if (hits.length || !text.trim()) return { hits: hits, suggestion: null };
    var suggestion = null;
    try { suggestion = suggest(text); } catch (e) { suggestion = null; }
    return suggestion === null ? { hits: [], suggestion: null } : { hits: search(suggestion), suggestion: suggestion };
  }

  /* A Promise of answerNow(text), once every file it needs is loaded. */
  function answer(text) {
    return attempt(function () { return answerNow(text); });
  }

  /* ------------------------------------------------------------------ facets */

  /* facets.json made quick to ask: the states and topics of each ref, the document of a ref. */
  function prepareFacets(d) {
    function byRef(lists) {
      var out = [];
      lists.forEach(function (deltas, value) {
        var ref = 0;
        for (var i = 0; i < deltas.length; i++) {
          ref += deltas[i];
          (out[ref] || (out[ref] = [])).push(value);
        }
      });
      return out;
    }
    return { d: d.d, firsts: d.d.map(function (doc) { return doc[3]; }), e: byRef(d.e), t: byRef(d.t) };
  }

  function facets() {
    var f = facetFile.get(0);
    if (!f) miss("facets");
    return f;
  }

  function docOf(F, ref) {
    var lo = 0, hi = F.firsts.length;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (F.firsts[mid] <= ref) lo = mid; else hi = mid;
    }
    while (lo + 1 < F.firsts.length && F.firsts[lo + 1] <= ref) lo++; // documents without paragraphs
    return lo;
  }

  function facetValues(F, ref, key) {
    if (key === "e") return F.e[ref] || [];
    if (key === "t") return F.t[ref] || [];
    return [docOf(F, ref)];
  }

  function labelsOf(F, key) {
    return key === "d" ? F.d.map(function (doc) { return [doc[0], doc[1]]; }) : M[key];
  }

  function facetIndex(F, key, id) {
    var list = labelsOf(F, key);
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  function filtering() {
    return !!(state.etat || state.theme || state.doc);
  }

  function passes(F, ref, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f.param === except || !state[f.param]) continue;
      if (facetValues(F, ref, f.key).indexOf(facetIndex(F, f.key, state[f.param])) === -1) return false;
    }
    return true;
  }

  /* The hits the filters let through (needs facets.json when a filter is set). */
  function filtered(hits) {
    if (!filtering()) return hits;
    var F = facets();
    return F ? hits.filter(function (h) { return passes(F, h.ref, null); }) : [];
  }

  /* The paragraph of a ref and its page's documents, or undefined while the page loads. */
  function paragraph(ref) {
    var n = Math.floor(ref / M.ps), page = pages.get(n);
    if (!page) { miss("page", n); return undefined; }
    var p = page.p[ref - n * M.ps];
    return { p: p, doc: page.d[p.d] };
  }

  function needParagraphs(hits) {
    hits.forEach(function (h) { paragraph(h.ref); });
  }

  /* ------------------------------------------------------------------ rendering */

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  function clear(n) {
    while (n.firstChild) n.removeChild(n.firstChild);
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /* A.normalize(surface).slice(0, 2), without folding the whole word when its first three
   * characters are among fold()'s letters (each of them folds on its own): the usual case. */
  function head(surface) {
    var start = surface.slice(0, 3).toLowerCase();
    return FOLDABLE.test(start) ? fold(start).slice(0, 2) : A.normalize(surface).slice(0, 2);
  }

  /* The paragraph's text around its first match, matched words in <mark>. */
  function snippet(text, terms) {
    // Snowball's French stemmer changes a word only after its first two letters (its regions
    // RV, R1 and R2 never start before), so a word whose first two letters start no wanted
    // term cannot be one: it is not stemmed at all (stemming is the cost of a cold page).
    var wanted = Object.create(null), heads = Object.create(null);
    terms.forEach(function (t) { wanted[t] = true; heads[t.slice(0, 2)] = true; });
    var toks = A.tokens(text), marks = [];
    for (var i = 0; i < toks.length; i++) {
      if (heads[head(toks[i].surface)] && wanted[A.term(toks[i].surface)]) marks.push(i);
    }
    var from = 0, to = toks.length;
    var WORDS = 36;
    if (toks.length > WORDS) {
      from = marks.length ? Math.max(0, marks[0] - 8) : 0;
      to = Math.min(toks.length, from + WORDS);
      from = Math.max(0, to - WORDS);
    }
    var out = node("p", "result-snippet");
    var start = from > 0 ? toks[from].start : 0;
    var end = to < toks.length ? toks[to - 1].end : text.length;
    if (from > 0) out.appendChild(document.createTextNode("… "));
    var cursor = start;
    for (var m = 0; m < marks.length; m++) {
      var tok = toks[marks[m]];
      if (tok.start < start || tok.end > end) continue;
      out.appendChild(document.createTextNode(text.slice(cursor, tok.start)));
      out.appendChild(node("mark", null, text.slice(tok.start, tok.end)));
      cursor = tok.end;
    }
    out.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (to < toks.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  function resultItem(hit) {
    var found = paragraph(hit.ref), p = found.p, doc = found.doc;
    var li = node("li", "result");
    var link = node("a", "result-link", p.c);
    link.href = app.getAttribute("data-root") + doc[2] + "index.html#" + p.i;
    li.appendChild(node("h2", "result-title")).appendChild(link);
    var meta = node("p", "result-meta");
    meta.appendChild(node("span", "result-symbol", doc[1]));
    var speakers = (p.s || []).map(function (i) { return M.e[i][1]; });
    if (speakers.length) meta.appendChild(node("span", "result-state", speakers.join(", ")));
    var label = p.c.slice(p.c.lastIndexOf(", ") + 2);
    meta.appendChild(node("span", "result-number", label));
    li.appendChild(meta);
    li.appendChild(snippet(p.x, hit.terms));
    return li;
  }

  function facetButton(f, id, label, count, pressed) {
    var li = node("li");
    var button = node("button", "facet");
    button.type = "button";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    button.appendChild(node("span", "facet-label", label));
    button.appendChild(node("span", "count", String(count)));
    button.addEventListener("click", function () {
      state[f.param] = pressed ? "" : id;
      update("push");
    });
    li.appendChild(button);
    return li;
  }

  function renderFacets(F, hits) {
    clear(el.facets);
    FACETS.forEach(function (f) {
      var counts = {};
      var filters = FACETS.some(function (other) { return other.param !== f.param && state[other.param]; });
      for (var n = 0; n < hits.length; n++) {
        if (filters && !passes(F, hits[n].ref, f.param)) continue;
        var values = facetValues(F, hits[n].ref, f.key); // distinct by construction (facets.json)
        for (var v = 0; v < values.length; v++) counts[values[v]] = (counts[values[v]] || 0) + 1;
      }
      var items = labelsOf(F, f.key).map(function (entry, i) {
        return { id: entry[0], label: entry[1], count: counts[i] || 0, i: i };
      }).filter(function (it) { return it.count > 0 || it.id === state[f.param]; });
      items.sort(function (a, b) { return b.count - a.count || a.i - b.i; });
      var section = node("section", "facet-group");
      var headingId = "facet-" + f.param;
      var h = node("h2", "facet-title", f.title);
      h.id = headingId;
      section.setAttribute("aria-labelledby", headingId);
      section.appendChild(h);
      var ul = node("ul", "facet-list");
      items.forEach(function (it) { ul.appendChild(facetButton(f, it.id, it.label, it.count, it.id === state[f.param])); });
      if (!items.length) ul.appendChild(node("li", "muted", "—"));
      section.appendChild(ul);
      el.facets.appendChild(section);
    });
  }

  /* The active filters, as buttons that remove them (labels: meta.json, facets.json for a
   * document, which is loaded whenever a filter is set). */
  function renderActive(F) {
    clear(el.active);
    FACETS.forEach(function (f) {
      if (!state[f.param]) return;
      var i = F ? facetIndex(F, f.key, state[f.param]) : -1;
      var label = i === -1 ? state[f.param] : labelsOf(F, f.key)[i][1];
      var li = node("li");
      var button = node("button", "active-filter");
      button.type = "button";
      button.textContent = f.label + " : " + label;
      button.setAttribute("aria-label", "Retirer le filtre " + f.label + " : " + label);
      button.appendChild(node("span", "remove", " ×")).setAttribute("aria-hidden", "true");
      button.addEventListener("click", function () {
        state[f.param] = "";
        update("push");
        el.input.focus();
      });
      li.appendChild(button);
      el.active.appendChild(li);
    });
    el.active.hidden = !el.active.firstChild;
  }

  function renderNotice(text, suggestion, count) {
    clear(el.notice);
    el.notice.hidden = true;
    if (!text.trim() || suggestion === null && count > 0) return;
    if (suggestion !== null) {
      el.notice.appendChild(document.createTextNode("Aucun résultat pour «\u00a0" + text.trim() + "\u00a0». Vouliez-vous dire "));
      var a = node("a", "suggestion", "«\u00a0" + suggestion + "\u00a0»");
      a.href = "?" + new URLSearchParams({ q: suggestion }).toString();
      a.addEventListener("click", function (event) {
        event.preventDefault();
        state.q = suggestion;
        el.input.value = suggestion;
        update("push");
      });
      el.notice.appendChild(a);
      el.notice.appendChild(document.createTextNode("\u00a0? " + (count ? "Résultats pour cette orthographe\u00a0:" : "")));
    } else {
      el.notice.textContent = "Aucun résultat pour «\u00a0" + text.trim() + "\u00a0».";
      if (state.etat || state.theme || state.doc) el.notice.textContent += " Essayez sans filtre.";
    }
    el.notice.hidden = false;
  }

  var announceTimer = 0;
  function announce(message) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { el.status.textContent = message; }, 400);
  }

  var FIRST = 6; // results rendered at once on the page's first render; the rest a task later
  var renderSeq = 0;

  /* What the page shows for the current state: {hits, suggestion, shown}, once the files it
   * needs are loaded (the shards of the query's terms; facets.json when a filter is set; the
   * store pages of the first `count` results). */
  function prepare(count) {
    var text = state.q;
    return answer(text).then(function (r) {
      return attempt(function () {
        var hits = r.hits;
        if (!text.trim()) {
          // No words: the filters alone, in corpus order (or nothing at all).
          hits = [];
          if (filtering()) for (var i = 0; i < M.n; i++) hits.push({ ref: i, score: 0, terms: [] });
        }
        var kept = filtered(hits);
        needParagraphs(kept.slice(0, count));
        return { text: text, hits: hits, kept: kept, suggestion: r.suggestion };
      });
    });
  }

  /* Renders the current state. initial: the page's first render, in two tasks (the first
   * results, then the other results and the facets). Resolves once all is on the page, or
   * when a newer render has replaced this one. */
  function render(initial) {
    var seq = ++renderSeq;
    return prepare(initial ? FIRST : shown).then(function (r) {
      if (seq !== renderSeq) return;
      if (!render.done) mark("undocs-search-answered");
      lastHits = r.kept;
      var page = r.kept.slice(0, shown);
      var now = initial ? page.slice(0, FIRST) : page;
      var list = document.createDocumentFragment();
      now.forEach(function (h) { list.appendChild(resultItem(h)); });
      clear(el.results);
      el.results.appendChild(list);
      el.results.setAttribute("data-query", r.text);
      el.more.hidden = r.kept.length <= shown;
      renderNotice(r.text, r.suggestion, r.kept.length);
      renderActive(facetFile.get(0));
      var active = r.text.trim() || filtering();
      var message = !active ? "" : r.kept.length ? plural(r.kept.length, "résultat", "résultats") : "Aucun résultat";
      announce(message);
      app.setAttribute("data-count", String(r.kept.length));
      if (!render.done) {
        render.done = true;
        mark("undocs-search-first-results");
      }
      return new Promise(function (resolve) { (initial ? later : function (fn) { fn(); })(resolve); }).then(function () {
        return attempt(function () {
          needParagraphs(page);
          return facets();
        });
      }).then(function (F) {
        if (seq !== renderSeq) return;
        if (now.length < page.length) {
          var more = document.createDocumentFragment();
          page.slice(now.length).forEach(function (h) { more.appendChild(resultItem(h)); });
          el.results.appendChild(more);
        }
        renderActive(F);
        renderFacets(F, r.hits);
      });
    });
  }

  /* ------------------------------------------------------------------ URL and events */

  function readURL() {
    var params = new URLSearchParams(window.location.search);
    state.q = params.get("q") || "";
    FACETS.forEach(function (f) { state[f.param] = params.get(f.param) || ""; });
  }

  function writeURL(kind) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { if (state[f.param]) params.set(f.param, state[f.param]); });
    var qs = params.toString();
    var target = window.location.pathname + (qs ? "?" + qs : "");
    if (target === window.location.pathname + window.location.search) return;
    var now = Date.now();
    if (kind === "type" && lastWrite.kind === "type" && now - lastWrite.time < 1500) {
      window.history.replaceState(null, "", target);
    } else {
      window.history.pushState(null, "", target);
    }
    lastWrite = { kind: kind, time: now };
  }

  function update(kind, initial) {
    shown = PAGE;
    var done = Promise.resolve();
    if (M) {
      done = render(initial).catch(function () {
        clear(el.results);
        announce("Aucun résultat");
      });
    }
    if (kind) writeURL(kind);
    return done;
  }

  var debounce = 0;
  el.input.addEventListener("input", function () {
    clearTimeout(debounce);
    debounce = setTimeout(function () {
      state.q = el.input.value;
      update("type");
    }, 120);
  });

  el.form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(debounce);
    state.q = el.input.value;
    lastWrite.kind = "";
    update("push").then(function () {
      var first = el.results.querySelector("a");
      if (first) first.focus();
    });
  });

  el.more.addEventListener("click", function () {
    var from = shown, hits = lastHits;
    shown += PAGE;
    attempt(function () { needParagraphs(hits.slice(from, shown)); }).then(function () {
      if (hits !== lastHits) return;
      var list = document.createDocumentFragment();
      hits.slice(from, shown).forEach(function (h) { list.appendChild(resultItem(h)); });
      el.results.appendChild(list);
      el.more.hidden = hits.length <= shown;
      var links = el.results.querySelectorAll(".result-link");
      if (links[from]) links[from].focus();
    });
  });

  window.addEventListener("popstate", function () {
    readURL();
    el.input.value = state.q;
    lastWrite.kind = "";
    update(null);
  });

  function resultLinks() {
    return Array.prototype.slice.call(el.results.querySelectorAll(".result-link"));
  }

  // The "/" key (focus the search field) is handled by shortcuts.js, on every page.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    if (!links.length) return;
    if (target === el.input) {
      if (event.key === "ArrowDown") { event.preventDefault(); links[0].focus(); }
      return;
    }
    var at = links.indexOf(target);
    if (at === -1) return;
    event.preventDefault();
    if (event.key === "ArrowDown" && at < links.length - 1) links[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : el.input).focus();
  });

  /* ------------------------------------------------------------------ start */

  var PIPELINE = null;

  /* meta.json and the analysis (stop words, stemmer): all a query needs before its shards. */
  function load() {
    var bundled = window.undocsStemmerFr && window.undocsStemmerFr.stemmer;
    var analysis = A.load({
      data: window.undocsAnalysisData || undefined, // in the bundle (vendor_assets.search_bundle)
      dataUrl: new URL(app.getAttribute("data-analysis"), document.baseURI).href,
      stemmerUrl: new URL(app.getAttribute("data-stemmer"), document.baseURI).href,
      stem: bundled || undefined
    }).then(function (a) {
      mark("undocs-search-analysis-ready");
      return a;
    });
    var metaInBundle = window.undocsSearchMeta; // vendor_assets.with_search_meta
    var meta = (metaInBundle && metaInBundle.v === FORMAT ? Promise.resolve(metaInBundle) : getJSON(fileURL("meta.json"))).then(function (m) {
      mark("undocs-search-meta-parsed");
      return m;
    });
    return Promise.all([analysis, meta]).then(function (r) {
      M = r[1];
      M.fields = M.f.map(function (f) { return f[0]; });
      M.scale = M.s;
      PIPELINE = lunr.Pipeline.load(M.pipeline);
      prefetch(state.q);
    });
  }

  /* Ask at once for the shards a plain query will read (its words' terms; for the last word,
   * being typed, the first shards of its completions): the first results of a shared link
   * wait on them, and the query's first run (cold code) then overlaps their loading.
   * attempt() finds them pending and asks for anything else. */
  function prefetch(text) {
    if (/[:*~^+]/.test(text) || /(^|\s)-/.test(text)) return;
    var toks = A.tokens(text), wanted = [];
    toks.forEach(function (tok) {
      var t = A.term(tok.surface);
      if (t !== null) wanted.push(shardOf(t));
    });
    var folded = toks.length && isTyping(text) ? A.normalize(toks[toks.length - 1].surface) : "";
    if (folded.length >= 2) {
      for (var n = shardOf(folded), last = shardOf(folded + "\uffff"); n <= last && wanted.length < 8; n++) wanted.push(n);
    }
    unique(wanted).forEach(function (n) { shards.fetch(n).catch(function () {}); });
  }

  readURL();
  el.input.value = state.q;
  el.status.textContent = "Chargement de l’index de recherche…";
  mark("undocs-search-start");
  load().then(function () {
    mark("undocs-search-loaded");
    el.status.textContent = "";
    return update(null, true).then(function () { app.setAttribute("data-ready", "true"); });
  }).catch(unavailable);

  // For tests and the benchmark: the same answers, without the page. answer(text) is a
  // Promise of {ids (of the first 20 hits), count, suggestion}.
  window.undocsSearch = {
    answer: function (text) {
      var hits;
      return answer(String(text)).then(function (r) {
        hits = r;
        return attempt(function () { needParagraphs(r.hits.slice(0, PAGE)); });
      }).then(function () {
        return {
          ids: hits.hits.slice(0, PAGE).map(function (h) { return paragraph(h.ref).p.i; }),
          count: hits.hits.length,
          suggestion: hits.suggestion
        };
      });
    },
    ready: function () { return M !== null; }
  };
})();
