"""`make bench`, the public site: our home page beside a bare Wagtail page, served the same way.

Both by gunicorn with two sync workers (`--no-control-socket`) on 127.0.0.1, on the same database
with persistent connections: ours with production's settings (`config.settings.bench`: the shared
cache is Redis when REDIS_URL is set, else the database table), the bare one as a project that
`wagtail start` would make (`cms.benchmarks.bare_wagtail`) serving a plain `Page` with a one-line
template. Four client processes ask again as soon as they are answered, each without cookies
(an anonymous visitor); the rounds alternate, and the median of each side is printed.
"""

import secrets
import statistics

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from cms.benchmarks.load import requests_per_second
from cms.benchmarks.pages import bare_page_site, cache_backend, home_statements, home_with_content
from cms.benchmarks.serving import WORKERS, gunicorn

GOAL_RATIO = 4
OURS_HOST = "127.0.0.1"


class Command(BaseCommand):
    help = "Requests per second of our public home page beside a bare Wagtail page (gunicorn)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765, help="ours; the bare page: +1")
        parser.add_argument("--seconds", type=float, default=8, help="length of each round")
        parser.add_argument("--rounds", type=int, default=3, help="rounds of each, alternating")

    def handle(self, *args, **options):
        if options["seconds"] <= 0 or options["rounds"] < 1:
            raise CommandError("--seconds and --rounds must be positive.")
        home_with_content()
        bare_host = bare_page_site()
        rendered, hit = home_statements()
        connections.close_all()  # gunicorn's workers open their own
        secret = secrets.token_urlsafe(40)
        ours_port, bare_port = options["port"], options["port"] + 1
        ours_environment = {
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            "DJANGO_SECRET_KEY": secret,
            "DJANGO_ALLOWED_HOSTS": OURS_HOST,
        }
        ours_server = gunicorn(
            app="config.wsgi:application",
            port=ours_port,
            host=OURS_HOST,
            path="/",
            environment=ours_environment,
        )
        bare_server = gunicorn(
            app="cms.benchmarks.bare_wagtail.wsgi:application",
            port=bare_port,
            host=bare_host,
            path="/",
            environment={"DJANGO_SECRET_KEY": secret},
        )
        ours, bare = [], []
        sides = ((bare, bare_port, bare_host), (ours, ours_port, OURS_HOST))
        with ours_server, bare_server:
            for _round in range(options["rounds"]):
                for figures, port, host in sides:
                    figures.append(
                        requests_per_second(
                            port=port, host=host, path="/", seconds=options["seconds"]
                        )
                    )
        ours_rps, bare_rps = statistics.median(ours), statistics.median(bare)
        ratio = ours_rps / bare_rps
        goal = "meets" if ratio >= GOAL_RATIO else "misses"
        self.stdout.write(f"{'path':<11} {'ours':>10} {'bare':>10} {'ratio':>7}  statements")
        self.stdout.write(
            f"{'public home':<11} {ours_rps:>6.0f} /s {bare_rps:>6.0f} /s {ratio:>6.1f}×  "
            f"{hit} (a hit; {rendered} rendering it)"
        )
        self.stdout.write(
            f"{'':<11} gunicorn {WORKERS} workers, cache: {cache_backend()}; rounds: ours "
            f"{', '.join(f'{r:.0f}' for r in ours)}, bare {', '.join(f'{r:.0f}' for r in bare)}"
            f" /s; goal ≥ {GOAL_RATIO}× the bare Wagtail page: {goal}"
        )
