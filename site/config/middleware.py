"""Middleware of the whole site: request hygiene, the admin's idle timeout, browser policies."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import BadRequest
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import gettext as _

NUL = "\x00"


class RejectNullCharactersMiddleware:
    """A NUL character in a parameter is a 400: PostgreSQL refuses it in text, so it would
    otherwise surface as a server error wherever a view passes the value to a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = request.method == "POST" and request.content_type in FORM_TYPES
        if _has_nul(request.GET) or (posted and _has_nul(request.POST)):
            raise BadRequest(_("The request contains a character that is not allowed."))
        return self.get_response(request)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(params) -> bool:
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in params.lists()
    )


IDLE_KEY = "thiphueng_last_seen"
IDLE_WRITE_EVERY = 60  # seconds: the session is not rewritten on every click
# Requests a page sends by itself while it stays open: they are no sign that someone is there.
IDLE_BACKGROUND_URLS = {
    "wagtailadmin_editing_sessions:ping",
    "wagtailadmin_editing_sessions:release",
    "workflows_admin:client_import_progress",
}


class AdminIdleTimeoutMiddleware:
    """Signs a person out of the admin after THIPHUENG_ADMIN_IDLE_MINUTES without a request
    (a shared office computer left open shows no one's cases for long)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = admin_prefix()
        if prefix and request.path.startswith(prefix) and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(IDLE_KEY)
            idle = settings.THIPHUENG_ADMIN_IDLE_MINUTES * 60
            if last is not None and now - last > idle:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": settings.THIPHUENG_ADMIN_IDLE_MINUTES},
                )
                return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
            if last is None or (now - last >= IDLE_WRITE_EVERY and not _background(request)):
                request.session[IDLE_KEY] = now
        return self.get_response(request)


def _background(request) -> bool:
    """Whether the request is one an open page sends by itself (a ping, a poll, an autosave)."""
    try:
        name = resolve(request.path_info).view_name
    except Resolver404:
        return False
    if name in IDLE_BACKGROUND_URLS:
        return True
    # Wagtail's page and snippet editors save a draft by themselves (autosave): a POST to the
    # edit view that asks for JSON instead of a page.
    json_post = request.method == "POST" and not request.accepts("text/html")
    return json_post and name.endswith(":edit")


def admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URL configuration without the admin (tests' bare pages)
        return None


class PermissionsPolicyMiddleware:
    """Switches off browser features no page of ours uses (THIPHUENG_PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.THIPHUENG_PERMISSIONS_POLICY)
        return response
