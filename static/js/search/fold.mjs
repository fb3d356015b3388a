/* A.normalize(word) for a lower-case vocabulary word, without NFKD for the usual French
 * letters: their decomposition is the base letter and a mark (dropped), œ/æ are expanded as
 * normalize() does. Any other word goes through normalize(). Vocabulary words are folded by the
 * thousand (completions, suggestions): this is the cheap path. */
var FOLDABLE = /^[a-z0-9àâäçéèêëîïôöùûüÿœæ]*$/;
var ACCENTED = /[àâäçéèêëîïôöùûüÿœæ]/g;
var BASE = {
  "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
  "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae"
};

export function fold(A, word) {
  if (!FOLDABLE.test(word)) return A.normalize(word);
  return word.replace(ACCENTED, function (c) { return BASE[c]; });
}

/* A.normalize(surface).slice(0, 2), without folding the whole word when its first three
 * characters are among fold()'s letters (each of them folds on its own): the usual case. */
export function head(A, surface) {
  var start = surface.slice(0, 3).toLowerCase();
  return FOLDABLE.test(start) ? fold(A, start).slice(0, 2) : A.normalize(surface).slice(0, 2);
}
