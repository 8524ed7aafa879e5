import codecs
import pickle
import random
import struct
from pathlib import Path

import pytest

from kzeu_desk.core.reading import (
    DocumentRefused,
    ReadDocument,
    _prefer_plausible_cyrillic,
    read_document,
)

RUSSIAN = (
    "Казахстан и Европейский союз установили дипломатические отношения в начале 1990-х годов. "
    "С тех пор объём торговли вырос в несколько раз, а Евросоюз стал крупнейшим инвестором "
    "в экономику республики. Соглашение о расширенном партнёрстве и сотрудничестве, "
    "подписанное в Астане, вступило в силу 1 марта 2020 года — «новая глава» в отношениях сторон."
)
# KOI8-R has neither guillemets nor the em dash.
RUSSIAN_FOR_KOI8 = (
    "Казахстан и Европейский союз установили дипломатические отношения в начале 1990-х годов. "
    "С тех пор объём торговли вырос в несколько раз, а Евросоюз стал крупнейшим инвестором "
    "в экономику республики."
)
KAZAKH = (
    "Қазақстан Республикасы - Орталық Азиядағы ең ірі мемлекет. Қазақстанның астанасы - Астана. "
    "Еуропалық Одақ елдің негізгі сауда әріптесі болып табылады. Ұлттық экономика мұнай мен газ "
    "өндірісіне, сондай-ақ жиһаз бен азық-түлік өнеркәсібіне сүйенеді."
)
ENGLISH = "The EU is Kazakhstan's largest trading partner.\nIt accounts for about 30% of trade.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def refusal(path: Path, **options: int) -> str:
    with pytest.raises(DocumentRefused) as caught:
        read_document(path, **options)
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    assert message.endswith(".")
    assert ". " not in message, "one sentence only"
    assert f"“{path.name}”" in message
    return message


# --- encodings --------------------------------------------------------------------------------


def test_utf8_text(tmp_path):
    document = read_document(write(tmp_path, "note.txt", ENGLISH))
    assert document == ReadDocument(
        text=ENGLISH, encoding="utf-8", file_name="note.txt", title=None, format="text"
    )


def test_utf8_with_bom_loses_the_bom(tmp_path):
    document = read_document(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + KAZAKH.encode()))
    assert document.text == KAZAKH
    assert document.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    mark = codecs.BOM_UTF16_LE if codec == "utf-16-le" else codecs.BOM_UTF16_BE
    document = read_document(write(tmp_path, "wide.txt", mark + KAZAKH.encode(codec)))
    assert document.text == KAZAKH
    assert document.encoding == "utf-16"


def test_utf32_with_bom(tmp_path):
    document = read_document(write(tmp_path, "wider.txt", ENGLISH.encode("utf-32")))
    assert document.text == ENGLISH
    assert document.encoding == "utf-32"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ENGLISH, KAZAKH])
def test_utf16_without_bom_is_recognised_by_its_nul_pattern(tmp_path, codec, text):
    document = read_document(write(tmp_path, "wide.txt", text.encode(codec)))
    assert document.text == text
    assert document.encoding == codec


def test_windows_1251_russian_paragraph(tmp_path):
    data = RUSSIAN.encode("cp1251")
    document = read_document(write(tmp_path, "ru.txt", data))
    assert document.text == RUSSIAN
    assert document.encoding == "windows-1251"
    assert data.decode(document.encoding) == RUSSIAN


def test_windows_1251_short_sentence_that_charset_normalizer_calls_cp1125(tmp_path):
    document = read_document(write(tmp_path, "hello.txt", "Привет, мир!".encode("cp1251")))
    assert document.text == "Привет, мир!"
    assert document.encoding == "windows-1251"


@pytest.mark.parametrize("text", [RUSSIAN_FOR_KOI8, "Привет, мир! Это короткий текст."])
def test_koi8_r(tmp_path, text):
    data = text.encode("koi8_r")
    document = read_document(write(tmp_path, "koi8.txt", data))
    assert document.text == text
    assert document.encoding == "koi8-r"
    assert data.decode(document.encoding) == text


def test_windows_1251_wins_over_a_mac_cyrillic_guess():
    # charset-normalizer reads mac_cyrillic where Windows-1251 and Mac Cyrillic agree on the
    # lower-case letters; the capitals decide.
    data = RUSSIAN.encode("cp1251")
    mac_reading = (data.decode("mac_cyrillic"), "mac_cyrillic")
    assert _prefer_plausible_cyrillic(data, mac_reading) == (RUSSIAN, "cp1251")


