"""Signals: cached configuration kept in step with the database; staff on cases never deleted."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.db import transaction
from django.db.models import ProtectedError
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from workflows.models import AccessKind, CaseTask, Outcome
from workflows.models.task_counts import task_count_key
from workflows.selectors.outcomes import NAMES_CACHE_KEY
from workflows.selectors.staff import users_with_case_history
from workflows.services.audit import record_access
from workflows.services.task_counts import task_count_move


@receiver([post_save, post_delete], sender=Outcome)
def outcome_names_forget(**kwargs) -> None:
    transaction.on_commit(lambda: cache.delete(NAMES_CACHE_KEY))


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def user_delete_refuse_with_case_history(sender, instance, **kwargs) -> None:
    """Deleting staff would cascade to their tasks: refused wherever it is tried (shell,
    bulk delete, code); the admin's hooks say so in a message first."""
    if users_with_case_history(sender.objects.filter(pk=instance.pk)).exists():
        raise ProtectedError(
            "Staff whose name is on cases are deactivated, never deleted.", {instance}
        )


@receiver(post_delete, sender=CaseTask)
def task_count_forget(sender, instance, **kwargs) -> None:
    """A deleted open task (its case deleted, say) leaves its counter."""
    stored = getattr(instance, "_stored_key", None)
    if stored is not None:
        task_count_move(task_count_key(*stored), None)


@receiver(user_logged_in)
def login_record(sender, request, user, **kwargs) -> None:
    record_access(request, kind=AccessKind.LOGIN, user=user)


@receiver(user_login_failed)
def login_failed_record(sender, credentials, request=None, **kwargs) -> None:
    """The name typed is kept (never the password), with the address it came from."""
    typed = str(credentials.get("username", ""))
    record_access(request, kind=AccessKind.LOGIN_FAILED, username=typed)
