"""The states × topics table as a heat map: every number stays, its cell is shaded by its class.

The classes are computed here (:mod:`.scale`, over every non-zero cell of the table) and given
to the template as CSS classes, ``heat-1`` to ``heat-n``; the colours are the stylesheet's, one
pair (background, text) per class and per colour scheme, each pair at least 4.5:1 (WCAG AA
for text). A zero is class 0: no shade, so that what a state does not say is not noise.
"""

from __future__ import annotations

from collections.abc import Iterable

from .config import MAX_CLASSES
from .scale import Scale, nice_scale


def heat_scale(counts: Iterable[int], classes: int) -> Scale:
    """The classes of the table's counts (zeros ignored)."""
    return nice_scale(counts, classes)


def heat_class(scale: Scale, count: int) -> str:
    """The CSS class of a cell: ``heat-0`` for zero, else ``heat-1`` (lightest) to ``heat-5``
    (the stylesheet's shades; fewer classes are spread over them, the top one darkest)."""
    return f"heat-{scale.level(count, MAX_CLASSES)}"


def heat_legend(scale: Scale) -> list[dict[str, str]]:
    """The key above the table: each class with the range of paragraphs it stands for."""
    return [{"cls": f"heat-{k}", "label": label} for k, label in zip(scale.levels(MAX_CLASSES), scale.labels())]
