"""Refusing passwords that are a common one in disguise, the way breached-password lists are built.

Leaked password lists are full of the same few hundred words dressed up: capitalised, with
letters swapped for look-alike digits or symbols, with a year or "123!" at either end, or
the name of the site. Django's CommonPasswordValidator checks the exact words (20,000 of
them); this validator undoes the dressing first, then checks the same list and the words of
this platform (ASVS 2.1.7).
"""

import re

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LOOK_ALIKES = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a",
                             "$": "s", "!": "i", "|": "l", "+": "t"})
PLATFORM_WORDS = {"revmod", "unodc", "untoc", "sherloc", "vienna", "secretariat", "focalpoint", "review", "password",
                  "motdepasse", "contrasena", "parol", "mima"}
EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")  # digits and symbols stuck at either end
MIN_CORE = 4


def variants(password: str) -> set[str]:
    """The password with its dressing undone, in every order that matters."""
    lower = password.lower()
    found = {lower, lower.translate(LOOK_ALIKES)}
    for text in list(found):
        core = EDGES.sub("", text)
        found |= {core, core.translate(LOOK_ALIKES), re.sub(r"[\W_]+", "", core)}
    return {v for v in found if len(v) >= MIN_CORE}


class DressedUpPasswordValidator:
    """A password whose core is a common password or a word of the platform is refused."""

    def __init__(self):
        self.common = CommonPasswordValidator().passwords | PLATFORM_WORDS

    def validate(self, password: str, user=None) -> None:
        if any(v in self.common for v in variants(password)) or _repeats(password):
            raise ValidationError(
                _("This password is a common password with small changes, like those found in leaked password lists."),
                code="password_dressed_up")

    def get_help_text(self) -> str:
        return _("Your password cannot be a common password with digits, symbols or a year added.")


def _repeats(password: str) -> bool:
    """A few characters repeated to reach the length ("abcabcabcabc", "aaaaaaaaaaaa")."""
    return bool(re.fullmatch(r"(.{1,4})\1{2,}", password.lower()))
