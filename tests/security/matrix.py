"""The access matrix's expectations: for every URL name, who may open it and on which object.

Each entry names the people (kinds of user, see world.USER_KINDS) who may open the address
and the object its arguments point at, by name in the world (`{"pk": "review"}`); a value
starting with "=" is literal. Everyone else must get 404 (an anonymous visitor: 404, the
login page, or 401 on the API), exactly as for an object that does not exist (issue 7).

A new URL without an entry here fails tests/security/test_access_matrix.py, which names it.
"""

from dataclasses import dataclass, field

from tests.security.world import USER_KINDS

EVERYONE = frozenset(USER_KINDS)
SIGNED_IN = EVERYONE - {"anonymous"}
NOBODY: frozenset[str] = frozenset()
SECRETARIAT = frozenset({"secretariat"})
REVIEWED = frozenset({"fp.reviewed", "expert.reviewed", "observer.reviewed"})
REVIEWERS = frozenset({"fp.reviewer1", "expert.reviewer1", "observer.reviewer1", "fp.reviewer2", "expert.reviewer2"})
PARTICIPANTS = SECRETARIAT | REVIEWED | REVIEWERS  # of Ghana's review (P&R 37)
NATIONAL_TEAM = SECRETARIAT | REVIEWED  # working copies of the answers (P&R 34)
STATES_PARTY = SIGNED_IN - {"ngo"}  # the secretariat and every approved States-party user


@dataclass(frozen=True)
class Rule:
    audience: frozenset[str]
    args: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    data: dict[str, str] = field(default_factory=dict)
    query: str = ""
    what: str = "confidential"  # confidential, shared or published: the kind of object probed


def R(audience, method="GET", /, *, what="confidential", query="", data=None, **args) -> Rule:
    return Rule(audience, dict(args), method, dict(data or {}), query, what)


