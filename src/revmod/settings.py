"""Settings for revmod, read from environment variables only, with an embedded default.

The embedded default (no variable set) runs on SQLite, keeps files and the e-mail outbox in a
local data folder and runs background tasks from the database: nothing else to install.
Production sets DATABASE_URL (PostgreSQL), REVMOD_EMAIL_URL (SMTP) and REVMOD_SECRET_KEY;
see docs/deployment.md.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("REVMOD_DATA_DIR", Path.cwd() / "var")).resolve()


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("REVMOD_DEBUG", False)
PRODUCTION = _flag("REVMOD_PRODUCTION", False)
SECRET_KEY = os.environ.get("REVMOD_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("REVMOD_SECRET_KEY must be set in production")
    SECRET_KEY = "embedded-default-not-for-production-" + str(DATA_DIR)
ALLOWED_HOSTS = [h for h in os.environ.get("REVMOD_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("REVMOD_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("REVMOD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "revmod.core",
    "revmod.audit",
    "revmod.reference",
    "revmod.accounts",
    "revmod.reviews",
    "revmod.documents",
    "revmod.questionnaires",
    "revmod.lots",
    "revmod.notifications",
    "revmod.reports",
    "revmod.dialogues",
    "revmod.translations",
    "revmod.findings",
    "revmod.followup",
    "revmod.publication",
    "revmod.public",
    "revmod.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "revmod.accounts.middleware.SessionExpiryMiddleware",
    "revmod.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "revmod.core.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "revmod.urls"
WSGI_APPLICATION = "revmod.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "revmod.core.context_processors.revmod",
                "revmod.accounts.oidc.sign_on",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'revmod.sqlite3'}"),
        conn_max_age=int(os.environ.get("REVMOD_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the task worker write while pages read; busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "reviews:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "revmod.accounts.passwords.GuessablePasswordValidator"},  # leaked-list passwords, in disguise too (zxcvbn)
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "files"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if os.environ.get("REVMOD_S3_BUCKET"):
    # S3-compatible object storage for uploads when app servers scale out (docs/deployment.md).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["REVMOD_S3_BUCKET"],
            "endpoint_url": os.environ.get("REVMOD_S3_ENDPOINT_URL"),
        },
    }
WHITENOISE_USE_FINDERS = not PRODUCTION
UPLOAD_MAX_BYTES = int(os.environ.get("REVMOD_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640


def _email_settings(url: str) -> dict[str, object]:
    """REVMOD_EMAIL_URL: smtp://user:pass@host:port?tls=1, or file:///path for an outbox folder."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": unquote(parsed.path),
        }
    options = parse_qs(parsed.query)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or 25,
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_TLS": options.get("tls", ["0"])[0] == "1",
        "EMAIL_TIMEOUT": 10,
    }


globals().update(_email_settings(os.environ.get("REVMOD_EMAIL_URL", f"file://{DATA_DIR / 'outbox'}")))
DEFAULT_FROM_EMAIL = os.environ.get("REVMOD_FROM_EMAIL", "revmod@localhost")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("REVMOD_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
if os.environ.get("REVMOD_REDIS_URL"):
    # The standard queue for a scaled-out site: RQ on Redis (docs/deployment.md §5); workers run
    # `revmod rqworker --job-class django_tasks_rq.Job`. Needs the `scale` extra installed.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ["REVMOD_REDIS_URL"]}}
    TASKS["default"]["BACKEND"] = "django_tasks_rq.RQBackend"

SESSION_COOKIE_AGE = int(os.environ.get("REVMOD_SESSION_SECONDS", str(8 * 3600)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _flag("REVMOD_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

OTP_TOTP_ISSUER = "revmod"


def _passkey_site(site_url: str) -> tuple[str, str]:
    """The relying party ID and origin of passkeys, from the site's address. Browsers refuse an IP
    address as RP ID, and http://localhost (not http://127.0.0.1) is a secure context."""
    parsed = urlparse(site_url)
    host = parsed.hostname or "localhost"
    host = "localhost" if host in {"127.0.0.1", "::1"} else host
    return host, f"{parsed.scheme}://{host}" + (f":{parsed.port}" if parsed.port else "")


# Passkeys (WebAuthn) as a second factor only, never instead of the password (accounts/views.py).
_PASSKEY_HOST, _PASSKEY_ORIGIN = _passkey_site(SITE_URL)
OTP_WEBAUTHN_RP_ID = os.environ.get("REVMOD_WEBAUTHN_RP_ID") or _PASSKEY_HOST
OTP_WEBAUTHN_RP_NAME = os.environ.get("REVMOD_WEBAUTHN_RP_NAME", "revmod")
OTP_WEBAUTHN_ALLOWED_ORIGINS = [o for o in os.environ.get("REVMOD_WEBAUTHN_ORIGINS", _PASSKEY_ORIGIN).split(",") if o]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
ACTIVATION_DAYS = 10
# Production always requires it: no variable turns the second factor off there (issue 7).
REVMOD_REQUIRE_SECOND_FACTOR = PRODUCTION or _flag("REVMOD_REQUIRE_SECOND_FACTOR", True)
# A session ends after this long without a request (idle) and SESSION_COOKIE_AGE after the login
# (absolute), whatever happens in between (accounts.middleware.SessionExpiryMiddleware, ASVS 3.3).
REVMOD_SESSION_IDLE_SECONDS = int(os.environ.get("REVMOD_SESSION_IDLE_SECONDS", str(30 * 60)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("REVMOD_LOG_LEVEL", "WARNING")},
}

# Single sign-on by OpenID Connect, off unless the organisation's provider is configured
# (accounts/oidc.py, docs/security.md). A sign-on finds an existing person by verified e-mail,
# creates nobody, and the second factor is still asked.
OIDC_ENABLED = bool(os.environ.get("REVMOD_OIDC_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("revmod.accounts.oidc.NominatedPersonBackend")
    OIDC_RP_CLIENT_ID = os.environ["REVMOD_OIDC_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("REVMOD_OIDC_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["REVMOD_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["REVMOD_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["REVMOD_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ["REVMOD_OIDC_JWKS_ENDPOINT"]  # the id_token's signature is always checked
    OIDC_RP_SIGN_ALGO = os.environ.get("REVMOD_OIDC_SIGN_ALGO", "RS256")
OIDC_OP_ISSUER = os.environ.get("REVMOD_OIDC_ISSUER", "")  # when set, the id_token's "iss" must be exactly this
OIDC_RP_SCOPES = "openid email"
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True  # a stolen code is useless without this session's verifier (RFC 7636)
OIDC_TIMEOUT = 10  # seconds for each call to the provider: a provider that hangs must not hold a worker
