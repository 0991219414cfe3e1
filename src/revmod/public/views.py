"""The public site: the mechanism's home with current counts (nothing confidential)."""

from django.db.models import Count
from django.shortcuts import render

from revmod.reference.models import Party
from revmod.reviews.models import ReviewGroup


def home(request):
    groups = ReviewGroup.objects.annotate(reviews_count=Count("reviews")).order_by("number")
    return render(request, "public/home.html", {
        "parties": Party.objects.filter(is_signatory_only=False).count(),
        "groups": groups,
    })
