"""Proportional allocation (largest remainder) and the seeded bottom-k selection."""

from __future__ import annotations

import random
from collections import Counter

from termination.review.sampling import Selector, allocate, select, total_size


def test_allocation_exact_proportions() -> None:
    # 10 · 50/100 = 5, 10 · 30/100 = 3, 10 · 20/100 = 2
    assert allocate({"甲": 50, "乙": 30, "丙": 20}, 10) == {"甲": 5, "乙": 3, "丙": 2}


def test_allocation_largest_remainder_tie_goes_to_larger_stratum() -> None:
    # quotas 3.5, 1.0, 0.5 → floors 3, 1, 0; one unit left; remainders 0.5 (甲) and 0.5 (丙) tie
    # → the larger stratum 甲 gets it
    assert allocate({"甲": 7, "乙": 2, "丙": 1}, 5) == {"甲": 4, "乙": 1, "丙": 0}


def test_allocation_tie_between_equal_strata_goes_by_name() -> None:
    # quotas 2/3 each → floors 0; two units to the first two names in sort order
    assert allocate({"c": 1, "a": 1, "b": 1}, 2) == {"a": 1, "b": 1, "c": 0}


def test_allocation_largest_remainder_wins_over_size() -> None:
    # quotas: 6 · 11/20 = 3.3, 6 · 9/20 = 2.7 → floors 3, 2; the unit goes to the remainder 0.7
    assert allocate({"大": 11, "小": 9}, 6) == {"大": 3, "小": 3}


def test_total_size_for_rate_rounds_half_up() -> None:
    assert total_size(25, rate=0.1) == 3  # 2.5 → 3
    assert total_size(24, rate=0.1) == 2  # 2.4 → 2
    assert total_size(35, rate=0.1) == 4  # 3.5 → 4 (no float surprise: 0.1 is taken as a decimal)


def test_total_size_caps_at_population() -> None:
    assert total_size(7, sample=10) == 7
    assert total_size(7) == 7


def test_selection_is_the_k_smallest_keys_of_the_seeded_stream() -> None:
    rng = random.Random(42)
    keys = [rng.random() for _ in range(50)]
    expected = sorted(sorted(range(50), key=lambda i: keys[i])[:7])
    assert select(((i, "全部") for i in range(50)), seed=42, sizes={"全部": 7}) == expected


def test_same_seed_same_sample_different_seed_different() -> None:
    items = [(i, "全部") for i in range(1000)]
    a = select(items, seed=2024, sizes={"全部": 30})
    b = select(items, seed=2024, sizes={"全部": 30})
    c = select(items, seed=2025, sizes={"全部": 30})
    assert a == b
    assert a != c
    assert len(a) == len(c) == 30


def test_invalid_lines_consume_their_key_but_are_never_chosen() -> None:
    # lines 0…9 with line 3 invalid: the valid lines keep the keys they would have anyway
    rng = random.Random(7)
    keys = [rng.random() for _ in range(10)]
    valid = [i for i in range(10) if i != 3]
    expected = sorted(sorted(valid, key=lambda i: keys[i])[:4])
    chosen = select(((i, None if i == 3 else "全部") for i in range(10)), seed=7, sizes={"全部": 4})
    assert chosen == expected


def test_per_stratum_sizes_are_respected() -> None:
    items = [(i, "甲" if i % 4 else "乙") for i in range(400)]  # 300 甲, 100 乙
    sel = Selector(5, {"甲": 9, "乙": 3})
    for pos, stratum in items:
        sel.offer(pos, stratum, payload=pos * 10)
    chosen = sel.selected()
    assert Counter(s for _, _, s in chosen) == {"甲": 9, "乙": 3}
    assert all(payload == pos * 10 for pos, payload, _ in chosen)
    assert [p for p, _, _ in chosen] == sorted(p for p, _, _ in chosen)


def test_selection_is_uniform_over_seeds() -> None:
    # each of 20 items should be chosen in k/N = 1/4 of 4000 draws: 1000 ± 5σ (σ = √(4000·¼·¾) ≈ 27.4)
    hits: Counter[int] = Counter()
    for seed in range(4000):
        hits.update(select(((i, "全部") for i in range(20)), seed=seed, sizes={"全部": 5}))
    assert all(abs(hits[i] - 1000) < 137 for i in range(20)), hits
