#!/usr/bin/env python3
"""Agenda and minutes forms of issue 15 (round 2), for tests/it/gen_meeting.rs.

Every value the tests assert is printed here.

  agenda-wrapped-cells-docx.pdf    (python-docx, then LibreOffice) Item | Subject | Page No. table whose
                                   Subject cells wrap over two and three lines with the page range in its
                                   own column; near-miss: a bold title with a plain description paragraph
                                   under it in the same cell (the description is not title).
  agenda-wrapped-cells-reportlab.pdf (reportlab) the same table drawn with wrapped cells.
  minutes-unnumbered-docx.pdf      (python-docx, then LibreOffice) "Election of Chair" and "Appointment
                                   of Vice-Chair" before minute 1 and "Public Questions" between minutes
                                   2 and 3, unnumbered; near-misses: a bold "Background" sub-heading inside
                                   minute 2 and a bold "Apologies:" label with names in the preamble.
  minutes-unnumbered-reportlab.pdf (reportlab) the same minutes.
  minutes-recorded-vote.pdf        (reportlab) a recorded vote inside minute 3 (names under For / Against /
                                   Abstained) and a last page "RECORDED VOTE" with a For | Against |
                                   Abstain table of names; minute 3 keeps its resolution.
  minutes-recorded-vote-docx.pdf   (python-docx, then LibreOffice) the same minutes, the vote's headings
                                   in bold capitals ("RECORDED VOTE", "FOR", "AGAINST", "ABSTAINED").
  minutes-stamp-house.pdf          (reportlab) a parliamentary committee's minutes with the reference stamp
                                   "H/15–16" and "2nd Meeting" in bold at the top right over "HOUSE
                                   COMMITTEE".
  agenda-stamp-cabinet-docx.pdf    (python-docx, then LibreOffice) "CAB/24/05" and "HC 123" stamps above
                                   the heading "CABINET" (read after the items, at the top right).
  agenda-area-committee-docx.pdf   (python-docx, then LibreOffice) near-miss: the body "PLANNING COMMITTEE
                                   (AREA 2)" carries a figure and is still the body.
  agenda-venue-fragment.pdf        (reportlab) "To: All Members of the Regulation Committee", a notice whose
                                   venue wraps ("... County" / "Hall, Maidstone.") above the date row.
  minutes-venue-first-docx.pdf     (python-docx, then LibreOffice) a bold venue line "Council Chamber, County
                                   Hall" above "Minutes of the meeting of the Licensing Committee held on …".
  minutes-bilingual-en.pdf,
  minutes-bilingual-cy.pdf         (python-docx, then LibreOffice) an English community-council minutes and
                                   its Welsh twin: "Yn bresennol:" names, "Neuadd y Pentref", "nos Lun,
                                   13eg Mawrth 2023", "am 7.00yh"; the same facts as the English copy.
  agenda-cy-weekday.pdf            (reportlab) a Welsh summons: "CYNGOR CYMUNED LLANFAIR", "… yn Neuadd y
                                   Pentref", "dydd Mercher, 15fed Mawrth 2023 am 7.00yh".
  agenda-summons-three-lines.pdf   (reportlab) a summons whose date runs over three short lines ("Meeting
                                   on" / "Wednesday, 2nd" / "April, 2025 at 2.00 pm"); seventeen items over
                                   two pages, "(Pages 1 - 26)" mid-title, ranges on page 2.

  agenda-summons-docx.pdf          (python-docx, then LibreOffice) round 1's summons as Word prints it: the
                                   summons in a one-cell table, "(Pages 1 - 26)" mid-title, items 9-11 on
                                   page 2.
  minutes-item-refs-docx.pdf       (python-docx, then LibreOffice) "(Item n)" minutes, RESOLVED then (1) … (5)
                                   one per line.
  agenda-panel-weekday.pdf         (reportlab) "CORPORATE PARENTING PANEL – Tuesday, 10th December, 2024"
                                   over a venue that wraps to "Hall, Maidstone.".

Remake: python3 tests/gen/make_meeting_forms.py
  (needs reportlab, python-docx and `soffice`; CI only reads the committed PDFs)
"""
import os
import subprocess
import tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
W, H = A4
PROFILE = "file:///tmp/lo-meeting-forms"


