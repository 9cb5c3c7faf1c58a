"""The production settings: nothing insecure by default, `check --deploy` clean."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="x" * 20 + "-a-long-random-production-secret-key-0123456789",
        DJANGO_ALLOWED_HOSTS="thiphueng.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_tasks_go_to_the_worker_outside_the_tests():
    """Dev and production queue tasks for the worker (database, or RQ when asked); only the test
    settings run them in the request's process."""
    code = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"
    dev = _manage("shell", "-c", code, DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert dev.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend", dev.stderr
    redis = _manage(
        "shell", "-c", code, DJANGO_SETTINGS_MODULE="config.settings.dev", TASKS_BACKEND="redis"
    )
    assert redis.stdout.strip().splitlines()[-1] == "django_tasks_rq.RQBackend", redis.stderr
