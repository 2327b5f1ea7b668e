#!/usr/bin/env python3
"""Generates Ofsted report and letter variants as other authorities publish them.

Every value asserted in tests/it/gen_ofsted.rs is written here, so it is known by
construction. Run: python3 tests/gen/ofsted.py (writes tests/gen/pdfs/ofsted-*.pdf).
"""
import os
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
from reportlab.pdfgen import canvas
from reportlab import rl_config

rl_config.invariant = 1  # no timestamps or random ids: the same PDFs on every run

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
os.makedirs(OUT, exist_ok=True)

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22, spaceAfter=10)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=6, spaceAfter=6)
H3 = ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=6)
NUM = ParagraphStyle("num", parent=BODY, leftIndent=28, bulletIndent=0)
BUL = ParagraphStyle("bul", parent=BODY, leftIndent=18, bulletIndent=4)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=11, leading=13)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")


def doc(name, story, pagesize=A4):
    SimpleDocTemplate(os.path.join(OUT, name), pagesize=pagesize, leftMargin=60, rightMargin=60,
                      topMargin=50, bottomMargin=50, title=name).build(story)


def numbered(texts, start=1):
    return [Paragraph(t, NUM, bulletText=f"{k}.") for k, t in enumerate(texts, start)]


def bullets(items):
    return [Paragraph(t, BUL, bulletText=g) for g, t in items]


FILLER = ("Social workers know their children well and visit them regularly. Their records are "
          "up to date and written to the child, and managers oversee plans closely so that "
          "drift is rare and decisions are timely.")


def ilacs_wrapped():
    """Grid table, narrow grade column: 'Requires improvement' / 'to be good' wraps in its cell.
    The care leavers heading says inadequate, the table good: a grade_mismatch."""
    rows = [[Paragraph("Judgement", CELLB), Paragraph("Grade", CELLB)],
            [Paragraph("The impact of leaders on social work practice with children and families", CELL), Paragraph("Requires improvement to be good", CELL)],
            [Paragraph("The experiences and progress of children who need help and protection", CELL), Paragraph("Good", CELL)],
            [Paragraph("The experiences and progress of children in care and care leavers", CELL), Paragraph("Good", CELL)],
            [Paragraph("Overall effectiveness", CELL), Paragraph("Requires improvement to be good", CELL)]]
    t = Table(rows, colWidths=[330, 110])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Inspection of Barsetshire County Council children's services", TITLE),
             Paragraph("Inspection dates: 27 November 2023 to 8 December 2023", BODY),
             Paragraph("Lead inspector: Jane Smith, His Majesty's Inspector", BODY),
             Spacer(1, 8), t, Spacer(1, 12),
             Paragraph("What needs to improve in this local authority?", H2)]
    story += bullets([("•", "The timeliness of strategy meetings<super>1</super> when children are at risk of significant harm."),
                      ("\u25aa", "The quality and consistency of supervision, so that social workers reflect on the impact of their work for children and are challenged where plans drift."),
                      ("\u2013", "Sufficiency of local placements for children in care<super>2</super>.")])
    story.append(Paragraph("The experiences and progress of children who need help and protection: good", H3))
    story += numbered([FILLER, "Children at risk are seen quickly. " + FILLER])
    story.append(Paragraph("The experiences and progress of children in care and care leavers: inadequate", H3))
    story += numbered(["Care leavers are supported by personal advisers. " + FILLER, FILLER, "Pathway plans are reviewed. " + FILLER], start=3)
    story.append(Paragraph("The impact of leaders on social work practice with children and families: requires improvement to be good", H3))
    story += numbered(["Leaders know their services well. " + FILLER], start=6)
    story.append(Paragraph("<font size=8><super>1</super> Strategy meetings are held under Working Together 2023. <super>2</super> Including care leavers aged 16 to 25.</font>", BODY))
    doc("ofsted-ilacs-wrapped-grade.pdf", story)


