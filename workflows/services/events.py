"""Writing the timeline's entries that are not tasks (see workflows.models.events)."""

from workflows.models import Case, CaseEvent, CaseTask


def user_display_name(user) -> str:
    return "" if user is None else str(user)


def case_event_build(
    *, case: Case, kind: str, user=None, task: CaseTask | None = None, details: dict | None = None
) -> CaseEvent:
    """An unsaved event (several are written at once with bulk_create)."""
    return CaseEvent(
        case=case,
        task=task,
        kind=kind,
        actor=user,
        actor_name=user_display_name(user),
        details=details or {},
    )


def case_event_record(**kwargs) -> CaseEvent:
    event = case_event_build(**kwargs)
    event.save()
    return event


__all__ = ["case_event_build", "case_event_record", "user_display_name"]
