"""Fixed vocabularies of the mechanism's reference data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstrumentCode(models.TextChoices):
    UNTOC = "UNTOC", _("Convention (UNTOC)")
    TIP = "TIP", _("Trafficking in Persons Protocol")
    SOM = "SOM", _("Smuggling of Migrants Protocol")
    FIR = "FIR", _("Firearms Protocol")
