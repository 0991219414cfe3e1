"""Objections by States and the decisions on applications, each with its date and reason (P&R 53(d), (e))."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _, gettext_lazy

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import localized
from revmod.dialogues import policy, rules
from revmod.dialogues.domain.support import MAX_TEXT_CHARS, tell_organisations
from revmod.dialogues.enums import DecisionBasis, OrganisationKind, Outcome
from revmod.dialogues.models import Application, Decision, Dialogue, Objection
from revmod.notifications.domain import notify
from revmod.reference.models import Party


@transaction.atomic
def object_to_applicant(application: Application, *, actor, party_id: str, reason: str,
                        today: date | None = None) -> Objection:
    """A State objects to an applicant on the list, by the objections' closing day (P&R 53(d), (e)).

    An objection to an NGO goes to the Bureau of the Conference; any other applicant is then
    not admitted. Side effects, in order: the objection; for a non-NGO without a decision, the
    decision "not admitted"; an audit entry; a notice to the secretariat (NGO) or the applicant.
    """
    today = today or timezone.localdate()
    dialogue = Dialogue.objects.get(pk=application.dialogue_id)  # as it is now, not as the caller loaded it
    if party_id not in policy.parties_represented(actor):
        raise Refused(_("Objections are made by a State's focal point, for that State."))
    if dialogue.cancelled_at or dialogue.list_sent_at is None or application.confirmed_at is None:
        raise Refused(_("This applicant is not on a list sent to States."))
    if not rules.is_objection_in_time(dialogue.held_on, today):
        raise Refused(_("Objections to applicants closed on %(day)s. Your objection was not recorded; write to the secretariat.")
                      % {"day": date_format(dialogue.dates.objections_close_on)})
    if not reason.strip():
        raise Refused(_("Give the reason for the objection."))
    try:
        with transaction.atomic():
            objection = Objection.objects.create(application=application, party_id=party_id, made_by=actor,
                                                 reason=reason.strip()[:MAX_TEXT_CHARS], made_at=timezone.now())
    except IntegrityError:
        raise Refused(_("Your State has already objected to this applicant.")) from None
    is_ngo = application.organisation.kind == OrganisationKind.NGO
    decided = None
    if not is_ngo and not Decision.objects.filter(application=application).exists():
        decided = _decide(application, outcome=Outcome.NOT_ADMITTED, basis=DecisionBasis.STATE_OBJECTION,
                          reason=str(_("A State objected (P&R 53(e)).")), decided_on=today, actor=actor)
    record("dialogues.objection.made", actor=actor, target=objection,
           data={"application": application.pk, "party": party_id, "to_bureau": is_ngo, "decided": bool(decided)})
    if is_ngo:
        _tell_secretariat_of_objection(objection)
    return objection


def _tell_secretariat_of_objection(objection: Objection) -> None:
    application = objection.application
    notify(f"dialogues:objection:{objection.pk}", people=policy.people_to_tell_of_objections(),
           subject=gettext_lazy("Objection to an NGO: for the Bureau"),
           body=lambda person: _("%(state)s objected to %(name)s applying to the constructive dialogue \"%(title)s\". The matter goes to the Bureau of the Conference of the Parties (P&R 53(d)); record its decision on the list of applicants.")
           % {"state": Party.objects.get(pk=objection.party_id).name, "name": application.organisation.name,
              "title": application.dialogue})


@transaction.atomic
def record_bureau_decision(application: Application, *, actor, outcome: str, decided_on: date, reason: str) -> Decision:
    """The secretariat records the Bureau's decision on an NGO objected to, with its date and reason (P&R 53(d))."""
    if not policy.can_manage(actor):
        raise Refused(_("The secretariat records the Bureau's decisions."))
    if outcome not in Outcome.values:
        raise Refused(_("Choose the Bureau's decision from the list."))
    if application.organisation.kind != OrganisationKind.NGO or not application.objections.exists():
        raise Refused(_("The Bureau decides only on NGOs a State objected to."))
    if Decision.objects.filter(application=application).exists():
        raise Refused(_("This application has already been decided."))
    if decided_on > timezone.localdate():
        raise Refused(_("The date of the decision cannot be in the future."))
    if not reason.strip():
        raise Refused(_("Give the Bureau's reason."))
    decision = _decide(application, outcome=outcome, basis=DecisionBasis.BUREAU, reason=reason.strip(),
                       decided_on=decided_on, actor=actor)
    record("dialogues.decision.bureau", actor=actor, target=decision,
           data={"application": application.pk, "outcome": outcome, "decided_on": decided_on.isoformat()})
    return decision


@transaction.atomic
def admit_unopposed(dialogue: Dialogue, *, actor, today: date | None = None) -> int:
    """Admit every confirmed applicant no State objected to, once objections are closed (P&R 53(d), (e)).

    Runs again safely: only applicants without a decision are admitted. Side effects, in
    order: one decision per applicant, an audit entry naming them, their confirmations.
    Returns how many were admitted.
    """
    if not policy.can_manage(actor):
        raise Refused(_("Only the secretariat manages the constructive dialogues."))
    today = today or timezone.localdate()
    dialogue = Dialogue.objects.select_for_update().get(pk=dialogue.pk)
    if dialogue.cancelled_at or dialogue.list_sent_at is None:
        raise Refused(_("The list of applicants has not been sent to States."))
    if not rules.may_admit(dialogue.held_on, today):
        raise Refused(_("States may object until %(day)s: applicants are admitted after that.")
                      % {"day": date_format(dialogue.dates.objections_close_on)})
    pending = list(dialogue.applications.filter(confirmed_at__isnull=False, decision__isnull=True, objections__isnull=True)
                   .select_related("organisation", "dialogue"))
    reason = str(_("No State objected by %(day)s (P&R 53(d), (e)).") % {"day": dialogue.dates.objections_close_on.isoformat()})
    now = timezone.now()
    Decision.objects.bulk_create([
        Decision(application=a, outcome=Outcome.ADMITTED, basis=DecisionBasis.NO_OBJECTION, reason=reason,
                 decided_on=today, recorded_by=actor, recorded_at=now) for a in pending])
    record("dialogues.decision.unopposed", actor=actor, target=dialogue, data={"admitted": [a.pk for a in pending]})
    tell_organisations(_decision_notice(application, Outcome.ADMITTED) for application in pending)
    return len(pending)


def _decide(application: Application, *, outcome: str, basis: str, reason: str, decided_on: date, actor) -> Decision:
    decision = Decision.objects.create(application=application, outcome=outcome, basis=basis, reason=reason,
                                       decided_on=decided_on, recorded_by=actor, recorded_at=timezone.now())
    _tell_applicant(application, outcome)
    return decision


def _tell_applicant(application: Application, outcome: str) -> None:
    tell_organisations([_decision_notice(application, outcome)])


def _decision_notice(application: Application, outcome: str):
    """The applicant's confirmation with the practical details and the rules, or the decision not
    to admit (P&R 53(b)): (key, organisation, subject, body())."""
    dialogue = application.dialogue

    def body() -> str:
        if outcome != Outcome.ADMITTED:
            return _("The application of %(name)s to the constructive dialogue \"%(title)s\" was not admitted.") % {
                "name": application.organisation.name, "title": dialogue}
        lines = [_("%(name)s is admitted to the constructive dialogue \"%(title)s\" on %(day)s (%(format)s, %(venue)s).") % {
            "name": application.organisation.name, "title": dialogue, "day": date_format(dialogue.held_on),
            "format": dialogue.get_format_display(), "venue": dialogue.venue or "-"}]
        lines += [localized(dialogue.practical_details), _("Rules of the dialogue:")]
        lines += [f"- {rule}" for rule in rules.PARTICIPANT_RULES]
        return "\n\n".join(line for line in lines if line)

    return (f"dialogues:decision:{application.pk}", application.organisation,
            gettext_lazy("Your application to the constructive dialogue"), body)
