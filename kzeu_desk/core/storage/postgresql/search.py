"""The full-text index of facts in PostgreSQL: a `tsvector` per fact, under a GIN index.

The words are cut and folded here, the way SQLite's FTS5 index cuts them (its `unicode61`
tokenizer: runs of letters and digits, lower case, diacritics of Latin letters removed), and handed
to the server as ready lexemes with their positions. No text-search configuration of the server's
is involved, so Russian and Kazakh words are found exactly as English ones (the server's
`english` or `russian` configurations would stem and drop words, and `simple` splits some
Kazakh letters off), and both engines find the same facts for the same words. A word the user
types matches every lexeme it begins (`:*`); words of one search term that the tokenizer cuts
apart must follow each other (`<->`), as in FTS5's phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from sqlalchemy import Connection, text

from kzeu_desk.core.storage.interface import SearchDocument, SearchIndex

_TABLE = "fact_search"
_TOKEN = re.compile(r"[^\W_]+")
_MAX_POSITION = 16_383  # PostgreSQL's highest word position
_MAX_POSITIONS_PER_LEXEME = 256  # and how many it keeps for one lexeme
_MAX_LEXEME_CHARS = 500  # a lexeme must stay under 2 KB; a search word's prefix still matches


def _latin(character: str) -> bool:
    point = ord(character)
    return point < 0x250 or 0x1E00 <= point < 0x1F00


@cache
def _fold_character(character: str) -> str:
    if not _latin(character):
        return character
    return "".join(c for c in unicodedata.normalize("NFD", character) if not unicodedata.combining(c))


def tokens(value: str) -> list[str]:
    """The index's words of a text: runs of letters and digits, lower-cased, Latin diacritics removed."""
    lowered = value.lower()
    if not lowered.isascii():
        lowered = "".join(_fold_character(c) for c in lowered)
    return [token[:_MAX_LEXEME_CHARS] for token in _TOKEN.findall(lowered)]


def tsvector_text(document: SearchDocument) -> str:
    """The document as a tsvector literal: each lexeme with its positions. Fields are one position
    apart, so a phrase never runs from one field into the next."""
    return _lexemes(document.subject, document.property, document.value, document.quotes, document.notes)


def _lexemes(*fields: str, first: int = 1) -> str:
    positions: dict[str, list[int]] = {}
    position = first
    for field in fields:
        for token in tokens(field):
            found = positions.setdefault(token, [])
            if len(found) < _MAX_POSITIONS_PER_LEXEME:
                found.append(min(position, _MAX_POSITION))
            position += 1
        position += 1
    # Tokens are letters and digits only: nothing in them needs quoting.
    return " ".join(f"'{token}':{','.join(map(str, sorted(set(places))))}" for token, places in positions.items())


