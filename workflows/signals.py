"""Keep what is cached about configuration in step with the database."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from workflows.models import Outcome
from workflows.selectors.outcomes import NAMES_CACHE_KEY


@receiver([post_save, post_delete], sender=Outcome)
def outcome_names_forget(**kwargs) -> None:
    transaction.on_commit(lambda: cache.delete(NAMES_CACHE_KEY))
