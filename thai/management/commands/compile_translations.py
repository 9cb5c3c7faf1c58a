"""Compile the project's own .po catalogues to .mo with polib.

Django's `compilemessages` needs GNU gettext's msgfmt, which a fresh machine may lack; the project's
catalogues (top-level locale/ and each of our apps' locale/) are compiled in pure Python instead.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

PROJECT_APPS = (
    "thai",
    "partners",
    "forms_builder",
    "scheduling",
    "notifications",
    "workflows",
    "cms",
)


def project_locale_dirs() -> list[Path]:
    dirs = [Path(p) for p in settings.LOCALE_PATHS]
    dirs += [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if config.label in PROJECT_APPS
    ]
    return [d for d in dirs if d.is_dir()]


class Command(BaseCommand):
    help = "Compile the project's own translation catalogues (.po -> .mo) without gettext tools."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in project_locale_dirs():
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
