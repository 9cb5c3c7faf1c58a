"""E-mail: every EMAIL_WINDOW, one message per person with what arrived for them meanwhile, in
their language (their admin language in Wagtail's profile)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import ngettext
from wagtail.users.models import UserProfile

from notifications.models import Notification
from notifications.services import email_kinds_for
from scheduling.registry import due_kind


def user_language(user) -> str:
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


@due_kind("notification_email")
def notification_email_send(item) -> None:
    user = item.target
    if user is None or not user.is_active or not user.email:
        return
    pending = list(
        Notification.objects.select_for_update()
        .filter(recipient=user, read_at=None, emailed_at=None, kind__in=email_kinds_for(user))
        .order_by("-created_at")
    )
    if not pending:
        return
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(user_language(user)):
        subject = ngettext(
            "Thiphueng: %(count)s new notification",
            "Thiphueng: %(count)s new notifications",
            len(pending),
        ) % {"count": len(pending)}
        body = render_to_string(
            "notifications/email.txt",
            {"user": user, "notifications": pending, "base_url": base_url},
        )
    # Sent inside the transaction that marks them e-mailed: a failed send is tried again.
    send_mail(subject, body, None, [user.email])
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
