"""Wagtail's Users admin refuses to delete someone whose name is on casework (one or many);
the message says to deactivate them instead. workflows.signals refuses it everywhere else."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from workflows.selectors.staff import users_with_case_history


def _refusal(request, names: list[str]):
    messages.error(
        request,
        _(
            "%(names)s cannot be deleted: their name is on cases, and the history must keep "
            "who did what. Deactivate the account instead (untick “Active”)."
        )
        % {"names": ", ".join(names)},
    )


@hooks.register("before_delete_user")
def refuse_deleting_case_staff(request, user):
    User = get_user_model()
    if users_with_case_history(User.objects.filter(pk=user.pk)).exists():
        _refusal(request, [user.get_full_name() or user.get_username()])
        return redirect("wagtailusers_users:edit", user.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_case_staff(request, action_type, objects, action_class_instance):
    User = get_user_model()
    if action_type != "delete" or action_class_instance.model is not User:
        return None
    kept = users_with_case_history(User.objects.filter(pk__in=[u.pk for u in objects]))
    names = [u.get_full_name() or u.get_username() for u in kept]
    if names:
        _refusal(request, names)
        return redirect("wagtailusers_users:index")
    return None
