"""Load the demo network: partners, their people, and the public site. Safe to run again."""

from django.core.management.base import BaseCommand

from cms import demo as cms_demo
from forms_builder import demo as forms_demo
from partners import demo as partners_demo
from workflows import demo as workflows_demo


class Command(BaseCommand):
    help = "Load (or refresh) the demo data. Only the dev and test settings allow it."

    def handle(self, *args, **options):
        partners = partners_demo.load()
        cms_demo.load(partners=partners)
        forms_demo.load(partners=partners)
        workflows_demo.load(partners=partners)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
