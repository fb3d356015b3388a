/* Small list helpers shared by the search modules (no state, no DOM). */

/* The items of a list, each once, in first-seen order. */
export function unique(list) {
  var seen = Object.create(null), out = [];
  for (var i = 0; i < list.length; i++) {
    if (!seen[list[i]]) { seen[list[i]] = true; out.push(list[i]); }
  }
  return out;
}

export function sameList(a, b) {
  if (a.length !== b.length) return false;
  for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/* Whether `run` occurs in `terms` as adjacent items, in order. */
export function containsRun(terms, run) {
  for (var i = 0; i + run.length <= terms.length; i++) {
    if (sameList(terms.slice(i, i + run.length), run)) return true;
  }
  return false;
}

/* The first position of a sorted list (of items, or of rows by their item `at`) whose key is
 * not below `key`. */
export function lowerBound(list, key, at) {
  var lo = 0, hi = list.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if ((at === undefined ? list[mid] : list[mid][at]) < key) lo = mid + 1; else hi = mid;
  }
  return lo;
}
