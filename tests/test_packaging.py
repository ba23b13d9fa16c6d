"""A non-editable install finds its data: rulesets, templates, corpus and schemas travel in the wheel.

Builds the wheel from a copy of the source (offline: ``--no-build-isolation`` with the test
environment's setuptools and wheel), unpacks it, and runs the check, the documents, the law
corpus, the glossary, the editions, the jieba dictionary and the OpenAPI file from another
folder with the unpacked wheel first on the path — the repository checkout is not consulted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ("termination", "rulesets", "templates", "corpus", "schemas", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")

PROBE = textwrap.dedent(
    """
    import json, sys
    from datetime import date
    from pathlib import Path
    import termination
    from termination import editions, glossary, law, paths
    from termination.analysis.segment import USER_DICT
    from termination.decide import check
    from termination.holidays.data import DATA_FILE
    from termination.io import load_case
    from termination.render import render_documents
    from termination.service.app import OPENAPI_PATH

    case = load_case(Path("case.json"))
    decision = check(case)
    docs = render_documents(case, decision, fmt="txt")
    print(json.dumps({
        "package": termination.__file__,
        "root": str(paths.ROOT),
        "ready": decision.ready,
        "ruling": docs["执行裁定书.txt"].decode("utf-8"),
        "law": law.documents(),
        "term": glossary.term("asset_categories", "pboc"),
        "article": editions.article("objection", date(2024, 1, 1)).number,
        "files": [p.is_file() for p in (USER_DICT, OPENAPI_PATH, DATA_FILE)],
    }, ensure_ascii=False))
    """
)


def test_wheel_install_runs_from_another_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for name in SOURCE:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, src / name)
    shutil.rmtree(src / "termination" / "_data", ignore_errors=True)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("termination-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        zf.extractall(site)
    assert "termination/_data/rulesets/sources.yaml" in names
    assert "termination/_data/templates/ruling.j2" in names
    assert "termination/_data/templates/web/interview.html.j2" in names  # the workbench's pages
    assert "termination/workbench/static/htmx.min.js" in names  # and its vendored library

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "corpus" / "cases" / "01-compliant-person.json", elsewhere / "case.json")
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-c", PROBE], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert Path(out["package"]).is_relative_to(site)
    assert Path(out["root"]) == site / "termination" / "_data"
    assert out["ready"] is True
    assert "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定" in out["ruling"]
    assert "zhongben-2016" in out["law"]
    assert (out["term"], out["article"], out["files"]) == ("人民银行", 236, [True, True, True])


def test_only_paths_locates_the_repository() -> None:
    """Data folders are found through termination.paths; no other module climbs from __file__."""
    climbers = sorted(
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "termination").rglob("*.py")
        if "Path(__file__)" in p.read_text(encoding="utf-8")
    )
    assert climbers == ["termination/paths.py"]
