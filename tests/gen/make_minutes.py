#!/usr/bin/env python3
"""Generates varied council minutes PDFs (tests/gen/pdfs/minutes-*.pdf) for tests/it/gen_minutes.rs.

Each document is modelled on a common way UK councils publish minutes (ModernGov/Word exports):
district Cabinet with a "Minute No." column, county scrutiny with ACTION lines, parish council
"24/101" items, plain "1." headings, two-column number | text, health and wellbeing board.
Run: python3 tests/gen/make_minutes.py (deterministic output, invariant=1).
"""
import os
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib import colors
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")
N = ParagraphStyle("n", fontName="Helvetica", fontSize=11, leading=14, spaceAfter=6)
B = ParagraphStyle("b", parent=N, fontName="Helvetica-Bold")
H = ParagraphStyle("h", parent=N, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=10)
IND = ParagraphStyle("i", parent=N, leftIndent=24)


def build(name, flow, title):
    doc = SimpleDocTemplate(os.path.join(OUT, name), pagesize=A4, title=title, author="Democratic Services",
                            leftMargin=60, rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


def p(t, s=N):
    return Paragraph(t, s)


def cabinet():
    f = [p("NORTHBROOK DISTRICT COUNCIL", H),
         p("Minutes of a meeting of the Cabinet held in the Council Chamber, Civic Offices, Northbrook on Tuesday 14 January 2025 at 6.30 pm"),
         p("Present: Councillors P Hargreaves (Leader, Chair), S Okafor (Vice-Chair), T Bell, R Dunmore and K Walsh"),
         p("Also present: Councillor M Price"),
         p("Officers: Chief Executive, Section 151 Officer, Democratic Services Officer"),
         p("Apologies: Councillor L Finch"), Spacer(1, 8)]
    rows = [["Minute No.", "Item"],
            ["C.123", p("<b>Declarations of Interest</b>")],
            ["", p("There were no declarations of interest.")],
            ["C.124", p("<b>Minutes of the previous meeting</b>")],
            ["", p("RESOLVED – That the minutes of the meeting held on 10 December 2024 be approved as a correct record.")],
            ["C.125", p("<b>Draft Revenue Budget 2025/26</b>")],
            ["", p("The Portfolio Holder for Finance introduced the report.")],
            ["", p("RESOLVED: (1) That the draft revenue budget be approved for consultation; (2) That the fees and charges schedule be adopted from 1 April 2025; and (3) That the Section 151 Officer be authorised to make minor amendments.")],
            ["C.126", p("<b>Leisure Centre Contract</b>")],
            ["", p("Resolved:")],
            ["", p("(a) That the contract be awarded to the preferred bidder;")],
            ["", p("(b) That the Director of Place be authorised to sign the contract.")],
            ]
    t = Table(rows, colWidths=[70, 400])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                           ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    f.append(t)
    build("minutes-cabinet-district.pdf", f, "Cabinet minutes")


def scrutiny():
    f = [p("Minutes of the Meeting of the Adults and Health Overview and Scrutiny Committee held at County Hall, Westshire on Wednesday, 4 June 2025 at 10.00 am", H),
         p("Present:"),
         p("Councillors A Morgan (Chair), B Singh (Vice-Chair), C Evans, D Foster and E Gray"),
         p("Attending virtually: Councillor F Hughes"),
         p("In attendance (officers): Director of Finance, Scrutiny Officer"),
         p("Apologies: Councillors G Irwin and H Jacobs"),
         p("1. Apologies and Substitutions", B),
         p("Apologies were received as listed above."),
         p("2. Adult Social Care Budget Monitoring - Agenda Item 4", B),
         p("The Director of Finance presented the report."),
         p("ACTION: Director of Finance – circulate the report by 30 June 2025"),
         p("It was agreed that a further update be brought to the September meeting."),
         p("3. Care Home Quality", B),
         p("(Item 5)"),
         p("Members discussed inspection outcomes."),
         p("Action – Clerk to write to the Care Quality Commission"),
         p("Action: Scrutiny Officer to arrange a site visit before the next meeting"),
         p("The Committee RESOLVED to note the report."),
         ]
    build("minutes-scrutiny-county.pdf", f, "Scrutiny minutes")


def parish():
    f = [p("LITTLE MARSHAM PARISH COUNCIL", H),
         p("Minutes of the Meeting of Little Marsham Parish Council held at the Village Hall on Monday 3 March 2025 at 7.30pm"),
         p("Present: Cllr J Roberts (Chairman), Cllr K Shah (Vice-Chairman), Cllr L Turner, Cllr M Wood"),
         p("In attendance: Mrs N Olsen (Clerk) and 3 members of the public"),
         p("24/101 Apologies for absence", B),
         p("Apologies were received from Cllr P Quinn."),
         p("24/102 Minutes", B),
         p("Proposed by Cllr Turner, seconded by Cllr Wood, it was RESOLVED to approve the minutes of 3 February 2025."),
         p("24/103 Planning Applications", B),
         p("It was agreed that the Council has no objection to application 25/00123/FUL."),
         p("24/104 Finance", B),
         p("Proposed by Cllr Shah, seconded by Cllr Roberts, it was RESOLVED to pay the invoices listed."),
         ]
    build("minutes-parish.pdf", f, "Parish council minutes")


def plain():
    f = [p("Minutes of the Licensing Committee", H),
         p("Date: 21 May 2025"), p("Time: 2.00 pm"), p("Venue: Committee Room 2, Town Hall"),
         p("Present: Councillors Q Adams (Chair), R Brown and S Clarke"),
         p("1. Election of Chair"),
         p("Councillor Adams was elected Chair for the municipal year."),
         p("2. Declarations of Interest"),
         p("None were declared."),
         p("3. Review of Taxi Licensing Policy"),
         p("The Licensing Manager introduced the report."),
         p("RESOLVED that the revised policy be recommended to Full Council."),
         p("4. Any Other Business"),
         p("There was no other business."),
         ]
    build("minutes-plain-numbered.pdf", f, "Licensing minutes")


def twocol():
    f = [p("Minutes of the Planning Committee", H),
         p("held on Thursday 12 June 2025 at 7.00 pm in the Council Chamber, Riverside House"),
         p("Present: Councillor T Doyle (Chair), Councillor U Ellis (Vice-Chair), Councillor V Ford"), Spacer(1, 8)]
    rows = [["45", p("<b>APOLOGIES</b>")], ["", p("Apologies were received from Councillor W Grant.")],
            ["46", p("<b>MINUTES</b>")], ["", p("RESOLVED that the minutes of 15 May 2025 be signed as a correct record.")],
            ["47", p("<b>LAND AT MILL LANE</b>")], ["", p("The Planning Officer presented the application.")],
            ["", p("RESOLVED that planning permission be granted subject to conditions.")],
            ["48", p("<b>APPEALS</b>")], ["", p("The Committee noted the appeal decisions.")]]
    t = Table(rows, colWidths=[40, 430])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    f.append(t)
    build("minutes-two-column.pdf", f, "Planning minutes")


def hwb():
    f = [p("Minutes of the Health and Wellbeing Board", H),
         p("Meeting held on 9 July 2025 at 2.00pm, The Guildhall"),
         p("Board members present: Councillor X Young (Chair), Dr Y Zaman (Vice-Chair), Councillor Z Abbott"),
         p("HWB 12 Joint Strategic Needs Assessment", B),
         p("The Director of Public Health presented the assessment."),
         p("DECISION: That the Joint Strategic Needs Assessment be approved for publication."),
         p("HWB 13 Better Care Fund Plan", B),
         p("Agreed: That the Better Care Fund plan be signed off by the Chair."),
         p("HWB 14 Forward Plan", B),
         p("The Board noted the forward plan."),
         ]
    build("minutes-hwb.pdf", f, "HWB minutes")


def fullcouncil():
    f = [p("COUNTY COUNCIL", H),
         p("MINUTES of the meeting of the COUNTY COUNCIL held in the Council Chamber, Shire Hall, on Thursday, 20 February 2025 at 10.30 am"),
         p("PRESENT: Mr A Carter (Chairman), Mrs B Daly (Vice-Chairman), Mr C Ennis, Ms D Frost"),
         p("Min 4.1 Chairman's Announcements", B),
         p("The Chairman announced the death of a former Member."),
         p("Min 4.2 Council Tax Setting 2025/26", B),
         p("RESOLVED:"),
         p("(i) That the Band D council tax be set at £1,650.12;", IND),
         p("(ii) That the capital strategy be approved.", IND),
         p("Min 4.3 Questions from Members", B),
         p("Three questions were asked and answered."),
         ]
    build("minutes-full-council.pdf", f, "Council minutes")


def slashnum():
    f = [p("Overview and Scrutiny Committee", H),
         p("Minutes of the meeting held on 2 April 2025"),
         p("Members present: Councillors E Hale (Chair), F Ives and G Jones"),
         p("OS 23/44 Work Programme", B),
         p("RESOLVED that the work programme be agreed."),
         p("OS 23/45 Call-in: Waste Collection Changes", B),
         p("The Committee considered the call-in."),
         p("RESOLVED that the decision be referred back to Cabinet for reconsideration."),
         ]
    build("minutes-os-slash.pdf", f, "OS minutes")


def landscape_ruled():
    from reportlab.lib.pagesizes import landscape
    doc = SimpleDocTemplate(os.path.join(OUT, "minutes-landscape-hrules.pdf"), pagesize=landscape(A4), title="Committee minutes",
                            leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50, invariant=1)
    f = [p("Minutes of a meeting of the Environment Committee held at The Guildhall, Eastbury on 8 September 2025 at 6.00 pm"),
         p("Councillors present: V King (Chair), W Lane, X Moss"),
         p("Apologies for absence were received from Councillors Y Nash and Z Owen."), Spacer(1, 6)]
    rows = [["Min No.", "Subject", "Decision"],
            ["12/25", p("<b>Climate Action Plan</b>"), p("RESOLVED that the updated Climate Action Plan be adopted.")],
            ["13/25", p("<b>Street Cleansing Review</b>"), p("ACTION BY: Head of Environment – review the cleansing rota by 31/10/2025")],
            ["14/25", p("<b>Tree Strategy</b>"), p("It was agreed that a tree strategy be drafted.")]]
    t = Table(rows, colWidths=[60, 220, 460])
    t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.5, colors.black), ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
    f.append(t)
    doc.build(f)


def minute_prefix():
    f = [p("Audit and Governance Committee", H),
         p("Minutes of the meeting held on 15 October 2025 at 10.00 am at Council Offices, Market Street"),
         p("Present: Councillor A Bright (Chair); Councillor B Cole (Vice-Chair); Councillor C Dean; Mr D Earl (Independent Member, co-opted)"),
         p("Minute 31/25 - External Audit Plan"),
         p("The External Auditor presented the plan."),
         p("RESOLVED that the External Audit Plan be noted."),
         p("Minute 32/25 - Internal Audit Progress"),
         p("Members asked about overdue recommendations."),
         p("Action: Head of Internal Audit to report overdue recommendations by 10 December 2025."),
         p("Minute 33/25 - Risk Register"),
         p("RESOLVED – That the strategic risk register be approved."),
         ]
    build("minutes-minute-prefix.pdf", f, "Audit minutes")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for g in (cabinet, scrutiny, parish, plain, twocol, hwb, fullcouncil, slashnum, landscape_ruled, minute_prefix):
        g()