def soffice(doc, path):
    """Saves a python-docx Document and exports it through LibreOffice to `path`."""
    name = os.path.splitext(os.path.basename(path))[0]
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + ".docx")
        doc.save(src)
        subprocess.run(["soffice", "-env:UserInstallation=" + PROFILE, "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, src], check=True, stdout=subprocess.DEVNULL)
        os.replace(os.path.join(tmp, name + ".pdf"), path)


def new_doc():
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.styles["Normal"].font.name = "Liberation Sans"
    d.styles["Normal"].font.size = Pt(11)
    return d


def bold_para(d, text):
    p = d.add_paragraph()
    p.add_run(text).bold = True
    return p


def agenda_list(c, y, items, bold="Helvetica-Bold", regular="Helvetica"):
    """Draws "AGENDA" at y and the numbered items under it, then ends the page and the file."""
    c.setFont(bold, 12)
    c.drawString(50, y, "AGENDA")
    y -= 25
    c.setFont(regular, 11)
    for num, t in items:
        c.drawString(50, y, num)
        c.drawString(90, y, t)
        y -= 22
    c.showPage()
    c.save()


def docx_front_sheet(path, heading, date, time, venue, items, stamps=()):
    """A Word front sheet: stamps at the right, the bold heading, Date/Time/Venue rows, the items."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = new_doc()
    for stamp in stamps:
        bold_para(d, stamp).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    bold_para(d, heading)
    d.add_paragraph("Date: " + date)
    d.add_paragraph("Time: " + time)
    d.add_paragraph("Venue: " + venue)
    bold_para(d, "AGENDA")
    for num, title in items:
        d.add_paragraph("%s\t%s" % (num, title))
    soffice(d, path)


# --- 1. wrapped titles in agenda table cells -------------------------------------------------------

WRAPPED_ITEMS = [
    # (number, bold title, description or None, pages)
    ("1", "Apologies for Absence and Substitutions", None, ""),
    ("2", "Minutes of the Meeting of the Health and Wellbeing Board held on 19 March 2025", None, "5 - 12"),
    ("3", "Joint Strategic Needs Assessment: Annual Summary of Findings for Children, Young People "
          "and Families in the County", None, "13 - 30"),
    ("4", "Better Care Fund", "To receive the quarterly return for 2024/25.", "31"),
    ("5", "Work Programme", None, "32 - 34"),
]


def wrapped_cells_docx(path):
    from docx.shared import Cm

    d = new_doc()
    bold_para(d, "HEALTH AND WELLBEING BOARD")
    d.add_paragraph("Date: Wednesday, 18th June, 2025")
    d.add_paragraph("Time: 10.00 am")
    d.add_paragraph("Venue: Committee Room 2, Civic Centre")
    bold_para(d, "AGENDA")
    t = d.add_table(rows=len(WRAPPED_ITEMS) + 1, cols=3)
    t.style = "Table Grid"
    widths = [Cm(1.5), Cm(7.0), Cm(2.5)]
    for r, row in enumerate([("Item", "Subject", None, "Page No.")] + WRAPPED_ITEMS):
        num, title, desc, pages = row
        for k, w in enumerate(widths):
            t.cell(r, k).width = w
        t.cell(r, 0).text = num
        cell = t.cell(r, 1)
        cell.paragraphs[0].add_run(title).bold = True
        if desc:
            cell.add_paragraph(desc)
        t.cell(r, 2).text = pages
        if r == 0:
            for k in (0, 2):
                for run in t.cell(r, k).paragraphs[0].runs:
                    run.bold = True
    soffice(d, path)


def wrapped_cells_reportlab(path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle

    n = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=14)
    b = ParagraphStyle("b", parent=n, fontName="Helvetica-Bold")
    flow = [Paragraph("HEALTH AND WELLBEING BOARD", b), Paragraph("Date: Wednesday, 18th June, 2025", n),
            Paragraph("Time: 10.00 am", n), Paragraph("Venue: Committee Room 2, Civic Centre", n),
            Paragraph("AGENDA", b)]
    data = [[Paragraph("Item", b), Paragraph("Subject", b), Paragraph("Page No.", b)]]
    for num, title, desc, pages in WRAPPED_ITEMS:
        cell = [Paragraph(title, b)] + ([Paragraph(desc, n)] if desc else [])
        data.append([Paragraph(num, n), cell, Paragraph(pages, n)])
    tbl = Table(data, colWidths=[45, 200, 70])
    tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow.append(tbl)
    doc = SimpleDocTemplate(path, pagesize=A4, title="Agenda", author="Democratic Services", leftMargin=60,
                            rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


# --- 2. unnumbered items among numbered ones ---------------------------------------------------------

# (kind, text): "title", "para", "head" (bold item heading), "sub" (bold sub-heading inside an item).
UNNUMBERED = [
    ("title", "PLANNING COMMITTEE"),
    ("para", "Minutes of the meeting of the Planning Committee held at the Guildhall, Market Square on "
             "Tuesday, 20th May, 2025 at 6.30 pm."),
    ("para", "Present: Councillors P Ashby, R Bell, C Dunn, F Grey and H Irwin"),
    ("label", "Apologies: Councillors J Khan and L Moss"),
    ("head", "Election of Chair"),
    ("para", "Councillor Ashby was nominated and seconded."),
    ("para", "RESOLVED that Councillor P Ashby be elected Chair of the Committee for the 2025/26 municipal year."),
    ("head", "Appointment of Vice-Chair"),
    ("para", "RESOLVED that Councillor R Bell be appointed Vice-Chair of the Committee for the municipal year."),
    ("head", "1. Declarations of Interest"),
    ("para", "Councillor Dunn declared an interest in application 24/0456 as a neighbour of the site."),
    ("head", "2. Minutes of the Previous Meeting"),
    ("sub", "Background"),
    ("para", "The minutes of the meeting held on 22 April 2025 were considered."),
    ("para", "RESOLVED that the minutes of the meeting held on 22 April 2025 be approved as a correct record."),
    ("head", "Public Questions"),
    ("para", "No questions had been received from members of the public."),
    ("head", "3. Application 24/0456 - Land at Mill Lane"),
    ("para", "The Planning Officer presented the report on the erection of twelve dwellings."),
    ("para", "RESOLVED that planning permission be granted subject to the conditions in the report."),
    ("head", "4. Appeals Update"),
    ("para", "The Committee noted the appeal decisions received since the last meeting."),
]


def unnumbered_docx(path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = new_doc()
    for kind, text in UNNUMBERED:
        if kind in ("title", "head", "sub"):
            p = bold_para(d, text)
            if kind == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "label":
            label, rest = text.split(":", 1)
            p = d.add_paragraph()
            p.add_run(label + ":").bold = True
            p.add_run(rest)
        else:
            d.add_paragraph(text)
    soffice(d, path)


def unnumbered_reportlab(path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import SimpleDocTemplate, Paragraph

    n = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    h = ParagraphStyle("h", parent=n, fontName="Helvetica-Bold", spaceBefore=6, spaceAfter=4)
    t = ParagraphStyle("t", parent=h, fontSize=13, leading=16, alignment=TA_CENTER)
    flow = []
    for kind, text in UNNUMBERED:
        if kind == "label":
            label, rest = text.split(":", 1)
            flow.append(Paragraph("<b>%s:</b>%s" % (label, rest), n))
        else:
            flow.append(Paragraph(text, {"title": t, "head": h, "sub": h}.get(kind, n)))
    doc = SimpleDocTemplate(path, pagesize=A4, title="Minutes", author="Democratic Services", leftMargin=60,
                            rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


# --- 3. recorded votes ---------------------------------------------------------------------------------

VOTE_FOR = ["Councillor A Adams", "Councillor B Brown", "Councillor C Clarke", "Councillor D Davies",
            "Councillor E Evans", "Councillor F Foster"]
VOTE_AGAINST = ["Councillor G Green", "Councillor H Hughes", "Councillor J James"]
VOTE_ABSTAIN = ["Councillor K King"]
VOTE_MINUTES = [
    ("title", "COUNCIL"),
    ("para", "Minutes of the meeting of the Council held in the Council Chamber, Town Hall on Thursday, "
             "27th February, 2025 at 7.00 pm."),
    ("para", "Present: The Mayor (Councillor A Adams), Councillors B Brown, C Clarke, D Davies, E Evans, "
             "F Foster, G Green, H Hughes, J James and K King"),
    ("head", "1. Apologies for Absence"),
    ("para", "There were no apologies for absence."),
    ("head", "2. Declarations of Interest"),
    ("para", "No declarations were made."),
    ("head", "3. Budget and Council Tax 2025/26"),
    ("para", "The Leader moved the budget, which was seconded by the Deputy Leader. In accordance with the "
             "regulations a recorded vote was taken."),
    ("sub", "Recorded vote"),
    ("sub", "For"),
] + [("name", n) for n in VOTE_FOR] + [("sub", "Against")] + [("name", n) for n in VOTE_AGAINST] + [
    ("sub", "Abstained"),
] + [("name", n) for n in VOTE_ABSTAIN] + [
    ("para", "RESOLVED that the revenue budget for 2025/26 of £18,450,000 and a Band D council tax of £245.16 "
             "be approved."),
    ("head", "4. Treasury Management Strategy"),
    ("para", "RESOLVED that the Treasury Management Strategy for 2025/26 be approved."),
]


def recorded_vote_reportlab(path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import SimpleDocTemplate, Paragraph, PageBreak, Table, TableStyle

    n = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    nm = ParagraphStyle("nm", parent=n, spaceAfter=0, leftIndent=20)
    h = ParagraphStyle("h", parent=n, fontName="Helvetica-Bold", spaceBefore=6, spaceAfter=4)
    t = ParagraphStyle("t", parent=h, fontSize=13, leading=16, alignment=TA_CENTER)
    flow = []
    for kind, text in VOTE_MINUTES:
        flow.append(Paragraph(text, {"title": t, "head": h, "sub": h, "name": nm}.get(kind, n)))
    flow.append(PageBreak())
    flow.append(Paragraph("RECORDED VOTE - MINUTE 3", h))
    rows = [["For", "Against", "Abstain"]]
    for k in range(len(VOTE_FOR)):
        rows.append([VOTE_FOR[k], VOTE_AGAINST[k] if k < len(VOTE_AGAINST) else "",
                     VOTE_ABSTAIN[k] if k < len(VOTE_ABSTAIN) else ""])
    tbl = Table(rows, colWidths=[150, 150, 150])
    tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                             ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    flow.append(tbl)
    doc = SimpleDocTemplate(path, pagesize=A4, title="Minutes", author="Democratic Services", leftMargin=60,
                            rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


def recorded_vote_docx(path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    d = new_doc()
    for kind, text in VOTE_MINUTES:
        # This copy sets the vote's headings in capitals ("RECORDED VOTE", "FOR", "AGAINST").
        if kind == "sub":
            text = text.upper()
        if kind in ("title", "head", "sub"):
            p = bold_para(d, text)
            if kind == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            d.add_paragraph(text)
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    bold_para(d, "RECORDED VOTE - MINUTE 3")
    t = d.add_table(rows=len(VOTE_FOR) + 1, cols=3)
    t.style = "Table Grid"
    for k, (head, names) in enumerate([("For", VOTE_FOR), ("Against", VOTE_AGAINST), ("Abstain", VOTE_ABSTAIN)]):
        t.cell(0, k).paragraphs[0].add_run(head).bold = True
        for r, name in enumerate(names):
            t.cell(r + 1, k).text = name
    soffice(d, path)


# --- 4. reference stamps -------------------------------------------------------------------------------

def stamp_house(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("House Committee")
    c.setFont("Helvetica-Bold", 12)
    c.drawRightString(W - 60, H - 60, "H/15\u201316")
    c.drawRightString(W - 60, H - 75, "2nd Meeting")
    c.drawCentredString(W / 2, H - 130, "HOUSE COMMITTEE")
    c.drawCentredString(W / 2, H - 160, "MINUTES")
    c.drawCentredString(W / 2, H - 190, "Tuesday, 5 July 2016")
    c.setFont("Helvetica", 11)
    y = H - 230
    c.drawString(60, y, "Present:")
    y -= 14
    for name in ["L. Arden", "B. Brook (Chairman)", "L. Carver", "B. Dale"]:
        c.drawString(60, y, name)
        y -= 14
    y -= 10
    c.drawString(60, y, "Apologies: L. Ewell, B. Frome")
    y -= 30
    for num, title, body in [
        ("1.", "MINUTES OF THE 1ST MEETING OF THE 2016-17 SESSION", "The Committee agreed the minutes."),
        ("2.", "CATERING AND RETAIL SERVICES", "The Committee took note of the paper."),
        ("3.", "ANY OTHER BUSINESS", "There was no other business."),
    ]:
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, y, num)
        c.drawString(85, y, title)
        y -= 22
        c.setFont("Helvetica", 11)
        c.drawString(60, y, body)
        y -= 30
    c.showPage()
    c.save()


def stamp_cabinet_docx(path):
    docx_front_sheet(path, "CABINET", "Thursday, 30th January, 2025", "10.00 am",
                     "Council Chamber, Sessions House, County Hall, Maidstone",
                     [("1.", "Apologies"), ("2.", "Declarations of Interest"),
                      ("3.", "Minutes of the Meeting held on 9 January 2025 (Pages 1 - 8)")],
                     stamps=["CAB/24/05", "HC 123"])


def near_miss_area_docx(path):
    docx_front_sheet(path, "PLANNING COMMITTEE (AREA 2)", "Monday, 3rd March, 2025", "7.00 pm",
                     "The Guildhall, Market Square",
                     [("1.", "Apologies"), ("2.", "Declarations of Interest"),
                      ("3.", "Applications for Planning Permission (Pages 1 - 40)")])


# --- 5. venue fragments ----------------------------------------------------------------------------

def venue_fragment(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Regulation Committee")
    c.setFont("Helvetica", 11)
    y = H - 80
    c.drawString(50, y, "To: All Members of the Regulation Committee")
    y -= 28
    for t in ["A meeting of the Regulation Committee will be held in the Council Chamber, Sessions House, County",
              "Hall, Maidstone.",
              "Tuesday, 14th January, 2025 at 10.00 am"]:
        c.drawString(50, y, t)
        y -= 14
    agenda_list(c, y - 16, [("1.", "Apologies and Substitutes"), ("2.", "Declarations of Interest"),
                            ("3.", "Minutes of the meeting held on 10 September 2024 (Pages 1 - 6)"),
                            ("4.", "Common Land and Village Green Applications (Pages 7 - 20)")])


def venue_first_docx(path):
    d = new_doc()
    bold_para(d, "Council Chamber, County Hall")
    d.add_paragraph("Minutes of the meeting of the Licensing Committee held on Wednesday, 9th April, 2025 at "
                    "2.00 pm.")
    d.add_paragraph("Present: Councillors M North (Chair), N Oakes and P Price")
    for num, title, body in [("1.", "Apologies", "There were no apologies."),
                             ("2.", "Review of Taxi Licensing Policy", "RESOLVED that the policy be approved."),
                             ("3.", "Fees and Charges 2025/26", "RESOLVED that the fees be agreed.")]:
        bold_para(d, "%s %s" % (num, title))
        d.add_paragraph(body)
    soffice(d, path)


# --- 6. bilingual minutes ------------------------------------------------------------------------------

MEMBERS = ["Gareth Hughes", "Mair Jones", "Rhodri Lewis", "Siân Morgan", "Dafydd Owen"]
APOLOGIES = ["Eleri Parry", "Huw Rees"]
BILINGUAL = {
    "en": [
        ("title", "LLANFAIR COMMUNITY COUNCIL"),
        ("para", "Minutes of the meeting of Llanfair Community Council held at the Village Hall on Monday, "
                 "13th March 2023 at 7.00 pm."),
        ("para", "Present: Councillors " + ", ".join(MEMBERS[:-1]) + " and " + MEMBERS[-1] + "."),
        ("para", "Apologies: Councillors " + " and ".join(APOLOGIES) + "."),
        ("head", "1. MINUTES OF THE LAST MEETING"),
        ("para", "RESOLVED that the minutes of the meeting held on 13 February 2023 be approved."),
        ("head", "2. PLANNING"),
        ("para", "RESOLVED that no objection be raised to application E/45210."),
        ("head", "3. ANY OTHER BUSINESS"),
        ("para", "There was no other business."),
    ],
    "cy": [
        ("title", "CYNGOR CYMUNED LLANFAIR"),
        ("para", "Cofnodion cyfarfod Cyngor Cymuned Llanfair a gynhaliwyd yn Neuadd y Pentref nos Lun, "
                 "13eg Mawrth 2023 am 7.00yh."),
        ("para", "Yn bresennol: Y Cynghorwyr " + ", ".join(MEMBERS[:-1]) + " a " + MEMBERS[-1] + "."),
        ("para", "Ymddiheuriadau: Y Cynghorwyr " + " a ".join(APOLOGIES) + "."),
        ("head", "1. COFNODION Y CYFARFOD DIWETHAF"),
        ("para", "PENDERFYNWYD cymeradwyo cofnodion y cyfarfod a gynhaliwyd ar 13 Chwefror 2023."),
        ("head", "2. CYNLLUNIO"),
        ("para", "PENDERFYNWYD peidio â gwrthwynebu cais E/45210."),
        ("head", "3. UNRHYW FATER ARALL"),
        ("para", "Nid oedd unrhyw fater arall."),
    ],
}


def bilingual_docx(lang, path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = new_doc()
    for kind, text in BILINGUAL[lang]:
        if kind in ("title", "head"):
            p = bold_para(d, text)
            if kind == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            d.add_paragraph(text)
    soffice(d, path)


def welsh_weekday_agenda(path):
    """A Welsh summons: "dydd Mercher, 15fed Mawrth 2023 am 7.00yh" under "CYNGOR CYMUNED LLANFAIR"."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DejaVu", fonts + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", fonts + "DejaVuSans-Bold.ttf"))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Agenda")
    c.setFont("DejaVu-Bold", 14)
    c.drawString(50, H - 80, "CYNGOR CYMUNED LLANFAIR")
    c.setFont("DejaVu", 11)
    c.drawString(50, H - 104, "Cynhelir cyfarfod o'r Cyngor yn Neuadd y Pentref")
    c.drawString(50, H - 118, "dydd Mercher, 15fed Mawrth 2023 am 7.00yh")
    agenda_list(c, H - 150, [("1.", "Ymddiheuriadau"), ("2.", "Datganiadau o Fuddiant"), ("3.", "Cofnodion"),
                             ("4.", "Cynllunio")], bold="DejaVu-Bold", regular="DejaVu")


# --- fresh variants: three-line summons date, seventeen items over two pages --------------------------

SUMMONS_ITEMS = [
    ("1.", ["Apologies for absence."], None),
    ("2.", ["Minutes of the meeting held on 12th December 2024."], (1, 26)),
    ("3.", ["Chairman's announcements."], None),
    ("4.", ["Petitions."], None),
    ("5.", ["Questions."], None),
    ("6.", ["Position Statement of the Leader (Pages 27 - 30) and Cabinet Lead Members."], (27, 30)),
    ("7.", ["Report of the Cabinet."], (31, 44)),
    ("8.", ["Report of the Constitution Committee."], (45, 52)),
    ("9.", ["Report of the Employment Committee."], (53, 58)),
    ("10.", ["Report of the Corporate Governance Committee."], (59, 70)),
    ("11.", ["Pay Policy Statement 2025/26."], (71, 84)),
    ("12.", ["Revenue Budget and Capital Programme 2025/26 to 2028/29 and Medium Term",
             "Financial Strategy."], (85, 140)),
    ("13.", ["Treasury Management Strategy Statement."], (141, 160)),
    ("14.", ["Dates of meetings 2025/26."], (161, 162)),
    ("15.", ["Notices of motion."], (163, 166)),
    ("16.", ["Appointments to outside bodies."], (167, 170)),
    ("17.", ["Urgent business."], None),
]


def summons_three_lines(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Summons")
    c.rect(50, H - 150, 170, 100)
    y = H - 70
    c.setFont("Helvetica-Bold", 12)
    for t in ["Summons to and Agenda", "for a Meeting on", "Wednesday, 2nd", "April, 2025 at 2.00 pm"]:
        c.drawString(58, y, t)
        y -= 16
    c.setFont("Helvetica", 11)
    y = H - 185
    c.drawString(50, y, "To: All Members of the County Council")
    y -= 26
    c.drawString(50, y, "A meeting of the County Council will be held in the Council Chamber, County Hall, Glenfield.")
    y -= 30
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "AGENDA")
    y -= 24
    for k, (num, lines, pages) in enumerate(SUMMONS_ITEMS):
        if k == 11:
            c.showPage()
            y = H - 70
        for j, t in enumerate(lines):
            c.setFont("Helvetica-Bold", 11)
            if j == 0:
                c.drawString(50, y, num)
            if j == 0 and pages and "(Pages" not in t:
                t = "%s (Pages %d - %d)" % (t, pages[0], pages[1])
            c.drawString(90, y, t)
            y -= 14
        y -= 10
    c.showPage()
    c.save()


# --- round-1 forms again, as a word processor exports them ------------------------------------------

def summons_docx(path):
    """The summons in a one-cell table at the top left (Word's box), the items numbered by hand,
    "(Pages 1 - 26)" mid-title, items 9-11 on page 2."""
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    d = new_doc()
    box = d.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    box.cell(0, 0).width = Cm(5.5)
    cell = box.cell(0, 0)
    cell.paragraphs[0].add_run("Summons to and Agenda for a Meeting on Thursday, 13th March, 2025 at 10.00 am").bold = True
    d.add_paragraph("")
    d.add_paragraph("To: All Members of the County Council")
    d.add_paragraph("A meeting of the County Council will be held in the Council Chamber, County Hall, Glenfield "
                    "on Thursday, 13th March, 2025 at 10.00 am.")
    bold_para(d, "AGENDA")
    items = [
        ("1.", "Apologies for absence."),
        ("2.", "Minutes of the meeting held on 5th February 2025 (Pages 1 - 26) and matters arising."),
        ("3.", "Chairman's announcements."),
        ("4.", "Petitions."),
        ("5.", "Questions asked under Standing Order 7(3) and 7(5). (Pages 27 - 30)"),
        ("6.", "Position Statements from the Leader and Cabinet Lead Members. (Pages 31 - 40)"),
        ("7.", "Report of the Cabinet. (Pages 41 - 60)"),
        ("8.", "Report of the Scrutiny Commission. (Pages 61 - 70)"),
        ("9.", "Revenue Budget and Capital Programme 2025/26. (Pages 71 - 120)"),
        ("10.", "Treasury Management Strategy Statement. (Pages 121 - 140)"),
        ("11.", "Notices of motion. (Pages 141 - 142)"),
    ]
    for k, (num, title) in enumerate(items):
        if k == 8:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        p = d.add_paragraph()
        p.add_run("%s\t%s" % (num, title)).bold = True
    soffice(d, path)


def item_refs_docx(path):
    """Minutes numbered only by "(Item n)" under bold titles; RESOLVED (1) … (5) one per line."""
    d = new_doc()
    bold_para(d, "CORPORATE PARENTING PANEL")
    d.add_paragraph("MINUTES of a meeting of the Corporate Parenting Panel held in the Council Chamber, Sessions "
                    "House, County Hall, Maidstone on Tuesday, 10th December, 2024.")
    d.add_paragraph("PRESENT: Mrs S Prendergast (Chair), Mr A Brady and Mr D Beaney")
    for title, ref, body in [
        ("Apologies and Substitutes", "1", ["Apologies were received from Mr J Meade."]),
        ("Minutes of the meeting held on 17 September 2024", "2",
         ["RESOLVED that the minutes of the meeting held on 17 September 2024 are correctly recorded."]),
        ("Virtual School Kent Annual Report", "5",
         ["The Headteacher introduced the report.", "RESOLVED", "(1) the report be noted;",
          "(2) the Panel thank the Virtual School staff;", "(3) attendance figures be reported each term;",
          "(4) the Director write to schools with low attendance; and",
          "(5) a further report come to the Panel in June 2025."]),
    ]:
        bold_para(d, title)
        d.add_paragraph("(Item %s)" % ref)
        for t in body:
            d.add_paragraph(t)
    soffice(d, path)


def panel_weekday(path):
    """A heading with the weekday, ordinal and commas: "CORPORATE PARENTING PANEL – Tuesday, 10th
    December, 2024", the venue on the next line ending "Hall, Maidstone."."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Corporate Parenting Panel")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, H - 80, "CORPORATE PARENTING PANEL \u2013 Tuesday, 10th December, 2024")
    c.setFont("Helvetica", 11)
    c.drawString(50, H - 100, "at 2.00 pm in the Council Chamber, Sessions House, County")
    c.drawString(50, H - 114, "Hall, Maidstone.")
    agenda_list(c, H - 150, [("1.", "Apologies and Substitutes"),
                             ("2.", "Minutes of the meeting held on 17 September 2024 (Pages 1 - 8)")])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    p = lambda name: os.path.join(OUT, name)
    wrapped_cells_docx(p("agenda-wrapped-cells-docx.pdf"))
    wrapped_cells_reportlab(p("agenda-wrapped-cells-reportlab.pdf"))
    unnumbered_docx(p("minutes-unnumbered-docx.pdf"))
    unnumbered_reportlab(p("minutes-unnumbered-reportlab.pdf"))
    recorded_vote_reportlab(p("minutes-recorded-vote.pdf"))
    recorded_vote_docx(p("minutes-recorded-vote-docx.pdf"))
    stamp_house(p("minutes-stamp-house.pdf"))
    stamp_cabinet_docx(p("agenda-stamp-cabinet-docx.pdf"))
    near_miss_area_docx(p("agenda-area-committee-docx.pdf"))
    venue_fragment(p("agenda-venue-fragment.pdf"))
    venue_first_docx(p("minutes-venue-first-docx.pdf"))
    bilingual_docx("en", p("minutes-bilingual-en.pdf"))
    bilingual_docx("cy", p("minutes-bilingual-cy.pdf"))
    welsh_weekday_agenda(p("agenda-cy-weekday.pdf"))
    summons_three_lines(p("agenda-summons-three-lines.pdf"))
    summons_docx(p("agenda-summons-docx.pdf"))
    item_refs_docx(p("minutes-item-refs-docx.pdf"))
    panel_weekday(p("agenda-panel-weekday.pdf"))
