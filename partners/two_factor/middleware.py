"""Sends someone who must give a second factor to the two-factor screens until they have."""

from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from partners.two_factor.policy import reachable_unverified, two_factor_required


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        unverified = user.is_authenticated and not user.is_verified()
        if unverified and _in_admin(request.path) and _must_verify(user, request.path):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('partners_two_factor:verify')}?{query}")
        return self.get_response(request)


def _must_verify(user, path: str) -> bool:
    return two_factor_required(user) and path not in reachable_unverified()


def _in_admin(path: str) -> bool:
    try:
        return path.startswith(reverse("wagtailadmin_home"))
    except NoReverseMatch:  # a URL configuration without the admin (tests' bare pages)
        return False