PAGES: dict[str, list[Rule]] = {
    # people
    "accounts:login": [R(EVERYONE, what="published")],
    "accounts:logout": [R(EVERYONE, "POST", what="published")],
    "accounts:verify": [R(SIGNED_IN)],
    "accounts:confirm": [R(SIGNED_IN)],
    "accounts:activate": [R(EVERYONE, token="activation")],  # the e-mailed link is the key
    "accounts:new_link": [R(EVERYONE, what="published")],
    # SSO by OpenID Connect is off in the suite: its addresses answer 404 to all (on: tests/infra/test_oidc_live.py)
    "oidc_authentication_init": [R(NOBODY, what="published")],
    "oidc_authentication_callback": [R(NOBODY, what="published")],
    "accounts:profile": [R(SIGNED_IN)],
    "accounts:create_token": [R(SIGNED_IN, "POST")],
    "accounts:remove_passkey": [R(frozenset({"fp.reviewed"}), "POST", pk="passkey")],  # one's own passkey only
    # the passkey ceremonies (JSON, django-otp-webauthn): after the password; anonymous visitors go to the login
    "otp_webauthn:credential-registration-begin": [R(SIGNED_IN, "POST")],
    "otp_webauthn:credential-registration-complete": [R(SIGNED_IN, "POST")],
    "otp_webauthn:credential-authentication-begin": [R(SIGNED_IN, "POST")],
    "otp_webauthn:credential-authentication-complete": [R(SIGNED_IN, "POST")],
    "otp_webauthn:js-i18n-catalog": [R(EVERYONE, what="published")],
    "accounts:nominations": [R(SECRETARIAT)],
    "accounts:check_nomination": [R(SECRETARIAT, pk="nomination")],
    "accounts:reset_access": [R(SECRETARIAT, "POST", pk="lost_phone")],
    "reference:parties": [R(SECRETARIAT)],
    "reference:party": [R(SECRETARIAT, iso3="iso3"), R(SECRETARIAT, "POST", iso3="iso3", data={"mission_email": "=bad"})],
    "accounts:record_nomination": [R(SECRETARIAT, review_pk="review")],
    "audit:trail": [R(SECRETARIAT)],
    "set_language": [R(EVERYONE, "POST", what="published", data={"language": "=fr"})],
    # reviews
    "reviews:home": [R(SIGNED_IN)],
    "reviews:detail": [R(PARTICIPANTS, pk="review")],
    "reviews:consultation": [R(PARTICIPANTS, pk="consultation")],
    "reviews:clear": [R(PARTICIPANTS, "POST", pk="step")],
    "reviews:extension": [R(PARTICIPANTS, pk="step")],
    "reviews:deadline": [R(SECRETARIAT, pk="step")],
    "reviews:decide_extension": [R(PARTICIPANTS, "POST", pk="extension")],
    "reviews:start_newcomer": [R(SECRETARIAT, "POST", iso3="newcomer", data={"group": "group"})],
    # documents
    "documents:detail": [R(PARTICIPANTS, pk="document")],
    "documents:version": [R(PARTICIPANTS, pk="document", number="=1")],
    "documents:upload": [R(PARTICIPANTS, pk="document")],
    "documents:question": [R(PARTICIPANTS, pk="document")],
    "documents:answer": [R(PARTICIPANTS, pk="question")],
    "documents:download": [R(PARTICIPANTS, pk="attachment")],
    "documents:dialogue": [R(PARTICIPANTS, pk="dialogue_step")],
    # questionnaires
    "questionnaires:step": [R(PARTICIPANTS, pk="step")],
    "questionnaires:open": [R(PARTICIPANTS, pk="step", instrument="=UNTOC")],
    "questionnaires:answers": [R(PARTICIPANTS, pk="response")],
    "questionnaires:save": [R(PARTICIPANTS, "POST", pk="response", question="qn", data={"base_revision": "=1", "text": "=x"})],
    "questionnaires:attach": [R(PARTICIPANTS, "POST", pk="response", question="qn")],
    "questionnaires:comment": [R(PARTICIPANTS, "POST", pk="response", question="qn")],
    "questionnaires:act": [R(PARTICIPANTS, "POST", pk="response", action="=submit")],
    "questionnaires:versions": [R(PARTICIPANTS, pk="response")],
    "questionnaires:version": [R(NATIONAL_TEAM, pk="response", number="response_version")],
    "questionnaires:compare": [R(NATIONAL_TEAM, pk="response", query="a=1&b=1")],
    "questionnaires:export": [R(NATIONAL_TEAM, pk="response", fmt="=xlsx")],
    "questionnaires:import": [R(PARTICIPANTS, "POST", pk="response")],
    "questionnaires:import_preview": [R(frozenset({"expert.reviewed"}), pk="response", pending="pending")],
    "questionnaires:definitions": [R(SECRETARIAT)],
    "questionnaires:definition": [R(SECRETARIAT, pk="definition")],
    "questionnaires:definition_change": [R(SECRETARIAT, "POST", pk="definition", action="=publish")],
    # notifications
    "notifications:inbox": [R(SIGNED_IN)],
    "notifications:notice": [R(frozenset({"fp.reviewed"}), pk="notice")],
    "notifications:mark_all_read": [R(SIGNED_IN, "POST")],
    "notifications:preferences": [R(SIGNED_IN)],
    "notifications:feed": [R(EVERYONE, token="feed")],  # the calendar link is the key
    "notifications:review_log": [R(SECRETARIAT, pk="review")],
    "notifications:remind": [R(SECRETARIAT, pk="review")],
    "notifications:templates": [R(SECRETARIAT)],
    "notifications:template_edit": [R(SECRETARIAT, code="template")],
    # drawing of lots, reports
    "lots:draws": [R(SECRETARIAT)],
    "lots:draw": [R(SECRETARIAT, pk="draw")],
    "lots:redraw": [R(SECRETARIAT, review_pk="review")],
    "reports:status": [R(SECRETARIAT)],
    "reports:status_export": [R(SECRETARIAT, fmt="=json")],
    # the public site
    "public:home": [R(EVERYONE, what="published")],
    "public:countries": [R(EVERYONE, what="published")],
    "public:country": [R(EVERYONE, what="published", iso3="iso3")],
    "public:draw": [R(EVERYONE, what="published")],
    "public:draw_csv": [R(EVERYONE, what="published")],
    # constructive dialogues: public pages, then the secretariat's, then the shared list (P&R 53)
    "dialogues:list": [R(EVERYONE, what="published")],
    "dialogues:detail": [R(EVERYONE, what="published", pk="dialogue")],
    "dialogues:apply": [R(EVERYONE, what="published", pk="dialogue")],
    "dialogues:document": [R(EVERYONE, what="published", pk="dialogue", doc_pk="background")],
    "dialogues:register": [R(EVERYONE, what="published")],
    "dialogues:confirm_organisation": [R(EVERYONE, token="organisation_token")],
    "dialogues:confirm_application": [R(EVERYONE, token="application_token")],
    "dialogues:application": [R(EVERYONE, token="access_token")],
    "dialogues:announce": [R(SECRETARIAT)],
    "dialogues:applicants": [R(SECRETARIAT, pk="dialogue"), R(STATES_PARTY, what="shared", pk="dialogue_sent")],
    "dialogues:send_list": [R(SECRETARIAT, "POST", pk="dialogue")],
    "dialogues:admit": [R(SECRETARIAT, "POST", pk="dialogue")],
    "dialogues:add_document": [R(SECRETARIAT, "POST", pk="dialogue")],
    "dialogues:cancel": [R(SECRETARIAT, pk="dialogue")],
    "dialogues:summary": [R(SECRETARIAT, pk="dialogue")],
    "dialogues:object": [R(STATES_PARTY, "POST", what="shared", pk="application_sent")],
    "dialogues:bureau": [R(SECRETARIAT, "POST", pk="application_sent")],
    "dialogues:comment_file": [R(STATES_PARTY, what="shared", pk="comment_sent")],
    "dialogues:registry": [R(SECRETARIAT)],
    "dialogues:consulted": [R(PARTICIPANTS, review_pk="review")],
    "dialogues:consulted_remove": [R(PARTICIPANTS, "POST", pk="consulted")],
    # follow-up of reviews: records of the review, counts and practices for States parties (P&R 42-46)
    "followup:records": [R(SIGNED_IN)],  # each sees the records of their own reviews, an NGO none
    "followup:record": [R(PARTICIPANTS, pk="followup_record")],
    "followup:overview": [R(STATES_PARTY, what="shared")],
    "followup:practices": [R(STATES_PARTY, what="shared")],
    "followup:withdraw": [R(STATES_PARTY, "POST", what="shared", pk="practice")],  # only its State's focal point succeeds
}

