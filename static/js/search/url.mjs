/* The page's state in its URL (?q=…&etat=…&theme=…&doc=…&langue=…) and in its history entry
 * (how many results were shown, the scroll position: what Back must find again). */
import { FACETS } from "./facets.mjs";

/* Results shown at first, and added by "Afficher plus". */
export var PAGE = 20;

/* {q, etat, theme, doc, langue} of the page's URL. */
export function readURL() {
  var params = new URLSearchParams(window.location.search), state = { q: params.get("q") || "" };
  FACETS.forEach(function (f) { state[f.param] = params.get(f.param) || ""; });
  return state;
}

/* The query string of a state, "" when empty. */
export function queryString(state) {
  var params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  FACETS.forEach(function (f) { if (state[f.param]) params.set(f.param, state[f.param]); });
  var qs = params.toString();
  return qs ? "?" + qs : "";
}

var lastWrite = { kind: "", time: 0 };

/* The URL of a state, in the history: kind "type" (the reader typing: one entry for a burst of
 * keys) or "push"; forget() makes the next write a new entry. */
export function writeURL(state, kind) {
  var target = window.location.pathname + queryString(state);
  if (target === window.location.pathname + window.location.search) return;
  var now = Date.now();
  if (kind === "type" && lastWrite.kind === "type" && now - lastWrite.time < 1500) {
    window.history.replaceState(null, "", target);
  } else {
    window.history.pushState(null, "", target);
  }
  lastWrite = { kind: kind, time: now };
}

export function forget() {
  lastWrite.kind = "";
}

/* Keep in the history entry the number of results shown and the scroll position. */
export function saveView(shown) {
  try {
    window.history.replaceState({ shown: shown, scroll: Math.round(window.scrollY) }, "", window.location.href);
  } catch (e) { /* a browser refusing too many calls: Back shows the first results */ }
}

/* {shown, scroll} kept in the history entry (shown: at least PAGE). */
export function savedView() {
  var s = window.history.state;
  return s && typeof s.shown === "number" && s.shown > PAGE ? s : { shown: PAGE, scroll: s && s.scroll || 0 };
}