def ilacs_grade_above():
    """Unruled judgements: each grade sits on the baseline above its two-line label's last line,
    title case ('Requires Improvement To Be Good'). Lead inspector over two lines; dates over two
    periods and years."""
    path = os.path.join(OUT, "ofsted-ilacs-grade-above.pdf")
    c = canvas.Canvas(path, pagesize=A4)
    w, h = A4
    y = h - 70
    c.setFont("Helvetica-Bold", 18)
    c.drawString(60, y, "Inspection of Wessex children's services")
    y -= 30
    c.setFont("Helvetica", 11)
    c.drawString(60, y, "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025")
    y -= 16
    c.drawString(60, y, "Lead inspector: Priya Natarajan")
    y -= 14
    c.drawString(60, y, "His Majesty's Inspector")
    y -= 34
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Judgement")
    c.drawString(400, y, "Grade")
    y -= 26
    data = [(("The impact of leaders on social work practice with", "children and families"), "Requires Improvement To Be Good"),
            (("The experiences and progress of children who need", "help and protection"), "Good"),
            (("The experiences and progress of children in care and", "care leavers"), "Outstanding"),
            (("Overall effectiveness",), "Requires Improvement To Be Good")]
    for label, grade in data:
        c.setFont("Helvetica", 11)
        c.drawString(400, y + 14 if len(label) == 2 else y + 3, grade)
        yy = y + 14 if len(label) == 2 else y
        for k, part in enumerate(label):
            c.drawString(60, yy - 14 * k, part)
        y -= 40
    y -= 10
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, y, "What needs to improve?")
    y -= 20
    c.setFont("Helvetica", 11)
    for g, lines in [("\u25cf", ["Management oversight of private fostering arrangements."]),
                     ("\u27a2", ["The consistency of return home interviews for children who go",
                                 "missing from home or care."])]:
        c.drawString(64, y, g)
        for k, part in enumerate(lines):
            c.drawString(80, y - 14 * k, part)
        y -= 14 * len(lines) + 8
    y -= 10
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, y, "The experiences and progress of children who need help and protection: good")
    y -= 22
    c.setFont("Helvetica", 11)
    for n in range(1, 4):
        c.drawString(60, y, f"{n}.")
        c.drawString(84, y, "Children and families receive the right help at the right time from")
        c.drawString(84, y - 14, "practitioners who know them well.")
        y -= 40
    c.showPage()
    c.save()


def ilacs_2026():
    """The 2026 framework: five judgements, no overall effectiveness row, grades in capitals,
    a table ruled with horizontal lines only and a shaded header."""
    hdr = [Paragraph("Judgement area", CELLB), Paragraph("Grade", CELLB)]
    data = [("Leadership and management", "REQUIRES IMPROVEMENT TO BE GOOD"),
            ("Help and protection", "GOOD"),
            ("Children in care", "GOOD"),
            ("Care leavers", "INADEQUATE"),
            ("Fostering and adoption", "OUTSTANDING")]
    rows = [hdr] + [[Paragraph(a, CELL), Paragraph(g, CELL)] for a, g in data]
    t = Table(rows, colWidths=[250, 230])
    t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.grey),
                           ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3864")),
                           ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]))
    story = [Paragraph("Inspection of Northmoor local authority children's services", TITLE),
             Paragraph("Inspection dates: 2 to 13 March 2026", BODY),
             Paragraph("Lead inspector: Tom Okafor, His Majesty's Inspector", BODY),
             Spacer(1, 8), t, Spacer(1, 12),
             Paragraph("Areas for improvement", H2)]
    story += numbered(["The quality of pathway plans for care leavers.", "Help for care leavers to find suitable homes."])
    story.append(Paragraph("Care leavers", H3))
    story += numbered(["Personal advisers change too often. " + FILLER, FILLER])
    doc("ofsted-ilacs-2026-five.pdf", story)


def sif_sentence():
    """Overall judgement only as a sentence (landscape page, no judgements table)."""
    story = [Paragraph("Inspection of services for children in need of help and protection, children looked after and care leavers", TITLE),
             Paragraph("Ravenshire County Council", H2),
             Paragraph("Inspection date: 4 June 2024 to 28 June 2024", BODY),
             Paragraph("Children's services in Ravenshire are inadequate.", H2),
             Paragraph("Summary", H3)]
    story += numbered([FILLER, FILLER, FILLER])
    doc("ofsted-sif-sentence.pdf", story, pagesize=landscape(A4))


