"""What the dialogue writes share: one-use tokens, checked uploads, texts per language, notices in the reader's language."""

import hashlib
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext as _

from revmod.core.errors import Refused
from revmod.core.i18n import UN_LANGUAGES
from revmod.notifications.domain import Draft, notice_key, notify, queue

MAX_TEXT_CHARS = 20_000


def new_token() -> tuple[str, str]:
    """A fresh secret for a link, and the hash that is all we keep of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def store(item, data: bytes, name: str, kind: str) -> None:
    """Fill a StoredFile row from checked bytes (the caller saves the row)."""
    item.name, item.size, item.content_type = name, len(data), kind
    item.sha256 = hashlib.sha256(data).hexdigest()
    item.file.save(name, ContentFile(data), save=False)


def texts(values: dict | None, *, max_chars: int = MAX_TEXT_CHARS) -> dict[str, str]:
    """Texts per UN language with empty ones dropped and unknown languages refused."""
    cleaned = {}
    for code, text in (values or {}).items():
        if code not in UN_LANGUAGES:
            raise Refused(_("Unknown language: %(code)s.") % {"code": code})
        text = (text or "").strip()
        if len(text) > max_chars:
            raise Refused(_("A text is too long (at most %(n)s characters).") % {"n": max_chars})
        if text:
            cleaned[code] = text
    return cleaned


def tell_organisation(key: str, organisation, *, subject, body) -> None:
    """One notice to an organisation's contact, in its own language; `body` may be a callable()."""
    with translation.override(organisation.language or "en"):
        subject_text, body_text = str(subject), str(body() if callable(body) else body)
    notify(key, people=[], subject=subject_text, body=body_text, extra_emails=[organisation.contact_email])


def tell_organisations(notices) -> None:
    """Many notices at once, each in its organisation's language: (key, organisation, subject, body()).

    One bulk insert however many there are, so admitting or cancelling for 2,000 applicants
    stays quick; the same keys as `tell_organisation`, so nothing is ever sent twice.
    """
    drafts = []
    for key, organisation, subject, body in notices:
        language = organisation.language or "en"
        with translation.override(language):
            drafts.append(Draft(key=notice_key(key, organisation.contact_email), email=organisation.contact_email,
                                language=language, subject=str(subject), body=str(body())))
    if drafts:
        queue(drafts)
