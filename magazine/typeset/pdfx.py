"""Finish the PDFs as WeasyPrint writes them (its finishers): for the press, crop marks
outside the bleed in registration colour (on every plate), on a sheet made larger for them,
no link annotations on the pages (PDF/X keeps interactive things off the printed area), and
a document ID that names the issue and edition instead of a random one, so that two
builds of the same edition are the same file; in every PDF, font subset tags made from the
subset itself (WeasyPrint makes them from the font, so two editions' different subsets of
one font share a tag, and a prepress tool merging their pages mixes the glyphs up)."""

import hashlib
import re
import string
import uuid

import pydyf

MM = 72 / 25.4
GAP = 2 * MM                    # between the bleed's edge and a mark
MARK = 5 * MM                   # a crop mark's length
SLUG = GAP + MARK + 1 * MM      # the sheet beyond the bleed box, holding the marks
MARK_WIDTH = 0.25               # pt
REGISTRATION = "Registration"   # the colour space's name in the pages' resources
_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")


def press_finisher(name: str, condition: str):
    """Return WeasyPrint's finisher for the print PDF of `name` ("01/sr-Latn"), printed in
    `condition` ("FOGRA39": the output intent's print condition, when it is a registered
    one)."""
    def finish(_document, pdf: pydyf.PDF) -> None:
        registration = _registration()
        for number in pdf.pages["Kids"][::3]:
            page = pdf.objects[number]
            _crop_marks(pdf, page, registration)
            page.pop("Annots", None)            # links are for screens: none on the press's page
        _name_document(pdf, name)
        if condition:
            for intent in pdf.catalog.get("OutputIntents", ()):
                intent["OutputConditionIdentifier"] = pydyf.String(condition)
                intent["RegistryName"] = pydyf.String("http://www.color.org")
        subset_tags(_document, pdf)
    return finish


def subset_tags(_document, pdf: pydyf.PDF) -> None:
    """Tag every embedded font subset by a digest of the subset's own file."""
    renamed = {}
    dictionaries = list(_dictionaries(pdf.objects))
    for descriptor in dictionaries:
        if b"+" not in bytes(descriptor.get("FontName", b"")):
            continue
        files = [descriptor[key] for key in ("FontFile", "FontFile2", "FontFile3")
                 if key in descriptor]
        if not files:
            continue
        data = b"".join(part if isinstance(part, bytes) else str(part).encode()
                        for part in _object(pdf, files[0]).stream)
        digest = hashlib.sha256(data).digest()
        tag = "".join(string.ascii_uppercase[b % 26] for b in digest[:6]).encode()
        old = bytes(descriptor["FontName"])
        renamed[old] = b"/" + tag + old[old.index(b"+"):]
    for entry in dictionaries:
        for key in ("FontName", "BaseFont"):
            if entry.get(key) in renamed:
                entry[key] = renamed[entry[key]]


def _dictionaries(values):
    """Yield every dictionary among the values and inside them."""
    for value in values:
        if isinstance(value, pydyf.Dictionary):
            yield value
            yield from _dictionaries(value.values())
        elif isinstance(value, (pydyf.Array, list, tuple)):
            yield from _dictionaries(value)


def _registration() -> pydyf.Array:
    """Return the Separation colour space "All": a mark in it prints on every plate."""
    return pydyf.Array(("/Separation", "/All", "/DeviceCMYK", pydyf.Dictionary({
        "FunctionType": 2, "Domain": pydyf.Array((0, 1)), "C0": pydyf.Array((0, 0, 0, 0)),
        "C1": pydyf.Array((1, 1, 1, 1)), "N": 1})))


def _crop_marks(pdf: pydyf.PDF, page: pydyf.Dictionary, registration: pydyf.Array) -> None:
    x0, y0, x1, y1 = page["TrimBox"]
    bx0, by0, bx1, by1 = page["BleedBox"]
    page["MediaBox"] = pydyf.Array((bx0 - SLUG, by0 - SLUG, bx1 + SLUG, by1 + SLUG))
    # WeasyPrint's content leaves its own coordinates (a flip) in force: the page's content
    # goes inside q … Q, and the marks are drawn after it in the page's coordinates
    opening = pydyf.Stream([b"q"])
    pdf.add_object(opening)
    marks = pydyf.Stream()
    marks.pop_state()
    marks.push_state()
    marks.set_color_space(REGISTRATION, stroke=True)
    marks.set_color_special(None, True, 1)
    marks.set_line_width(MARK_WIDTH)
    for x, left in ((x0, bx0), (x1, bx1)):          # the trim's corners, seen from outside
        for y, low in ((y0, by0), (y1, by1)):
            out_x = -1 if left == bx0 else 1
            out_y = -1 if low == by0 else 1
            start_x, start_y = left + out_x * GAP, low + out_y * GAP
            marks.move_to(start_x, y)                          # beside the trim's edge
            marks.line_to(start_x + out_x * MARK, y)
            marks.move_to(x, start_y)                          # above or below it
            marks.line_to(x, start_y + out_y * MARK)
    marks.stroke()
    marks.pop_state()
    pdf.add_object(marks)
    page["Contents"] = pydyf.Array((opening.reference, page["Contents"], marks.reference))
    resources = _object(pdf, page["Resources"])
    spaces = _object(pdf, resources.setdefault("ColorSpace", pydyf.Dictionary()))
    spaces[REGISTRATION] = registration


def _object(pdf: pydyf.PDF, value):
    """Return the object a reference (b"12 0 R") names, or the value itself."""
    return pdf.objects[int(value.split()[0])] if isinstance(value, bytes) else value


def _name_document(pdf: pydyf.PDF, name: str) -> None:
    """Give the XMP metadata a document ID made from the edition's name."""
    metadata = _object(pdf, pdf.catalog["Metadata"])
    stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'infocluster:' + name)}".encode()
    metadata.stream = [_DOCUMENT_ID.sub(stable, part if isinstance(part, bytes)
                                        else part.encode()) for part in metadata.stream]
