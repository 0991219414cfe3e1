"""The public reference data over the API: parties with their instruments, and the reviewed articles."""

from datetime import date

from django.db.models import Prefetch
from ninja import Router, Schema

from revmod.core.i18n import localized
from revmod.reference.models import Adherence, Article, Instrument, Party

router = Router(tags=["reference"], auth=None)


class AdherenceOut(Schema):
    instrument: str
    party_since: date | None


class PartyOut(Schema):
    iso3: str
    name: str
    names: dict[str, str]
    regional_group: str | None
    regional_group_name: str | None
    instruments: list[AdherenceOut]
    uncac_party: bool
    uncac_on: date | None
    is_signatory_only: bool


class ArticleOut(Schema):
    number: int
    title: str
    titles: dict[str, str]
    only_for_non_uncac_parties: bool


class ClusterOut(Schema):
    number: int
    phase: int
    name: str
    names: dict[str, str]
    articles: list[ArticleOut]


class InstrumentOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    clusters: list[ClusterOut]


def party_out(party: Party) -> dict:
    group = party.regional_group
    return {
        "iso3": party.iso3, "name": party.name, "names": party.names,
        "regional_group": group.code if group else None,
        "regional_group_name": localized(group.names) if group else None,
        "instruments": [{"instrument": a.instrument_id, "party_since": a.adhered_on} for a in party.adherences.all()],
        "uncac_party": party.uncac_party, "uncac_on": party.uncac_on, "is_signatory_only": party.is_signatory_only,
    }


def instrument_out(instrument: Instrument) -> dict:
    """The instrument's reviewed articles grouped by thematic cluster, in workplan order (P&R 9)."""
    clusters: dict[int, dict] = {}
    for article in sorted(instrument.articles.all(), key=lambda a: (a.cluster.phase, a.number)):
        cluster = article.cluster
        entry = clusters.setdefault(cluster.number, {
            "number": cluster.number, "phase": cluster.phase, "name": localized(cluster.names),
            "names": cluster.names, "articles": []})
        entry["articles"].append({
            "number": article.number, "title": article.title, "titles": article.titles,
            "only_for_non_uncac_parties": article.only_for_non_uncac_parties})
    return {"code": instrument.code, "name": localized(instrument.names), "names": instrument.names,
            "clusters": list(clusters.values())}


@router.get("/parties", response=list[PartyOut], summary="Parties")
def list_parties(request):
    """Every participant of the mechanism with its regional group, the instruments it is party to
    and whether it is party to UNCAC. Public; names in the caller's language (Accept-Language)."""
    parties = Party.objects.select_related("regional_group").prefetch_related(
        Prefetch("adherences", queryset=Adherence.objects.order_by("instrument__order")))
    return [party_out(p) for p in parties]


@router.get("/instruments", response=list[InstrumentOut], summary="Instruments and reviewed articles")
def list_instruments(request):
    """The Convention and its Protocols with the articles reviewed under each thematic cluster
    (P&R 9, appendix table 1). UNTOC articles 8 and 9 are reviewed only for parties that are not
    parties to UNCAC. Public."""
    articles = Article.objects.select_related("cluster")
    return [instrument_out(i) for i in Instrument.objects.prefetch_related(Prefetch("articles", queryset=articles))]
