"""Request hygiene shared by every screen, before any view reads a parameter."""

from django.core.exceptions import BadRequest
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
