/* Progressive enhancement of a document page; without it the page reads and navigates the same.
   - Wide screens: the contents column is open (CSS shows it anyway where ::details-content is
     supported; this keeps the disclosure's state true for screen readers) and marks the part
     being read (aria-current), so the contents follow the reader.
   - Phones: the floating "Sommaire" link hides while the contents are on screen.
   - Print: every folded block (references, contents) opens for the printout, then closes again. */
(function () {
  "use strict";
  var toc = document.querySelector("details.doc-toc");
  var wide = window.matchMedia("(min-width: 72rem)");

  function fitToScreen() {
    if (toc) {
      toc.open = wide.matches;
    }
  }

  function followReader() {
    if (!toc || !("IntersectionObserver" in window)) {
      return;
    }
    var links = {};
    var anchors = toc.querySelectorAll("a[href^='#']");
    for (var i = 0; i < anchors.length; i++) {
      links[anchors[i].getAttribute("href").slice(1)] = anchors[i];
    }
    var current = null;
    var observer = new IntersectionObserver(function (entries) {
      for (var j = 0; j < entries.length; j++) {
        var entry = entries[j];
        var link = links[entry.target.id];
        if (!entry.isIntersecting || !link || link === current) {
          continue;
        }
        if (current) {
          current.removeAttribute("aria-current");
        }
        link.setAttribute("aria-current", "true");
        current = link;
      }
    }, { rootMargin: "0px 0px -70% 0px" });
    var parts = document.querySelectorAll(".doc-text .part");
    for (var k = 0; k < parts.length; k++) {
      observer.observe(parts[k]);
    }
  }

  /* The "Sommaire" button is useless while the contents are on screen: hide it then. */
  function hideBackWhileContentsShow() {
    var back = document.querySelector(".to-top");
    if (!toc || !back || !("IntersectionObserver" in window)) {
      return;
    }
    new IntersectionObserver(function (entries) {
      back.classList.toggle("is-hidden", entries[entries.length - 1].isIntersecting);
    }).observe(toc);
  }

  var reopened = [];
  window.addEventListener("beforeprint", function () {
    var closed = document.querySelectorAll(".document details:not([open])");
    for (var i = 0; i < closed.length; i++) {
      if (!closed[i].classList.contains("cite")) {
        closed[i].open = true;
        reopened.push(closed[i]);
      }
    }
  });
  window.addEventListener("afterprint", function () {
    while (reopened.length) {
      reopened.pop().open = false;
    }
  });

  fitToScreen();
  if (wide.addEventListener) {
    wide.addEventListener("change", fitToScreen);
  }
  followReader();
  hideBackWhileContentsShow();
})();
