"""Template filters of the findings pages."""

import html
import re

from django import template

register = template.Library()
_SIMPLE = re.compile(r"^(?:<p>(?:[^<]|<br>)*</p>)*$")


@register.filter
def editable(body: str) -> str:
    """Rich text back as the plain text it was typed as, when it is only paragraphs and line
    breaks (what `documents.domain.clean_html` makes of plain text); other rich text as it is."""
    body = body or ""
    if not _SIMPLE.match(body):
        return body
    paragraphs = re.findall(r"<p>(.*?)</p>", body)
    return "\n\n".join(html.unescape(p.replace("<br>", "\n")) for p in paragraphs)
