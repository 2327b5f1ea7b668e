#!/usr/bin/env python3
"""Agenda front sheets in the forms councils print, for tests/it/gen_agenda.rs.

  agenda-summons-box.pdf    (reportlab) a county summons: "Summons to and Agenda for a Meeting on
                            Thursday, 13th March, 2025 at 10.00 am" over short lines in a box at the
                            top left; the body only in "To: All Members of the County Council" and
                            "A meeting of the County Council will be held in …"; page ranges at the
                            end of a wrapped title's first line, mid-title and on the continuation
                            line; items running over to page 2; a Part II (Schedule 12A) item.
  agenda-panel-heading.pdf  (reportlab) "CORPORATE PARENTING PANEL – 10th December 2024" heading
                            over a venue line "Council Chamber, Sessions House, County Hall, Maidstone."
  minutes-item-refs.pdf     (reportlab) minutes without minute numbers: each item a bold title, then
                            "(Item 3)" on the next line; a "RESOLVED (1) … (5)" list.
  questions-put.pdf         (reportlab) "COUNTY COUNCIL MEETING – THURSDAY, 13 MARCH 2025" /
                            "QUESTIONS PUT AND ANSWERS GIVEN": a committee paper with its meeting.
  agenda-table-docx.pdf     (python-docx, then LibreOffice) an Item | Subject | Page No. table with
                            "5 - 22" and a single "23", sub-items 7a/7b.

Remake: python3 tests/gen/make_agenda_forms.py   (needs reportlab, python-docx and `soffice`)
"""
import os
import subprocess
import tempfile

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
W, H = A4


def summons_box(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Summons")
    # The box at the top left, the summons over short lines.
    c.rect(50, H - 150, 190, 90)
    y = H - 78
    for t in ["Summons to and Agenda for a", "Meeting on Thursday, 13th", "March, 2025 at 10.00 am"]:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(58, y, t)
        y -= 16
    c.setFont("Helvetica", 10)
    c.drawString(360, H - 78, "Democratic Services")
    c.drawString(360, H - 92, "Telephone: 0116 305 0000")
    y = H - 185
    c.setFont("Helvetica", 11)
    c.drawString(50, y, "To: All Members of the County Council")
    y -= 26
    for t in ["A meeting of the County Council will be held in the Council Chamber, County Hall,",
              "Glenfield on Thursday, 13th March, 2025 at 10.00 am."]:
        c.drawString(50, y, t)
        y -= 14
    y -= 14
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, y, "AGENDA")
    y -= 24

    def item(num, lines, bold=True):
        nonlocal y
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
        c.drawString(50, y, num)
        for k, t in enumerate(lines):
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
            c.drawString(90, y, t)
            y -= 14
        y -= 10

    item("1.", ["Apologies for absence."])
    item("2.", ["Minutes of the meeting held on 5th February 2025. (Pages 1 - 26)"])
    # The range at the end of the first line of a wrapped title.
    item("3.", ["Revenue Budget Monitoring and Medium Term Financial (Pages 27 - 40)",
                "Strategy 2025/26 to 2028/29."])
    # The range in the middle of the title.
    item("4.", ["Treasury Management Strategy (Pages 41 - 58) and Prudential Indicators."])
    # The range on the continuation line.
    item("5.", ["Report of the Cabinet on the Corporate Parenting Strategy for Children in",
                "Care and Care Leavers. (Pages 59 - 72)"])
    c.showPage()
    y = H - 70
    item("6.", ["Questions asked under Standing Order 7(3) and 7(5). (Pages 73 - 80)"])
    item("7.", ["Position Statements from the Leader and Cabinet Lead Members. (Pages 81 - 90)"])
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, y, "PART II")
    y -= 24
    item("8.", ["Acquisition of Land at Sharnford. (Pages 91 - 98)"])
    c.setFont("Helvetica", 10)
    c.drawString(90, y + 4, "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972.")
    c.showPage()
    c.save()


def panel_heading(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Corporate Parenting Panel")
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, H - 80, "CORPORATE PARENTING PANEL – 10th December 2024")
    c.setFont("Helvetica", 11)
    c.drawString(50, H - 100, "A meeting of the Corporate Parenting Panel will be held at 2.00 pm in the")
    c.drawString(50, H - 114, "Council Chamber, Sessions House, County Hall, Maidstone.")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, H - 150, "AGENDA")
    y = H - 175
    for num, t in [("1.", "Apologies and Substitutes"), ("2.", "Declarations of Interest"),
                   ("3.", "Minutes of the meeting held on 17 September 2024 (Pages 1 - 8)"),
                   ("4.", "Virtual School Kent Annual Report (Pages 9 - 30)")]:
        c.drawString(50, y, num)
        c.drawString(90, y, t)
        y -= 22
    c.showPage()
    c.save()


