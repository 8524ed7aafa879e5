"""One sentence for a failure while working on a fact base, for the command line and the workspace."""

from __future__ import annotations

from pathlib import Path

from kzeu_desk.core import storage
from kzeu_desk.core.errors import UserError, os_error_sentence
from kzeu_desk.core.locations import Location


def explain_failure(error: BaseException, location: Location | None) -> UserError | None:
    """A user's mistake as it is; a damaged file, a full disk, a busy or unwritable file in the words
    of the fact base's storage engine; a file-system error naming its file; None for a bug."""
    if isinstance(error, UserError):
        return error
    engine = storage.engine_for(location if location is not None else Path("facts.sqlite"))
    described = engine.describe_failure(error, location)
    if described is not None:
        return described
    if isinstance(error, OSError):
        return UserError(os_error_sentence(error))
    return None
