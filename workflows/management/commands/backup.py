"""Write a consistent backup of the database and the private and public files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflows.backups import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, or SQLite's backup API) and the private and public "
        "files into one .tar.gz. Keep it as safely as the database: it holds personal data."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="a .tar.gz file name, or a folder for a dated one")

    def handle(self, *args, output, **options):
        try:
            path = backup_create(output=Path(output))
        except BackupError as error:
            raise CommandError(f"No backup was written: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
