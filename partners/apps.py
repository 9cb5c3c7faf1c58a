from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from partners import chooser_scripts

        chooser_scripts.install()

        from partners.auth_backend import signals_connect

        signals_connect()
