"""The address a request came from, behind the number of proxies the deployment trusts.

`THIPHUENG_TRUSTED_PROXY_COUNT` (environment `DJANGO_TRUSTED_PROXY_COUNT`, README "Security
settings") is how many reverse proxies of our own stand in front of the application: each
appends the address it received from to X-Forwarded-For, so the real sender is that many entries
from the right. Entries further left were written by the sender and are not believed. With no
proxy (0), REMOTE_ADDR is the sender. Login throttling and the public report's limit both use it.
"""

from django.conf import settings


def client_address(request) -> str:
    proxies = int(getattr(settings, "THIPHUENG_TRUSTED_PROXY_COUNT", 0))
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
