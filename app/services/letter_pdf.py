"""The client's letter printed as an A4 PDF with fpdf2 (a maintained pure-Python PDF library: no
headless browser, nothing fetched at run time).

The text needs €, accents and the narrow no-break spaces of French numbers, which the PDF core
fonts lack: DejaVu Sans (app/fonts, Bitstream Vera licence alongside) is embedded, subset to
the glyphs used.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from app.services.client_letter import Letter

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVuSans"
MARGIN_MM = 20
BODY_PT, HEADING_PT, TITLE_PT = 10.5, 12, 15
LINE_MM = 5.2


def _document(letter: Letter) -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(letter.title)
    pdf.set_lang(letter.lang)
    pdf.set_creator("credit-scoring")
    pdf.add_page()
    return pdf


def _paragraph(pdf: FPDF, text: str, style: str = "", size: float = BODY_PT) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.multi_cell(0, LINE_MM, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _item(pdf: FPDF, text: str) -> None:
    pdf.set_font(FAMILY, "", BODY_PT)
    pdf.cell(6, LINE_MM, "•")
    pdf.multi_cell(0, LINE_MM, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def letter_pdf(letter: Letter) -> bytes:
    """The letter as PDF bytes: header, greeting, one titled block per section, closing."""
    pdf = _document(letter)
    for line in letter.header:
        _paragraph(pdf, line)
    pdf.ln(4)
    _paragraph(pdf, letter.title, "B", TITLE_PT)
    pdf.ln(2)
    _paragraph(pdf, letter.greeting)
    for section in letter.sections:
        pdf.ln(2)
        _paragraph(pdf, section.heading, "B", HEADING_PT)
        for text in section.paragraphs:
            _paragraph(pdf, text)
        for text in section.items:
            _item(pdf, text)
        for text in section.notes:
            _paragraph(pdf, text)
    pdf.ln(4)
    for line in letter.closing:
        _paragraph(pdf, line)
    return bytes(pdf.output())
