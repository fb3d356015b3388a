/* Progressive enhancement for the "Citer" blocks of a document page: adds a "Copier" button
   that copies the citation and the paragraph's absolute URL. DOM built with textContent only. */
(function () {
  "use strict";
  if (!navigator.clipboard || !document.querySelectorAll) {
    return;
  }

  function absoluteUrl(link) {
    // link.href is already absolute (a base_url permalink, or resolved against location).
    var url = new URL(link.href, window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") {
      url.pathname = url.pathname.replace(/\/index\.html$/, "/");
    }
    return url.toString();
  }

  function enhance(block) {
    var text = block.querySelector(".cite-text");
    var link = block.querySelector(".cite-url");
    var body = block.querySelector(".cite-body");
    if (!text || !link || !body) {
      return;
    }
    var row = document.createElement("p");
    row.className = "cite-actions";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copier";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    button.addEventListener("click", function () {
      var value = text.textContent.trim() + ", " + absoluteUrl(link);
      navigator.clipboard.writeText(value).then(
        function () {
          status.textContent = "Copié";
          window.setTimeout(function () { status.textContent = ""; }, 4000);
        },
        function () {
          status.textContent = "Copie impossible : sélectionnez le texte ci-dessus.";
        }
      );
    });
    row.appendChild(button);
    row.appendChild(status);
    body.appendChild(row);
  }

  var blocks = document.querySelectorAll("details.cite");
  for (var i = 0; i < blocks.length; i++) {
    enhance(blocks[i]);
  }
})();
