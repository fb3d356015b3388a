/*
 * undocs — the search page (recherche/). Twin of the query logic of src/undocs/search.py
 * (class Searcher): the same groups, expansions, filtering and ranking, so that the cases of
 * tests/search_cases.yaml give the same top results in Python and in the browser.
 *
 * Needs, loaded before it: assets/vendor/lunr/lunr.min.js and assets/js/analysis.js (in the page,
 * all are in one file, assets/js/search.bundle.js, with the stemmers as classic scripts that
 * set self.undocsStemmerFr and self.undocsStemmerEn; without it, the French stemmer module is
 * imported, and queries are analysed in French only). Reads the
 * URLs of its files from data-* attributes of #search-app. Builds every node with createElement
 * and textContent (never as HTML): result text, highlights and labels are inert.
 *
 * Bilingual: each query word is analysed in French and in English (A.queryTerms) and matched by
 * either term; a paragraph's language (meta.json's `lg`) decides how its text is highlighted and
 * checked for phrases, and ranks a paragraph that matches a word only through the other
 * language's term below those that match it in their own (langPenalty(); docs/search-index.md).
 *
 * URL: ?q=<query>&etat=<state id>&theme=<topic id>&doc=<document id>&langue=<fr|en|und>.
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
    sujet: "theme", document: "doc", symbole: "doc", cote: "doc", part: "partie", sigle: "sigle"
  };
  var FACETS = [
    { param: "etat", key: "e", title: "États", label: "État" },
    { param: "theme", key: "t", title: "Thèmes", label: "Thème" },
    { param: "doc", key: "d", title: "Documents", label: "Document" },
    { param: "langue", key: "l", title: "Langues", label: "Langue" }
  ];
  /* The paragraphs' languages (meta.json's `lg`; "und": a document whose language is not known,
   * analysed both ways), as the language facet lists them. */
  var LANGS = [["fr", "Français"], ["en", "Anglais"], ["und", "Langue non précisée"]];


  var el = {
    form: document.getElementById("search-form"),
    input: document.getElementById("q"),
    status: document.getElementById("search-status"),
    notice: document.getElementById("search-notice"),
    active: document.getElementById("search-active"),
    results: document.getElementById("search-results"),
    more: document.getElementById("search-more"),
    facets: document.getElementById("search-facets"),
    toggle: document.getElementById("search-filters-toggle"),
    layout: document.getElementById("search-layout"),
    start: document.getElementById("search-start")
  };

  var M = null; // meta.json: fields, number of paragraphs, shard boundaries, labels
  var state = { q: "", etat: "", theme: "", doc: "", langue: "" };
  var shown = PAGE;
  var lastHits = [];
  var lastGroups = [];
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

  /* Run fn once the page has painted what is on it now (a task after the next frame), so that
   * what fn fetches does not compete with the first results' paint (Largest Contentful Paint).
   * A hidden tab paints no frame: then after 200 ms. */
  function afterPaint(fn) {
    var done = false;
    function once() { if (!done) { done = true; fn(); } }
    if (window.requestAnimationFrame) window.requestAnimationFrame(function () { later(once); });
    setTimeout(once, 200);
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

  /* A vocabulary entry [word, folded, terms, …]: its distinct terms in French and English
   * (stemmings), computed on first use. */
  function vocabTerms(entry) {
    if (entry[2] === undefined) entry[2] = wordTerms(entry[0]);
    return entry[2];
  }

  /* The languages the analysis has loaded: French and English (the bundle has both stemmers). */
  function languages() {
    return A.LANGUAGES.filter(function (lang) { return A.isReady(lang); });
  }

  /* The distinct terms of a word in French and in English (stop words give none). */
  function wordTerms(surface) {
    var out = [];
    languages().forEach(function (lang) {
      var t = A.term(surface, lang);
      if (t !== null && out.indexOf(t) === -1) out.push(t);
    });
    return out;
  }

  /* The language of a paragraph: "fr", "en" or null (not known: analysed both ways), from
   * meta.json's `lg` ([first ref, end ref, language] of the paragraphs not in French). */
  function langOf(ref) {
    var runs = M.lg || [];
    for (var i = 0; i < runs.length; i++) {
      if (ref >= runs[i][0] && ref < runs[i][1]) return runs[i][2];
    }
    return "fr";
  }

  /* The analysis a paragraph's text is read with: its language's (null: both), or French when
   * English is not loaded. */
  function analysisLang(ref) {
    var lang = langOf(ref);
    return A.isReady("en") ? lang : "fr";
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
        vocabTerms(s.words[i]).forEach(function (t) { if (known(t)) found.push(t); });
      }
      return false;
    });
    return unique(found).slice(0, MAX_EXPANSION);
  }

  /* One word of the query: the terms that satisfy it, in which fields; also satisfied by each
   * term list of `sets` when all its terms match (the words typed of an acronym's expansion; a
   * quoted phrase, whose terms must moreover be adjacent in the text: `phrase`). `acronym`:
   * the index of its entry in M.sg. */
  function group(exact, fields, presence, boost) {
    return {
      exact: exact, completions: [], fields: fields || null, presence: presence || "required", boost: boost || 1,
      sets: [], phrase: false, acronym: null, langs: null
    };
  }

  /* The group of a query word {surface, fr, en, terms} (A.queryTerms): either term satisfies
   * it. `langs` keeps which term is which language, for langPenalty(). */
  function wordGroup(w, exact, fields, presence, boost) {
    var g = group(exact || w.terms.slice(), fields, presence, boost);
    if (w.fr !== null && w.en !== null && w.fr !== w.en) g.langs = { fr: w.fr, en: w.en };
    g.surface = w.surface;
    return g;
  }

  /* ------------------------------------------------------------------ acronyms and phrases */

  /* M.sg (data/acronyms.yaml) made quick to ask: an acronym by its surface (case-sensitive)
   * and by its term ("UN" has none: a stop word), the analysed expansions. */
  var ACRONYMS = null;
  function acronymTable() {
    if (ACRONYMS) return ACRONYMS;
    var t = { surface: Object.create(null), term: Object.create(null), expansions: [] };
    (M.sg || []).forEach(function (entry, k) {
      entry[0].forEach(function (a) {
        if (!(a in t.surface)) t.surface[a] = k;
        var term = A.term(a);
        if (term !== null && !(term in t.term)) t.term[term] = k;
      });
      entry[1].forEach(function (e) {
        languages().forEach(function (lang) { t.expansions.push({ terms: A.analyze(e, lang), k: k, lang: lang }); });
      });
    });
    ACRONYMS = t;
    return t;
  }

  function sameList(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /* Whether `run` occurs in `terms` as adjacent items, in order. */
  function containsRun(terms, run) {
    for (var i = 0; i + run.length <= terms.length; i++) {
      if (sameList(terms.slice(i, i + run.length), run)) return true;
    }
    return false;
  }

  /* The items from items[i] whose term in `lang` is not null, up to n of them: [terms, number
   * of items they span] (items[i] itself must have one). */
  function termsFrom(items, i, lang, n) {
    var terms = [], j = i;
    if (items[i][lang] === null) return [terms, 0];
    for (; j < items.length && terms.length < n; j++) if (items[j][lang] !== null) terms.push(items[j][lang]);
    return [terms, j - i];
  }

  /* {k, n}: the acronym entry of the longest form at items[i] ({surface, fr, en}), n items: an
   * acronym as written or by its (French) term, or an expansion in either language. */
  function acronymAt(items, i) {
    var t = acronymTable(), best = null, it = items[i];
    var k = it.surface in t.surface ? t.surface[it.surface] : it.fr !== null && it.fr in t.term ? t.term[it.fr] : null;
    if (k !== null) best = { k: k, n: 1, width: 1 };
    t.expansions.forEach(function (e) {
      var width = e.terms.length;
      if (!width || (best !== null && width <= best.width)) return;
      var found = termsFrom(items, i, e.lang, width);
      if (sameList(found[0], e.terms)) best = { k: e.k, n: found[1], width: width };
    });
    return best;
  }

  /* The group of acronym entry k: its acronyms (in the text, or in the field sigle when the
   * paragraph spells out an expansion), or all the words typed. */
  function acronymGroup(k, words) {
    var entry = M.sg[k], exact = [];
    entry[0].forEach(function (a) { var t = A.term(a); if (t !== null) exact.push(t); });
    entry[1].forEach(function (e) {
      languages().forEach(function (lang) { var terms = A.analyze(e, lang); if (terms.length === 1) exact.push(terms[0]); });
    });
    var g = group(unique(exact)), typed = [];
    languages().forEach(function (lang) {
      var terms = words.map(function (w) { return w[lang]; }).filter(function (x) { return x !== null; });
      if (terms.length > 1 && !g.sets.some(function (set) { return sameList(set, terms); })) g.sets.push(terms);
      typed = typed.concat(terms);
    });
    g.acronym = k;
    g.typed = unique(typed);
    return g;
  }

  /* Plain words (A.queryTerms: each word's French and English terms): one group per word,
   * satisfied by either term; the forms of an acronym entry make one group. A word that one
   * language drops as a stop word ("the", "de") is optional (`half`): it scores where its other
   * term is found; with no required word beside it, it is dropped (groupsOf). */
  function plainGroups(text) {
    var items = A.queryTerms(text);
    var groups = [], seen = Object.create(null);
    for (var i = 0; i < items.length;) {
      var found = acronymAt(items, i);
      if (found) {
        if (!seen["#" + found.k]) {
          seen["#" + found.k] = true;
          groups.push(acronymGroup(found.k, items.slice(i, i + found.n)));
        }
        i += found.n;
        continue;
      }
      var w = items[i], key = w.terms.join(" ");
      if (!seen[key]) {
        seen[key] = true;
        var g = wordGroup(w, null, null, w.fr === null || w.en === null ? "optional" : "required");
        g.half = g.presence === "optional";
        groups.push(g);
      }
      i++;
    }
    return groups;
  }

  /* Quoted phrases: "…", « … », “…” (a quote left open is no phrase: its words are plain). */
  var PHRASE = /"([^"]*)"|«([^»]*)»|“([^”]*)”/g;
  function splitPhrases(text) {
    var phrases = [];
    var rest = text.replace(PHRASE, function (m, a, b, c) {
      phrases.push(a !== undefined ? a : b !== undefined ? b : c);
      return " ";
    });
    return { phrases: phrases, rest: rest };
  }

  /* A phrase, analysed in French and in English: satisfied when the terms of either analysis
   * are adjacent, in order, in the paragraph's text analysed in its language (textTerms). */
  function phraseGroup(phrase) {
    var sets = [];
    languages().forEach(function (lang) {
      var terms = A.analyze(phrase, lang);
      if (terms.length && !sets.some(function (set) { return sameList(set, terms); })) sets.push(terms);
    });
    if (!sets.length) return null;
    if (sets.every(function (set) { return set.length === 1; })) return group(unique(sets.map(function (set) { return set[0]; })));
    var g = group([], ["texte"]);
    sets.forEach(function (set) { if (set.length === 1) g.exact.push(set[0]); else g.sets.push(set); });
    g.phrase = true;
    return g;
  }

  /* The analysed terms of a paragraph's text, in its language (its store page must be loaded:
   * else undefined). */
  var textTermsCache = Object.create(null);
  function textTerms(ref) {
    if (textTermsCache[ref]) return textTermsCache[ref];
    var found = paragraph(ref);
    if (!found) return undefined;
    return (textTermsCache[ref] = A.analyze(found.p.x, analysisLang(ref)));
  }

  function isTyping(text) {
    return text.length > 0 && !/\s$/.test(text);
  }

  /* The word being typed also matches as a prefix; being typed, it is required even when one
   * language drops it ("de" on the way to "désarmement"). */
  function completeLast(groups, surface) {
    var folded = A.normalize(surface), terms = wordTerms(surface);
    var more = completions(folded).filter(function (t) { return terms.indexOf(t) === -1; });
    if (!more.length) return;
    var last = groups[groups.length - 1];
    if (last && terms.length && last.surface === surface) {
      last.completions = more;
      last.presence = "required";
    } else if (!terms.length) {
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
          terms = unique(prefixTerms(folded).concat(prefixTerms(A.stem(folded)), A.isReady("en") ? prefixTerms(A.stem(folded, "en")) : [], completions(folded)));
        } else {
          terms = wildcardTerms(raw);
        }
        groups.push(group(terms, fields, presence, boost));
        continue;
      }
      var analysed = A.queryTerms(raw);
      for (var k = 0; k < analysed.length; k++) {
        var w = analysed[k], exact = w.terms;
        if (clause.editDistance) exact = unique([].concat.apply([], w.terms.map(function (t) { return fuzzyTerms(t, clause.editDistance); })));
        groups.push(wordGroup(w, exact, fields, presence, boost));
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

  function groupsOf(query) {
    var split = splitPhrases(query), text = split.rest;
    var groups = null;
    if (/[:*~^+]/.test(text) || /(^|\s)-/.test(text)) groups = lunrGroups(text);
    if (!groups) {
      groups = plainGroups(text);
      if (isTyping(text)) {
        var toks = A.tokens(text);
        if (toks.length) completeLast(groups, toks[toks.length - 1].surface);
      }
    }
    split.phrases.forEach(function (phrase) { var g = phraseGroup(phrase); if (g) groups.push(g); });
    // Only half stop words ("un", "the"): nothing to find.
    if (!groups.some(function (g) { return g.presence === "required"; })) groups = groups.filter(function (g) { return !g.half; });
    groups.forEach(function (g) { if (!g.fields) g.fields = M.fields; });
    return groups.filter(function (g) { return g.exact.length || g.completions.length || g.sets.length || g.presence !== "required"; });
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
    groups.forEach(function (g) {
      g.exact.concat(g.completions, [].concat.apply([], g.sets)).forEach(function (t) { if (known(t)) terms.push(t); });
    });
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
        g.sets.forEach(function (set) { set.forEach(function (t) { add(t, g.boost / set.length); }); }); // a set weighs as one word
      });
    });
    // Every result matches some term of the query; with one plain group, in that group's
    // fields, it is a hit. Otherwise each required group must be satisfied (AND).
    var required = positive.filter(function (g) { return g.presence === "required"; });
    var check = groups.length > 1 || groups[0].sets.length ? required : [];
    var hits = [], unverified = false;
    for (var i = 0; i < results.length; i++) {
      var r = results[i], md = r.matchData.metadata, ok = true, ref = Number(r.ref);
      for (var c = 0; ok && c < check.length; c++) {
        var s = satisfies(check[c], md, ref);
        if (s === undefined) unverified = true;
        ok = s === true;
      }
      if (ok) hits.push({ ref: ref, score: Math.round(r.score * 1e6) / 1e6, terms: Object.keys(md), md: md, penalty: langPenalty(positive, md, ref) });
    }
    if (unverified) return []; // store pages to load first (attempt() runs this again)
    hits.sort(function (a, b) { return a.penalty - b.penalty || b.score - a.score || a.ref - b.ref; });
    return hits;
  }

  /* How many words of the query (groups whose French and English terms differ) a paragraph
   * matches only through the other language's term: the term of its own language (fr, en)
   * matched in none of the word's fields. "terrorisme" is terror in French and terrorism in
   * English, whose texts index "terrorism" as terror: an English paragraph matches it only
   * through the French term. The hits are ranked by this number first, then by lunr's score:
   * a paragraph that matches every word in its own language ranks above one that needs the
   * other's, so a query in one language does not drown that language's hits. A word being
   * typed (completions), a word matched as a state's name (etat, mention: a state is the same in either
   * language, "Fédération de Russie" finds Russia's English paragraphs as its French ones), and
   * a paragraph of unknown language (both analyses), count 0. */
  function langPenalty(groups, md, ref) {
    var lang = null, n = 0;
    function matched(g, t) { return md[t] && g.fields.some(function (f) { return f in md[t]; }); }
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      if (!g.langs) continue;
      if (lang === null) lang = langOf(ref);
      if (lang !== "fr" && lang !== "en") return 0;
      var other = g.langs[lang === "fr" ? "en" : "fr"];
      if (g.completions.length || matched(g, g.langs[lang])) continue; // a word being typed: either
      if (md[other] && (md[other].etat || md[other].mention)) continue; // a state, by any of its names
      if (matched(g, other)) n++;
    }
    return n;
  }

  /* Whether a result (lunr's match metadata md, term -> field -> …) satisfies group g: true,
   * false, or undefined while the text a phrase is checked against is not loaded. */
  function satisfies(g, md, ref) {
    function matches(t) {
      return md[t] && g.fields.some(function (f) { return f in md[t]; });
    }
    if (g.exact.some(matches) || g.completions.some(matches)) return true;
    var pending = false;
    for (var i = 0; i < g.sets.length; i++) {
      if (!g.sets[i].every(matches)) continue;
      if (!g.phrase) return true;
      var terms = textTerms(ref);
      if (terms === undefined) pending = true;
      else if (containsRun(terms, g.sets[i])) return true;
    }
    return pending ? undefined : false;
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
      if (d > limit || !vocabTerms(v[i]).length) continue;
      var key = [d, -v[i][3], v[i][0]];
      if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) best = key;
    }
    return best ? best[2] : null;
  }

  function suggest(text) {
    var changed = false;
    var words = A.tokens(text).map(function (tok) {
      var terms = wordTerms(tok.surface);
      if (terms.length && terms.every(function (t) { return row(t) === null; })) {
        var best = nearest(A.normalize(tok.surface));
        if (best !== null) { changed = true; return best; }
      }
      return tok.surface;
    });
    return changed ? words.join(" ") : null;
  }

  /* {hits, groups} of a text. */
  function search(text) {
    var groups;
    try {
      groups = groupsOf(text);
      return { hits: run(groups), groups: groups };
    } catch (e) {
      // Never an error for the reader: the text as plain words.
      try {
        groups = A.queryTerms(text).map(function (w) { var g = wordGroup(w); g.fields = M.fields; return g; });
        return { hits: run(groups), groups: groups };
      } catch (e2) {
        return { hits: [], groups: [] };
      }
    }
  }

  /* {hits, groups, suggestion}: the hits, or, when there are none, those of the corrected
   * query. */
  function answerNow(text) {
    var found = search(text);
    if (found.hits.length || !text.trim() || (misses && misses.length)) return { hits: found.hits, groups: found.groups, suggestion: null };
    var suggestion = null;
    try { suggestion = suggest(text); } catch (e) { suggestion = null; }
    if (suggestion === null) return { hits: [], groups: found.groups, suggestion: null };
    var retry = search(suggestion);
    return { hits: retry.hits, groups: retry.groups, suggestion: suggestion };
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
    if (key === "l") { var lang = langOf(ref); return [lang === "fr" ? 0 : lang === "en" ? 1 : 2]; }
    return [docOf(F, ref)];
  }

  function labelsOf(F, key) {
    if (key === "l") return LANGS;
    return key === "d" ? F.d.map(function (doc) { return [doc[0], doc[1]]; }) : M[key];
  }

  function facetIndex(F, key, id) {
    var list = labelsOf(F, key);
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  function filtering() {
    return FACETS.some(function (f) { return !!state[f.param]; });
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

  /* "23 résultats": a number and its word never split across lines. */
  function plural(n, one, many) {
    return n + "\u00a0" + (n === 1 ? one : many);
  }

  /* Interface text around a citation: "§" never left alone at the end of a line. */
  function nbsp(text) {
    return text.replace(/§ /g, "§\u00a0");
  }

  /* A link that the page follows itself (same page, new query): a real href for a new tab. */
  function queryLink(className, text, params) {
    var a = node("a", className, text);
    a.href = "?" + new URLSearchParams(params).toString();
    a.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
      event.preventDefault();
      state.q = params.q || "";
      FACETS.forEach(function (f) { state[f.param] = params[f.param] || ""; });
      el.input.value = state.q;
      lastWrite.kind = "";
      update("push").then(function () { el.input.focus(); });
    });
    return a;
  }

  /* A.normalize(surface).slice(0, 2), without folding the whole word when its first three
   * characters are among fold()'s letters (each of them folds on its own): the usual case. */
  function head(surface) {
    var start = surface.slice(0, 3).toLowerCase();
    return FOLDABLE.test(start) ? fold(start).slice(0, 2) : A.normalize(surface).slice(0, 2);
  }

  /* What to mark in a result's text: single terms, and runs of terms (a phrase, an acronym's
   * expansion, a state's name in several words) marked where they are adjacent, in order. */
  function marker() {
    var singles = Object.create(null), runs = [], seen = Object.create(null);
    return {
      singles: singles, runs: runs,
      term: function (t) { singles[t] = true; },
      run: function (terms) {
        if (terms.length === 1) singles[terms[0]] = true;
        else if (terms.length > 1 && !seen[terms.join(" ")]) { seen[terms.join(" ")] = true; runs.push(terms); }
      }
    };
  }

  /* The spans [first token, last token] of a text to mark, sorted, overlaps merged. */
  function markedSpans(toks, marks, lang) {
    // Snowball's French stemmer changes a word only after its first two letters (its regions
    // RV, R1 and R2 never start before), so a word whose first two letters start no wanted
    // term cannot be one: it is not stemmed at all (stemming is the cost of a cold page).
    // Porter2 may change the second letter ("dying" -> die): in English, the first letter.
    // A paragraph of unknown language: each word's terms in both.
    var width = lang === "fr" ? 2 : 1;
    var heads = Object.create(null), t;
    for (t in marks.singles) heads[t.slice(0, width)] = true;
    marks.runs.forEach(function (run) { run.forEach(function (x) { heads[x.slice(0, width)] = true; }); });
    var terms = toks.map(function (tok) {
      if (heads[head(tok.surface).slice(0, width)]) {
        if (lang !== null) return A.term(tok.surface, lang);
        var both = A.terms(tok.surface, null);
        for (var k = 0; k < both.length; k++) if (marks.singles[both[k]]) return both[k];
        return both.length ? both[0] : null;
      }
      if (!marks.runs.length) return "";
      var folded = A.normalize(tok.surface);
      return !folded || A.isStopword(folded, lang || "fr") ? null : ""; // a stop word does not break a run
    });
    var spans = [];
    terms.forEach(function (x, i) { if (x && marks.singles[x]) spans.push([i, i]); });
    if (marks.runs.length) {
      var at = [];
      terms.forEach(function (x, i) { if (x !== null) at.push(i); });
      marks.runs.forEach(function (run) {
        for (var j = 0; j + run.length <= at.length; j++) {
          var k = 0;
          while (k < run.length && terms[at[j + k]] === run[k]) k++;
          if (k === run.length) spans.push([at[j], at[j + run.length - 1]]);
        }
      });
    }
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push(s.slice());
    });
    return merged;
  }

  /* The paragraph's text around its first match, what matched in <mark>. */
  function snippet(text, marks, lang) {
    var toks = A.tokens(text, lang || "en"), spans = markedSpans(toks, marks, lang);
    var from = 0, to = toks.length;
    var WORDS = 36;
    if (toks.length > WORDS) {
      from = spans.length ? Math.max(0, spans[0][0] - 8) : 0;
      to = Math.min(toks.length, from + WORDS);
      from = Math.max(0, to - WORDS);
    }
    var out = node("p", "result-snippet");
    var start = from > 0 ? toks[from].start : 0;
    var end = to < toks.length ? toks[to - 1].end : text.length;
    if (from > 0) out.appendChild(document.createTextNode("… "));
    var cursor = start;
    for (var m = 0; m < spans.length; m++) {
      var a = toks[spans[m][0]].start, b = toks[spans[m][1]].end;
      if (a < start || b > end) continue;
      out.appendChild(document.createTextNode(text.slice(cursor, a)));
      out.appendChild(node("mark", null, text.slice(a, b)));
      cursor = b;
    }
    out.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (to < toks.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  /* The analysed forms of a state (M.ew: the words that find it) and of a topic (its French
   * and English labels), and the terms among them; computed once each. */
  var formsCache = Object.create(null);
  function formsOf(key, words) {
    if (!formsCache[key]) {
      var forms = [];
      words.forEach(function (w) {
        languages().forEach(function (lang) {
          var f = A.analyze(w, lang);
          if (f.length && !forms.some(function (g) { return sameList(f, g); })) forms.push(f);
        });
      });
      var terms = Object.create(null);
      forms.forEach(function (f) { f.forEach(function (t) { terms[t] = true; }); });
      formsCache[key] = { forms: forms, terms: terms };
    }
    return formsCache[key];
  }

  function stateForms(i) {
    return formsOf("e" + i, (M.ew && M.ew[i]) || [M.e[i][1]]);
  }

  function topicForms(i) {
    return formsOf("t" + i, [M.t[i][1]].concat(M.te ? [M.te[i]] : []));
  }

  function acronymForms(k) {
    return formsOf("s" + k, M.sg[k][0].concat(M.sg[k][1]));
  }

  /* Why a result matched, beyond the words of its text, and what to mark in the text:
   * [{label}] and the marks. A state or a topic is named when a query term matched it and
   * not the text; an acronym when the result has another of its forms than the one typed. */
  function reasons(hit, p, groups) {
    var md = hit.md || {}, out = [], marks = marker();
    function fieldTerms(field) {
      return Object.keys(md).filter(function (t) { return md[t][field] && !md[t].texte; });
    }
    function hasAny(forms, terms) {
      return terms.some(function (t) { return forms.terms[t]; });
    }
    groups.forEach(function (g) {
      if (g.presence === "prohibited") return;
      g.exact.concat(g.completions).forEach(function (t) { if (md[t]) marks.term(t); });
      g.sets.forEach(function (set) {
        if (g.phrase) marks.run(set);
        else set.forEach(function (t) { if (md[t]) marks.term(t); });
      });
      if (g.acronym === null) return;
      var forms = acronymForms(g.acronym), typed = g.typed || [];
      forms.forms.forEach(marks.run);
      // Named when the result has the entry in its own words (text, part title, symbol; the
      // field sigle: an expansion spelled out) by another form than the one typed.
      var other = Object.keys(md).some(function (t) {
        return forms.terms[t] && (md[t].sigle || typed.indexOf(t) === -1 && (md[t].texte || md[t].partie || md[t].doc));
      });
      if (other) out.push("Sigle\u00a0: " + M.sg[g.acronym][0][0] + " = " + M.sg[g.acronym][1][0]);
    });
    var speaking = fieldTerms("etat"), named = fieldTerms("mention").concat(Object.keys(md).filter(function (t) { return md[t].mention; }));
    (p.s || []).forEach(function (i) {
      var forms = stateForms(i);
      if (hasAny(forms, speaking)) out.push("État\u00a0: " + M.e[i][1]);
      if (hasAny(forms, named)) forms.forms.forEach(marks.run);
    });
    (p.m || []).forEach(function (i) {
      var forms = stateForms(i);
      if (!hasAny(forms, named)) return;
      if (hasAny(forms, fieldTerms("mention"))) out.push("État cité\u00a0: " + M.e[i][1]);
      forms.forms.forEach(marks.run);
    });
    // The topics that the most query terms matched ("chemical weapons": Armes chimiques, not
    // Armes biologiques, which only "weapons" matched).
    var topical = fieldTerms("theme"), best = 0, scored = [];
    (p.t || []).forEach(function (i) {
      var forms = topicForms(i), n = topical.filter(function (t) { return forms.terms[t]; }).length;
      if (n) scored.push([i, n]);
      best = Math.max(best, n);
    });
    scored.forEach(function (s) { if (s[1] === best) out.push("Thème\u00a0: " + M.t[s[0]][1]); });
    return { labels: out, marks: marks };
  }

  /* What a result says of its language when it is not French. */
  var IN_LANGUAGE = { en: "en anglais", und: "langue non précisée" };

  function resultItem(hit, groups) {
    var found = paragraph(hit.ref), p = found.p, doc = found.doc, lang = langOf(hit.ref);
    var li = node("li", "result");
    var link = node("a", "result-link", nbsp(p.c));
    if (lang && lang !== "fr") link.lang = lang;
    link.href = app.getAttribute("data-root") + doc[2] + "index.html#" + p.i;
    li.appendChild(node("h2", "result-title")).appendChild(link);
    var meta = node("p", "result-meta");
    meta.appendChild(node("span", "result-symbol", doc[1]));
    var speakers = (p.s || []).map(function (i) { return M.e[i][1]; });
    if (speakers.length) meta.appendChild(node("span", "result-state", speakers.join(", ")));
    var label = p.c.slice(p.c.lastIndexOf(", ") + 2);
    meta.appendChild(node("span", "result-number", nbsp(label)));
    if (lang !== "fr") meta.appendChild(node("span", "result-lang", IN_LANGUAGE[lang || "und"]));
    li.appendChild(meta);
    var why = reasons(hit, p, groups || []);
    if (why.labels.length) {
      var ul = node("ul", "result-why");
      ul.setAttribute("aria-label", "Pourquoi ce résultat");
      why.labels.forEach(function (text) { ul.appendChild(node("li", null, text)); });
      li.appendChild(ul);
    }
    li.appendChild(snippet(p.x, why.marks, analysisLang(hit.ref)));
    if (lang && lang !== "fr") li.lastChild.lang = lang;
    return li;
  }

  /* The button to focus again once the facets are drawn anew ({param, id}), if one had it. */
  var refocus = null;

  function facetButton(f, id, label, count, pressed) {
    var li = node("li");
    var button = node("button", "facet");
    button.type = "button";
    button.setAttribute("aria-pressed", pressed ? "true" : "false");
    button.setAttribute("data-param", f.param);
    button.setAttribute("data-id", id);
    button.appendChild(node("span", "facet-label", label));
    button.appendChild(node("span", "count", String(count)));
    button.addEventListener("click", function () {
      state[f.param] = pressed ? "" : id;
      refocus = { param: f.param, id: id };
      update("push");
    });
    li.appendChild(button);
    return li;
  }

  /* After the facets are drawn: the focus back on the button pressed (or, gone, on the first of
   * its group, else on the filters' toggle or the search field): never on the page's body. */
  function restoreFocus() {
    if (!refocus) return;
    var wanted = refocus;
    refocus = null;
    var buttons = Array.prototype.slice.call(el.facets.querySelectorAll("button.facet"));
    var same = buttons.filter(function (b) { return b.getAttribute("data-param") === wanted.param && b.getAttribute("data-id") === wanted.id; })[0];
    var group = buttons.filter(function (b) { return b.getAttribute("data-param") === wanted.param; })[0];
    var target = same || group || (el.toggle.hidden ? el.input : el.toggle);
    if (target && target.getClientRects().length) target.focus();
    else el.input.focus();
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
      if (!items.length) return; // no heading without buttons under it
      items.sort(function (a, b) { return b.count - a.count || a.i - b.i; });
      var section = node("section", "facet-group");
      var headingId = "facet-" + f.param;
      var h = node("h2", "facet-title", f.title);
      h.id = headingId;
      section.setAttribute("aria-labelledby", headingId);
      section.appendChild(h);
      var ul = node("ul", "facet-list");
      items.forEach(function (it) { ul.appendChild(facetButton(f, it.id, it.label, it.count, it.id === state[f.param])); });
      section.appendChild(ul);
      el.facets.appendChild(section);
    });
    renderToggle();
    restoreFocus();
  }

  /* ---- the filters on a narrow screen: a button that shows them, above the results */

  var wide = window.matchMedia ? window.matchMedia("(min-width: 56rem)") : { matches: true };
  var filtersOpen = false;

  function activeCount() {
    return FACETS.filter(function (f) { return state[f.param]; }).length;
  }

  function renderToggle() {
    var n = activeCount();
    el.toggle.textContent = "Filtres";
    if (n) el.toggle.appendChild(node("span", "toggle-count", "\u00a0(" + plural(n, "actif", "actifs") + ")"));
    el.toggle.setAttribute("aria-expanded", filtersOpen ? "true" : "false");
    el.toggle.hidden = wide.matches || !el.facets.firstChild;
    placeFacets();
  }

  /* Wide screen: the facets beside the results (after them in the page's order); narrow: the
   * facets just under their button, before the results, shown when it is pressed. */
  function placeFacets() {
    if (wide.matches) {
      if (el.facets.parentNode !== el.layout || el.facets.nextSibling) el.layout.appendChild(el.facets);
      el.facets.hidden = false;
    } else {
      if (el.layout.firstChild !== el.facets) el.layout.insertBefore(el.facets, el.layout.firstChild);
      el.facets.hidden = !filtersOpen;
    }
  }

  el.toggle.addEventListener("click", function () {
    filtersOpen = !filtersOpen;
    renderToggle();
    if (filtersOpen) {
      var first = el.facets.querySelector("button");
      if (first) first.focus();
    }
  });
  if (wide.addEventListener) wide.addEventListener("change", renderToggle);

  // The examples of the page before any query (templates/search.html): run here, no reload.
  el.start.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("a") : null;
    var href = a ? a.getAttribute("href") : "";
    if (!a || href.charAt(0) !== "?" || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    event.preventDefault();
    state.q = new URLSearchParams(href.slice(1)).get("q") || "";
    el.input.value = state.q;
    lastWrite.kind = "";
    update("push").then(function () { el.input.focus(); });
  });

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
      button.textContent = f.label + "\u00a0: " + label;
      button.setAttribute("aria-label", "Retirer le filtre " + f.label + "\u00a0: " + label);
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

  /* ---- nothing found, nothing asked */

  /* The query without each of its words, in turn, that finds something: [{q, count}]. */
  function dropOneWord(text) {
    var words = A.tokens(text).map(function (t) { return t.surface; });
    if (words.length < 2 || words.length > 8) return [];
    var out = [];
    words.forEach(function (w, i) {
      var q = words.slice(0, i).concat(words.slice(i + 1)).join(" ");
      if (out.some(function (o) { return o.q === q; })) return;
      var n = filtered(search(q).hits).length;
      if (n) out.push({ q: q, word: w, count: n });
    });
    return out;
  }

  function browseLinks(ul) {
    [["Parcourir les thèmes", "data-topics"], ["Parcourir les États", "data-states"], ["Parcourir les documents", "data-documents"]].forEach(function (b) {
      var a = node("a", "next-step", b[0]);
      a.href = app.getAttribute(b[1]);
      ul.appendChild(node("li")).appendChild(a);
    });
  }

  /* The notice over the results: a corrected query, or nothing found and what to try next
   * (the suggestion, without the filters, without one of the words, the lists to browse). */
  function renderNotice(text, suggestion, count, drops) {
    clear(el.notice);
    el.notice.hidden = true;
    if (!text.trim() || suggestion === null && count > 0) return;
    var q = "«\u00a0" + text.trim() + "\u00a0»";
    if (suggestion !== null) {
      var p = el.notice.appendChild(node("p", null, "Aucun résultat pour " + q + ". Vouliez-vous dire "));
      var a = queryLink("suggestion", "«\u00a0" + suggestion + "\u00a0»", { q: suggestion });
      p.appendChild(a);
      p.appendChild(document.createTextNode("\u00a0?" + (count ? " Résultats pour cette orthographe\u00a0:" : "")));
      if (count) { el.notice.hidden = false; return; }
    } else {
      el.notice.appendChild(node("p", "notice-title", "Aucun résultat pour " + q + "."));
    }
    el.notice.appendChild(node("p", null, "Essayez\u00a0:"));
    var ul = node("ul", "next-steps");
    if (filtering()) {
      var all = { q: state.q };
      ul.appendChild(node("li")).appendChild(queryLink("next-step", "la même recherche sans filtre", all));
    }
    drops.forEach(function (d) {
      var params = { q: d.q };
      FACETS.forEach(function (f) { if (state[f.param]) params[f.param] = state[f.param]; });
      var link = queryLink("next-step", "sans «\u00a0" + d.word + "\u00a0»\u00a0: " + d.q, params);
      link.appendChild(node("span", "count", " (" + plural(d.count, "résultat", "résultats") + ")"));
      ul.appendChild(node("li")).appendChild(link);
    });
    browseLinks(ul);
    el.notice.appendChild(ul);
    el.notice.hidden = false;
  }

  /* The page before any query: examples (in the template) and the lists to browse. */
  function renderStart(show) {
    el.start.hidden = !show;
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
        var hits = r.hits, counted = hits;
        if (!text.trim()) {
          // No words: the filters alone, in corpus order (or nothing at all); the facets count
          // every paragraph, so that a reader can start from them.
          counted = [];
          for (var i = 0; i < M.n; i++) counted.push({ ref: i, score: 0, terms: [] });
          hits = filtering() ? counted : [];
        }
        var kept = filtered(hits);
        var drops = text.trim() && !kept.length ? dropOneWord(text) : [];
        needParagraphs(kept.slice(0, count));
        return { text: text, hits: counted, kept: kept, groups: r.groups, suggestion: r.suggestion, drops: drops };
      });
    });
  }

  /* Renders the current state. initial: the page's first render, in two steps (the first
   * results; once they are painted, the other results and the facets). Resolves once all is on the page, or
   * when a newer render has replaced this one. */
  function render(initial) {
    var seq = ++renderSeq;
    return prepare(initial ? Math.min(FIRST, shown) : shown).then(function (r) {
      if (seq !== renderSeq) return;
      if (!render.done) mark("undocs-search-answered");
      lastHits = r.kept;
      lastGroups = r.groups;
      var page = r.kept.slice(0, shown);
      var now = initial ? page.slice(0, FIRST) : page;
      var list = document.createDocumentFragment();
      now.forEach(function (h) { list.appendChild(resultItem(h, r.groups)); });
      clear(el.results);
      el.results.appendChild(list);
      el.results.setAttribute("data-query", r.text);
      el.more.hidden = r.kept.length <= shown;
      var active = r.text.trim() || filtering();
      renderStart(!active);
      renderNotice(r.text, r.suggestion, r.kept.length, r.drops);
      renderActive(facetFile.get(0));
      var message = !active ? "" : r.kept.length ? plural(r.kept.length, "résultat", "résultats") : "Aucun résultat pour «\u00a0" + r.text.trim() + "\u00a0»";
      // Nothing found: the notice says it on screen, the status only to screen readers.
      el.status.classList.toggle("sr-only", !!active && !r.kept.length && !!r.text.trim());
      announce(message);
      app.setAttribute("data-count", String(r.kept.length));
      if (!render.done) {
        render.done = true;
        mark("undocs-search-first-results");
      }
      return new Promise(function (resolve) { (initial ? afterPaint : function (fn) { fn(); })(resolve); }).then(function () {
        return attempt(function () {
          needParagraphs(page);
          return facets();
        });
      }).then(function (F) {
        if (seq !== renderSeq) return;
        if (now.length < page.length) {
          var more = document.createDocumentFragment();
          page.slice(now.length).forEach(function (h) { more.appendChild(resultItem(h, r.groups)); });
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

  /* What Back must find again, kept in the history entry: the number of results shown
   * ("Afficher plus") and the scroll position. */
  function saveView() {
    try {
      window.history.replaceState({ shown: shown, scroll: Math.round(window.scrollY) }, "", window.location.href);
    } catch (e) { /* a browser refusing too many calls: Back shows the first results */ }
  }

  function savedView() {
    var s = window.history.state;
    return s && typeof s.shown === "number" && s.shown > PAGE ? s : { shown: PAGE, scroll: s && s.scroll || 0 };
  }

  /* kind: how the URL changes ("push", "type", or null: it does not); restore: show as many
   * results as the history entry says (Back, a reload). */
  function update(kind, initial, restore) {
    shown = restore ? Math.ceil(savedView().shown / PAGE) * PAGE : PAGE;
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
    var from = shown, hits = lastHits, groups = lastGroups;
    shown += PAGE;
    saveView();
    attempt(function () { needParagraphs(hits.slice(from, shown)); }).then(function () {
      if (hits !== lastHits) return;
      var list = document.createDocumentFragment();
      hits.slice(from, shown).forEach(function (h) { list.appendChild(resultItem(h, groups)); });
      el.results.appendChild(list);
      el.more.hidden = hits.length <= shown;
      var links = el.results.querySelectorAll(".result-link");
      if (links[from]) links[from].focus();
    });
  });

  // Leaving for a result: remember where the reader was.
  el.results.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) saveView();
  });
  window.addEventListener("pagehide", saveView);

  window.addEventListener("popstate", function () {
    readURL();
    el.input.value = state.q;
    lastWrite.kind = "";
    var view = savedView();
    update(null, false, true).then(function () { window.scrollTo(0, view.scroll || 0); });
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
      wordTerms(tok.surface).forEach(function (t) { wanted.push(shardOf(t)); });
    });
    var folded = toks.length && isTyping(text) ? A.normalize(toks[toks.length - 1].surface) : "";
    if (folded.length >= 2) {
      for (var n = shardOf(folded), last = shardOf(folded + "\uffff"); n <= last && wanted.length < 8; n++) wanted.push(n);
    }
    unique(wanted).forEach(function (n) { shards.fetch(n).catch(function () {}); });
  }

  // The page puts the reader back where Back finds them (saveView), once the results are drawn.
  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";
  readURL();
  el.input.value = state.q;
  el.status.textContent = "Chargement de l’index de recherche…";
  mark("undocs-search-start");
  load().then(function () {
    mark("undocs-search-loaded");
    el.status.textContent = "";
    var view = savedView();
    return update(null, true, true).then(function () {
      if (view.scroll) window.scrollTo(0, view.scroll);
      app.setAttribute("data-ready", "true");
    });
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
