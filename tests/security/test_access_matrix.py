"""The access matrix: every URL and API operation × every kind of user × the objects it names.

Generated from the URL configuration (django.urls.get_resolver, which includes every API
operation of the OpenAPI document): an address with no entry in tests/security/matrix.py fails
the suite by name. For each address and each kind of user the answer must be what the entry
says: the audience opens it; everyone else gets 404 (an anonymous visitor 404, the login page
or, on the API, 401), and the same answer as for an object that does not exist (issue 7).
Every probe runs in a savepoint that is rolled back, so an allowed POST changes nothing.
"""

import json
import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from revmod.accounts.domain import create_api_token
from tests.conftest import verified_login
from tests.security.matrix import RULES, Rule
from tests.security.world import MISSING, USER_KINDS, build_world

pytestmark = pytest.mark.integration

CHECKS: list[int] = []  # probes made, summed in the last test's output
DOWNLOADS: set[str] = set()  # addresses that answered with a file to download
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def url_names(resolver=None, namespace="") -> set[str]:
    """Every named URL pattern, with its namespace, as reverse() spells it."""
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            names |= url_names(entry, namespace + (f"{entry.namespace}:" if entry.namespace else ""))
        elif isinstance(entry, URLPattern):
            names.add(namespace + (entry.name or f"<unnamed {entry.pattern}>"))
    return names


def test_every_url_has_an_access_rule():
    missing = sorted(url_names() - set(RULES))
    assert not missing, f"URL names without an access rule in tests/security/matrix.py: {', '.join(missing)}"
    stale = sorted(set(RULES) - url_names())
    assert not stale, f"rules for URL names that no longer exist: {', '.join(stale)}"


def test_every_openapi_operation_is_a_url_with_a_rule(client, db):
    """The OpenAPI document and the URL configuration describe the same API: each operation has a rule."""
    document = json.loads(client.get("/api/v1/openapi.json").content)
    operations = {op["operationId"] for ops in document["paths"].values() for op in ops.values()}
    names = {name.split(":", 1)[1] for name in RULES if name.startswith("api:")}
    operation_names = {op.rsplit("_api_", 1)[-1] for op in operations}
    assert operation_names <= names, sorted(operation_names - names)


def _value(world, name: str):
    return name[1:] if name.startswith("=") else world.ids[name]


def _missing(value):
    return MISSING if isinstance(value, int) else "no-such-token-0000"


def outcome(response) -> str:
    """What a person learns: the page ("open"), nothing ("hidden"), or that they must log in."""
    status = response.status_code
    if status >= 500:
        return f"error {status}"
    if status in (404, 410):
        return "hidden"
    if status == 401 or (status == 302 and response["Location"].startswith(("/accounts/login/", "/accounts/verify/"))):
        return "login"
    if status == 403:
        return "forbidden"
    return "open"


class Prober:
    """One logged-in client (password and second factor) or API token per kind of user."""

    def __init__(self, world):
        self.world, self.clients, self.tokens = world, {}, {}

    def client(self, who) -> Client:
        if who not in self.clients:
            client = Client()
            if who != "anonymous":
                verified_login(client, self.world.people[who], password_confirmed=True)
            self.clients[who] = client
        return self.clients[who]

    def headers(self, who, api: bool) -> dict:
        if not api or who == "anonymous":
            return {}
        if who not in self.tokens:
            self.tokens[who] = create_api_token(self.world.people[who], name="matrix")
        return {"Authorization": f"Bearer {self.tokens[who]}"}

    def call(self, who, name: str, rule: Rule, *, missing: bool = False):
        kwargs = {key: _value(self.world, ref) for key, ref in rule.args.items()}
        if missing:
            kwargs = {key: (_missing(v) if not rule.args[key].startswith("=") else v) for key, v in kwargs.items()}
        url = reverse(name, kwargs=kwargs) + (f"?{rule.query.format(**self.world.ids)}" if rule.query else "")
        data = {key: _value(self.world, ref) for key, ref in rule.data.items()}
        api = name.startswith("api:")
        client, headers = self.client(who), self.headers(who, api)
        cookies = {key: morsel.value for key, morsel in client.cookies.items()}  # logging out must not stick
        with transaction.atomic():
            if rule.method == "GET":
                response = client.get(url, headers=headers)
            elif api:
                body = json.dumps({k: json.loads(v) if k == "approve" or k == "base_version" else v for k, v in data.items()})
                response = client.generic(rule.method, url, body, content_type="application/json", headers=headers)
            else:
                response = client.generic(rule.method, url, data=_form(data), content_type="application/x-www-form-urlencoded",
                                          headers=headers)
            transaction.set_rollback(True)
        client.cookies.clear()
        for key, value in cookies.items():
            client.cookies[key] = value
        CHECKS.append(1)
        return response


def _form(data: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(data)


def _body(response) -> bytes:
    """The page without what differs by request only: the CSRF token and the page's own address."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    path = response.wsgi_request.get_full_path().encode()
    return CSRF.sub(b"", content).replace(path, b"").replace(path.split(b"?")[0], b"")


def expected(who: str, rule: Rule) -> set[str]:
    if who in rule.audience:
        return {"open"}
    return {"hidden", "login"} if who == "anonymous" else {"hidden"}


@pytest.fixture
def world(cast, cast_review, unrelated_review):
    return build_world(cast, cast_review, unrelated_review)


@pytest.mark.parametrize("who", USER_KINDS)
def test_each_kind_of_user_opens_exactly_what_the_matrix_says(who, world):
    """Every address × this kind of user: the audience opens it, anyone else learns nothing,
    and "not yours" answers exactly like "not there"."""
    prober = Prober(world)
    wrong = []
    for name, rules in sorted(RULES.items()):
        for rule in rules:
            response = prober.call(who, name, rule)
            got = outcome(response)
            if got not in expected(who, rule):
                wrong.append(f"{name} [{rule.what}]: {got} ({response.status_code}), expected {'/'.join(sorted(expected(who, rule)))}")
                continue
            if got == "open" and response.get("Content-Disposition", "").startswith("attachment"):
                DOWNLOADS.add(name)
                headers = (response.get("X-Content-Type-Options"), response.get("Content-Security-Policy"))
                if headers != ("nosniff", "default-src 'none'; sandbox"):
                    wrong.append(f"{name}: a download without nosniff and a sandbox CSP: {headers}")
            if got == "open" or not rule.args or all(v.startswith("=") for v in rule.args.values()):
                continue
            absent = prober.call(who, name, rule, missing=True)
            if (absent.status_code, _body(absent)) != (response.status_code, _body(response)):
                wrong.append(f"{name}: not yours ({response.status_code}) differs from not there ({absent.status_code})")
    assert not wrong, f"{who}:\n  " + "\n  ".join(wrong)


def test_matrix_size_is_reported(capsys):
    """Prints the number of endpoint × user probes made by this run (issue 7 asks for the figure)."""
    cells = sum(len(rules) for rules in RULES.values()) * len(USER_KINDS)
    with capsys.disabled():
        print(f"\naccess matrix: {len(RULES)} URL names, {cells} endpoint × user cells, {len(CHECKS)} probes made; "
              f"{len(DOWNLOADS)} download addresses checked for safe headers")
    assert cells >= len(RULES) * len(USER_KINDS)
