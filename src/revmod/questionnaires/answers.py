"""What an answer of each kind of question holds, how it is checked and how it reads (no ORM).

Every answer is a flat dict of named fields, so that the browser form, the XLSX row and the
DOCX table carry the same fields; choices are stored as codes and read back from a code or
from their label in any of the six languages (a file filled offline may be in any of them).
"""

import hashlib
import json
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _, gettext_lazy

from revmod.core.i18n import localized
from revmod.questionnaires.enums import QuestionKind

MAX_TEXT = 20_000
MAX_LINK = 500

OPTION_LABELS: dict[str, dict[str, str]] = {
    "yes": {"en": "yes", "fr": "oui", "es": "sí", "ru": "да", "zh": "是", "ar": "نعم"},
    "partly": {"en": "yes, in part", "fr": "oui, en partie", "es": "sí, en parte", "ru": "да, частично",
               "zh": "部分是", "ar": "نعم، جزئياً"},
    "no": {"en": "no", "fr": "non", "es": "no", "ru": "нет", "zh": "否", "ar": "لا"},
    "uncac": {"en": "UNCAC Implementation Review Mechanism", "fr": "Mécanisme d'examen de l'application de la CNUCC",
              "es": "Mecanismo de Examen de la Aplicación de la CNUCC", "ru": "Механизм обзора хода осуществления КПК ООН",
              "zh": "《联合国反腐败公约》实施情况审议机制", "ar": "آلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الفساد"},
    "other": {"en": "another review mechanism", "fr": "un autre mécanisme d'examen", "es": "otro mecanismo de examen",
              "ru": "другой механизм обзора", "zh": "其他审议机制", "ar": "آلية استعراض أخرى"},
    "none": {"en": "none", "fr": "aucun", "es": "ninguno", "ru": "никакой", "zh": "无", "ar": "لا يوجد"},
}


@dataclass(frozen=True)
class Field:
    name: str
    label: object  # a lazy translation
    options: tuple[str, ...] = ()
    multiline: bool = True

    def option_label(self, code: str, language: str | None = None) -> str:
        return localized(OPTION_LABELS.get(code), language) or code


CHOICE = Field("choice", gettext_lazy("Answer"), ("yes", "partly", "no"), multiline=False)
EXPLANATION = Field("explanation", gettext_lazy("Explanation"))
TEXT = Field("text", gettext_lazy("Answer"))
CITATION = Field("citation", gettext_lazy("Law and provision (title, article, date)"))
PROVISION = Field("provision", gettext_lazy("Text of the provision"))
LINK = Field("link", gettext_lazy("Link (ideally to the law in SHERLOC)"), multiline=False)
NEED = Field("choice", gettext_lazy("Technical assistance needed?"), ("yes", "no"), multiline=False)
NEEDS = Field("text", gettext_lazy("Needs, and any assistance already received"))
MECHANISM = Field("mechanism", gettext_lazy("Mechanism"), ("uncac", "other", "none"), multiline=False)
REFERENCE = Field("reference", gettext_lazy("Reference to the answer given there"))

FIELDS: dict[str, tuple[Field, ...]] = {
    QuestionKind.YES_NO_PARTLY: (CHOICE, EXPLANATION),
    QuestionKind.NARRATIVE: (TEXT,),
    QuestionKind.LEGISLATION: (CITATION, PROVISION, LINK),
    QuestionKind.EXAMPLES: (TEXT,),
    QuestionKind.ASSISTANCE: (NEED, NEEDS),
    QuestionKind.OTHER_MECHANISM: (MECHANISM, REFERENCE),
}
# The field whose value says the question is answered; a follow-up depends on its parent's choice.
KEY_FIELDS: dict[str, tuple[str, ...]] = {
    QuestionKind.YES_NO_PARTLY: ("choice",), QuestionKind.NARRATIVE: ("text",),
    QuestionKind.LEGISLATION: ("citation", "provision"), QuestionKind.EXAMPLES: ("text",),
    QuestionKind.ASSISTANCE: ("choice",), QuestionKind.OTHER_MECHANISM: ("mechanism",),
}


class WrongAnswer(ValueError):
    """An answer that does not fit its question's kind; the message is shown as it is."""


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip().rstrip(".。")
    return " ".join(text.replace("،", ",").replace("，", ",").split())


def read_option(field: Field, raw: str) -> str:
    """The option's code from its code or its label in any of the six languages; "" if blank."""
    wanted = _normal(raw or "")
    if not wanted:
        return ""
    for code in field.options:
        if wanted == code or wanted in {_normal(label) for label in OPTION_LABELS[code].values()}:
            return code
    choices = " / ".join(field.option_label(code) for code in field.options)
    raise WrongAnswer(_("“%(value)s” is not one of the possible answers (%(choices)s).") % {
        "value": raw.strip()[:80], "choices": choices})


def clean_value(kind: str, raw: dict) -> dict | None:
    """The answer as stored: known fields only, options as codes; None when everything is blank.

    Raises WrongAnswer for an unknown kind, an option that is not one of the question's, a text
    that is too long or a link that is not a web address.
    """
    if kind not in FIELDS:
        raise WrongAnswer(_("This kind of question is not known."))
    value = {}
    for field in FIELDS[kind]:
        text = raw.get(field.name)
        text = "" if text is None else str(text).replace("\r\n", "\n").strip()
        if field.options:
            text = read_option(field, text)
        elif len(text) > (MAX_LINK if field is LINK else MAX_TEXT):
            raise WrongAnswer(_("%(field)s is too long.") % {"field": field.label})
        elif field is LINK and text and not text.lower().startswith(("http://", "https://")):
            raise WrongAnswer(_("The link must be a web address starting with http:// or https://."))
        value[field.name] = text
    return value if any(value.values()) else None


def is_answered(kind: str, value: dict | None) -> bool:
    return bool(value) and any(value.get(name) for name in KEY_FIELDS.get(kind, ()))


def choice_of(value: dict | None) -> str:
    return (value or {}).get("choice", "")


def value_hash(value: dict | None) -> str:
    """A short fingerprint of an answer, to tell whether a file changed it since the export."""
    canonical = json.dumps(value or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def readable(kind: str, value: dict | None, language: str | None = None) -> list[tuple[str, str]]:
    """(label, text) for each filled field, options shown by their label, for pages and files."""
    rows = []
    for field in FIELDS.get(kind, ()):
        text = (value or {}).get(field.name, "")
        if text:
            rows.append((str(field.label), field.option_label(text, language) if field.options else text))
    return rows
