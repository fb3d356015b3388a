"""The build report: what the build removed from the sources and what it warned about.

It is shown on the "about the data" page and written to ``data/report.json`` so that a reader
can check that nothing but recognised extraction artefacts was left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Removal


@dataclass(frozen=True)
class BuildReport:
    removals: tuple[Removal, ...] = ()
    warnings: tuple[str, ...] = ()
