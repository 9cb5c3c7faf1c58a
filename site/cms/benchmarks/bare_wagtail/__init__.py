"""The bare reference: a Wagtail project as `wagtail start` makes it, on the same database.

No app of ours, Wagtail's default middleware, no page cache: it serves one plain `Page` (with a
one-line template) at the site `bench_public` adds for it."""
