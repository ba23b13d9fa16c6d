"""Statistics of a review: Wilson interval, sample size, comparison with the 90 % line."""

from __future__ import annotations

import math
from collections.abc import Mapping
from statistics import NormalDist
from typing import Literal

from termination import glossary

#: 最高人民法院“四个90%”：终本合格率应达到 90 %.
TARGET_RATE = 0.9

Position = Literal["above", "below", "straddles"]
POSITION_LABEL: Mapping[str, str] = glossary.terms("review_positions")  # the 90% is TARGET_RATE


def z_value(confidence: float) -> float:
    """Two-sided standard-normal quantile: 0.95 -> 1.959964."""
    if not 0 < confidence < 1:
        raise ValueError("置信水平应在 0 与 1 之间（不含端点），如 0.95")
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion (successes out of n).

    ``(p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)``; ``(0.0, 1.0)`` when ``n == 0``.
    """
    if n < 0 or not 0 <= successes <= n:
        raise ValueError("合格数应在 0 与抽查数之间")
    if n == 0:
        return 0.0, 1.0
    z = z_value(confidence)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def position(low: float, high: float, target: float = TARGET_RATE) -> Position:
    """Where an interval lies against the target line."""
    if low >= target:
        return "above"
    if high < target:
        return "below"
    return "straddles"


def sample_size(margin: float, confidence: float = 0.95, expected: float = 0.5,
                population: int | None = None) -> int:
    """Cases to sample so the pass rate is known within ±``margin``.

    Normal approximation ``n0 = z²·p(1−p)/e²``; with a finite population ``N`` the
    correction ``n = n0 / (1 + (n0 − 1)/N)``; rounded up (p=0.9, e=0.03, 95 % → 385).
    """
    if not 0 < margin < 1:
        raise ValueError("误差幅度应在 0 与 1 之间，如 0.03")
    if not 0 <= expected <= 1:
        raise ValueError("预期合格率应在 0 与 1 之间，如 0.9")
    if population is not None and population < 1:
        raise ValueError("总体案件数应为正整数")
    z = z_value(confidence)
    n0 = z * z * expected * (1 - expected) / (margin * margin)
    n = n0 if population is None else n0 / (1 + (n0 - 1) / population)
    # guard against 384.0000000001 style float noise before rounding up
    size = max(1, math.ceil(round(n, 9)))
    return size if population is None else min(size, population)
