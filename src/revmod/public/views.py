"""The public site: home, country profiles, published material, the draw's results, feed and open data (nothing confidential).

Pages carry no per-person content, no form and no script, so each is rendered once per
language and kept for PUBLIC_CACHE_SECONDS: figures on the public site may be a minute old.
Pages that show published material are also kept per public edition, a number that moves on
at every publication and withdrawal: a withdrawal is off them at once, in every process.
Each kept page is also kept gzip-compressed, sent to browsers that accept it (a 50 KB table
travels as about 6 KB). `?lang=xx` picks one of the six languages for a page and the links it gives; without it, the
browser's Accept-Language does.
"""

import csv
import gzip
import io
import json
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from revmod.public import opendata, queries
from revmod.publication.domain.queries import edition
from revmod.reference.enums import InstrumentCode

PUBLIC_CACHE_SECONDS = 60
GZIP_ABOVE = 1024  # bytes: pages are compressed once, when kept, for slow connections
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
LANGUAGE_LINKS = [(code, translation.get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def public_page(view=None, *, published: bool = False):
    """Run the view in the asked language; keep its answer (content, type, file name) per language,
    and per public edition when the page shows published material."""
    if view is None:
        return lambda v: public_page(v, published=published)

    @wraps(view)
    def wrapper(request, **kwargs):
        asked = request.GET.get("lang")
        language = asked if asked in LANGUAGE_CODES else translation.get_language()
        parts = ["revmod.public", view.__name__, language, *(str(v).upper() for v in kwargs.values())]
        if published:
            parts.append(f"e{edition()}")
        key = ":".join(parts)
        kept = cache.get(key)
        if kept is None:
            with translation.override(language):
                content, content_type, filename = view(request, language=language, **kwargs)
            kept = (content, gzip.compress(content, 6, mtime=0) if len(content) > GZIP_ABOVE else None, content_type, filename)
            cache.set(key, kept, PUBLIC_CACHE_SECONDS)
        content, compressed, content_type, filename = kept
        response = HttpResponse(content, content_type=content_type)
        if compressed is not None:
            patch_vary_headers(response, ["Accept-Encoding"])
            if "gzip" in request.headers.get("Accept-Encoding", ""):
                response.content = compressed
                response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
        response["Content-Language"] = language
        response["Cache-Control"] = f"public, max-age={0 if published else PUBLIC_CACHE_SECONDS}"
        if filename:
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return wrapper


def _html(template: str, context: dict, language: str) -> tuple[bytes, str, str]:
    context = {**context, "lang_query": f"?lang={language}", "languages": LANGUAGE_LINKS,
               "countries_url": reverse("public:countries")}
    return render_to_string(template, context).encode("utf-8"), "text/html; charset=utf-8", ""


@public_page
def home(request, *, language):
    return _html("public/home.html", queries.home_counts(), language)


@public_page
def countries(request, *, language):
    return _html("public/countries.html", {"countries": queries.countries()}, language)


@public_page(published=True)
def country(request, *, language, iso3: str):
    profile = queries.country_profile(iso3)
    if profile is None:
        raise Http404
    return _html("public/country.html", profile, language)


@public_page(published=True)
def published(request, *, language, iso3: str, pk: int):
    """One piece of published material, in the language it was written in (P&R 41)."""
    item = queries.published_item(iso3, pk)
    if item is None:
        raise Http404
    return _html("public/published.html", item, language)


@public_page
def draw_results(request, *, language):
    return _html("public/draw.html", {
        "rows": queries.draw_results(), "instruments": [c.label for c in InstrumentCode]}, language)


@public_page
def draw_results_csv(request, *, language):
    """The same pairings as CSV: one line per State under review, instrument and reviewing State."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["state_under_review_code", "state_under_review", "group", "instrument",
                     "reviewing_state_code", "reviewing_state"])
    for row in queries.draw_results():
        for code, reviewers in zip(InstrumentCode.values, row["cells"], strict=True):
            for reviewer in reviewers:
                writer.writerow([row["iso3"], row["name"], row["group"], code, reviewer["iso3"], reviewer["name"]])
    return buffer.getvalue().encode("utf-8"), "text/csv; charset=utf-8", "draw-results.csv"


@public_page(published=True)
def feed(request, *, language):
    """An Atom feed of the material States have published, newest first."""
    return opendata.atom_feed(request, language), "application/atom+xml; charset=utf-8", ""


@public_page
def open_data(request, *, language):
    return _html("public/open_data.html", {"fields": opendata.CSV_COLUMNS}, language)


@public_page(published=True)
def open_data_json(request, *, language):
    """The mechanism's public facts as JSON, States in the order of their codes (no ranking)."""
    body = json.dumps(opendata.facts(request, language), ensure_ascii=False, indent=1)
    return body.encode("utf-8"), "application/json; charset=utf-8", "revmod-open-data.json"


@public_page(published=True)
def open_data_csv(request, *, language):
    return opendata.facts_csv(request, language).encode("utf-8"), "text/csv; charset=utf-8", "revmod-open-data.csv"
