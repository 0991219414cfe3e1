"""The audit trail is append-only and tamper-evident."""

import pytest

from revmod.audit.domain import verify_chain
from revmod.audit.models import AuditEntry
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def test_every_change_is_recorded_with_who_and_what(cast, cast_review):
    consult(cast_review, cast["secretariat"])
    actions = list(AuditEntry.objects.filter(review=cast_review).values_list("action", "actor__email"))
    assert ("reviews.step.consultation.completed", "secretariat@demo.revmod.org") in actions
    assert verify_chain() == []


def test_a_changed_or_removed_entry_breaks_the_chain(cast, cast_review):
    consult(cast_review, cast["secretariat"])
    entry = AuditEntry.objects.filter(review=cast_review).order_by("id")[1]
    AuditEntry.objects.filter(pk=entry.pk).update(data={"forged": True})
    assert verify_chain() == [f"entry {entry.pk}: content changed after it was written"]
    AuditEntry.objects.filter(pk=entry.pk).delete()
    assert any("previous hash does not match" in p for p in verify_chain())