API: dict[str, list[Rule]] = {
    "api:api-root": [R(EVERYONE, what="published")],
    "api:index": [R(EVERYONE, what="published")],
    "api:openapi-json": [R(EVERYONE, what="published")],
    "api:not_found": [R(NOBODY, rest="=nothing/here")],
    "api:me": [R(SIGNED_IN)],
    "api:list_parties": [R(EVERYONE, what="published")],
    "api:list_instruments": [R(EVERYONE, what="published")],
    "api:list_reviews": [R(SIGNED_IN)],
    "api:get_review": [R(PARTICIPANTS, review_id="review")],
    "api:clear_step": [R(PARTICIPANTS, "POST", step_id="step")],
    "api:ask_extension": [R(PARTICIPANTS, "POST", step_id="step",
                            data={"new_due_on": "=2030-01-01", "reason": "=More time."})],
    "api:decide_extension": [R(PARTICIPANTS, "POST", extension_id="extension", data={"approve": "=false"})],
    "api:read": [R(PARTICIPANTS, document_id="document")],
    "api:save": [R(PARTICIPANTS, "PUT", document_id="document", data={"body": "=<p>x</p>", "base_version": "=0"})],
    "api:versions": [R(PARTICIPANTS, document_id="document")],
    "api:list_step_questionnaires": [R(PARTICIPANTS, step_id="step")],
    "api:start_questionnaire": [R(PARTICIPANTS, "POST", step_id="step", instrument="=UNTOC")],
    "api:read_questionnaire": [R(PARTICIPANTS, response_id="response")],
    "api:save_questionnaire_answer": [R(PARTICIPANTS, "PUT", response_id="response", question_id="qn",
                                        data={"base_revision": "=1", "text": "=x"})],
    "api:submit_questionnaire": [R(PARTICIPANTS, "POST", response_id="response")],
    "api:list_followup_records": [R(SIGNED_IN)],  # each sees the records of their own reviews, an NGO none
    "api:get_followup_record": [R(PARTICIPANTS, record_id="followup_record")],
    "api:report_followup_progress": [R(PARTICIPANTS, "POST", record_id="followup_record",
                                       data={"status": "=met", "as_of": "=2030-01-01", "progress": "=Done."})],
}

