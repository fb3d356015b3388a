"""Third-party browser files from ``node_modules/`` in the site (nothing is vendored), and the
search page's one script, bundled by esbuild.

``package.json`` pins the npm packages and ``package-lock.json`` their exact tarballs; ``npm ci``
installs them into ``node_modules/``. The build copies the files listed in :data:`VENDOR_FILES`,
with their licence files, under ``assets/vendor/`` of the site (for anyone who wants lunr or the
French stemmer alone, and for the licences), and makes :data:`SEARCH_BUNDLE` with esbuild (npm,
pinned): ``static/js/search/page.mjs`` and the modules it imports -- ours (``static/js/search/*.mjs``,
``static/js/analysis.js``) and lunr, ``@orama/stemmers``' Snowball French and porter2's Porter2
from ``node_modules/`` -- as one minified script, their licence comments kept. The modules are
sources, not served (:func:`undocs.render.static_files` skips ``.mjs``); Node runs them as they
are in the tests (``tests/js/search_engine.mjs``).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from . import analysis
from .errors import ConfigError

__all__ = ["SEARCH_BUNDLE", "SEARCH_ENTRY", "VENDOR_FILES", "copy_vendor_assets", "search_bundle", "with_search_meta"]

#: The search page's one script (``templates/search.html``), made by :func:`search_bundle`.
SEARCH_BUNDLE = "assets/js/search.bundle.js"

#: The bundle's entry, under the project's folder (the parent of ``node_modules/``).
SEARCH_ENTRY = "static/js/search/page.mjs"

#: Source path under ``node_modules/`` -> destination path in the site.
VENDOR_FILES: dict[str, str] = {
    "lunr/lunr.js": "assets/vendor/lunr/lunr.js",
    "lunr/lunr.min.js": "assets/vendor/lunr/lunr.min.js",
    "lunr/LICENSE": "assets/vendor/lunr/LICENSE",
    # Snowball French compiled to plain JavaScript (Apache-2.0; Snowball itself is BSD-3-Clause).
    "@orama/stemmers/dist/fr.js": "assets/vendor/orama-stemmers/fr.js",
    "@orama/stemmers/LICENSE.md": "assets/vendor/orama-stemmers/LICENSE.md",
    # Snowball English (Porter2) in plain JavaScript (MIT): in the bundle; its licence here.
    "porter2/LICENSE": "assets/vendor/porter2/LICENSE",
}

#: Where the licences of the bundled packages are (comments of their own: lunr's, at the end).
BANNER = (
    "/* undocs search: static/js/search/ and static/js/analysis.js (MIT), with lunr (MIT), @orama/stemmers' "
    "Snowball French (Apache-2.0; Snowball: BSD-3-Clause) and porter2 (MIT); licences in assets/vendor/. */"
)

#: esbuild's options: one classic script (an IIFE: no module loading in the page), minified,
#: for ES2018 browsers (the analysis's Unicode property escapes, ``\p{L}``, need ES2018), the
#: packages' licence comments gathered at the end.
ESBUILD_OPTIONS = (
    "--bundle", "--format=iife", "--minify", "--target=es2018", "--charset=utf8",
    "--legal-comments=eof", "--log-level=error", f"--banner:js={BANNER}",
)  # fmt: skip


def _esbuild(project: Path) -> Path:
    """The esbuild command of ``node_modules/``: its native binary once its install script ran,
    else the package's Node launcher, which finds the binary of ``@esbuild/<platform>``."""
    launcher = project / "node_modules" / ".bin" / "esbuild"
    if not launcher.exists():
        raise ConfigError(f"{launcher} missing: run `npm ci`")
    return launcher


def search_bundle(node_modules: Path) -> bytes:
    """:data:`SEARCH_BUNDLE`: :data:`SEARCH_ENTRY` bundled by esbuild, after a head that marks
    the bundle's start for the benchmark (``bench/search_speed.py``) and holds the analysis data
    (``assets/analysis.json``: stop words and elisions, 2 KB), so that the page needs no fetch
    before it can analyse a query. The same sources give the same bytes (esbuild is
    deterministic; it runs in the project's folder, so no absolute path enters the output)."""
    project = Path(node_modules).absolute().parent
    command = [str(_esbuild(project)), SEARCH_ENTRY, *ESBUILD_OPTIONS]
    try:
        result = subprocess.run(command, cwd=project, capture_output=True, timeout=300, check=False)
    except OSError as e:
        raise ConfigError(f"cannot run esbuild: {e.strerror or e}", project / SEARCH_ENTRY) from e
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConfigError(f"esbuild could not bundle the search script: {message[0] if message else 'no message'}", project / SEARCH_ENTRY)
    head = (
        'self.performance && performance.mark && performance.mark("undocs-search-bundle");\n'
        "self.undocsAnalysisData = " + json.dumps(analysis.analysis_data(), ensure_ascii=False, separators=(",", ":")) + ";\n"
    )
    return head.encode("utf-8") + result.stdout


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
        path = node_modules / source
        try:
            out[destination] = path.read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"node_modules/{source} missing: run `npm ci`") from None
        except OSError as e:
            raise ConfigError(f"cannot read node_modules/{source}: {e.strerror or e}", path) from e
    out[SEARCH_BUNDLE] = search_bundle(node_modules)
    return out
