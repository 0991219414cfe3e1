"""The public list of dialogues, upcoming and past, with their search (P&R 53)."""

from django.db.models import QuerySet

from revmod.dialogues.models import Dialogue


def dialogues_for_everyone(*, q: str = "", working_group: str = "", year: int | None = None) -> QuerySet[Dialogue]:
    """Every announced dialogue, newest first; every word of `q` must be in its texts, in any language (P&R 53)."""
    dialogues = Dialogue.objects.all()
    if working_group:
        dialogues = dialogues.filter(working_group=working_group)
    if year:
        dialogues = dialogues.filter(held_on__year=year)
    for word in q.casefold().split()[:8]:
        dialogues = dialogues.filter(search_text__contains=word)
    return dialogues


def split_by_date(dialogues, today) -> tuple[list[Dialogue], list[Dialogue]]:
    """(upcoming soonest first, past newest first)."""
    upcoming = sorted((d for d in dialogues if d.held_on >= today), key=lambda d: (d.held_on, d.pk))
    past = [d for d in dialogues if d.held_on < today]
    return upcoming, past
