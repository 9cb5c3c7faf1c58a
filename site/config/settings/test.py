"""pytest: fast hashing, plain static storage, in-memory cache, tasks run immediately."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
import tempfile  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="thiphueng-media-")
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="thiphueng-private-")},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
THIPHUENG_DEMO_PASSWORDS_ALLOWED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests that exercise two-factor sign-in switch it on themselves.
THIPHUENG_TWO_FACTOR_REQUIRED = False
