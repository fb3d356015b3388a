/* 404.html is served for a missing page at any depth, so relative links cannot work there.
   When the build did not know the site's root, compute it: from this script's own address
   (<root>assets/js/404.js) when it loaded, else from the address: on <user>.github.io/<repo>/...
   the root is /<repo>/, elsewhere it is /. */
(function () {
  "use strict";
  var link = document.getElementById("home-link");
  if (!link || !link.hasAttribute("data-compute-root")) {
    return;
  }
  var loc = window.location;
  if (loc.protocol === "file:") {
    return;
  }
  var root = "/";
  var own = "assets/js/404.js";
  var src = document.currentScript && document.currentScript.src ? new URL(document.currentScript.src).pathname : "";
  var segments = loc.pathname.split("/").filter(function (s) { return s.length > 0; });
  if (src.slice(-own.length) === own) {
    root = src.slice(0, -own.length);
  } else if (/\.github\.io$/.test(loc.hostname) && segments.length > 0) {
    root = "/" + segments[0] + "/";
  }
  link.setAttribute("href", root);
})();