def monitoring_letter():
    """A monitoring-visit letter: two inspectors and no lead, findings as bullets of different
    glyphs with a footnote marker and wrapped lines."""
    story = [Paragraph("Ofsted", H2),
             Paragraph("Piccadilly Gate, Store Street, Manchester M1 2WD", BODY),
             Paragraph("22 October 2024", BODY),
             Paragraph("Dear Ms Carter", BODY),
             Paragraph("Monitoring visit to Eastshire children's services", H3),
             Paragraph("This letter summarises the findings of the monitoring visit to Eastshire children's services on 8 and 9 October 2024. "
                       "This visit was the fourth monitoring visit since the local authority was judged inadequate. "
                       "His Majesty's Inspectors Alan Brook and Maria Lopez carried out this visit.", BODY),
             Paragraph("Areas covered by the visit", H3),
             Paragraph("Inspectors reviewed the progress made in the help and protection of children.", BODY),
             Paragraph("Headline findings", H3)]
    story += bullets([("\u2022", "Senior leaders have strengthened the front door<super>3</super> so that referrals are screened promptly."),
                      ("\u25a0", "Caseloads have reduced and social workers now have time to build relationships with children and their families over the longer term."),
                      ("\u2013", "Some plans still lack clear timescales."),
                      ("o", "Quality assurance is developing but not yet embedded.")])
    story.append(Paragraph("Yours sincerely", BODY))
    story.append(Paragraph("Alan Brook", BODY))
    story.append(Paragraph("His Majesty's Inspector", BODY))
    doc("ofsted-monitoring-letter.pdf", story)


def sif_sentence_ri():
    """Overall judgement as a sentence in running text ('require improvement to be good'), the
    lead inspector's role wrapped over two lines, ordinal dates with a dash."""
    path = os.path.join(OUT, "ofsted-sif-sentence-ri.pdf")
    c = canvas.Canvas(path, pagesize=A4)
    w, h = A4
    y = h - 70
    c.setFont("Helvetica-Bold", 18)
    c.drawString(60, y, "Inspection of Kingsmere Borough Council children's services")
    y -= 30
    c.setFont("Helvetica", 11)
    c.drawString(60, y, "Dates of inspection: 6th - 17th May 2024")
    y -= 16
    c.drawString(60, y, "Lead inspector: Oluwaseun Adeyemi-Clarke, His Majesty's")
    y -= 14
    c.drawString(60, y, "Inspector")
    y -= 30
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, y, "Children's services in Kingsmere require improvement to be good")
    y -= 30
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Recommendations")
    y -= 18
    c.setFont("Helvetica", 11)
    for n, t in [(1, ["Improve the timeliness of initial health assessments for children", "entering care."]), (2, ["Strengthen the voice of children in child protection plans."])]:
        c.drawString(60, y, f"{n}.")
        for k, part in enumerate(t):
            c.drawString(84, y - 14 * k, part)
        y -= 14 * len(t) + 10
    y -= 10
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, y, "Main findings")
    y -= 18
    c.setFont("Helvetica", 11)
    for n in range(1, 5):
        c.drawString(60, y, f"{n}.")
        c.drawString(84, y, "Most children are helped by social workers who know them well, but")
        c.drawString(84, y - 14, "too many plans lack clear outcomes.")
        y -= 38
    c.showPage()
    c.save()


def ilacs_row_per_line():
    """An export that gives every printed line its own table row: 'Requires improvement' and
    'to be good' in two rows, rules only between judgements; overall effectiveness first."""
    data = [("Overall effectiveness", "Requires improvement"), ("", "to be good"),
            ("The impact of leaders on social work practice with children", "Inadequate"), ("and families", ""),
            ("The experiences and progress of children who need help and", "Requires improvement"), ("protection", "to be good"),
            ("The experiences and progress of children in care and care", "Good"), ("leavers", "")]
    rows = [[Paragraph("Judgement", CELLB), Paragraph("Grade", CELLB)]] + [[Paragraph(a, CELL), Paragraph(g, CELL)] for a, g in data]
    t = Table(rows, colWidths=[330, 130])
    style = [("BOX", (0, 0), (-1, -1), 0.75, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black)]
    for r in (2, 4, 6):
        style.append(("LINEBELOW", (0, r), (-1, r), 0.5, colors.black))
    t.setStyle(TableStyle(style))
    story = [Paragraph("Inspection of Harrowby children's services", TITLE),
             Paragraph("Inspection dates: 13 – 24 January 2025", BODY),
             Paragraph("Lead inspector: Ann-Marie Lee, Ofsted Inspector", BODY),
             Spacer(1, 8), t, Spacer(1, 12),
             Paragraph("What needs to improve?", H2)]
    story += bullets([("•", "Leaders' oversight of children's plans."), ("•", "Timeliness of assessments.")])
    story.append(Paragraph("The impact of leaders on social work practice with children and families: inadequate", H2))
    story += numbered([FILLER, FILLER])
    doc("ofsted-ilacs-row-per-line.pdf", story)


if __name__ == "__main__":
    ilacs_row_per_line()
    sif_sentence_ri()
    ilacs_wrapped()
    ilacs_grade_above()
    ilacs_2026()
    sif_sentence()
    monitoring_letter()
