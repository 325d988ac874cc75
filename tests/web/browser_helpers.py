"""What the browser tests share: Debian's chromium through playwright, logging in through the form,
screenshots under test-artifacts/web/ (and the check that a page fits 1366 px)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "service"))

from live_server import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "web"
WIDTH, HEIGHT = 1366, 768
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def expect(locator: Any) -> Any:
    # locator assertions poll without evaluating strings, which the pages' CSP (no 'unsafe-eval') forbids
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{name}: page is {width}px wide, scrolls sideways at {WIDTH}px"


def logged_in(browser: Any, url: str, name: str, password: str) -> Any:
    """A fresh 1366×768 page logged in through the login form."""
    ctx = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{url}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, page.content()[:2000]
    return page
