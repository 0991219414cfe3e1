"""The technical assistance overview for the working group: the needs identified in a period,
grouped by instrument, cluster, article and regional group, met or not (P&R 44).

Counts only: no State is named and rows keep the reference order, never an order by figures
(P&R 4-5). Needs kept confidential by their State are left out, as from the working-group
version of the list (P&R 38). Six queries whatever the number of needs.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.findings.enums import ItemKind
from revmod.findings.models import ObservationItem
from revmod.followup import rules
from revmod.followup.domain.queries.records import followed_records, with_latest
from revmod.followup.enums import Grouping
from revmod.reference.enums import InstrumentCode
from revmod.reference.models import Article, Cluster, Instrument, RegionalGroup

NONE_KEY = ""


@dataclass
class Row:
    key: str
    label: str
    tally: rules.Tally = field(default_factory=rules.Tally)


@dataclass
class Overview:
    start: date | None
    end: date
    total: rules.Tally
    groups: dict[str, list[Row]]


def needs_in_period(*, start: date | None, end: date):
    """The technical assistance needs of lists finalized from `start` to `end`, not confidential,
    with where each stood at `end`."""
    items = followed_records().filter(kind=ItemKind.TA_NEED, confidential=False, finalized__date__lte=end)
    if start is not None:
        items = items.filter(finalized__date__gte=start)
    return with_latest(items, as_of=end)


def ta_overview(*, start: date | None = None, end: date | None = None) -> Overview:
    """Needs identified in the period and where they stood at its end, per grouping (P&R 44)."""
    end = end or timezone.localdate()
    needs = needs_in_period(start=start, end=end)
    rows = list(needs.values_list("pk", "list__instrument_id", "list__review__party__regional_group_id", "latest_status"))
    links = ObservationItem.articles.through.objects.filter(observationitem_id__in=needs.values("pk"))
    articles_of: dict[int, list[int]] = {}
    for item_id, article_id in links.values_list("observationitem_id", "article_id"):
        articles_of.setdefault(item_id, []).append(article_id)
    groups = _empty_groups()
    by_key = {name: {row.key: row for row in rows_} for name, rows_ in groups.items()}
    articles = {a.pk: a for a in Article.objects.select_related("instrument")}  # the instrument's order
    total = rules.Tally()
    for pk, instrument, region, status in rows:
        total.add(status)
        ids = articles_of.get(pk, [])
        keys = {Grouping.INSTRUMENT: {instrument}, Grouping.REGIONAL_GROUP: {region or NONE_KEY},
                Grouping.CLUSTER: {str(articles[a].cluster_id) for a in ids} or {NONE_KEY},
                Grouping.ARTICLE: {str(a) for a in ids} or {NONE_KEY}}
        for name, wanted in keys.items():
            for key in wanted:
                _row(by_key[name], groups[name], key, articles).tally.add(status)
    groups[Grouping.ARTICLE] = _in_reference_order(groups[Grouping.ARTICLE], articles)
    return Overview(start=start, end=end, total=total, groups=groups)


def short_name(instrument: str) -> str:
    """"Trafficking in Persons Protocol" rather than the Protocol's full title, for tables."""
    return str(InstrumentCode(instrument).label) if instrument in InstrumentCode.values else instrument


def _empty_groups() -> dict[str, list[Row]]:
    """Every instrument, cluster and regional group, in reference order, even when no need was identified."""
    return {
        Grouping.INSTRUMENT: [Row(i.pk, short_name(i.pk)) for i in Instrument.objects.order_by("order")],
        Grouping.CLUSTER: [Row(str(c.pk), str(c)) for c in Cluster.objects.order_by("number")],
        Grouping.ARTICLE: [],
        Grouping.REGIONAL_GROUP: [Row(g.pk, str(g)) for g in RegionalGroup.objects.order_by("code")],
    }


def _row(index: dict[str, Row], rows: list[Row], key: str, articles: dict[int, Article]) -> Row:
    if key not in index:
        if key == NONE_KEY:
            label = _("not given")
        else:
            article = articles[int(key)]
            label = _("%(instrument)s, article %(number)s") % {"instrument": short_name(article.instrument_id),
                                                               "number": article.number}
        index[key] = Row(key, label)
        rows.append(index[key])
    return index[key]


def _in_reference_order(rows: list[Row], articles: dict[int, Article]) -> list[Row]:
    """Articles by instrument and number, as in the Convention and its Protocols; "not given" last."""
    def order(row: Row):
        if row.key == NONE_KEY:
            return (1, 0, 0)
        article = articles[int(row.key)]
        return (0, article.instrument.order, article.number)
    return sorted(rows, key=order)
