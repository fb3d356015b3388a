/* A query, from the text a reader types to ranked hits: the text made into groups (one per
 * word, acronym or quoted phrase; lunr's syntax when it is used), each group satisfied by any
 * of its terms in French or in English; lunr scores the paragraphs over a small lunr.Index of
 * just the query's terms (the same scores as the whole index); hits are ranked by language
 * penalty, then score. With no hit, the nearest spelling is tried (suggest).
 * docs/search-index.md describes the format; tests/search_cases.yaml the expected answers,
 * checked under Node (tests/js/search_engine.mjs) and in Chromium. */
import { containsRun, sameList, unique } from "./lists.mjs";
import { MAX_EXPANSION } from "./terms.mjs";

/* A completion weighs half a word typed in full. */
var COMPLETION_BOOST = 0.5;

/* lunr's field names, as a reader may type them (etat:russie, pays:russie…). */
export var FIELD_ALIASES = {
  texte: "texte", etat: "etat", mention: "mention", theme: "theme", doc: "doc", partie: "partie",
  text: "texte", state: "etat", etats: "etat", pays: "etat", topic: "theme", themes: "theme",
  sujet: "theme", document: "doc", symbole: "doc", cote: "doc", part: "partie", sigle: "sigle"
};

/* Whether the reader is still typing the last word (no space after it). */
export function isTyping(text) {
  return text.length > 0 && !/\s$/.test(text);
}

/* Whether a text uses lunr's syntax (fields, *, ~, ^, +, -). */
export function usesSyntax(text) {
  return /[:*~^+]/.test(text) || /(^|\s)-/.test(text);
}