def test_a_correct_cyrillic_guess_is_kept():
    data = RUSSIAN_FOR_KOI8.encode("cp866")
    detected = (RUSSIAN_FOR_KOI8, "cp866")
    assert _prefer_plausible_cyrillic(data, detected) == detected


def test_dos_cyrillic_is_not_turned_into_windows_1251(tmp_path):
    data = RUSSIAN_FOR_KOI8.encode("cp866")
    document = read_document(write(tmp_path, "dos.txt", data))
    assert document.text == RUSSIAN_FOR_KOI8
    assert data.decode(document.encoding) == RUSSIAN_FOR_KOI8


def test_kazakh_utf8(tmp_path):
    assert set("әғқңөұүһі") <= set(KAZAKH.lower())
    with pytest.raises(UnicodeEncodeError):
        KAZAKH.encode("cp1251")  # why Kazakh files come as UTF-8 or UTF-16
    document = read_document(write(tmp_path, "kk.txt", KAZAKH))
    assert document.text == KAZAKH
    assert document.encoding == "utf-8"


def test_a_few_invalid_bytes_in_utf8_become_replacement_characters(tmp_path):
    data = KAZAKH.encode() + b" \xff\xfe broken " + RUSSIAN.encode()
    document = read_document(write(tmp_path, "damaged.txt", data))
    assert document.encoding == "utf-8"
    assert document.text == KAZAKH + " \ufffd\ufffd broken " + RUSSIAN


def test_crlf_file_is_canonical_and_offsets_count_in_canonical_text(tmp_path):
    data = "first line\r\nsecond 😀 line\r\nthird\r\n".encode()
    document = read_document(write(tmp_path, "crlf.txt", data))
    assert document.text == "first line\nsecond 😀 line\nthird\n"
    assert document.text.index("third") == 25
    assert "\r" not in document.text


# --- formats ----------------------------------------------------------------------------------

HOSTILE_HTML = """<!DOCTYPE html>
<html>
<head>
  <title>Kazakhstan &amp; the
     EU</title>
  <style>p { color: red }</style>
  <script>alert(1)</script>
</head>
<body>
  <h1>Relations&nbsp;today</h1>
  <p>Trade   grew
     steadily, see <a href="javascript:alert(1)">link</a>.
     <img src="http://example.invalid/x.png"></p>
  <p>&#1178;аза&#x049B;стан &lt;b&gt; &quot;EPCA&quot;</p>
  <script type="text/javascript">document.write("injected")</script>
  <noscript>Enable scripts</noscript>
  <ul><li>one</li><li>two</li></ul>
  <pre>
keep   this
  spacing</pre>
</body>
</html>
"""


def test_html_keeps_only_the_visible_text(tmp_path):
    document = read_document(write(tmp_path, "page.html", HOSTILE_HTML))
    assert document.format == "html"
    assert document.title == "Kazakhstan & the EU"
    assert document.text == (
        "Relations\u00a0today\n"
        "\n"
        "Trade grew steadily, see link.\n"
        "\n"
        'Қазақстан <b> "EPCA"\n'
        "\n"
        "one\n"
        "two\n"
        "\n"
        "keep   this\n"
        "  spacing"
    )
    for hidden in ("alert", "color", "example.invalid", "javascript", "injected", "Enable"):
        assert hidden not in document.text


def test_html_line_breaks_and_table_cells(tmp_path):
    html = "<p>a<br>b<br/><br>c</p><table><tr><th>Year</th><td>1993</td></tr></table>"
    document = read_document(write(tmp_path, "page.htm", html))
    assert document.text == "a\nb\n\nc\n\nYear\t1993"
    assert document.title is None


def test_html_head_left_open_ends_where_the_body_content_starts(tmp_path):
    html = "<html><head><title>T</title><p>Body without a closing head"
    document = read_document(write(tmp_path, "sloppy.html", html))
    assert (document.title, document.text) == ("T", "Body without a closing head")


def test_html_title_inside_svg_is_not_the_document_title(tmp_path):
    html = "<svg><title>icon</title><text>drawn</text></svg><p>Text</p>"
    document = read_document(write(tmp_path, "icon.html", html))
    assert (document.title, document.text) == (None, "Text")


def test_html_is_sniffed_when_the_extension_says_nothing(tmp_path):
    document = read_document(write(tmp_path, "download.dat", "<html><body><p>Hi</p></body></html>"))
    assert (document.format, document.text) == ("html", "Hi")


def test_a_txt_file_full_of_tags_stays_text(tmp_path):
    document = read_document(write(tmp_path, "raw.txt", "<p>Hi</p>"))
    assert (document.format, document.text) == ("text", "<p>Hi</p>")


