"""Settings shared by every environment. Environment variables configure what differs."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Ours, top layer first: cms -> workflows -> notifications -> scheduling -> forms_builder
    # -> partners -> thai.
    "cms",
    "workflows",
    "notifications",
    "scheduling",
    "forms_builder",
    "partners",
    "thai",
    "viewflow.workflow",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Anonymous visitors' public pages from the shared cache: before anything that reads the
    # session or the user, after the host and the language are known (cms.page_cache).
    "cms.page_cache.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "config.middleware.AdminIdleTimeoutMiddleware",
    "partners.two_factor.middleware.TwoFactorRequiredMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with its own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL points at PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "partners.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# django-axes first: it counts every login attempt (it needs the request, which Django's and
# Wagtail's login forms pass) before Django's own backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading the signed-in user from the shared cache (partners/auth_backend.py).
    "partners.auth_backend.CachedModelBackend",
]
# The cache (an alias of CACHES, shared by every process) that keeps signed-in users; "" for none.
THIPHUENG_USER_CACHE = "default"

# Thai first, English second.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
# Ours first; then Thai for Wagtail's own strings that its Thai catalogue lacks (see that file).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
# Content languages are named in the reader's language on Wagtail's screens ("อังกฤษ" to Thai
# staff); the public site's switcher names each language in itself (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = _("Thiphueng")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
# No "What's new in Wagtail" banner and no upgrade check calling wagtail.org (cms.dashboard
# removes the help menu's release item); staff choose among the time zones they work in.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_USER_TIME_ZONES = ["Asia/Bangkok"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Answers' photos and files: never served as public media, only through permission checks.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media"))
        },
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache shared by every process (web, scheduler, workers, each gunicorn worker): the public
# page cache, the report page's per-address limit and the outcome names must not be per process.
# Redis when REDIS_URL is set, else a table in the database (made by cms migration 0008; README
# "Configuration").
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "thiphueng_cache",
            # Every public page in both languages and its fragments; Django's default is 300.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Background work (Django Tasks). The database backend (django-tasks-db, worker: `db_worker`) is the
# default; TASKS_BACKEND=redis with REDIS_URL uses RQ (django-tasks-rq, worker: `rqworker default`)
# for deployments with many app servers. `run_scheduler` hands due items to either.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "redis":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    TASKS_WORKER_COMMAND = ["rqworker", "default"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    TASKS_WORKER_COMMAND = ["db_worker"]
# Security settings (README "Security settings"): every value can be set from the environment.
# How many reverse proxies of ours stand in front of the application (X-Forwarded-For entries).
THIPHUENG_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
# Login throttling (django-axes): after this many wrong passwords for one user from one address,
# that pair is locked out for the cool-off time; every attempt, failed or not, is recorded.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "partners.client_ip.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "partners/login_locked.html"
AXES_VERBOSE = False
# Sessions: the admin logs out after this many idle minutes; no session outlives the cookie age.
THIPHUENG_ADMIN_IDLE_MINUTES = int(os.environ.get("DJANGO_ADMIN_IDLE_MINUTES", "30"))
# Sessions read from the shared cache, written through to the database (kept across restarts).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(12 * 60 * 60)))
# Two-factor sign-in (django-otp) for administrators, supervisors and superusers.
THIPHUENG_TWO_FACTOR_REQUIRED = os.environ.get("DJANGO_TWO_FACTOR_REQUIRED", "true") == "true"
OTP_TOTP_ISSUER = "Thiphueng"
# Browser features no page of ours uses are switched off; geolocation only for our own pages
# (the report page's "use my location").
THIPHUENG_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp): scripts only from our own origin, never inline; inline
# style attributes stay allowed (Wagtail's admin sets them). Pages are framed only by our own
# (Wagtail's preview, the form preview). Embedded videos on the public site come from YouTube.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# No avatars fetched from gravatar.com: staff e-mail hashes do not leave the system.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Request size caps (README "Security settings"). A form's fields, a field editor's choice and
# condition rows and a partner's service areas stay far below these; files stream to disk above
# FILE_UPLOAD_MAX_MEMORY_SIZE, and each file field has its own limit (at most 50 MB, a bundle 5 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_NUMBER_FIELDS", 5_000))
DATA_UPLOAD_MAX_NUMBER_FILES = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Every immediate background task (search index, reference index) would log twice at INFO.
    "loggers": {"django_tasks": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

#: Working days a receiving partner has to answer a referral, unless the sender sets a date.
REFERRAL_ANSWER_DAYS = int(os.environ.get("REFERRAL_ANSWER_DAYS", "5"))

#: Days the files of imports run in the background (and their error reports) are kept after the
#: upload; then the scheduler removes them. The import's counts stay in its record.
IMPORT_FILES_KEEP_DAYS = int(os.environ.get("IMPORT_FILES_KEEP_DAYS", "30"))
