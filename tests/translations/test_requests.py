"""Requesting, following and reading an unofficial machine translation of a document version."""

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from revmod.audit.models import AuditEntry
from revmod.core.errors import Refused
from revmod.documents.domain import save_version
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from revmod.translations.domain import (request_translation, retry_translation, run_translation, translate_html,
                                       translate_plain_text)
from revmod.translations.enums import Failure, TranslationStatus
from revmod.translations.models import Translation
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration

SOURCE = ("<h3>The new law</h3><p>The government has <strong>adopted</strong> a new law.</p>"
          "<ul><li>The house is big.</li><li>The report is ready.</li></ul>")
SPANISH = ("<h3>La ley nueva</h3><p>El gobierno ha adoptado una ley nueva.</p>"
           "<ul><li>La casa es grande.</li><li>El informe está a punto.</li></ul>")


@pytest.fixture
def version(cast, cast_review):
    document = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="UNTOC")
    return save_version(document, body=SOURCE, base_version=0, actor=cast["expert.reviewed"])


def _ask(client, version, source="en", target="es", **kwargs):
    return client.post(f"/translations/documents/{version.document_id}/v{version.number}/",
                       {"source_language": source, "target_language": target}, **kwargs)


def test_a_reader_gets_the_translation_marked_unofficial_and_tied_to_its_version(
        apertium, cast, version, login, django_capture_on_commit_callbacks):
    """(P&R 50)"""
    client = login(cast["expert.reviewer1"])
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client, version)
    translation = Translation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/translations/{translation.pk}/"
    assert (translation.status, translation.progress, translation.body) == (TranslationStatus.DONE, 100, SPANISH)
    assert translation.engine == "Apertium eng-spa (command line)" and translation.source == version

    save_version(version.document, body="<p>A later text.</p>", base_version=1, actor=cast["expert.reviewed"])
    html = client.get(f"/translations/{translation.pk}/").content.decode()
    assert "Unofficial machine translation from English into Spanish of" in html
    assert f'<a href="/documents/{version.document_id}/v1/">version 1 of the' in html
    assert f'<div class="doc-body" lang="es" dir="ltr">{SPANISH}</div>' in html
    assert 'http-equiv="refresh"' not in html


def test_asking_twice_gives_the_same_translation(apertium, cast, version, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = request_translation(version, source_language="en", target_language="es", actor=cast["fp.reviewed"])
    again = request_translation(version, source_language="en", target_language="es", actor=cast["fp.reviewer2"])
    assert again.pk == first.pk and Translation.objects.count() == 1
    assert run_translation(again).attempts == 1   # a task delivered twice does nothing more


def test_a_pair_without_an_engine_says_so_and_keeps_nothing(cast, version, login, settings):
    settings.REVMOD_MT_BACKENDS = "en-es=apertium"
    html = _ask(login(cast["fp.reviewed"]), version, target="ru", follow=True).content.decode()
    assert "Machine translation from English into Russian is not offered on this platform." in html
    assert "Offered on this platform: English into Spanish</p>" in html
    assert not Translation.objects.exists()


def test_the_same_language_twice_is_refused(cast, version):
    with pytest.raises(Refused, match="already in that language"):
        request_translation(version, source_language="es", target_language="es", actor=cast["fp.reviewed"])


def test_a_service_that_is_down_fails_clearly_and_the_retry_succeeds(
        cast, version, login, settings, nothing_listening, apy_url, django_capture_on_commit_callbacks):
    settings.REVMOD_MT_BACKENDS = f"en-es=apy@{nothing_listening}"
    client = login(cast["fp.reviewed"])
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, version)
    translation = Translation.objects.get()
    assert (translation.status, translation.failure, translation.body) == (TranslationStatus.FAILED, Failure.UNAVAILABLE, "")
    html = client.get(f"/translations/{translation.pk}/").content.decode()
    assert "The translation service is not available at the moment. Nothing was lost: try again later." in html
    assert "could not be reached" not in html       # the technical detail is for the secretariat
    assert "could not be reached" in login(cast["secretariat"]).get(f"/translations/{translation.pk}/").content.decode()

    settings.REVMOD_MT_BACKENDS = f"en-es=apy@{apy_url}"
    with django_capture_on_commit_callbacks(execute=True):
        response = login(cast["fp.reviewed"]).post(f"/translations/{translation.pk}/retry/")
    translation.refresh_from_db()
    assert response.status_code == 302
    assert (translation.status, translation.attempts, translation.body) == (TranslationStatus.DONE, 2, SPANISH)


