"""The secretariat announces, sends the list, cancels for the chair, publishes the summary; past dialogues stay searchable (P&R 53)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils.formats import date_format

from revmod.core.errors import Refused
from revmod.dialogues.domain.dialogues import cancel_dialogue, publish_summary, send_list_to_states
from revmod.dialogues.models import Dialogue
from tests.dialogues.conftest import announce, confirmed_application, organisation

pytestmark = pytest.mark.integration


def test_the_secretariat_announces_a_dialogue_and_everyone_sees_its_dates(cast, login, client, today):
    held = today + timedelta(days=40)
    form = {"working_group": "som", "session": "tenth session", "held_on": held.isoformat(), "format": "online",
            "venue": "https://meet.example.org/cd", "title_en": "Dialogue on smuggling of migrants",
            "title_es": "Diálogo sobre el tráfico ilícito de migrantes", "agenda_en": "1. Opening"}
    response = login(cast["secretariat"]).post("/dialogues/new/", form, follow=True)
    assert "applications close on" in response.content.decode()
    client.logout()
    page = client.get(f"/dialogues/{Dialogue.objects.get().pk}/").content.decode()
    close, to_states = held - timedelta(days=15), held - timedelta(days=10)
    assert date_format(close) in page and date_format(to_states) in page
    assert "Apply to take part" in page and "Rules of the dialogue" in page
    spanish = client.get(f"/dialogues/{Dialogue.objects.get().pk}/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Diálogo sobre el tráfico ilícito de migrantes" in spanish


def test_only_the_secretariat_announces(cast, login):
    assert login(cast["fp.reviewed"]).get("/dialogues/new/").status_code == 404


def test_a_dialogue_whose_applications_would_already_be_closed_is_refused(cast):
    with pytest.raises(Refused, match="Applications would already be closed"):
        announce(cast["secretariat"], held_in=14)
    assert not Dialogue.objects.exists()


def test_the_list_goes_to_states_after_closing_and_every_focal_point_is_told(
        cast, dialogue, applicants, django_capture_on_commit_callbacks):
    with pytest.raises(Refused, match="Applications are open until"):
        send_list_to_states(dialogue, actor=cast["secretariat"], today=dialogue.dates.applications_close_on)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_list_to_states(dialogue, actor=cast["secretariat"],
                                   today=dialogue.dates.applications_close_on + timedelta(days=1)) == 3
    told = sorted(m.to[0].split("@")[0] for m in mail.outbox if "list of applicants" in m.subject)
    assert told == ["fp.reviewed", "fp.reviewer1", "fp.reviewer2", "fp.unrelated"]
    with pytest.raises(Refused, match="already sent"):
        send_list_to_states(dialogue, actor=cast["secretariat"], today=dialogue.dates.list_to_states_on)


def test_the_chair_cancels_after_too_few_applied_and_the_applicants_are_told(
        cast, dialogue, django_capture_on_commit_callbacks):
    application = confirmed_application(dialogue, organisation("Lonely Applicant Foundation"))
    with pytest.raises(Refused, match="only after applications close"):
        cancel_dialogue(dialogue, actor=cast["secretariat"], reason="Too few.", today=dialogue.dates.applications_close_on)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_dialogue(dialogue, actor=cast["secretariat"], reason="Only one application.",
                        today=dialogue.dates.applications_close_on + timedelta(days=1))
    assert any("will not take place" in m.body for m in mail.outbox if m.to == [application.organisation.contact_email])
    dialogue.refresh_from_db()
    assert dialogue.stage(dialogue.held_on) == "cancelled"


def test_the_chairs_summary_is_published_and_past_dialogues_stay_searchable(cast, client, today):
    past = announce(cast["secretariat"], held_in=20, today=today - timedelta(days=60))
    announce(cast["secretariat"], titles={"en": "Dialogue on firearms"})
    with pytest.raises(Refused, match="published after the dialogue"):
        publish_summary(past, actor=cast["secretariat"], summary={"en": "x"}, today=past.held_on - timedelta(days=1))
    publish_summary(past, actor=cast["secretariat"], summary={"en": "Participants stressed victim identification."},
                    observations={"en": "More data on forced labour is needed."})
    found = client.get("/dialogues/?q=victim+identification").content.decode()
    assert "Constructive dialogue on trafficking in persons" in found and "Dialogue on firearms" not in found
    page = client.get(f"/dialogues/{past.pk}/").content.decode()
    assert "Participants stressed victim identification." in page and "More data on forced labour is needed." in page


@pytest.mark.parametrize("word", ["ÊTRES", "êtres", "حوار", "建设性", "торговле", "HUMAINS"])
def test_dialogues_are_found_by_a_word_of_any_language_whatever_its_case(cast, client, word):
    wanted = announce(cast["secretariat"], titles={
        "fr": "Dialogue sur la traite des êtres humains", "ar": "حوار بناء", "zh": "建设性对话",
        "ru": "Диалог о торговле людьми"})
    announce(cast["secretariat"], titles={"en": "Dialogue on firearms"})
    page = client.get("/dialogues/", {"q": word}).content.decode()
    assert f'href="/dialogues/{wanted.pk}/"' in page and "Dialogue on firearms" not in page