# Added for the apps built alongside (findings, publication, translations, reports, public,
# questionnaires), from their views' access code; the objects are Ghana's, in draft.
LATER: dict[str, list[Rule]] = {
    "findings:phase": [R(PARTICIPANTS, pk="phase")],
    "findings:feedback": [R(PARTICIPANTS, pk="feedback")],
    "findings:save_overview": [R(PARTICIPANTS, "POST", pk="feedback")],
    "findings:save_entry": [R(PARTICIPANTS, "POST", pk="entry")],
    "findings:ask": [R(PARTICIPANTS, "POST", pk="entry")],
    "findings:answer": [R(PARTICIPANTS, "POST", pk="clarification")],
    "findings:submit_feedback": [R(PARTICIPANTS, "POST", pk="feedback")],
    "findings:list": [R(PARTICIPANTS, pk="observation_list")],
    "findings:add_section": [R(PARTICIPANTS, "POST", pk="observation_list")],
    "findings:add_item": [R(PARTICIPANTS, "POST", pk="observation_list")],
    "findings:save_part": [R(PARTICIPANTS, "POST", kind="=section", pk="section")],
    "findings:confidential": [R(PARTICIPANTS, "POST", kind="=item", pk="item")],
    "findings:save_summary": [R(PARTICIPANTS, "POST", pk="observation_list")],
    "findings:submit_list": [R(PARTICIPANTS, "POST", pk="observation_list")],
    "findings:submit_summary": [R(PARTICIPANTS, "POST", pk="phase")],
    # Downloads exist only once submitted: of these drafts, nobody gets one (and everybody the same 404).
    "findings:feedback_file": [R(NOBODY, pk="feedback", fmt="=pdf")],
    "findings:list_file": [R(NOBODY, pk="observation_list", audience="=working_group", fmt="=pdf")],
    "findings:summary_file": [R(NOBODY, pk="observation_list", fmt="=pdf")],
    "findings:document_file": [R(NOBODY, pk="document", fmt="=pdf")],
    "publication:review": [R(SECRETARIAT | {"fp.reviewed"}, pk="review")],
    "publication:material": [R(SECRETARIAT | {"fp.reviewed"}, pk="review")],
    "publication:withdraw": [R(NOBODY, "POST", pk="=987654321")],  # no publication yet: 404 for all
    "translations:version": [R(PARTICIPANTS, pk="document", number="=1")],
    "translations:detail": [R(PARTICIPANTS, pk="translation")],
    "translations:retry": [R(PARTICIPANTS, "POST", pk="translation")],
    "reports:saq": [R(SECRETARIAT)],
    "reports:saq_answers": [R(SECRETARIAT, definition="definition", question="qn")],
    "reports:saq_export": [R(SECRETARIAT, query="questionnaire={definition}")],
    "questionnaires:submitted": [R(SIGNED_IN)],
    "questionnaires:file": [R(NATIONAL_TEAM, pk="response", file="answer_file")],
    "questionnaires:remove_file": [R(PARTICIPANTS, "POST", pk="response", file="answer_file")],
    "public:feed": [R(EVERYONE, what="published")],
    "public:open_data": [R(EVERYONE, what="published")],
    "public:open_data_csv": [R(EVERYONE, what="published")],
    "public:open_data_json": [R(EVERYONE, what="published")],
    "public:published": [R(NOBODY, what="published", iso3="iso3", pk="=987654321")],  # nothing published yet
}

RULES: dict[str, list[Rule]] = {**PAGES, **API, **LATER}
