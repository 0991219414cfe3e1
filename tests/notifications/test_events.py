"""New developments reach everyone in a review, each in their own language, by e-mail and in the inbox."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from revmod.accounts.domain import approve_nomination, record_nomination, submit_profile
from revmod.accounts.enums import Role
from revmod.accounts.models import Nomination
from revmod.documents.domain import add_attachment, post_message
from revmod.notifications.models import Notification
from revmod.reference.models import Party
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind, StepStatus
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration

FRENCH_SAQ_OPEN = "Examen de Ghana : étape ouverte – réponses au questionnaire d'auto-évaluation"
ENGLISH_SAQ_OPEN = "Review of Ghana: self-assessment questionnaire answers is open"
REVIEW_MEMBERS = ("fp.reviewed", "expert.reviewed", "observer.reviewed", "fp.reviewer1", "expert.reviewer1",
                  "fp.reviewer2", "expert.reviewer2")


def _speaks(person, language):
    person.language = language
    person.save(update_fields=["language"])
    return person


def test_a_step_moving_tells_every_member_of_the_review_in_their_language_and_nobody_else(
        cast, cast_review, smtp_server, delivered):
    """The initial consultation opens the SAQ (P&R 34); the unrelated focal point and the NGO hear nothing."""
    expert = _speaks(cast["expert.reviewer1"], "fr")
    with delivered():
        consult(cast_review, cast["secretariat"])
    assert [str(m["Subject"]) for m in smtp_server.messages_to(expert.email)] == [FRENCH_SAQ_OPEN]
    assert smtp_server.messages_to(expert.email)[0]["Content-Language"] == "fr"
    for key in REVIEW_MEMBERS:
        if key != "expert.reviewer1":
            assert [str(m["Subject"]) for m in smtp_server.messages_to(cast[key].email)] == [ENGLISH_SAQ_OPEN], key
    assert smtp_server.messages_to(cast["fp.unrelated"].email) == []
    assert smtp_server.messages_to(cast["ngo"].email) == []
    assert list(Notification.objects.filter(recipient=expert).values_list("subject", flat=True)) == [FRENCH_SAQ_OPEN]


def test_the_inbox_shows_the_notice_in_the_readers_language(cast, cast_review, login, delivered, smtp_server):
    expert = _speaks(cast["expert.reviewer1"], "fr")
    with delivered():
        consult(cast_review, cast["secretariat"])
    page = login(expert).get("/notifications/").content.decode()
    assert FRENCH_SAQ_OPEN.replace("'", "&#x27;") in page
    assert ENGLISH_SAQ_OPEN not in page


def test_a_state_with_no_focal_point_hears_through_its_permanent_mission(cast, cast_review, smtp_server, delivered):
    """P&R 18: the permanent mission is the temporary focal point and receives all communications."""
    Nomination.objects.filter(person=cast["fp.reviewer2"]).update(ended_at="2021-01-01T00:00Z")
    Party.objects.filter(pk="NOR").update(mission_email="mission.norway@example.org")
    Party.objects.filter(pk="KEN").update(mission_email="mission.kenya@example.org")  # has a focal point
    with delivered():
        consult(cast_review, cast["secretariat"])
    assert [str(m["Subject"]) for m in smtp_server.messages_to("mission.norway@example.org")] == [ENGLISH_SAQ_OPEN]
    assert smtp_server.messages_to("mission.kenya@example.org") == []


def test_a_mission_is_written_to_in_its_language_of_correspondence(cast, cast_review, smtp_server, delivered):
    """P&R 18: the mission standing in for a focal point reads the notice in the language the
    secretariat recorded for it, not in English by default."""
    Nomination.objects.filter(person=cast["fp.reviewer2"]).update(ended_at="2021-01-01T00:00Z")
    Party.objects.filter(pk="NOR").update(mission_email="mission.norway@example.org", correspondence_language="fr")
    with delivered():
        consult(cast_review, cast["secretariat"])
    assert [str(m["Subject"]) for m in smtp_server.messages_to("mission.norway@example.org")] == [FRENCH_SAQ_OPEN]


def _open_dialogue(phase):
    phase.steps.filter(kind__in=[StepKind.SAQ, StepKind.FEEDBACK]).update(status=StepStatus.DONE)
    phase.steps.filter(kind=StepKind.DIALOGUE).update(status=StepStatus.OPEN)
    return step_of(phase, StepKind.DIALOGUE)


def test_a_message_in_the_dialogue_goes_to_all_but_its_author(cast, cast_review, smtp_server, delivered):
    """P&R 35: the written constructive dialogue."""
    dialogue = _open_dialogue(consult(cast_review, cast["secretariat"]))
    _speaks(cast["fp.reviewed"], "es")
    author = cast["expert.reviewer1"]
    with delivered():
        post_message(dialogue, actor=author, body="Could you share the 2019 statistics?")
    notices = Notification.objects.filter(key__startswith="message:")
    assert author.pk not in set(notices.values_list("recipient_id", flat=True))
    assert set(notices.values_list("recipient_id", flat=True)) == {
        cast[k].pk for k in (*REVIEW_MEMBERS, "secretariat") if k != "expert.reviewer1"}
    [spanish] = smtp_server.messages_to(cast["fp.reviewed"].email)[-1:]
    assert str(spanish["Subject"]).startswith("Examen de Ghana")


def test_a_shared_file_is_announced_with_its_name(cast, cast_review, smtp_server, delivered):
    phase = consult(cast_review, cast["secretariat"])
    document = step_of(phase, StepKind.SAQ).documents.get(instrument_id="UNTOC")
    with delivered():
        add_attachment(actor=cast["expert.reviewed"], document=document,
                       uploaded=SimpleUploadedFile("penal-code.pdf", b"%PDF-1.7 law"))
    [notice] = Notification.objects.filter(key__startswith="attachment:", recipient=cast["fp.reviewer2"])
    assert "penal-code.pdf" in notice.body
    assert smtp_server.messages_to(cast["fp.reviewer2"].email)[-1]["Subject"] == notice.subject
    assert not Notification.objects.filter(key__startswith="attachment:", recipient=cast["expert.reviewed"]).exists()


def test_an_approved_nomination_tells_the_person_and_the_review(cast, cast_review, smtp_server, delivered):
    """Access starts on approval, with an e-mail (Status 2024 para 11-20); the others learn who acts now."""
    nomination = record_nomination(cast_review, actor=cast["secretariat"], party=Party.objects.get(pk="GHA"),
                                   role=Role.EXPERT, name="Efua Asante", email="efua@example.org")
    submit_profile(nomination.person, actor=nomination.person, gender="female", institution_type="justice")
    _speaks(cast["fp.reviewer2"], "ru")
    with delivered():
        approve_nomination(nomination, actor=cast["secretariat"])
    assert any("approved" in str(m["Subject"]) for m in smtp_server.messages_to("efua@example.org"))
    [russian] = smtp_server.messages_to(cast["fp.reviewer2"].email)
    assert str(russian["Subject"]) == "Страновой обзор (Гана): Efua Asante — правительственный эксперт (Гана)"

