"""In a real browser: ask for a translation, watch the page follow the background task by itself."""

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from revmod.documents.domain import save_version
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.conftest import verified_login
from tests.reviews.test_workflow import consult

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_progress_page_refreshes_until_the_unofficial_text_shows(
        reference_data, apertium, cast, cast_review, settings, live_server, page):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    document = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="UNTOC")
    save_version(document, body="<p>The house is big.</p><p>The report is ready.</p>", base_version=0,
                 actor=cast["expert.reviewed"])
    session = verified_login(Client(), cast["expert.reviewer1"], password_confirmed=True).cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])

    page.goto(f"{live_server.url}/translations/documents/{document.pk}/v1/")
    page.get_by_label("The text is in").select_option("en")
    page.get_by_label("Translate into").select_option("es")
    with page.expect_navigation():
        page.get_by_role("button", name="Translate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unofficial machine translation")
    expect(page.get_by_label("Progress")).to_be_visible()
    expect(page.get_by_text("waiting to run")).to_be_visible()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)   # the background worker
    body = page.locator(".doc-body")
    expect(body).to_have_text("La casa es grande.El informe está a punto.", timeout=10_000)
    assert body.locator("p").count() == 2
    expect(page.get_by_label("Progress")).to_have_count(0)
    page.get_by_role("link", name="version 1 of the self-assessment questionnaire answers").click()
    expect(page).to_have_url(f"{live_server.url}/documents/{document.pk}/v1/")
