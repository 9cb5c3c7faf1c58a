import os

import pytest
from django.db import connection

from tests.factories import PartnerFactory, member


@pytest.fixture
def transactional_db(django_db_serialized_rollback, transactional_db):
    """Transactional tests flush every table at the end; a serialized rollback then restores what
    the data migrations made (Wagtail's root page and locales, the role groups) for later tests."""
    return transactional_db


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
