"""The canonical text of a document is stable: fixed files of every format (tests/golden/, written once by
tests/make_golden_documents.py) must read to exactly the text they read to when they were made, on any
machine and after any library upgrade. A failure here means a reader or a pinned extraction library changed
the stored text of documents curators have already annotated: decide deliberately (docs/DOCUMENTS.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kzeu_desk.core.reading import read_document
from kzeu_desk.core.text import sha256_text

GOLDEN = Path(__file__).resolve().parent / "golden"
EXPECTED = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_format_reads_to_its_recorded_text(name, tmp_path):
    expected = EXPECTED[name]
    # Under another name and folder: nothing but the bytes may decide the text.
    copy = tmp_path / f"renamed{Path(name).suffix}"
    shutil.copy(GOLDEN / name, copy)
    document = read_document(copy)
    assert sha256_text(document.text) == expected["text_sha256"], f"{name}: the canonical text changed"
    assert len(document.text) == expected["characters"]
    assert list(document.page_starts) == expected["page_starts"]
    assert document.extractor == expected["extractor"]
    again = read_document(copy)
    assert again.text == document.text and again.page_starts == document.page_starts


def test_every_format_has_a_golden_document():
    formats = {read_document(GOLDEN / name).format for name in EXPECTED}
    assert formats == {"pdf", "docx", "odt", "html", "text"}
