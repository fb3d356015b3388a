"""The 404 page (``404.html``): GitHub Pages serves it for a missing address at any depth.

Its links cannot be relative to where it is served from. A build that knows the site's root
on its server (``--base-url``, or the ``repository`` of ``site.yaml``) writes them absolute.
One that does not cannot link its stylesheet or scripts either, so it writes them into the
page: the stylesheet in a ``<style>``, the keyboard shortcut and ``static/js/404.js`` in
``<script>``s, each allowed, and only it, by its SHA-256 hash in the page's Content Security
Policy (``script-src``/``style-src`` keep ``'self'`` and gain no ``'unsafe-inline'``). Its
links are then written relative to the root, and ``404.js`` finds the root from the address
and makes them absolute.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from .. import urls
from ..feed import FEED_PATH
from ..settings import Settings

#: What the page writes into itself when the root is unknown, from ``static/``: the
#: stylesheet, then the scripts in the order they run.
INLINE_STYLES = ("css/style.css",)
INLINE_SCRIPTS = ("js/shortcuts.js", "js/404.js")

#: What would end a ``<style>``/``<script>`` element early or change how it is parsed.
_UNSAFE_RAW_TEXT = {"style": re.compile(r"</style", re.I), "script": re.compile(r"</script|<!--", re.I)}


def site_root_path(settings: Settings) -> str | None:
    """The absolute path of the site root on its server (``/repo/``), if it can be known."""
    if settings.base_url:
        rest = settings.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"
    if settings.repository:
        name = settings.repository.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
        if name and not name.endswith(".github.io"):
            return f"/{name}/"
        return "/"
    return None


def csp_hash(text: str) -> str:
    """The CSP source that allows an inline ``<script>``/``<style>`` whose whole text is ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def static_dir_for(templates_dir: Path) -> Path:
    """``static/``, beside ``templates/`` as the command line has them (else the project's own)."""
    beside = templates_dir.parent / "static"
    return beside if beside.is_dir() else Path(__file__).resolve().parents[3] / "static"


def inline_blocks(static_dir: Path) -> dict[str, Any]:
    """The stylesheet and scripts written into the page, and their hashes for the CSP."""
    blocks: dict[str, Any] = {}
    for kind, names in (("style", INLINE_STYLES), ("script", INLINE_SCRIPTS)):
        texts = []
        for name in names:
            text = (static_dir / name).read_text(encoding="utf-8")
            if _UNSAFE_RAW_TEXT[kind].search(text):
                raise ValueError(f"static/{name} cannot be written inside a <{kind}> element")
            texts.append(text)
        blocks[f"{kind}s"] = [markupsafe.Markup(t) for t in texts]
        blocks[f"{kind}_hashes"] = [csp_hash(t) for t in texts]
    return blocks


def not_found_context(settings: Settings, static_dir: Path) -> dict[str, Any]:
    """404 is served at any depth: absolute links when the root is known, else relative to the
    root (made absolute by ``404.js``) and the stylesheet and scripts written into the page."""
    from ..render import NAV, common_context  # render imports this module

    root_path = site_root_path(settings)
    prefix = settings.base_url or root_path or ""
    ctx = common_context(urls.NOT_FOUND, "Page introuvable", None, (), settings)
    ctx.update(
        {
            "root": prefix,
            "canonical": None,
            "home_href": f"{prefix}index.html" if not root_path else prefix,
            "search_href": f"{prefix}{urls.page_path(urls.SEARCH)}",
            "about_href": f"{prefix}{urls.page_path(urls.ABOUT)}",
            "css_href": f"{prefix}assets/css/style.css",
            "js_root": f"{prefix}assets/js/",
            "feed_href": f"{prefix}{FEED_PATH}",
            "nav": [
                {"label": label, "href": f"{prefix}{urls.page_path(url)}", "current": False, "section": False}
                for label, url in NAV
            ],
            "root_known": bool(root_path),
            "inline": None if root_path else inline_blocks(static_dir),
        }
    )
    return ctx


def not_found_page(env: jinja2.Environment, settings: Settings, templates_dir: Path) -> bytes:
    """``404.html``, rendered."""
    context = not_found_context(settings, static_dir_for(templates_dir))
    return env.get_template("404.html").render(context).encode("utf-8")
