"""What the participants of a review are told when it moves (DOMAIN §10)."""

from django.utils.translation import gettext_lazy as _

from revmod.notifications.domain import notify
from revmod.reviews import policy
from revmod.reviews.enums import StepKind
from revmod.reviews.models import Phase
from revmod.reviews.workflow import FINALIZED


def step_moved(phase: Phase, *, from_kind: str, to_kind: str) -> None:
    review = phase.review
    if to_kind == FINALIZED:
        subject = _("Review of %(state)s: phase finalized")
    else:
        subject = _("Review of %(state)s: %(step)s is open")
    label = StepKind(to_kind).label if to_kind != FINALIZED else ""

    def render_subject(person):
        return subject % {"state": review.party.name, "step": label}

    def render_body(person):
        return _("%(done)s has been completed. Open the review: %(url)s") % {
            "done": StepKind(from_kind).label, "url": f"/reviews/{review.pk}/"}

    notify(f"step:{phase.pk}:{from_kind}->{to_kind}", people=policy.people_who_can_view(review),
           subject=render_subject, body=render_body, review=review)
