"""Long lists split into pages, keeping the reader's filters in the page links (light pages on a slow line)."""

from django.core.paginator import Page, Paginator


def page_of(request, items, per_page: int) -> tuple[Page, str]:
    """The page asked for (`?page=`; out of range gives the last) and the other query parameters,
    URL-encoded, for the links of `_pages.html`."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
