/* The term space of the index: which terms it has (term shards, sorted by key), the terms of a
 * word in each language, completions of a word being typed, and the language of a paragraph
 * (meta.json's `lg`). */
import { lowerBound, unique } from "./lists.mjs";

/* Completions and wildcard expansions stop at this many terms. */
export var MAX_EXPANSION = 200;

/* ctx: {A (analysis.js), M (meta.json), files (files.mjs)}. */
export function createTerms(ctx) {
  var A = ctx.A, M = ctx.M, files = ctx.files;

  /* The row of a term ([term, postings of each field]), null if the index has no such term,
   * undefined while its shard is not loaded. */
  function row(term) {
    var s = files.shard(files.shardOf(term));
    return s ? s.rows[term] || null : undefined;
  }

  function known(term) {
    return !!row(term);
  }

  /* Calls visit(shard) for each shard holding keys that start with prefix, in order, until it
   * returns true; a shard not loaded yet is asked for and ends the walk. */
  function walkPrefix(prefix, visit) {
    var last = files.shardOf(prefix + "\uffff");
    for (var n = files.shardOf(prefix); n <= last; n++) {
      var s = files.shard(n);
      if (!s) {
        for (var k = n + 1; k <= last && k < n + 4; k++) files.shard(k); // ask for a few at once
        return;
      }
      if (visit(s)) return;
    }
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

  /* A vocabulary entry [word, folded, terms, …]: its distinct terms in French and English
   * (stemmings), computed on first use. */
  function vocabTerms(entry) {
    if (entry[2] === undefined) entry[2] = wordTerms(entry[0]);
    return entry[2];
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

  /* The terms a word being typed (folded) may become: terms that start with it, and the terms
   * of vocabulary words that start with it ("nucléai" -> nucleair). */
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

  return {
    row: row, known: known, languages: languages, wordTerms: wordTerms, vocabTerms: vocabTerms,
    langOf: langOf, analysisLang: analysisLang, prefixTerms: prefixTerms, completions: completions
  };
}
