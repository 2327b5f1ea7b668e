"""Generates agenda packs / front sheets in the forms UK councils publish (ModernGov, Word, parish).
Run: python3 tests/gen/packs.py  (writes tests/gen/pdfs/pack-*.pdf). Values asserted in tests/it/gen_pack.rs."""
import os
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib import colors
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, PageBreak)
from reportlab.lib.styles import getSampleStyleSheet, ParagraphStyle

OUT = os.path.join(os.path.dirname(__file__), "pdfs")
ss = getSampleStyleSheet()
N = ParagraphStyle("n", parent=ss["Normal"], fontName="Helvetica", fontSize=11, leading=14)
B = ParagraphStyle("b", parent=N, fontName="Helvetica-Bold")
H1 = ParagraphStyle("h1", parent=N, fontName="Helvetica-Bold", fontSize=20, leading=24)
H2 = ParagraphStyle("h2", parent=N, fontName="Helvetica-Bold", fontSize=14, leading=18)
GRID = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]


def p(t, s=N):
    return Paragraph(t, s)


def build(name, story, pagesize=A4, stamp_from=None):
    """stamp_from: physical page where the 'Page 1' stamp starts (earlier pages unstamped)."""
    def on_page(c, doc):
        n = c.getPageNumber()
        if stamp_from and n >= stamp_from:
            c.setFont("Helvetica", 10)
            c.drawCentredString(pagesize[0] / 2, 30, f"Page {n - stamp_from + 1}")
    doc = SimpleDocTemplate(os.path.join(OUT, name), pagesize=pagesize, leftMargin=60, rightMargin=60,
                            topMargin=60, bottomMargin=60, title=name)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def modgov_frontsheet():
    """ModernGov front sheet: labelled fields, Membership list, Part 2 exempt section, no papers."""
    s = [p("Public Document Pack", B), Spacer(1, 20), p("Cabinet", H1), Spacer(1, 12),
         p("Date: Tuesday, 14 January 2025"), p("Time: 10.00 am"),
         p("Venue: Council Chamber, Guildhall, Market Square, Northbridge"), Spacer(1, 12),
         p("Membership:", B),
         p("Councillor Amelia Hartley (Chair), Councillor Ben Okafor (Vice-Chair), Councillors Clare Dunn, "
           "Dev Patel, Ellen Marsh and Frank Lowe"),
         p("Co-opted Members: Grace Hill and Harry Shaw"), Spacer(1, 18),
         p("AGENDA", H2), Spacer(1, 8)]
    items = [("1.", "Apologies for Absence", None), ("2.", "Declarations of Interest", None),
             ("3.", "Minutes of the previous meeting", "(Pages 5 - 12)"),
             ("4.", "Budget Monitoring Report Quarter 2", "(Pages 13 - 20)"),
             ("5.", "Exclusion of the Press and Public", None),
             ("6.", "Disposal of Land at Mill Lane", "(Pages 21 - 24)")]
    for num, title, pages in items:
        row = [[p(num, B), p(f"<b>{title}</b>" + (f" {pages}" if pages else ""))]]
        t = Table(row, colWidths=[40, 400])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        s += [t, Spacer(1, 6)]
        if num == "5.":
            s.append(Table([[p(""), p("The public are likely to be excluded from the meeting during consideration of "
                                     "the following item under paragraph 3 of Part 1 of Schedule 12A to the Local "
                                     "Government Act 1972.")]], colWidths=[40, 400]))
    build("pack-modgov-frontsheet.pdf", s)


def agenda_table(full=False):
    """Health and Wellbeing Board: ruled 'Item | Subject | Pages' table, items A1.., B1.., ranges '5 - 12'."""
    s = [p("Health and Wellbeing Board", H1), Spacer(1, 10),
         p("Thursday 6 March 2025 at 2.00 pm"), p("Committee Room 1, County Offices, Eastgate"),
         Spacer(1, 8)] + ([p("Membership: Councillor Ruth Gale (Chair), Dr Sam Idris (Vice-Chair), Councillor Tom Vale"),
                          p("Venue enquiries: Democratic Services")] if full else []) + [Spacer(1, 16), p("AGENDA", H2), Spacer(1, 8)]
    rows = [["Item", "Subject", "Pages"],
            ["A1", "Welcome and Apologies", ""],
            ["A2", "Minutes of the meeting held on 5 December 2024", "5 - 12"],
            ["B1", "Joint Local Health and Wellbeing Strategy refresh", "13 - 28"],
            ["B2", "Better Care Fund Plan 2025/26", "29 - 40"],
            ["C1", "Any Other Business", ""]]
    t = Table([[p(c, B if i == 0 else N) for c in r] for i, r in enumerate(rows)], colWidths=[45, 330, 70])
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9"))]))
    s.append(t)
    build("pack-hwb-agenda-table%s.pdf" % ("-membership" if full else ""), s)