class TsvectorSearchIndex(SearchIndex):
    # -- keeping it -------------------------------------------------------------------------------

    def create(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {_TABLE} (fact_id integer PRIMARY KEY, "
                             "document tsvector NOT NULL)")
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{_TABLE}_document ON {_TABLE} USING gin (document)")

    def add_notes_field(self, conn: Connection) -> None:
        """A tsvector needs no new shape: each noted fact's document gains its note's words.
        `||` places the right-hand words after the left-hand ones' last position, so starting them
        at 2 keeps the one-position gap between fields that stops a phrase running across them."""
        noted = conn.execute(text(f"SELECT f.id, f.note FROM fact f JOIN {_TABLE} s ON s.fact_id = f.id "
                                  "WHERE f.note IS NOT NULL AND f.note <> ''")).all()
        appended = [{"fact_id": fact_id, "notes": _lexemes(note, first=2)} for fact_id, note in noted]
        appended = [row for row in appended if row["notes"]]
        if appended:
            conn.execute(text(f"UPDATE {_TABLE} SET document = document || CAST(:notes AS tsvector) "
                              "WHERE fact_id = :fact_id"), appended)

    def drop(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_TABLE}")

    def clear(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"DELETE FROM {_TABLE}")

    def replace_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None:
        if not documents:
            return
        conn.execute(
            text(f"INSERT INTO {_TABLE} (fact_id, document) VALUES (:fact_id, CAST(:document AS tsvector)) "
                 "ON CONFLICT (fact_id) DO UPDATE SET document = excluded.document"),
            [{"fact_id": d.fact_id, "document": tsvector_text(d)} for d in documents],
        )

    def delete_documents(self, conn: Connection, fact_ids: Iterable[int]) -> None:
        ids = list(fact_ids)
        if ids:
            conn.execute(text(f"DELETE FROM {_TABLE} WHERE fact_id = ANY(:ids)"), {"ids": ids})

    # -- asking it --------------------------------------------------------------------------------

    def expression(self, words: Sequence[str]) -> str | None:
        """A tsquery literal: every word as a prefix; a word cut into several tokens as a phrase."""
        terms = []
        for word in words:
            parts = tokens(word)
            if parts:
                terms.append(" <-> ".join(f"'{part}'" for part in parts[:-1]) + (" <-> " if len(parts) > 1 else "")
                             + f"'{parts[-1]}':*")
        if not terms:
            return None if not words else _NOTHING
        return " & ".join(f"({term})" for term in terms)

    def match_clause(self, column: str = "fact.id") -> str:
        return f"{column} IN (SELECT fact_id FROM {_TABLE} WHERE document @@ CAST(:search AS tsquery))"

    def count_matches(self, conn: Connection, expression: str, *, id_below: int | None = None,
                      id_above: int | None = None, at_most: int | None = None) -> int:
        conditions, params = _id_range("fact_id", id_below, id_above)
        params["search"] = expression
        where = f"document @@ CAST(:search AS tsquery){conditions}"
        if at_most is None:
            return conn.execute(text(f"SELECT count(*) FROM {_TABLE} WHERE {where}"), params).scalar_one()
        params["at_most"] = at_most
        return conn.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM {_TABLE} WHERE {where} LIMIT :at_most) AS m"),
                            params).scalar_one()

    def matching_fact_ids(self, conn: Connection, expression: str, *, after_id: int | None = None,
                          descending: bool = False, limit: int) -> list[int]:
        if after_id is None:
            conditions, params = "", dict[str, object]()
        else:
            conditions, params = _id_range("s.fact_id", after_id if descending else None,
                                           None if descending else after_id)
        params.update(search=expression, limit=limit)
        return list(conn.execute(text(
            f"SELECT s.fact_id FROM {_TABLE} s JOIN fact f ON f.id = s.fact_id "
            f"WHERE s.document @@ CAST(:search AS tsquery){conditions} "
            f"ORDER BY s.fact_id{' DESC' if descending else ''} LIMIT :limit"
        ), params).scalars())

    def every_nth_matching_fact_id(self, conn: Connection, expression: str, n: int, *,
                                   descending: bool = False) -> list[int]:
        # Numbered on the server: only every n-th id crosses the connection.
        return list(conn.execute(text(
            f"SELECT fact_id FROM (SELECT s.fact_id, row_number() OVER (ORDER BY s.fact_id"
            f"{' DESC' if descending else ''}) AS place FROM {_TABLE} s JOIN fact f ON f.id = s.fact_id "
            f"WHERE s.document @@ CAST(:search AS tsquery)) AS numbered WHERE place % :n = 0 ORDER BY place"
        ), {"search": expression, "n": n}).scalars())

    def fact_matches(self, conn: Connection, expression: str, fact_id: int) -> bool:
        return conn.execute(text(
            f"SELECT 1 FROM {_TABLE} s JOIN fact f ON f.id = s.fact_id "
            "WHERE s.document @@ CAST(:search AS tsquery) AND s.fact_id = :fact_id"
        ), {"search": expression, "fact_id": fact_id}).first() is not None

    def coverage_problems(self, conn: Connection) -> list[str]:
        return [row[0] for row in conn.exec_driver_sql(f"""
            SELECT 'fact ' || f.id || ' is missing from the search index'
            FROM fact f WHERE NOT EXISTS (SELECT 1 FROM {_TABLE} s WHERE s.fact_id = f.id)
            UNION ALL
            SELECT 'search index holds fact ' || s.fact_id || ' which does not exist'
            FROM {_TABLE} s WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.id = s.fact_id)
        """)]


# Words with no letter or digit in them (the tokenizer keeps none): a query no document matches,
# as FTS5 finds nothing for them either. A lexeme never holds "_" (it separates tokens).
_NOTHING = "'_'"


def _id_range(column: str, id_below: int | None, id_above: int | None) -> tuple[str, dict[str, object]]:
    conditions, params = "", dict[str, object]()
    if id_below is not None:
        conditions += f" AND {column} < :id_below"
        params["id_below"] = id_below
    if id_above is not None:
        conditions += f" AND {column} > :id_above"
        params["id_above"] = id_above
    return conditions, params

