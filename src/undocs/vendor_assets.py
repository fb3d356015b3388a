"""Third-party browser files copied from ``node_modules/`` into the site (nothing is vendored).

``package.json`` pins the npm packages and ``package-lock.json`` their exact tarballs; ``npm ci``
installs them into ``node_modules/``, and the build copies the files listed in
:data:`VENDOR_FILES`, with their licence files, under ``assets/vendor/`` of the site.

The search page loads them as ONE script, :data:`SEARCH_BUNDLE` (made by :func:`search_bundle`
at build time, in the order below, the stemmers turned into classic scripts that set
``self.undocsStemmerFr`` and ``self.undocsStemmerEn``; porter2, a CommonJS file, is in the
bundle only). Loaded separately, load them in this order (see the comment at the top of
``static/js/analysis.js``):

1. ``assets/vendor/lunr/lunr.min.js`` -- classic ``<script>`` (``lunr.js``, the same code
   unminified, is copied too, for reading);
2. ``assets/js/analysis.js`` (ours, from ``static/js/``) -- classic ``<script>``;
3. ``undocsAnalysis.load(...)``, which imports ``assets/vendor/orama-stemmers/fr.js`` (a
   self-contained ES module exporting ``stemmer(word)``: Snowball French in plain JavaScript, no
   WebAssembly, so a strict ``script-src 'self'`` CSP suffices) and fetches ``assets/analysis.json``
   (written by the build from :func:`undocs.analysis.analysis_json`).
"""

from __future__ import annotations

import json
from pathlib import Path

from . import analysis
from .errors import ConfigError

__all__ = ["SEARCH_BUNDLE", "VENDOR_FILES", "copy_vendor_assets", "search_bundle", "strip_js", "with_search_meta"]

#: The search page's one script (``templates/search.html``): lunr.min.js, the stemmer, then
#: ``static/js/analysis.js`` and ``static/js/search.js``, concatenated at build time (see
#: :func:`search_bundle`); one deferred fetch instead of three scripts and a module import.
SEARCH_BUNDLE = "assets/js/search.bundle.js"

#: The sources of :data:`SEARCH_BUNDLE`, in order: under ``node_modules/``, or ``static/js/``
#: (the ``static/`` folder next to ``node_modules/``) for ours.
BUNDLE_SOURCES = (
    "lunr/lunr.min.js",
    "@orama/stemmers/dist/fr.js",
    "porter2/dist/index.js",
    "static/js/analysis.js",
    "static/js/search.js",
)

#: Source path under ``node_modules/`` -> destination path in the site (the last entry is the
#: bundle, made by :func:`search_bundle`, not copied).
VENDOR_FILES: dict[str, str] = {
    "lunr/lunr.js": "assets/vendor/lunr/lunr.js",
    "lunr/lunr.min.js": "assets/vendor/lunr/lunr.min.js",
    "lunr/LICENSE": "assets/vendor/lunr/LICENSE",
    # Snowball French compiled to plain JavaScript (Apache-2.0; Snowball itself is BSD-3-Clause).
    "@orama/stemmers/dist/fr.js": "assets/vendor/orama-stemmers/fr.js",
    "@orama/stemmers/LICENSE.md": "assets/vendor/orama-stemmers/LICENSE.md",
    # Snowball English (Porter2) in plain JavaScript (MIT): a CommonJS file, bundled only.
    "porter2/LICENSE": "assets/vendor/porter2/LICENSE",
    " + ".join(BUNDLE_SOURCES): SEARCH_BUNDLE,
}

_STEMMER_EXPORTS = ("export function stemmer(", 'export const language="french";')


def _classic_stemmer(module: str) -> str:
    """The ES module fr.js as a classic script defining ``self.undocsStemmerFr.stemmer``."""
    if module.count("export ") != len(_STEMMER_EXPORTS) or not all(e in module for e in _STEMMER_EXPORTS):
        raise ConfigError("node_modules/@orama/stemmers/dist/fr.js: unexpected exports (bundle by hand?)")
    body = module.replace("export function stemmer(", "function stemmer(").replace('export const language="french";', "")
    return (
        "/* @orama/stemmers 3.x dist/fr.js (Snowball French), Apache-2.0 (Snowball: BSD-3-Clause);\n"
        " * licence: assets/vendor/orama-stemmers/LICENSE.md. Made a classic script by the build. */\n"
        '(function () {\n"use strict";\n' + body.rstrip() + "\nself.undocsStemmerFr = { stemmer: stemmer };\n})();\n"
    )


def _classic_commonjs(module: str) -> str:
    """porter2's ``dist/index.js`` (CommonJS: ``exports.stem = …``) as a classic script
    defining ``self.undocsStemmerEn.stemmer``: the file run with an ``exports`` object of its own."""
    if "exports.stem = function stem(" not in module or "require(" in module:
        raise ConfigError("node_modules/porter2/dist/index.js: unexpected exports (bundle by hand?)")
    return (
        "/* porter2 1.x dist/index.js (Snowball English, Porter2), MIT;\n"
        " * licence: assets/vendor/porter2/LICENSE. Made a classic script by the build. */\n"
        "(function (exports) {\n" + module.rstrip() + "\nself.undocsStemmerEn = { stemmer: exports.stem };\n})({});\n"
    )