def parish_notice():
    """Parish council summons: body, venue and date in one sentence; items '1.' with 25/xx refs."""
    s = [p("LITTLE MARSHAM PARISH COUNCIL", H2), Spacer(1, 12),
         p("To: All Members of the Parish Council"), Spacer(1, 8),
         p("You are hereby summoned to attend a meeting of Little Marsham Parish Council to be held at the "
           "Village Hall on Tuesday 4th March 2025 at 7.30pm for the purpose of transacting the following business."),
         Spacer(1, 8), p("Jane Barker, Clerk to the Council, 25th February 2025"), Spacer(1, 14),
         p("AGENDA", H2), Spacer(1, 8)]
    for num, title in [("1.", "To receive apologies for absence"),
                       ("2.", "To receive declarations of interest"),
                       ("3.", "To approve the minutes of the meeting held on 4th February 2025"),
                       ("4.", "Public participation (15 minutes)"),
                       ("5.", "Planning applications"),
                       ("6.", "Date of next meeting")]:
        s.append(p(f"{num}&nbsp;&nbsp;&nbsp;{title}"))
        s.append(Spacer(1, 4))
    build("pack-parish-notice.pdf", s)


def stamped_pack():
    """Scrutiny pack: 2 unstamped front pages, papers stamped 'Page N' from physical 3.
    Minutes p1-2 (phys 3-4), work programme p3-4 (phys 5-6), action tracker p5 (phys 7)."""
    s = [p("Overview and Scrutiny Committee", H1), Spacer(1, 10),
         p("Date: Wednesday 22 January 2025"), p("Time: 6.30 pm"), p("Place: The Council Chamber, Riverside House"),
         Spacer(1, 10), p("Membership:", B),
         p("Councillor R Patel (Chairman), Councillor S Evans (Vice-Chairman), Councillor T Nolan, Councillor U Reid"),
         PageBreak(), p("AGENDA", H2), Spacer(1, 8)]
    for num, title, pages in [("1", "Apologies for absence", ""),
                              ("2", "Minutes of the previous meeting", "(Pages 1 - 2)"),
                              ("3", "Work Programme 2024/25", "(Pages 3 - 4)"),
                              ("4", "Action Tracker", "(Page 5)")]:
        t = Table([[p(num, B), p(f"<b>{title}</b> {pages}")]], colWidths=[40, 400])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        s += [t, Spacer(1, 6)]
    s += [PageBreak(), p("Minutes of a meeting of the Overview and Scrutiny Committee held on 20 November 2024", H2),
          Spacer(1, 8), p("Present: Councillor R Patel (Chairman), Councillor S Evans"), Spacer(1, 8),
          p("23/41 Apologies", B), p("There were no apologies."),
          PageBreak(), p("23/42 Housing Strategy", B), p("RESOLVED that the report be noted.")]
    # Work programme: date rows spanning the table, Provisional entries.
    s += [PageBreak(), p("Overview and Scrutiny Work Programme 2024/25", H2), Spacer(1, 8)]
    wp = [["Topic", "Purpose", "Lead Officer"],
          ["Tuesday 14 January 2025", "", ""],
          ["Housing Revenue Account Budget", "To scrutinise the draft budget", "Director of Housing"],
          ["Waste Collection Contract", "Performance update", "Head of Environment"],
          ["Tuesday 11 March 2025", "", ""],
          ["Leisure Centre Review (Provisional)", "To consider options", "Head of Leisure"],
          ["Community Safety Partnership", "Annual report", "Community Safety Manager"]]
    t = Table([[p(c, B if i == 0 else N) for c in r] for i, r in enumerate(wp)], colWidths=[170, 160, 130])
    t.setStyle(TableStyle(GRID + [("SPAN", (0, 1), (-1, 1)), ("SPAN", (0, 4), (-1, 4)),
                                  ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#BDD7EE"))]))
    s += [t, PageBreak(), p("Work Programme (continued)", H2), Spacer(1, 8)]
    wp2 = [["Topic", "Purpose", "Lead Officer"],
           ["Tuesday 22 April 2025", "", ""],
           ["Climate Emergency Action Plan", "Progress report", "Sustainability Officer"]]
    t = Table([[p(c, B if i == 0 else N) for c in r] for i, r in enumerate(wp2)], colWidths=[170, 160, 130])
    t.setStyle(TableStyle(GRID + [("SPAN", (0, 1), (-1, 1))]))
    s += [t]
    # Action tracker: status only as colour, with a printed key.
    s += [PageBreak(), p("Action Tracker", H2), Spacer(1, 8)]
    green, amber, red = colors.HexColor("#00B050"), colors.HexColor("#FFC000"), colors.HexColor("#FF0000")
    at = [["Minute", "Action", "Responsible Officer", "Status"],
          ["Meeting held on 20 November 2024", "", "", ""],
          ["23/42", "Circulate the housing strategy consultation results", "Housing Manager", ""],
          ["23/43", "Report back on fly-tipping enforcement figures", "Head of Environment", ""],
          ["23/44", "Arrange a site visit to the depot", "Democratic Services", ""]]
    t = Table([[p(c, B if i == 0 else N) for c in r] for i, r in enumerate(at)], colWidths=[50, 220, 120, 60])
    t.setStyle(TableStyle(GRID + [("SPAN", (0, 1), (-1, 1)), ("BACKGROUND", (3, 2), (3, 2), green),
                                  ("BACKGROUND", (3, 3), (3, 3), amber), ("BACKGROUND", (3, 4), (3, 4), red)]))
    s += [t, Spacer(1, 16), p("Key", B)]
    key = [["", "Action completed"], ["", "Action in progress"], ["", "Action overdue"]]
    k = Table(key, colWidths=[30, 200])
    k.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (0, 0), green), ("BACKGROUND", (0, 1), (0, 1), amber),
                                  ("BACKGROUND", (0, 2), (0, 2), red)]))
    s += [k]
    build("pack-stamped-scrutiny.pdf", s, stamp_from=3)


