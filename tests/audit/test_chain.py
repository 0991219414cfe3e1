"""The audit trail is append-only and tamper-evident."""

import io

import pytest
from django.core.management import call_command

from revmod.audit.append_only import unlocked
from revmod.audit.domain import _digest, _fields, verify_chain
from revmod.audit.models import AuditEntry
from tests.reviews.test_workflow import consult

pytestmark = pytest.mark.integration


def test_every_change_is_recorded_with_who_and_what(cast, cast_review):
    consult(cast_review, cast["secretariat"])
    actions = list(AuditEntry.objects.filter(review=cast_review).values_list("action", "actor__email"))
    assert ("reviews.step.consultation.completed", "secretariat@demo.revmod.org") in actions
    assert verify_chain() == []


def test_a_changed_or_removed_entry_breaks_the_chain(cast, cast_review):
    """Someone who lifts the database's lock (as the application's database user can) is still caught."""
    consult(cast_review, cast["secretariat"])
    entry = AuditEntry.objects.filter(review=cast_review).order_by("id")[1]
    with unlocked():
        AuditEntry.objects.filter(pk=entry.pk).update(data={"forged": True})
    assert verify_chain() == [f"entry {entry.pk}: content changed after it was written"]
    with unlocked():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert any("previous hash does not match" in p for p in verify_chain())


def test_a_rewritten_chain_is_caught_by_an_anchor_kept_elsewhere(cast, cast_review, tmp_path):
    """Someone who alters an entry and recomputes every later hash has a chain that verifies on its
    own; the head written down earlier (revmod audit-verify --head, kept off the database) does not."""
    consult(cast_review, cast["secretariat"])
    head = io.StringIO()
    call_command("audit_verify", "--head", stdout=head)
    anchors = tmp_path / "anchors"
    anchors.write_text("# taken daily\n" + head.getvalue())
    entries = list(AuditEntry.objects.order_by("id"))
    with unlocked():
        entries[1].data = {"forged": True}
        prev = entries[0].hash
        for entry in entries[1:]:
            entry.prev_hash = prev
            entry.hash = _digest(prev, _fields(entry))
            AuditEntry.objects.filter(pk=entry.pk).update(data=entry.data, prev_hash=entry.prev_hash, hash=entry.hash)
            prev = entry.hash
    assert verify_chain() == []  # the rewrite is consistent in itself...
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("audit_verify", "--anchors", str(anchors), stdout=out)
    assert "differs from the anchor taken earlier" in out.getvalue()  # ...but not with what was written down


def test_the_secretariat_searches_and_exports_the_trail(cast, cast_review, login, client):
    consult(cast_review, cast["secretariat"])
    c = login(cast["secretariat"])
    page = c.get("/audit/?action=reviews.step&review=gha").content.decode()
    assert "reviews.step.consultation.completed" in page and "accounts." not in page
    export = b"".join(c.get("/audit/?review=GHA&format=csv").streaming_content).decode()
    assert export.splitlines()[0] == "id,at,actor,action,object,review,ip,details,hash"
    assert AuditEntry.objects.filter(action="audit.trail.exported").exists()
    for key in ("fp.reviewed", "expert.reviewer1", "ngo"):
        client.logout()
        assert login(cast[key]).get("/audit/").status_code == 404
