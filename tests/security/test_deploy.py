"""The production settings pass Django's deployment checklist and send the safe headers (issue 7, ASVS 14.4).

Each check runs in a fresh interpreter with REVMOD_PRODUCTION=1 and the variables production
must set, because the settings module reads the environment once, at import.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
SRC = Path(__file__).resolve().parents[2] / "src"


def production_env(tmp_path, **extra) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("REVMOD_") and key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(REVMOD_PRODUCTION="1", REVMOD_SECRET_KEY=secrets.token_urlsafe(50), REVMOD_ALLOWED_HOSTS="revmod.example.org",
               REVMOD_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="revmod.settings", PYTHONPATH=str(SRC), **extra)
    return env


def run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=SRC)


def test_check_deploy_is_clean_with_the_production_settings(tmp_path):
    result = subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
                            env=production_env(tmp_path), capture_output=True, text=True, timeout=120, cwd=SRC)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["REVMOD_SECRET_KEY"]
    result = run("import django; django.setup()", env)
    assert result.returncode != 0 and "REVMOD_SECRET_KEY must be set" in result.stderr


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
response = Client().get("/accounts/login/", secure=True, headers={"host": "revmod.example.org"})
plain = Client().get("/accounts/login/", headers={"host": "revmod.example.org"})
print(json.dumps({"status": response.status_code, "headers": dict(response.headers),
                  "cookies": {k: dict(v) for k, v in response.cookies.items()},
                  "plain": [plain.status_code, plain.headers.get("Location", "")],
                  "second_factor": settings.REVMOD_REQUIRE_SECOND_FACTOR}))
"""


def test_production_pages_carry_hsts_csp_frame_denial_and_secure_cookies(tmp_path):
    result = run(PROBE, production_env(tmp_path))  # the login page needs no database
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    headers = seen["headers"]
    assert seen["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    csrf = seen["cookies"]["csrftoken"]
    assert csrf["secure"] is True and csrf["samesite"] == "Lax"
    assert seen["plain"] == [301, "https://revmod.example.org/accounts/login/"]  # plain HTTP is sent to HTTPS
    assert seen["second_factor"] is True


def test_production_cannot_switch_the_second_factor_off(tmp_path):
    """The second factor is required by role for everyone who can see confidential material;
    in production no variable turns it off (issue 7)."""
    result = run("import django; django.setup(); from django.conf import settings; "
                 "print(settings.REVMOD_REQUIRE_SECOND_FACTOR)", production_env(tmp_path, REVMOD_REQUIRE_SECOND_FACTOR="0"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"
