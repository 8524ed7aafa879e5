"""Where a fact base is: a file's path, or a database server's URL (`postgresql://host/db`).

A URL stays a string from the command line to the storage engine: as a `Path` it would lose the
"//" after its scheme. Which engine opens a location is the storage layer's business
(`storage.engine_for`); this module only tells the two apart and reads one from what a user typed.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# A URL scheme as RFC 3986 spells it, followed by "//". A Windows path ("C:\\x", "C:/x") has no "//".
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")

Location = Path | str


def is_url(location: object) -> bool:
    return isinstance(location, str) and bool(_URL.match(location.strip()))


def location_from_text(value: str | Path) -> Location:
    """A location read from the command line, a dialog or the settings: a URL as it is, anything
    else as a path (with `~` expanded)."""
    if isinstance(value, Path):
        return value
    value = value.strip()
    return value if is_url(value) else Path(value).expanduser()


def as_text(location: Location) -> str:
    """How a location is written down (settings, messages): the URL itself or the path."""
    return location if isinstance(location, str) else str(location)


def without_password(location: Location) -> Location:
    """The location as it may be shown and remembered: a URL loses any password in it (in its user
    part or a `password=` parameter); a path is returned as it is."""
    if not is_url(location):
        return location
    assert isinstance(location, str)
    try:
        parts = urlsplit(location.strip())
    except ValueError:  # not a URL urllib can read (a stray "["): at least no "user:password@"
        return re.sub(r"//([^/@:]*):[^/@]*@", r"//\1@", location.strip())
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def shown_name(location: Location) -> str:
    """How messages name a fact base: a file's name, a server's database and host (never a password)."""
    from kzeu_desk.core import storage

    try:
        return storage.engine_for(location).shown_name(location)
    except Exception:  # a location no engine opens is named as it was given
        return as_text(without_password(location))
