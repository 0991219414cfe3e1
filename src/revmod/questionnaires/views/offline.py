"""Offline answering for the digital gap: download the questionnaire, upload it back, see and apply changes."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from revmod.core.errors import Refused
from revmod.core.i18n import short_language
from revmod.questionnaires import policy
from revmod.questionnaires.answers import readable
from revmod.questionnaires.domain import imports
from revmod.questionnaires.domain.queries import questions_of
from revmod.questionnaires.interfaces.docx import export_docx, read_docx
from revmod.questionnaires.interfaces.offline import kind_of
from revmod.questionnaires.interfaces.xlsx import export_xlsx, read_xlsx
from revmod.questionnaires.models import PendingImport
from revmod.questionnaires.views.answers import response_url
from revmod.questionnaires.views.common import refused, response_or_404

FORMATS = {
    "xlsx": (export_xlsx, read_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": (export_docx, read_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


@login_required
def export(request, pk, fmt):
    """The working copy as a file, blank or partly answered, for the national team (P&R 34)."""
    response = response_or_404(request, pk, what=f"export {fmt}")
    if fmt not in FORMATS or not policy.sees_working_copy(request.user, response):
        raise Http404
    writer, _reader, content_type = FORMATS[fmt]
    data = writer(response, language=short_language())
    name = slugify(f"{response.step.phase.review.party_id} {response.instrument_id} cluster {response.definition.cluster_id} v{response.definition.version}")
    reply = HttpResponse(data, content_type=content_type)
    reply["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return reply


def _read_upload(request, response):
    uploaded = request.FILES.get("file")
    if uploaded is None:
        raise Refused(_("Choose the XLSX or DOCX file to import."))
    if uploaded.size > settings.UPLOAD_MAX_BYTES:
        raise Refused(_("The file is larger than %(mb)s MB.") % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)})
    data = uploaded.read()
    fmt = kind_of(data)
    if fmt is None:
        raise Refused(_("The file could not be read: it is damaged, or it is not an XLSX or DOCX file."))
    kinds = {q.pk: q.kind for q in questions_of(response)}
    return FORMATS[fmt][1](data, kinds=kinds), uploaded.name


@require_POST
@login_required
def upload(request, pk):
    """Check the file and keep its answers for the preview; a bad file changes nothing."""
    response = response_or_404(request, pk, audit=False)
    try:
        parsed, name = _read_upload(request, response)
        pending = imports.receive_file(response, meta=parsed.meta, rows=parsed.rows, file_name=name, actor=request.user)
    except Refused as error:
        refused(request, error)
        return redirect(response_url(response))
    return redirect("questionnaires:import_preview", pk=response.pk, pending=pending.pk)


@login_required
def preview(request, pk, pending):
    """Question by question, old → new; a conflict is applied only when the person ticks it."""
    response = response_or_404(request, pk, what="import preview")
    item = get_object_or_404(PendingImport, pk=pending, response=response, created_by=request.user)
    if request.method == "POST":
        overwrite = {}
        for key, value in request.POST.items():
            if key.startswith("overwrite-") and value.isdigit() and key[10:].isdigit():
                overwrite[int(key[10:])] = int(value)
        try:
            version = imports.apply_import(item, overwrite=overwrite, actor=request.user)
        except Refused as error:
            refused(request, error)
        else:
            messages.success(request, _("The file's answers are imported (version %(n)s kept).") % {"n": version.number})
            return redirect(response_url(response))
    language = short_language()
    rows = [{"row": r, "old": readable(r.question.kind, r.old, language), "new": readable(r.question.kind, r.new, language)}
            for r in imports.preview(item)]
    counts = {status: sum(1 for r in rows if r["row"].status == status)
              for status in (imports.UNCHANGED, imports.CHANGE, imports.CONFLICT, imports.INVALID)}
    return render(request, "questionnaires/import.html", {
        "response": response, "review": response.step.phase.review, "pending": item, "counts": counts,
        "rows": [r for r in rows if r["row"].status != imports.UNCHANGED]})
