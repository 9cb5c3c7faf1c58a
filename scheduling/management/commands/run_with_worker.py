"""`make run`: the web server, the scheduler and one task worker, started and stopped together."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the development server with the scheduler and one task worker; Ctrl-C stops all."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        manage = [sys.executable, os.path.abspath(sys.argv[0])]
        commands = [
            [*manage, "runserver", addrport],
            [*manage, "run_scheduler"],
            [*manage, *settings.TASKS_WORKER_COMMAND],
        ]
        children = [subprocess.Popen(command) for command in commands]  # noqa: S603 - our own manage.py
        try:
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            # One stopped by itself (e.g. the port was taken): stop the others like Ctrl-C does.
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGINT)
        except KeyboardInterrupt:
            pass  # Ctrl-C reached the children too (one process group)
        finally:
            for child in children:
                _stop(child)


def _stop(child: subprocess.Popen) -> None:
    for escalate in (None, child.terminate, child.kill):
        if escalate:
            escalate()
        try:
            child.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue
