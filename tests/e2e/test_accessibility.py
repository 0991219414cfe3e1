"""The pages checked by axe-core in real chromium against WCAG 2.1 A and AA, in English and in Arabic.

axe-core's script is the one the PyPI package axe-playwright-python ships; it runs inside each
page with the rules tagged wcag2a, wcag2aa, wcag21a and wcag21aa, plus axe's best practices
(landmarks, heading order, unique landmark names...). Every violation fails the test, printed with
its rule, impact, page and target selectors; so does an ARIA reference to an element that is not
on the page (axe reports those only as "needs review": a script might add the element later, and
none of ours does).

The public site is read by a visitor; the review module by the secretariat and by people holding
a verified session (password and second factor), one browser context per person and language,
the language chosen by the cookie that the language form of every page sets. Each page is opened
in English and in Arabic, and axe runs in both at once (the file takes about a minute).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import Browser, Page

from revmod.findings.domain.feedback import open_feedback
from revmod.findings.enums import ItemKind
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.responses import open_response
from revmod.reviews.domain.steps import clear_output, step_of
from revmod.reviews.enums import StepKind
from tests.conftest import verified_login
from tests.dialogues.conftest import announce
from tests.followup.conftest import finalized_list, item
from tests.reviews.test_workflow import consult, write_all
from tests.support.browser import DEFAULT_TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": RULE_TAGS}, "resultTypes": ["violations", "incomplete"]}
LANGUAGES = ("en", "ar")
MISSING_ID = "aria-valid-attr-value"  # incomplete when an aria-describedby/-labelledby id is not on the page


@dataclass
class Finding:
    page: str
    rule: str
    impact: str
    help: str
    targets: list[str]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) on {self.page}: {self.help}\n    " + "\n    ".join(self.targets)


def findings(results: dict, page: str) -> list[Finding]:
    """The violations, and the ARIA references to missing elements, of one axe run."""
    kept = results["violations"] + [r for r in results["incomplete"] if r["id"] == MISSING_ID]
    return [Finding(page, r["id"], r["impact"], r["help"], [" ".join(map(str, n["target"])) for n in r["nodes"]])
            for r in kept]


def assert_none(found: list[Finding]) -> None:
    rules = sorted({f.rule for f in found})
    assert not found, f"{len(found)} accessibility violations ({', '.join(rules)}):\n" + "\n".join(map(str, found))


# axe skips text it takes for an icon font's ligature (a glyph that differs from its first letter
# drawn alone), and once three texts of a font look so, every text of that font: Arabic letters
# join, so on an Arabic page the contrast rule checked nothing. The site uses no icon font: every
# font is declared a text font before each run (axe's per-run font cache, `axe._cache`).
NO_ICON_FONTS = "axe._cache.set('fonts', new Proxy({}, {get: () => ({occurrences: Infinity, numLigatures: 0})}));"


def start_axe(page: Page) -> None:
    """Start axe on the page without waiting for it, so the other language's page runs meanwhile."""
    page.evaluate(f"options => {{ {NO_ICON_FONTS} window.revmodAxe = axe.run(document, options); }}", AXE_OPTIONS)


def axe_results(page: Page) -> dict:
    return page.evaluate("() => window.revmodAxe")


def open_in(page: Page, url: str, language: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, "rtl" if language == "ar" else "ltr"), url


class Reader:
    """One person reading pages in English and in Arabic, one browser context per language."""

    def __init__(self, browser: Browser, live_server, client: Client | None = None):
        self.base, self.pages, self.rules_run = live_server.url, {}, 0
        for language in LANGUAGES:
            context = browser.new_context(locale="en-GB", timezone_id="UTC", viewport={"width": 1280, "height": 900})
            context.set_default_timeout(DEFAULT_TIMEOUT_MS)
            context.add_init_script(script=AXE_SCRIPT)
            cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": self.base}]
            if client is not None:
                cookies.append({"name": settings.SESSION_COOKIE_NAME, "url": self.base,
                                "value": client.cookies[settings.SESSION_COOKIE_NAME].value})
            context.add_cookies(cookies)
            self.pages[language] = context.new_page()

    def check(self, paths: list[str], found: list[Finding], *, public: bool = False) -> None:
        """Open each path in both languages (public pages by ?lang=, as they link), then run axe on them."""
        for path in paths:
            for language, page in self.pages.items():
                open_in(page, f"{self.base}{path}?lang={language}" if public else self.base + path, language)
            self.axe(found, path)

    def axe(self, found: list[Finding], label: str) -> None:
        """Run axe on the pages as they are now (after a form was sent, say)."""
        for page in self.pages.values():
            start_axe(page)
        for language, page in self.pages.items():
            results = axe_results(page)
            self.rules_run = max(self.rules_run, sum(len(results[k]) for k in ("passes", "violations", "incomplete",
                                                                                 "inapplicable")))
            found += findings(results, f"{label} [{language}]")

    def close(self) -> None:
        for page in self.pages.values():
            page.context.close()


@pytest.fixture
def readers(browser, live_server):
    """`readers(client=None)`: a Reader (with that client's session), closed at the end of the test."""
    opened: list[Reader] = []

    def reader(client: Client | None = None) -> Reader:
        opened.append(Reader(browser, live_server, client))
        return opened[-1]

    yield reader
    for each in opened:
        each.close()


