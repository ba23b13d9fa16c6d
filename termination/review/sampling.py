"""Reproducible sampling over a stream: proportional allocation and bottom-k selection.

How a sample is drawn (the same seed gives the same sample on every run and machine):

1. Every non-blank input line, in file order, draws one key ``u = random.Random(seed).random()``
   (invalid lines draw too, so a line's key depends only on the seed and its position).
2. Each stratum keeps the ``k_h`` valid lines with the smallest keys (a bounded heap), which
   is a uniform random sample of size ``k_h`` of that stratum: memory is O(sample).
3. Sizes: ``--sample N`` asks for ``n = min(N, population)``; ``--rate r`` for
   ``n = round_half_up(r × population)``. Stratified (court / judge / month), the strata get
   ``n`` in proportion to their size by the largest-remainder (Hamilton) rule:
   each gets ``floor(n·N_h/N)``, and the units left over go one each to the strata with the
   largest remainders ``n·N_h/N − floor(·)``; ties go to the larger stratum, then to the
   stratum whose name sorts first. A stratum may get 0 when its share is below one case.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Iterable, Mapping
from fractions import Fraction


def round_half_up(x: Fraction) -> int:
    """Round a non-negative fraction to an integer, halves upwards (2.5 → 3)."""
    return math.floor(x + Fraction(1, 2))


def total_size(population: int, *, sample: int | None = None, rate: float | None = None) -> int:
    """The overall sample size for ``--sample`` or ``--rate`` (all cases when neither)."""
    if sample is not None:
        return min(sample, population)
    if rate is not None:
        return min(population, round_half_up(Fraction(str(rate)) * population))
    return population


def allocate(counts: Mapping[str, int], n: int) -> dict[str, int]:
    """Split ``n`` over strata in proportion to ``counts`` (largest-remainder rule)."""
    total = sum(counts.values())
    if total == 0:
        return {k: 0 for k in counts}
    n = min(n, total)
    quotas = {k: Fraction(n * c, total) for k, c in counts.items()}
    alloc = {k: math.floor(q) for k, q in quotas.items()}
    left = n - sum(alloc.values())
    order = sorted(counts, key=lambda k: (-(quotas[k] - alloc[k]), -counts[k], k))
    for k in order[:left]:
        alloc[k] += 1
    return alloc


class Selector:
    """Per-stratum bottom-k selection over a stream of ``(position, stratum)`` items.

    Call :meth:`offer` for every non-blank line in file order (``stratum=None`` for an
    invalid line: it still consumes its key), then :meth:`selected`.
    """

    def __init__(self, seed: int, sizes: Mapping[str, int]) -> None:
        self._rng = random.Random(seed)
        self._sizes = dict(sizes)
        self._heaps: dict[str, list[tuple[float, int, int]]] = {k: [] for k in sizes}

    def offer(self, position: int, stratum: str | None, payload: int = 0) -> None:
        """Consider one line (``payload`` is returned with it, e.g. its byte offset)."""
        key = self._rng.random()
        if stratum is None:
            return
        k = self._sizes.get(stratum, 0)
        if k == 0:
            return
        heap = self._heaps[stratum]
        item = (-key, position, payload)  # max-heap on key via negation
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)

    def selected(self) -> list[tuple[int, int, str]]:
        """``(position, payload, stratum)`` of the sample, in file order."""
        out = [(pos, payload, s) for s, heap in self._heaps.items() for _, pos, payload in heap]
        return sorted(out)


def select(items: Iterable[tuple[int, str | None]], seed: int, sizes: Mapping[str, int]) -> list[int]:
    """Positions chosen from ``(position, stratum)`` items (convenience for small inputs)."""
    sel = Selector(seed, sizes)
    for pos, stratum in items:
        sel.offer(pos, stratum)
    return [pos for pos, _, _ in sel.selected()]
