"""How many open tasks each queue and each inbox holds, kept exact as tasks change.

One row per (partner, role, stage, status, owner) of open human tasks (status new, assigned or
started, with a partner and a role); `owner_pk` is 0 for nobody. Every save of a `CaseTask` that
moves it between keys moves one from the old row to the new one in the same transaction
(`workflows.services.task_counts`), so the inbox's, queue's and menu's numbers are a sum over a
handful of rows however many tasks there are. Plain integers, not foreign keys: the rows are
derived data, rebuilt from the tasks by `task_counts_rebuild`.
"""

from django.db import models

COUNTED_STATUSES = ("NEW", "ASSIGNED", "STARTED")
KEY_FIELDS = ("partner_id", "role", "stage", "status", "owner_id")

#: (partner_pk, role, stage, status, owner_pk)
CountKey = tuple[int, str, str, str, int]


def task_count_key(partner_id, role, stage, status, owner_id) -> CountKey | None:
    """The counter a task with these values is counted in, or None (not an open human task)."""
    if not partner_id or not role or status not in COUNTED_STATUSES:
        return None
    return (partner_id, role, stage, status, owner_id or 0)


class TaskCount(models.Model):
    partner_pk = models.PositiveIntegerField()
    role = models.CharField(max_length=20)
    stage = models.CharField(max_length=10)
    status = models.CharField(max_length=50)
    owner_pk = models.PositiveIntegerField(default=0)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner_pk", "role", "stage", "status", "owner_pk"],
                name="task_count_key_unique",
            ),
        ]
        indexes = [
            # The inbox's and the approvals' sums: one person's rows.
            models.Index(fields=["owner_pk", "status"], name="task_count_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.partner_pk}/{self.role}/{self.stage}/{self.status}/{self.owner_pk}: {self.n}"
