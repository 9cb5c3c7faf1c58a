"""`manage.py bench_public`: production's settings (cache, middleware, no debug) served over plain
HTTP on 127.0.0.1, with static files named without the collected manifest."""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
