"""Problems a user can act on. `str(error)` is one clear sentence, shown as is, never a traceback."""

from __future__ import annotations

import errno


class UserError(Exception):
    pass


class NotAFactBase(UserError):
    pass


class DamagedFactBase(NotAFactBase):
    """The file is a fact base its engine finds damaged: nothing is written to it."""


class SchemaTooNew(UserError):
    pass


class FactBaseLocked(UserError):
    pass


class ReadOnlyFactBase(UserError):
    pass


class StaleEdit(UserError):
    """Someone else changed the row since the editor loaded it; the edit was not applied."""


class InvalidEdit(UserError):
    pass


class PasswordNeeded(UserError):
    """The database server asks for a password (none was found in libpq's usual places, or the one
    given was wrong): ask the user and open again with it."""

    def __init__(self, message: str, *, wrong: bool = False):
        super().__init__(message)
        self.wrong = wrong


def os_error_sentence(error: OSError) -> str:
    """One sentence for a file-system error, naming the file: a full disk, a permission, a read-only
    disk, or what the system said (writing to /proc, a missing folder...)."""
    target = f"“{error.filename}”" if error.filename else "a file it needs"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"The disk is full, so {target} could not be written; free some space and try again."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"You do not have permission to use {target}."
    if error.errno == errno.EROFS:
        return f"The disk holding {target} is read-only."
    reason = (error.strerror or str(error)).rstrip(".")
    return f"Could not use {target}: {reason[:1].lower() + reason[1:]}."
