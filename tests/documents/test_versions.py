"""Versions that never overwrite a colleague's edit, and uploads checked by content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from revmod.core.errors import EditConflict, Refused
from revmod.documents.domain import add_attachment, save_version
from revmod.documents.models import Attachment
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


@pytest.fixture
def document(cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="UNTOC")


def test_two_experts_editing_at_once_never_overwrite_each_other(cast, document, login):
    save_version(document, body="<p>Mine</p>", base_version=0, actor=cast["expert.reviewed"])
    with pytest.raises(EditConflict) as raised:
        save_version(document, body="<p>Theirs</p>", base_version=0, actor=cast["fp.reviewed"])
    assert raised.value.current_version == 1
    document.refresh_from_db()
    assert document.current_version == 1
    assert document.versions.get().body == "<p>Mine</p>"


def test_the_edit_page_shows_the_conflict_and_keeps_the_users_text(cast, document, login):
    save_version(document, body="<p>Mine</p>", base_version=0, actor=cast["expert.reviewed"])
    page = login(cast["fp.reviewed"]).post(f"/documents/{document.pk}/", {"body": "<p>Late text</p>", "base_version": 0})
    html = page.content.decode()
    assert "Someone saved a newer version" in html and "&lt;p&gt;Late text&lt;/p&gt;" in html
    assert document.versions.count() == 1


def test_scripts_are_removed_from_rich_text(cast, document):
    version = save_version(document, body='<p onclick="x()">Hi<script>alert(1)</script></p>', base_version=0,
                           actor=cast["expert.reviewed"])
    assert version.body == "<p>Hi</p>"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.pdf", b"", "The file is empty."),
    ("evil.pdf", b"MZ\x90\x00\x03\x00\x00\x00\xff\xfe\x00binary", "This kind of file is not accepted"),
])
def test_bad_uploads_are_refused_and_nothing_is_kept(cast, document, name, content, message):
    with pytest.raises(Refused, match=message):
        add_attachment(actor=cast["expert.reviewed"], uploaded=SimpleUploadedFile(name, content), document=document)
    assert not Attachment.objects.exists()


def test_an_oversized_upload_is_refused(cast, document, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(Refused, match="larger than"):
        add_attachment(actor=cast["expert.reviewed"], uploaded=SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 2000),
                       document=document)


def test_files_are_downloaded_only_by_those_who_may_read_them(cast, document, login, client):
    attachment = add_attachment(actor=cast["expert.reviewed"], document=document,
                                uploaded=SimpleUploadedFile("../../law.pdf", b"%PDF-1.7 text"))
    assert attachment.name == "law.pdf"
    response = login(cast["expert.reviewer2"]).get(f"/documents/files/{attachment.pk}/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    client.logout()
    assert login(cast["fp.unrelated"]).get(f"/documents/files/{attachment.pk}/").status_code == 404


def test_plain_text_becomes_paragraphs(cast, document):
    version = save_version(document, body="First line\nsame paragraph.\r\n\r\nSecond & last.", base_version=0,
                           actor=cast["expert.reviewed"])
    assert version.body == "<p>First line<br>same paragraph.</p><p>Second &amp; last.</p>"
