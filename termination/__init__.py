"""termination — rules-as-code for 终结本次执行程序 (终本).

Importing the package is cheap: rules, templates and the jieba dictionary load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["CaseRecord", "Decision", "TerminationError", "__version__", "check", "load_case", "rules_in_force"]

if TYPE_CHECKING:
    from termination.case import CaseRecord
    from termination.decide import check, rules_in_force
    from termination.decision import Decision
    from termination.errors import TerminationError
    from termination.io import load_case

_LAZY = {
    "CaseRecord": "termination.case",
    "Decision": "termination.decision",
    "TerminationError": "termination.errors",
    "check": "termination.decide",
    "rules_in_force": "termination.decide",
    "load_case": "termination.io",
}


def __getattr__(name: str) -> Any:
    """Import public names on first access, so ``import termination`` stays fast."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'termination' has no attribute {name!r}")