def word_agenda_exempt(full=False):
    """Full Council agenda from Word, no rules: '5(a)' items, 'Pages 13-20', lead and time, Part 2 heading."""
    s = [p("FULL COUNCIL", H1), Spacer(1, 8),
         p("Monday 10 February 2025, 7.00 pm"), p("Council Chamber, Civic Centre, Westford")] + ([p("To: All Members of the Council")] if full else []) + [Spacer(1, 16),
         p("AGENDA", H2), Spacer(1, 8)]
    rows = [("1.", "Apologies for absence", ""), ("2.", "Mayor's announcements", ""),
            ("3.", "To approve the previous minutes as a correct record" if full else
             "Minutes of the meeting held on 9 December 2024", "Pages 5-12"),
            ("4.", "Budget and Council Tax Setting 2025/26", "Pages 13-20"),
            ("5(a)", "Treasury Management Strategy", "Pages 21-30"),
            ("5(b)", "Capital Strategy", "Pages 31-38")]
    for num, title, pages in rows:
        s.append(Table([[p(num, B), p(f"<b>{title}</b>"), p(pages)]], colWidths=[45, 320, 80]))
    s.append(Table([[p(""), p("The report will be presented by the Director of Finance, Mary Cole. "
                             "Time allowed: 20 minutes"), p("")]], colWidths=[45, 320, 80]))
    s += [Spacer(1, 10), p("PART 2 - NOT FOR PUBLICATION", B), Spacer(1, 6)]
    for num, title, pages in [("6.", "Acquisition of Commercial Property", "Pages 39-44")]:
        s.append(Table([[p(num, B), p(f"<b>{title}</b>"), p(pages)]], colWidths=[45, 320, 80]))
    build("pack-council-word-exempt%s.pdf" % ("-members" if full else ""), s)


