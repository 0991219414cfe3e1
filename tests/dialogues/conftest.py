"""Fixtures of the constructive dialogues: a dialogue a month ahead, organisations registered and confirmed."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from revmod.dialogues.domain import applications, dialogues
from revmod.dialogues.enums import OrganisationKind
from revmod.notifications.models import Notification
from revmod.reference.models import Party

HELD_IN_DAYS = 30


def last_link(email: str, pattern: str) -> str:
    """The token of the latest link of that kind e-mailed to `email`, as its reader would click it."""
    body = Notification.objects.filter(email=email).order_by("-id").values_list("body", flat=True).first() or ""
    found = re.search(pattern + r"([\w-]+)/", body)
    assert found, body
    return found.group(1)


def announce(secretariat, *, held_in=HELD_IN_DAYS, today=None, **texts):
    today = today or timezone.localdate()
    return dialogues.announce_dialogue(
        actor=secretariat, working_group="tip", session="fourteenth session", held_on=today + timedelta(days=held_in),
        format="hybrid", venue="Vienna International Centre, Board Room D", today=today,
        titles=texts.get("titles", {"en": "Constructive dialogue on trafficking in persons", "fr": "Dialogue constructif sur la traite"}),
        topics={"en": "Victims' protection in the review"}, agenda={"en": "1. Opening\n2. Briefing"},
        practical_details={"en": "Bring an identity document; doors open at 9:00."})


def organisation(name, *, kind=OrganisationKind.NGO, country="KEN", email=None):
    """A registered organisation whose contact confirmed it from the e-mailed link."""
    email = email or re.sub(r"\W+", ".", name.lower()).strip(".") + "@example.org"
    applications.register_organisation(name=name, kind=kind, country=Party.objects.get(pk=country),
                                       contact_name="Contact Person", contact_email=email, areas=["trafficking"])
    return applications.confirm_organisation(last_link(email, "/organisations/confirm/"))


def confirmed_application(dialogue, org, *, today=None):
    applications.apply_to_dialogue(dialogue, email=org.contact_email, representatives="Dr A. Person, director", today=today)
    application, _access = applications.confirm_application(last_link(org.contact_email, "/applications/confirm/"), today=today)
    return application


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def dialogue(cast):
    return announce(cast["secretariat"])


@pytest.fixture
def applicants(dialogue):
    """Three confirmed applicants, one of each kind, in non-alphabetical order of arrival."""
    return {
        "ngo": confirmed_application(dialogue, organisation("Zenith Anti-Trafficking Network")),
        "academia": confirmed_application(dialogue, organisation("University of Accra Law Faculty", kind=OrganisationKind.ACADEMIA, country="GHA")),
        "private": confirmed_application(dialogue, organisation("Atlas Logistics", kind=OrganisationKind.PRIVATE_SECTOR, country="NOR")),
    }


@pytest.fixture
def list_sent(cast, dialogue, applicants):
    """The list of applicants, sent to States the day after applications closed."""
    dialogues.send_list_to_states(dialogue, actor=cast["secretariat"], today=dialogue.dates.applications_close_on + timedelta(days=1))
    dialogue.refresh_from_db()
    return dialogue
