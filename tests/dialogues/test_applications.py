"""Organisations register, apply and send written comments without an account (P&R 53(d), (e))."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from revmod.dialogues.models import Application, Comment, Organisation
from tests.dialogues.conftest import announce, confirmed_application, last_link, organisation

pytestmark = pytest.mark.integration

REGISTRATION = {"name": "Coalition Against Trafficking", "kind": "ngo", "country": "GHA", "areas": ["trafficking", "victims"],
                "contact_name": "Efua Sutherland", "contact_email": "efua@coalition.example.org", "phone": "",
                "website": "", "language": "fr"}


def test_an_organisation_registers_and_confirms_from_its_email(db, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/dialogues/organisations/register/", REGISTRATION).content.decode()
    assert "efua@coalition.example.org" in page
    sent = mail.outbox[-1]
    assert sent.to == ["efua@coalition.example.org"] and "Coalition Against Trafficking" in sent.body
    token = last_link("efua@coalition.example.org", "/organisations/confirm/")
    assert client.get(f"/dialogues/organisations/confirm/{token}/").status_code == 200  # a mail scanner changes nothing
    assert Organisation.objects.get().confirmed_at is None
    client.post(f"/dialogues/organisations/confirm/{token}/")
    assert Organisation.objects.get().confirmed_at is not None
    again = client.post(f"/dialogues/organisations/confirm/{token}/", follow=True).content.decode()
    assert "already been used" in again


@pytest.mark.parametrize("changes", [
    {"name": "coalition  AGAINST trafficking", "contact_email": "other@example.org"},  # same name and country
    {"name": "Another Name", "country": "NOR"},  # same e-mail
])
def test_a_duplicate_organisation_is_refused_and_nothing_changes(db, client, changes):
    client.post("/dialogues/organisations/register/", REGISTRATION)
    response = client.post("/dialogues/organisations/register/", REGISTRATION | changes)
    page = response.content.decode()
    assert "already registered" in page
    assert f'value="{(REGISTRATION | changes)["name"]}"' in page  # what was typed is kept
    assert Organisation.objects.count() == 1


def test_an_organisation_applies_confirms_and_reaches_its_own_page(cast, dialogue, client):
    org = organisation("Lagos Migrants Aid")
    page = client.post(f"/dialogues/{dialogue.pk}/apply/", {"email": "LAGOS.migrants.aid@example.org",
                                                            "representatives": "Ngozi Okafor"}).content.decode()
    assert "we have sent it a link" in page
    token = last_link(org.contact_email, "/applications/confirm/")
    assert "Ngozi Okafor" in client.get(f"/dialogues/applications/confirm/{token}/").content.decode()
    response = client.post(f"/dialogues/applications/confirm/{token}/", follow=True)
    page = response.content.decode()
    assert "Your application is confirmed" in page and "Rules of the dialogue" in page
    assert "country-specific" not in page and "Situations of specific countries are not discussed" in page
    assert Application.objects.get().confirmed_at is not None


def test_a_late_application_is_refused_with_a_clear_message_and_nothing_recorded(cast, client, today):
    organisation("Lagos Migrants Aid")
    late_today = today - timedelta(days=3)
    late = announce(cast["secretariat"], held_in=17, today=late_today)  # closed on today - 1
    response = client.post(f"/dialogues/{late.pk}/apply/", {"email": "lagos.migrants.aid@example.org",
                                                           "representatives": "Ngozi Okafor"})
    page = response.content.decode()
    assert "Applications to this dialogue closed on" in page and "Your application was not recorded" in page
    assert "Ngozi Okafor" in page  # the form keeps what was typed
    assert not Application.objects.exists()


def test_an_unknown_address_gets_the_same_answer_and_nothing_is_recorded(cast, dialogue, client):
    page = client.post(f"/dialogues/{dialogue.pk}/apply/", {"email": "nobody@example.org",
                                                            "representatives": "X"}).content.decode()
    assert "we have sent it a link" in page
    assert not Application.objects.exists()


def test_applying_again_does_not_change_a_confirmed_application(cast, dialogue):
    from revmod.dialogues.domain.applications import apply_to_dialogue

    application = confirmed_application(dialogue, organisation("Lagos Migrants Aid"))
    apply_to_dialogue(dialogue, email="lagos.migrants.aid@example.org", representatives="Someone Else")
    application.refresh_from_db()
    assert application.representatives == "Dr A. Person, director" and application.confirmed_at


def _application_page(dialogue, org):
    from revmod.dialogues.domain.applications import apply_to_dialogue, confirm_application

    apply_to_dialogue(dialogue, email=org.contact_email, representatives="R")
    _application, access = confirm_application(last_link(org.contact_email, "/applications/confirm/"))
    return f"/dialogues/applications/{access}/"


def test_written_comments_with_a_pdf_are_received(cast, dialogue, client):
    url = _application_page(dialogue, organisation("Lagos Migrants Aid"))
    pdf = SimpleUploadedFile("comments.pdf", b"%PDF-1.4 comments", content_type="application/pdf")
    page = client.post(url, {"text": "We suggest more data on victims.", "file": pdf}, follow=True).content.decode()
    assert "Your comments have been received." in page and "comments.pdf" in page
    comment = Comment.objects.get()
    assert (comment.content_type, comment.text) == ("application/pdf", "We suggest more data on victims.")


@pytest.mark.parametrize("upload, message", [
    (SimpleUploadedFile("virus.pdf", b"MZ\x90\x00\x03\x00\x00\x00\xff\xfe\x00\x00binary", content_type="application/pdf"),
     "This kind of file is not accepted"),
    (SimpleUploadedFile("big.txt", b"a" * 2048, content_type="text/plain"), "The file is larger than"),
])
def test_a_comment_file_of_the_wrong_type_or_size_is_refused_and_nothing_kept(cast, dialogue, client, settings, upload, message):
    settings.UPLOAD_MAX_BYTES = 1024
    url = _application_page(dialogue, organisation("Lagos Migrants Aid"))
    page = client.post(url, {"text": "Our comments, typed before the file.", "file": upload}).content.decode()
    assert message in page
    assert "Our comments, typed before the file." in page  # nothing lost: the text is still in the form
    assert not Comment.objects.exists()


def test_an_unknown_application_page_is_not_found(db, client):
    assert client.get("/dialogues/applications/not-a-real-token/").status_code == 404
