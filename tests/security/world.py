"""The world the access matrix probes: one object of every kind an address can name.

Ghana's review (the cast's) holds the confidential objects: its steps, documents, versions,
files, questions, questionnaire answers, consulted stakeholders. Mexico's review (the unrelated
one) has a focal point, an expert and an observer of its own, so "of an unrelated State" covers
every role. Shared objects are those every approved States-party user may read once sent (the
list of applicants of a constructive dialogue); published ones are the public pages and the
dialogue's background documents.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from revmod.demo.cast import demo_password_hash, totp_key
from revmod.documents.domain import add_attachment, save_version
from revmod.documents.models import ClarificationQuestion
from revmod.reference.models import Party
from revmod.reviews.domain.extensions import request_extension
from revmod.reviews.domain.steps import record_consultation, step_of
from revmod.reviews.enums import StepKind
from revmod.accounts.domain import send_activation
from revmod.dialogues.domain.applications import (add_comment, apply_to_dialogue, confirm_application,
                                                  register_organisation)
from revmod.dialogues.domain.consultations import record_consulted_stakeholder
from revmod.dialogues.domain.dialogues import add_background_document, send_list_to_states
from revmod.lots.models import Draw, DrawStatus
from revmod.notifications.domain import notify
from revmod.notifications.domain.preferences import create_calendar_feed
from revmod.notifications.models import MessageTemplate
from revmod.questionnaires.domain.definitions import load_questionnaires
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.domain.responses import open_response, save_answer, save_point
from revmod.questionnaires.models import PendingImport
from revmod.questionnaires.domain.notes import attach_file
from revmod.documents.models import DocumentVersion
from revmod.findings.domain.feedback import open_feedback
from revmod.findings.domain.observations import open_lists
from revmod.findings.enums import ItemKind
from revmod.findings.models import Clarification, ObservationItem, ObservationSection
from revmod.translations.models import Translation

# The kinds of user of issue 7, each played by one person (None: the anonymous visitor).
USER_KINDS = (
    "anonymous", "secretariat",
    "fp.reviewed", "expert.reviewed", "observer.reviewed",
    "fp.reviewer1", "expert.reviewer1", "observer.reviewer1", "fp.reviewer2", "expert.reviewer2",
    "fp.unrelated", "expert.unrelated", "observer.unrelated",
    "ngo",
)
EXTRA = {  # people the demo cast lacks: (side, role)
    "observer.reviewer1": ("reviewer1", Role.OBSERVER),
    "expert.unrelated": ("unrelated", Role.EXPERT),
    "observer.unrelated": ("unrelated", Role.OBSERVER),
}
MISSING = 987654321  # an id no object has: "not there"


@dataclass
class World:
    people: dict
    ids: dict = field(default_factory=dict)  # name -> value for URL arguments


def _extra_people(cast, cast_review, unrelated_review) -> None:
    reviewer1 = next(s.reviewer for s in cast_review.seats.filter(until__isnull=True, basis="same_region"))
    parties = {"reviewer1": (reviewer1, cast_review), "unrelated": (unrelated_review.party, unrelated_review)}
    for key, (side, role) in EXTRA.items():
        party, review = parties[side]
        person = User.objects.create(email=f"{key}@example.org", first_name=key, last_name="Test", party=party,
                                     password=demo_password_hash(), profile_submitted_at=timezone.now())
        TOTPDevice.objects.create(user=person, name="matrix", key=totp_key(person.email), confirmed=True)
        Nomination.objects.create(person=person, party=party, review=review, role=role, status=NominationStatus.APPROVED,
                                  approved_at=timezone.now(), stated_name=key, stated_email=person.email)
        cast[key] = person


def _reviews(world: World, cast, cast_review) -> None:
    phase = record_consultation(cast_review.phases.get(), actor=cast["secretariat"], consulted_on=date(2021, 1, 15),
                                languages=["en"])
    saq = step_of(phase, StepKind.SAQ)
    document = saq.documents.get(instrument_id="UNTOC")
    save_version(document, body="<p>Confidential answer.</p>", base_version=0, actor=cast["expert.reviewed"])
    attachment = add_attachment(actor=cast["expert.reviewed"], document=document,
                                uploaded=SimpleUploadedFile("law.pdf", b"%PDF-1.7 confidential law"))
    # Questions belong to the written feedback, not yet open here: the row is made directly.
    question = ClarificationQuestion.objects.create(document=document, asked_by=cast["expert.reviewer1"],
                                                    asked_at=timezone.now(), question="Which article applies?")
    extension = request_extension(saq, actor=cast["fp.reviewed"], new_due_on=saq.due_on + timedelta(days=30),
                                  reason="National consultation takes longer.")
    newcomer = Party.objects.filter(review__isnull=True).order_by("iso3").first()
    world.ids.update(review=cast_review.pk, step=saq.pk, consultation=step_of(phase, StepKind.CONSULTATION).pk,
                     dialogue_step=step_of(phase, StepKind.DIALOGUE).pk, document=document.pk, version=1,
                     attachment=attachment.pk, question=question.pk, extension=extension.pk, iso3=cast_review.party_id,
                     newcomer=newcomer.pk, saq=saq)


def _people(world: World, cast, cast_review) -> None:
    nomination = Nomination.objects.get(person=cast["fp.reviewed"], review=cast_review)
    newcomer = User.objects.create(email="newcomer@example.org", first_name="New", last_name="Comer")
    [notice] = notify("security-matrix", people=[cast["fp.reviewed"]], subject="For Kwame", body="Text", review=cast_review)
    template = MessageTemplate.objects.order_by("code").first() or MessageTemplate.objects.create(code="matrix", name="Matrix")
    draw = Draw.objects.create(seed="matrix", status=DrawStatus.PREVIEW, created_by=cast["secretariat"])
    passkey = WebAuthnCredential.objects.create(user=cast["fp.reviewed"], credential_id=b"matrix", public_key=b"matrix")
    locked_out = User.objects.create_user(email="lost.phone@example.org", password="a long passphrase 2026")
    lost_phone = Nomination.objects.create(person=locked_out, party=cast_review.party, review=cast_review,
                                           role=Role.EXPERT, status=NominationStatus.APPROVED, stated_name="Lost Phone",
                                           stated_email=locked_out.email)  # whose access the secretariat resets
    world.ids.update(nomination=nomination.pk, activation=send_activation(newcomer), notice=notice.pk,
                     feed=create_calendar_feed(cast["fp.reviewed"], actor=cast["fp.reviewed"]), template=template.code,
                     draw=draw.pk, group=cast_review.group_id, passkey=passkey.pk,
                     lost_phone=lost_phone.pk)


def _questionnaires(world: World, cast) -> None:
    load_questionnaires()
    response = open_response(world.ids["saq"], instrument_id="UNTOC", actor=cast["expert.reviewed"])
    question = questions_of(response)[0]
    save_answer(response, question=question, value={"text": "Confidential."}, base_revision=0, actor=cast["expert.reviewed"])
    version = save_point(response, actor=cast["expert.reviewed"])
    pending = PendingImport.objects.create(response=response, created_by=cast["expert.reviewed"], created_at=timezone.now(),
                                           file_name="answers.xlsx", rows={})
    answer_file = attach_file(response, question=question, uploaded=SimpleUploadedFile("statute.pdf", b"%PDF-1.7 statute"),
                              actor=cast["expert.reviewed"])
    world.ids.update(response=response.pk, qn=question.pk, response_version=version.number, pending=pending.pk,
                     definition=response.definition_id, answer_file=answer_file.pk)


def _findings(world: World, cast, cast_review) -> None:
    """Written feedback and a list of observations of Ghana's phase, drafts (confidential)."""
    phase = cast_review.phases.get()
    feedback = next(f for f in open_feedback(phase) if f.instrument_id == "UNTOC")
    entry = feedback.entries.first()
    clarification = Clarification.objects.create(entry=entry, question="Which court?", asked_by=cast["expert.reviewer1"],
                                                  asked_at=timezone.now())
    observation_list = next(o for o in open_lists(phase) if o.instrument_id == "UNTOC")  # a draft
    section = ObservationSection.objects.create(list=observation_list, text="Observations.")
    item = ObservationItem.objects.create(list=observation_list, section=section, kind=ItemKind.values[0], text="A challenge.")
    version = DocumentVersion.objects.get(document_id=world.ids["document"], number=1)
    translation = Translation.objects.create(source=version, source_language="en", target_language="fr",
                                             requested_by=cast["expert.reviewed"], requested_at=timezone.now())
    world.ids.update(phase=phase.pk, feedback=feedback.pk, entry=entry.pk, clarification=clarification.pk,
                     observation_list=observation_list.pk, section=section.pk, item=item.pk, translation=translation.pk)


