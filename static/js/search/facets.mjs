/* Facets: which states, topics, document and language each paragraph has (facets.json and
 * meta.json's `lg`), the filters a reader sets (URL parameters etat, theme, doc, langue), and the
 * counts of each value among the hits. */

/* The facets, by URL parameter; `key`: the key of their lists (meta.json e, t; facets.json d;
 * l: the languages below). */
export var FACETS = [
  { param: "etat", key: "e", title: "États", label: "État" },
  { param: "theme", key: "t", title: "Thèmes", label: "Thème" },
  { param: "doc", key: "d", title: "Documents", label: "Document" },
  { param: "langue", key: "l", title: "Langues", label: "Langue" }
];

/* The paragraphs' languages (meta.json's `lg`; "und": a document whose language is not known,
 * analysed both ways), as the language facet lists them. */
export var LANGS = [["fr", "Français"], ["en", "Anglais"], ["und", "Langue non précisée"]];

/* facets.json made quick to ask: the states (speaking or named) and topics of each ref, the
 * first ref of each document. */
export function prepareFacets(d) {
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

/* Whether any filter is set. filters: {etat, theme, doc, langue} (ids, "" when not set). */
export function filtering(filters) {
  return FACETS.some(function (f) { return !!filters[f.param]; });
}

/* ctx: {M (meta.json), files (files.mjs), terms (terms.mjs)}. */
export function createFacets(ctx) {
  var M = ctx.M, files = ctx.files, T = ctx.terms;

  function docOf(F, ref) {
    var lo = 0, hi = F.firsts.length;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (F.firsts[mid] <= ref) lo = mid; else hi = mid;
    }
    while (lo + 1 < F.firsts.length && F.firsts[lo + 1] <= ref) lo++; // documents without paragraphs
    return lo;
  }

  /* The positions, in labelsOf(F, key), of a paragraph's values. */
  function values(F, ref, key) {
    if (key === "e") return F.e[ref] || [];
    if (key === "t") return F.t[ref] || [];
    if (key === "l") { var lang = T.langOf(ref); return [lang === "fr" ? 0 : lang === "en" ? 1 : 2]; }
    return [docOf(F, ref)];
  }

  /* [id, label] of each value of a facet. */
  function labelsOf(F, key) {
    if (key === "l") return LANGS;
    return key === "d" ? F.d.map(function (doc) { return [doc[0], doc[1]]; }) : M[key];
  }

  function indexOfId(F, key, id) {
    var list = labelsOf(F, key);
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  /* Whether a paragraph passes every filter but `except` (a facet's own filter, when its
   * buttons are counted). */
  function passes(F, ref, filters, except) {
    for (var i = 0; i < FACETS.length; i++) {
      var f = FACETS[i];
      if (f.param === except || !filters[f.param]) continue;
      if (values(F, ref, f.key).indexOf(indexOfId(F, f.key, filters[f.param])) === -1) return false;
    }
    return true;
  }

  /* The position of a state or topic id in M.e or M.t (-1: none). */
  function valueIndex(key, id) {
    var list = M[key];
    for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
    return -1;
  }

  /* The hits the filters let through ([] while a file they need loads): a state or topic
   * filter reads that value's paragraphs (f/<param>/<id>.json), a document filter
   * facets.json, the language filter meta.json's `lg`. */
  function filtered(hits, filters) {
    if (!filtering(filters)) return hits;
    var tests = [], waiting = false;
    FACETS.forEach(function (f) {
      var id = filters[f.param];
      if (!id) return;
      if (f.key === "e" || f.key === "t") {
        if (valueIndex(f.key, id) === -1) { tests.push(function () { return false; }); return; }
        var refs = files.filterRefs(f.param, id);
        if (!refs) waiting = true;
        else tests.push(function (ref) { return refs.has(ref); });
      } else if (f.key === "l") {
        var lang = indexOfId(null, "l", id);
        tests.push(function (ref) { return values(null, ref, "l")[0] === lang; });
      } else {
        var F = files.facets();
        if (!F) { waiting = true; return; }
        var doc = indexOfId(F, "d", id);
        tests.push(function (ref) { return docOf(F, ref) === doc; });
      }
    });
    if (waiting) return [];
    return hits.filter(function (h) {
      for (var i = 0; i < tests.length; i++) if (!tests[i](h.ref)) return false;
      return true;
    });
  }

  /* Ask at once for the files the filters will read (with the shards of the query's words). */
  function prefetch(filters) {
    FACETS.forEach(function (f) {
      var id = filters[f.param];
      if (id && (f.key === "e" || f.key === "t") && valueIndex(f.key, id) !== -1) files.prefetchFilter(f.param, id);
    });
  }

  /* Per facet, the count of each value among the hits that pass the other facets' filters:
   * [{facet, items: [{id, label, count, i}]}], the values found (and the one selected), most
   * frequent first. */
  function counts(F, hits, filters) {
    return FACETS.map(function (f) {
      var n = {};
      var others = FACETS.some(function (other) { return other.param !== f.param && filters[other.param]; });
      for (var h = 0; h < hits.length; h++) {
        if (others && !passes(F, hits[h].ref, filters, f.param)) continue;
        var vs = values(F, hits[h].ref, f.key); // distinct by construction (facets.json)
        for (var v = 0; v < vs.length; v++) n[vs[v]] = (n[vs[v]] || 0) + 1;
      }
      var items = labelsOf(F, f.key).map(function (entry, i) {
        return { id: entry[0], label: entry[1], count: n[i] || 0, i: i };
      }).filter(function (it) { return it.count > 0 || it.id === filters[f.param]; });
      items.sort(function (a, b) { return b.count - a.count || a.i - b.i; });
      return { facet: f, items: items };
    });
  }

  /* The label of a filter's value (its id when unknown, or for a document while facets.json
   * loads). */
  function label(F, f, id) {
    var i = F || f.key !== "d" ? indexOfId(F, f.key, id) : -1;
    return i === -1 ? id : labelsOf(F, f.key)[i][1];
  }

  return { filtered: filtered, counts: counts, label: label, prefetch: prefetch };
}
