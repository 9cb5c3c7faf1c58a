"""Local development: `make run`. Debug on, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403

DEBUG = True
# A fixed key is acceptable only here: production refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405, S105
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The demo users' simple passwords are accepted only by these settings.
AUTH_PASSWORD_VALIDATORS = []
THIPHUENG_DEMO_PASSWORDS_ALLOWED = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo is used without phones; production requires two-factor sign-in for its roles.
THIPHUENG_TWO_FACTOR_REQUIRED = False
