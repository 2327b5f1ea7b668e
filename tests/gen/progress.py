"""Generates progress reports in the forms programmes publish them (tests/it/gen_progress.rs).

Run from the repository root: python3 tests/gen/progress.py  (needs python-pptx, python-docx,
reportlab and LibreOffice's soffice on PATH). The .pptx and .docx are exported to PDF by
`soffice --headless --convert-to pdf`. Every value the tests assert is written here, so it is
known by construction: headings worded unlike the Somerset deck, a status as a letter in a
coloured box, as a filled shape with no text (green; grey is unreadable), as "RAG: Amber", a
projects table (Project | Lead | RAG | Next milestone), slide numbers and "OFFICIAL" footers.
"""
import os
import subprocess

from docx import Document
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt
from reportlab.lib.pagesizes import landscape
from reportlab.pdfgen import canvas

OUT = "tests/gen/pdfs/"
GREEN, AMBER, RED, GREY = "00B050", "FFC000", "C00000", "A6A6A6"
TITLE = "Wessex Adult Care Improvement Programme"
PERIOD = "Quarter 2 2025/26"

# (name, status fill or None, status text in the box or label, lists, projects table or list)
WORKSTREAMS = [
    {
        "name": "Home First Discharge",
        "fill": GREEN, "box_text": "",  # a filled shape with no text: green
        "lists": [("Successes", ["Discharge to assess pathway live in all three hospitals",
                                 "Average delay down from 9 to 4 days"]),
                  ("Concerns", ["Reablement capacity in the west of the county"]),
                  ("Asks of the Board", ["Agree funding for winter surge beds"])],
        "table": [("Discharge hub", "J. Patel", "G", "Hub open 7 days – Nov 2025"),
                  ("Reablement expansion", "M. Okafor", "A", "Recruit 12 carers – Dec 2025")],
    },
    {
        "name": "Digital Care Records",
        "fill": AMBER, "box_text": "A",  # a letter in a coloured box
        "lists": [("Highlights", ["Shared care record used by 40 GP practices"]),
                  ("What needs to improve", ["Data quality in provider returns",
                                             "Training uptake among agency staff"]),
                  ("Support required", ["None this period"])],
        "projects": ["Shared care record", "Provider portal"],
    },
    {
        "name": "Workforce Recovery",
        "fill": GREY, "box_text": "",  # grey: no rating, status_unreadable
        "lists": [("Progress this period", ["International recruits started in October"]),
                  ("Challenges", ["Vacancy rate still 14%"]),
                  ("Escalations", ["N/A"])],
    },
]


def hexrgb(h):
    return RGBColor.from_string(h)


def textbox(slide, x, y, w, h, lines, size=14, bold=False, bullets=False):
    tb = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    tf = tb.text_frame
    tf.word_wrap = True
    for i, t in enumerate(lines):
        para = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        para.text = ("• " + t) if bullets else t
        for r in para.runs:
            r.font.size = Pt(size)
            r.font.bold = bold
    return tb


def furniture(slide, n):
    textbox(slide, 0.3, 7.0, 3, 0.4, ["OFFICIAL"], size=10)
    textbox(slide, 12.3, 7.0, 0.8, 0.4, [str(n)], size=10)


def box(slide, x, y, fill, text=""):
    s = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(0.6), Inches(0.5))
    s.fill.solid()
    s.fill.fore_color.rgb = hexrgb(fill)
    s.line.fill.background()
    s.text_frame.text = text
    for r in s.text_frame.paragraphs[0].runs:
        r.font.size = Pt(16)
        r.font.bold = True
        r.font.color.rgb = RGBColor(0, 0, 0)


def deck():
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    s = prs.slides.add_slide(blank)
    textbox(s, 0.8, 1.5, 11, 1.2, [TITLE], size=36, bold=True)
    textbox(s, 0.8, 2.9, 11, 0.6, ["Progress Report – " + PERIOD], size=20)
    textbox(s, 0.8, 4.0, 2.4, 0.5, ["Overall RAG"], size=18, bold=True)
    box(s, 3.2, 4.0, AMBER, "A")
    furniture(s, 1)
    for n, w in enumerate(WORKSTREAMS, start=2):
        s = prs.slides.add_slide(blank)
        textbox(s, 0.5, 0.3, 10, 0.8, [w["name"]], size=30, bold=True)
        textbox(s, 10.6, 0.45, 1.2, 0.5, ["Status"], size=14, bold=True)
        box(s, 11.8, 0.4, w["fill"], w["box_text"])
        top = 1.4
        if "table" in w:
            rows = [("Project", "Lead", "RAG", "Next milestone")] + w["table"]
            shape = s.shapes.add_table(len(rows), 4, Inches(0.5), Inches(top), Inches(12.3), Inches(0.4 * len(rows)))
            for i, row in enumerate(rows):
                for j, v in enumerate(row):
                    cell = shape.table.cell(i, j)
                    cell.text = v
                    for r in cell.text_frame.paragraphs[0].runs:
                        r.font.size = Pt(12)
            top += 0.4 * len(rows) + 0.4
        cols = list(w["lists"])
        if "projects" in w:
            cols.append(("Projects", w["projects"]))
        width = 12.3 / len(cols)
        for i, (head, items) in enumerate(cols):
            x = 0.5 + i * width
            textbox(s, x, top, width - 0.3, 0.5, [head], size=16, bold=True)
            textbox(s, x, top + 0.6, width - 0.3, 3.5, items, size=12, bullets=items[0] not in ("N/A", "Nil", "None this period"))
        furniture(s, n)
    prs.save(OUT + "progress-impress-deck.pptx")


