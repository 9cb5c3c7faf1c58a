"""The admin's language switcher: stores the choice in the user's Wagtail profile."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.users.models import UserProfile


def admin_languages() -> dict[str, str]:
    return dict(getattr(settings, "WAGTAILADMIN_PERMITTED_LANGUAGES", settings.LANGUAGES))


def _safe_next(request) -> str:
    for candidate in (
        request.GET.get("next"),
        request.POST.get("next"),
        request.headers.get("referer"),
    ):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return reverse("wagtailadmin_home")


@require_POST
def admin_language_switch(request, language: str):
    if language not in admin_languages():
        raise Http404
    profile = UserProfile.get_for_user(request.user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return HttpResponseRedirect(_safe_next(request))
