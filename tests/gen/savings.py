"""Generates savings papers in the forms UK councils publish them (tests/it/gen_savings.rs).

Run from the repository root: python3 tests/gen/savings.py. Every figure the tests assert is
written here, so the expected values are known by construction.
"""
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, PageBreak

OUT = "tests/gen/pdfs/"
SS = getSampleStyleSheet()
BODY = SS["BodyText"]
GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (2, 1), (-1, -1), "RIGHT")]
HEAD = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]
HRULES = [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
          ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 9),
          ("ALIGN", (2, 1), (-1, -1), "RIGHT"), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]
NORULES = [("FONTSIZE", (0, 0), (-1, -1), 9), ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]


def doc(name, story, size=A4):
    SimpleDocTemplate(OUT + name, pagesize=size, title=name, leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40).build(story)


def p(t, style=BODY):
    return Paragraph(t, style)


def bold_last(n):
    return [("FONTNAME", (0, n), (-1, n), "Helvetica-Bold")]


# 1. MTFP tracker in £000 with RAG printed as words and letters; ruled grid, shaded header.
rows = [["Ref", "Savings Proposal", "2025/26 Target\n£000", "Forecast\n£000", "RAG"],
        ["S01", "Review of home care commissioning", "450", "450", "Green"],
        ["S02", "Library service redesign", "120", "80", "Amber"],
        ["S03", "Reduce agency staffing", "300", "0", "Red"],
        ["S04", "Waste collection round optimisation", "75", "60", "Dark Amber"],
        ["S05", "Digital customer contact", "55", "55", "G"],
        ["", "Total", "1,000", "645", ""]]
doc("gs_tracker_rag_text.pdf", [p("Cabinet – 12 February 2025", SS["Heading2"]), p("Appendix B: MTFP Savings Tracker 2025/26"), Spacer(1, 8),
                                Table(rows, style=GRID + HEAD + bold_last(6))])

# 2. RAG shown only as a fill colour, with a printed key; horizontal rules only.
GREEN, AMBER, RED = colors.HexColor("#00b050"), colors.HexColor("#ffc000"), colors.HexColor("#ff0000")
rows = [["Ref", "Saving", "Target £'000", "Forecast £'000", "RAG"],
        ["HW1", "Public health contract efficiencies", "210", "210", ""],
        ["HW2", "Leisure centre energy savings", "95", "40", ""],
        ["HW3", "Social prescribing review", "60", "0", ""]]
fills = [("BACKGROUND", (4, 1), (4, 1), GREEN), ("BACKGROUND", (4, 2), (4, 2), AMBER), ("BACKGROUND", (4, 3), (4, 3), RED)]
doc("gs_rag_fill_key.pdf", [p("Health and Wellbeing Board", SS["Heading2"]), p("Savings delivery 2024/25"), Spacer(1, 8),
                            Table(rows, colWidths=[40, 200, 80, 90, 50], style=HRULES + fills), Spacer(1, 8),
                            p("Key: Green – on track to deliver; Amber – some risk to delivery; Red – will not be delivered")])

# 3. £m with bracketed negatives, unit only in a caption above; no rules at all.
rows = [["Ref", "Savings proposal", "2024/25 Target", "Forecast", "Variance"],
        ["CS-1", "Corporate property rationalisation", "(0.250)", "(0.200)", "0.050"],
        ["CS-2", "Procurement category management", "(1.100)", "(1.100)", "0.000"],
        ["CS-3", "Shared legal service", "(0.400)", "(0.150)", "0.250"],
        ["", "Total", "(1.750)", "(1.450)", "0.300"]]
doc("gs_millions_brackets.pdf", [p("Overview and Scrutiny Committee", SS["Heading2"]), p("Corporate Services savings"), Spacer(1, 6),
                                 p("All figures in £m"), Spacer(1, 4), Table(rows, colWidths=[45, 200, 80, 70, 70], style=NORULES + bold_last(4))])

# 4. Refs like "ASC-01", "CYP 2.3", "2025-26/012"; a Directorate column; Target/Forecast/Variance; landscape.
rows = [["Ref", "Directorate", "Description", "Target £000", "Forecast £000", "Variance £000"],
        ["ASC-01", "Adult Social Care", "Reablement at scale", "1,200", "900", "300"],
        ["CYP 2.3", "Children and Young People", "Edge of care support", "800", "800", "0"],
        ["2025-26/012", "Place", "Parking charges review", "350", "500", "-150"]]