def _dialogues(world: World, cast, cast_review) -> None:
    from tests.dialogues.conftest import announce, confirmed_application, last_link, organisation

    secretariat = cast["secretariat"]
    dialogue, sent = announce(secretariat), announce(secretariat, held_in=40)
    background = add_background_document(dialogue, actor=secretariat, language="en", title="Agenda",
                                         uploaded=SimpleUploadedFile("agenda.pdf", b"%PDF-1.7 agenda"))
    application = confirmed_application(sent, organisation("Zenith Anti-Trafficking Network"))
    send_list_to_states(sent, actor=secretariat, today=sent.dates.applications_close_on + timedelta(days=1))
    comment = add_comment(application, text="Our views.", uploaded=SimpleUploadedFile("views.pdf", b"%PDF-1.7 views"),
                          today=sent.dates.applications_close_on + timedelta(days=2))
    late = organisation("Atlas Logistics", country="NOR")
    apply_to_dialogue(dialogue, email=late.contact_email, representatives="A. Person")
    application_token = last_link(late.contact_email, "/applications/confirm/")
    _confirmed, access = confirm_application(application_token)
    register_organisation(name="Unconfirmed Network", kind="ngo", country=Party.objects.get(pk="KEN"),
                          contact_name="C. Person", contact_email="unconfirmed@example.org", areas=["trafficking"])
    consulted = record_consulted_stakeholder(cast_review, actor=cast["fp.reviewed"], name="Bar association", kind="ngo")
    world.ids.update(dialogue=dialogue.pk, dialogue_sent=sent.pk, background=background.pk,
                     application_sent=application.pk, comment_sent=comment.pk, application_token=application_token,
                     organisation_token=last_link("unconfirmed@example.org", "/organisations/confirm/"),
                     access_token=access, consulted=consulted.pk)


