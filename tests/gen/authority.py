#!/usr/bin/env python3
"""Small papers for the authority tests (tests/it/authority.rs), values known by construction.

  tests/gen/pdfs/authority-somerset-2022.pdf   Ofsted form naming "Somerset", inspected in 2022:
                                               the county's code E10000027 (valid until 2023-03-31)
  tests/gen/pdfs/authority-somerset-2024.pdf   the same form inspected in 2024: the unitary
                                               Somerset Council, E06000066 (from 2023-04-01)
  tests/gen/pdfs/authority-somerset-undated.pdf  the same form with no date anywhere: the
                                               current row (E06000066) and a warning saying so
  tests/gen/pdfs/authority-school-front.pdf    a school inspection report's front page: the
                                               school's name line ("Rough Hay Primary School")

Remake: python3 tests/gen/authority.py   (needs reportlab; CI only reads the committed PDFs)
"""
import os

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")


def page(path, lines):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    y = 780
    for size, text in lines:
        c.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
        c.drawString(60, y, text)
        y -= size * 1.8
    c.showPage()
    c.save()


def ofsted(name, dates):
    lines = [
        (18, "Inspection of Somerset local authority"),
        (18, "children\u2019s services"),
    ]
    if dates:
        lines.append((11, "Inspection dates: " + dates))
    lines += [
        (11, "Lead inspector: Alex Morgan, His Majesty\u2019s Inspector"),
        (11, "Children in this local authority receive help that makes a difference to their lives."),
        (11, "Leaders know their services well and act on what they find."),
    ]
    page(os.path.join(OUT, name), lines)


def main():
    ofsted("authority-somerset-2022.pdf", "11 to 22 July 2022")
    ofsted("authority-somerset-2024.pdf", "4 to 15 March 2024")
    ofsted("authority-somerset-undated.pdf", None)
    page(
        os.path.join(OUT, "authority-school-front.pdf"),
        [
            (18, "Rough Hay Primary School"),
            (11, "Hilton Road, Darlaston, Wednesbury, West Midlands WS10 8RH"),
            (11, "Inspection dates: 11 and 12 March 2025"),
            (11, "Outcome"),
            (11, "Rough Hay Primary School continues to be a good school."),
            (11, "What is it like to attend this school?"),
            (11, "Pupils are happy and safe at this school. They are proud of their school."),
        ],
    )


if __name__ == "__main__":
    main()
