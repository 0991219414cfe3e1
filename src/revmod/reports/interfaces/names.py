"""Names of the parties, instruments and languages a report mentions, in the reader's language."""

from dataclasses import dataclass, field

from revmod.core.i18n import localized
from revmod.reference.enums import InstrumentCode
from revmod.reference.models import Language, Party


@dataclass
class Names:
    parties: dict[str, dict] = field(default_factory=dict)
    languages: dict[str, dict] = field(default_factory=dict)

    def party(self, iso3: str) -> str:
        return localized(self.parties.get(iso3)) or iso3

    def instrument(self, code: str) -> str:
        """The short name ("Firearms Protocol"), translated."""
        return str(InstrumentCode(code).label) if code in InstrumentCode.values else code

    def language(self, code: str) -> str:
        return localized(self.languages.get(code)) or code


def names_for(report: dict) -> Names:
    """Two queries: the parties the report names (newcomers only) and the languages."""
    joined = report["participation"]["joined_since_launch"]
    codes = set(joined["convention"]) | {item["party"] for item in joined["protocols"]}
    return Names(
        parties=dict(Party.objects.filter(iso3__in=codes).values_list("iso3", "names")),
        languages=dict(Language.objects.values_list("code", "names")),
    )
