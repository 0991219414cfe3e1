"""Filling the message templates in a reader's language; checking what the secretariat writes in them."""

import string

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES, localized
from revmod.notifications.defaults import PLACEHOLDERS, TEMPLATES
from revmod.notifications.models import MessageTemplate
from revmod.reviews import policy


class _KeepUnknown(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, context: dict[str, object]) -> str:
    """The text with its {placeholders} replaced; unknown ones are left as they are."""
    values = _KeepUnknown({k: str(v) for k, v in context.items()})
    try:
        return text.format_map(values)  # C speed: a scan fills tens of thousands of texts
    except (ValueError, IndexError, AttributeError, KeyError):
        pass
    try:
        return string.Formatter().vformat(text, (), values)
    except (ValueError, IndexError, AttributeError):  # a stray brace: send the text as written
        return text


def placeholder_problems(text: str) -> list[str]:
    """Placeholders the text uses that notices do not fill, or a note that its braces do not match."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return [_("unmatched brace")]
    return sorted({n for n in names if n not in PLACEHOLDERS})


class Texts:
    """The message templates, loaded once for a whole scan; a missing row falls back to the defaults."""

    def __init__(self, templates: dict[str, MessageTemplate]):
        self.templates = templates

    @classmethod
    def load(cls) -> "Texts":
        return cls({t.code: t for t in MessageTemplate.objects.all()})

    def render(self, code: str, language: str, **context) -> tuple[str, str]:
        """(subject, text) of template `code` in the language (else English), filled in."""
        template = self.templates.get(code)
        if template is not None:
            subject, body = template.texts(language)
        else:
            texts = TEMPLATES[code][2]
            subject = localized({k: v[0] for k, v in texts.items()}, language)
            body = localized({k: v[1] for k, v in texts.items()}, language)
        return " ".join(fill(subject, context).split()), fill(body, context)


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def update_template(template: MessageTemplate, *, actor, subjects: dict[str, str],
                    bodies: dict[str, str]) -> MessageTemplate:
    """The secretariat rewrites a template in the six languages; English may not be empty (P&R 49)."""
    if not policy.is_secretariat(actor):
        raise Refused(_("Only the secretariat edits message templates."))
    if not (subjects.get("en", "").strip() and bodies.get("en", "").strip()):
        raise Refused(_("The English subject and text are needed: they are used when a language is missing."))
    for text in [*subjects.values(), *bodies.values()]:
        problems = placeholder_problems(text)
        if problems:
            raise Refused(_("Unknown placeholder(s): %(names)s. Use: %(known)s.") % {
                "names": ", ".join(problems), "known": ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))})
    template.subjects = {lang: " ".join(subjects.get(lang, "").split()) for lang in UN_LANGUAGES if subjects.get(lang, "").strip()}
    template.bodies = {lang: bodies[lang].strip() for lang in UN_LANGUAGES if bodies.get(lang, "").strip()}
    template.updated_at, template.updated_by = timezone.now(), actor
    template.save()
    record("notifications.template.changed", actor=actor, target=template, data={"code": template.code})
    return template
