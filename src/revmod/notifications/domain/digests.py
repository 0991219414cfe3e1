"""Digests: the daily e-mail of held notices, and the monthly summary of each person's reviews (DOMAIN §10)."""

from collections import Counter, defaultdict
from datetime import date, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncDate

from revmod.accounts.enums import NominationStatus
from revmod.accounts.models import Nomination, User
from revmod.audit.models import AuditEntry
from revmod.core.i18n import localized
from revmod.notifications.domain import Draft, notice_key, queue
from revmod.notifications.domain.texts import Texts, site_url
from revmod.notifications.enums import NoticeKind, NoticeState
from revmod.notifications.models import Notification
from revmod.notifications.vocabulary import ACTION_NAMES, action_group, action_name
from revmod.reviews.models import CountryReview


def send_daily_digests(today: date) -> int:
    """One e-mail per person who asked for a daily digest, gathering their held notices; returns how many.

    Side effects, in order: the digest notices (one per person and day, by key), then each
    held notice marked as sent in its digest.
    """
    held = list(Notification.objects.filter(state=NoticeState.HELD, recipient__isnull=False)
                .select_related("recipient").order_by("recipient_id", "created_at", "pk"))
    by_person: dict[int, list[Notification]] = defaultdict(list)
    for notice in held:
        by_person[notice.recipient_id].append(notice)
    texts, drafts = Texts.load(), []
    for notices in by_person.values():
        person = notices[0].recipient
        items = "\n\n".join(f"• {n.subject}\n{_first_lines(n.body)}" for n in notices)
        subject, body = texts.render("digest.daily", person.language, count=len(notices), items=items,
                                     url=site_url("/notifications/"), preferences_url=site_url("/notifications/preferences/"))
        drafts.append(Draft(key=notice_key(f"digest:daily:{today.isoformat()}:{person.pk}", person.email),
                            email=person.email, subject=subject, body=body, kind=NoticeKind.DAILY_DIGEST,
                            recipient=person, language=person.language, critical=False))
    created = queue(drafts, preferences={})
    for digest in created:
        ids = [n.pk for n in by_person[digest.recipient_id]]
        Notification.objects.filter(pk__in=ids, state=NoticeState.HELD).update(state=NoticeState.DIGESTED, digest=digest)
    return len(created)


def _first_lines(text: str, limit: int = 300) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def previous_month(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def send_monthly_digests(today: date) -> int:
    """For the month before `today`: to each person, what happened in each of their reviews; returns how many.

    Read from the audit trail, changes only (reads and exports are left out): one aggregate
    query, the reviews, the participants, the people. Nobody whose reviews were quiet gets one.
    """
    start, end = previous_month(today)
    entries = AuditEntry.objects.annotate(day=TruncDate("at")).filter(review__isnull=False, day__gte=start, day__lte=end)
    activity: dict[int, Counter] = defaultdict(Counter)
    for review_id, action, count in entries.values_list("review_id", "action").annotate(n=Count("id")).order_by():
        group = action_group(action)
        if group:
            activity[review_id][group] += count
    if not activity:
        return 0
    reviews = {r.pk: r for r in CountryReview.objects.filter(pk__in=entries.values("review_id")).select_related("party")}
    members: dict[int, set[int]] = defaultdict(set)
    for person_id, review_id in Nomination.objects.filter(
            review_id__in=entries.values("review_id"), status=NominationStatus.APPROVED,
            ended_at__isnull=True).values_list("person_id", "review_id"):
        members[person_id].add(review_id)
    people = User.objects.filter(Q(pk__in=list(members)) | Q(is_secretariat=True), is_active=True).select_related("notification_preference")
    texts = Texts.load()
    drafts = [_monthly_draft(p, sorted(activity) if p.is_secretariat else sorted(members[p.pk] & set(activity)),
                             reviews, activity, start, texts) for p in people]
    drafts = [d for d in drafts if d is not None]
    return len(queue(drafts, preferences={p.pk: getattr(p, "notification_preference", None) for p in people}))


def _monthly_draft(person: User, review_ids: list[int], reviews: dict, activity: dict, start: date,
                   texts: Texts) -> Draft | None:
    preference = getattr(person, "notification_preference", None)
    if not review_ids or (preference is not None and not preference.monthly_digest):
        return None
    language, month = person.language or "en", f"{start:%Y-%m}"
    blocks = []
    for review_id in sorted(review_ids, key=lambda pk: localized(reviews[pk].party.names, language)):
        counts = activity[review_id]
        lines = [f"  - {action_name(g, language)}: {counts[g]}" for g in ACTION_NAMES if counts.get(g)]
        blocks.append(f"{localized(reviews[review_id].party.names, language)}\n" + "\n".join(lines))
    subject, body = texts.render("digest.monthly", language, month=month, items="\n\n".join(blocks),
                                        url=site_url("/reviews/"), preferences_url=site_url("/notifications/preferences/"))
    return Draft(key=notice_key(f"digest:monthly:{month}:{person.pk}", person.email), email=person.email,
                 subject=subject, body=body, kind=NoticeKind.MONTHLY_DIGEST, recipient=person,
                 language=language, critical=False)
