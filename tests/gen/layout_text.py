#!/usr/bin/env python3
"""Generates papers that test the layout's "text exactly as printed" rules (issue 13):
page stamps the body runs into, capitals and letters placed glyph by glyph, justified name
lists with wide gaps, and a stacked table header at the top of each page.

Every value asserted in tests/it/layout_text.rs is written here, so it is known by construction.
Run: python3 tests/gen/layout_text.py (writes tests/gen/pdfs/layout-*.pdf; reportlab 4 or 5).
"""
import os
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, PageBreak
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab import rl_config

rl_config.invariant = 1  # no timestamps or random ids: the same PDFs on every run

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
os.makedirs(OUT, exist_ok=True)
W, H = A4

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=14.5, spaceAfter=8)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=10)
H3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=6)
NUM = ParagraphStyle("num", parent=BODY, leftIndent=36, bulletIndent=0)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=11, leading=13)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")

HELP = "The experiences and progress of children who need help and protection"
LEADERS = "The impact of leaders on social work practice with children and families"
CARE = "The experiences and progress of children in care and care leavers"

# Paragraph texts of the stamp papers: each ends with a word, never a figure, so a page number
# at the end of a paragraph can only be a swallowed stamp.
SENTENCES = [
    "Social workers know their children well and visit them regularly.",
    "Their records are up to date and written to the child.",
    "Managers oversee plans closely so that drift is rare and decisions are timely.",
    "Partners share information quickly when concerns first arise.",
    "Children are seen alone and their wishes shape the plans made for them.",
    "Families receive the help they need from practitioners who stay with them.",
]


def para_text(k, n_sentences):
    return " ".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(n_sentences))


def judgements_table():
    rows = [[Paragraph("Judgement", CELLB), Paragraph("Grade", CELLB)],
            [Paragraph(LEADERS, CELL), Paragraph("Good", CELL)],
            [Paragraph(HELP, CELL), Paragraph("Good", CELL)],
            [Paragraph(CARE, CELL), Paragraph("Good", CELL)],
            [Paragraph("Overall effectiveness", CELL), Paragraph("Good", CELL)]]
    t = Table(rows, colWidths=[330, 120])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


# Paragraphs of the report whose stamp shares its line with the running footer.
BESIDE_PARAS = [para_text(k, 4 + k % 3) for k in range(26)]


def stamp_beside_footer():
    """Word's Ofsted reports (Bournemouth 2022, Birmingham 2023, Dorset 2025): a two-line
    running footer on the left, and the page number in 20 pt on the right, beside the footer's
    second line. The body runs to the foot of each page, and the back page has no paragraphs,
    so the last paragraph used to end with two stamps ("… their plans. 9 10")."""

    def footer(c, doc):
        c.saveState()
        c.setFont("Helvetica", 9)
        c.drawString(70, 47, "Inspection of Wessex local authority children's services")
        c.drawString(70, 37, "4 to 15 March 2024")
        c.setFont("Helvetica", 20)
        c.drawRightString(524, 33, str(doc.page))
        c.restoreState()

    story = [Paragraph("Inspection of Wessex local authority children's services", TITLE),
             Paragraph("Inspection dates: 4 to 15 March 2024", BODY),
             Paragraph("Lead inspector: Jane Smith, His Majesty's Inspector", BODY),
             Spacer(1, 6), judgements_table(), Spacer(1, 10),
             Paragraph(HELP + ": good", H3)]
    story += [Paragraph(t, NUM, bulletText=f"{k}.") for k, t in enumerate(BESIDE_PARAS, 1)]
    story += [PageBreak(),
              Paragraph("Ofsted inspects services for children and young people. If you would like a copy of this "
                        "document in a different format, please telephone 0300 123 1231.", BODY),
              Paragraph("© Crown copyright 2024", BODY)]
    # A bottom margin of 58 pt: the body's last line ends a few points above the footer.
    SimpleDocTemplate(os.path.join(OUT, "layout-ofsted-stamp-beside-footer.pdf"), pagesize=A4,
                      leftMargin=70, rightMargin=70, topMargin=60, bottomMargin=58,
                      title="stamp beside footer").build(story, onFirstPage=footer, onLaterPages=footer)


# The report whose body lines sit on the stamp's own baseline: (page, lines) as drawn, each
# line a list of words; the paragraph numbers are drawn beside the first line of each.
STAMP_X1 = 535  # right edge of every page number
FOOT = 30       # baseline of the page numbers


def justified(c, words, x0, x1, y):
    """Draws words spread so that the line fills x0..x1 exactly."""
    widths = [stringWidth(w, "Helvetica", 11) for w in words]
    gap = (x1 - x0 - sum(widths)) / max(len(words) - 1, 1)
    x = x0
    for w, wd in zip(words, widths):
        c.drawString(x, y, w)
        x += wd + gap


IN_LINE_PARAS = [
    # (number, text), wrapped by `wrap`: the lines are known by construction.
    (1, para_text(0, 3)),
    (2, para_text(1, 4)),
    (3, para_text(2, 3) + " Children get help when they need it."),
    (4, para_text(3, 4)),
    (5, para_text(4, 5)),
    (6, para_text(5, 3)),
]


