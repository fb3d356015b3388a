/* The chips of each paragraph of a document page: links to its topics and to the states it
   names, built here from the paragraph's data-topics and data-states and the page's lists of
   the document's topics (#doc-topics) and states (#doc-states, #doc-named), rather than written
   in the HTML once per paragraph (about 500 bytes each, docs/benchmarks.md). Without
   JavaScript, those lists give the same links for the whole document. DOM built with
   textContent only; the links are clones of the page's own. */
(function () {
  "use strict";
  if (!document.querySelectorAll) {
    return;
  }

  function targets(selector, attribute) {
    var out = {};
    var links = document.querySelectorAll(selector);
    for (var i = 0; i < links.length; i++) {
      out[links[i].getAttribute(attribute)] = links[i];
    }
    return out;
  }

  var topics = targets("#doc-topics a[data-topic]", "data-topic");
  var states = targets("#doc-states a[data-state], #doc-named a[data-state]", "data-state");

  function chip(link, kind) {
    var item = document.createElement("li");
    var a = document.createElement("a");
    a.className = "chip chip-" + kind;
    a.href = link.getAttribute("href");
    var label = document.createElement("span");
    label.textContent = link.textContent;
    a.appendChild(label);
    item.appendChild(a);
    return item;
  }

  function add(list, ids, links, kind) {
    var names = (ids || "").split(" ");
    for (var i = 0; i < names.length; i++) {
      if (links[names[i]]) {
        list.appendChild(chip(links[names[i]], kind));
      }
    }
  }

  var paras = document.querySelectorAll(".para[data-topics], .para[data-states]");
  for (var i = 0; i < paras.length; i++) {
    var meta = paras[i].querySelector(".para-meta");
    if (!meta) {
      continue;
    }
    var list = document.createElement("ul");
    list.className = "chips";
    list.setAttribute("aria-label", "Thèmes et États");
    add(list, paras[i].getAttribute("data-topics"), topics, "topic");
    add(list, paras[i].getAttribute("data-states"), states, "state");
    if (list.firstChild) {
      meta.appendChild(list);
    }
  }
})();
