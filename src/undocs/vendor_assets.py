"""Third-party browser files copied from ``node_modules/`` into the site (nothing is vendored).

``package.json`` pins the npm packages and ``package-lock.json`` their exact tarballs; ``npm ci``
installs them into ``node_modules/``, and the build copies the files listed in
:data:`VENDOR_FILES`, with their licence files, under ``assets/vendor/`` of the site.

In the search page, load them in this order (see the comment at the top of
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

from pathlib import Path

from .errors import ConfigError

__all__ = ["VENDOR_FILES", "copy_vendor_assets"]

#: Source path under ``node_modules/`` -> destination path in the site.
VENDOR_FILES: dict[str, str] = {
    "lunr/lunr.js": "assets/vendor/lunr/lunr.js",
    "lunr/lunr.min.js": "assets/vendor/lunr/lunr.min.js",
    "lunr/LICENSE": "assets/vendor/lunr/LICENSE",
    # Snowball French compiled to plain JavaScript (Apache-2.0; Snowball itself is BSD-3-Clause).
    "@orama/stemmers/dist/fr.js": "assets/vendor/orama-stemmers/fr.js",
    "@orama/stemmers/LICENSE.md": "assets/vendor/orama-stemmers/LICENSE.md",
}


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
    return out
