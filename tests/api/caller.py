"""Calling the JSON API as a member of the demo cast, each with their own personal token."""

import json

from revmod.accounts.domain import create_api_token


class Api:
    """`api.get("fp.reviewed", "/reviews/")`: the member's token is created on first use."""

    def __init__(self, client, people):
        self.client, self.people, self.tokens = client, people, {}

    def headers(self, who, **extra) -> dict:
        if who not in (None, "anonymous") and who not in self.tokens:
            self.tokens[who] = create_api_token(self.people[who], name="tests")
        auth = {"Authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}
        return {**auth, **extra}

    def get(self, who, path, **headers):
        return self.client.get("/api/v1" + path, headers=self.headers(who, **headers))

    def send(self, method, who, path, data=None, **headers):
        body = data if isinstance(data, str) else json.dumps(data or {})
        call = getattr(self.client, method.lower())
        return call("/api/v1" + path, data=body, content_type="application/json", headers=self.headers(who, **headers))

    def post(self, who, path, data=None, **headers):
        return self.send("POST", who, path, data, **headers)

    def put(self, who, path, data=None, **headers):
        return self.send("PUT", who, path, data, **headers)
