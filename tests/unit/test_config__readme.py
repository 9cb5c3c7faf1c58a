"""The README documents every environment variable the settings read."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "site" / "config" / "settings"
# os.environ["X"], os.environ.get("X"), os.getenv("X"), and our env_list("X").
READS = re.compile(
    r"""(?:os\.environ(?:\.get)?\s*[\[(]|os\.getenv\(|env_\w+\()\s*["']([A-Z][A-Z0-9_]*)["']"""
)


def settings_variables() -> set[str]:
    names = set()
    for path in SETTINGS.glob("*.py"):
        text = path.read_text()
        names |= set(READS.findall(text))
        if "dj_database_url.config(" in text:  # reads DATABASE_URL itself
            names.add("DATABASE_URL")
    return names


def test_the_pattern_finds_what_the_settings_read():
    found = settings_variables()
    assert {"DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= found


def test_the_readme_names_every_environment_variable_the_settings_read():
    readme = (ROOT / "README.md").read_text()
    missing = sorted(name for name in settings_variables() if f"`{name}`" not in readme)
    assert not missing, f"README.md does not document {missing}"
