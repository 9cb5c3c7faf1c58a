"""gunicorn cms.benchmarks.bare_wagtail.wsgi (with site/ on the Python path)."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "cms.benchmarks.bare_wagtail.settings"

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
