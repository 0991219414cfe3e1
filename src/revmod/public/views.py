"""The public site: the mechanism's home, country profiles and the draw's results (nothing confidential).

Pages carry no per-person content, no form and no script, so they stay light and cacheable;
`?lang=xx` picks one of the six languages for a page and its links.
"""

import csv

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation

from revmod.public import queries
from revmod.reference.enums import InstrumentCode

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _page(request, template: str, context: dict) -> HttpResponse:
    """Render in the language asked by `?lang=`, else the visitor's; say which in the headers."""
    language = request.GET.get("lang")
    language = language if language in LANGUAGE_CODES else translation.get_language()
    with translation.override(language):
        response = render(request, template, {**context, "lang_query": f"?lang={language}",
                                              "languages": settings.LANGUAGES, "language": language})
    response["Content-Language"] = language
    return response


def home(request):
    return _page(request, "public/home.html", queries.home_counts())


def countries(request):
    return _page(request, "public/countries.html", {"countries": queries.countries()})


def country(request, iso3: str):
    profile = queries.country_profile(iso3)
    if profile is None:
        raise Http404
    return _page(request, "public/country.html", profile)


def draw_results(request):
    return _page(request, "public/draw.html", {
        "rows": queries.draw_results(), "instruments": [c.label for c in InstrumentCode]})


def draw_results_csv(request):
    """The same pairings as a CSV file: one line per State under review, instrument and reviewing State."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="draw-results.csv"'
    writer = csv.writer(response)
    writer.writerow(["state_under_review_code", "state_under_review", "group", "instrument",
                     "reviewing_state_code", "reviewing_state"])
    language = request.GET.get("lang")
    with translation.override(language if language in LANGUAGE_CODES else translation.get_language()):
        for row in queries.draw_results():
            for code, reviewers in zip(InstrumentCode.values, row["cells"]):
                for reviewer in reviewers:
                    writer.writerow([row["iso3"], row["name"], row["group"], code, reviewer["iso3"], reviewer["name"]])
    return response