def minutes_item_refs(path):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Paragraph

    n = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
    b = ParagraphStyle("b", parent=n, fontName="Helvetica-Bold", spaceAfter=2, spaceBefore=6)
    h = ParagraphStyle("h", parent=n, fontName="Helvetica-Bold", fontSize=13, leading=16)
    flow = [Paragraph("CORPORATE PARENTING PANEL", h),
            Paragraph("MINUTES of a meeting of the Corporate Parenting Panel held in the Council Chamber, "
                      "Sessions House, County Hall, Maidstone on Tuesday, 10th December 2024.", n),
            Paragraph("PRESENT: Mrs S Prendergast (Chair), Mr A Brady and Mr D Beaney", n)]
    items = [
        ("Apologies and Substitutes", "1", ["Apologies were received from Mr J Meade."]),
        ("Declarations of Interest", "2", ["No declarations of interest were made."]),
        ("Minutes of the meeting held on 17 September 2024", "3",
         ["RESOLVED that the minutes of the meeting held on 17 September 2024 are correctly recorded and "
          "that they be signed by the Chair."]),
        ("Virtual School Kent Annual Report", "4",
         ["The Headteacher introduced the report.",
          "RESOLVED (1) the report be noted; (2) the Panel thank the Virtual School staff; (3) attendance "
          "figures be reported each term; (4) the Director write to schools with low attendance; and (5) "
          "a further report come to the Panel in June 2025."]),
    ]
    for title, ref, body in items:
        flow.append(Paragraph(title, b))
        flow.append(Paragraph("(Item %s)" % ref, n))
        for t in body:
            flow.append(Paragraph(t, n))
    doc = SimpleDocTemplate(path, pagesize=A4, title="Minutes", author="Democratic Services",
                            leftMargin=60, rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


def questions_put(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Questions")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, H - 80, "COUNTY COUNCIL MEETING – THURSDAY, 13 MARCH 2025")
    c.drawString(50, H - 100, "QUESTIONS PUT AND ANSWERS GIVEN")
    c.setFont("Helvetica", 11)
    y = H - 140
    for t in ["Question by Mr A Hook to the Cabinet Member for Highways and Transport",
              "Will the Cabinet Member set out how many potholes were repaired in the last financial year?",
              "",
              "Answer",
              "The service repaired 41,300 potholes in the year to 31 March 2024, against 38,900 the",
              "year before. A breakdown by district is set out in the table appended to this answer."]:
        c.drawString(50, y, t)
        y -= 16
    c.showPage()
    c.save()


def table_docx(path):
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.styles["Normal"].font.name = "Liberation Sans"
    d.styles["Normal"].font.size = Pt(11)
    d.add_paragraph().add_run("HEALTH AND WELLBEING BOARD").bold = True
    d.add_paragraph("Date: Wednesday, 21st May, 2025")
    d.add_paragraph("Time: 2.00 pm")
    d.add_paragraph("Venue: Committee Room 1, Civic Centre")
    d.add_paragraph().add_run("AGENDA").bold = True
    rows = [("Item", "Subject", "Page No."),
            ("1", "Apologies for Absence", ""),
            ("2", "Minutes of the Previous Meeting", "5 - 22"),
            ("3", "Declarations of Interest", "23"),
            ("4", "Better Care Fund Plan 2025/26", "24 - 40"),
            ("7a", "Pharmaceutical Needs Assessment", "41 - 50"),
            ("7b", "Joint Local Health and Wellbeing Strategy", "51 - 60")]
    t = d.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for k, v in enumerate(row):
            cell = t.cell(r, k)
            cell.text = v
            if r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "agenda-table-docx.docx")
        d.save(src)
        subprocess.run(["soffice", "-env:UserInstallation=file:///tmp/lo-agenda-forms", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL)
        os.replace(os.path.join(tmp, "agenda-table-docx.pdf"), path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    summons_box(os.path.join(OUT, "agenda-summons-box.pdf"))
    panel_heading(os.path.join(OUT, "agenda-panel-heading.pdf"))
    minutes_item_refs(os.path.join(OUT, "minutes-item-refs.pdf"))
    questions_put(os.path.join(OUT, "questions-put.pdf"))
    table_docx(os.path.join(OUT, "agenda-table-docx.pdf"))
