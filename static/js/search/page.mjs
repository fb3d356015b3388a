/*
 * undocs — the search page (recherche/): the entry of assets/js/search.bundle.js, bundled by
 * esbuild at build time (src/undocs/vendor_assets.py) with lunr, the stemmers (Snowball French
 * from @orama/stemmers, Porter2 from porter2) and ../analysis.js.
 *
 * The modules, by job: files.mjs (index files loaded on demand), terms.mjs (the term space),
 * query.mjs (a query to ranked hits), facets.mjs (filters and counts), why.mjs (why a result
 * matched, its snippet), engine.mjs (all of them, without the page), render.mjs (the nodes),
 * url.mjs (the URL and history), and this file: the page's state and events.
 *
 * The bundle starts with self.undocsAnalysisData (assets/analysis.json) and self.undocsSearchMeta
 * (assets/search/meta.json), written in by the build: the page fetches nothing before the shards
 * of the query's words. Reads the URLs of the lists from data-* attributes of #search-app.
 *
 * URL: ?q=<query>&etat=<state id>&theme=<topic id>&doc=<document id>&langue=<fr|en|und>.
 * Index format: docs/search-index.md.
 */
import lunr from "lunr";
import { stemmer as stemFr } from "@orama/stemmers/french";
import { stem as stemEn } from "porter2";
import analysis from "../analysis.js";
import { createEngine } from "./engine.mjs";
import { FACETS, filtering } from "./facets.mjs";
import { decodeJSON } from "./files.mjs";
import { activeFilter, clear, facetSections, node, noticeNodes, plural, resultItem } from "./render.mjs";
import { forget, PAGE, queryString, readURL, savedView, saveView, writeURL } from "./url.mjs";

/* Results drawn at once on the page's first render; the rest a task later. */
var FIRST = 6;

var app = document.getElementById("search-app");
if (app) start();

