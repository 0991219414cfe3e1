"""Start the test OpenID provider: `python -m tests.infra.oidc_provider.serve PORT SEED.json`.

Side effects, in order: two RSA keys are made (the signing key and another one, published only
by /other/jwks.json); the SQLite file named by OIDC_PROVIDER_DB is migrated; the client and the
users of SEED.json are created; the provider then answers on 127.0.0.1:PORT until killed.
SEED.json: {"client": {"client_id", "client_secret", "redirect_uri"},
            "users": [{"username", "password", "email", "email_verified"}]}.
"""

import json
import os
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def new_rsa_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def seed(data: dict) -> None:
    from django.contrib.auth.models import Group, User
    from oauth2_provider.models import Application

    client = data["client"]
    Application.objects.create(
        name="revmod", client_id=client["client_id"], client_secret=client["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL, authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=client["redirect_uri"], algorithm=Application.RS256_ALGORITHM, skip_authorization=True)
    unverified = Group.objects.create(name="unverified")
    for person in data["users"]:
        user = User.objects.create_user(person["username"], email=person["email"], password=person["password"])
        if not person["email_verified"]:
            user.groups.add(unverified)


def main(port: int, seed_path: str) -> None:
    os.environ["OIDC_PROVIDER_KEY"], os.environ["OIDC_PROVIDER_OTHER_KEY"] = new_rsa_key(), new_rsa_key()
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.infra.oidc_provider.settings"
    import django
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    with open(seed_path) as seed_file:
        seed(json.load(seed_file))
    run("127.0.0.1", port, get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
