#!/usr/bin/env python3
"""Welsh twin of the English community-council minutes in ../shared
(community-council-manordeilo-minutes-2019-03-13-en.pdf), for tests/it/gen_welsh.rs.

The Welsh text is written here, item by item after the English copy: the same twelve minute
numbers, meeting date (13 Mawrth 2019), time (7.30yh = 19:30) and thirteen resolutions
(items 2 and 3: one each; 6: three; 9: one; 10: a lead-in and six grounds), with Welsh labels
("YN BRESENNOL", "Ymddiheuriadau"), "PENDERFYNWYD" (resolved), "a chytunwyd" (and it was agreed).

Two exports of the same text:
  tests/gen/pdfs/minutes-cy-manordeilo-reportlab.pdf   (reportlab)
  tests/gen/pdfs/minutes-cy-manordeilo-docx.pdf        (python-docx, then LibreOffice)

Remake: python3 tests/gen/make_welsh_minutes.py
  (needs reportlab, python-docx and `soffice`; CI only reads the committed PDFs)
"""
import os
import subprocess
import tempfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfs")

BODY = "Cyngor Cymuned Manordeilo a Salem"

# (kind, text): kind is "title", "head" (bold heading), "para", "bullet".
DOC = [
    ("title", "CYNGOR CYMUNED MANORDEILO A SALEM"),
    ("title", "COFNODION CYFARFOD 13eg MAWRTH 2019"),
    ("para", "Cynhaliodd Cyngor Cymuned Manordeilo a Salem eu cyfarfod am 7.30yh ar 13eg Mawrth 2019 "
             "yn yr Ystafell Ddarllen, Cwmifor."),
    ("head", "YN BRESENNOL"),
    ("para", "Y Cynghorwyr Alun Davies, Arwel Davies, Kim Davies, Gwenfyl Evans, Hubert Gwynne, "
             "Peter Harries, Owen Williams a'r Cynghorydd Sir Joseph Davies."),
    ("head", "1. CROESO AC YMDDIHEURIADAU"),
    ("para", "Cymerodd y Cyng. Alun Davies y Gadair a chroesawodd bawb i'r cyfarfod. Derbyniwyd "
             "ymddiheuriadau gan y Cynghorwyr Dorian Jenkins, Doris Jones, William Loynton ac Andrew Thomas."),
    ("head", "2. CADARNHAU COFNODION Y CYFARFOD ARBENNIG 6ed CHWEFROR 2019"),
    ("para", "Cynigiwyd gan y Cyng. J. Davies ac eiliwyd gan y Cyng. O. Williams."),
    ("para", "PENDERFYNWYD fod cofnodion y cyfarfod arbennig a gynhaliwyd ar 6ed Chwefror 2019, fel y'u "
             "teipiwyd ac y'u dosbarthwyd, yn gywir."),
    ("head", "3. CADARNHAU COFNODION Y CYFARFOD DIWETHAF"),
    ("para", "Mewn perthynas ag Eitem 10 ar yr Agenda, Ceisiadau Ariannol - Clwb Rygbi Iau Llandeilo, "
             "ychwanegir Datganiad o Fuddiant y Cyng. W. Loynton."),
    ("para", "PENDERFYNWYD: Gyda'r diwygiad hwn, fod y cofnodion fel y'u teipiwyd ac y'u dosbarthwyd yn gywir."),
    ("head", "4. DATGANIADAU O FUDDIANT"),
    ("para", "Gwnaed y Datganiadau o Fuddiant canlynol: Eitem 10 ar yr Agenda, datblygiad arfaethedig ar "
             "dir gyferbyn ag Ystafell Ddarllen Manordeilo - y Cynghorydd Sir J. Davies a'r Cyng. G. Evans."),
    ("head", "5. MATERION YN CODI"),
    ("para", "Roedd y bin sbwriel ychwanegol bellach yn ei le ar y lôn rhwng Meithrinfa Twts Tywi a "
             "Thŷ Gorsaf Glanrhyd ym Manordeilo."),
    ("para", "Trefnwyd sesiwn hyfforddi ar ddefnyddio diffibrilwyr gydag Elusen Calon Cariad ar gyfer "
             "nos Fawrth 7fed Mai yn Ystafell Ddarllen Manordeilo."),
    ("head", "6. GOHEBIAETH"),
    ("para", "i) Banc Lloyds, Cyfriflen dyddiedig 1af Mawrth 2019, Balans Credyd o £12,254.67. Nodwyd."),
    ("para", "ii) HSBC, Cyfriflen Banc dyddiedig 15fed Chwefror 2019, Balans Credyd o £21.49. Nodwyd."),
    ("para", "iii) Un Llais Cymru, adnewyddu aelodaeth. Cynigiwyd gan y Cyng. O. Williams, eiliwyd gan y "
             "Cyng. J. Davies a chytunwyd yn unfrydol i adnewyddu'r aelodaeth am gost o £236.00."),
    ("para", "iv) Cylch Meithrin Ffair-fach ynghylch cymorth ariannol. Cynigiwyd gan y Cyng. H. Gwynne, "
             "eiliwyd gan y Cyng. K. Davies a chytunwyd yn unfrydol i gyfrannu £50.00."),
    ("para", "v) Ambiwlans Awyr Cymru ynghylch cymorth ariannol. Cynigiwyd gan y Cyng. H. Gwynne, "
             "eiliwyd gan y Cyng. K. Davies a chytunwyd yn unfrydol i gyfrannu £50.00."),
    ("head", "7. ADOLYGU'R GYLLIDEB"),
    ("para", "Rhoddodd y Gyfriflen Banc dyddiedig 1af Mawrth 2019 falans credyd o £12,254.67."),
    ("head", "8. GOLEUADAU"),
    ("para", "Dim materion."),
    ("head", "9. LLWYBRAU CYHOEDDUS"),
    ("para", "Derbyniwyd llythyr gan Mr R. Evans yn gofyn am gefnogaeth i ailagor llwybr troed rhwng "
             "Eglwys Taliaris a Phlasty Taliaris."),
    ("para", "PENDERFYNWYD: Na ellid cefnogi hyn oherwydd y cyfyngiadau ariannol presennol."),
    ("head", "10. CYNLLUNIO"),
    ("para", "i) Ymgynghoriad Ffurfiol Cyn Ymgeisio ar Ddatblygiad Preswyl Arfaethedig (26 byngalo) a "
             "Maes Parcio Cymunedol ar Dir gyferbyn â Neuadd Bentref Cwmifor."),
    ("para", "Datganodd y Cynghorwyr J. Davies a G. Evans fuddiant eto ac ni chymerasant ran yn y drafodaeth."),
    ("para", "PENDERFYNWYD wrthwynebu'r datblygiad hwn ar y seiliau canlynol:"),
    ("bullet", "Byddai nifer yr anheddau arfaethedig yn anghymesur â maint presennol y pentref."),
    ("bullet", "Byddai'r cynnydd yn y traffig yn peri perygl ar ffordd sydd eisoes yn brysur."),
    ("bullet", "Byddai lleoliad y fynedfa arfaethedig yn niwsans i'r eiddo gyferbyn."),
    ("bullet", "Pryder am yr effaith ar yr iaith Gymraeg."),
    ("bullet", "Diffyg cyfleusterau yn y pentref a thrafnidiaeth gyhoeddus gyfyngedig."),
    ("bullet", "Pryder am y pwysau ar y system garthffosiaeth bresennol."),
    ("para", "ii) E/38510 Estyniad Llawr Cyntaf, Pistyll Gwyn, Capel Isaac. Dim gwrthwynebiad."),
    ("head", "11. CYFRIFON I'W TALU"),
    ("para", "Talwyd y symiau canlynol: i) C.C.C. Goleuadau Stryd, Siec Rhif 1302, £4,237.48; "
             "ii) Swyddfa Archwilio Cymru, Siec Rhif 1303, £161.25. CYFANSWM = £4,398.73."),
    ("head", "12. UNRHYW FATER ARALL"),
    ("para", "Cadarnhawyd bod y Cyng. A. Thomas wedi ei benodi i Gorff Llywodraethu Ysgol Gymraeg Teilo Sant."),
    ("para", "Gan nad oedd unrhyw fater arall, diolchodd y Cadeirydd i'r aelodau am eu presenoldeb a "
             "chaeodd y cyfarfod am 9.45yh."),
    ("para", "CADEIRYDD ……………………………… 10fed Ebrill 2019"),
]


