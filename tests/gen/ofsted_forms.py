#!/usr/bin/env python3
"""Generates the Ofsted forms of issue 17 and the papers that must not be typed as Ofsted reports.

Every value asserted in tests/it/gen_ofsted_forms.rs is written here, so it is known by
construction. Run: python3 tests/gen/ofsted_forms.py (writes tests/gen/pdfs/forms-*.pdf;
needs reportlab, CI does not: it reads the committed PDFs).

- forms-ilacs-windsor.pdf: the ILACS title over two lines ("Inspection of the Royal Borough of
  Windsor and Maidenhead local authority children's services"), no "Ofsted" in the text (the
  logo is an image in the real reports), a Judgement | Grade table on page 1.
- forms-sif-2015.pdf: a 2014-2016 single-inspection-framework report: wrapped grade cells
  ("Requires" / "improvement"), no overall row, the overall judgement only as a sentence that
  wraps over two lines ("The overall judgement is requires improvement").
- forms-sif-2016.pdf: the sentence "Children's services in the London Borough of Eastfield
  are inadequate" wrapped in running text, grade "Inadequate" cells, an "Overall effectiveness
  at previous inspection" row, a "Reporting inspector" and no lead, "Ann Cole HMI".
- forms-school-2019.pdf: a school inspection report (section 5, 2015-2019 form).
- forms-performance-q3.pdf: a quarterly performance cover report that mentions Ofsted.
- forms-grade-typo.pdf: an ILACS table with a misspelt grade and a grade of no framework, and
  numbered paragraphs 1, 2, 4.
"""
import os
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer, PageBreak
from reportlab import rl_config

rl_config.invariant = 1  # no timestamps or random ids: the same PDFs on every run

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
os.makedirs(OUT, exist_ok=True)

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=8)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=24, spaceAfter=12)
# The ILACS title as Ofsted prints it: 26 pt, regular weight, wrapped to the text width.
ILACS_TITLE = ParagraphStyle("ilacs", fontName="Helvetica", fontSize=26, leading=31.4, spaceAfter=10)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=6, spaceAfter=6)
NUM = ParagraphStyle("num", parent=BODY, leftIndent=28, bulletIndent=0)
BUL = ParagraphStyle("bul", parent=BODY, leftIndent=18, bulletIndent=4)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=11, leading=13)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")

FILLER = ("Social workers know their children well and visit them regularly. Their records are "
          "up to date and written to the child, and managers oversee plans closely so that "
          "drift is rare and decisions are timely.")


def doc(name, story, margin=60):
    SimpleDocTemplate(os.path.join(OUT, name), pagesize=A4, leftMargin=margin, rightMargin=margin,
                      topMargin=50, bottomMargin=50, title=name).build(story)


def numbered(texts, start=1):
    return [Paragraph(t, NUM, bulletText=f"{k}.") for k, t in enumerate(texts, start)]


def grid(rows, widths, header=True):
    cells = [[Paragraph(c, CELLB if header and i == 0 else CELL) for c in r] for i, r in enumerate(rows)]
    t = Table(cells, colWidths=widths)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def windsor():
    rows = [("Judgement", "Grade"),
            ("The impact of leaders on social work practice with children and families", "Requires improvement to be good"),
            ("The experiences and progress of children who need help and protection", "Requires improvement to be good"),
            ("The experiences and progress of children in care and care leavers", "Good"),
            ("Overall effectiveness", "Requires improvement to be good")]
    label = ParagraphStyle("label", parent=CELL, rightIndent=30)  # labels wrap short of the grades, as in Dorset's
    table = Table([[Paragraph(a, CELLB if k == 0 else label), Paragraph(g, CELLB if k == 0 else CELL)] for k, (a, g) in enumerate(rows)],
                  colWidths=[232, 150])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]))
    story = [Spacer(1, 70),  # the logo's place (an image in the real reports)
             Paragraph("Inspection of the Royal Borough of Windsor and Maidenhead local authority children’s services", ILACS_TITLE),
             Paragraph("Inspection dates: 6 to 10 March 2023", BODY),
             Paragraph("Lead inspector: Lisa Summers, His Majesty's Inspector", BODY),
             Spacer(1, 6), table, Spacer(1, 12),
             Paragraph("Children and young people in the Royal Borough of Windsor and Maidenhead receive "
                       "services that have improved since the last inspection.", BODY),
             Paragraph("What needs to improve?", H2),
             Paragraph("The timeliness of initial child protection conferences.", BUL, bulletText="\u2022"),
             PageBreak(),
             Paragraph("The experiences and progress of children who need help and protection: requires improvement to be good", H2)]
    story += numbered([FILLER, FILLER, FILLER])
    doc("forms-ilacs-windsor.pdf", story, margin=71)