/* ctx: {lunr, A, M, pipeline, files (files.mjs), terms (terms.mjs)}. */
export function createQuery(ctx) {
  var lunr = ctx.lunr, A = ctx.A, M = ctx.M, files = ctx.files, T = ctx.terms;
  var languages = T.languages;

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

  /* ---- acronyms */

  /* M.sg (data/acronyms.yaml) made quick to ask: an acronym by its surface (case-sensitive)
   * and by its term ("UN" has none: a stop word), the analysed expansions. */
  var acronyms = null;
  function acronymTable() {
    if (acronyms) return acronyms;
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
    acronyms = t;
    return t;
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

  /* ---- plain words and phrases */

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
    var found = files.paragraph(ref);
    if (!found) return undefined;
    return (textTermsCache[ref] = A.analyze(found.p.x, T.analysisLang(ref)));
  }

  /* The word being typed also matches as a prefix; being typed, it is required even when one
   * language drops it ("de" on the way to "désarmement"). */
  function completeLast(groups, surface) {
    var folded = A.normalize(surface), terms = T.wordTerms(surface);
    var more = T.completions(folded).filter(function (t) { return terms.indexOf(t) === -1; });
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

  /* ---- lunr's syntax */

  /* lunr's token set of every term (lexicon.json), for * and ~ beyond a plain prefix. */
  function tokenSet() {
    var lexicon = files.lexicon();
    if (!lexicon) return null;
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
          terms = unique(T.prefixTerms(folded).concat(T.prefixTerms(A.stem(folded)), A.isReady("en") ? T.prefixTerms(A.stem(folded, "en")) : [], T.completions(folded)));
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
        last.completions = T.completions(A.normalize(toks[toks.length - 1].surface)).filter(function (t) {
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

  /* The groups of a query text. */
  function groupsOf(query) {
    var split = splitPhrases(query), text = split.rest;
    var groups = null;
    if (usesSyntax(text)) groups = lunrGroups(text);
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

  /* ---- scoring with lunr */

  /* A lunr.Index of just these terms: their postings, and field vectors holding only them.
   * lunr scores a field as query vector · field vector / |query vector|, so the scores are
   * those of the whole index (the weights are lunr.py's own, see weighted_postings). Terms get
   * their _index in sorted order, as in the whole index, so the sums run in the same order. */
  var NO_METADATA = Object.freeze({}); // lunr copies a posting's metadata, never changes it
  var EMPTY = Object.freeze(Object.create(null));
  function indexOf(terms) {
    var fields = M.fields, inverted = Object.create(null), vectors = Object.create(null);
    terms.sort();
    for (var i = 0; i < terms.length; i++) {
      var r = T.row(terms[i]), posting = { _index: i };
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
      pipeline: ctx.pipeline
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

  /* The query's clauses, in the order lunr would meet them: {t, fields, boost, prohibited}
   * for each term of each group that the index has. */
  function clausesOf(groups, known) {
    var out = [];
    groups.forEach(function (g) {
      var prohibited = g.presence === "prohibited";
      function add(t, boost) {
        if (known(t)) out.push({ t: t, fields: g.fields, boost: boost, prohibited: prohibited });
      }
      g.exact.forEach(function (t) { add(t, g.boost); });
      g.completions.forEach(function (t) { add(t, g.boost * (prohibited ? 1 : COMPLETION_BOOST)); });
      g.sets.forEach(function (set) { set.forEach(function (t) { add(t, g.boost / set.length); }); }); // a set weighs as one word
    });
    return out;
  }

  /* A hit: its ref, score, and which fields each query term matched it in (`mask`: term ->
   * a bit per field of M.fields, terms in the order lunr's match metadata lists them). `md`,
   * lunr's match metadata (term -> field -> {}), is made from it when asked (why.mjs asks it of
   * the results shown): a common word has tens of thousands of hits. */
  function Hit(ref, score, mask) {
    this.ref = ref;
    this.score = score;
    this.mask = mask;
    this.penalty = 0;
    this._md = null;
  }
  Object.defineProperty(Hit.prototype, "md", {
    get: function () {
      if (this._md) return this._md;
      var md = Object.create(null), mask = this.mask;
      for (var t in mask) {
        md[t] = Object.create(null);
        for (var k = 0; k < M.fields.length; k++) if (mask[t] & (1 << k)) md[t][M.fields[k]] = EMPTY;
      }
      return (this._md = md);
    }
  });

  /* The bits of these fields (see Hit). */
  function fieldBits(fields) {
    var bits = 0;
    for (var i = 0; i < fields.length; i++) bits |= 1 << M.fields.indexOf(fields[i]);
    return bits;
  }

  /* lunr.Index.query over the index of just these terms (indexOf): [Hit]. Used for a query
   * with a prohibited term (-word); scoreClauses() gives the same answer otherwise. */
  function lunrScores(clauses, terms) {
    var index = indexOf(terms.slice());
    var P = lunr.Query.presence;
    return index.query(function (q) {
      clauses.forEach(function (c) {
        q.term(c.t, { fields: c.fields.slice(), boost: c.boost, usePipeline: false, presence: c.prohibited ? P.PROHIBITED : P.OPTIONAL });
      });
    }).map(function (r) {
      var md = r.matchData.metadata, mask = Object.create(null);
      for (var t in md) mask[t] = fieldBits(Object.keys(md[t]));
      return new Hit(Number(r.ref), r.score, mask);
    });
  }

  /* The scores and match metadata lunr.Index.query gives (lunrScores) when no clause is
   * prohibited, computed straight from the postings: the same floating-point operations in the
   * same order, without lunr's objects per posting (a query of a common word meets most of the
   * corpus). As in lunr: per field, a query vector (each term's boosts summed, by term index);
   * a paragraph's field scores query vector · field vector / |query vector|, the dot product
   * summed in term index order; its score, the sum of its field scores in the order lunr first
   * met each (field, paragraph) pair (clause by clause, field by field, ref by ref); its match
   * metadata, term -> field, terms in that order too. tests/js/search_engine.mjs checks both
   * give the same on every reader case. */
  function scoreClauses(clauses, terms) {
    var fields = M.fields, nf = fields.length, fieldAt = Object.create(null), at = Object.create(null);
    var k, i, j;
    for (k = 0; k < nf; k++) fieldAt[fields[k]] = k;
    terms.sort();
    for (i = 0; i < terms.length; i++) at[terms[i]] = i;
    var rows = terms.map(function (t) { return T.row(t); });
    var query = fields.map(function () { return []; }); // query[k][term index]: summed boosts
    var slotOf = new Map(), slotRef = [], slotField = [], slotTerms = [], seen = Object.create(null);
    for (var c = 0; c < clauses.length; c++) {
      var cl = clauses[c], ti = at[cl.t];
      for (var f = 0; f < cl.fields.length; f++) {
        k = fieldAt[cl.fields[f]];
        query[k][ti] = query[k][ti] === undefined ? cl.boost : query[k][ti] + cl.boost;
        if (seen[ti * nf + k]) continue;
        seen[ti * nf + k] = true;
        var flat = rows[ti][k + 1] || [], ref = 0;
        for (j = 0; j < flat.length; j += 2) {
          ref += flat[j];
          var key = ref * nf + k, slot = slotOf.get(key);
          if (slot === undefined) {
            slotOf.set(key, slotRef.length);
            slotRef.push(ref);
            slotField.push(k);
            slotTerms.push(cl.t);
          } else if (typeof slotTerms[slot] === "string") {
            slotTerms[slot] = [slotTerms[slot], cl.t];
          } else {
            slotTerms[slot].push(cl.t);
          }
        }
      }
    }
    var dots = new Float64Array(slotRef.length), norms = [];
    for (k = 0; k < nf; k++) {
      var q = query[k], squares = 0;
      for (i = 0; i < q.length; i++) {
        if (q[i] === undefined) continue;
        squares += q[i] * q[i];
        var postings = rows[i][k + 1] || [], r = 0;
        for (j = 0; j < postings.length; j += 2) {
          r += postings[j];
          dots[slotOf.get(r * nf + k)] += q[i] * (postings[j + 1] / M.scale);
        }
      }
      norms.push(Math.sqrt(squares));
    }
    var results = [], byRef = new Map();
    for (var s = 0; s < slotRef.length; s++) {
      var bit = 1 << slotField[s], score = dots[s] / norms[slotField[s]] || 0, doc = byRef.get(slotRef[s]);
      if (doc === undefined) {
        doc = new Hit(slotRef[s], score, Object.create(null));
        byRef.set(slotRef[s], doc);
        results.push(doc);
      } else {
        doc.score += score;
      }
      var ts = slotTerms[s], mask = doc.mask;
      if (typeof ts === "string") mask[ts] = (mask[ts] | 0) | bit;
      else for (j = 0; j < ts.length; j++) mask[ts[j]] = (mask[ts[j]] | 0) | bit;
    }
    return results;
  }

  /* The hits of the groups: [Hit] (ref, score rounded, mask, md, penalty), best first; []
   * while a file is missing (attempt() runs it again). */
  function run(groups) {
    var positive = groups.filter(function (g) { return g.presence !== "prohibited"; });
    if (!positive.length) return [];
    var terms = [];
    groups.forEach(function (g) {
      g.exact.concat(g.completions, [].concat.apply([], g.sets)).forEach(function (t) { if (T.known(t)) terms.push(t); });
    });
    if (files.missing()) return [];
    terms = unique(terms);
    if (!terms.length) return [];
    var has = Object.create(null);
    terms.forEach(function (t) { has[t] = true; });
    var clauses = clausesOf(groups, function (t) { return has[t] === true; });
    var results = !useLunr && !clauses.some(function (c) { return c.prohibited; }) ? scoreClauses(clauses, terms.slice()) : lunrScores(clauses, terms);
    groups.forEach(function (g) { g.bits = fieldBits(g.fields); });
    // Every result matches some term of the query; with one plain group, in that group's
    // fields, it is a hit. Otherwise each required group must be satisfied (AND).
    var required = positive.filter(function (g) { return g.presence === "required"; });
    var check = groups.length > 1 || groups[0].sets.length ? required : [];
    var hits = [], unverified = false;
    for (var i = 0; i < results.length; i++) {
      var r = results[i], ok = true;
      for (var c = 0; ok && c < check.length; c++) {
        var s = satisfies(check[c], r.mask, r.ref);
        if (s === undefined) unverified = true;
        ok = s === true;
      }
      if (!ok) continue;
      r.score = Math.round(r.score * 1e6) / 1e6;
      r.penalty = langPenalty(positive, r.mask, r.ref);
      hits.push(r);
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
  var STATE_BITS = null;
  function langPenalty(groups, mask, ref) {
    var lang = null, n = 0;
    if (STATE_BITS === null) STATE_BITS = fieldBits(["etat", "mention"].filter(function (f) { return M.fields.indexOf(f) !== -1; }));
    function matched(g, t) { return (mask[t] & g.bits) !== 0; }
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      if (!g.langs) continue;
      if (lang === null) lang = T.langOf(ref);
      if (lang !== "fr" && lang !== "en") return 0;
      var other = g.langs[lang === "fr" ? "en" : "fr"];
      if (g.completions.length || matched(g, g.langs[lang])) continue; // a word being typed: either
      if (mask[other] & STATE_BITS) continue; // a state, by any of its names
      if (matched(g, other)) n++;
    }
    return n;
  }

  /* Whether a result (its mask: term -> fields matched, see Hit) satisfies group g: true,
   * false, or undefined while the text a phrase is checked against is not loaded. */
  function satisfies(g, mask, ref) {
    function matches(t) {
      return (mask[t] & g.bits) !== 0;
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

  /* ---- spelling */

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
    var lexicon = files.lexicon();
    if (!lexicon) return null;
    var best = null, v = lexicon.words;
    for (var i = 0; i < v.length; i++) {
      var d = levenshtein(folded, v[i][1], limit);
      if (d > limit || !T.vocabTerms(v[i]).length) continue;
      var key = [d, -v[i][3], v[i][0]];
      if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) best = key;
    }
    return best ? best[2] : null;
  }

  /* The text with each word the index does not know replaced by its nearest word, or null. */
  function suggest(text) {
    var changed = false;
    var words = A.tokens(text).map(function (tok) {
      var terms = T.wordTerms(tok.surface);
      if (terms.length && terms.every(function (t) { return T.row(t) === null; })) {
        var best = nearest(A.normalize(tok.surface));
        if (best !== null) { changed = true; return best; }
      }
      return tok.surface;
    });
    return changed ? words.join(" ") : null;
  }

  /* ---- answers */

  /* {hits, groups} of a text (synchronous: provisional while a file is missing). */
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
    if (found.hits.length || !text.trim() || files.missing()) return { hits: found.hits, groups: found.groups, suggestion: null };
    var suggestion = null;
    try { suggestion = suggest(text); } catch (e) { suggestion = null; }
    if (suggestion === null) return { hits: [], groups: found.groups, suggestion: null };
    var retry = search(suggestion);
    return { hits: retry.hits, groups: retry.groups, suggestion: suggestion };
  }

  /* A Promise of answerNow(text), once every file it needs is loaded. */
  function answer(text) {
    return files.attempt(function () { return answerNow(text); });
  }

  /* Score with lunr.Index.query itself (true) or scoreClauses (false, the default): for the
   * test that both agree. */
  var useLunr = false;
  function scoreWithLunr(on) { useLunr = !!on; }

  return { search: search, answerNow: answerNow, answer: answer, scoreWithLunr: scoreWithLunr };
}
