"""Pages of the constructive dialogues: public ones for organisations, signed-in ones for States and the secretariat (P&R 53)."""

from django.contrib import messages

from revmod.core.errors import Refused


def show_refusal(request, error: Refused) -> None:
    messages.error(request, " ".join(error.messages))
