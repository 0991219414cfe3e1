"""Refusing passwords that a cracker would guess early: the ones of leaked password lists, in disguise too.

Leaked password lists are full of the same few thousand words dressed up: capitalised, with
letters swapped for look-alike digits or symbols, with a year or "123!" at either end, or the
name of the site. zxcvbn (Dropbox's estimator, MIT) counts the guesses a cracker needs for a
password by matching it, disguises undone, against frequency lists built from leaked passwords
(30,000 from a 10-million-password breach corpus), common words and names, keyboard patterns,
sequences, repeats and dates. Django's CommonPasswordValidator still checks its own list of
20,000 as typed; this validator refuses what takes fewer than 10^10 guesses (zxcvbn's score 4,
resisting an offline attack on a slow hash), with the person's own details and the words of
this platform counted as the first guesses (ASVS 2.1.7).

Why not the breached-password API (k-anonymity ranges of Have I Been Pwned): a secretariat's
server may not reach it, and a password check must not depend on a third party being up.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _, gettext_lazy
from zxcvbn import zxcvbn

PLATFORM_WORDS = ["revmod", "unodc", "untoc", "sherloc", "vienna", "secretariat", "focalpoint", "review", "password",
                  "motdepasse", "contrasena", "parol", "mima"]
MIN_GUESSES_LOG10 = 10
MAX_LENGTH = 72  # zxcvbn's limit; what comes after the 72nd character only adds strength

# What made the password easy, from the weakest part zxcvbn found in it.
REASONS = {
    "passwords": gettext_lazy("It is built on a password found in leaked password lists."),
    "surnames": gettext_lazy("It is built on a common name."),
    "male_names": gettext_lazy("It is built on a common name."),
    "female_names": gettext_lazy("It is built on a common name."),
    "english_wikipedia": gettext_lazy("It is built on a few common words."),
    "us_tv_and_film": gettext_lazy("It is built on a few common words."),
    "user_inputs": gettext_lazy("It contains your name, your e-mail address or the name of this platform."),
    "repeat": gettext_lazy("It repeats a few characters."),
    "sequence": gettext_lazy("It contains a sequence such as abc or 1234."),
    "spatial": gettext_lazy("It follows a keyboard pattern such as qwerty."),
    "date": gettext_lazy("It is mostly a date or a year."),
    "regex": gettext_lazy("It is mostly a date or a year."),
}


def weakest_reason(result: dict) -> str:
    """The reason for the part of the password that gave the fewest guesses."""
    parts = [m for m in result["sequence"] if m["pattern"] != "bruteforce"]
    if not parts:
        return str(REASONS["passwords"])
    part = min(parts, key=lambda m: m["guesses"])
    key = part.get("dictionary_name") if part["pattern"] == "dictionary" else part["pattern"]
    return str(REASONS.get(key, REASONS["passwords"]))


class GuessablePasswordValidator:
    """A password found in fewer than 10^10 guesses is refused, with the reason (ASVS 2.1.7)."""

    def validate(self, password: str, user=None) -> None:
        personal = [getattr(user, name, "") or "" for name in ("email", "first_name", "last_name")] if user else []
        personal += [part for value in personal for part in value.replace("@", " ").replace(".", " ").split()]
        result = zxcvbn(password[:MAX_LENGTH], user_inputs=PLATFORM_WORDS + [p for p in personal if p])
        if result["guesses_log10"] < MIN_GUESSES_LOG10:
            raise ValidationError(
                _("This password is too easy to guess, like those found in leaked password lists. %(reason)s "
                  "Use three or four uncommon words, or a longer random password."),
                code="password_guessable", params={"reason": weakest_reason(result)})

    def get_help_text(self) -> str:
        return _("Your password cannot be a common password, a name or a pattern, even with digits, symbols or a "
                 "year added.")
