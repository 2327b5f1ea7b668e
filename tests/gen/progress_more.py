"""More progress reports (tests/it/gen_progress.rs, round 2 of issue 22): colour-only status boxes
drawn by LibreOffice Impress, a blue (complete) status, an overview table with a status column,
several workstreams on one page of a Word report, and other heading wordings.

Run from the repository root: python3 tests/gen/progress_more.py  (needs python-pptx,
python-docx and LibreOffice's soffice on PATH). The .pptx and .docx are exported to PDF by
`soffice --headless --convert-to pdf` with a profile of its own. Every value the tests assert
is written here, so it is known by construction.
"""
import os
import subprocess

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches

from progress import hexrgb, textbox  # tests/gen/progress.py, beside this file

OUT = "tests/gen/pdfs/"
GREEN, AMBER, RED, BLUE, GREY = "00B050", "FFC000", "C00000", "0070C0", "A6A6A6"
TITLE = "Northmoor Children's Services Improvement Programme"
PERIOD = "September 2025"
MARKING = "OFFICIAL – SENSITIVE"

# name, lead, status fill of its slide's box (no text), lists (heading, items), projects
WORKSTREAMS = [
    {
        "name": "Early Help Hubs",
        "lead": "A. Shah",
        "fill": GREEN,
        "lists": [("Highlights", ["Four hubs open across the county", "Waiting list halved since June"]),
                  ("Risks", ["Lease on the Eastgate building ends in March"]),
                  ("Decisions for the board", ["Approve the fifth hub in Westford"])],
        "projects": ["Eastgate hub", "Westford hub"],
    },
    {
        "name": "Fostering Sufficiency",
        "lead": "B. Lee",
        "fill": RED,
        "lists": [("Achievements", ["Twelve new foster carers approved"]),
                  ("What needs to improve", ["Placement stability for teenagers", "Carer retention after year one"]),
                  ("Asks of the Board", ["Nil"])],
    },
    {
        "name": "SEND Transport Review",
        "lead": "C. Moss",
        "fill": BLUE,  # complete: blue is a contract value, read without a warning
        "lists": [("Highlights", ["New routes in place for the autumn term"]),
                  ("Issues", ["N/A"])],
    },
]


def furniture(slide, n):
    textbox(slide, 0.3, 7.0, 4, 0.4, [MARKING], size=10)
    textbox(slide, 12.3, 7.0, 0.8, 0.4, [str(n)], size=10)


def colour_box(slide, x, y, fill):
    """A filled shape with no text: the status shown only by its colour."""
    s = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(0.6), Inches(0.5))
    s.fill.solid()
    s.fill.fore_color.rgb = hexrgb(fill)
    s.line.fill.background()


def deck():
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    s = prs.slides.add_slide(blank)
    textbox(s, 0.8, 1.5, 11, 1.2, [TITLE], size=32, bold=True)
    textbox(s, 0.8, 2.9, 11, 0.6, ["Highlight Report – " + PERIOD], size=20)
    textbox(s, 0.8, 4.0, 2.6, 0.5, ["Overall status"], size=18, bold=True)
    colour_box(s, 3.4, 4.0, AMBER)
    furniture(s, 1)
    for n, w in enumerate(WORKSTREAMS, start=2):
        s = prs.slides.add_slide(blank)
        textbox(s, 0.5, 0.3, 10, 0.8, [w["name"]], size=30, bold=True)
        textbox(s, 10.6, 0.45, 1.2, 0.5, ["Status"], size=14, bold=True)
        colour_box(s, 11.8, 0.4, w["fill"])
        cols = list(w["lists"])
        if "projects" in w:
            cols.append(("Projects", w["projects"]))
        width = 12.3 / len(cols)
        for i, (head, items) in enumerate(cols):
            x = 0.5 + i * width
            textbox(s, x, 1.5, width - 0.3, 0.5, [head], size=16, bold=True)
            nothing = items[0] in ("N/A", "Nil", "None this period")
            textbox(s, x, 2.1, width - 0.3, 3.5, items, size=12, bullets=not nothing)
        furniture(s, n)
    prs.save(OUT + "progress-impress-boxes.pptx")


def shade(cell, hexcol):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcol)
    tc_pr.append(shd)


def page_number_field(paragraph):
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


# The overview table: (workstream, lead, status text, status fill); the first row is the
# programme's overall status.
OVERVIEW = [
    ("Overall programme", "D. Ward", "Amber", None),
    ("Early Help Hubs", "A. Shah", "G", GREEN),
    ("Fostering Sufficiency", "B. Lee", "Red", None),
    ("SEND Transport Review", "C. Moss", "", BLUE),  # colour only: blue
    ("Youth Justice Partnership", "E. Ford", "", GREY),  # colour only: grey, unreadable
]

# Several workstreams on one page: (heading, lists)
WORD_STREAMS = [
    ("Early Help Hubs", [("Highlights", ["Four hubs open across the county"]),
                         ("Risks", ["Lease on the Eastgate building ends in March"]),
                         ("Asks of the Board", ["None this period"])]),
    ("Fostering Sufficiency", [("What's gone well", ["Twelve new foster carers approved"]),
                               ("What needs to improve", ["Placement stability for teenagers"]),
                               ("Decisions for the board", ["Agree the carer fee uplift"])]),
    ("SEND Transport Review", [("Achievements", ["New routes in place for the autumn term"]),
                               ("Concerns", ["Nil"]),
                               ("Escalations", ["N/A"])]),
]


def report():
    d = Document()
    sec = d.sections[0]
    foot = sec.footer.paragraphs[0]
    foot.text = MARKING + "    Page "
    page_number_field(foot)
    d.add_heading(TITLE, 0)
    d.add_paragraph("Highlight Report – " + PERIOD)
    d.add_heading("Workstream overview", 1)
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("Workstream", "Lead", "Status")):
        c.text = h
    for name, lead, status, fill in OVERVIEW:
        cells = t.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = name, lead, status
        if fill:
            shade(cells[2], fill)
    for name, lists in WORD_STREAMS:
        d.add_heading(name, 1)
        for head, items in lists:
            d.add_heading(head, 2)
            for item in items:
                d.add_paragraph(item, style="List Bullet")
    d.save(OUT + "progress-word-multi.docx")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    deck()
    report()
    for f in ("progress-impress-boxes.pptx", "progress-word-multi.docx"):
        cmd = ["soffice", "-env:UserInstallation=file:///tmp/lo-progress2", "--headless",
               "--convert-to", "pdf", "--outdir", OUT, OUT + f]
        # soffice sometimes fails when another instance is starting; once more then.
        if subprocess.run(cmd).returncode != 0:
            subprocess.run(cmd, check=True)
        os.remove(OUT + f)
