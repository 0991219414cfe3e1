"""Background work of the drawing of lots."""

from django_tasks import task

from revmod.lots.domain import run
from revmod.lots.models import Draw


@task()
def run_draw(draw_id: int) -> str:
    """Run a queued draw; the secretariat's page shows its progress meanwhile."""
    return run(Draw.objects.get(pk=draw_id)).status
