"""Replace the database and the files with a backup's (made by `manage.py backup`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflows.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database's contents and the private "
        "and public files are REPLACED by the backup's. Stop the application servers first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes", action="store_true", help="do not ask for confirmation (scripts)"
        )

    def handle(self, *args, archive, yes, **options):
        if not yes:
            answer = input("Everything in this installation will be replaced. Type 'yes': ")
            if answer.strip() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            manifest = backup_restore(archive=Path(archive))
        except BackupError as error:
            raise CommandError(f"Nothing was restored: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored the backup made at {manifest['created_at']}.")
        )