def reportlab_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_CENTER
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Paragraph

    # A TrueType font, so that ŷ and ŵ are drawn (the standard 14 fonts lack them).
    fonts = "/usr/share/fonts/truetype/dejavu/"
    pdfmetrics.registerFont(TTFont("DejaVu", fonts + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", fonts + "DejaVuSans-Bold.ttf"))
    n = ParagraphStyle("n", fontName="DejaVu", fontSize=10.5, leading=13.5, spaceAfter=6)
    styles = {
        "title": ParagraphStyle("t", parent=n, fontName="DejaVu-Bold", fontSize=12, alignment=TA_CENTER),
        "head": ParagraphStyle("h", parent=n, fontName="DejaVu-Bold", spaceBefore=6),
        "para": n,
        "bullet": ParagraphStyle("b", parent=n, leftIndent=28, bulletIndent=12),
    }
    flow = []
    for kind, text in DOC:
        if kind == "bullet":
            flow.append(Paragraph(text, styles[kind], bulletText="•"))
        else:
            flow.append(Paragraph(text, styles[kind]))
    doc = SimpleDocTemplate(path, pagesize=A4, title="Cofnodion 13 Mawrth 2019", author="Clerc",
                            leftMargin=60, rightMargin=60, topMargin=60, bottomMargin=60, invariant=1)
    doc.build(flow)


def docx_pdf(path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = Document()
    d.styles["Normal"].font.name = "Liberation Sans"
    d.styles["Normal"].font.size = Pt(11)
    for kind, text in DOC:
        if kind == "bullet":
            d.add_paragraph(text, style="List Bullet")
            continue
        p = d.add_paragraph()
        r = p.add_run(text)
        if kind in ("title", "head"):
            r.bold = True
        if kind == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "minutes-cy-manordeilo-docx.docx")
        d.save(src)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src], check=True,
                       stdout=subprocess.DEVNULL)
        os.replace(os.path.join(tmp, "minutes-cy-manordeilo-docx.pdf"), path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    reportlab_pdf(os.path.join(OUT, "minutes-cy-manordeilo-reportlab.pdf"))
    docx_pdf(os.path.join(OUT, "minutes-cy-manordeilo-docx.pdf"))
