"""Shared fixtures: the project's folders and the real corpus, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from undocs.pipeline import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def loaded():
    """(corpus, report, texts) for the real seeds."""
    return load_corpus(SEEDS, DATA)


@pytest.fixture(scope="session")
def corpus(loaded):
    return loaded[0]


@pytest.fixture(scope="session")
def report(loaded):
    return loaded[1]


def doc(corpus, doc_id):
    return next(d for d in corpus.documents if d.id == doc_id)


def part(document, key):
    return next(p for p in document.parts if p.key == key)
