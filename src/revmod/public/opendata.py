"""The mechanism's public facts as open data (JSON, CSV) and an Atom feed of published material.

Only what the public pages show: parties, groups, pairings, report status labels and the
material States published. States come in the order of their codes, never ranked (P&R 4-5).
"""

import csv
import io
from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import feedgenerator, timezone, translation
from django.utils.translation import gettext as _, gettext_lazy

from revmod.core.i18n import localized
from revmod.public.queries import statuses_by_review
from revmod.publication.domain.queries import public_publications, title_of
from revmod.reference.models import Adherence, Party
from revmod.reviews.enums import ReportStatus
from revmod.reviews.models import CountryReview, ReviewerSeat, ReviewGroup

FEED_ENTRIES = 50
CSV_COLUMNS = (
    ("code", gettext_lazy("the party's three-letter code")),
    ("name", gettext_lazy("its name")),
    ("regional_group", gettext_lazy("its UN regional group")),
    ("instruments", gettext_lazy("the instruments it is party to")),
    ("signatory_only", gettext_lazy("a signatory taking part voluntarily (yes or no)")),
    ("review_group", gettext_lazy("the group of its country review, if drawn")),
    ("review_status", gettext_lazy("its review's status: not_started, saq, feedback, observations or completed")),
    ("reviewing_states", gettext_lazy("the codes of its reviewing States")),
    ("reviewer_in", gettext_lazy("the codes of the States it reviews")),
    ("published_items", gettext_lazy("how many pieces of material it has published")),
)
CSV_FIELDS = tuple(name for name, _meaning in CSV_COLUMNS)


def _url(path: str, language: str) -> str:
    return f"{settings.SITE_URL}{path}?lang={language}"


def _published_url(publication, language: str) -> str:
    return _url(reverse("public:published", args=[publication.review.party_id, publication.pk]), language)


def facts(request, language: str) -> dict:
    """Every party's public facts, the groups and the reviews per status (a fixed number of queries)."""
    instruments: dict[str, list[str]] = defaultdict(list)
    for party_id, code in Adherence.objects.order_by("instrument__order").values_list("party_id", "instrument_id"):
        instruments[party_id].append(code)
    statuses = statuses_by_review()
    reviews = {party_id: (pk, group) for pk, party_id, group in CountryReview.objects.values_list("pk", "party_id", "group_id")}
    seats: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    reviewer_in: dict[str, set[str]] = defaultdict(set)
    for review_id, party_id, reviewer_id, code in ReviewerSeat.objects.filter(until__isnull=True).order_by(
            "instrument__order").values_list("review_id", "review__party_id", "reviewer_id", "instrument_id"):
        seats[review_id][reviewer_id].append(code)
        reviewer_in[reviewer_id].add(party_id)
    published = defaultdict(list)
    for publication in public_publications():
        published[publication.review.party_id].append({
            "title": title_of(publication), "language": publication.language, "whole": publication.is_whole,
            "published_on": publication.published_at.date().isoformat(), "url": _published_url(publication, language)})
    parties = []
    for party in Party.objects.select_related("regional_group").order_by("iso3"):
        review = reviews.get(party.iso3)
        parties.append({
            "code": party.iso3, "name": localized(party.names, language) or party.iso3,
            "regional_group": party.regional_group_id or "", "instruments": instruments[party.iso3],
            "signatory_only": party.is_signatory_only,
            "review": None if review is None else {
                "group": review[1], "status": statuses[review[0]], "status_label": str(ReportStatus(statuses[review[0]]).label),
                "reviewing_states": [{"code": code, "instruments": codes} for code, codes in sorted(seats[review[0]].items())]},
            "reviewer_in": sorted(reviewer_in[party.iso3]),
            "published": published[party.iso3],
        })
    return {
        "title": _("UNTOC Review Mechanism: public facts"), "language": language,
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "groups": [{"group": g.number, "started_on": g.started_on.isoformat(), "current_phase": g.current_phase}
                   for g in ReviewGroup.objects.order_by("number")],
        "reviews_by_status": {status: list(statuses.values()).count(status) for status in ReportStatus.values},
        "parties": parties,
    }


def facts_csv(request, language: str) -> str:
    """One line per party, lists joined by spaces; the same facts as the JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_FIELDS)
    for party in facts(request, language)["parties"]:
        review = party["review"] or {}
        writer.writerow([party["code"], party["name"], party["regional_group"], " ".join(party["instruments"]),
                         "yes" if party["signatory_only"] else "no", review.get("group", ""), review.get("status", ""),
                         " ".join(s["code"] for s in review.get("reviewing_states", [])), " ".join(party["reviewer_in"]),
                         len(party["published"])])
    return buffer.getvalue()


def atom_feed(request, language: str) -> bytes:
    """The newest published material, one entry each, titled in the reader's language."""
    feed = feedgenerator.Atom1Feed(
        title=_("UNTOC Review Mechanism: material published by States"), link=_url(reverse("public:home"), language),
        description=_("Questionnaire answers, dialogues and documents that States under review chose to publish."),
        language=language, feed_url=_url(reverse("public:feed"), language))
    for publication in public_publications(limit=FEED_ENTRIES):
        state = localized(publication.review.party.names, language)
        feed.add_item(
            title=f"{state}: {title_of(publication)}", link=_published_url(publication, language),
            description=_("Published by %(state)s, in %(language)s.") % {
                "state": state, "language": translation.get_language_info(publication.language)["name_local"]},
            unique_id=f"urn:revmod:publication:{publication.pk}", pubdate=publication.published_at,
            updateddate=publication.published_at)
    return feed.writeString("utf-8").encode("utf-8")
