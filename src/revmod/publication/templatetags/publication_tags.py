"""`review|publication_managed_by:user`: whether to offer the review's publication page (the policy decides)."""

from django import template

from revmod.publication import policy

register = template.Library()


@register.filter
def publication_managed_by(review, user) -> bool:
    return policy.can_manage_publication(user, review)
