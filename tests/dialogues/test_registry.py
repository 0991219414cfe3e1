"""The stakeholder registry for the secretariat, and the query cost of the lists (P&R 53(a))."""

from datetime import timedelta

import pytest

from revmod.audit.models import AuditEntry
from revmod.dialogues.domain.decisions import admit_unopposed
from revmod.dialogues.domain.dialogues import send_list_to_states
from revmod.dialogues.domain.queries.applicants import applicant_rows
from revmod.dialogues.domain.queries.registry import registry
from revmod.dialogues.enums import OrganisationKind
from tests.dialogues.conftest import announce, confirmed_application, organisation

pytestmark = pytest.mark.integration


def test_the_registry_shows_who_took_part_when_alphabetically(cast, list_sent, applicants, login, client):
    organisation("Mbeki Institute", kind=OrganisationKind.ACADEMIA, country="GHA")  # registered, never applied
    admit_unopposed(list_sent, actor=cast["secretariat"], today=list_sent.dates.objections_close_on + timedelta(days=1))
    rows = registry()
    assert [r.organisation.name for r in rows] == [
        "Atlas Logistics", "Mbeki Institute", "University of Accra Law Faculty", "Zenith Anti-Trafficking Network"]
    assert {r.organisation.name: [a.dialogue.held_on for a in r.took_part] for r in rows} == {
        "Atlas Logistics": [list_sent.held_on], "Mbeki Institute": [],
        "University of Accra Law Faculty": [list_sent.held_on], "Zenith Anti-Trafficking Network": [list_sent.held_on]}
    page = login(cast["secretariat"]).get("/dialogues/registry/?country=GHA").content.decode()
    assert "Mbeki Institute" in page and "Atlas Logistics" not in page
    read = AuditEntry.objects.filter(action="dialogues.registry.read").get()
    assert (read.actor, read.data) == (cast["secretariat"], {"country": "GHA"})
    client.logout()
    assert login(cast["fp.reviewed"]).get("/dialogues/registry/").status_code == 404


@pytest.mark.parametrize("size", [1, 3])
def test_the_lists_cost_the_same_queries_for_one_or_three_items(cast, size, django_assert_num_queries):
    dialogue = announce(cast["secretariat"])
    for number in range(size):
        confirmed_application(dialogue, organisation(f"Organisation {number}"))
    send_list_to_states(dialogue, actor=cast["secretariat"], today=dialogue.dates.applications_close_on + timedelta(days=1))
    dialogue.refresh_from_db()
    with django_assert_num_queries(4):  # the viewer's roles, applicants, objections, comments
        assert len(applicant_rows(dialogue, viewer=cast["secretariat"])) == size
    with django_assert_num_queries(2):  # organisations, their applications
        assert len(registry()) == size
