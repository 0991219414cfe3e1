"""Vocabularies of the constructive dialogues with stakeholders (P&R 53)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingGroup(models.TextChoices):
    """The working groups of the Conference whose sessions a dialogue follows (P&R 53(a))."""

    TIP = "tip", _("Working Group on Trafficking in Persons")
    SOM = "som", _("Working Group on the Smuggling of Migrants")
    FIR = "fir", _("Working Group on Firearms")
    IC = "ic", _("Working Group on International Cooperation")
    TA = "ta", _("Working Group of Government Experts on Technical Assistance")


class DialogueFormat(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("in person and online")


class OrganisationKind(models.TextChoices):
    """Who may apply: NGOs (P&R 53(d)); academia and the private sector (P&R 53(e))."""

    NGO = "ngo", _("non-governmental organization")
    ACADEMIA = "academia", _("academia")
    PRIVATE_SECTOR = "private_sector", _("private sector")


class StakeholderKind(models.TextChoices):
    """Who a State under review may consult on its answers (P&R 23)."""

    NGO = "ngo", _("non-governmental organization")
    ACADEMIA = "academia", _("academia")
    PRIVATE_SECTOR = "private_sector", _("private sector")
    OTHER = "other", _("other civil society")


class Area(models.TextChoices):
    """What an organisation works on, so the secretariat can invite widely (P&R 53(a))."""

    ORGANIZED_CRIME = "organized_crime", _("transnational organized crime")
    TRAFFICKING = "trafficking", _("trafficking in persons")
    SMUGGLING = "smuggling", _("smuggling of migrants")
    FIREARMS = "firearms", _("firearms")
    VICTIMS = "victims", _("victims and witnesses")
    COOPERATION = "cooperation", _("international cooperation")
    PREVENTION = "prevention", _("prevention")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("technical assistance")
    RESEARCH = "research", _("research and data")


class Outcome(models.TextChoices):
    ADMITTED = "admitted", _("admitted")
    NOT_ADMITTED = "not_admitted", _("not admitted")


class DecisionBasis(models.TextChoices):
    """Why an application was decided as it was (P&R 53(d), (e))."""

    NO_OBJECTION = "no_objection", _("no State objected")
    STATE_OBJECTION = "state_objection", _("a State objected")
    BUREAU = "bureau", _("decision of the Bureau of the Conference of the Parties")


class ApplicationStatus(models.TextChoices):
    """An application's label; derived from its rows, never stored."""

    UNCONFIRMED = "unconfirmed", _("not confirmed by e-mail")
    ON_LIST = "on_list", _("on the list for States")
    BEFORE_BUREAU = "before_bureau", _("objection: before the Bureau")
    ADMITTED = "admitted", _("admitted")
    NOT_ADMITTED = "not_admitted", _("not admitted")


class Stage(models.TextChoices):
    """Where a dialogue stands; derived from its dates and rows, never stored."""

    OPEN = "open", _("applications open")
    CLOSED = "closed", _("applications closed")
    CIRCULATED = "circulated", _("list sent to States")
    HELD = "held", _("held")
    PUBLISHED = "published", _("summary published")
    CANCELLED = "cancelled", _("cancelled")
