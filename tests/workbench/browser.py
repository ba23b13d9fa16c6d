"""Headless Chromium for the browser tests and the screenshots (Debian ``chromium`` + ``chromium-driver``).

:func:`chromium` fails with the command that installs the browser when it is missing: the
browser tests never skip. ``.ci/run`` installs both packages on a machine that lacks them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

INSTALL = "apt-get install -y chromium chromium-driver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=zh-CN")


class BrowserMissing(RuntimeError):
    """Chromium or its driver is not installed."""


def binaries() -> tuple[str, str]:
    """The Chromium and chromedriver executables (``TERMINATION_CHROMIUM`` / ``TERMINATION_CHROMEDRIVER`` override)."""
    browser = os.environ.get("TERMINATION_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("TERMINATION_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        missing = "Chromium" if not browser else "chromedriver"
        raise BrowserMissing(f"{missing} not found: the browser tests need Debian's chromium and chromium-driver "
                             f"({INSTALL}; .ci/run does this)")
    return browser, driver


@contextmanager
def chromium(downloads: Path, width: int = 1400, height: int = 1000) -> Iterator[Any]:
    """A headless Chromium (selenium WebDriver) with a fresh profile, downloading into ``downloads``."""
    browser, driver_path = binaries()
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for a driver online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.TemporaryDirectory(prefix="termination-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile.name}")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False,
                                              "intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()
        profile.cleanup()


def wait_for_file(folder: Path, suffix: str, timeout: float = 10.0) -> Path:
    """The first finished download ending in ``suffix``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done and not any(p.name.endswith(".crdownload") for p in folder.iterdir()):
            return done[0]
        time.sleep(0.05)
    raise AssertionError(f"no {suffix} downloaded into {folder} within {timeout} s: {sorted(os.listdir(folder))}")
