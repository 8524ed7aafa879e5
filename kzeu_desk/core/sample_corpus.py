"""The five sample articles shipped in resources/corpus, imported into a new default fact base."""

from __future__ import annotations

import json

from kzeu_desk.core import steps
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.recorder import Recorder
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.paths import sample_corpus_dir


def sample_documents() -> list[tuple[str, SourceMetadata]]:
    """(file name, metadata) for each sample article, in the order sources.json lists them."""
    entries = json.loads((sample_corpus_dir() / "sources.json").read_text(encoding="utf-8"))
    return [
        (
            entry["file"],
            SourceMetadata(
                title=entry.get("title"), publisher=entry.get("publisher"), author=entry.get("author"),
                url=entry.get("url"), published=entry.get("published"), note=entry.get("note"),
            ),
        )
        for entry in entries
    ]


def import_sample_corpus(fact_base: FactBase) -> Changes:
    """Import every sample article as one operation; read all files first so nothing is half-done."""
    documents = [(read_document(sample_corpus_dir() / name), metadata) for name, metadata in sample_documents()]

    def add_all(recorder: Recorder) -> None:
        for document, metadata in documents:
            steps.insert_source(recorder, document, metadata)

    return fact_base.run("Import sample articles", add_all)


def open_default_fact_base(*, read_only: bool = False, read_only_reason: str | None = None) -> FactBase:
    """The personal fact base; on first run it is created with the sample articles in it."""
    from kzeu_desk.paths import default_fact_base_path

    path = default_fact_base_path()
    is_new = not path.exists()
    fact_base = FactBase.open(path, read_only=read_only, read_only_reason=read_only_reason)
    if is_new and not fact_base.read_only:
        import_sample_corpus(fact_base)
    return fact_base
