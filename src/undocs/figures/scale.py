"""Shades for counts: class breaks shared by the world map and the heat map.

Counts in an archive are skewed (one state speaks in a hundred paragraphs, most in a handful),
so equal-width classes would paint nearly everything in the first shade. The breaks here are
quantiles of the non-zero counts, rounded to numbers a reader takes in at once (1, 2, 3, 5,
10, 20, 30, 50…), so the legend reads "1–2, 3–5, 6–10, 11–20, 21–109". Zero is never a shade:
it is class 0, "nothing to show". The breaks depend on the archive, the number of classes is
curated (``figures`` in ``data/site.yaml``); equal counts always get equal classes, and a
larger count never a lighter one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

#: The mantissas of "round" numbers: 1, 2, 3, 5, 10, 20, 30, 50, 100…
_NICE = (1, 2, 3, 5)


def nice_ceiling(x: float) -> int:
    """The smallest round number (1, 2, 3, 5 × 10^k) at least ``x`` (``x`` ≥ 1)."""
    if x <= 1:
        return 1
    exponent = 10 ** math.floor(math.log10(x))
    for m in _NICE + (10,):
        if m * exponent >= x:
            return m * exponent
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class Scale:
    """Classes of positive counts: class ``k`` (1-based) holds ``lows[k-1]`` to ``highs[k-1]``.

    ``lows[0]`` is 1 and the classes touch (each low is the previous high plus one); the last
    high is the largest count. Class 0 is zero.
    """

    lows: tuple[int, ...]
    highs: tuple[int, ...]

    @property
    def classes(self) -> int:
        return len(self.lows)

    def bucket(self, n: int) -> int:
        """The class of a count: 0 for zero (or less), else 1 to :attr:`classes`."""
        if n <= 0:
            return 0
        for k, low in reversed(list(enumerate(self.lows, 1))):
            if n >= low:
                return k
        return 1  # pragma: no cover (lows[0] is 1)

    def level(self, n: int, levels: int) -> int:
        """The shade of a count among ``levels`` shades (0 for zero): the classes spread over
        the whole ramp, so that the top class is always the darkest shade even when the counts
        make fewer classes than there are shades (one class: the middle shade)."""
        k = self.bucket(n)
        if k == 0:
            return 0
        if self.classes == 1:
            return (levels + 1) // 2
        return round(1 + (k - 1) * (levels - 1) / (self.classes - 1))

    def levels(self, levels: int) -> list[int]:
        """The shade of each class, in order (see :meth:`level`)."""
        return [self.level(low, levels) for low in self.lows]

    def labels(self) -> list[str]:
        """Each class as the legend says it: ``1``, ``2–3``, ``4–109``."""
        return [str(lo) if lo == hi else f"{lo}\u2013{hi}" for lo, hi in zip(self.lows, self.highs)]


def quantile(values: list[int], q: float) -> float:
    """The ``q`` quantile of sorted ``values`` (linear between the two nearest ranks)."""
    position = q * (len(values) - 1)
    low = math.floor(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def nice_scale(counts: Iterable[int], classes: int) -> Scale:
    """At most ``classes`` classes of the positive ``counts``, broken at rounded quantiles.

    Fewer classes when the counts are few or alike (all equal: one class); no class is empty
    of possible values, and the last one ends at the largest count.
    """
    values = sorted(n for n in counts if n > 0)
    if not values:
        return Scale((1,), (1,))
    top = values[-1]
    highs: list[int] = []
    for k in range(1, classes):
        high = nice_ceiling(quantile(values, k / classes))
        if high >= top:
            break
        if not highs or high > highs[-1]:
            highs.append(high)
    highs.append(top)
    lows = [1] + [h + 1 for h in highs[:-1]]
    return Scale(tuple(lows), tuple(highs))
