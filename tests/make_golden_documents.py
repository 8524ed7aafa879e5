"""Writes tests/golden/: one fixed document per format and the SHA-256 of the canonical text each must
read to (tests/test_document_stability.py). Run it only to add a format or when a deliberate change of
a reader or a pinned library changes the text, and say why in the commit.

    .venv/bin/python tests/make_golden_documents.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from document_factory import ENGLISH, KAZAKH, RUSSIAN, PdfLayout, make_docx, make_odt, make_pdf  # noqa: E402
from test_documents import ARTICLE, NEWS_PAGE  # noqa: E402

from kzeu_desk.core.reading import read_document  # noqa: E402
from kzeu_desk.core.text import sha256_text  # noqa: E402

GOLDEN = HERE / "golden"


def documents() -> dict[str, bytes]:
    return {
        "mfa-review.pdf": make_pdf(ARTICLE, PdfLayout(title="Обзор отношений Казахстан — ЕС", author="МИД РК",
                                                      creation_date=(2023, 2, 2), language="ru-RU")).data,
        "two-columns.pdf": make_pdf(ARTICLE, PdfLayout(columns=2, width=75, header="EEAS — Press release",
                                                       page_numbers="Page {page} of 3")).data,
        "brief.docx": make_docx([("Title", "Қазақстан және Еуропалық Одақ"), ("Heading 1", "Кіріспе"),
                                 ("Normal", RUSSIAN[0]), ("List Bullet", KAZAKH[1]), ("List Number", ENGLISH[1]),
                                 ("Normal", ENGLISH[2])], title="Brief", author="MFA", created=(2024, 5, 14),
                                table=[["Год", "Товарооборот"], ["2022", "40 млрд"]]),
        "note.odt": make_odt([("h1", "Кіріспе"), ("p", RUSSIAN[1]), ("li", KAZAKH[2]), ("p", ENGLISH[3])],
                             title="Note", author="Автор", created="2023-02-02T10:00:00", language="kk",
                             table=[["Жыл", "Көлем"], ["2022", "40"]]),
        "news.html": NEWS_PAGE.encode("utf-8"),
        "legacy.txt": ("\r\n".join(RUSSIAN) + "\r\n").encode("cp1251"),
    }


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    expected = {}
    for name, data in documents().items():
        (GOLDEN / name).write_bytes(data)
        document = read_document(GOLDEN / name)
        expected[name] = {"text_sha256": sha256_text(document.text), "characters": len(document.text),
                          "page_starts": list(document.page_starts), "title": document.title,
                          "extractor": document.extractor}
    (GOLDEN / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
