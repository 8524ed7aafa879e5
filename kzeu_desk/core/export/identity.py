"""Stable identifiers for exports: the same fact base exported twice names the same things alike.

A fact base has no id of its own, but its first operation (when it was made, and by whom) never
changes and differs between fact bases, so ids of whole exports (an annotation collection, its page,
a data package) are derived from it. Wikidata ids are checked against Wikibase's id patterns
(Q123, P123) before they stand anywhere an id must.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, text

_NAMESPACE = uuid.UUID("6f1f7a52-4a38-5d8e-9c2b-0c5d2a6e7b11")  # as the annotation ids (webannotation.py)
ITEM_ID = re.compile(r"Q[1-9][0-9]*")
PROPERTY_ID = re.compile(r"P[1-9][0-9]*")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


# uuid5 keeps the two high bits of the 17th hex digit as the RFC 4122 variant, 10.
_VARIANT_DIGIT = {f"{value:x}": f"{value & 0x3 | 0x8:x}" for value in range(16)}


@dataclass(frozen=True)
class Identifiers:
    fact_base_key: str  # "<first operation's time> <its actor>", or "" for a fact base never written

    @classmethod
    def of(cls, conn: Connection) -> Identifiers:
        first = conn.execute(text("SELECT at, actor FROM operation ORDER BY id LIMIT 1")).first()
        return cls(f"{first.at} {first.actor}" if first else "")

    def __post_init__(self) -> None:
        # uuid.uuid5 hashes the namespace and the name each call (a third of a Turtle export's time
        # at 100,000 facts): the namespace and this fact base's key are hashed once here instead.
        object.__setattr__(self, "_prefix", hashlib.sha1(_NAMESPACE.bytes + f"{self.fact_base_key}|".encode()))

    def iri(self, name: str) -> str:
        """`urn:uuid:` + uuid.uuid5(namespace, f"{fact_base_key}|{name}")."""
        digest = self._prefix.copy()  # type: ignore[attr-defined]
        digest.update(name.encode("utf-8"))
        h = digest.hexdigest()
        return f"urn:uuid:{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT_DIGIT[h[16]]}{h[17:20]}-{h[20:32]}"


def valid_item(identifier: str | None) -> str | None:
    cleaned = (identifier or "").strip()
    return cleaned if ITEM_ID.fullmatch(cleaned) else None


def valid_property(identifier: str | None) -> str | None:
    cleaned = (identifier or "").strip()
    return cleaned if PROPERTY_ID.fullmatch(cleaned) else None


def wikidata_iri(identifier: str | None) -> str | None:
    """Wikidata's IRI of a Q- or P-id, or None when `identifier` is neither."""
    valid = valid_item(identifier) or valid_property(identifier)
    return f"{WIKIDATA_ENTITY}{valid}" if valid else None
