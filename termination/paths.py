"""Where the package finds its data: ``rulesets/``, ``templates/``, ``corpus/`` and ``schemas/``.

In a source checkout (and an editable install) these are the top-level folders of the
repository, beside the ``termination/`` package; that layout is fixed. A built wheel carries
copies of them in ``termination/_data/`` (``setup.py`` copies them at build time), so a
non-editable install works from any folder. Every module asks here; none climbs
``Path(__file__).parents`` itself.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: the data folders a wheel bundles (setup.py reads this tuple)
DATA_FOLDERS = ("rulesets", "templates", "corpus", "schemas")


def _root() -> Path:
    bundled = PACKAGE / "_data"
    return bundled if (bundled / "rulesets").is_dir() else PACKAGE.parent


#: the folder that holds rulesets/, templates/, corpus/ and schemas/
ROOT = _root()
RULESETS = ROOT / "rulesets"
TEMPLATES = ROOT / "templates"
CORPUS = ROOT / "corpus"
SCHEMAS = ROOT / "schemas"
