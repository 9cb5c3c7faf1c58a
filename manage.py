#!/usr/bin/env python
"""Django's command-line utility for Thiphueng.

site/ is a source root (the standard library already owns the name `site`), so it is put on sys.path
before Django starts.
"""

import os
import sys
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
