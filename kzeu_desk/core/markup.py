"""Writing stored text into HTML and SVG files: everything escaped, nothing a browser would act on.

Imported documents, titles and URLs are hostile by default: a title may hold `<script>`, a URL may
be `javascript:`, a quote may carry characters XML forbids (control characters) or that reverse the
line around them (U+202E). Text goes through `text()`; attributes through `attribute()`; links only
through `link_target()`, which accepts http(s) and mailto URLs and nothing else.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

# Characters XML 1.0 does not allow (C0 controls but tab, newline and carriage return; lone
# surrogates; U+FFFE/U+FFFF). A standalone SVG with one of them does not open at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def clean(value: object) -> str:
    """The value as text without characters XML forbids."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def text(value: object) -> str:
    """Escaped element content."""
    return html.escape(clean(value), quote=False)


def attribute(value: object) -> str:
    """Escaped attribute value (for a double- or single-quoted attribute)."""
    return html.escape(clean(value), quote=True)


def link_target(url: str | None) -> str | None:
    """`url` escaped for an href when it is a plain web or mail link; None for anything else
    (javascript:, data:, file:, relative paths, malformed URLs)."""
    if not url:
        return None
    candidate = clean(url).strip()
    if any(character.isspace() for character in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in _LINK_SCHEMES or (parts.scheme.lower() != "mailto" and not parts.netloc):
        return None
    return attribute(candidate)


def shortened(value: str, characters: int) -> str:
    """At most `characters` characters, ending in an ellipsis when cut."""
    value = " ".join(clean(value).split())
    if characters <= 1:
        return "…" if value else ""
    return value if len(value) <= characters else value[: characters - 1].rstrip() + "…"