def sif_2015():
    rows = [("1. Children who need help and protection", "Requires\nimprovement"),
            ("2. Children looked after and achieving permanence", "Requires\nimprovement"),
            ("2.1 Adoption performance", "Good"),
            ("2.2 Experiences and progress of care leavers", "Requires\nimprovement"),
            ("3. Leadership, management and governance", "Requires\nimprovement")]
    cells = [[Paragraph(a, CELL), Paragraph(g.replace("\n", "<br/>"), CELL)] for a, g in rows]
    t = Table(cells, colWidths=[330, 90])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [Paragraph("Westmoor County Council", TITLE),
             Paragraph("Inspection of services for children in need of help and protection, children looked "
                       "after and care leavers", H2),
             Paragraph("Review of the effectiveness of the local safeguarding children board", BODY),
             Paragraph("Inspection date: 12 January 2015 to 4 February 2015", BODY),
             Paragraph("Report published: 17 March 2015", BODY),
             # The overall judgement opens a paragraph in a narrow box and wraps after "requires".
             Paragraph("The overall judgement is requires improvement. There are no widespread or serious "
                       "failures that create or leave children being harmed or at risk of harm.",
                       ParagraphStyle("summary", parent=BODY, rightIndent=240)),
             t,
             PageBreak(),
             Paragraph("Summary of findings", H2)]
    story += numbered([FILLER, FILLER, FILLER, FILLER])
    story += [Paragraph("Information about this inspection", H2),
              Paragraph("The inspection team consisted of seven of Her Majesty's Inspectors (HMI) from Ofsted.", BODY),
              Paragraph("Lead inspector: Peter Grant HMI", BODY),
              Paragraph("Deputy lead inspector: Sara Bell HMI", BODY)]
    doc("forms-sif-2015.pdf", story)


def sif_2016():
    rows = [("1. Children who need help and protection", "Inadequate"),
            ("2. Children looked after and achieving permanence", "Requires improvement"),
            ("2.1 Adoption performance", "Requires improvement"),
            ("2.2 Experiences and progress of care leavers", "Inadequate"),
            ("3. Leadership, management and governance", "Inadequate"),
            ("Overall effectiveness at previous inspection", "Adequate")]
    story = [Paragraph("London Borough of Eastfield", TITLE),
             Paragraph("Inspection of services for children in need of help and protection, children looked "
                       "after and care leavers", H2),
             Paragraph("Inspection date: 9 May 2016 to 2 June 2016", BODY),
             Paragraph("Report published: 21 July 2016", BODY),
             Paragraph("Children's services in the London Borough of Eastfield are inadequate", TITLE),
             grid(rows, [330, 130], header=False),
             PageBreak(),
             Paragraph("Summary of findings", H2)]
    story += numbered([FILLER, FILLER, FILLER])
    story += [Paragraph("Information about this inspection", H2),
              Paragraph("Reporting inspector: Ann Cole HMI", BODY),
              Paragraph("Team inspectors: Tom Hart HMI, Rosa Diaz HMI", BODY)]
    doc("forms-sif-2016.pdf", story)


