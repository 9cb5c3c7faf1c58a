"""A write that fails leaves no uploaded file on disk: the rows roll back, and so do the files."""

import os

import pytest

from forms_builder.models import AnswerFile, FieldType
from forms_builder.serialization import field_as_dict
from forms_builder.stored_files import answer_files_removed_on_failure
from partners.models import Role
from tests.factories import member
from tests.factories_reports import jpeg
from tests.factories_workflows import (
    client_at,
    published_before_coverage_checks,
    published_form,
    screening_process,
)
from tests.factories_workspace import open_task
from workflows.errors import NoTransitionMatches
from workflows.services.cases import case_start, task_claim, task_complete


def stored_files() -> set[str]:
    root = AnswerFile._meta.get_field("file").storage.location
    return {os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names}


@pytest.fixture
def task_without_a_way_out(partner):
    """A claimed screening task with a photo field whose decisions cover only some answers."""
    definition = screening_process(partner, default=False, publish=False)
    version = definition.versions.get()
    version.steps.filter(key__in=["assess", "helped"]).delete()
    screening = version.steps.get(key="screen").form_version
    fields = [field_as_dict(f) for f in screening.fields.all()]
    photo = {"key": "photo", "field_type": FieldType.FILE, "validation": {"accept": ["image/*"]}}
    with_photo = published_form(partner, "screening_photo", [*fields, photo])
    version.steps.filter(key="screen").update(form_version=with_photo)
    published_before_coverage_checks(version)
    worker = member(Role.CASEWORKER, partner=partner)
    case = case_start(partner=partner, client=client_at(partner), definition=definition)
    return task_claim(task=open_task(case), user=worker), worker


def test_a_completion_no_decision_matches_leaves_no_photo_on_disk(task_without_a_way_out):
    task, worker = task_without_a_way_out
    before = stored_files()
    with pytest.raises(NoTransitionMatches):
        task_complete(
            task=task,
            user=worker,
            data={"nationality": "thai", "age": "40"},
            files={"photo": jpeg()},
        )
    assert stored_files() == before
    assert not AnswerFile.objects.exists()


def test_a_completion_that_succeeds_keeps_its_photo(task_without_a_way_out):
    task, worker = task_without_a_way_out
    before = stored_files()
    task_complete(
        task=task,
        user=worker,
        data={"nationality": "foreign", "age": "40"},
        files={"photo": jpeg()},
    )
    (kept,) = stored_files() - before
    assert kept.endswith(AnswerFile.objects.get().file.name)


def test_an_inner_block_that_succeeded_is_undone_by_the_outer_one_failing(tmp_path):
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage

    storage = FileSystemStorage(location=tmp_path)

    class Stored:
        def __init__(self, name):
            self.storage, self.name = storage, storage.save(name, ContentFile(b"x"))

    from forms_builder.stored_files import answer_file_written

    with pytest.raises(RuntimeError), answer_files_removed_on_failure():
        with answer_files_removed_on_failure():
            answer_file_written(Stored("a.txt"))
        raise RuntimeError
    assert not list(tmp_path.iterdir())
