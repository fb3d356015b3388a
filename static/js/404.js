/* 404.html is served for a missing page at any depth, so relative links cannot work there. A
   build that knew the site's root wrote absolute links, and this script has nothing to do. One
   that did not wrote this script and the stylesheet into the page (undocs.pages.not_found) and
   its links relative to the root: the script finds the root from the address, as the deepest
   folder of it that serves the site's own assets/js/404.js (else, on <user>.github.io/<repo>/...,
   /<repo>/, elsewhere /), and makes those links absolute. */
(function () {
  "use strict";
  var home = document.getElementById("home-link");
  if (!home || !home.hasAttribute("data-compute-root")) {
    return;
  }
  var loc = window.location;
  if (loc.protocol === "file:") {
    return;
  }
  var own = "assets/js/404.js";
  // The links as written (relative to the root), read before any is changed.
  var links = [];
  var nodes = document.querySelectorAll("a[href], link[href], form[action]");
  for (var i = 0; i < nodes.length; i++) {
    var attr = nodes[i].tagName === "FORM" ? "action" : "href";
    var value = nodes[i].getAttribute(attr);
    if (value && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) {
      links.push([nodes[i], attr, value]);
    }
  }

  function apply(root) {
    var base = loc.protocol + "//" + loc.host + root;
    for (var j = 0; j < links.length; j++) {
      links[j][0].setAttribute(links[j][1], new URL(links[j][2], base).href);
    }
    home.setAttribute("href", root);
  }

  // The folders of the address, deepest first: /a/b/c -> /a/b/, /a/, /.
  var segments = loc.pathname.split("/");
  segments.pop();
  var folders = [];
  for (var k = segments.length; k > 0; k--) {
    folders.push(segments.slice(0, k).join("/") + "/");
  }
  var named = folders.filter(function (f) { return f !== "/"; });
  var guess = /\.github\.io$/.test(loc.hostname) && named.length > 0 ? named[named.length - 1] : "/";
  if (typeof window.fetch !== "function") {
    apply(guess);
    return;
  }
  Promise.all(folders.map(function (folder) {
    return window.fetch(folder + own, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        return response.text().then(function () { return response.ok; });
      }).catch(function () { return false; });
  })).then(function (found) {
    var at = found.indexOf(true);
    apply(at >= 0 ? folders[at] : guess);
  });
})();
