"""Site settings (``data/site.yaml``) and the options of one build."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .figures.config import FigureSettings, load_figure_settings
from .urls import is_web_url
from .yamlio import load_yaml

#: ``repository`` as GitHub's ``owner/name``.
_REPOSITORY_SLUG = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class ListLimits:
    """How much a state or topic page lists before it links instead (``lists`` in site.yaml).

    A state of a large archive speaks in thousands of paragraphs: its page shows their full
    text up to ``full_text`` paragraphs, then the remaining documents as links with counts;
    ``per_topic`` links to its paragraphs per topic on a state page, ``mentions`` paragraphs
    naming it (whole), each list followed by a link to the search that has them all; the home
    page shows ``home`` documents, states and topics, then links to their full lists; the
    table of states names ``roles`` documents per state, then counts the others (the state's
    page lists them all); the Atom feed has the ``feed`` newest documents.
    """

    full_text: int = 100
    per_topic: int = 10
    mentions: int = 50
    home: int = 12
    roles: int = 10
    feed: int = 100


@dataclass(frozen=True)
class Settings:
    """What the templates need to know about the site as a whole.

    ``base_url`` is the public root (``https://user.github.io/repo/``) or None; it is used only
    where an absolute URL is required (sitemap, canonical links), every other link is relative.
    """

    title: str
    tagline: str
    description: str
    language: str
    repository: str | None
    base_url: str | None = None
    lists: ListLimits = ListLimits()
    figures: FigureSettings = FigureSettings()


def load_settings(path: Path, base_url: str | None = None) -> Settings:
    data = load_yaml(path, ConfigError)
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping of site settings", path)
    missing = [k for k in ("title", "tagline", "description", "language") if not data.get(k)]
    if missing:
        raise ConfigError(f"missing required field(s): {', '.join(missing)}", path)
    repository = str(data["repository"]).strip() if data.get("repository") else None
    if repository is not None and not (_REPOSITORY_SLUG.fullmatch(repository) or is_web_url(repository)):
        # It becomes a link on the about page: never a javascript: or data: URL.
        raise ConfigError(f"repository {repository!r} must be owner/name or an http(s):// URL", path)
    lists = _list_limits(data.get("lists"), path)
    if base_url is not None and not base_url.endswith("/"):
        base_url += "/"
    return Settings(
        title=str(data["title"]),
        tagline=str(data["tagline"]),
        description=str(data["description"]),
        language=str(data["language"]),
        repository=repository,
        base_url=base_url,
        lists=lists,
        figures=load_figure_settings(data.get("figures"), path),
    )


def _list_limits(value: object, path: Path) -> ListLimits:
    if value is None:
        return ListLimits()
    known = set(ListLimits.__dataclass_fields__)
    if not isinstance(value, dict) or set(value) - known:
        raise ConfigError(f"lists must be a mapping of {', '.join(sorted(known))}", path)
    for key, n in value.items():
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            raise ConfigError(f"lists.{key} must be a whole number of at least 1, not {n!r}", path)
    return ListLimits(**value)
