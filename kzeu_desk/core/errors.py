"""Problems a user can act on. `str(error)` is one clear sentence, shown as is, never a traceback."""


class UserError(Exception):
    pass


class NotAFactBase(UserError):
    pass


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