def landscape_programme():
    """Landscape pack with a horizontally-ruled work programme with a Meeting Date column."""
    s = [p("Cabinet", H1), p("Date: Thursday 16 January 2025"), p("Time: 2.00 pm"), p("Venue: Town Hall, Eastbury"),
         Spacer(1, 10), p("1. Apologies"), p("2. Cabinet Forward Plan (Pages 1 - 1)"),
         PageBreak(), p("Cabinet Forward Plan", H2), Spacer(1, 8)]
    fp = [["Meeting Date", "Report Title", "Portfolio Holder", "Lead Officer"],
          ["13/02/2025", "Local Plan Regulation 19 Consultation", "Cllr Brooks", "Head of Planning"],
          ["13/02/2025", "Fees and Charges 2025/26", "Cllr Singh", "Chief Finance Officer"],
          ["13 March 2025", "Parking Strategy (provisional)", "Cllr Brooks", "Parking Manager"],
          ["TBC", "Asset Management Plan", "Cllr Singh", "Head of Property"]]
    t = Table(fp, colWidths=[110, 300, 140, 180])
    t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black),
                           ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    s.append(t)
    build("pack-landscape-forward-plan.pdf", s, pagesize=landscape(A4), stamp_from=2)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for f in [modgov_frontsheet, agenda_table, parish_notice, stamped_pack, word_agenda_exempt, landscape_programme]:
        f()
    agenda_table(full=True)
    word_agenda_exempt(full=True)


def modgov_member_lines():
    """Planning Committee front sheet: 'Date and Time:' label, one member per line, 'Item No. | Subject | Page No.'."""
    s = [p("Public Document Pack", B), Spacer(1, 14), p("Planning Committee", H1), Spacer(1, 10),
         p("Date and Time: Wednesday, 5th February, 2025 at 6.00 pm"),
         p("Place: Committee Room 2, Civic Offices, Southgate"), Spacer(1, 10),
         p("Membership:", B)]
    for m in ["Councillor Priya Shah (Chairman)", "Councillor Owen Pryce (Vice-Chairman)",
              "Councillor Nina Frost", "Councillor Luke Barnes"]:
        s.append(p(m))
    s += [Spacer(1, 16), p("AGENDA", H2), Spacer(1, 8)]
    rows = [["Item No.", "Subject", "Page No."],
            ["1", "Apologies for Absence", ""],
            ["2", "Declarations of Interest", ""],
            ["3", "24/01234/FUL - Land North of Station Road, Southgate", "(Pages 5 - 18)"],
            ["4", "24/01301/OUT - The Old Dairy, Mill Lane", "(Pages 19 - 30)"],
            ["5", "Appeals Update", "(Page 31)"]]
    t = Table([[p(c, B if i == 0 else N) for c in r] for i, r in enumerate(rows)], colWidths=[55, 310, 90])
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    s.append(t)
    build("pack-planning-member-lines.pdf", s)


def action_log_pack():
    """Front sheet then an 'Action Log' with a Meeting Date column, due dates in several forms, status words."""
    s = [p("Health Scrutiny Committee", H1), p("Date: Thursday 27 February 2025"), p("Time: 10.30 am"),
         p("Venue: Meeting Room 3, County Hall"), p("Membership: Councillor Jo Hart (Chair), Councillor Ian Webb"),
         Spacer(1, 10), p("1. Action Log (Pages 1 - 1)"), PageBreak(), p("Action Log", H2), Spacer(1, 8)]
    rows = [["Meeting Date", "Minute No.", "Action", "Lead Officer", "Due Date", "Status"],
            ["12/12/2024", "HS 24/31", "Provide GP access figures by ward", "Public Health Lead", "31/03/2025", "Complete"],
            ["12/12/2024", "HS 24/33", "Share the dental access action plan", "ICB Director", "March 2025", "Ongoing"],
            ["23 January 2025", "HS 25/04", "Arrange briefing on winter pressures", "Scrutiny Officer", "", "Not started"]]
    n9 = ParagraphStyle("n9", parent=N, fontSize=9, leading=11)
    b9 = ParagraphStyle("b9", parent=n9, fontName="Helvetica-Bold", textColor=colors.white)
    t = Table([[p(c, b9 if i == 0 else n9) for c in r] for i, r in enumerate(rows)], colWidths=[70, 60, 130, 80, 65, 70])
    t.setStyle(TableStyle(GRID + [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
                                  ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]))
    s.append(t)
    build("pack-action-log.pdf", s, stamp_from=2)


if __name__ == "__main__":
    modgov_member_lines()
    action_log_pack()
