"""Answer files are written while their rows are still uncommitted: if the transaction then
rolls back (no decision matches, a later step fails), the rows vanish and the files must too.

The service that owns the transaction wraps it in `answer_files_removed_on_failure()`;
`answer_set_create` reports every file it writes. Nothing is left on disk for a row that never
existed, and a file is never removed once its transaction got past the block.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_written: ContextVar[list | None] = ContextVar("answer_files_written", default=None)


def answer_file_written(field_file) -> None:
    written = _written.get()
    if written is not None:
        written.append((field_file.storage, field_file.name))


@contextmanager
def answer_files_removed_on_failure() -> Iterator[None]:
    """Files written inside the block are deleted again if the block raises."""
    outer = _written.get()
    written: list = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)
    if outer is not None:  # an enclosing block may still fail: it removes them then
        outer.extend(written)
