"""Writes of machine translations: requesting one, running it in the background, retrying it.

Informal interim versions only (P&R 50: the secretariat provides translation where needed;
machine translation on request, Status 2024 para 55): the result is marked unofficial and
tied to the exact source version.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from revmod.audit.domain import record
from revmod.core.errors import Refused
from revmod.documents.domain import clean_html
from revmod.translations import conf, policy
from revmod.translations.backends import EngineError, EngineUnavailable
from revmod.translations.blocks import cut, normalise
from revmod.translations.domain.queries import language_names
from revmod.translations.enums import Failure, TranslationStatus
from revmod.translations.models import Translation

log = logging.getLogger(__name__)
BATCH_CHARS = 4000   # one engine call: a few paragraphs, so progress moves and a failure loses little
BATCH_BLOCKS = 40


def _check_pair(source_language: str, target_language: str) -> None:
    """Refused, in the user's language, when the operator offers no engine for the pair."""
    if source_language not in conf.LANGUAGES or target_language not in conf.LANGUAGES:
        raise Refused(_("Choose two of the six working languages."))
    if source_language == target_language:
        raise Refused(_("The text is already in that language: choose another language to translate into."))
    if conf.engine_for(source_language, target_language) is None:
        names = language_names([source_language, target_language])
        raise Refused(_("Machine translation from %(source)s into %(target)s is not offered on this platform.")
                      % {"source": names[source_language], "target": names[target_language]})


def _review(translation: Translation):
    return translation.source.document.step.phase.review


@transaction.atomic
def request_translation(version, *, source_language: str, target_language: str, actor) -> Translation:
    """Ask for an unofficial machine translation of one exact document version (P&R 50).

    Asking again for the same version and pair gives the existing translation (a failed one
    is queued again). Side effects, in order: the request, an audit entry, the background
    task queued after commit.
    """
    if not policy.can_request_translation(actor, version):
        raise Refused(_("You cannot read this document."))
    _check_pair(source_language, target_language)
    translation, created = Translation.objects.get_or_create(
        source=version, source_language=source_language, target_language=target_language,
        defaults={"requested_by": actor, "requested_at": timezone.now()})
    if not created:
        if can_retry(translation):
            return retry_translation(translation, actor=actor)
        return translation
    record("translations.translation.requested", actor=actor, target=translation, review=_review(translation),
           data={"document": version.document_id, "version": version.number,
                 "from": source_language, "into": target_language})
    transaction.on_commit(lambda: _enqueue(translation.pk))
    return translation


def is_stalled(translation: Translation) -> bool:
    """Running, but no progress for longer than two engine calls may take: its worker died."""
    if translation.status != TranslationStatus.RUNNING or translation.touched_at is None:
        return False
    limit = timedelta(seconds=2 * conf.timeout_seconds() + 60)
    return timezone.now() - translation.touched_at > limit


def can_retry(translation: Translation) -> bool:
    return translation.status == TranslationStatus.FAILED or is_stalled(translation)


@transaction.atomic
def retry_translation(translation: Translation, *, actor) -> Translation:
    """Queue a failed (or stalled) translation again; the blocks already translated are kept (nothing lost)."""
    if not policy.can_view_translation(actor, translation):
        raise Refused(_("You cannot read this document."))
    if not can_retry(translation):
        raise Refused(_("Only a translation that failed can be tried again."))
    _check_pair(translation.source_language, translation.target_language)
    moved = Translation.objects.filter(pk=translation.pk, status=translation.status).update(
        status=TranslationStatus.QUEUED, failure=Failure.NONE, failure_detail="", touched_at=timezone.now())
    translation.refresh_from_db()
    if not moved:       # someone else retried it a moment ago
        return translation
    record("translations.translation.retried", actor=actor, target=translation, review=_review(translation),
           data={"attempts": translation.attempts, "blocks_kept": len(translation.segments)})
    transaction.on_commit(lambda: _enqueue(translation.pk))
    return translation


def _enqueue(translation_id: int) -> None:
    from revmod.translations.tasks import translate_version

    translate_version.enqueue(translation_id)


