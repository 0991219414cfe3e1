"""'Submissions': any submitted document as DOCX or PDF, through the access policy, audited (P&R 37)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from revmod.audit.domain import record
from revmod.core.i18n import UN_LANGUAGES
from revmod.documents.export import DOCX_TYPE, Submission, to_docx, to_pdf
from revmod.documents.models import Document
from revmod.findings import policy
from revmod.findings.enums import Audience
from revmod.findings.interfaces.rendering import document_submission, feedback_submission, list_submission, summary_submission
from revmod.findings.models import ObservationList, WrittenFeedback

RENDERERS = {"pdf": (to_pdf, "application/pdf"), "docx": (to_docx, DOCX_TYPE)}


def _language(request) -> str | None:
    language = request.GET.get("lang")
    return language if language in UN_LANGUAGES else None


def _send(request, submission: Submission, fmt: str, *, target, review, what: str) -> HttpResponse:
    """The file, with an audit entry of the download in the same request."""
    render, content_type = RENDERERS[fmt]
    data = render(submission)
    record("findings.submission.downloaded", actor=request.user, target=target, review=review, request=request,
           data={"what": what, "format": fmt, "language": submission.language, "symbol": submission.symbol})
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{submission.file_name(fmt)}"'
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _format_or_404(fmt: str) -> str:
    if fmt not in RENDERERS:
        raise Http404
    return fmt


@login_required
def feedback_file(request, pk, fmt):
    feedback = get_object_or_404(WrittenFeedback.objects.select_related("phase__review__party", "instrument"), pk=pk)
    if not policy.can_download_feedback(request.user, feedback):
        raise Http404
    return _send(request, feedback_submission(feedback, _language(request)), _format_or_404(fmt),
                 target=feedback, review=feedback.phase.review, what="feedback")


@login_required
def list_file(request, pk, audience, fmt):
    observation_list = get_object_or_404(ObservationList.objects.select_related("phase__review__party", "review", "instrument"), pk=pk)
    if audience not in Audience.values or not policy.can_download_list(request.user, observation_list, audience):
        raise Http404
    submission = list_submission(observation_list, audience=audience, language=_language(request))
    return _send(request, submission, _format_or_404(fmt), target=observation_list, review=observation_list.review,
                 what=f"list:{audience}")


@login_required
def summary_file(request, pk, fmt):
    observation_list = get_object_or_404(ObservationList.objects.select_related("phase__review__party", "review", "instrument"), pk=pk)
    if not observation_list.summary.strip() or not policy.can_download_list(request.user, observation_list, Audience.WORKING_GROUP):
        raise Http404
    return _send(request, summary_submission(observation_list, _language(request)), _format_or_404(fmt),
                 target=observation_list, review=observation_list.review, what="summary")


@login_required
def document_file(request, pk, fmt):
    """A documents-app document (SAQ answers, feedback, list, summary, dialogue record) once submitted."""
    document = get_object_or_404(Document.objects.select_related("step__phase__review__party", "instrument"), pk=pk)
    if not policy.can_download_document(request.user, document):
        raise Http404
    return _send(request, document_submission(document, _language(request)), _format_or_404(fmt),
                 target=document, review=document.step.phase.review, what=f"document:{document.step.kind}")
