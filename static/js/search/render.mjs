/* The nodes of the search page: results, facet buttons, active filters, the notice when nothing
 * is found. Every node is built with createElement and textContent (never as HTML): result text,
 * highlights and labels are inert. The page (page.mjs) says what to draw and what a click does. */

export function node(tag, className, text) {
  var n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined && text !== null) n.textContent = text;
  return n;
}

export function clear(n) {
  while (n.firstChild) n.removeChild(n.firstChild);
}

/* "23 résultats": a number and its word never split across lines. */
export function plural(n, one, many) {
  return n + "\u00a0" + (n === 1 ? one : many);
}

/* Interface text around a citation: "§" never left alone at the end of a line. */
function nbsp(text) {
  return text.replace(/§ /g, "§\u00a0");
}

/* What a result says of its language when it is not French. */
var IN_LANGUAGE = { en: "en anglais", und: "langue non précisée" };

/* A result's snippet (why.mjs's snippet()): its text, what matched in <mark>. */
function snippetNode(s) {
  var out = node("p", "result-snippet");
  if (s.cut) out.appendChild(document.createTextNode("… "));
  s.parts.forEach(function (part) {
    out.appendChild(part[1] ? node("mark", null, part[0]) : document.createTextNode(part[0]));
  });
  if (s.more) out.appendChild(document.createTextNode(" …"));
  return out;
}

/* One result: its link (the paragraph's citation), symbol, states, number, language, why it
 * matched and its snippet. root: the site's root, relative to the page. */
export function resultItem(engine, hit, groups, root) {
  var M = engine.M, found = engine.paragraph(hit.ref), p = found.p, doc = found.doc, lang = engine.langOf(hit.ref);
  var li = node("li", "result");
  var link = node("a", "result-link", nbsp(p.c));
  if (lang && lang !== "fr") link.lang = lang;
  link.href = root + doc[2] + "index.html#" + p.i;
  li.appendChild(node("h2", "result-title")).appendChild(link);
  var meta = node("p", "result-meta");
  meta.appendChild(node("span", "result-symbol", doc[1]));
  var speakers = (p.s || []).map(function (i) { return M.e[i][1]; });
  if (speakers.length) meta.appendChild(node("span", "result-state", speakers.join(", ")));
  var label = p.c.slice(p.c.lastIndexOf(", ") + 2);
  meta.appendChild(node("span", "result-number", nbsp(label)));
  if (lang !== "fr") meta.appendChild(node("span", "result-lang", IN_LANGUAGE[lang || "und"]));
  li.appendChild(meta);
  var why = engine.explain(hit, p, groups);
  if (why.labels.length) {
    var ul = node("ul", "result-why");
    ul.setAttribute("aria-label", "Pourquoi ce résultat");
    why.labels.forEach(function (text) { ul.appendChild(node("li", null, text)); });
    li.appendChild(ul);
  }
  li.appendChild(snippetNode(why.snippet));
  if (lang && lang !== "fr") li.lastChild.lang = lang;
  return li;
}

/* The facets' sections (engine.counts()), each value a toggle button; press(facet, id,
 * pressed) is called on a click. */
export function facetSections(counts, filters, press) {
  var sections = [];
  counts.forEach(function (c) {
    var f = c.facet;
    if (!c.items.length) return; // no heading without buttons under it
    var section = node("section", "facet-group");
    var headingId = "facet-" + f.param;
    var h = node("h2", "facet-title", f.title);
    h.id = headingId;
    section.setAttribute("aria-labelledby", headingId);
    section.appendChild(h);
    var ul = node("ul", "facet-list");
    c.items.forEach(function (it) {
      var pressed = it.id === filters[f.param];
      var li = node("li");
      var button = node("button", "facet");
      button.type = "button";
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
      button.setAttribute("data-param", f.param);
      button.setAttribute("data-id", it.id);
      button.appendChild(node("span", "facet-label", it.label));
      button.appendChild(node("span", "count", String(it.count)));
      button.addEventListener("click", function () { press(f, it.id, pressed); });
      ul.appendChild(li).appendChild(button);
    });
    section.appendChild(ul);
    sections.push(section);
  });
  return sections;
}

/* An active filter, as a button that removes it (remove() on a click). */
export function activeFilter(f, label, remove) {
  var li = node("li");
  var button = node("button", "active-filter");
  button.type = "button";
  button.textContent = f.label + "\u00a0: " + label;
  button.setAttribute("aria-label", "Retirer le filtre " + f.label + "\u00a0: " + label);
  button.appendChild(node("span", "remove", " ×")).setAttribute("aria-hidden", "true");
  button.addEventListener("click", remove);
  li.appendChild(button);
  return li;
}

/* The notice's content when nothing is found, or a corrected query ([] when there is nothing to
 * say). link(className, text, params) makes a link to another query; browse: [[text, href]] of
 * the lists to browse. */
export function noticeNodes(o, link, browse) {
  var text = o.text, suggestion = o.suggestion, count = o.count, out = [];
  if (!text.trim() || suggestion === null && count > 0) return out;
  var q = "«\u00a0" + text.trim() + "\u00a0»";
  if (suggestion !== null) {
    var p = node("p", null, "Aucun résultat pour " + q + ". Vouliez-vous dire ");
    p.appendChild(link("suggestion", "«\u00a0" + suggestion + "\u00a0»", { q: suggestion }));
    p.appendChild(document.createTextNode("\u00a0?" + (count ? " Résultats pour cette orthographe\u00a0:" : "")));
    out.push(p);
    if (count) return out;
  } else {
    out.push(node("p", "notice-title", "Aucun résultat pour " + q + "."));
  }
  out.push(node("p", null, "Essayez\u00a0:"));
  var ul = node("ul", "next-steps");
  if (o.filtering) ul.appendChild(node("li")).appendChild(link("next-step", "la même recherche sans filtre", { q: text }));
  o.drops.forEach(function (d) {
    var params = Object.assign({ q: d.q }, o.filters);
    var a = link("next-step", "sans «\u00a0" + d.word + "\u00a0»\u00a0: " + d.q, params);
    a.appendChild(node("span", "count", " (" + plural(d.count, "résultat", "résultats") + ")"));
    ul.appendChild(node("li")).appendChild(a);
  });
  browse.forEach(function (b) {
    var a = node("a", "next-step", b[0]);
    a.href = b[1];
    ul.appendChild(node("li")).appendChild(a);
  });
  out.push(ul);
  return out;
}
