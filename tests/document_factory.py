"""Documents the tests make for themselves: PDFs (fpdf2), Word files (python-docx), OpenDocument
text (odfpy) and web pages, with Russian and Kazakh text, running headers, page numbers and words
hyphenated at line ends. Nothing is downloaded.

`make_pdf` lays the text out itself (line by line, hyphenating where told), so a test knows
exactly which words start each page and what the running text must be.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from datetime import UTC

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

RUSSIAN = [
    "Казахстан и Европейский союз установили дипломатические отношения в начале 1990-х годов, "
    "и с тех пор сотрудничество сторон неуклонно расширялось.",
    "Соглашение о расширенном партнёрстве и сотрудничестве, подписанное в Астане в декабре 2015 года, "
    "вступило в силу 1 марта 2020 года и охватывает двадцать девять сфер взаимодействия.",
    "Европейский союз остаётся крупнейшим торговым партнёром Казахстана: на его долю приходится около "
    "трети внешней торговли республики, а объём прямых инвестиций превысил 160 миллиардов долларов.",
    "В 2022 году стороны подписали меморандум о стратегическом партнёрстве в области устойчивого сырья, "
    "аккумуляторов и возобновляемого водорода.",
]
KAZAKH = [
    "Қазақстан мен Еуропалық Одақ арасындағы дипломатиялық қатынастар 1993 жылы орнатылды, содан бері "
    "екіжақты ынтымақтастық тұрақты түрде дамып келеді.",
    "Кеңейтілген әріптестік және ынтымақтастық туралы келісім 2020 жылғы наурызда күшіне енді және "
    "жиырма тоғыз салада өзара іс-қимылды қамтиды.",
    "Еуропалық Одақ Қазақстанның ең ірі сауда әріптесі болып қала береді, ал тікелей инвестициялардың "
    "жалпы көлемі 160 миллиард доллардан асты.",
]
ENGLISH = [
    "Kazakhstan and the European Union established diplomatic relations in February 1993 and have "
    "since built one of the most substantial partnerships in Central Asia.",
    "The Enhanced Partnership and Cooperation Agreement was signed in Astana in December 2015 and "
    "entered into force on 1 March 2020, covering twenty-nine areas of cooperation.",
    "The European Union remains Kazakhstan's first trading partner, accounting for about a third of "
    "its external trade, while total direct investment has exceeded 160 billion US dollars.",
    "In 2022 both sides signed a memorandum on a strategic partnership on sustainable raw materials, "
    "batteries and renewable hydrogen, opening a new chapter of economic cooperation.",
]


@dataclass
class PdfLayout:
    header: str | None = "Министерство иностранных дел Республики Казахстан — обзор"
    footer: str | None = "Қазақстан — Еуропалық Одақ"
    page_numbers: str | None = "{page}"  # format of the page number line at the bottom; None: no numbers
    font_size: float = 11
    line_height: float = 6  # mm
    top: float = 30  # mm, where the body starts
    bottom: float = 260  # mm, where the body ends
    left: float = 25
    width: float = 160  # mm of text per line (per column with two columns)
    columns: int = 1
    gutter: float = 10
    hyphenate: bool = True  # split long words at line ends with a hyphen
    title: str | None = None
    author: str | None = None
    creation_date: tuple[int, int, int] | None = None
    language: str | None = None
    encrypt_with: str | None = None  # a user password


@dataclass
class MadePdf:
    data: bytes
    text: str  # the running text a perfect reader gives
    page_starts: list[int] = field(default_factory=list)  # offsets into text where each page starts


def make_pdf(paragraphs: list[str], layout: PdfLayout | None = None) -> MadePdf:
    """Paragraphs set line by line over as many A4 pages as they need; the text a reader should
    get is the paragraphs joined by blank lines, and the page starts are measured while setting."""
    from fpdf import FPDF

    layout = layout or PdfLayout()
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_font("DejaVu", size=layout.font_size)
    if layout.title:
        pdf.set_title(layout.title)
    if layout.author:
        pdf.set_author(layout.author)
    if layout.creation_date:
        from datetime import datetime

        pdf.set_creation_date(datetime(*layout.creation_date, tzinfo=UTC))
    if layout.language:
        pdf.set_lang(layout.language)
    if layout.encrypt_with:
        pdf.set_encryption(owner_password="owner", user_password=layout.encrypt_with)

    text_parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    state = {"page": 0, "column": 0, "y": layout.bottom + 1}

    def new_page() -> None:
        pdf.add_page()
        state["page"] += 1
        state["column"] = 0
        state["y"] = layout.top
        if layout.header:
            pdf.set_font_size(9)
            pdf.text(layout.left, 15, layout.header)
            pdf.set_font_size(layout.font_size)
        if layout.footer:
            pdf.set_font_size(9)
            pdf.text(layout.left, 285, layout.footer)
            pdf.set_font_size(layout.font_size)
        if layout.page_numbers:
            pdf.set_font_size(9)
            pdf.text(185, 285, layout.page_numbers.format(page=state["page"]))
            pdf.set_font_size(layout.font_size)

    def place(line: str, offset: int) -> None:
        if state["y"] > layout.bottom:
            if layout.columns > 1 and state["page"] and state["column"] + 1 < layout.columns:
                state["column"] += 1
                state["y"] = layout.top
            else:
                new_page()
                page_starts.append(offset)
        x = layout.left + state["column"] * (layout.width + layout.gutter)
        pdf.text(x, state["y"], line)
        state["y"] += layout.line_height

    for number, paragraph in enumerate(paragraphs):
        if number:
            text_parts.append("\n\n")
            length += 2
            state["y"] += layout.line_height * 0.8  # paragraph spacing
        for line, consumed in _wrap(pdf, paragraph, layout):
            place(line, length)
            length += consumed
        text_parts.append(paragraph)
    return MadePdf(bytes(pdf.output()), "".join(text_parts), page_starts)


def _wrap(pdf, paragraph: str, layout: PdfLayout):
    """(line to draw, characters of the paragraph it covers incl. the following space) per line."""
    words = paragraph.split(" ")
    line: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        candidate = " ".join([*line, word])
        if pdf.get_string_width(candidate) <= layout.width:
            line.append(word)
            index += 1
            continue
        if layout.hyphenate and len(word) >= 8 and "-" not in word:
            # Split the word so its first part still fits: "сотрудни-" / "чество".
            for cut in range(len(word) - 3, 3, -1):
                head = word[:cut] + "-"
                if pdf.get_string_width(" ".join([*line, head])) <= layout.width and word[cut].isalpha() \
                        and word[cut - 1].isalpha():
                    drawn = " ".join([*line, head])
                    yield drawn, len(" ".join([*line, word[:cut]]))
                    words[index] = word[cut:]
                    line = []
                    break
            else:
                yield " ".join(line), len(" ".join(line)) + 1
                line = []
            continue
        if not line:  # one word wider than the line: draw it anyway
            yield word, len(word) + 1
            index += 1
            continue
        yield " ".join(line), len(" ".join(line)) + 1
        line = []
    if line:
        yield " ".join(line), len(" ".join(line))


def make_docx(paragraphs: list[tuple[str, str]], *, title: str | None = None, author: str | None = None,
              created: tuple[int, int, int] | None = None, language: str | None = None,
              table: list[list[str]] | None = None, header: str | None = None) -> bytes:
    """A .docx from (style, text) pairs: style "Title", "Heading 1", "List Bullet", "List Number" or
    "Normal"; a table after the paragraphs when given."""
    import docx
    from datetime import datetime

    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row_cells, row in zip(grid.rows, table):
            for cell, value in zip(row_cells.cells, row):
                cell.text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
        document.sections[0].footer.paragraphs[0].text = header
    properties = document.core_properties
    if title:
        properties.title = title
    if author:
        properties.author = author
    if created:
        properties.created = datetime(*created)
    if language:
        properties.language = language
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_odt(paragraphs: list[tuple[str, str]], *, title: str | None = None, author: str | None = None,
             created: str | None = None, language: str | None = None,
             table: list[list[str]] | None = None) -> bytes:
    """An .odt from (kind, text) pairs: kind "h1", "p" or "li" (a bulleted list item)."""
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    open_list = None
    for kind, text in paragraphs:
        if kind == "li":
            if open_list is None:
                open_list = List()
                document.text.addElement(open_list)
            item = ListItem()
            item.addElement(P(text=text))
            open_list.addElement(item)
            continue
        open_list = None
        document.text.addElement(H(outlinelevel=1, text=text) if kind == "h1" else P(text=text))
    if table:
        grid = Table(name="Table1")
        grid.addElement(TableColumn(numbercolumnsrepeated=len(table[0])))
        for row in table:
            table_row = TableRow()
            for value in row:
                cell = TableCell()
                cell.addElement(P(text=value))
                table_row.addElement(cell)
            grid.addElement(table_row)
        document.text.addElement(grid)
    if title:
        document.meta.addElement(dc.Title(text=title))
    if author:
        document.meta.addElement(meta.InitialCreator(text=author))
    if created:
        document.meta.addElement(meta.CreationDate(text=created))
    if language:
        document.meta.addElement(dc.Language(text=language))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
