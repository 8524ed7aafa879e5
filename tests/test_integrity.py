"""`kzeu-desk check`'s quote check, read source by source in Python, means what its SQL statement
(core/revisions.py) says: anchored evidence quotes the current text, orphaned evidence the
revision it was last found in."""

from __future__ import annotations

from sqlalchemy import text

from kzeu_desk.core import integrity, revisions
from kzeu_desk.core.storage.sqlite import engine as sqlite_features
from kzeu_desk.core.reading import ReadDocument
from test_revisions import article, corrected, document  # noqa: F401  (article is a fixture)

EMOJI_TEXT = "Astana 🇰🇿 and Brussels 🇪🇺 signed it in 2015; ratified 😀 in 2020.\n"


def quote_problems_in_sql(conn) -> list[str]:
    query = revisions.INTEGRITY_CHECKS[integrity.QUOTE_CHECK]
    return sorted((row[0] for row in conn.exec_driver_sql(query)),
                  key=lambda message: int(message.split()[1]))


def test_the_python_check_finds_what_the_sql_statement_finds(article):
    fb, source_id, body, facts = article
    fb.import_revision(source_id, document(corrected(body)))  # orphans one span into revision 1
    emoji = fb.import_document(ReadDocument(EMOJI_TEXT, "utf-8", "emoji.txt", None, "text")).new_id("source")
    start = EMOJI_TEXT.index("Brussels")  # code points: the flags before it are two each
    fb.add_evidence(facts["epca_1995"], emoji, start, start + len("Brussels 🇪🇺"))
    with fb.reading() as conn:
        assert integrity.misquoted_evidence(conn) == [] == quote_problems_in_sql(conn)
        spans = conn.execute(text("SELECT id, anchor_state FROM evidence ORDER BY id")).all()
    orphan = next(row.id for row in spans if row.anchor_state == "orphaned")
    anchored = [row.id for row in spans if row.anchor_state != "orphaned"]
    with sqlite_features.write_transaction(fb.engine) as conn:
        sql = lambda statement, **params: conn.execute(text(statement), params)
        sql("UPDATE evidence SET quote = 'tampered' WHERE id = :id", id=anchored[0])
        sql('UPDATE evidence SET "end" = 10000000 WHERE id = :id', id=anchored[1])
        # An orphan quotes its old revision: the current text there does not count...
        sql("UPDATE evidence SET quote = (SELECT substr(s.text, e.start + 1, e.\"end\" - e.start) FROM source s "
            "JOIN evidence e ON e.source_id = s.id WHERE e.id = :id) WHERE id = :id", id=orphan)
        # ...and an orphan whose revision is missing quotes nothing.
        sql("INSERT INTO evidence (fact_id, source_id, start, \"end\", quote, prefix, suffix, source_sha256, "
            "created_at, created_by, anchor_state, confirmed_revision) "
            "SELECT fact_id, source_id, start, \"end\", quote, prefix, suffix, source_sha256, created_at, created_by, "
            "'orphaned', 7 FROM evidence WHERE id = :id", id=anchored[2])
        # Off by one code point in the text with emoji.
        sql("UPDATE evidence SET start = start + 1 WHERE source_id = :s", s=emoji)
    with fb.reading() as conn:
        found = integrity.misquoted_evidence(conn)
        assert found == quote_problems_in_sql(conn)
        problems = [p for p in integrity.check(conn) if p.check == integrity.QUOTE_CHECK]
    assert len(found) == 5 and [p.message for p in problems] == found
    assert any(message.startswith(f"evidence {orphan} ") for message in found)