def school():
    rows = [("Overall effectiveness", "Good"),
            ("Effectiveness of leadership and management", "Good"),
            ("Quality of teaching, learning and assessment", "Good"),
            ("Personal development, behaviour and welfare", "Outstanding"),
            ("Outcomes for pupils", "Requires improvement"),
            ("Early years provision", "Good"),
            ("Overall effectiveness at previous inspection", "Requires improvement")]
    story = [Paragraph("School report", ParagraphStyle("head", parent=BODY, fontSize=9)),
             Paragraph("Rough Hay Primary School", TITLE),
             Paragraph("Rough Hay Road, Darlaston, Wednesbury, West Midlands WS10 8NQ", BODY),
             Paragraph("Inspection dates 5\u20136 March 2019", BODY),
             grid(rows, [330, 130], header=False), Spacer(1, 12),
             Paragraph("Summary of key findings for parents and pupils", H2),
             Paragraph("This is a good school", H2),
             Paragraph("Leaders have created a caring and inclusive school where pupils feel safe.", BUL, bulletText="\u25aa"),
             Paragraph("Pupils' progress in mathematics has improved since the last inspection.", BUL, bulletText="\u25aa"),
             Paragraph("What does the school need to do to improve further?", H2),
             Paragraph("Improve the progress of the most able pupils in writing.", BUL, bulletText="\u25aa"),
             PageBreak(),
             Paragraph("Inspection judgements", H2)]
    story += [Paragraph(FILLER.replace("Social workers", "Teachers").replace("children", "pupils"), BODY)] * 6
    story += [PageBreak(), Paragraph("School details", H2),
              Paragraph("Unique reference number 104185", BODY),
              Paragraph("Local authority Walsall", BODY),
              Paragraph("Inspection number 10087634", BODY),
              Paragraph("Inspection team", H2)]
    team = Table([[Paragraph("Jane Smith, lead inspector", CELL), Paragraph("Her Majesty's Inspector", CELL)],
                  [Paragraph("Mark Evans", CELL), Paragraph("Ofsted Inspector", CELL)]], colWidths=[240, 200])
    story.append(team)
    doc("forms-school-2019.pdf", story)


def performance():
    story = [Paragraph("Children and Young People Scrutiny Committee, 14 February 2024", BODY),
             Paragraph("2. Quarter 3 Performance Report", TITLE),
             Paragraph("Report of the Director of Children's Services", H2),
             Paragraph("1. Purpose", H2),
             Paragraph("This report sets out performance for children's services in Quarter 3 (October to "
                       "December 2023). Ofsted's inspection of local authority children's services in July "
                       "2022 judged services good, and the improvement plan after that inspection continues.", BODY),
             Paragraph("2. Recommendations", H2),
             Paragraph("The Committee is asked to note the performance set out in Appendix A.", BODY),
             grid([("Measure", "Q2", "Q3", "Target"),
                   ("Re-referrals within 12 months", "21%", "19%", "20%"),
                   ("Assessments within 45 days", "88%", "91%", "90%")], [220, 70, 70, 70])]
    doc("forms-performance-q3.pdf", story)


def grade_typo():
    rows = [("Judgement", "Grade"),
            ("The impact of leaders on social work practice with children and families", "Good"),
            ("The experiences and progress of children who need help and protection", "Requires improvment to be good"),
            ("The experiences and progress of children in care and care leavers", "Adequate"),
            ("Overall effectiveness", "Good")]
    story = [Paragraph("Inspection of Lowbridge local authority children's services", TITLE),
             Paragraph("Inspection dates: 20 to 24 November 2023", BODY),
             Paragraph("Lead inspector: Ruth Mayes, His Majesty's Inspector", BODY),
             Spacer(1, 6), grid(rows, [300, 150]), Spacer(1, 12)]
    # Paragraph 3 is missing: a paragraph_gap on page 1.
    story += numbered([FILLER, FILLER]) + numbered([FILLER], start=4)
    doc("forms-grade-typo.pdf", story)


if __name__ == "__main__":
    windsor()
    sif_2015()
    sif_2016()
    school()
    performance()
    grade_typo()
