from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThaiConfig(AppConfig):
    name = "thai"
    verbose_name = _("Thai specifics")

    def ready(self):
        from thai import django_dates

        django_dates.install()