def wrap(text, width=438):
    """Splits text into lines of words no wider than `width` points in Helvetica 11."""
    lines, cur = [], []
    for w in text.split():
        if cur and stringWidth(" ".join(cur + [w]), "Helvetica", 11) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def stamp_in_body_line():
    """The body runs down onto the page number's baseline: on page 2 a paragraph's last line
    ends far left of the stamp, on page 3 a justified line ends 7 pt before it (so close that
    the stamp joins the line as its last word)."""
    c = canvas.Canvas(os.path.join(OUT, "layout-ofsted-stamp-in-body-line.pdf"), pagesize=A4)
    c.setTitle("stamp in body line")

    def stamp(n):
        c.setFont("Helvetica", 11)
        c.drawRightString(STAMP_X1, FOOT, str(n))

    def para(n, lines, y, last_at=None, justify_last=False):
        """Draws paragraph n from y down; the last line at `last_at` when given."""
        c.setFont("Helvetica", 11)
        c.drawString(60, y, f"{n}.")
        for k, words in enumerate(lines):
            yy = last_at if (last_at is not None and k == len(lines) - 1) else y - 14 * k
            if k < len(lines) - 1 or justify_last:
                justified(c, words, 84, 522, yy)
            else:
                c.drawString(84, yy, " ".join(words))
        return y - 14 * len(lines) - 10

    # Page 1: the report's front: title, dates, lead inspector, two paragraphs.
    y = H - 70
    c.setFont("Helvetica-Bold", 18)
    c.drawString(60, y, "Inspection of Mercia local authority children's services")
    c.setFont("Helvetica", 11)
    c.drawString(60, y - 30, "Inspection dates: 2 to 13 September 2024")
    c.drawString(60, y - 46, "Lead inspector: Tom Okafor, His Majesty's Inspector")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y - 80, HELP + ": good")
    y -= 104
    for n, text in IN_LINE_PARAS[:2]:
        y = para(n, wrap(text), y)
    stamp(1)
    c.showPage()
    # Page 2: paragraph 3 starts low enough that its last line lands on the stamp's baseline.
    p3 = wrap(IN_LINE_PARAS[2][1])
    y = FOOT + 14 * (len(p3) - 1)
    para(3, p3, y)
    stamp(2)
    c.showPage()
    # Page 3: paragraph 4, then paragraph 5 whose justified line on the stamp's baseline
    # carries on to page 4.
    y = H - 70
    y = para(4, wrap(IN_LINE_PARAS[3][1]), y)
    p5 = wrap(IN_LINE_PARAS[4][1])
    on3, on4 = p5[:3], p5[3:]
    y5 = FOOT + 14 * (len(on3) - 1)
    para(5, on3, y5, justify_last=True)
    stamp(3)
    c.showPage()
    # Page 4: the rest of paragraph 5, then paragraph 6.
    y = H - 70
    c.setFont("Helvetica", 11)
    for k, words in enumerate(on4):
        c.drawString(84, y - 14 * k, " ".join(words))
    y -= 14 * len(on4) + 10
    para(6, wrap(IN_LINE_PARAS[5][1]), y)
    stamp(4)
    c.showPage()
    c.save()


TRACK = 3.0  # letter spacing of the spaced-out titles, points (0.25 em at 12 pt)


def spaced(c, x, y, text, font="Helvetica-Bold", size=12, track=TRACK, word_extra=2.0):
    """Draws text glyph by glyph, each glyph at its own position, `track` points apart and
    words a space plus `word_extra` further apart: no space glyph is drawn. Returns the end x."""
    c.setFont(font, size)
    for k, word in enumerate(text.split(" ")):
        if k:
            x += stringWidth(" ", font, size) + word_extra
        for ch in word:
            c.drawString(x, y, ch)
            x += stringWidth(ch, font, size) + track
    return x


# (number, title as printed, how its glyphs are placed, the minute's text)
MINUTE_TITLES = [
    ("1", "Apologies for Absence", "glyph by glyph", "Apologies were received from Councillor Finch."),
    ("2", "Declarations of Interest", "capital apart", "No declarations of interest were made."),
    ("3", "Minutes of the Previous Meeting", "initial capital", "The minutes of 4 February 2025 were approved."),
    ("4", "Planning Applications", "character spacing", "The Council had no objection to application 25/00123/FUL."),
]


