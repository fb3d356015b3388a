/* The chips of each paragraph: links to its topics and to the states it names, built here
   from the paragraph's data-topics and data-states and the page's own links to them, rather
   than written in the HTML once per paragraph (about 500 bytes each, docs/benchmarks.md;
   issue 15). On a document page, the paragraphs (.para) and the lists of the document's topics
   (#doc-topics) and states (#doc-states, #doc-named); on a state or topic page, the listed
   paragraphs (li.summary, topics only) and its links to topics (the state's topic index, the
   topics of its mentions, a topic's related topics), all marked data-topic. Without
   JavaScript, those lists give the same links for the whole page. DOM built with textContent
   only; the links are copies of the page's own. */
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

  var topics = targets("a[data-topic]", "data-topic");
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

  function chips(label, para) {
    var list = document.createElement("ul");
    list.className = "chips";
    list.setAttribute("aria-label", label);
    add(list, para.getAttribute("data-topics"), topics, "topic");
    add(list, para.getAttribute("data-states"), states, "state");
    return list.firstChild ? list : null;
  }

  var paras = document.querySelectorAll(".para[data-topics], .para[data-states]");
  for (var i = 0; i < paras.length; i++) {
    var meta = paras[i].querySelector(".para-meta");
    var list = meta && chips("Thèmes et États", paras[i]);
    if (list) {
      meta.appendChild(list);
    }
  }

  var summaries = document.querySelectorAll("li.summary[data-topics]");
  for (var j = 0; j < summaries.length; j++) {
    var found = chips("Thèmes", summaries[j]);
    if (found) {
      summaries[j].appendChild(found);
    }
  }
})();
