"""Passwords: common ones refused, in disguise too, as leaked lists hold them (issue 7, ASVS 2.1.7)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from revmod.accounts.models import User
from revmod.accounts.passwords import GuessablePasswordValidator

pytestmark = pytest.mark.unit

REFUSED = ["password1234", "Password2024!", "P@ssw0rd12345", "!!Qwerty123456", "revmod-2026!!", "Unodc2026!!!!",
           "iloveyou2023$", "abcabcabcabc", "zzzzzzzzzzzzzz", "Dragon!!1987", "123456789012", "Monkey!Sunshine1",
           "jennifer1986!", "qwertyuiop[]\\", "letmeinletmein"]
ACCEPTED = ["correct horse battery staple 7", "Kwame reads treaties at dawn", "vg7#Lq2!pX9w", "Mensah-Accra-Treaty-88"]


@pytest.mark.parametrize("password", REFUSED)
def test_a_common_password_in_disguise_is_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ACCEPTED)
def test_a_long_uncommon_password_is_accepted(password):
    validate_password(password)


def test_a_password_made_of_the_persons_own_details_is_refused_with_that_reason():
    person = User(email="amina.ladipo@justice.example.ng", first_name="Amina", last_name="Okonkwo")
    validator = GuessablePasswordValidator()
    validator.validate("OkonkwoLadipo2026!")  # strong for anyone else...
    with pytest.raises(ValidationError) as refused:
        validator.validate("OkonkwoLadipo2026!", person)  # ...but her name and e-mail are a cracker's first guesses
    assert "your name, your e-mail address" in " ".join(refused.value.messages)


def test_the_refusal_says_why_in_the_persons_language():
    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        validate_password("qwertyuiop[]\\")
    message = " ".join(refused.value.messages)
    assert "qwerty" in message and "clavier" in message


def test_a_very_long_password_is_checked_without_failing():
    validate_password("Kwame reads treaties at dawn " * 10)
