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

  var FORMAT = 1;
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

  var S = null; // the loaded search: {index, store, fields, terms, df, vocab}
  var state = { q: "", etat: "", theme: "", doc: "" };
  var shown = PAGE;
  var lastHits = [];
  var lastWrite = { kind: "", time: 0 };

  /* ------------------------------------------------------------------ index loading */

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function url(name) {
    return new URL(app.getAttribute("data-" + name), document.baseURI).href;
  }

  function getJSON(name) {
    return fetch(url(name)).then(function (response) {
      if (!response.ok) throw new Error(response.url + ": " + response.status);
      return response.json();
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

  /* The lunr.Index of the compact index, built directly (lunr's serialisation, as expand_index
   * in search.py writes it, and lunr.Index.load would read it, without the detour), slices of
   * TERMS_PER_TASK terms, as many per task as fit in TASK_MS (so a task stays short on a slow
   * machine, and a fast one builds it all at once, without yielding to other tasks). Field
   * vectors: lunr's BM25 formula, rounded to 3 decimals as lunr does. */
  var TERMS_PER_TASK = 400;
  var TASK_MS = 30;
  var NO_METADATA = Object.freeze({}); // lunr copies a posting's metadata, never changes it
  function buildIndex(c) {
    var fields = c.f.map(function (f) { return f[0]; });
    var nf = fields.length, n = c.n, k1 = c.k1, b = c.b, i, k;
    var boosts = [], lengths = c.l, norm = [];
    for (k = 0; k < nf; k++) {
      boosts.push(c.f[k][1]);
      var sum = 0;
      for (i = 0; i < n; i++) sum += lengths[k][i];
      norm.push(sum / n);
    }
    var vectors = [];
    for (i = 0; i < nf * n; i++) vectors.push([]);
    var inverted = Object.create(null), rows = c.i, t = 0;
    var entryField = [], entryRef = [], entryTf = [];

    function slice() {
      for (var end = Math.min(rows.length, t + TERMS_PER_TASK); t < end; t++) {
        var row = rows[t], posting = {}, count = 0;
        for (var k = 0; k < nf; k++) {
          var refs = {}, ref = 0, list = row[k + 1] || [];
          for (var i = 0; i < list.length; i++) {
            var item = list[i], tf = 1;
            if (typeof item === "number") { ref += item; } else { ref += item[0]; tf = item[1]; }
            refs[ref] = NO_METADATA;
            entryField[count] = k; entryRef[count] = ref; entryTf[count] = tf; count++;
          }
          posting[fields[k]] = refs;
        }
        posting._index = t;
        inverted[row[0]] = posting;
        var idf = Math.log(1 + Math.abs((n - count + 0.5) / (count + 0.5)));
        for (var e = 0; e < count; e++) {
          var f = entryField[e], r = entryRef[e], tfe = entryTf[e];
          var score = idf * ((k1 + 1) * tfe) / (k1 * (1 - b + b * (lengths[f][r] / norm[f])) + tfe) * boosts[f];
          vectors[f * n + r].push(t, Math.floor(score * 1000 + 0.5) / 1000);
        }
      }
    }

    function finish() {
      var fieldVectors = Object.create(null);
      for (var k = 0; k < nf; k++) {
        for (var i = 0; i < n; i++) fieldVectors[fields[k] + "/" + i] = new lunr.Vector(vectors[k * n + i]);
      }
      var terms = rows.map(function (row) { return row[0]; });
      return new lunr.Index({
        invertedIndex: inverted,
        fieldVectors: fieldVectors,
        tokenSet: lazyTokenSet(terms, inverted),
        fields: fields,
        pipeline: lunr.Pipeline.load(c.pipeline)
      });
    }

    return new Promise(function (resolve, reject) {
      (function step() {
        try {
          var started = Date.now();
          do slice(); while (t < rows.length && Date.now() - started < TASK_MS);
          if (t < rows.length) later(step); else resolve(finish());
        } catch (e) {
          reject(e);
        }
      })();
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

  /* lunr's token set of the index terms, built only when a query needs more than exact terms
   * (wildcards, edit distance): every lunr query intersects each clause with it, and for an
   * exact term that is a look-up. */
  function lazyTokenSet(terms, inverted) {
    var full = null;
    function real() {
      if (!full) full = lunr.TokenSet.fromArray(terms);
      return full;
    }
    return {
      intersect: function (other) {
        var term = chainTerm(other);
        if (term === null) return real().intersect(other);
        return { toArray: function () { return term in inverted ? [term] : []; } };
      },
      toArray: function () { return real().toArray(); }
    };
  }

  function load() {
    var bundled = window.undocsStemmerFr && window.undocsStemmerFr.stemmer;
    var analysis = A.load({ dataUrl: url("analysis"), stemmerUrl: url("stemmer"), stem: bundled || undefined }).then(function (a) {
      mark("undocs-search-analysis-ready");
      return a;
    });
    var docs = getJSON("docs").then(function (d) {
      mark("undocs-search-docs-parsed");
      return d;
    });
    var built = getJSON("index").then(function (compact) {
      mark("undocs-search-index-parsed");
      if (compact.v !== FORMAT) throw new Error("search files: unknown format");
      var df = Object.create(null), terms = [];
      for (var t = 0; t < compact.i.length; t++) {
        var row = compact.i[t], count = 0;
        for (var k = 1; k < row.length; k++) count += row[k].length;
        df[row[0]] = count;
        terms.push(row[0]);
      }
      return buildIndex(compact).then(function (index) {
        mark("undocs-search-index-built");
        return { index: index, fields: compact.f.map(function (f) { return f[0]; }), terms: terms, df: df };
      });
    });
    return Promise.all([analysis, built, docs]).then(function (r) {
      var store = r[2];
      if (store.v !== FORMAT) throw new Error("search files: unknown format");
      S = r[1];
      S.store = store;
      S.vocab = null;
    });
  }

  /* ------------------------------------------------------------------ query logic */

  /* The vocabulary as [word, folded, term]; the term (a stemming) is computed on first use. */
  function vocab() {
    if (!S.vocab) {
      S.vocab = [];
      for (var i = 0; i < S.store.w.length; i++) S.vocab.push([S.store.w[i], fold(S.store.w[i]), undefined]);
    }
    return S.vocab;
  }

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
    var terms = S.terms, lo = 0, hi = terms.length, out = [];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    for (var i = lo; i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0 && out.length < MAX_EXPANSION; i++) {
      out.push(terms[i]);
    }
    return out;
  }

  function completions(folded) {
    if (folded.length < 2) return [];
    var found = prefixTerms(folded), v = vocab();
    for (var i = 0; i < v.length; i++) {
      if (v[i][1].lastIndexOf(folded, 0) !== 0) continue;
      var t = vocabTerm(v[i]);
      if (t !== null && t in S.df) found.push(t);
    }
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

  function wildcardTerms(raw) {
    var pattern = raw.split("*").map(function (part) { return A.normalize(part); }).join("*");
    return S.index.tokenSet.intersect(lunr.TokenSet.fromString(pattern)).toArray().slice(0, MAX_EXPANSION);
  }

  function fuzzyTerms(term, distance) {
    return S.index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(term, distance)).toArray().slice(0, MAX_EXPANSION);
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
      if (fields.length === S.fields.length) fields = null;
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
    groups.forEach(function (g) { if (!g.fields) g.fields = S.fields; });
    return groups.filter(function (g) { return g.exact.length || g.completions.length || g.presence !== "required"; });
  }

  function run(groups) {
    var positive = groups.filter(function (g) { return g.presence !== "prohibited"; });
    if (!positive.length) return [];
    var P = lunr.Query.presence, added = 0;
    var results = S.index.query(function (q) {
      groups.forEach(function (g) {
        var presence = g.presence === "prohibited" ? P.PROHIBITED : P.OPTIONAL;
        function add(t, boost) {
          if (!(t in S.df)) return;
          q.term(t, { fields: g.fields.slice(), boost: boost, usePipeline: false, presence: presence });
          added++;
        }
        g.exact.forEach(function (t) { add(t, g.boost); });
        g.completions.forEach(function (t) { add(t, g.boost * (g.presence === "prohibited" ? 1 : COMPLETION_BOOST)); });
      });
    });
    if (!added) return [];
    var hits = [];
    results.forEach(function (r) {
      var md = r.matchData.metadata;
      var ok = positive.every(function (g) {
        if (g.presence !== "required") return true;
        return g.exact.concat(g.completions).some(function (t) {
          return md[t] && g.fields.some(function (f) { return f in md[t]; });
        });
      });
      if (ok) hits.push({ ref: Number(r.ref), score: Math.round(r.score * 1e6) / 1e6, terms: Object.keys(md) });
    });
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

  function nearest(folded) {
    var limit = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
    if (!limit) return null;
    var best = null, v = vocab();
    for (var i = 0; i < v.length; i++) {
      var d = levenshtein(folded, v[i][1], limit);
      if (d > limit || vocabTerm(v[i]) === null) continue;
      var key = [d, -(S.df[v[i][2]] || 0), v[i][0]];
      if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) best = key;
    }
    return best ? best[2] : null;
  }

  function suggest(text) {
    var changed = false;
    var words = A.tokens(text).map(function (tok) {
      var t = A.term(tok.surface);
      if (t !== null && !(t in S.df)) {
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
        return run(unique(A.analyze(text)).map(function (t) { var g = group([t]); g.fields = S.fields; return g; }));
      } catch (e2) {
        return [];
      }
    }
  }

  /* {hits, suggestion}: the hits, or, when there are none, those of the corrected query. */
  function answer(text) {
    var hits = search(text);
    if (hits.length || !text.trim()) return { hits: hits, suggestion: null };
    var suggestion = null;
    try { suggestion = suggest(text); } catch (e) { suggestion = null; }
    return suggestion === null ? { hits: [], suggestion: null } : { hits: search(suggestion), suggestion: suggestion };
  }

  /* ------------------------------------------------------------------ facets */

  function paragraph(ref) {
    return S.store.p[ref];
  }

  function facetValues(p, key) {
    if (key === "e") return (p.s || []).concat(p.m || []);
    if (key === "t") return p.t || [];
    return [p.d];
  }

  function facetIndex(key, id) {
    var list = S.store[key];
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  function passes(p, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f.param === except || !state[f.param]) continue;
      if (facetValues(p, f.key).indexOf(facetIndex(f.key, state[f.param])) === -1) return false;
    }
    return true;
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

  /* The paragraph's text around its first match, matched words in <mark>. */
  function snippet(text, terms) {
    // Snowball's French stemmer changes a word only after its first two letters (its regions
    // RV, R1 and R2 never start before), so a word whose first two letters start no wanted
    // term cannot be one: it is not stemmed at all (stemming is the cost of a cold page).
    var wanted = Object.create(null), heads = Object.create(null);
    terms.forEach(function (t) { wanted[t] = true; heads[t.slice(0, 2)] = true; });
    var toks = A.tokens(text), marks = [];
    for (var i = 0; i < toks.length; i++) {
      if (heads[A.normalize(toks[i].surface).slice(0, 2)] && wanted[A.term(toks[i].surface)]) marks.push(i);
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
    var p = paragraph(hit.ref), doc = S.store.d[p.d];
    var li = node("li", "result");
    var link = node("a", "result-link", p.c);
    link.href = app.getAttribute("data-root") + doc[2] + "index.html#" + p.i;
    li.appendChild(node("h2", "result-title")).appendChild(link);
    var meta = node("p", "result-meta");
    meta.appendChild(node("span", "result-symbol", doc[1]));
    var speakers = (p.s || []).map(function (i) { return S.store.e[i][1]; });
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

  function renderFacets(hits) {
    clear(el.facets);
    FACETS.forEach(function (f) {
      var counts = {};
      hits.forEach(function (h) {
        var p = paragraph(h.ref);
        if (!passes(p, f.param)) return;
        unique(facetValues(p, f.key)).forEach(function (i) { counts[i] = (counts[i] || 0) + 1; });
      });
      var items = S.store[f.key].map(function (entry, i) {
        var label = f.key === "d" ? entry[1] : entry[1];
        return { id: entry[0], label: label, count: counts[i] || 0, i: i };
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

  function renderActive() {
    clear(el.active);
    FACETS.forEach(function (f) {
      if (!state[f.param]) return;
      var i = facetIndex(f.key, state[f.param]);
      var label = i === -1 ? state[f.param] : S.store[f.key][i][1];
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

  /* done (optional) runs once everything is on the page. initial: the page's first render,
   * split in tasks (the first results, then the other results and the facets). */
  function render(initial, done) {
    var seq = ++renderSeq;
    var text = state.q;
    var r = text.trim() ? answer(text) : { hits: null, suggestion: null };
    if (!render.done) mark("undocs-search-answered");
    var hits;
    if (r.hits === null) {
      // No words: the filters alone, in corpus order (or nothing at all).
      hits = [];
      if (state.etat || state.theme || state.doc) {
        for (var i = 0; i < S.store.p.length; i++) hits.push({ ref: i, score: 0, terms: [] });
      }
    } else {
      hits = r.hits;
    }
    var filtered = hits.filter(function (h) { return passes(paragraph(h.ref), null); });
    lastHits = filtered;
    var page = filtered.slice(0, shown);
    var now = initial ? page.slice(0, FIRST) : page;
    var list = document.createDocumentFragment();
    now.forEach(function (h) { list.appendChild(resultItem(h)); });
    clear(el.results);
    el.results.appendChild(list);
    el.results.setAttribute("data-query", text);
    el.more.hidden = filtered.length <= shown;
    renderNotice(text, r.suggestion, filtered.length);
    renderActive();
    var active = text.trim() || state.etat || state.theme || state.doc;
    var message = !active ? "" : filtered.length ? plural(filtered.length, "résultat", "résultats") : "Aucun résultat";
    announce(message);
    app.setAttribute("data-count", String(filtered.length));
    if (!render.done) {
      render.done = true;
      if (window.performance && performance.mark) performance.mark("undocs-search-first-results");
    }
    function rest() {
      if (seq !== renderSeq) { // a newer render has replaced this one
        if (done) done();
        return;
      }
      if (now.length < page.length) {
        var more = document.createDocumentFragment();
        page.slice(now.length).forEach(function (h) { more.appendChild(resultItem(h)); });
        el.results.appendChild(more);
      }
      renderFacets(hits);
      if (done) done();
    }
    if (initial) later(rest); else rest();
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

  function update(kind, initial, done) {
    shown = PAGE;
    if (S) {
      try {
        render(initial, done);
      } catch (e) {
        clear(el.results);
        announce("Aucun résultat");
        if (done) done();
      }
    }
    if (kind) writeURL(kind);
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
    update("push");
    var first = el.results.querySelector("a");
    if (first) first.focus();
  });

  el.more.addEventListener("click", function () {
    var from = shown;
    shown += PAGE;
    var list = document.createDocumentFragment();
    lastHits.slice(from, shown).forEach(function (h) { list.appendChild(resultItem(h)); });
    el.results.appendChild(list);
    el.more.hidden = lastHits.length <= shown;
    var links = el.results.querySelectorAll(".result-link");
    if (links[from]) links[from].focus();
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

  readURL();
  el.input.value = state.q;
  el.status.textContent = "Chargement de l’index de recherche…";
  mark("undocs-search-start");
  load().then(function () {
    mark("undocs-search-loaded");
    el.status.textContent = "";
    update(null, true, function () { app.setAttribute("data-ready", "true"); });
  }).catch(unavailable);

  // For tests and the benchmark: the same answers, without the page.
  window.undocsSearch = {
    answer: function (text) {
      var r = answer(String(text));
      return { ids: r.hits.map(function (h) { return S.store.p[h.ref].i; }), suggestion: r.suggestion };
    },
    ready: function () { return S !== null; }
  };
})();
