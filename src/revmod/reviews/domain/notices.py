"""What the participants of a review are told when something happens in it (DOMAIN §10).

Everyone who may open the review hears of it in their own language (`policy`, STYLE 6); a
State with no focal point is told through its permanent mission, the temporary focal point
(P&R 18). The texts are the secretariat's editable templates (`notifications.defaults`).
"""

from collections.abc import Callable

from django.utils import translation

from revmod.accounts.enums import NominationStatus, Role
from revmod.accounts.models import Nomination
from revmod.core.i18n import localized
from revmod.notifications.domain import notify
from revmod.notifications.domain.texts import Texts, site_url
from revmod.notifications.enums import NoticeKind
from revmod.notifications.vocabulary import role_name, step_name
from revmod.reference.models import Party
from revmod.reviews import policy
from revmod.reviews.models import CountryReview, Phase
from revmod.reviews.workflow import FINALIZED


def missions_standing_in(review: CountryReview) -> list[tuple[str, str]]:
    """Mission addresses of the review's States that have no focal point now, each with its
    language of correspondence (P&R 18)."""
    party_ids = {review.party_id, *policy.reviewer_party_ids(review)}
    with_focal_point = set(Nomination.objects.filter(
        review=review, role=Role.FOCAL_POINT, status=NominationStatus.APPROVED, ended_at__isnull=True,
    ).values_list("party_id", flat=True))
    parties = Party.objects.filter(pk__in=party_ids - with_focal_point).exclude(mission_email="").order_by("pk")
    return [(p.mission_email, p.correspondence_language or "en") for p in parties]


def _announce(event: str, review: CountryReview, *, code: str, context: Callable[[str], dict],
              actor=None, step=None) -> None:
    """Queue template `code` to everyone who may open the review (but the actor) and standing-in missions."""
    texts = Texts.load()
    people = policy.people_who_can_view(review)
    if getattr(actor, "pk", None):
        people = people.exclude(pk=actor.pk)

    def render(person, part: int) -> str:  # notify() renders each notice in its addressee's language
        language = translation.get_language() or "en"
        return texts.render(code, language, **context(language))[part]

    notify(event, people=people, extra_emails=missions_standing_in(review), review=review, step=step,
           kind=NoticeKind.DEVELOPMENT, subject=lambda p: render(p, 0), body=lambda p: render(p, 1))


def _url(review: CountryReview) -> str:
    return site_url(f"/reviews/{review.pk}/")


def step_moved(phase: Phase, *, from_kind: str, to_kind: str) -> None:
    """A step was submitted: the next is open, or the phase is finalized (P&R 25-39)."""
    review = phase.review

    def context(language: str) -> dict:
        return {"state": localized(review.party.names, language), "done": step_name(from_kind, language),
                "step": step_name(to_kind, language) if to_kind != FINALIZED else "", "url": _url(review)}

    _announce(f"step:{phase.pk}:{from_kind}->{to_kind}", review, context=context,
              code="phase.finalized" if to_kind == FINALIZED else "step.submitted")


def message_posted(message) -> None:
    """A message in the written constructive dialogue (P&R 35), to all but its author."""
    step = message.step
    review = step.phase.review

    def context(language: str) -> dict:
        return {"state": localized(review.party.names, language), "author": str(message.author),
                "url": site_url(f"/documents/dialogue/{step.pk}/")}

    _announce(f"message:{message.pk}", review, code="message.posted", context=context, actor=message.author, step=step)


def document_shared(attachment) -> None:
    """A file added to a document or a dialogue record; files sent with a message go with its notice."""
    if attachment.message_id and not attachment.is_record:
        return
    step = attachment.document.step if attachment.document_id else attachment.message.step
    review = step.phase.review
    path = f"/documents/{attachment.document_id}/" if attachment.document_id else f"/documents/dialogue/{step.pk}/"

    def context(language: str) -> dict:
        return {"state": localized(review.party.names, language), "author": str(attachment.uploaded_by),
                "file": attachment.name, "step": step_name(step.kind, language), "url": site_url(path)}

    _announce(f"attachment:{attachment.pk}", review, code="document.shared", context=context,
              actor=attachment.uploaded_by, step=step)


def nomination_approved(nomination: Nomination) -> None:
    """The review's other participants learn who now acts for a State (the person is told apart)."""
    review = nomination.review

    def context(language: str) -> dict:
        return {"state": localized(review.party.names, language), "person": nomination.stated_name or str(nomination.person),
                "role": role_name(nomination.role, language), "party": localized(nomination.party.names, language),
                "url": _url(review)}

    _announce(f"nomination:{nomination.pk}:approved", review, code="nomination.approved", context=context,
              actor=nomination.person)


def redraw_recorded(redraw) -> None:
    """A reviewing State replaced by a redraw (P&R 28(d)-(f), 30): the new seats decide who hears."""
    review = CountryReview.objects.select_related("party").get(pk=redraw.review_id)  # fresh: seats changed

    def context(language: str) -> dict:
        return {"state": localized(review.party.names, language), "old": localized(redraw.old_reviewer.names, language),
                "new": localized(redraw.new_reviewer.names, language), "url": _url(review)}

    _announce(f"redraw:{redraw.pk}", review, code="redraw.recorded", context=context)