def _followup(world: World, cast, cast_review) -> None:
    """A finalized list with one need (P&R 44) and a shared practice (P&R 42); rows made directly,
    as the findings app and a submitted questionnaire would leave them."""
    from revmod.findings.models import ObservationItem, ObservationList
    from revmod.followup.models import QuestionnairePractice

    finalized = ObservationList.objects.create(review=cast_review, phase=cast_review.phases.get(), instrument_id="FIR",
                                               state="finalized", finalized_at=timezone.now() - timedelta(days=30))
    need = ObservationItem.objects.create(list=finalized, kind="ta_need", text="Marking equipment for firearms")
    practice = QuestionnairePractice.objects.create(review=cast_review, title="Task force", text="One meeting per cluster.",
                                                    shared_by=cast["fp.reviewed"], shared_at=timezone.now())
    world.ids.update(followup_record=need.pk, practice=practice.pk)


def build_world(cast, cast_review, unrelated_review) -> World:
    """Every object an address can name, made through the domain functions, once per test."""
    _extra_people(cast, cast_review, unrelated_review)
    world = World(people=dict(cast))
    _reviews(world, cast, cast_review)
    _people(world, cast, cast_review)
    _questionnaires(world, cast)
    _dialogues(world, cast, cast_review)
    _followup(world, cast, cast_review)
    _findings(world, cast, cast_review)
    return world