def test_markdown_keeps_its_text_and_finds_the_first_h1_outside_code(tmp_path):
    text = "```sh\n# not a title\n```\n\n## Section\n\n# Kazakhstan and the EU #\n\nBody.\n"
    document = read_document(write(tmp_path, "notes.md", text))
    assert document.format == "markdown"
    assert document.text == text
    assert document.title == "Kazakhstan and the EU"


def test_markdown_without_h1_has_no_title(tmp_path):
    document = read_document(write(tmp_path, "notes.markdown", "#hashtag\n\n## Only h2\n"))
    assert document.title is None


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \r\n\t \n", codecs.BOM_UTF8, " \u00a0\n".encode()])
def test_empty_and_whitespace_only_files_are_refused(tmp_path, content):
    assert refusal(write(tmp_path, "blank.txt", content)) == "“blank.txt” is empty."


def test_html_without_visible_text_is_refused(tmp_path):
    path = write(tmp_path, "script.html", "<html><script>alert(1)</script></html>")
    assert "no readable text" in refusal(path)


@pytest.mark.parametrize(
    ("name", "data", "description"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 32, "JPEG image"),
        ("anim.gif", b"GIF89a" + b"\x01" * 32, "GIF image"),
        ("bundle.zip", b"PK\x03\x04" + b"\x14" * 32, "ZIP archive"),
        ("program", b"\x7fELF\x02\x01\x01" + b"\x00" * 32, "ELF executable"),
        ("notes.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 32, "gzip archive"),
    ],
)
def test_known_binary_formats_are_refused(tmp_path, name, data, description):
    message = refusal(write(tmp_path, name, data))
    assert message == f"“{name}” is a binary file ({description}), not a text document."


def test_random_bytes_with_nuls_are_refused_as_binary(tmp_path):
    data = random.Random(7).randbytes(4096)
    assert b"\x00" in data
    message = refusal(write(tmp_path, "blob.txt", data))
    assert message == "“blob.txt” is a binary file, not a text document."


def test_small_integers_look_like_utf16_but_are_refused_as_binary(tmp_path):
    data = struct.pack("<512H", *(index % 200 for index in range(512)))
    assert "binary" in refusal(write(tmp_path, "samples.txt", data))


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    message = refusal(write(tmp_path, "big.txt", "x" * 2000), max_bytes=1000)
    assert message == "“big.txt” is 0.0019 MB, more than the 0.00095 MB limit for a document."


def test_the_default_limit_is_stated_in_megabytes(tmp_path, monkeypatch):
    path = write(tmp_path, "huge.txt", "x")
    real_stat = Path.stat

    class HugeStat:
        def __init__(self, status):
            self.st_mode = status.st_mode
            self.st_size = 61 * 1024 * 1024 + 200 * 1024

    monkeypatch.setattr(Path, "stat", lambda self, **kw: HugeStat(real_stat(self, **kw)))
    message = refusal(path)
    assert message == "“huge.txt” is 61.2 MB, more than the 50 MB limit for a document."


def test_missing_file(tmp_path):
    assert refusal(tmp_path / "gone.txt") == "“gone.txt” does not exist."


def test_directory(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    assert refusal(folder) == "“articles” is a folder, not a text document."


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", "text")

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    # Tests may run as root, where chmod 000 does not stop reading.
    monkeypatch.setattr(Path, "open", deny)
    assert refusal(path) == "“secret.txt” cannot be read: permission denied."


def test_a_line_break_in_the_file_name_does_not_break_the_message(tmp_path):
    path = tmp_path / "two\nlines.txt"
    with pytest.raises(DocumentRefused) as caught:
        read_document(path)
    assert str(caught.value) == "“two\ufffdlines.txt” does not exist."
    assert caught.value.file_name == "two\nlines.txt"


def test_refusal_survives_pickling_for_worker_processes(tmp_path):
    with pytest.raises(DocumentRefused) as caught:
        read_document(tmp_path / "gone.txt")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.file_name, copy.reason) == (
        "“gone.txt” does not exist.",
        "gone.txt",
        "does not exist.",
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a damaged PDF file that cannot be read."),
        ("report.docx", b"PK\x03\x04" + b"\x14" * 32, "is a damaged Word document that cannot be read."),
    ],
)
def test_documents_of_a_readable_format_that_are_damaged_say_so(tmp_path, name, data, reason):
    assert refusal(write(tmp_path, name, data)) == f"“{name}” {reason}"