def minutes_spaced_titles():
    """Minutes in the Aspose.Words form (Kent's 19-page set printed 'A pologies for Absence',
    'D eclarations ...'): minute titles whose letters are placed one by one with wide spacing,
    one whose capital is a separate text object, one with a larger initial capital apart, and one set
    with character spacing (Tc). pdftotext reads every title as whole words."""
    c = canvas.Canvas(os.path.join(OUT, "layout-minutes-spaced-titles.pdf"), pagesize=A4)
    c.setTitle("spaced minute titles")
    y = H - 70
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, y, "LITTLE MARSHAM PARISH COUNCIL")
    c.setFont("Helvetica", 11)
    c.drawString(60, y - 24, "Minutes of the Meeting of Little Marsham Parish Council held at the Village Hall")
    c.drawString(60, y - 38, "on Tuesday 4 March 2025 at 7.30pm")
    c.drawString(60, y - 58, "Present: Cllr J Roberts (Chairman), Cllr K Shah, Cllr L Turner")
    y -= 96
    for number, title, how, text in MINUTE_TITLES:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, y, number + ".")
        if how == "glyph by glyph":
            spaced(c, 84, y, title)
        elif how == "capital apart":
            # The capital in a text object of its own, the rest spaced glyph by glyph after it.
            c.setFont("Helvetica-Bold", 12)
            c.drawString(84, y, title[0])
            spaced(c, 84 + stringWidth(title[0], "Helvetica-Bold", 12) + TRACK, y, title[1:])
        elif how == "initial capital":
            # A 14 pt capital, the rest spaced glyph by glyph after it in 12 pt.
            c.setFont("Helvetica-Bold", 14)
            c.drawString(84, y, title[0])
            spaced(c, 84 + stringWidth(title[0], "Helvetica-Bold", 14) + TRACK, y, title[1:])
        else:
            t = c.beginText(84, y)
            t.setFont("Helvetica-Bold", 12)
            t.setCharSpace(TRACK)
            t.textOut(title)
            c.drawText(t)
        c.setFont("Helvetica", 11)
        c.drawString(84, y - 18, text)
        y -= 50
    c.showPage()
    c.save()


# A justified list of those present, each name's own spaces unbreakable: the line's width is
# taken up by the gaps between names only.
PRESENT_LINES = [
    ["Mr T Cannon,", "Miss S J Carey,", "Sir Paul Carter,", "Mr A Cook,"],
    ["Mrs P T Cole,", "Mr N J D Chard,", "Mr D Crow-Brown,", "Mr M C Dance,"],
]
PRESENT_LAST = "Mr P Oakford and Mr H Rayner"


def justified_names():
    """A justified list of members (Kent County Council minutes: 'Mr T Cannon,      Miss S J
    Carey,     Sir Paul Carter'): wide, equal gaps between names, normal spaces inside them."""
    c = canvas.Canvas(os.path.join(OUT, "layout-justified-names.pdf"), pagesize=A4)
    c.setTitle("justified names")
    y = H - 80
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, y, "KENT COUNTY COUNCIL")
    c.setFont("Helvetica", 12)
    y -= 30
    c.drawString(72, y, "PRESENT:")
    y -= 18
    for names in PRESENT_LINES:
        widths = [stringWidth(n, "Helvetica", 12) for n in names]
        gap = (523 - 72 - sum(widths)) / (len(names) - 1)
        x = 72
        for n, wd in zip(names, widths):
            c.drawString(x, y, n)
            x += wd + gap
        y -= 15
    c.drawString(72, y, PRESENT_LAST)
    y -= 30
    c.drawString(72, y, "The meeting opened at 10.00 am.")
    c.showPage()
    c.save()


STACKED_ROWS = [
    ["ASC-01", "Reablement", "1,200", "1,050", "(150)"],
    ["ASC-02", "Day services review", "800", "800", "0"],
    ["CYP-03", "Placement sufficiency", "2,400", "1,900", "(500)"],
    ["GET-04", "Street lighting", "350", "350", "0"],
]


def stacked_header():
    """A savings table over three pages whose header repeats at the top of each page, set as
    a spreadsheet sets it: cells aligned to the bottom, one stacked over two lines ('Forecast'
    above 'against alternative saving (ongoing)'), a rule under the header only. The top line
    lies in the top margin and repeats on every page; it is the column's name all the same."""
    c = canvas.Canvas(os.path.join(OUT, "layout-stacked-header.pdf"), pagesize=A4)
    c.setTitle("stacked header")
    top, low = 772, 760  # baselines of the header's two lines: the first in the top 9% of the page

    def row(y, cells, font):
        c.setFont(font, 10)
        c.drawString(60, y, cells[0])
        c.drawString(110, y, cells[1])
        c.drawRightString(250, y, cells[2])
        c.drawRightString(470, y, cells[3])
        c.drawRightString(540, y, cells[4])

    for page in range(3):
        c.setFont("Helvetica-Bold", 10)
        c.drawCentredString(380, top, "Forecast")
        row(low, ["Ref", "Saving", "Target", "against alternative saving (ongoing)", "Variance"], "Helvetica-Bold")
        c.setLineWidth(0.75)
        c.line(55, low - 6, 545, low - 6)
        y = low - 22
        for cells in STACKED_ROWS:
            row(y, cells, "Helvetica")
            y -= 16
        c.setFont("Helvetica", 11)
        c.drawString(60, y - 20, "Figures are in £000s. Page %d of the savings tracker." % (page + 1))
        c.showPage()
    c.save()

if __name__ == "__main__":
    stamp_beside_footer()
    stamp_in_body_line()
    minutes_spaced_titles()
    justified_names()
    stacked_header()
