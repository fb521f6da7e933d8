"""Django settings for Cerdas: every value comes from the environment, with safe defaults.

Development needs nothing set. Production (``DEBUG`` off) needs ``SECRET_KEY`` (or the key
``make run`` keeps in ``var/secret_key``) and ``ALLOWED_HOSTS``; docs/deploy.md lists every
variable. ``LOCAL_HTTP=1`` is production served on this machine over plain HTTP (``make run``).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cerdas.lib.env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# Production served over plain HTTP on this machine only (``make run``): no HTTPS redirect,
# no HTTPS-only cookies, the loopback host names allowed, email printed to the terminal.
LOCAL_HTTP = env_bool("LOCAL_HTTP", False)
LOCAL = DEBUG or LOCAL_HTTP

# The key comes from the environment, else from the file ``make run`` writes once.
SECRET_KEY_FILE = VAR_DIR / "secret_key"
SECRET_KEY = env_str("SECRET_KEY") or (
    SECRET_KEY_FILE.read_text().strip() if SECRET_KEY_FILE.is_file() else ""
)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY to a long random string for production "
            f"(or keep one in {SECRET_KEY_FILE}), or set DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if LOCAL else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "axes",
    "cerdas.core",
    "cerdas.accounts",
    "cerdas.regions",
    "cerdas.assessments",
    "cerdas.cohorts",
    "cerdas.masterplans",
    "cerdas.implementation",
    "cerdas.portal",
    "cerdas.surveys",
    "cerdas.complaints",
    "cerdas.opendata",
    "cerdas.site",
]

MIDDLEWARE = [
    "cerdas.core.middleware.ForwardedForMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cerdas.core.middleware.NullCharacterMiddleware",
    "cerdas.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Shared copies of pages that declare it, before the session and everything after it.
    "cerdas.core.middleware.SharedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cerdas.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: turns a refused login into the locked-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cerdas.urls"
# Django's form renderer, with select boxes (514 regions) written out without a template each.
FORM_RENDERER = "cerdas.core.form_renderer.FormRenderer"
WSGI_APPLICATION = "cerdas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cerdas" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cerdas.site.context_processors.site",
            ],
        },
    },
]

# Database: SQLite under var/ by default; DATABASE_URL=postgres://... switches engines.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'cerdas.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
        # the start of a transaction so two writers queue instead of failing mid-way.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file, not SQLite's shared-cache memory database: there, two connections
    # writing at once fail with "database table is locked" at once, ignoring the busy
    # timeout, while a file in WAL mode queues them as production does.
    DATABASES["default"]["TEST"] = {
        "NAME": env_str("TEST_SQLITE_NAME", str(VAR_DIR / "test-cerdas.sqlite3"))
    }
elif "postgresql" in DATABASES["default"]["ENGINE"] and env_bool("DB_PREPARED", True):
    # PostgreSQL: values bound by the server, and a statement this connection has run before
    # runs again from its prepared plan, without being parsed and planned anew. A signed-in
    # page runs the same few statements on every request; this halves the database's CPU per
    # page (bench/README.md). Off (DB_PREPARED=0) behind a pooler in transaction mode, which
    # cannot keep a prepared statement on one server connection.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 2}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set. Only things that may vanish live there
# (rendered pages, version stamps, a flush hint); security state and counts are in the
# database (docs/deploy.md, "Shared state"). The version stamps that retire kept pages and
# fragments ("versions") must be one for every worker and command: a change saved through one
# worker must retire the copies the others keep. Without Redis they are small files under
# VAR_DIR, which every process of this machine reads.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # Several sites (or a test server beside the tests) may share one Redis.
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", ""),
    }
    CACHES = {"default": _redis, "versions": _redis}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "versions": {
            "BACKEND": "cerdas.core.stamps.StampFiles",
            "LOCATION": str(VAR_DIR / "cache" / "stamps"),
        },
    }

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins allowed per username (x4 per address) before a pause of the window.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, 1)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60, 1)
# django-axes counts failed logins in the database (cerdas/accounts/lockout.py says how);
# as the first backend it refuses a paused username or address on every authenticate() call.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "cerdas.accounts.lockout.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # order used by LockoutHandler
AXES_FAILURE_LIMIT = "cerdas.accounts.lockout.failure_limit"
AXES_COOLOFF_TIME = "cerdas.accounts.lockout.cool_off"
AXES_CLIENT_IP_CALLABLE = "cerdas.accounts.lockout.client_address"
AXES_USERNAME_CALLABLE = "cerdas.accounts.lockout.username_of"
AXES_LOCKOUT_CALLABLE = "cerdas.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# No table of every successful login with its address: the lockout needs only the failures,
# and those are deleted once their pause is over (at the next login anywhere).
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Email
globals().update(
    email_settings(env_str("EMAIL_URL", "console://" if LOCAL else "smtp://localhost:25"))
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cerdas <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Language and time: Bahasa Indonesia first, times stored in UTC, shown in the region's zone.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "cerdas" / "locale"]
LANGUAGE_COOKIE_NAME = "cerdas_lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "cerdas" / "static"]
# Uploads are served by cerdas.core.media after each app's access check, at MEDIA_URL.
MEDIA_URL = env_str("MEDIA_URL", "/media/")
if not (MEDIA_URL.startswith("/") and MEDIA_URL.endswith("/")) or MEDIA_URL == "/":
    raise ImproperlyConfigured(f"MEDIA_URL must be a path such as /media/; got {MEDIA_URL!r}")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# How the bytes leave: django (streamed by the app), x-accel (nginx) or x-sendfile.
MEDIA_SERVE = env_str("MEDIA_SERVE", "django")
if MEDIA_SERVE not in ("django", "x-accel", "x-sendfile"):
    raise ImproperlyConfigured(
        f"MEDIA_SERVE must be django, x-accel or x-sendfile; got {MEDIA_SERVE!r}"
    )
MEDIA_ACCEL_PREFIX = env_str("MEDIA_ACCEL_PREFIX", "/_media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security. Production mode turns on HTTPS-only cookies, HSTS and the redirect to HTTPS;
# behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1.
# Sessions are read from the cache and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not LOCAL)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not LOCAL)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not LOCAL)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if LOCAL else 31536000, 0)
# Both off by default: they bind every subdomain of the operator's domain, and preloading
# cannot be undone quickly. docs/deploy.md says when to turn them on.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies stand in front of the app servers (0: none, trust no header).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, 0)
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = env_str(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)

LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "cerdas.core.logging.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    # Django's own loggers lose their default handlers and pass their records to the one
    # JSON handler, so that each line is written once.
    "loggers": {
        "django": {"level": "INFO", "handlers": [], "propagate": True},
        "django.db.backends": {"level": "INFO"},
        "django.server": {"level": "INFO", "handlers": [], "propagate": True},
        # Axes says INFO for every login; its warnings (failures, lockouts) are what matter.
        "axes": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 100

# Complaints: map tiles (an URL template with {z}/{x}/{y}; empty: no tiles, the map is drawn
# from the reports' points alone), and the rate limits of report intake.
COMPLAINTS_MAP_TILES_URL = env_str("COMPLAINTS_MAP_TILES_URL", "")
COMPLAINTS_INTAKE_PER_HOUR = env_int("COMPLAINTS_INTAKE_PER_HOUR", 20, 1)
OPEN311_POSTS_PER_MINUTE = env_int("OPEN311_POSTS_PER_MINUTE", 60, 1)

# News view counting (cerdas/portal/counting.py): a reader counts once per article per
# window; views reach the articles' totals at the next flush, at most this often.
PORTAL_VIEW_WINDOW = env_int("PORTAL_VIEW_WINDOW", 30 * 60, 1)
PORTAL_FLUSH_INTERVAL = env_int("PORTAL_FLUSH_INTERVAL", 10, 1)
