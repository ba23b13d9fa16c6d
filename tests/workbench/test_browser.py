"""The workbench in a real browser: headless Chromium (Debian chromium + chromium-driver) with the token on.

One live server (``termination serve`` in a subprocess, ``TERMINATION_TOKEN`` set) and one
browser serve every test of this module. Without Chromium the tests fail with the command that
installs it (``.ci/run`` runs it); they never skip.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from tests.service.server import running_server
from tests.workbench.browser import BrowserMissing, binaries, chromium, wait_for_file
from tests.workbench.conftest import Session, make
from tests.workbench.judge import known, sample, value_at
from tests.workbench.test_pages import interview

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "browser-test-token-42"
REVIEW_DATA = ROOT / "tests" / "review" / "data"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    try:
        binaries()
    except BrowserMissing as exc:
        pytest.fail(str(exc))  # never a silent skip
    with running_server(workers=1, env={"TERMINATION_TOKEN": TOKEN}) as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    downloads = tmp_path_factory.mktemp("downloads")
    with chromium(downloads) as driver:
        driver.downloads = downloads
        driver.get(server + "/")
        assert driver.current_url.endswith("/login")  # the token is on: the pages ask for it
        driver.find_element("id", "token").send_keys(TOKEN)
        driver.find_element("css selector", "form[action='/login'] button").click()
        _wait(driver, lambda d: d.current_url.rstrip("/") == server)
        yield driver


def _wait(driver: Any, condition: Any, timeout: float = 10.0) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)


def _clear(folder: Path) -> None:
    for p in folder.iterdir():
        p.unlink()


def test_a_sample_to_a_downloaded_ruling_that_word_opens(browser: Any, server: str) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    Select(browser.find_element("id", "sample")).select_by_value("01-compliant-person")
    browser.find_element("id", "open-sample").click()
    _wait(browser, lambda d: d.find_elements("id", "ready"))
    browser.find_element("id", "to-results").click()
    _wait(browser, lambda d: d.find_elements("id", "download-ruling"))
    assert "可以终本" in browser.find_element("id", "checklist").text
    assert "执行裁定书" in browser.find_element("id", "preview").text
    _clear(browser.downloads)
    browser.find_element("id", "download-ruling").click()
    path = wait_for_file(browser.downloads, ".docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "（2024）京0105执12345号" in text and "终结本次执行程序" in text and "草稿" not in text


def _fill(browser: Any, truth: dict[str, Any]) -> str:
    """Fill the question on the page from the sample's facts; the button to press (skip when the sample
    does not know them, more when it holds one more item of the same list)."""
    from selenium.webdriver.support.ui import Select

    form = browser.find_element("id", "answer-form")
    key = browser.find_element("id", "question").get_attribute("data-key")
    fields = form.find_elements("css selector", ".field[data-path]")
    paths = [f.get_attribute("data-path") for f in fields]
    more = False
    if key.endswith("+"):  # one more item: does the sample have it, and another after it?
        parent = key[:-1]
        index = int(paths[0][len(parent) + 1:].split(".", 1)[0])
        if value_at(truth, f"{parent}.{index}") is None:
            return "skip"
        more = value_at(truth, f"{parent}.{index + 1}") is not None
    elif known(truth, key) is None:
        return "skip"
    for field, path in zip(fields, paths, strict=True):
        value = known(truth, path)
        if value is None:
            continue
        name = "v:" + path
        boxes = field.find_elements("css selector",
                                    f"input[name='{name}'][type=checkbox], input[name='{name}'][type=radio]")
        if boxes:
            wanted = {str(v) for v in value} if isinstance(value, list) else {
                "true" if value is True else "false" if value is False else str(value)}
            for box in boxes:
                if (box.get_attribute("value") in wanted) != box.is_selected():
                    box.click()
            continue
        selects = field.find_elements("css selector", "select")
        if selects:
            Select(selects[0]).select_by_value(str(value))
            continue
        element = field.find_element("css selector", "input, textarea")
        text = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
        if element.get_attribute("type") == "date":
            browser.execute_script("arguments[0].value = arguments[1]", element, text)
        else:
            element.clear()
            element.send_keys(text)
    return "more" if more else "answer"


def test_an_empty_case_through_the_interview_to_ready(browser: Any, server: str) -> None:
    truth = sample("01-compliant-person")
    browser.get(server + "/")
    browser.find_element("id", "start-empty").click()
    _wait(browser, lambda d: d.find_elements("id", "question"))
    asked = []
    while not browser.find_elements("id", "ready"):
        assert len(asked) < 60, f"not ready after {len(asked)} questions"
        question = browser.find_element("id", "question")
        asked.append(question.get_attribute("data-key"))
        browser.find_element("id", _fill(browser, truth)).click()
        _wait(browser, lambda d, q=question: _stale(q))
        assert not browser.find_elements("css selector", ".field.invalid"), asked[-1]
    with make() as client:  # the same judge in process asks the same questions in the same order
        session = Session(client)
        session.get("/")
        session.post("/case/open", {"source": "empty"})
        assert asked == interview(session, truth)
    assert len(asked) <= 30
    checklist = browser.find_element("id", "checklist").text
    assert "可以终本" in checklist and "不符合 0" in checklist and "待补充" in checklist
    assert json.loads(browser.find_element("name", "draft").get_attribute("value"))["court"] == truth["court"]


def _stale(element: Any) -> bool:
    from selenium.common.exceptions import StaleElementReferenceException

    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True


def test_a_bad_upload_gives_a_clear_message(browser: Any, server: str, tmp_path: Path) -> None:
    bad = tmp_path / "案件.json"
    bad.write_text(json.dumps({**sample("01-compliant-person"), "filing_date": "2024-02-30"}, ensure_ascii=False),
                   encoding="gb18030")
    browser.get(server + "/")
    browser.find_element("id", "upload-file").send_keys(str(bad))
    browser.find_element("id", "upload-button").click()
    alert = _wait(browser, lambda d: d.find_elements("css selector", ".alert"))[0].text
    assert "案件数据有误，未能打开" in alert
    assert "立案日期" in alert  # a GB18030 file is read like the command line reads it, and the field is named
    assert "Traceback" not in browser.page_source


def test_a_batch_review_in_the_browser(browser: Any, server: str, tmp_path: Path) -> None:
    def case(name: str) -> dict[str, Any]:
        return json.loads((ROOT / "corpus" / "cases" / f"{name}.json").read_text(encoding="utf-8"))

    lines = [{"case": case("01-compliant-person"), "ruling": "01-ruling.txt", "closed_on": "2024-06-28"}]
    lines += [case(n) for n in ("02-compliant-organisation", "04-no-consumption-restriction",
                                "16-dishonest-grounds-unassessed", "08-applicant-not-interviewed")]
    batch = tmp_path / "cases.jsonl"
    batch.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    browser.get(server + "/review")
    browser.find_element("id", "batch").send_keys(str(batch))
    browser.find_element("id", "rulings").send_keys(str(REVIEW_DATA / "01-ruling.txt"))
    browser.find_element("id", "sample").send_keys("5")
    browser.find_element("id", "seed").send_keys("7")
    browser.find_element("id", "run-review").click()
    rate = _wait(browser, lambda d: d.find_elements("id", "pass-rate"))[0].text
    assert rate == "40.0%" and browser.find_element("id", "reviewed").text == "5"
    _clear(browser.downloads)
    browser.find_element("id", "download-xlsx").click()
    book = openpyxl.load_workbook(io.BytesIO(wait_for_file(browser.downloads, ".xlsx").read_bytes()))
    assert book.sheetnames


def test_without_the_cookie_the_pages_ask_for_the_token(server: str, tmp_path: Path) -> None:
    with chromium(tmp_path) as other:  # a second browser, never logged in
        other.get(server + "/review")
        assert other.current_url.endswith("/login")
        other.find_element("id", "token").send_keys("wrong-token")
        other.find_element("css selector", "form[action='/login'] button").click()
        # the answer is a new page: wait for it rather than read the old one while it loads
        error = _wait(other, lambda d: d.find_elements("css selector", ".error"))[0]
        assert "访问令牌不正确" in error.text
