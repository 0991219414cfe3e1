"""Who may request and read machine translations: exactly those who may read the source document.

A translation is as confidential as its source, so every answer comes from the reviews
policy (`can_view_document`); the failure's technical detail is for the secretariat only.
"""

from revmod.reviews import policy as reviews_policy


def can_request_translation(user, version) -> bool:
    return reviews_policy.can_view_document(user, version.document)


def can_view_translation(user, translation) -> bool:
    return reviews_policy.can_view_document(user, translation.source.document)


def can_see_failure_detail(user) -> bool:
    return reviews_policy.is_secretariat(user)
