"""The vendored library is the pinned release with its license, and the package ships it."""

from __future__ import annotations

import hashlib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "termination" / "workbench" / "static"


def test_htmx_is_the_pinned_release_with_its_license() -> None:
    digest = hashlib.sha256((STATIC / "htmx.min.js").read_bytes()).hexdigest()
    assert digest == "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"  # htmx.org 2.0.11
    assert (STATIC / "htmx.LICENSE.txt").read_text(encoding="utf-8").startswith("Zero-Clause BSD")
    assert "2.0.11" in (STATIC / "README.md").read_text(encoding="utf-8")


def test_the_style_sheet_loads_nothing_from_elsewhere() -> None:
    css = (STATIC / "workbench.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css
