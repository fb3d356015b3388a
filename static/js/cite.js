/* The "Citer" block of each paragraph of a document page, built here rather than written in the
   HTML once per paragraph (about 900 bytes each, docs/benchmarks.md): the full reference (the
   page's #cite-doc, then the paragraph's part and number from its data-cite), the note when the
   archive counted the number itself (data-own-number), the permalink (the page's, from
   #cite-doc's data-permalink, and the paragraph's anchor), the document's citation files, and a
   "Copier" button where the clipboard can be used. It goes in the paragraph's .para-meta, made
   here marked as not from the source (data-nonsource, in the interface's language); chips.js,
   run next, adds the chips there. The permalink is also set on the paragraph (data-permalink),
   which the print style prints after its citation. DOM built with textContent only. Without
   JavaScript, the page's "Références du document" gives the document's reference and says how
   to cite a paragraph. */
(function () {
  "use strict";
  var doc = document.getElementById("cite-doc");
  if (!doc || !document.querySelectorAll) {
    return;
  }
  var prefix = doc.textContent.trim();
  var symbol = doc.getAttribute("data-symbol") || "";
  var flag = doc.getAttribute("data-flag") || "";
  var files = document.querySelector(".doc-cite-files");
  var pageLink = doc.getAttribute("data-permalink") || "";
  var uiLang = document.documentElement.lang;
  var text = document.getElementById("document-text");
  var otherLang = text && text.lang && text.lang !== uiLang;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  /* The paragraph's part and number: its short citation less the document's symbol. */
  function tail(citation) {
    var lead = symbol + ", ";
    if (symbol && citation.indexOf(lead) === 0) {
      return citation.slice(lead.length);
    }
    return citation === symbol ? "" : citation;
  }

  function fullReference(para) {
    var pieces = [prefix, tail(para.getAttribute("data-cite") || "")].filter(Boolean);
    return pieces.join(", ") + (para.hasAttribute("data-own-number") ? flag : "");
  }

  function label(para) {
    var marker = para.querySelector(".para-num");
    return marker ? marker.textContent.trim() : "";
  }

  function absoluteUrl(link) {
    // link.href is absolute, resolved against the page's address.
    var url = new URL(link.href, window.location.href);
    if (url.protocol === "http:" || url.protocol === "https:") {
      url.pathname = url.pathname.replace(/\/index\.html$/, "/");
    }
    return url.toString();
  }

  function copyRow(text, link) {
    var row = element("p", "cite-actions");
    var button = element("button", "copy-button", "Copier");
    button.type = "button";
    var status = element("span", "copy-status");
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
    return row;
  }

  function citeBlock(para) {
    var block = element("details", "cite");
    block.appendChild(element("summary", "", "Citer"));
    var body = element("div", "cite-body");
    var text = element("p", "cite-text", fullReference(para));
    body.appendChild(text);
    if (para.hasAttribute("data-own-number")) {
      body.appendChild(element("p", "cite-note",
        "Le document ne numérote pas ce paragraphe\u00a0: «\u00a0" + label(para) +
        "\u00a0» est son rang dans la partie, compté par l’archive."));
    }
    var linkRow = element("p", "cite-link");
    var link = element("a", "cite-url", para.getAttribute("data-permalink"));
    link.href = "#" + para.id;
    linkRow.appendChild(link);
    body.appendChild(linkRow);
    if (files) {
      var filesRow = element("p", "cite-files", "Notice du document\u00a0: ");
      var links = files.querySelectorAll("a");
      for (var i = 0; i < links.length; i++) {
        filesRow.appendChild(links[i].cloneNode(true));
        if (i < links.length - 1) {
          filesRow.appendChild(document.createTextNode(", "));
        }
      }
      body.appendChild(filesRow);
    }
    if (navigator.clipboard) {
      body.appendChild(copyRow(text, link));
    }
    block.appendChild(body);
    return block;
  }

  /* The paragraph's place for what the archive adds: after its text. */
  function metaOf(para) {
    var meta = element("div", "para-meta");
    meta.setAttribute("data-nonsource", "");
    if (otherLang) {
      meta.lang = uiLang;
    }
    para.appendChild(meta);
    return meta;
  }

  var paras = document.querySelectorAll(".para[data-cite]");
  for (var i = 0; i < paras.length; i++) {
    paras[i].setAttribute("data-permalink", pageLink + "#" + paras[i].id);
    metaOf(paras[i]).appendChild(citeBlock(paras[i]));
  }
})();
