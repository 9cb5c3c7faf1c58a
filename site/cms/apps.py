from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import admin_dates, admin_labels, signals

        signals.connect()
        admin_dates.register()
        admin_labels.label()
