"""Command line: ``python build.py [--seeds DIR] [--out DIR] [--base-url URL] [--strict]``.

Exit status: 0 built, 1 bad input (one line on stderr naming the file and line), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UndocsError
from .pipeline import Options, build

#: The project folder: templates/, static/ and data/ live beside src/.
PROJECT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the undocs static site.")
    parser.add_argument("--seeds", type=Path, default=PROJECT / "seeds", help="documents and their YAML sidecars (default: seeds/)")
    parser.add_argument("--out", type=Path, default=PROJECT / "_site", help="output folder, replaced whole (default: _site/)")
    parser.add_argument("--base-url", help="public root, e.g. https://user.github.io/repo/ (for sitemap.xml and canonical links)")
    parser.add_argument("--strict", action="store_true", help="treat warnings (lost word, unknown state heading) as errors")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="keep what each document gave (its reading, enrichment, page and search counts) in DIR, so that the next build reads only new or changed documents (same output; leave it out for a full rebuild)")
    parser.add_argument("--jobs", type=int, choices=(1, 2), default=2, help="processes: 2 builds the search index beside the pages (default), 1 all in one")
    parser.add_argument("--data", type=Path, default=PROJECT / "data", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.base_url is not None and not args.base_url.startswith(("http://", "https://")):
        _parser().error("--base-url must be an absolute http(s) URL, e.g. https://user.github.io/repo/")
    options = Options(
        seeds=args.seeds, out=args.out, data=args.data, templates=PROJECT / "templates",
        static=PROJECT / "static", base_url=args.base_url, strict=args.strict, jobs=args.jobs,
        cache=args.cache,
    )
    try:
        summary = build(options)
    except UndocsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(summary.line(args.out))
    return 0