def report():
    d = Document()
    d.add_heading(TITLE, 0)
    d.add_paragraph("Progress Report – " + PERIOD)
    d.add_paragraph("Overall RAG: Amber")
    for w in WORKSTREAMS:
        d.add_page_break()  # one workstream a page, as such reports print them
        d.add_heading("Workstream: " + w["name"], 1)
        d.add_paragraph("RAG: " + {GREEN: "Green", AMBER: "Amber", GREY: "Not rated"}[w["fill"]])
        for head, items in w["lists"]:
            d.add_heading(head, 2)
            for t in items:
                d.add_paragraph(t, style="List Bullet")
    d.save(OUT + "progress-word-report.docx")


def reportlab_deck():
    W, H = 960, 540
    c = canvas.Canvas(OUT + "progress-reportlab-deck.pdf", pagesize=(W, H))
    c.setTitle(TITLE)

    def foot(n):
        c.setFont("Helvetica", 9)
        c.drawString(30, H - 20, "OFFICIAL")
        c.drawRightString(W - 30, H - 20, str(n))

    def fillbox(x, y, hexcol, text=""):
        c.setFillColor("#" + hexcol)
        c.rect(x, H - y - 30, 40, 30, stroke=0, fill=1)
        c.setFillColor("#000000")
        if text:
            c.setFont("Helvetica-Bold", 14)
            c.drawCentredString(x + 20, H - y - 20, text)

    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, H - 120, TITLE)
    c.setFont("Helvetica", 18)
    c.drawString(60, H - 160, "Progress Report – " + PERIOD)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, H - 230, "Overall RAG")
    fillbox(200, 208, AMBER, "A")
    foot(1)
    c.showPage()
    for n, w in enumerate(WORKSTREAMS, start=2):
        c.setFont("Helvetica-Bold", 26)
        c.drawString(40, H - 60, w["name"])
        c.setFont("Helvetica-Bold", 12)
        c.drawString(780, H - 55, "Status")
        fillbox(840, 35, w["fill"], w["box_text"])
        y = 110
        if "table" in w:
            xs = [40, 300, 480, 560]
            rows = [("Project", "Lead", "RAG", "Next milestone")] + w["table"]
            for i, row in enumerate(rows):
                c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 11)
                for x, v in zip(xs, row):
                    c.drawString(x, H - y, v)
                c.setLineWidth(0.5)
                c.line(40, H - y - 6, 920, H - y - 6)
                y += 20
            c.line(40, H - 110 + 16, 920, H - 110 + 16)
            for x in xs[1:] + [920]:
                c.line(x - 4, H - 110 + 16, x - 4, H - y + 14)
            c.line(36, H - 110 + 16, 36, H - y + 14)
            y += 20
        cols = list(w["lists"])
        if "projects" in w:
            cols.append(("Projects", w["projects"]))
        width = 880 / len(cols)
        for i, (head, items) in enumerate(cols):
            x = 40 + i * width
            c.setFont("Helvetica-Bold", 14)
            c.drawString(x, H - y, head)
            yy = y + 22
            c.setFont("Helvetica", 11)
            for t in items:
                words, line = t.split(), ""
                first = items[0] not in ("N/A", "Nil", "None this period")
                prefix = "• " if first else ""
                for wd in words:
                    if c.stringWidth(prefix + line + " " + wd, "Helvetica", 11) > width - 30:
                        c.drawString(x + (0 if prefix else 9), H - yy, prefix + line)
                        prefix, line, yy = "", wd, yy + 14
                    else:
                        line = (line + " " + wd).strip()
                c.drawString(x + (0 if prefix or not first else 9), H - yy, prefix + line)
                yy += 18
        foot(n)
        c.showPage()
    c.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    deck()
    report()
    reportlab_deck()
    for f in ("progress-impress-deck.pptx", "progress-word-report.docx"):
        # soffice sometimes fails when another instance is starting; once more then.
        cmd = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT, OUT + f]
        if subprocess.run(cmd).returncode != 0:
            subprocess.run(cmd, check=True)
        os.remove(OUT + f)
