"""Build hook: a wheel carries the top-level data folders inside the package.

Everything else is in pyproject.toml. ``rulesets/``, ``templates/``, ``corpus/`` and ``schemas/``
stay at the top of the repository; a non-editable build copies them to
``termination/_data/`` where :mod:`termination.paths` finds them. Editable installs read the
folders in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = ("rulesets", "templates", "corpus", "schemas")  # = termination.paths.DATA_FOLDERS


class BuildPyWithData(build_py):
    """build_py, then copy the data folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "termination" / "_data"
        for name in DATA_FOLDERS:
            shutil.copytree(HERE / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildPyWithData})
