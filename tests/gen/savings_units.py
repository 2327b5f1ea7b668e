"""Savings papers whose unit is stated away from the table (tests/it/gen_savings_units.rs).

Remake from the repository root (needs reportlab, python-docx, openpyxl and LibreOffice):

    python3 tests/gen/savings_units.py

Three producers, as councils publish: reportlab, a word processor's export (python-docx →
`soffice --headless --convert-to pdf`) and a spreadsheet's export (openpyxl → soffice). Every
figure the tests assert is written here, so the expected values are known by construction.
"""
import os
import shutil
import subprocess
import tempfile

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, PageBreak

OUT = "tests/gen/pdfs/"
SS = getSampleStyleSheet()
BODY = SS["BodyText"]
ITALIC = ParagraphStyle("it", parent=BODY, fontName="Helvetica-Oblique", fontSize=8, leading=10)
FILLER = ("The council's financial position at the end of the third quarter is set out below. "
          "Pressures in demand-led services continue and mitigations are in place. ") * 3


def p(t, style=BODY):
    return Paragraph(t, style)


# 1. The unit only in a footnote at the foot of the page before the table ("All figures in £m"),
#    the table on the next page with brackets and minus signs mixed, an italic commentary row
#    spanning the table under each saving, a % column, a dash used as nil, and a subtotal.
def footnote_paper(name, footnote):
    def first_page(c, d):
        if footnote:
            c.saveState()
            c.setFont("Helvetica", 8)
            c.drawString(40, 30, "All figures in £m unless otherwise stated")
            c.restoreState()

    rows = [["Ref", "Savings proposal", "2025/26\nTarget", "Delivered", "Forecast\noutturn", "Variance", "%\ndelivered", "RAG"],
            ["", "Adults and Health", "", "", "", "", "", ""],
            ["AH1", "Reablement at scale", "(1.2)", "(0.8)", "-1.0", "0.2", "67", "Amber"],
            ["", "Two reablement teams recruited; the third starts in March.", "", "", "", "", "", ""],
            ["AH2", "Day services redesign", "(0.5)", "(0.5)", "-0.5", "-", "100", "Green"],
            ["", "Delivered in full.", "", "", "", "", "", ""],
            ["", "Adults and Health Sub-total", "(1.7)", "(1.3)", "-1.5", "0.2", "", ""],
            ["", "Place", "", "", "", "", "", ""],
            ["PL1", "Parking charges review", "(0.35)", "(0.1)", "-0.2", "0.15", "29", "Red"],
            ["", "Charges approved late; the full year effect falls in 2026/27.", "", "", "", "", "", ""],
            ["", "Place Sub-total", "(0.35)", "(0.1)", "-0.2", "0.15", "", ""],
            ["", "Total", "(2.05)", "(1.4)", "-1.7", "0.35", "", ""]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in (1, 7):
        style += [("SPAN", (1, r), (-1, r)), ("FONTNAME", (0, r), (-1, r), "Helvetica-Bold")]
    for r in (6, 10, 11):
        style += [("FONTNAME", (0, r), (-1, r), "Helvetica-Bold")]
    for r in (3, 5, 9):
        rows[r][1] = p(rows[r][1], ITALIC)
        style += [("SPAN", (1, r), (-1, r))]
    story = [p("Quarter 3 Revenue Budget Monitoring 2025/26", SS["Heading1"])]
    story += [p(FILLER) for _ in range(4)]
    story += [PageBreak(), p("Appendix 2: Savings delivery", SS["Heading2"]), Spacer(1, 6),
              Table(rows, colWidths=[30, 150, 55, 55, 55, 55, 50, 40], style=style)]
    SimpleDocTemplate(OUT + name, pagesize=A4, title="Quarter 3 monitoring", leftMargin=40, rightMargin=40,
                      topMargin=40, bottomMargin=50).build(story, onFirstPage=first_page)


footnote_paper("gu_footnote_previous_page.pdf", True)
footnote_paper("gu_footnote_removed.pdf", False)


# 2. The unit in the document's title only; a table on page 2, no rules.
rows = [["Ref", "Saving", "Target", "Achieved", "At risk"],
        ["T1", "Fleet review", "0.4", "0.3", "0.1"],
        ["T2", "Office closures", "1.25", "1.25", "0"],
        ["T3", "Digital mail", "0.6", "0", "0.6"],
        ["", "Total", "2.25", "1.55", "0.7"]]
story = [p("Savings Programme 2025/26 (£m)", SS["Title"]), p(FILLER), PageBreak(), p("Delivery by saving", SS["Heading2"]),
         Table(rows, colWidths=[40, 200, 70, 70, 70],
               style=[("FONTSIZE", (0, 0), (-1, -1), 9), ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                      ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                      ("FONTNAME", (0, 4), (-1, 4), "Helvetica-Bold")])]
SimpleDocTemplate(OUT + "gu_title_unit.pdf", pagesize=A4, title="Savings Programme 2025/26 (£m)").build(story)


def soffice(src, outdir):
    # A profile of its own: other soffice runs on the machine do not block this one.
    profile = "file://" + os.path.join(tempfile.gettempdir(), "lo-savings-units")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# 3. A word processor's export: "figures in this section are £000" in the report's text, a
#    heading between it and the table, a stacked header, a description wrapped round its
#    figures, directorate heading rows, commentary rows, "nil" and a dash as zero, a subtotal.
def word_paper(tmp):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.add_heading("Medium Term Financial Plan: savings update", 1)
    d.add_paragraph("This section reports progress on the savings agreed in February. "
                    "All figures in this section are £000.")
    d.add_paragraph(FILLER)
    d.add_heading("Savings by directorate", 2)
    rows = [["Ref", "Description", "2025/26\nTarget", "Achieved\nto date", "Shortfall", "Slippage"],
            ["", "Children's Services", "", "", "", ""],
            ["CS01", "Residential placements step-down", "-850.5", "-600.0", "-", "-250.5"],
            ["", "Three children stepped down to foster care in the quarter.", "", "", "", ""],
            ["CS02", "Home to school transport route optimisation across the county's rural bus network", "-420.0", "-420.0", "nil", "-"],
            ["", "Children's Services Total", "-1,270.5", "-1,020.0", "0.0", "-250.5"],
            ["", "Corporate", "", "", "", ""],
            ["CO01", "Accommodation strategy", "-300.0", "-150.0", "-", "-150.0"],
            ["", "Corporate Total", "-300.0", "-150.0", "0.0", "-150.0"]]
    t = d.add_table(rows=len(rows), cols=6)
    t.style = "Table Grid"
    t.autofit = False
    from docx.shared import Cm
    for j, w in enumerate([1.5, 6.5, 2.2, 2.2, 2.2, 2.2]):
        for cell in t.columns[j].cells:
            cell.width = Cm(w)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
            for para in t.cell(i, j).paragraphs:
                for run in para.runs:
                    run.font.size = Pt(9)
                    run.bold = i == 0 or v.endswith("Total") or (i in (1, 6) and j == 1)
    for i in (3,):
        c = t.cell(i, 1).merge(t.cell(i, 5))
        c.text = rows[i][1]
        for para in c.paragraphs:
            for run in para.runs:
                run.italic = True
                run.font.size = Pt(8)
    for i in (1, 6):
        c = t.cell(i, 1).merge(t.cell(i, 5))
        c.text = rows[i][1]
        for para in c.paragraphs:
            for run in para.runs:
                run.bold = True
                run.font.size = Pt(9)
    src = os.path.join(tmp, "gu_word_text_unit.docx")
    d.save(src)
    soffice(src, tmp)
    shutil.copy(os.path.join(tmp, "gu_word_text_unit.pdf"), OUT)


# 4. A spreadsheet's export: the unit in the column headers ("Target £k"), an FTE column and a
#    % column that state their own units, Forecast outturn and Undeliverable, 60 rows over
#    pages with the header repeated, a running page header.
def sheet_paper(tmp):
    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Savings"
    ws.append(["Ref", "Saving", "Target £k", "Forecast outturn £k", "Undeliverable £k", "FTE", "% delivered"])
    for c in ws[1]:
        c.font = Font(bold=True)
    for i in range(1, 61):
        ws.append([f"X{i:02}", f"Efficiency review {i}", 10 * i, 8 * i, 2 * i, i % 5 + 0.5, 80])
    ws.append(["", "Total", 18300, 14640, 3660, None, None])
    ws[f"B{ws.max_row}"].font = Font(bold=True)
    ws.column_dimensions["B"].width = 30
    for col in "CDE":
        ws.column_dimensions[col].width = 16
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = "Savings tracker Q3"
    src = os.path.join(tmp, "gu_sheet_header_units.xlsx")
    wb.save(src)
    soffice(src, tmp)
    shutil.copy(os.path.join(tmp, "gu_sheet_header_units.pdf"), OUT)


import sys
if 'reportlab-only' not in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        word_paper(tmp)
        sheet_paper(tmp)


# 5. A table continued over two pages WITHOUT its header repeated, a running page header and a
#    "continued overleaf" note between the parts; three-line stacked headers ("2025/26" over
#    "Target" over "£'000"); brackets in one column and minus signs in the next; RAG as a
#    letter, a word, or only a cell fill; directorate headings, subtotals, and a grand total
#    printed 10.0 (£10,000) short of its rows (beyond rounding: 28 rows at 0.05 is £1,400).
def continued_paper():
    head = ["Ref", "Saving", "2025/26\nTarget\n£'000", "Achieved\nto date\n£'000", "Forecast\noutturn\n£'000", "RAG"]
    body, fills = [], []
    dirs = [("Adult Social Care", "ASC", 14), ("Environment", "ENV", 14)]
    for d, code, count in dirs:
        body.append(["", d, "", "", "", ""])
        tt = ta = tf = 0
        for i in range(1, count + 1):
            t, a, f = 10 * i + 0.5, 6 * i, 9 * i
            rag = ["G", "Amber", ""][i % 3]
            body.append([f"{code}{i:02}", f"{d} saving {chr(64 + i)}", f"({t:,.1f})", f"-{a:,.1f}", f"-{f:,.1f}", rag])
            if rag == "":
                fills.append(len(body))  # its index in `rows` (the header is row 0)
            tt, ta, tf = tt + t, ta + a, tf + f
        body.append(["", f"{d} Subtotal", f"({tt:,.1f})", f"-{ta:,.1f}", f"-{tf:,.1f}", ""])
    gt = sum(10 * i + 0.5 for i in range(1, 15)) * 2
    ga = sum(6 * i for i in range(1, 15)) * 2
    gf = sum(9 * i for i in range(1, 15)) * 2
    body.append(["", "Grand Total", f"({gt - 10:,.1f})", f"-{ga:,.1f}", f"-{gf:,.1f}", ""])
    rows = [head] + body
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("ALIGN", (2, 1), (4, -1), "RIGHT"),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r, row in enumerate(rows):
        if r and row[0] == "":
            style.append(("FONTNAME", (0, r), (-1, r), "Helvetica-Bold"))
    for r in fills:
        style.append(("BACKGROUND", (5, r), (5, r), colors.HexColor("#ff0000")))

    def pages(c, d):
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(40, A4[1] - 25, "Quarter 2 savings monitoring 2025/26")
        if d.page == 1:
            c.drawString(40, 45, "Table continues overleaf")
        c.restoreState()

    story = [p("Quarter 2 savings monitoring", SS["Heading1"]), p(FILLER), p(FILLER), p(FILLER),
             Table(rows, colWidths=[40, 200, 60, 60, 60, 40], style=style, repeatRows=0)]
    SimpleDocTemplate(OUT + "gu_continued_stacked.pdf", pagesize=A4, title="Quarter 2 savings", leftMargin=40,
                      rightMargin=40, topMargin=40, bottomMargin=60).build(story, onFirstPage=pages, onLaterPages=pages)



# 6. Five-line stacked headers ("Savings" / "2025/26" / "Target" / "(one-off)" / "£'000"),
#    bottom-aligned under a one-line "Ref"; Undeliverable and Slippage columns; dashes as nil.
def five_line_paper():
    rows = [["Ref", "Saving", "Savings\n2025/26\nTarget\n(one-off)\n£'000", "Achieved\nto date\n£'000",
             "Undeliverable\n£'000", "Slippage\nto\n2026/27\n£'000"],
            ["A1", "Fleet", "100.0", "60.0", "10.0", "30.0"],
            ["A2", "Print", "50.0", "50.0", "-", "-"],
            ["", "Total", "150.0", "110.0", "10.0", "30.0"]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    SimpleDocTemplate(OUT + "gu_stacked_five.pdf", pagesize=A4, title="Savings").build(
        [p("Savings", SS["Heading1"]), Table(rows, style=style)])


continued_paper()
five_line_paper()
