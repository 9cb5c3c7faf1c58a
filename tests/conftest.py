import importlib
import os

import pytest
from django.db import connection

from tests.factories import PartnerFactory, member


@pytest.fixture
def transactional_db(django_db_serialized_rollback, transactional_db):
    """Transactional tests flush every table at the end; a serialized rollback then restores what
    the data migrations made (Wagtail's root page and locales, the role groups) for later tests.

    Once Playwright's event loop has run in this process, Django's serialized rollback restores
    nothing (later tests get a connection object without the serialized copy), so the rows the
    tests rely on and no fixture makes are seeded again here: the network's outcomes."""
    from django.apps import apps

    from workflows.models import Outcome

    if not Outcome.objects.exists():
        seed = importlib.import_module("workflows.migrations.0006_outcomes_as_configuration")
        seed.outcomes_create(apps, None)
    return transactional_db


@pytest.fixture(autouse=True)
def _kept_definitions_forgotten():
    """Published form classes and running steps are kept per process; a rolled-back test's rows
    may give their primary keys to the next test's (SQLite), so each test starts with none."""
    from forms_builder.runtime.dynamic_form import form_classes_forget
    from workflows.selectors.graph import running_graph_forget

    form_classes_forget()
    running_graph_forget()


@pytest.fixture(autouse=True)
def _no_kept_uploads():
    """Each test starts with no import upload waiting for confirmation: the private storage
    outlives tests, and the import tests count what is kept there."""
    from forms_builder.models import private_storage
    from tests.integration.test_imports__clients import kept_files
    from workflows.imports.uploads import FOLDER

    for name in kept_files():
        private_storage().delete(f"{FOLDER}/{name}")


@pytest.fixture(autouse=True)
def _cache_emptied():
    """Cached pages and fragments outlive a test's rolled-back rows (whose ids and addresses the
    next test reuses): each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def partner(db):
    return PartnerFactory()


@pytest.fixture
def other_partner(db):
    return PartnerFactory()


@pytest.fixture
def make_member(db):
    return member


@pytest.fixture
def on_postgres(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")


def pytest_collection_modifyitems(config, items):
    if not os.path.exists("/usr/bin/chromium"):
        skip = pytest.mark.skip(reason="Debian's /usr/bin/chromium is not installed")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
