"""Passwords: common ones refused, and common ones in disguise, as breached lists hold them (issue 7, ASVS 2.1.7)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.unit

REFUSED = ["password1234", "Password2024!", "P@ssw0rd12345", "!!Qwerty123456", "revmod-2026!!", "Unodc2026!!!!",
           "iloveyou2023$", "abcabcabcabc", "zzzzzzzzzzzzzz", "Dragon!!1987", "123456789012"]
ACCEPTED = ["correct horse battery staple 7", "Kwame reads treaties at dawn", "vg7#Lq2!pX9w", "Mensah-Accra-Treaty-88"]


@pytest.mark.parametrize("password", REFUSED)
def test_a_common_password_in_disguise_is_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ACCEPTED)
def test_a_long_uncommon_password_is_accepted(password):
    validate_password(password)
