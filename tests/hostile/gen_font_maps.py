#!/usr/bin/env python3
"""Hostile and odd font CMaps (issue 21, round 2): ToUnicode maps that are no stream, sit behind
filter chains, chain through /UseCMap (to themselves, in a loop), or nest 100,000 deep inside a
font written in place; Type0 fonts whose /Encoding is an embedded CMap that is garbage, nested
100,000 deep, a direct dictionary, overflows 32-bit CIDs, or names itself by /UseCMap.

Every file shows one line, "Minutes of the meeting held on 3 October 2022", which pdftotext
reads. Where a file's ToUnicode map must be used to read it, the page's codes are shifted (the
map is the only way back to the text), so a reader that drops the map reads nonsense.

Remake (standard library only; the PDFs are committed, CI never runs this):
    python3 tests/hostile/gen_font_maps.py
"""
import base64
import os
import zlib

TEXT = "Minutes of the meeting held on 3 October 2022"
HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects):
    """objects: list of bytes bodies for objects 1..n (object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def cmap(body, name=b"Custom"):
    return (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /" + name + b" def\n/CMapType 2 def\n" + body +
        b"\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )


# Simple-font ToUnicode: byte b shows the character b - 1 (the page's codes are shifted by one).
SHIFTED_TO_UNICODE = cmap(b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                          b"1 beginbfrange\n<21> <7F> <0020>\nendbfrange")
# Type0 ToUnicode: CID c shows the character c (the page's codes are the code points).
CID_TO_UNICODE = cmap(b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                      b"1 beginbfrange\n<0020> <007E> <0020>\nendbfrange")
IDENTITY_ENCODING = cmap(b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                         b"1 begincidrange\n<0000> <FFFF> 0\nendcidrange", b"Identity-Embedded")
NESTED = b"[" * 100_000 + b"]" * 100_000


def hexstr(codes, width):
    return b"<" + b"".join(b"%0*X" % (width, c) for c in codes) + b">"


def page_objects(font, shifted=False, cid=False):
    """Catalog, pages, page, content; `font` is the font's dictionary text (object 5 onwards are
    the caller's)."""
    if cid:
        shown = hexstr([ord(c) for c in TEXT], 4)
    elif shifted:
        shown = hexstr([ord(c) + 1 for c in TEXT], 2)
    else:
        shown = b"(" + TEXT.encode() + b")"
    content = b"BT /F1 14 Tf 72 700 Td " + shown + b" Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 " + font + b" >> >> >>",
        stream(content),
    ]


def simple_font(to_unicode):
    return (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
            b" /ToUnicode " + to_unicode + b" >>")


def type0_font(encoding, to_unicode=b"7 0 R"):
    return (b"<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding " + encoding +
            b" /ToUnicode " + to_unicode + b" /DescendantFonts [6 0 R] >>")


DESCENDANT = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica"
              b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
              b" /FontDescriptor 8 0 R /DW 556 >>")
DESCRIPTOR = (b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 1000 931]"
              b" /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 >>")


def type0_file(encoding_ref, encoding_obj):
    """Objects 5 (the encoding, or a placeholder), 6 descendant, 7 ToUnicode, 8 descriptor."""
    return pdf(page_objects(type0_font(encoding_ref), cid=True) +
               [encoding_obj, DESCENDANT, stream(CID_TO_UNICODE), DESCRIPTOR])


def hex_flate(data):
    return zlib.compress(data).hex().upper().encode() + b">"


FILES = {
    # ToUnicode maps.
    "tounicode-direct-dictionary.pdf": pdf(page_objects(simple_font(b"<< /Length 0 /Filter /FlateDecode >>"))),
    "tounicode-name-not-identity.pdf": pdf(page_objects(simple_font(b"/Custom-UCS"))),
    "tounicode-ahx-flate-chain.pdf": pdf(page_objects(simple_font(b"5 0 R"), shifted=True) + [
        stream(hex_flate(SHIFTED_TO_UNICODE), b"/Filter [/ASCIIHexDecode /FlateDecode] ")]),
    "tounicode-a85-flate-chain.pdf": pdf(page_objects(simple_font(b"5 0 R"), shifted=True) + [
        stream(base64.a85encode(zlib.compress(SHIFTED_TO_UNICODE)) + b"~>",
               b"/Filter [/ASCII85Decode /FlateDecode] ")]),
    "tounicode-usecmap-self.pdf": pdf(page_objects(simple_font(b"5 0 R"), shifted=True) + [
        stream(SHIFTED_TO_UNICODE, b"/UseCMap 5 0 R ")]),
    "tounicode-usecmap-loop-of-3.pdf": pdf(page_objects(simple_font(b"5 0 R"), shifted=True) + [
        stream(SHIFTED_TO_UNICODE, b"/UseCMap 6 0 R "),
        stream(SHIFTED_TO_UNICODE, b"/UseCMap 7 0 R "),
        stream(SHIFTED_TO_UNICODE, b"/UseCMap 5 0 R ")]),
    # The font is written inside the page's resources, not as an object of its own.
    "tounicode-nested-100k-in-direct-font.pdf": pdf(page_objects(simple_font(b"5 0 R")) + [
        stream(cmap(b"1 beginbfchar\n<41> <0041>\nendbfchar\n" + NESTED))]),
    # Type0 fonts with an embedded CMap as /Encoding.
    "type0-encoding-cmap-garbage.pdf": type0_file(
        b"5 0 R", stream(bytes((i * 151 + 7) % 256 for i in range(4096)))),
    "type0-encoding-cmap-nested-100k.pdf": type0_file(
        b"5 0 R", stream(cmap(b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + NESTED))),
    "type0-encoding-direct-dictionary.pdf": type0_file(
        b"<< /Type /CMap /CMapName /Broken >>", b"<< /Unused true >>"),
    "type0-encoding-cid-overflow.pdf": type0_file(
        b"5 0 R", stream(cmap(b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                              b"1 begincidrange\n<0000> <FFFF> 4294967295\nendcidrange"))),
    "type0-encoding-cmap-usecmap-self.pdf": type0_file(
        b"5 0 R", stream(IDENTITY_ENCODING, b"/Type /CMap /UseCMap 5 0 R ")),
}

if __name__ == "__main__":
    for name, data in FILES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(name, len(data))
