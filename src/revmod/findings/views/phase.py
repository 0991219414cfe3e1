"""A phase's findings: the joint feedback and the list of observations per instrument, and downloads."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from revmod.documents.export import LANGUAGE_NAMES
from revmod.documents.models import Document
from revmod.findings import policy
from revmod.findings.domain.feedback import open_feedback
from revmod.findings.domain.observations import open_lists
from revmod.findings.interfaces.rendering import phase_language
from revmod.findings.views._common import phase_object_or_404
from revmod.reviews.domain.steps import step_of
from revmod.reviews.enums import StepKind, StepStatus
from revmod.reviews.models import Phase


@login_required
def phase_page(request, pk):
    """Opens the phase's feedback and lists once their steps have opened (idempotent), then lists them."""
    phase = phase_object_or_404(request.user, Phase.objects.select_related("review__party", "cluster"), pk, lambda p: p)
    feedback_open = step_of(phase, StepKind.FEEDBACK).status != StepStatus.PENDING
    lists_open = step_of(phase, StepKind.OBSERVATIONS).status != StepStatus.PENDING
    feedback = open_feedback(phase) if feedback_open else []
    lists = open_lists(phase) if lists_open else []
    documents = Document.objects.filter(step__phase=phase, current_version__gt=0).select_related("step", "instrument")
    return render(request, "findings/phase.html", {
        "submissions": [d for d in documents if d.step.kind != StepKind.DIALOGUE and policy.can_download_document(request.user, d)],
        "phase": phase, "review": phase.review,
        "feedback": [(f, policy.can_download_feedback(request.user, f)) for f in feedback],
        "lists": [(o, policy.can_download_list(request.user, o, "review")) for o in lists],
        "can_submit_summary": policy.can_submit_summary(request.user, phase),
        "default_language": phase_language(phase),
        "languages": list(LANGUAGE_NAMES.items()),
    })
