"""A real OpenID provider for the SSO tests: django-oauth-toolkit in its own process on loopback (serve.py)."""
