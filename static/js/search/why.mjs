/* Why a result matched and what to mark in its text: the labels a result shows ("État : …",
 * "État cité : …", "Thème : …", "Sigle : …") and the snippet of its text around the first
 * match, the matched words marked. Logic only: render.mjs makes the nodes. */
import { head } from "./fold.mjs";
import { sameList } from "./lists.mjs";

/* Words of a snippet. */
var WORDS = 36;

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

/* ctx: {A (analysis.js), M (meta.json), terms (terms.mjs)}. */
export function createWhy(ctx) {
  var A = ctx.A, M = ctx.M, T = ctx.terms;

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
      if (heads[head(A, tok.surface).slice(0, width)]) {
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

  /* The paragraph's text around its first match: {cut: whether words are left out before,
   * parts: [[text, marked]], more: whether words are left out after}. */
  function snippet(text, marks, lang) {
    var toks = A.tokens(text, lang || "en"), spans = markedSpans(toks, marks, lang);
    var from = 0, to = toks.length;
    if (toks.length > WORDS) {
      from = spans.length ? Math.max(0, spans[0][0] - 8) : 0;
      to = Math.min(toks.length, from + WORDS);
      from = Math.max(0, to - WORDS);
    }
    var start = from > 0 ? toks[from].start : 0;
    var end = to < toks.length ? toks[to - 1].end : text.length;
    var parts = [], cursor = start;
    for (var m = 0; m < spans.length; m++) {
      var a = toks[spans[m][0]].start, b = toks[spans[m][1]].end;
      if (a < start || b > end) continue;
      parts.push([text.slice(cursor, a), false], [text.slice(a, b), true]);
      cursor = b;
    }
    parts.push([text.slice(cursor, end), false]);
    return { cut: from > 0, parts: parts, more: to < toks.length };
  }

  /* The analysed forms of a state (M.ew: the words that find it) and of a topic (its French
   * and English labels), and the terms among them; computed once each. */
  var formsCache = Object.create(null);
  function formsOf(key, words) {
    if (!formsCache[key]) {
      var forms = [];
      words.forEach(function (w) {
        T.languages().forEach(function (lang) {
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
   * {labels, marks}. A state or a topic is named when a query term matched it and not the
   * text; an acronym when the result has another of its forms than the one typed. */
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

  /* What a result shows besides its title: {labels, snippet} (snippet: see snippet()). */
  function explain(hit, p, groups) {
    var why = reasons(hit, p, groups || []);
    return { labels: why.labels, snippet: snippet(p.x, why.marks, T.analysisLang(hit.ref)) };
  }

  return { explain: explain };
}