def batches(texts: list[str], *, max_chars: int = BATCH_CHARS, max_blocks: int = BATCH_BLOCKS) -> Iterator[list[str]]:
    """Consecutive groups of blocks, each under the size of one engine call (a long block goes alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (size + len(text) > max_chars or len(batch) >= max_blocks):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def run_translation(translation: Translation) -> Translation:
    """The background work: translate block by block, saving progress after each engine call.

    Runs outside a transaction on purpose: each progress update is visible to the page at
    once, and a failure keeps every block translated so far. A translation that is not
    queued (already running, done or failed) is left alone, so a task delivered twice is harmless.
    """
    claimed = Translation.objects.filter(pk=translation.pk, status=TranslationStatus.QUEUED).update(
        status=TranslationStatus.RUNNING, attempts=F("attempts") + 1, touched_at=timezone.now())
    translation.refresh_from_db()
    if not claimed:
        return translation
    engine = conf.engine_for(translation.source_language, translation.target_language)
    if engine is None:
        return _fail(translation, Failure.NO_ENGINE, "no engine configured for this pair")
    skeleton = cut(translation.source.body)
    done = list(translation.segments)[: len(skeleton.texts)]
    _progress(translation, done=done, total=len(skeleton.texts), engine=engine.label)
    for batch in batches(list(skeleton.texts[len(done):])):
        try:
            done += engine.translate(batch)
        except EngineUnavailable as error:
            return _fail(translation, Failure.UNAVAILABLE, f"{engine.label}: {error}")
        except EngineError as error:
            return _fail(translation, Failure.ENGINE, f"{engine.label}: {error}")
        except Exception as error:  # noqa: BLE001 (a bug in an engine: failed and retryable, not stuck "running")
            log.exception("machine translation %s: unexpected error", translation.pk)
            return _fail(translation, Failure.ENGINE, f"{engine.label}: {error!r}")
        _progress(translation, done=done, total=len(skeleton.texts), engine=engine.label)
    return _finish(translation, body=clean_html(skeleton.fill(done)) if done else "")


def _progress(translation: Translation, *, done: list[str], total: int, engine: str) -> None:
    percent = 5 + (95 * len(done) // total if total else 95)
    Translation.objects.filter(pk=translation.pk).update(
        segments=done, blocks_total=total, engine=engine, progress=min(percent, 99), touched_at=timezone.now())


@transaction.atomic
def _finish(translation: Translation, *, body: str) -> Translation:
    Translation.objects.filter(pk=translation.pk).update(
        status=TranslationStatus.DONE, body=body, progress=100, finished_at=timezone.now(), touched_at=timezone.now())
    translation.refresh_from_db()
    record("translations.translation.done", actor=None, target=translation, review=_review(translation),
           data={"engine": translation.engine, "blocks": translation.blocks_total, "attempts": translation.attempts})
    return translation


@transaction.atomic
def _fail(translation: Translation, failure: Failure, detail: str) -> Translation:
    """Mark the request failed, keep what was translated, tell the operator (log and audit trail)."""
    log.warning("machine translation %s failed (%s): %s", translation.pk, failure, detail)
    Translation.objects.filter(pk=translation.pk).update(
        status=TranslationStatus.FAILED, failure=failure, failure_detail=detail[:2000], touched_at=timezone.now())
    translation.refresh_from_db()
    record("translations.translation.failed", actor=None, target=translation, review=_review(translation),
           data={"failure": str(failure), "detail": detail[:500], "blocks_kept": len(translation.segments)})
    return translation


def read_translation(translation: Translation, *, actor, request=None) -> Translation:
    """Open a finished translation for reading; recorded like every read of confidential text (P&R 37)."""
    if not policy.can_view_translation(actor, translation):
        raise Refused(_("You cannot read this document."))
    if translation.status == TranslationStatus.DONE:
        record("translations.translation.read", actor=actor, target=translation, review=_review(translation),
               data={"version": translation.source.number, "into": translation.target_language}, request=request)
    return translation


def translate_html(body: str, *, source_language: str, target_language: str) -> str:
    """Translate a short rich text now, block by block (e.g. one questionnaire answer).

    For other apps, which check access and record the read themselves. Raises Refused, in
    the user's language, when the pair is not offered or the engine is down or fails.
    """
    skeleton = cut(body)
    done = _translate_now(list(skeleton.texts), source_language=source_language, target_language=target_language)
    return clean_html(skeleton.fill(done)) if done else ""


def translate_plain_text(text: str, *, source_language: str, target_language: str) -> str:
    """The same for plain text: paragraphs (separated by a blank line) and line breaks are kept."""
    paragraphs = [normalise(p) for p in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [p for p in paragraphs if p]
    done = _translate_now(paragraphs, source_language=source_language, target_language=target_language)
    return "\n\n".join(done)


def _translate_now(texts: list[str], *, source_language: str, target_language: str) -> list[str]:
    _check_pair(source_language, target_language)
    engine = conf.engine_for(source_language, target_language)
    done: list[str] = []
    try:
        for batch in batches(texts):
            done += engine.translate(batch)
    except EngineUnavailable as error:
        log.warning("machine translation unavailable: %s: %s", engine.label, error)
        raise Refused(str(Failure.UNAVAILABLE.label)) from error
    except EngineError as error:
        log.warning("machine translation failed: %s: %s", engine.label, error)
        raise Refused(str(Failure.ENGINE.label)) from error
    return done
