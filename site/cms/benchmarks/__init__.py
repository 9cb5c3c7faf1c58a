"""`manage.py bench_public`: the public home page beside a bare Wagtail page, served alike."""
