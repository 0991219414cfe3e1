"""Backup and restore: a round trip gives back every row and file, and a damaged archive restores nothing."""

import tarfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from revmod.accounts.models import User
from revmod.audit.domain import verify_chain
from revmod.audit.models import AuditEntry
from revmod.core.backup import backup, restore, verify
from revmod.documents.domain import add_attachment, save_version
from revmod.documents.models import Attachment, DocumentVersion
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


@pytest.fixture
def document(cast, cast_review):
    document = step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument="TIP")
    save_version(document, body="<p>Article 5 is implemented.</p>", base_version=0, actor=cast["expert.reviewed"])
    add_attachment(actor=cast["expert.reviewed"], document=document, uploaded=SimpleUploadedFile("law.pdf", b"%PDF-1.7 law"))
    return document


def test_a_backup_restores_every_row_and_file(document, tmp_path, cast):
    path = tmp_path / "backup.tar.gz"
    call_command("backup", str(path))
    rows_before = AuditEntry.objects.count()
    save_version(document, body="<p>Changed after the backup.</p>", base_version=1, actor=cast["expert.reviewed"])
    User.objects.create_user(email="late@example.org")
    attachment = Attachment.objects.get()
    attachment.file.delete(save=False)
    call_command("restore", str(path), "--yes")
    assert list(DocumentVersion.objects.values_list("body", flat=True)) == ["<p>Article 5 is implemented.</p>"]
    assert not User.objects.filter(email="late@example.org").exists()
    assert AuditEntry.objects.count() == rows_before and verify_chain() == []
    assert Attachment.objects.get().file.open("rb").read() == b"%PDF-1.7 law"


def test_an_altered_backup_is_refused_and_nothing_changes(document, tmp_path):
    path, forged = tmp_path / "backup.tar.gz", tmp_path / "forged.tar.gz"
    backup(path)
    with tarfile.open(path) as source, tarfile.open(forged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "data.json":
                data = data.replace(b"Article 5", b"Article 6")
            member.size = len(data)
            import io

            target.addfile(member, io.BytesIO(data))
    assert verify(forged)[1] == ["data.json: altered"]
    with pytest.raises(ValueError, match="data.json: altered"):
        restore(forged)
    assert DocumentVersion.objects.get().body == "<p>Article 5 is implemented.</p>"