#: Where a ``/`` that is not a comment starts a regular expression literal (after one of these
#: characters or words), not a division.
_REGEX_AFTER = frozenset("(,=:[!&|?{};+-*%<>~^") | {"", "return", "typeof", "case", "in", "of", "void", "else", "throw", "new"}


def strip_js(source: str, name: str = "script") -> str:
    """Our own JavaScript (``static/js/``) without its comments and indentation, for the bundle:
    a third smaller before compression, and fewer bytes for the page to parse. Line breaks are
    kept (automatic semicolon insertion reads the same statements); strings and regular
    expression literals are kept as written. The files are copied whole into ``assets/js/`` for
    reading. Raises :class:`~undocs.errors.ConfigError` on what this reader does not handle
    (a template literal, a string or literal that runs past its line)."""
    out: list[str] = []
    last = ""  # the last significant token: a punctuation character or a word
    i, n = 0, len(source)

    def refuse(what: str, at: int) -> ConfigError:
        return ConfigError(f"static/js/{name}: {what} at line {source.count(chr(10), 0, at) + 1} (strip_js)")

    while i < n:
        c = source[i]
        if c in "'\"":
            j = i + 1
            while j < n and source[j] != c:
                if source[j] == "\n":
                    raise refuse("a string running past its line", i)
                j += 2 if source[j] == "\\" else 1
            out.append(source[i : j + 1])
            last, i = "x", j + 1
        elif c == "`":
            raise refuse("a template literal", i)
        elif source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j == -1 else j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            if j == -1:
                raise refuse("an unclosed comment", i)
            out.append("\n" if "\n" in source[i:j] else " ")
            i = j + 2
        elif c == "/" and last in _REGEX_AFTER:
            j, in_class = i + 1, False
            while j < n and (source[j] != "/" or in_class):
                if source[j] == "\n":
                    raise refuse("a regular expression running past its line", i)
                in_class = (in_class or source[j] == "[") and source[j] != "]"
                j += 2 if source[j] == "\\" else 1
            j += 1
            while j < n and source[j].isalpha():  # flags
                j += 1
            out.append(source[i:j])
            last, i = "x", j
        elif c.isalnum() or c in "_$":
            j = i + 1
            while j < n and (source[j].isalnum() or source[j] in "_$."):
                j += 1
            out.append(source[i:j])
            last, i = source[i:j], j
        else:
            out.append(c)
            if not c.isspace():
                last = c
            i += 1
    lines = (line.strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def search_bundle(node_modules: Path, static_js: Path | None = None) -> bytes:
    """:data:`SEARCH_BUNDLE`: lunr.min.js (its licence comment kept), fr.js and porter2's
    index.js as classic scripts (``self.undocsStemmerFr``, ``self.undocsStemmerEn``), analysis.js and search.js (without comments and indentation: :func:`strip_js`), each on its
    own lines, separated by ``;``."""
    node_modules = Path(node_modules)
    static_js = Path(static_js) if static_js is not None else node_modules.parent / "static" / "js"
    parts = []
    for source in BUNDLE_SOURCES:
        path = static_js / source.removeprefix("static/js/") if source.startswith("static/js/") else node_modules / source
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{path} missing (node_modules/: run `npm ci`)") from None
        if source.endswith("fr.js"):
            text = _classic_stemmer(text)
        elif source.startswith("porter2/"):
            text = _classic_commonjs(text)
        elif source.startswith("static/js/"):
            text = strip_js(text, path.name)
        parts.append(f"/* ---- {source} ---- */\n" + text.rstrip() + "\n;\n")
    # The benchmark's first mark: the bundle starts running (bench/search_speed.py). Then the
    # analysis data (assets/analysis.json, stop words and elisions: 2 KB), so that the page
    # needs no fetch before it can analyse a query.
    head = (
        'self.performance && performance.mark && performance.mark("undocs-search-bundle");\n'
        "self.undocsAnalysisData = " + json.dumps(analysis.analysis_data(), ensure_ascii=False, separators=(",", ":")) + ";\n"
    )
    return (head + "".join(parts)).encode("utf-8")


def with_search_meta(bundle: bytes, meta_json: bytes) -> bytes:
    """The bundle with the archive's ``meta.json`` in front (``self.undocsSearchMeta``): the
    page then needs no fetch at all before it fetches the shards of the query's words
    (``meta.json`` stays in the site for anyone else). JSON is a JavaScript expression."""
    return b"self.undocsSearchMeta = " + meta_json + b";\n" + bundle


def copy_vendor_assets(node_modules: Path) -> dict[str, bytes]:
    """Read every file of :data:`VENDOR_FILES` from ``node_modules``: site path -> bytes.

    Raises :class:`~undocs.errors.ConfigError` naming the first missing file (run ``npm ci``).
    """
    node_modules = Path(node_modules)
    out: dict[str, bytes] = {}
    for source, destination in VENDOR_FILES.items():
        if destination == SEARCH_BUNDLE:
            continue
        path = node_modules / source
        try:
            out[destination] = path.read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"node_modules/{source} missing: run `npm ci`") from None
        except OSError as e:
            raise ConfigError(f"cannot read node_modules/{source}: {e.strerror or e}", path) from e
    out[SEARCH_BUNDLE] = search_bundle(node_modules)
    return out
