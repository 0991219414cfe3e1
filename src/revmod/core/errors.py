"""The one error type domain functions raise for a refused action, with a translated reason."""

from django.core.exceptions import ValidationError


class Refused(ValidationError):
    """An action the rules do not allow; its message is shown to the user as it is."""


class EditConflict(Refused):
    """Someone saved a newer version since the user started editing; nothing was overwritten."""

    def __init__(self, message, *, current_version: int | None = None):
        super().__init__(message)
        self.current_version = current_version
