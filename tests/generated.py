"""bench/generate.py — the generator of realistic records the benchmarks use — loaded for the tests.

bench/ is not a package, so it is loaded from its file, once per test session.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


@cache
def generator() -> ModuleType:
    """The module bench/generate.py (``generate``, ``mutate``, ``_templates``, ``COMPLIANT`` …)."""
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_generate", module)
    spec.loader.exec_module(module)
    return module
