"""Uploads: size, type by content, safe names, a ClamAV scan, and safe download headers (issue 7, ASVS 12).

ClamAV runs for real with a signature database made here (no signature download): a file
holding REVMOD-TEST-VIRUS is "infected". clamscan and clamd come from Debian's packages
(bin/test installs them); without them, under CI, the tests fail rather than skip.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from revmod.core import virus_scan
from revmod.documents.models import Attachment
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration
MARKER = b"REVMOD-TEST-VIRUS"
SIGNATURE = "Revmod.Test.Virus"
CLAMD = "/usr/sbin/clamd"


def _require(path: str | None, what: str):
    if path and os.path.exists(path):
        return path
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{what} is not installed (bin/test installs clamav, clamav-daemon)")
    pytest.skip(f"{what} is not installed (apt-get install clamav clamav-daemon)")


@pytest.fixture
def signatures(tmp_path):
    """A ClamAV database with one body signature (.ndb: name, any file type, any offset, hex)."""
    folder = tmp_path / "clamav-db"
    folder.mkdir()
    (folder / "revmod.ndb").write_text(f"{SIGNATURE}:0:*:{MARKER.hex()}\n")
    return folder


@pytest.fixture
def clamscan(settings, signatures):
    _require(shutil.which("clamscan"), "clamscan")
    settings.REVMOD_VIRUS_SCAN, settings.REVMOD_CLAMAV_DATABASE = "clamscan", str(signatures)
    return signatures


@pytest.fixture
def clamd(tmp_path, signatures, settings):
    """clamd on a Unix socket in tmp_path, with the test signatures only."""
    _require(CLAMD, "clamd")
    sock = tmp_path / "clamd.sock"
    config = tmp_path / "clamd.conf"
    config.write_text(f"LocalSocket {sock}\nDatabaseDirectory {signatures}\nForeground yes\nLogFile {tmp_path / 'clamd.log'}\n"
                      f"PidFile {tmp_path / 'clamd.pid'}\nUser {os.getenv('USER') or 'root'}\n")
    process = subprocess.Popen([CLAMD, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not _answers(sock):
            assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "clamd.log").read_text()
            time.sleep(0.1)
        settings.REVMOD_VIRUS_SCAN = f"clamd:{sock}"
        yield sock
    finally:
        process.terminate()
        process.wait(timeout=20)


def _answers(sock: Path) -> bool:
    try:
        with socket.socket(socket.AF_UNIX) as conn:
            conn.connect(str(sock))
            conn.sendall(b"zPING\0")
            return conn.recv(16).startswith(b"PONG")
    except OSError:
        return False


@pytest.fixture
def saq_document(cast, cast_review):
    return step_of(consult(cast_review, cast["secretariat"]), StepKind.SAQ).documents.get(instrument_id="UNTOC")


def upload(client, document, name: str, content: bytes):
    return client.post(f"/documents/{document.pk}/upload/", {"file": SimpleUploadedFile(name, content)}, follow=True)


def test_clamscan_refuses_an_infected_file_and_keeps_nothing(cast, login, saq_document, clamscan, settings):
    client = login(cast["expert.reviewed"])
    response = upload(client, saq_document, "law.pdf", b"%PDF-1.7 " + MARKER + b" more")
    assert f"This file contains a virus ({SIGNATURE}.UNOFFICIAL) and was not kept." in response.content.decode()
    assert not Attachment.objects.exists()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    upload(client, saq_document, "law.pdf", b"%PDF-1.7 a clean law")
    assert list(Attachment.objects.values_list("name", flat=True)) == ["law.pdf"]


def test_clamd_scans_over_its_socket(cast, login, saq_document, clamd):
    assert virus_scan.find_virus(b"%PDF-1.7 " + MARKER) == f"{SIGNATURE}.UNOFFICIAL"  # ClamAV marks own signatures
    assert virus_scan.find_virus(b"%PDF-1.7 clean" * 10_000) is None  # several INSTREAM chunks
    client = login(cast["expert.reviewed"])
    assert "contains a virus" in upload(client, saq_document, "x.pdf", b"%PDF-1.7 " + MARKER).content.decode()
    assert not Attachment.objects.exists()


def test_a_scanner_that_fails_refuses_the_file(cast, login, saq_document, settings, tmp_path):
    settings.REVMOD_VIRUS_SCAN = f"clamd:{tmp_path / 'no-such.sock'}"
    response = upload(login(cast["expert.reviewed"]), saq_document, "law.pdf", b"%PDF-1.7 law")
    assert "could not be checked for viruses" in response.content.decode()
    assert not Attachment.objects.exists()


def test_required_scanning_without_a_scanner_refuses(cast, login, saq_document, settings, tmp_path, monkeypatch):
    settings.REVMOD_VIRUS_SCAN, settings.REVMOD_CLAMAV_DATABASE = "required", str(tmp_path / "empty")
    monkeypatch.setattr(virus_scan, "CLAMD_SOCKETS", ())  # no system clamd: only the empty database is left
    response = upload(login(cast["expert.reviewed"]), saq_document, "law.pdf", b"%PDF-1.7 law")
    assert "could not be checked for viruses" in response.content.decode()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("page.html", b"<html><script>alert(1)</script>", None),  # text: kept, but only ever served as a download
    ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "This kind of file is not accepted"),
    ("law.pdf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8, "This kind of file is not accepted"),  # a PDF by name only
    ("empty.pdf", b"", "Choose a file to attach."),  # Django's form refuses an empty file first
    ("loi.txt", "第十二届会议：联合国打击跨国有组织犯罪公约".encode(), None),  # the first 16 bytes end mid-character
])
def test_type_is_judged_by_content_not_by_name(cast, login, saq_document, name, content, message, settings):
    settings.REVMOD_VIRUS_SCAN = "off"
    response = upload(login(cast["expert.reviewed"]), saq_document, name, content)
    if message:
        assert message in response.content.decode()
        assert not Attachment.objects.exists()
    else:
        assert Attachment.objects.get().content_type == "text/plain", response.content.decode()


def test_a_file_too_large_is_refused(cast, login, saq_document, settings):
    settings.REVMOD_VIRUS_SCAN, settings.UPLOAD_MAX_BYTES = "off", 1024 * 1024
    response = upload(login(cast["expert.reviewed"]), saq_document, "big.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    assert "The file is larger than 1 MB." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_hostile_name_is_made_safe_and_the_file_comes_back_as_a_sandboxed_download(cast, login, saq_document, settings):
    settings.REVMOD_VIRUS_SCAN = "off"
    client = login(cast["expert.reviewed"])
    upload(client, saq_document, "../../etc/<script>passwd.html", b"<script>alert(document.cookie)</script>")
    attachment = Attachment.objects.get()
    assert attachment.name == "scriptpasswd.html" and ".." not in attachment.file.name
    assert Path(attachment.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    response = client.get(f"/documents/files/{attachment.pk}/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == b"<script>alert(document.cookie)</script>"