function start() {
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
  var root = app.getAttribute("data-root");

  /* The page without search (a script or an index file did not load): point to the lists by
   * state and by topic. */
  function unavailable() {
    clear(el.status);
    el.status.appendChild(document.createTextNode("La recherche n’a pas pu être chargée. Parcourez les paragraphes "));
    [["par État", "data-states"], [" ou ", null], ["par thème", "data-topics"], [".", null]].forEach(function (part) {
      if (!part[1]) { el.status.appendChild(document.createTextNode(part[0])); return; }
      var a = node("a", null, part[0]);
      a.href = app.getAttribute(part[1]);
      el.status.appendChild(a);
    });
  }

  if (!window.fetch || !window.DecompressionStream || !window.history.pushState || !window.undocsSearchMeta || !window.undocsAnalysisData) {
    unavailable();
    return;
  }

  var engine = null;
  var state = readURL(); // {q, etat, theme, doc, langue}
  var shown = PAGE;
  var lastHits = [];
  var lastGroups = [];

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  /* The filters set now: {param: id}. */
  function filters() {
    var out = {};
    FACETS.forEach(function (f) { if (state[f.param]) out[f.param] = state[f.param]; });
    return out;
  }

  /* A file of assets/search/, by its path there (relative to meta.json). */
  function fetchJSON(path) {
    var href = new URL(path, new URL(app.getAttribute("data-meta"), document.baseURI)).href;
    return fetch(href).then(function (response) {
      if (!response.ok) throw new Error(response.url + ": " + response.status);
      return response.arrayBuffer();
    }).then(decodeJSON);
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

  /* ---- drawing */

  /* A link that the page follows itself (same page, new query): a real href for a new tab. */
  function queryLink(className, text, params) {
    var a = node("a", className, text);
    a.href = queryString(params) || "?";
    a.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
      event.preventDefault();
      state.q = params.q || "";
      FACETS.forEach(function (f) { state[f.param] = params[f.param] || ""; });
      el.input.value = state.q;
      forget();
      update("push").then(function () { el.input.focus(); });
    });
    return a;
  }

  /* The button to focus again once the facets are drawn anew ({param, id}), if one had it. */
  var refocus = null;

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
    facetSections(engine.counts(F, hits, state), state, function (f, id, pressed) {
      state[f.param] = pressed ? "" : id;
      refocus = { param: f.param, id: id };
      update("push");
    }).forEach(function (section) { el.facets.appendChild(section); });
    renderToggle();
    restoreFocus();
  }

  /* ---- the filters on a narrow screen: a button that shows them, above the results */

  var wide = window.matchMedia ? window.matchMedia("(min-width: 56rem)") : { matches: true };
  var filtersOpen = false;

  function renderToggle() {
    var n = FACETS.filter(function (f) { return state[f.param]; }).length;
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
    forget();
    update("push").then(function () { el.input.focus(); });
  });

  /* The active filters, as buttons that remove them (labels: meta.json, facets.json for a
   * document, which is loaded whenever a filter is set). */
  function renderActive(F) {
    clear(el.active);
    FACETS.forEach(function (f) {
      if (!state[f.param]) return;
      el.active.appendChild(activeFilter(f, engine.label(F, f, state[f.param]), function () {
        state[f.param] = "";
        update("push");
        el.input.focus();
      }));
    });
    el.active.hidden = !el.active.firstChild;
  }

  /* The notice over the results: a corrected query, or nothing found and what to try next
   * (the suggestion, without the filters, without one of the words, the lists to browse). */
  function renderNotice(text, suggestion, count, drops) {
    clear(el.notice);
    var browse = [["Parcourir les thèmes", "data-topics"], ["Parcourir les États", "data-states"], ["Parcourir les documents", "data-documents"]].map(function (b) {
      return [b[0], app.getAttribute(b[1])];
    });
    var nodes = noticeNodes({ text: text, suggestion: suggestion, count: count, drops: drops, filtering: filtering(state), filters: filters() }, queryLink, browse);
    nodes.forEach(function (n) { el.notice.appendChild(n); });
    el.notice.hidden = !nodes.length;
  }

  var announceTimer = 0;
  function announce(message) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { el.status.textContent = message; }, 400);
  }

  var renderSeq = 0;
  var answeredOnce = false;

  /* What the page shows for the current state: {hits, suggestion, shown}, once the files it
   * needs are loaded (the shards of the query's terms; facets.json when a filter is set; the
   * store pages of the first `count` results). */
  function prepare(count) {
    var text = state.q;
    return engine.answer(text).then(function (r) {
      return engine.attempt(function () {
        var hits = r.hits, counted = hits;
        if (!text.trim()) {
          // No words: the filters alone, in corpus order (or nothing at all); the facets count
          // every paragraph, so that a reader can start from them.
          counted = [];
          for (var i = 0; i < engine.M.n; i++) counted.push({ ref: i, score: 0, terms: [] });
          hits = filtering(state) ? counted : [];
        }
        var kept = engine.filtered(hits, state);
        var drops = text.trim() && !kept.length ? engine.alternatives(text, state) : [];
        engine.needParagraphs(kept.slice(0, count));
        return { text: text, hits: counted, kept: kept, groups: r.groups, suggestion: r.suggestion, drops: drops };
      });
    });
  }

  /* Renders the current state, in two steps: the first results (the store pages of FIRST
   * of them); then the other results and the facets (on the page's first render, once the
   * first results are painted). Resolves once all is on the page, or when a newer render has
   * replaced this one. */
  function render(initial) {
    var seq = ++renderSeq;
    return prepare(Math.min(FIRST, shown)).then(function (r) {
      if (seq !== renderSeq) return;
      if (!answeredOnce) mark("undocs-search-answered");
      lastHits = r.kept;
      lastGroups = r.groups;
      var page = r.kept.slice(0, shown);
      var now = page.slice(0, FIRST);
      var list = document.createDocumentFragment();
      now.forEach(function (h) { list.appendChild(resultItem(engine, h, r.groups, root)); });
      clear(el.results);
      el.results.appendChild(list);
      el.more.hidden = r.kept.length <= shown;
      var active = r.text.trim() || filtering(state);
      el.start.hidden = !!active;
      renderNotice(r.text, r.suggestion, r.kept.length, r.drops);
      renderActive(engine.facetsLoaded());
      var message = !active ? "" : r.kept.length ? plural(r.kept.length, "résultat", "résultats") : "Aucun résultat pour «\u00a0" + r.text.trim() + "\u00a0»";
      // Nothing found: the notice says it on screen, the status only to screen readers.
      el.status.classList.toggle("sr-only", !!active && !r.kept.length && !!r.text.trim());
      announce(message);
      app.setAttribute("data-count", String(r.kept.length));
      if (!answeredOnce) {
        answeredOnce = true;
        mark("undocs-search-first-results");
      }
      return new Promise(function (resolve) { (initial ? afterPaint : function (fn) { fn(); })(resolve); }).then(function () {
        return engine.attempt(function () {
          engine.needParagraphs(page);
          return engine.facets();
        });
      }).then(function (F) {
        if (seq !== renderSeq) return;
        if (now.length < page.length) {
          var more = document.createDocumentFragment();
          page.slice(now.length).forEach(function (h) { more.appendChild(resultItem(engine, h, r.groups, root)); });
          el.results.appendChild(more);
        }
        renderActive(F);
        renderFacets(F, r.hits);
        // The query whose results are all on the page (tests wait for it).
        el.results.setAttribute("data-query", r.text);
      });
    });
  }

  /* kind: how the URL changes ("push", "type", or null: it does not); restore: show as many
   * results as the history entry says (Back, a reload). */
  function update(kind, initial, restore) {
    shown = restore ? Math.ceil(savedView().shown / PAGE) * PAGE : PAGE;
    var done = Promise.resolve();
    if (engine) {
      done = render(initial).catch(function () {
        clear(el.results);
        announce("Aucun résultat");
      });
    }
    if (kind) writeURL(state, kind);
    return done;
  }

  /* ---- events */

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
    forget();
    update("push").then(function () {
      var first = el.results.querySelector("a");
      if (first) first.focus();
    });
  });

  el.more.addEventListener("click", function () {
    var from = shown, hits = lastHits, groups = lastGroups;
    shown += PAGE;
    saveView(shown);
    engine.attempt(function () { engine.needParagraphs(hits.slice(from, shown)); }).then(function () {
      if (hits !== lastHits) return;
      var list = document.createDocumentFragment();
      hits.slice(from, shown).forEach(function (h) { list.appendChild(resultItem(engine, h, groups, root)); });
      el.results.appendChild(list);
      el.more.hidden = hits.length <= shown;
      var links = el.results.querySelectorAll(".result-link");
      if (links[from]) links[from].focus();
    });
  });

  // Leaving for a result: remember where the reader was.
  el.results.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) saveView(shown);
  });
  window.addEventListener("pagehide", function () { saveView(shown); });

  window.addEventListener("popstate", function () {
    state = readURL();
    el.input.value = state.q;
    forget();
    var view = savedView();
    update(null, false, true).then(function () { window.scrollTo(0, view.scroll || 0); });
  });

  // The "/" key (focus the search field) is handled by shortcuts.js, on every page; the arrows
  // move from the field through the results.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(el.results.querySelectorAll(".result-link"));
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

  /* ---- start */

  // The page puts the reader back where Back finds them (saveView), once the results are drawn.
  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";
  el.input.value = state.q;
  el.status.textContent = "Chargement de l’index de recherche…";
  mark("undocs-search-start");
  analysis.load({ data: window.undocsAnalysisData, stem: stemFr, stemEn: stemEn }).then(function () {
    mark("undocs-search-analysis-ready");
    engine = createEngine({ lunr: lunr, analysis: analysis, meta: window.undocsSearchMeta, fetchJSON: fetchJSON });
    mark("undocs-search-meta-parsed");
    engine.prefetch(state.q, filters());
    mark("undocs-search-loaded");
    el.status.textContent = "";
    var view = savedView();
    return update(null, true, true).then(function () {
      if (view.scroll) window.scrollTo(0, view.scroll);
      return engine.preloadSmall(); // a small archive whole, for the next queries (engine.mjs)
    }).then(function () {
      app.setAttribute("data-ready", "true");
    });
  }).catch(unavailable);

  // For tests and the benchmarks: the same answers, without the page. answer(text, n) is a
  // Promise of {ids (of the first n hits, 20 by default: what their store pages give), count,
  // suggestion}; bench/scale.py asks n = 6, what the page draws first.
  window.undocsSearch = {
    answer: function (text, n) {
      return engine.find(text, {}, n === undefined ? PAGE : n).then(function (r) {
        return { ids: r.ids, count: r.count, suggestion: r.suggestion };
      });
    },
    ready: function () { return engine !== null; }
  };
}
