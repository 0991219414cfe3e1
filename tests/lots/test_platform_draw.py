"""The drawing of lots on the platform: run in the background, preview, confirm, redraw."""

from datetime import date

import pytest
from django.db.models import Value
from django.db.models.functions import Concat, Lower

from revmod.core.errors import Refused
from revmod.lots import engine
from revmod.lots.domain import confirm_draw, current_state, start_draw
from revmod.lots.domain.redraws import request_redraw
from revmod.lots.models import Draw, DrawStatus
from revmod.notifications.models import Notification
from revmod.reference.models import Party
from revmod.reviews.models import CountryReview, ReviewerSeat

pytestmark = pytest.mark.integration
STARTS = {1: date(2020, 12, 1), 2: date(2021, 11, 1), 3: date(2022, 11, 1)}


@pytest.fixture
def secretariat(db):
    from revmod.accounts.models import User

    return User.objects.create_user(email="sec@example.org", is_secretariat=True)


def test_a_draw_runs_in_the_background_and_starts_every_review_once_confirmed(
        secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draw = start_draw(actor=secretariat, seed="cop-10")
    draw.refresh_from_db()
    assert draw.status == DrawStatus.PREVIEW and draw.progress == 100
    assert CountryReview.objects.count() == 0  # nothing starts before confirmation
    confirm_draw(draw, actor=secretariat, meeting="Intersessional meeting, 2020", group_starts=STARTS)
    assert CountryReview.objects.count() == 190
    assert ReviewerSeat.objects.count() == len(draw.pairs)
    assert engine.check(current_state().participants, current_state().pairing) == []


def test_the_same_seed_gives_the_same_pairings(secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = start_draw(actor=secretariat, seed="s"), start_draw(actor=secretariat, seed="s")
    assert Draw.objects.get(pk=first.pk).pairs == Draw.objects.get(pk=second.pk).pairs


def test_a_redraw_changes_one_seat_and_keeps_the_history(secretariat, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        draw = start_draw(actor=secretariat, seed="cop-10")
    confirm_draw(Draw.objects.get(pk=draw.pk), actor=secretariat, meeting="2020", group_starts=STARTS)
    review = CountryReview.objects.get(party="GHA")
    before = set(current_state().pairing.pairs)
    old = review.seats.filter(basis="other_region").first().reviewer
    item = request_redraw(review, actor=secretariat, asked_by=review.party, reviewer=old,
                          reason="common_language", meeting="Working group, 2021")
    after = set(current_state().pairing.pairs)
    assert {p.reviewer for p in before - after} <= {old.pk}
    assert item.new_reviewer != old and item.new_reviewer.pk in {p.reviewer for p in after - before}
    assert engine.check(current_state().participants, current_state().pairing) == []
    assert ReviewerSeat.objects.filter(review=review, reviewer=old, until__isnull=False).exists()


def test_after_a_redraw_the_new_reviewing_state_is_told_and_the_replaced_one_is_not(
        secretariat, django_capture_on_commit_callbacks):
    """P&R 28(d)-(f), 30, 18: the new seats decide who hears; a State with no focal point yet hears
    through its mission, in the mission's language of correspondence."""
    with django_capture_on_commit_callbacks(execute=True):
        draw = start_draw(actor=secretariat, seed="cop-10")
    confirm_draw(Draw.objects.get(pk=draw.pk), actor=secretariat, meeting="2020", group_starts=STARTS)
    review = CountryReview.objects.get(party="GHA")
    old = review.seats.filter(basis="other_region").first().reviewer
    Party.objects.update(mission_email=Concat(Value("mission@"), Lower("iso3"), Value(".example.org")),
                         correspondence_language="fr")
    item = request_redraw(review, actor=secretariat, asked_by=review.party, reviewer=old,
                          reason="common_language", meeting="Working group, 2021")
    told = dict(Notification.objects.filter(key__startswith=f"redraw:{item.pk}").values_list("email", "subject"))
    new_mission = f"mission@{item.new_reviewer.pk.lower()}.example.org"
    assert told[new_mission] == "Examen de Ghana : nouvel État examinateur"
    assert f"mission@{old.pk.lower()}.example.org" not in told  # no longer a reviewing State
    assert "mission@gha.example.org" in told  # the State under review hears too


def test_a_draw_cannot_be_confirmed_twice(secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draw, other = start_draw(actor=secretariat, seed="a"), start_draw(actor=secretariat, seed="b")
    confirm_draw(Draw.objects.get(pk=draw.pk), actor=secretariat, meeting="m", group_starts=STARTS)
    with pytest.raises(Refused, match="already been confirmed"):
        confirm_draw(Draw.objects.get(pk=other.pk), actor=secretariat, meeting="m", group_starts=STARTS)


def test_only_the_secretariat_runs_a_draw(cast):
    with pytest.raises(Refused):
        start_draw(actor=cast["fp.reviewed"], seed="x")
    assert not Draw.objects.exists()
