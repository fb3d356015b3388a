/*
 * undocs — keyboard shortcut of every page: "/" focuses the search field (the search page's own
 * field on recherche/, the header's elsewhere). Ignored while typing in a field.
 */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return;
    var target = event.target, tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var box = document.getElementById("q");
    if (!box || !box.getClientRects().length) box = document.getElementById("q-header");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
