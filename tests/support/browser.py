"""A real browser for the end-to-end tests: Debian's chromium driven by Playwright.

`browser` is one chromium for the whole session; `page` is a fresh page in a fresh context
(own cookies and storage) for each test. Playwright's own browser downloads are not used:
it launches the system chromium (REVMOD_CHROMIUM, default /usr/bin/chromium).

Without chromium the e2e tests are skipped with a message, except under CI (CI=true) or
REVMOD_REQUIRE_BROWSER=1, where they fail: the browser journeys must run in CI.

A test that fails leaves a screenshot, and the page's JavaScript errors are in
`page_errors`; screenshots go to $REVMOD_TEST_ARTIFACTS if set, else to the test's tmp_path.
Override the `browser_context_args` fixture to change the context (locale, viewport...).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in the test's thread; Django would then refuse
# ORM calls from the test ("You cannot call this from an async context"). The test code is
# synchronous: the check does not apply (pytest-playwright documents the same setting).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DEFAULT_TIMEOUT_MS = 15_000

__all__ = ["browser", "browser_context_args", "chromium_path", "page", "page_errors"]


def chromium_path() -> str | None:
    candidate = os.environ.get("REVMOD_CHROMIUM") or "/usr/bin/chromium"
    if os.path.exists(candidate):
        return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browser_required() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or os.environ.get("REVMOD_REQUIRE_BROWSER", "") in {
        "1",
        "true",
        "yes",
    }


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item, for the screenshot on failure.
    report = yield
    setattr(item, f"_revmod_rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session (Playwright sync API)."""
    executable = chromium_path()
    if executable is None:
        message = "chromium not found (apt-get install chromium, or set REVMOD_CHROMIUM)"
        if _browser_required():
            pytest.fail(message + ": the browser tests must run under CI", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def browser_context_args() -> dict:
    """Options for each test's browser context; override in a conftest or a test module."""
    return {"locale": "en-GB", "timezone_id": "UTC", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def page_errors() -> list[str]:
    """JavaScript errors and console errors seen by `page` during the test."""
    return []


@pytest.fixture
def page(browser, browser_context_args, page_errors, request, tmp_path):
    """A fresh page in a fresh context (no cookies shared between tests)."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(**browser_context_args)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    new_page = context.new_page()
    new_page.on("pageerror", lambda error: page_errors.append(f"pageerror: {error}"))
    new_page.on(
        "console",
        lambda msg: page_errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    try:
        yield new_page
    finally:
        report = getattr(request.node, "_revmod_rep_call", None)
        if report is not None and report.failed:
            folder = Path(os.environ.get("REVMOD_TEST_ARTIFACTS") or tmp_path)
            folder.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:] + ".png"
            try:
                new_page.screenshot(path=str(folder / name), full_page=True)
                print(f"\nscreenshot of the failed page: {folder / name}")
                if page_errors:
                    print("page errors:\n  " + "\n  ".join(page_errors))
            except PlaywrightError as error:  # the page may be gone; the failure is what matters
                print(f"\n(no screenshot: {error})")
        context.close()