def test_a_service_that_stops_midway_keeps_what_was_translated(
        cast, cast_review, version, settings, login, libretranslate_url, django_capture_on_commit_callbacks):
    paragraphs = [f"<p>The house is big. {n}</p>" for n in range(45)]   # two engine calls (40 + 5 blocks)
    long = save_version(version.document, body="".join(paragraphs), base_version=1, actor=cast["expert.reviewed"])
    settings.REVMOD_MT_BACKENDS = f"en-es=libretranslate@{libretranslate_url.url}"
    settings.REVMOD_MT_API_KEY = libretranslate_url.api_key
    libretranslate_url.handler.fail_after = 1
    with django_capture_on_commit_callbacks(execute=True):
        translation = request_translation(long, source_language="en", target_language="es", actor=cast["fp.reviewed"])
    translation.refresh_from_db()
    assert (translation.status, translation.failure, len(translation.segments)) == (TranslationStatus.FAILED, Failure.UNAVAILABLE, 40)
    html = login(cast["fp.reviewed"]).get(f"/translations/{translation.pk}/").content.decode()
    assert "40 blocks of 45 were translated and are kept." in html

    libretranslate_url.handler.fail_after = None
    with django_capture_on_commit_callbacks(execute=True):
        request_translation(long, source_language="en", target_language="es", actor=cast["fp.reviewed"])
    translation.refresh_from_db()
    assert translation.status == TranslationStatus.DONE
    assert [len(call["q"]) for call in libretranslate_url.calls] == [40, 5, 5]   # only the rest was sent again
    assert translation.body == "".join(f"<p>La casa es grande. {n}</p>" for n in range(45))


def test_a_translation_whose_worker_died_can_be_tried_again(apertium, cast, version, login,
                                                           django_capture_on_commit_callbacks):
    stalled = Translation.objects.create(
        source=version, source_language="en", target_language="es", status=TranslationStatus.RUNNING, progress=40,
        requested_by=cast["fp.reviewed"], requested_at=version.created_at,
        touched_at=timezone.now() - timedelta(hours=1))
    client = login(cast["fp.reviewed"])
    html = client.get(f"/translations/{stalled.pk}/").content.decode()
    assert "the background worker may have stopped. Nothing was lost: try again." in html
    assert 'http-equiv="refresh"' not in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/translations/{stalled.pk}/retry/")
    stalled.refresh_from_db()
    assert (stalled.status, stalled.body) == (TranslationStatus.DONE, SPANISH)


def test_a_running_translation_cannot_be_started_twice(cast, version):
    running = Translation.objects.create(
        source=version, source_language="en", target_language="es", status=TranslationStatus.RUNNING,
        requested_by=cast["fp.reviewed"], requested_at=version.created_at, touched_at=timezone.now())
    with pytest.raises(Refused, match="Only a translation that failed"):
        retry_translation(running, actor=cast["fp.reviewed"])


def test_progress_shows_while_the_worker_has_not_finished(apertium, cast, version, login, settings,
                                                         django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client = login(cast["observer.reviewed"])
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, version, target="es")
    translation = Translation.objects.get()
    html = client.get(f"/translations/{translation.pk}/").content.decode()
    assert translation.status == TranslationStatus.QUEUED
    assert '<meta http-equiv="refresh" content="2">' in html and '<progress id="progress" max="100" value="0">' in html
    assert "waiting to run" in html

    queued = DBTaskResult.objects.get()   # what the background worker picks up
    assert (queued.task_path, queued.args_kwargs["args"]) == ("revmod.translations.tasks.translate_version", [translation.pk])
    queued.task.call(*queued.args_kwargs["args"])   # as the worker runs it (db_worker closes the test's connection)
    translation.refresh_from_db()
    assert (translation.status, translation.body) == (TranslationStatus.DONE, SPANISH)


