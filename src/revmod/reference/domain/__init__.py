"""Loading and updating the reference data from the files shipped with revmod."""

import csv
import json
from datetime import date
from pathlib import Path

from django.db import transaction

from revmod.audit.domain import record
from revmod.reference.models import Adherence, Article, Cluster, Instrument, Language, Party, RegionalGroup

DATA = Path(__file__).resolve().parent.parent / "data"
CSV_INSTRUMENTS = {"untoc": "UNTOC", "tip": "TIP", "som": "SOM", "firearms": "FIR"}
CSV_LANGUAGES = {"en": "name_en", "zh": "name_zh", "fr": "name_fr", "es": "name_es", "ru": "name_ru", "ar": "name_ar"}


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@transaction.atomic
def load_instruments(path: Path = DATA / "instruments.json", *, actor=None) -> dict[str, int]:
    """Languages, regional groups, clusters, instruments and reviewed articles (P&R 9, table 1)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for order, row in enumerate(data["languages"]):
        Language.objects.update_or_create(code=row["code"], defaults={
            "names": row["names"], "right_to_left": row.get("right_to_left", False), "order": order})
    for row in data["regional_groups"]:
        RegionalGroup.objects.update_or_create(code=row["code"], defaults={"names": row["names"]})
    for row in data["clusters"]:
        Cluster.objects.update_or_create(number=row["number"], defaults={"names": row["names"], "phase": row["phase"]})
    articles = 0
    for row in data["instruments"]:
        instrument, _ = Instrument.objects.update_or_create(
            code=row["code"], defaults={"names": row["names"], "order": row["order"]})
        for art in row["articles"]:
            Article.objects.update_or_create(instrument=instrument, number=art["number"], defaults={
                "titles": art["titles"], "cluster_id": art["cluster"],
                "only_for_non_uncac_parties": art.get("only_for_non_uncac_parties", False)})
            articles += 1
    record("reference.instruments.loaded", actor=actor, data={"articles": articles})
    return {"instruments": len(data["instruments"]), "articles": articles}


def regional_group_codes(path: Path = DATA / "instruments.json") -> dict[str, str]:
    """The regional group code for each name used in the parties file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {row["csv_name"]: row["code"] for row in data["regional_groups"]}


@transaction.atomic
def load_parties(path: Path = DATA / "parties.csv", *, actor=None) -> int:
    """Participants with their regional group, adherence with dates, and UNCAC status.

    Editable afterwards by the secretariat: loading again updates what the file says and
    leaves what the file does not know (legal tradition, mission address) as it is.
    """
    groups = regional_group_codes()
    instruments = {i.code: i for i in Instrument.objects.all()}
    count = 0
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            party, _ = Party.objects.update_or_create(iso3=row["iso3"], defaults={
                "names": {lang: row[col] for lang, col in CSV_LANGUAGES.items() if row.get(col)},
                "regional_group_id": groups.get(row["regional_group"]) if row["regional_group"] else None,
                "uncac_party": row["uncac"] == "true",
                "uncac_on": _day(row["uncac_date"]),
                "joined_after_draw": row["joined_after_draw"] == "true",
            })
            for column, code in CSV_INSTRUMENTS.items():
                if row[column] == "true":
                    Adherence.objects.update_or_create(party=party, instrument=instruments[code],
                                                       defaults={"adhered_on": _day(row[f"{column}_date"])})
                else:
                    Adherence.objects.filter(party=party, instrument=instruments[code]).delete()
            count += 1
    record("reference.parties.loaded", actor=actor, data={"parties": count})
    return count
