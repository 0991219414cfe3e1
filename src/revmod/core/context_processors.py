"""Values every page needs: the product name and whether the language reads right to left."""

from django.conf import settings
from django.utils.translation import get_language_bidi


def revmod(request):
    return {"rtl": get_language_bidi(), "LANGUAGES": settings.LANGUAGES}