def test_only_readers_of_the_document_see_or_request_its_translation(apertium, cast, version, client, login,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translation = request_translation(version, source_language="en", target_language="es", actor=cast["fp.reviewed"])
    seen = {}
    for key, person in cast.items():
        if key == "anonymous":
            continue
        browser = login(person, Client())
        seen[key] = [browser.get(f"/translations/{translation.pk}/").status_code,
                     browser.get(f"/translations/documents/{version.document_id}/v1/").status_code,
                     _ask(browser, version).status_code]
    readers = {"secretariat", "fp.reviewed", "expert.reviewed", "observer.reviewed", "fp.reviewer1",
               "expert.reviewer1", "fp.reviewer2", "expert.reviewer2"}
    assert seen == {key: [200, 200, 302] if key in readers else [404, 404, 404] for key in seen}
    assert client.get(f"/translations/{translation.pk}/").status_code == 302   # anonymous: to the login page
    with pytest.raises(Refused):
        request_translation(version, source_language="en", target_language="es", actor=cast["fp.unrelated"])


def test_requests_results_and_reads_are_in_the_audit_trail(apertium, cast, version, login,
                                                          django_capture_on_commit_callbacks):
    before = AuditEntry.objects.count()
    client = login(cast["expert.reviewer2"])
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, version)
    translation = Translation.objects.get()
    client.get(f"/translations/{translation.pk}/")
    entries = list(AuditEntry.objects.order_by("id")[before:].values_list("action", "actor__email", "target_id"))
    reviewer2 = cast["expert.reviewer2"].email
    assert entries == [("translations.translation.requested", reviewer2, str(translation.pk)),
                       ("translations.translation.done", None, str(translation.pk)),
                       ("translations.translation.read", reviewer2, str(translation.pk))]


def test_the_version_page_reads_as_many_rows_for_three_translations_as_for_one(cast, version, login):
    client = login(cast["fp.reviewed"])
    client.get(f"/translations/documents/{version.document_id}/v1/")   # session and caches warmed up
    counts = []
    for targets in (["es"], ["fr", "ru"]):
        for target in targets:
            Translation.objects.create(source=version, source_language="en", target_language=target,
                                       requested_by=cast["fp.reviewed"], requested_at=version.created_at)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/translations/documents/{version.document_id}/v1/").content.decode()
        assert html.count('<li><a href="/translations/') == Translation.objects.count()
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_other_apps_can_translate_a_short_text_now(apertium, db, settings, nothing_listening):
    assert translate_html("<p>The house is big.</p>", source_language="en", target_language="es") == "<p>La casa es grande.</p>"
    with pytest.raises(Refused, match="not offered"):
        translate_html("<p>x</p>", source_language="en", target_language="zh")
    assert translate_plain_text("The house is big.\nThe report is ready.\r\n\r\nThe new law",
                                source_language="en", target_language="es") == (
        "La casa es grande.\nEl informe está a punto.\n\nLa ley nueva")
    settings.REVMOD_MT_BACKENDS = f"en-es=libretranslate@{nothing_listening}"
    with pytest.raises(Refused, match="not available at the moment"):
        translate_html("<p>x</p>", source_language="en", target_language="es")
    with pytest.raises(Refused, match="not available at the moment"):
        translate_plain_text("x", source_language="en", target_language="es")


def test_the_document_pages_can_link_to_the_translations_of_a_version(version):
    html = render_to_string("translations/_link.html", {"document": version.document, "number": version.number})
    assert html.strip() == (f'<p><a href="/translations/documents/{version.document_id}/v1/">'
                            "Machine translation of version 1 (unofficial)</a></p>")


def test_the_document_and_each_version_link_to_their_machine_translations(cast, version, login):
    client = login(cast["expert.reviewer1"])
    link = f'href="/translations/documents/{version.document_id}/v1/"'
    assert link in client.get(f"/documents/{version.document_id}/").content.decode()
    assert link in client.get(f"/documents/{version.document_id}/v1/").content.decode()
