"""The scheduler loop: hands what has come due to the task workers. Several may run at once."""

import signal
import time

from django.core.management.base import BaseCommand

from scheduling.services import run_scheduler


class Command(BaseCommand):
    help = "Hand due items to the task workers, every few seconds, until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between turns.")
        parser.add_argument("--batch", type=int, default=200, help="Items leased per turn.")
        parser.add_argument("--once", action="store_true", help="One turn, then exit.")

    def handle(self, *args, interval, batch, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        try:
            while self.running:
                handed = run_scheduler(batch=batch)
                if handed:
                    self.stdout.write(f"{handed} due item(s) handed to the workers")
                if once:
                    break
                if handed < batch:
                    time.sleep(interval)
        except KeyboardInterrupt:
            pass

    def _stop(self, signum, frame):
        self.running = False
