"""The list of applicants for the secretariat and States, and the published participants (P&R 53(d), (e))."""

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from revmod.dialogues import policy, rules
from revmod.dialogues.enums import Area, Outcome
from revmod.dialogues.models import Application, Comment, Dialogue, Objection


@dataclass
class ApplicantRow:
    application: Application
    status: str
    status_label: str
    objections: list[Objection] = field(default_factory=list)
    objected_by_viewer: bool = False
    comments: list[Comment] = field(default_factory=list)

    @property
    def organisation(self):
        return self.application.organisation

    @property
    def decision(self):
        return getattr(self.application, "decision", None)

    @property
    def areas(self) -> str:
        return ", ".join(str(Area(a).label) for a in self.organisation.areas if a in Area.values)


def _confirmed(dialogue: Dialogue) -> QuerySet[Application]:
    return (dialogue.applications.filter(confirmed_at__isnull=False)
            .select_related("organisation__country", "decision")
            .order_by("organisation__name_key", "organisation_id"))


def applicant_rows(dialogue: Dialogue, *, viewer) -> list[ApplicantRow]:
    """The confirmed applicants, alphabetical, for someone allowed to see them (policy.can_view_applicants).

    The secretariat sees every objection; a State sees the objections of the States it
    speaks for; everyone who sees the list sees its status and comments. Three queries.
    """
    own = set(policy.parties_represented(viewer))
    everything = policy.can_manage(viewer)
    applications = _confirmed(dialogue).prefetch_related(
        Prefetch("objections", queryset=Objection.objects.select_related("party").order_by("party_id")),
        Prefetch("comments", queryset=Comment.objects.order_by("submitted_at")))
    rows = []
    for application in applications:
        objections = list(application.objections.all())
        decision = getattr(application, "decision", None)
        status = rules.application_status(confirmed=True, kind=application.organisation.kind, objected=bool(objections),
                                          outcome=decision.outcome if decision else None)
        rows.append(ApplicantRow(
            application=application, status=status, status_label=str(status.label),
            objections=[o for o in objections if everything or o.party_id in own],
            objected_by_viewer=any(o.party_id in own for o in objections), comments=list(application.comments.all())))
    return rows


def participants(dialogue: Dialogue) -> list[Application]:
    """The admitted applicants, alphabetical: public once the summary is published (P&R 53(h))."""
    return list(_confirmed(dialogue).filter(decision__outcome=Outcome.ADMITTED))


def applicants_csv(rows: list[ApplicantRow]) -> str:
    """The list as a spreadsheet for States and the secretariat; no ranking, alphabetical."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["organisation", "kind", "country", "areas", "representatives", "status", "comments"])
    for row in rows:
        org = row.organisation
        writer.writerow([org.name, org.get_kind_display(), org.country.name, row.areas,
                         row.application.representatives, row.status_label, len(row.comments)])
    return out.getvalue()