doc("gs_ref_directorate.pdf", [p("Full Council – 27 February 2025", SS["Heading2"]), Spacer(1, 6),
                               Table(rows, colWidths=[80, 150, 200, 80, 90, 90], style=GRID + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")])],
    size=landscape(A4))

# 5. Delivered / Slipped / Unachievable columns.
rows = [["Ref", "Description", "Saving 2025/26 £000", "Delivered", "Slipped", "Unachievable"],
        ["E1", "Street lighting LED conversion", "150", "150", "0", "0"],
        ["E2", "Garden waste charge increase", "200", "120", "80", "0"],
        ["E3", "Close two recycling centres", "90", "0", "0", "90"],
        ["", "Total", "440", "270", "80", "90"]]
doc("gs_delivered_slipped.pdf", [p("Environment Scrutiny Panel", SS["Heading2"]), Spacer(1, 6),
                                 Table(rows, colWidths=[30, 190, 90, 60, 60, 70], style=GRID + bold_last(4))])

# 6. One table over two pages; header repeated; "£000" only on the first page's caption.
names = ["Review of contract %d" % i for i in range(1, 41)]
rows = [["Ref", "Saving", "Target", "Achieved", "At Risk"]] + [["R%02d" % i, names[i - 1], str(10 * i), str(10 * i - i), str(i)] for i in range(1, 41)]
rows.append(["", "Total", str(sum(10 * i for i in range(1, 41))), str(sum(9 * i for i in range(1, 41))), str(sum(range(1, 41)))])
doc("gs_two_pages.pdf", [p("Cabinet", SS["Heading2"]), p("Savings programme monitoring (£000)"), Spacer(1, 6),
                         Table(rows, repeatRows=1, colWidths=[40, 220, 70, 70, 70], style=GRID + bold_last(41))])

# 7. Subtotals per service and a grand total that does not reconcile (printed 1,050, rows make 1,000:
#    beyond the rounding of four rows printed to £1,000).
rows = [["Ref", "Savings Proposal", "Target £000", "Forecast £000"],
        ["", "Highways", "", ""],
        ["H1", "Winter gritting routes", "100", "100"],
        ["H2", "Street works permits", "200", "150"],
        ["", "Highways Sub-total", "300", "250"],
        ["", "Libraries", "", ""],
        ["L1", "Self-service kiosks", "400", "400"],
        ["L2", "Mobile library withdrawal", "300", "100"],
        ["", "Libraries Sub-total", "700", "500"],
        ["", "Grand Total", "1,050", "750"]]
doc("gs_subtotals_mismatch.pdf", [p("Place Overview and Scrutiny", SS["Heading2"]), Spacer(1, 6),
                                  Table(rows, colWidths=[40, 220, 80, 80], style=GRID + bold_last(1) + bold_last(4) + bold_last(5) + bold_last(8) + bold_last(9))])

# 8. Near miss: revenue budget monitoring by service (no savings).
rows = [["Service", "Budget £000", "Actual £000", "Variance £000"],
        ["Adult Social Care", "120,500", "123,900", "3,400"],
        ["Children's Services", "88,200", "90,100", "1,900"],
        ["Environment", "40,300", "39,800", "-500"],
        ["Total", "249,000", "253,800", "4,800"]]
doc("gs_nearmiss_revenue.pdf", [p("Cabinet – Revenue Budget Monitoring Quarter 2", SS["Heading2"]), Spacer(1, 6),
                                Table(rows, style=GRID + HEAD + bold_last(4))])

# 9. Near miss: capital programme with a ref column (no savings).
rows = [["Project Ref", "Scheme", "Approved Budget £000", "Spend to Date £000", "Forecast £000", "Variance £000"],
        ["CP001", "New primary school, Northfield", "12,000", "4,500", "12,300", "300"],
        ["CP002", "Bridge strengthening A38", "3,200", "3,100", "3,150", "-50"],
        ["CP003", "Leisure centre refurbishment", "6,500", "1,200", "6,500", "0"]]
doc("gs_nearmiss_capital.pdf", [p("Capital Programme Monitoring 2024/25", SS["Heading2"]), Spacer(1, 6),
                                Table(rows, colWidths=[60, 180, 80, 80, 70, 70], style=GRID + HEAD)], size=landscape(A4))

# 10. A 16:9 slide, no rules: "Savings £k", RAG letters, a comments column.
rows = [["Ref", "Saving", "Savings £k", "Forecast £k", "RAG", "Comments"],
        ["T1", "Fleet rationalisation", "180", "180", "G", "Vehicles sold"],
        ["T2", "Office closures", "260", "130", "A", "One lease delayed"],
        ["T3", "Channel shift", "90", "0", "R", "Not started"]]
doc("gs_slide_letters.pdf", [p("Transformation Board – savings update", SS["Heading2"]), Spacer(1, 6),
                             Table(rows, colWidths=[40, 180, 80, 80, 40, 160], style=NORULES)], size=(960, 540))

# 11. Horizontal rules, a stacked three-line header, status printed as words (no status columns).
rows = [["Ref", "Savings\nproposal", "2025/26\nSaving\n£'000", "Delivery\nstatus"],
        ["P/01", "Review of discretionary grants", "35", "Achieved"],
        ["P/02", "Reduce printing", "12", "On track"],
        ["P/03", "Restructure of business support", "140", "At risk"]]
doc("gs_stacked_status_words.pdf", [p("Resources Overview and Scrutiny Committee", SS["Heading2"]), Spacer(1, 6),
                                    Table(rows, colWidths=[40, 200, 70, 80], style=HRULES)])
