"""The notification list (newest first, unread marked), marking read, opening one, and the
choice of kinds by e-mail. Everyone signed in to the admin has their own; nobody sees another's."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from notifications.forms import EmailChoicesForm
from notifications.models import Notification
from notifications.selectors import notifications_for
from notifications.services import (
    email_choices_save,
    email_kinds_for,
    notification_read,
    notifications_read_all,
)
from partners.views.base import StaffPageMixin

PER_PAGE = 30


class NotificationListView(StaffPageMixin, TemplateView):
    template_name = "notifications/list.html"
    page_title = gettext_lazy("Notifications")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        page = Paginator(notifications_for(user), PER_PAGE).get_page(self.request.GET.get("p"))
        context["page"] = page
        context["email_form"] = kwargs.get("email_form") or EmailChoicesForm(
            initial={"kinds": sorted(email_kinds_for(user))}
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "read":
            try:
                notification_read(user=request.user, notification_id=int(request.POST["id"]))
            except (KeyError, ValueError, Notification.DoesNotExist):
                raise Http404 from None
        elif action == "read_all":
            notifications_read_all(user=request.user)
            messages.success(request, _("All notifications are marked read."))
        elif action == "email":
            form = EmailChoicesForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(email_form=form))
            email_choices_save(user=request.user, kinds=form.cleaned_data["kinds"])
            messages.success(request, _("Your e-mail choices are saved."))
        return redirect("notifications:list")


class NotificationOpenView(View):
    """Mark one of mine read and go to what it is about."""

    def get(self, request, pk):
        try:
            notification = notification_read(user=request.user, notification_id=pk)
        except Notification.DoesNotExist:
            raise Http404 from None
        link = notification.link
        if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
            return redirect(link)
        return redirect("notifications:list")