@pytest.fixture
def public_site(reference_data, cast, cast_review):
    """Ghana's review at the questionnaire; the public pages computed afresh."""
    cache.clear()
    consult(cast_review, cast["secretariat"])
    yield
    cache.clear()


def test_axe_reports_a_regression_on_a_real_page(public_site, readers):
    """The check itself: an unlabelled field, pale Arabic text and a dangling aria-describedby are reported."""
    visitor, found = readers(), []
    visitor.check(["/"], found, public=True)
    assert found == []
    for page in visitor.pages.values():
        page.evaluate("""() => { const main = document.querySelector('main');
            main.append(document.createElement('input'));
            const pale = document.createElement('p'); pale.textContent = 'نص شاحب'; pale.style.color = '#ccc'; main.append(pale);
            const described = document.createElement('span'); described.textContent = 'described';
            described.setAttribute('aria-describedby', 'nowhere'); main.append(described); }""")
    visitor.axe(found, "/ with a regression")
    assert {(f.rule, f.page.split()[-1]) for f in found} == {
        (rule, language) for rule in ("color-contrast", "label", MISSING_ID) for language in ("[ar]", "[en]")}
    print(f"\n{visitor.rules_run} axe rules run on each page")


def test_the_public_pages_pass_axe(public_site, readers):
    started, found = time.monotonic(), []
    readers().check(["/", "/countries/", "/countries/GHA/", "/draw/", "/open-data/"], found, public=True)
    print(f"\npublic pages checked in {time.monotonic() - started:.1f} s")
    assert_none(found)


def test_the_login_and_second_factor_pages_pass_axe_also_with_errors(reference_data, cast, readers):
    found: list[Finding] = []
    visitor = readers()
    visitor.check(["/accounts/login/"], found)
    for page in visitor.pages.values():
        page.locator("#id_username").fill(cast["fp.reviewed"].email)
        page.locator("#id_password").fill("not the password")
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()
        assert page.get_by_role("alert").count() == 1
    visitor.axe(found, "/accounts/login/ refused")

    half_logged_in = Client()
    half_logged_in.force_login(cast["fp.reviewed"])  # password given, second factor not yet
    pending = readers(half_logged_in)
    pending.check(["/accounts/verify/"], found)
    for page in pending.pages.values():
        page.locator("main input[name=token]").fill("000000")
        with page.expect_navigation():
            page.locator("main button[type=submit]").click()
        assert page.locator("main .errorlist").count() >= 1
    pending.axe(found, "/accounts/verify/ refused")
    assert_none(found)


@pytest.fixture
def mechanism(reference_data, cast, cast_review, unrelated_review):
    """Ghana's review at the written feedback (its answers written as documents and cleared), Mexico's
    questionnaire open for answering, a constructive dialogue announced, Ghana's finalized TIP list."""
    phase = consult(cast_review, cast["secretariat"])
    saq = step_of(phase, StepKind.SAQ)
    write_all(saq, cast["expert.reviewed"], text="<p>Ghana's answer.</p>")
    clear_output(saq, actor=cast["fp.reviewed"])
    feedback = next(f for f in open_feedback(phase) if f.instrument_id == "UNTOC")
    load_questionnaires()  # after Ghana's answers were written as documents: Mexico answers in the questionnaire
    mexico_saq = step_of(consult(unrelated_review, cast["secretariat"]), StepKind.SAQ)
    answers = open_response(mexico_saq, instrument_id="UNTOC", actor=cast["fp.unrelated"])
    announce(cast["secretariat"])
    tip = finalized_list(cast_review, "TIP")
    need = item(tip, ItemKind.TA_NEED, "Training of labour inspectors to identify victims", 6, 9)
    item(tip, ItemKind.RECOMMENDATION, "Criminalize attempt to commit trafficking", 5)
    return {"review": cast_review, "document": saq.documents.get(instrument_id="UNTOC"), "feedback": feedback,
            "answers": answers, "record": need}


def test_the_pages_of_signed_in_people_pass_axe(mechanism, cast, readers):
    started, found = time.monotonic(), []
    review = f"/reviews/{mechanism['review'].pk}/"
    pages = {
        "secretariat": ["/reviews/", review, f"/documents/{mechanism['document'].pk}/", "/notifications/",
                        "/reports/", "/dialogues/", "/followup/", f"/followup/records/{mechanism['record'].pk}/",
                        "/parties/", "/parties/GHA/", "/accounts/profile/", "/audit/"],
        "fp.reviewer1": ["/reviews/", review, "/notifications/"],  # may clear the written feedback
        "expert.reviewer1": [f"/findings/feedback/{mechanism['feedback'].pk}/"],  # writes it
        "fp.unrelated": [f"/questionnaires/{mechanism['answers'].pk}/"],  # answers Mexico's questionnaire
    }
    for person, paths in pages.items():
        readers(verified_login(Client(), cast[person], password_confirmed=True)).check(paths, found)
    print(f"\nsigned-in pages checked in {time.monotonic() - started:.1f} s")
    assert_none(found)
