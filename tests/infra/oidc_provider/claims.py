"""The claims the test provider vouches for: the user's e-mail and whether it is verified.

A user in the group "unverified" has email_verified false, as a provider says for an address
its owner never confirmed.
"""

from oauth2_provider.oauth2_validators import OAuth2Validator

UNVERIFIED = "unverified"


class EmailClaims(OAuth2Validator):
    def get_additional_claims(self, request):
        user = request.user
        return {"email": user.email, "email_verified": not user.groups.filter(name=UNVERIFIED).exists()}
