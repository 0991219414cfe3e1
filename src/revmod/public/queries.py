"""What the public site may show, read in a few queries: counts, country profiles, the draw's results.

Only public facts leave here: parties, groups, pairings, report status labels and the focal
point's general information (Status 2024 para 8, 20). Never a deadline, a delay, a person's
name or contact, or a document that the State has not published (P&R 37, 41). Every list is
alphabetical in the reader's language: the mechanism ranks no one (P&R 4-5).
"""

from collections import Counter

from django.db.models import Count, Prefetch
from django.utils import translation

from revmod.core.i18n import localized
from revmod.publication.domain.queries import public_publications, title_of
from revmod.publication.enums import RTL_LANGUAGES
from revmod.publication.models import Publication
from revmod.reference.enums import InstrumentCode
from revmod.reference.models import Adherence, Party
from revmod.reports.domain.queries.asof import STATUS_OF_STEP
from revmod.reviews.domain.queries.progress import current_phase, report_status
from revmod.reviews.enums import ReportStatus, StepStatus
from revmod.reviews.models import CountryReview, Phase, ReviewerSeat, ReviewGroup, ReviewStep


def alphabetical(items, key=lambda item: item["name"]):
    return sorted(items, key=lambda item: key(item).casefold())


def home_counts() -> dict:
    """Parties, reviews per group and reviews per report status, as they are now (four queries)."""
    groups = list(ReviewGroup.objects.annotate(reviews_count=Count("reviews")).order_by("number"))
    statuses = status_counts()
    return {
        "parties": Party.objects.filter(is_signatory_only=False).count(),
        "reviews": sum(g.reviews_count for g in groups),
        "groups": groups,
        "statuses": [{"label": ReportStatus(s).label, "count": statuses[s]} for s in ReportStatus.values],
    }


def status_counts() -> Counter:
    """Reviews per report status (Status 2024 para 23), from each review's latest phase."""
    return Counter(statuses_by_review().values())


def statuses_by_review() -> dict[int, str]:
    """Each review's report status (Status 2024 para 23), from its latest phase (three queries)."""
    latest: dict[int, tuple[int, int, bool]] = {}
    for phase_id, review_id, number, finalized_at in Phase.objects.values_list(
            "id", "review_id", "cluster__phase", "finalized_at"):
        if review_id not in latest or number > latest[review_id][1]:
            latest[review_id] = (phase_id, number, finalized_at is not None)
    open_steps = dict(ReviewStep.objects.filter(status=StepStatus.OPEN).values_list("phase_id", "kind"))
    statuses = {}
    for review_id in CountryReview.objects.values_list("id", flat=True):
        phase_id, _, finalized = latest.get(review_id, (None, 0, False))
        if finalized:
            statuses[review_id] = ReportStatus.COMPLETED
        else:
            statuses[review_id] = STATUS_OF_STEP.get(open_steps.get(phase_id), ReportStatus.NOT_STARTED)
    return statuses


def countries() -> list[dict]:
    return alphabetical({"iso3": iso3, "name": localized(names) or iso3}
                        for iso3, names in Party.objects.values_list("iso3", "names"))


def country_profile(iso3: str) -> dict | None:
    """A party's public profile: its group, instruments, focal point's general information and reviews."""
    party = Party.objects.select_related("regional_group").filter(iso3=iso3.upper()).first()
    if party is None:
        return None
    instruments = [str(InstrumentCode(code).label) for code in Adherence.objects.filter(party=party)
                   .order_by("instrument__order").values_list("instrument_id", flat=True)]
    reviewing = alphabetical({"iso3": r.party_id, "name": r.party.name} for r in CountryReview.objects.filter(
        seats__reviewer=party, seats__until__isnull=True).select_related("party").distinct())
    return {"party": party, "instruments": instruments, "review": _own_review(party), "reviewing": reviewing,
            "publications": [_published(p) for p in public_publications(party_id=party.iso3)]}


def _published(publication: Publication) -> dict:
    """What a list shows of published material: its title in the reader's language, its language and date."""
    return {"pk": publication.pk, "title": title_of(publication), "language": publication.language,
            "language_name": translation.get_language_info(publication.language)["name_local"],
            "is_whole": publication.is_whole, "published_at": publication.published_at,
            "rtl": publication.language in RTL_LANGUAGES}


def published_item(iso3: str, pk: int) -> dict | None:
    """One piece of material as its State published it; None once withdrawn, or if it is not that State's."""
    publication = (Publication.objects.filter(pk=pk, review__party_id=iso3.upper(), withdrawn_at__isnull=True)
                   .select_related("step__phase", "review__party").first())
    if publication is None:
        return None
    return {"party": publication.review.party, "item": _published(publication), "body": publication.body}


def _own_review(party: Party) -> dict | None:
    """Its review's group, status label and reviewing States per instrument; no dates, no delays."""
    review = (CountryReview.objects.filter(party=party).select_related("group")
              .prefetch_related(Prefetch("phases", queryset=Phase.objects.select_related("cluster")), "phases__steps")
              .first())
    if review is None:
        return None
    seats = ReviewerSeat.objects.filter(review=review, until__isnull=True).select_related("reviewer")
    return {"group": review.group_id, "status": ReportStatus(report_status(current_phase(review))).label,
            "reviewers": _reviewers_by_state(seats)}


def _reviewers_by_state(seats) -> list[dict]:
    """Each reviewing State with the instruments it reviews, alphabetically."""
    states: dict[str, dict] = {}
    for seat in seats:
        entry = states.setdefault(seat.reviewer_id, {"iso3": seat.reviewer_id, "name": seat.reviewer.name, "codes": []})
        entry["codes"].append(seat.instrument_id)
    for entry in states.values():
        order = list(InstrumentCode.values)
        entry["instruments"] = [str(InstrumentCode(c).label) for c in sorted(set(entry["codes"]), key=order.index)]
    return alphabetical(states.values())


def draw_results() -> list[dict]:
    """The pairings in force: per State under review, its group and reviewing States per instrument."""
    names = {iso3: localized(n) or iso3 for iso3, n in Party.objects.values_list("iso3", "names")}
    rows: dict[int, dict] = {}
    for review_id, party_id, group in CountryReview.objects.values_list("id", "party_id", "group_id"):
        rows[review_id] = {"iso3": party_id, "name": names[party_id], "group": group,
                           "by_instrument": {code: [] for code in InstrumentCode.values}}
    for review_id, reviewer_id, code in ReviewerSeat.objects.filter(until__isnull=True).values_list(
            "review_id", "reviewer_id", "instrument_id"):
        rows[review_id]["by_instrument"][code].append({"iso3": reviewer_id, "name": names[reviewer_id]})
    for row in rows.values():
        row["cells"] = [alphabetical(row["by_instrument"][code]) for code in InstrumentCode.values]
        row["texts"] = [", ".join(s["name"] for s in cell) for cell in row["cells"]]
    return alphabetical(rows.values())
