"""Screenshots of every workbench page into docs/ (headless Chromium, the token on).

    .venv/bin/python scripts/workbench-screenshots.py

Needs Debian's chromium, chromium-driver and fonts-noto-cjk, and the test extras (selenium).
Pages: login, open a case, the first question of an empty case, a question in the middle of
the interview (a measure to add, the checklist beside it), a case the rules cannot pass yet,
the whole record to edit (with a message beside a field), results and documents, the review
with its report, and a bad upload.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.service.server import running_server  # noqa: E402
from tests.workbench.browser import chromium  # noqa: E402
from tests.workbench.judge import sample  # noqa: E402

TOKEN = "screenshot-token"
DOCS = ROOT / "docs"


def shot(driver, name: str, height: int | None = None) -> None:  # type: ignore[no-untyped-def]
    total = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(height or total, 700), 2400))
    driver.save_screenshot(str(DOCS / f"workbench-{name}.png"))
    driver.set_window_size(1400, 1000)
    print(f"docs/workbench-{name}.png")


def wait(driver, element_id: str):  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", element_id))[0]
    except Exception:
        driver.save_screenshot(str(Path(tempfile.gettempdir()) / "termination-shot-failed.png"))
        raise


def main() -> None:
    from selenium.webdriver.support.ui import Select

    tmp = Path(tempfile.mkdtemp(prefix="termination-shots-"))
    with running_server(workers=1, env={"TERMINATION_TOKEN": TOKEN}) as base, chromium(tmp) as d:
        d.get(base + "/")
        shot(d, "login", 700)
        d.find_element("id", "token").send_keys(TOKEN)
        d.find_element("css selector", "form[action='/login'] button").click()
        shot(d, "home", 900)
        d.find_element("id", "start-empty").click()
        shot(d, "empty-case", 800)
        # half-way through an interview: open a sample with its measures removed, answer two questions
        truth = sample("01-compliant-person")
        partial = {k: v for k, v in truth.items() if k not in ("measures", "interview", "approval")}
        d.get(base + "/")
        d.find_element("id", "paste").send_keys(json.dumps(partial, ensure_ascii=False))
        d.find_element("id", "paste-button").click()
        shot(d, "interview", 1100)
        # a case that cannot pass yet, with a question set aside
        d.get(base + "/")
        Select(d.find_element("id", "sample")).select_by_value("16-dishonest-grounds-unassessed")
        d.find_element("id", "open-sample").click()
        d.find_element("id", "skip").click()
        import time

        time.sleep(0.5)
        shot(d, "not-ready", 1100)
        # the edit page with a wrong date
        d.find_element("id", "nav-edit").click()
        field = d.find_element("id", "f-filing_date")
        d.execute_script("arguments[0].type='text'; arguments[0].value='2024-02-30'", field)
        d.find_element("id", "save").click()
        shot(d, "edit", 1300)
        # results of the compliant sample
        d.get(base + "/")
        Select(d.find_element("id", "sample")).select_by_value("01-compliant-person")
        d.find_element("id", "open-sample").click()
        wait(d, "to-results").click()
        shot(d, "results", 1500)
        # the reviewer
        lines = []
        for name in ("01-compliant-person", "02-compliant-organisation", "04-no-consumption-restriction",
                     "16-dishonest-grounds-unassessed", "08-applicant-not-interviewed"):
            lines.append(json.dumps(sample(name), ensure_ascii=False))
        batch = tmp / "cases.jsonl"
        batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        d.get(base + "/review")
        d.find_element("id", "batch").send_keys(str(batch))
        d.find_element("id", "sample").send_keys("5")
        d.find_element("id", "seed").send_keys("7")
        d.find_element("id", "run-review").click()
        shot(d, "review", 1400)
        # a bad upload
        bad = tmp / "bad.json"
        bad.write_text(json.dumps({**truth, "filing_date": "2024-13-01", "claim": {"claim_types": ["money"]}},
                                  ensure_ascii=False), encoding="utf-8")
        d.get(base + "/")
        d.find_element("id", "upload-file").send_keys(str(bad))
        d.find_element("id", "upload-button").click()
        shot(d, "bad-upload", 900)


if __name__ == "__main__":
    main()
