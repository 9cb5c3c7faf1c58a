"""A backup restored into an emptied installation brings back every case, answer and photo."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from forms_builder.models import AnswerFile, AnswerSet
from tests.factories_reports import jpeg, report_data, report_form, report_network
from workflows.models import Case, Client, PublicReport
from workflows.services.public_reports import public_report_submit


def holdings() -> dict:
    return {
        "cases": sorted(Case.objects.values_list("pk", "status")),
        "clients": Client.objects.count(),
        "answers": sorted(AnswerSet.objects.values_list("pk", flat=True)),
        "reports": sorted(PublicReport.objects.values_list("reference", flat=True)),
        "photos": {f.file.name: f.file.open("rb").read() for f in AnswerFile.objects.all()},
    }


def test_a_backup_restored_into_an_empty_installation_has_everything(transactional_db, tmp_path):
    report_network()
    for _ in range(2):
        form = report_form(report_data(), files={"photo": jpeg()})
        assert form.is_valid(), form.errors
        public_report_submit(form=form)
    before = holdings()
    assert len(before["photos"]) == 2 and len(before["cases"]) == 2

    call_command("backup", str(tmp_path))
    (archive,) = tmp_path.glob("thiphueng-*.tar.gz")
    assert oct(archive.stat().st_mode)[-3:] == "600"

    call_command("flush", interactive=False, inhibit_post_migrate=True)  # an empty installation
    for stored in before["photos"]:
        AnswerFile._meta.get_field("file").storage.delete(stored)
    assert not Case.objects.exists()

    call_command("restore", str(archive), yes=True)
    connection.close()
    assert holdings() == before


def test_restoring_something_else_changes_nothing(db, tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(bogus), yes=True)
