"""Wilson interval, sample size and the 90 % comparison, against hand-computed values."""

from __future__ import annotations

import pytest

from termination.review.stats import position, sample_size, wilson_interval, z_value

# z for 95 % = 1.959964 (standard normal table); z² = 3.841459


def test_z_value_for_95_and_99_percent() -> None:
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.99) == pytest.approx(2.575829, abs=1e-6)


def test_wilson_45_of_50() -> None:
    # p = 0.9, z²/n = 0.0768292, denominator 1.0768292
    # centre = (0.9 + 0.0384146) / 1.0768292 = 0.871461
    # half = 1.959964 / 1.0768292 · sqrt(0.09/50 + 3.841459/10000) = 1.820122 · 0.0467349 = 0.085063
    low, high = wilson_interval(45, 50)
    assert low == pytest.approx(0.786398, abs=1e-5)
    assert high == pytest.approx(0.956524, abs=1e-5)


def test_wilson_zero_successes() -> None:
    # p = 0: low = 0, high = (z²/n) / (1 + z²/n) = 0.3841459 / 1.3841459 = 0.277532
    low, high = wilson_interval(0, 10)
    assert low == pytest.approx(0.0, abs=1e-12)
    assert high == pytest.approx(0.277532, abs=1e-5)


def test_wilson_all_successes_is_mirror_of_none() -> None:
    low, high = wilson_interval(10, 10)
    assert high == pytest.approx(1.0, abs=1e-12)
    assert low == pytest.approx(1 - 0.277532, abs=1e-5)


def test_wilson_empty_sample_is_uninformative() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson_interval(11, 10)


def test_position_against_ninety_percent() -> None:
    assert position(0.91, 0.97) == "above"
    assert position(0.90, 0.97) == "above"  # the lower bound on the line counts as reaching it
    assert position(0.80, 0.899) == "below"
    assert position(0.85, 0.93) == "straddles"


@pytest.mark.parametrize(
    ("margin", "confidence", "expected", "population", "size"),
    [
        # n0 = 3.841459 · 0.9 · 0.1 / 0.0009 = 384.146 → 385
        (0.03, 0.95, 0.9, None, 385),
        # n0 = 3.841459 · 0.25 / 0.0025 = 384.146 → 385
        (0.05, 0.95, 0.5, None, 385),
        # 384.146 / (1 + 383.146/1000) = 277.73 → 278
        (0.03, 0.95, 0.9, 1000, 278),
        # 384.146 / (1 + 383.146/500) = 217.49 → 218
        (0.05, 0.95, 0.5, 500, 218),
        # z = 2.575829, z² = 6.634897: 6.634897 · 0.09 / 0.0009 = 663.49 → 664
        (0.03, 0.99, 0.9, None, 664),
        # n0 = 3.841459 · 0.25 / 0.0001 = 9603.6; 9603.6 / (1 + 9602.6/50) = 49.75 → 50 (all)
        (0.01, 0.95, 0.5, 50, 50),
    ],
)
def test_sample_size(margin: float, confidence: float, expected: float, population: int | None, size: int) -> None:
    assert sample_size(margin, confidence, expected, population) == size


def test_sample_size_never_exceeds_population() -> None:
    # n0 = 9603.6 for e = 0.01; with N = 20: 9603.6 / (1 + 9602.6/20) = 19.96 → 20
    assert sample_size(0.01, 0.95, 0.5, 20) == 20


def test_sample_size_rejects_bad_margin() -> None:
    with pytest.raises(ValueError):
        sample_size(0.0)
