"""Declared kinds of due item: each is one function registered under a name.

    @due_kind("task_due")
    def task_due(item: DueItem) -> None:
        ...

The handler runs inside the transaction that marks the item done, with the item's row locked:
what it writes commits with the mark, or not at all. Side effects outside the database (e-mail)
go through `transaction.on_commit`.
"""

from collections.abc import Callable

DUE_KINDS: dict[str, Callable] = {}


def due_kind(name: str):
    def register(handler: Callable) -> Callable:
        if DUE_KINDS.get(name, handler) is not handler:
            raise ValueError(f"Due kind {name!r} is declared twice.")
        DUE_KINDS[name] = handler
        return handler

    return register


def due_kind_handler(name: str) -> Callable:
    try:
        return DUE_KINDS[name]
    except KeyError:
        raise LookupError(f"No due kind {name!r} is declared.") from None
