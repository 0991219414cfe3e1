"""The answering page in real chromium: autosave, follow-ups appearing, a colleague's newer answer kept.

The people are logged in by handing the browser a verified session (the login pages have their
own journey in tests/e2e); everything after that goes through the page and its script.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.domain.responses import open_response
from revmod.questionnaires.models import Answer
from revmod.reference.domain import load_instruments, load_parties
from revmod.reference.models import Party
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.conftest import verified_login
from tests.reviews.test_workflow import consult
from tests.support.browser import DEFAULT_TIMEOUT_MS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reference_data(transactional_db):
    """The reference data, loaded again if an earlier transactional test flushed it."""
    if not Party.objects.exists():
        load_instruments()
        load_parties()
    load_questionnaires()


@pytest.fixture
def contexts():
    """The browser contexts a test opens, closed at its end (no request left running)."""
    opened: list = []
    yield opened
    for context in opened:
        context.close()


def browser_as(browser, live_server, person, errors: list[str], contexts: list):
    """A page of a fresh context holding `person`'s verified session."""
    client = verified_login(Client(), person, password_confirmed=True)
    context = browser.new_context(locale="en-GB", timezone_id="UTC")
    contexts.append(context)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{person.email}: {error}"))
    return page


def test_autosave_follow_ups_and_a_conflict_in_the_browser(reference_data, cast, cast_review, browser, live_server, contexts):
    saq = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ)
    untoc = open_response(saq, instrument_id="UNTOC", actor=cast["expert.reviewed"])
    questions = questions_of(untoc)
    narrative = questions[0]  # 2.1
    choice = next(q for q in questions if q.kind == "yes_no_partly" and q.follow_ups.exists())
    follow_up = choice.follow_ups.first()
    errors: list[str] = []
    url = f"{live_server.url}/questionnaires/{untoc.pk}/"
    expert = browser_as(browser, live_server, cast["expert.reviewed"], errors, contexts)
    focal_point = browser_as(browser, live_server, cast["fp.reviewed"], errors, contexts)
    expert.goto(url)
    focal_point.goto(url)  # loaded before the expert saves: its answer 2.1 is at revision 0

    # Typing saves by itself; the progress follows.
    expert.locator(f"#f{narrative.pk}text").fill("Defined in the Criminal Offences Act, s. 1.")
    expect(expert.locator(f"#q{narrative.pk} .st")).to_have_text("Saved")
    expect(expert.locator("#qn-progress .qn-answered")).to_have_text("1")
    assert Answer.objects.get(response=untoc, question=narrative).value == {"text": "Defined in the Criminal Offences Act, s. 1."}

    # The follow-up appears only for the answers that call for it.
    section = expert.locator(f"#q{follow_up.pk}")
    expect(section).to_be_hidden()
    expert.locator(f"#q{choice.pk} input[name=choice][value=yes]").check()
    expect(section).to_be_visible()
    expect(expert.locator(f"#q{choice.pk} .st")).to_have_text("Saved")
    expert.locator(f"#q{choice.pk} input[name=choice][value=no]").check()
    expect(section).to_be_hidden()

    # The focal point, on an older page, writes the same answer: the expert's is kept and shown.
    focal_point.locator(f"#f{narrative.pk}text").fill("Stale text.")
    alert = focal_point.locator(f"#q{narrative.pk} [role=alert]")
    expect(alert).to_contain_text("saved a newer answer")
    expect(alert).to_contain_text("Defined in the Criminal Offences Act, s. 1.")
    assert Answer.objects.get(response=untoc, question=narrative).value["text"] == "Defined in the Criminal Offences Act, s. 1."
    alert.get_by_role("button", name="Take theirs").click()
    expect(focal_point.locator(f"#f{narrative.pk}text")).to_have_value("Defined in the Criminal Offences Act, s. 1.")
    focal_point.locator(f"#f{narrative.pk}text").fill("Defined in the Act, s. 1, as amended.")
    expect(focal_point.locator(f"#q{narrative.pk} .st")).to_have_text("Saved")
    assert Answer.objects.get(response=untoc, question=narrative).revision == 2

    # With the connection lost, the text stays on the page and goes when the connection is back.
    explanation = expert.locator(f"#f{choice.pk}explanation")
    expert.context.set_offline(True)
    explanation.fill("No offence of that kind yet; a bill is before parliament.")
    expect(expert.locator(f"#q{choice.pk} .st")).to_contain_text("Not saved")
    expert.context.set_offline(False)
    expect(expert.locator(f"#q{choice.pk} .st")).to_have_text("Saved")
    assert Answer.objects.get(response=untoc, question=choice).value == {
        "choice": "no", "explanation": "No offence of that kind yet; a bill is before parliament."}
    assert errors == []
