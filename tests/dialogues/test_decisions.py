"""States object to applicants; the Bureau decides on NGOs; the others are admitted unless a State objects (P&R 53(d), (e))."""

from datetime import date, timedelta

import pytest
from django.core import mail

from revmod.audit.domain import verify_chain
from revmod.audit.models import AuditEntry
from revmod.core.errors import Refused
from revmod.dialogues.domain.decisions import admit_unopposed, object_to_applicant, record_bureau_decision
from revmod.dialogues.models import Decision, Objection

pytestmark = pytest.mark.integration


def _in_objection_time(dialogue):
    return dialogue.dates.objections_close_on


def test_an_objection_to_an_ngo_goes_to_the_bureau_and_the_secretariat_is_told(
        cast, list_sent, applicants, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        object_to_applicant(applicants["ngo"], actor=cast["fp.reviewer1"], party_id="KEN",
                            reason="Not relevant to the review.", today=_in_objection_time(list_sent))
    assert not Decision.objects.exists()  # the Bureau decides, not the objection
    told = [m for m in mail.outbox if m.to == [cast["secretariat"].email]]
    assert len(told) == 1 and "Bureau" in told[0].body and "Zenith Anti-Trafficking Network" in told[0].body


def test_an_objection_to_an_academic_applicant_means_not_admitted_with_date_and_reason(
        cast, list_sent, applicants, django_capture_on_commit_callbacks):
    day = _in_objection_time(list_sent)
    with django_capture_on_commit_callbacks(execute=True):
        object_to_applicant(applicants["academia"], actor=cast["fp.reviewer2"], party_id="NOR", reason="Conflict of interest.",
                            today=day)
    decision = Decision.objects.get(application=applicants["academia"])
    assert (decision.outcome, decision.basis, decision.decided_on, decision.reason) == (
        "not_admitted", "state_objection", day, "A State objected (P&R 53(e)).")
    applicant_mail = [m for m in mail.outbox if m.to == [applicants["academia"].organisation.contact_email]][-1]
    assert "was not admitted" in applicant_mail.body and "Norway" not in applicant_mail.body


def test_an_objection_after_the_deadline_is_refused_and_nothing_changes(cast, list_sent, applicants):
    with pytest.raises(Refused, match="Objections to applicants closed on"):
        object_to_applicant(applicants["private"], actor=cast["fp.reviewed"], party_id="GHA", reason="Late.",
                            today=list_sent.dates.objections_close_on + timedelta(days=1))
    assert not Objection.objects.exists() and not Decision.objects.exists()


def test_only_a_focal_point_objects_for_their_own_state_and_once(cast, list_sent, applicants):
    day = _in_objection_time(list_sent)
    for key, party in (("expert.reviewed", "GHA"), ("fp.reviewed", "KEN"), ("secretariat", "GHA")):
        with pytest.raises(Refused, match="focal point"):
            object_to_applicant(applicants["ngo"], actor=cast[key], party_id=party, reason="x", today=day)
    object_to_applicant(applicants["ngo"], actor=cast["fp.reviewed"], party_id="GHA", reason="x", today=day)
    with pytest.raises(Refused, match="already objected"):
        object_to_applicant(applicants["ngo"], actor=cast["fp.reviewed"], party_id="GHA", reason="again", today=day)
    assert Objection.objects.count() == 1


def test_no_objection_before_the_list_is_sent(cast, dialogue, applicants):
    with pytest.raises(Refused, match="not on a list sent to States"):
        object_to_applicant(applicants["ngo"], actor=cast["fp.reviewed"], party_id="GHA", reason="x",
                            today=dialogue.dates.applications_close_on)


def test_applicants_nobody_objected_to_are_admitted_and_get_practical_details_and_rules(
        cast, list_sent, applicants, django_capture_on_commit_callbacks):
    object_to_applicant(applicants["ngo"], actor=cast["fp.reviewed"], party_id="GHA", reason="x",
                        today=_in_objection_time(list_sent))
    after = list_sent.dates.objections_close_on + timedelta(days=1)
    with pytest.raises(Refused, match="States may object until"):
        admit_unopposed(list_sent, actor=cast["secretariat"], today=list_sent.dates.objections_close_on)
    with django_capture_on_commit_callbacks(execute=True):
        assert admit_unopposed(list_sent, actor=cast["secretariat"], today=after) == 2
    assert admit_unopposed(list_sent, actor=cast["secretariat"], today=after) == 0  # runs again safely
    admitted = {d.application.organisation.name: (d.outcome, d.basis, d.decided_on) for d in Decision.objects.all()}
    assert admitted == {"University of Accra Law Faculty": ("admitted", "no_objection", after),
                        "Atlas Logistics": ("admitted", "no_objection", after)}
    confirmation = [m for m in mail.outbox if m.to == ["atlas.logistics@example.org"]][-1]
    assert "is admitted" in confirmation.body and "Board Room D" in confirmation.body
    assert "Bring an identity document" in confirmation.body
    assert "Situations of specific countries are not discussed" in confirmation.body  # P&R 53(b)


def test_the_secretariat_records_the_bureaus_decision_with_its_date_and_reason(cast, list_sent, applicants):
    ngo = applicants["ngo"]
    with pytest.raises(Refused, match="only on NGOs a State objected to"):
        record_bureau_decision(ngo, actor=cast["secretariat"], outcome="admitted", decided_on=date(2020, 1, 1), reason="x")
    object_to_applicant(ngo, actor=cast["fp.reviewer1"], party_id="KEN", reason="x", today=_in_objection_time(list_sent))
    with pytest.raises(Refused, match="secretariat records"):
        record_bureau_decision(ngo, actor=cast["fp.reviewer1"], outcome="admitted", decided_on=date(2020, 1, 1), reason="x")
    record_bureau_decision(ngo, actor=cast["secretariat"], outcome="admitted", decided_on=date(2020, 1, 1),
                           reason="The Bureau found the NGO's work relevant.")
    decision = Decision.objects.get(application=ngo)
    assert (decision.outcome, decision.basis, decision.decided_on, decision.recorded_by) == (
        "admitted", "bureau", date(2020, 1, 1), cast["secretariat"])
    with pytest.raises(Refused, match="already been decided"):
        record_bureau_decision(ngo, actor=cast["secretariat"], outcome="not_admitted", decided_on=date(2020, 1, 1), reason="x")


def test_every_step_is_in_the_audit_trail_and_the_chain_holds(cast, list_sent, applicants):
    object_to_applicant(applicants["private"], actor=cast["fp.reviewed"], party_id="GHA", reason="x",
                        today=_in_objection_time(list_sent))
    actions = list(AuditEntry.objects.filter(action__startswith="dialogues.").order_by("id").values_list("action", flat=True))
    assert actions[0] == "dialogues.dialogue.announced" and actions[-2:] == ["dialogues.list.sent", "dialogues.objection.made"]
    assert actions.count("dialogues.application.confirmed") == 3
    assert verify_chain() == []
