"""The publication pages of the secure module: choose, see as the public will, confirm with the password, withdraw."""

from urllib.parse import urlencode

import pytest

from revmod.audit.models import AuditEntry
from revmod.publication.domain.queries import publishable
from revmod.publication.models import Publication
from revmod.questionnaires.domain.queries import questions_of
from tests.conftest import verified_login

pytestmark = pytest.mark.integration


def material_url(review, **query):
    return f"/publication/reviews/{review.pk}/material/?{urlencode(query, doseq=True)}"


def test_the_focal_point_sees_what_it_may_publish(cast, cast_review, untoc, login, client):
    login(cast["fp.reviewed"])
    page = client.get(f"/publication/reviews/{cast_review.pk}/").content.decode()
    assert "Nothing published yet." in page
    assert "<legend>Answers to the self-assessment questionnaire: Convention (UNTOC), cluster 1 · version 1</legend>" in page
    shown = publishable(cast_review)[0].parts
    assert page.count('name="parts"') == len(shown) > 10 and f"> {shown[0][1][:100]}" in page
    assert AuditEntry.objects.filter(action="publication.material.listed", actor=cast["fp.reviewed"]).count() == 1
    review_page = client.get(f"/reviews/{cast_review.pk}/").content.decode()
    assert f'href="/publication/reviews/{cast_review.pk}/"' in review_page


def test_the_page_is_not_found_for_anyone_who_may_not_publish_or_withdraw(cast, cast_review, untoc, client):
    for key in ("expert.reviewed", "observer.reviewed", "fp.reviewer1", "fp.unrelated"):
        verified_login(client, cast[key], password_confirmed=True)
        assert client.get(f"/publication/reviews/{cast_review.pk}/").status_code == 404, key
        assert client.get(material_url(cast_review, kind="saq_answers", source=untoc.pk, scope="whole",
                                       language="en")).status_code == 404
        assert f'href="/publication/reviews/{cast_review.pk}/"' not in client.get(f"/reviews/{cast_review.pk}/").content.decode()
    verified_login(client, cast["secretariat"])
    page = client.get(f"/publication/reviews/{cast_review.pk}/").content.decode()
    assert "Material you may publish" not in page and "Nothing published yet." in page


def test_preview_then_publish_after_the_password_is_confirmed_again(cast, cast_review, untoc, client):
    verified_login(client, cast["fp.reviewed"], password_confirmed=False)
    part = next(q for q in questions_of(untoc) if q.label == "5.1")
    url = material_url(cast_review, kind="saq_answers", source=untoc.pk, scope="parts", parts=[part.pk], language="fr")
    preview = client.get(url).content.decode()
    assert "What the public will see" in preview and '<div class="material" lang="fr" dir="ltr">' in preview
    fingerprint = preview.split('name="fingerprint" value="')[1].split('"')[0]
    response = client.post(url, {"fingerprint": fingerprint})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/confirm/")
    assert Publication.objects.count() == 0
    verified_login(client, cast["fp.reviewed"], password_confirmed=True)
    response = client.post(url, {"fingerprint": fingerprint})
    publication = Publication.objects.get()
    assert response["Location"] == f"/publication/reviews/{cast_review.pk}/#p{publication.pk}"
    assert (publication.parts, publication.language, publication.published_by) == ([part.pk], "fr", cast["fp.reviewed"])
    assert publication.body in preview
    page = client.get(f"/publication/reviews/{cast_review.pk}/").content.decode()
    assert "Published on the public country profile." in page and f'action="/publication/{publication.pk}/withdraw/"' in page


def test_withdrawing_from_the_page(cast, cast_review, untoc, login, client):
    login(cast["fp.reviewed"])
    url = material_url(cast_review, kind="saq_answers", source=untoc.pk, scope="whole", language="en")
    fingerprint = client.get(url).content.decode().split('name="fingerprint" value="')[1].split('"')[0]
    client.post(url, {"fingerprint": fingerprint})
    publication = Publication.objects.get()
    assert client.get(f"/countries/GHA/published/{publication.pk}/").status_code == 200
    response = client.post(f"/publication/{publication.pk}/withdraw/", follow=True)
    assert "Withdrawn: it is no longer on the public site." in response.content.decode()
    assert client.get(f"/countries/GHA/published/{publication.pk}/").status_code == 404
    login(cast["fp.unrelated"])
    assert client.post(f"/publication/{publication.pk}/withdraw/").status_code == 404


BAD_CHOICES = [
    ({"kind": "saq_answers", "source": "abc", "scope": "whole", "language": "en"}, "This choice of material is not valid."),
    ({"kind": "saq_answers", "source": "1", "scope": "parts", "language": "en"}, "Choose at least one part, or publish the whole."),
    ({"kind": "saq_answers", "source": "1", "scope": "parts", "parts": "x", "language": "en"}, "This choice of material is not valid."),
    ({"kind": "saq_answers", "source": "999999", "scope": "whole", "language": "en"}, "This material cannot be published from this review."),
    ({"kind": "saq_answers", "source": "UNTOC", "scope": "whole", "language": "ko"}, "This choice of material is not valid."),
]


def test_bad_choices_are_explained_and_nothing_is_published(cast, cast_review, untoc, login, client):
    login(cast["fp.reviewed"])
    for query, message in BAD_CHOICES:
        for method in (client.get, client.post):
            response = method(material_url(cast_review, **query), follow=True)
            assert response.status_code == 200 and message in response.content.decode(), query
    response = client.get(material_url(cast_review, kind="saq_answers", source=untoc.pk, scope="whole", language="ko"),
                          follow=True)
    assert "Choose the language the material is written in." in response.content.decode()
    assert Publication.objects.count() == 0


def test_a_confirmation_with_a_stale_fingerprint_publishes_nothing(cast, cast_review, untoc, login, client):
    login(cast["fp.reviewed"])
    url = material_url(cast_review, kind="saq_answers", source=untoc.pk, scope="whole", language="en")
    response = client.post(url, {"fingerprint": "0" * 64}, follow=True)
    assert "The material changed since you looked at it." in response.content.decode()
    assert Publication.objects.count() == 0
