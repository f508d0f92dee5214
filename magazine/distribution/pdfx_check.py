"""A print shop's preflight of a PDF/X-4 file, read from the file itself: its version and
identification, the CMYK output intent, Trapped, no RGB colour left anywhere (content
operators, colour spaces, images, shadings, transparency groups), and every image at 300 dpi
or more at the size it prints, including full-page pictures and the cover. Each breach is one
line."""

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
)

MIN_DPI = 300
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
RGB_OPERATORS = {b"rg", b"RG"}
COLOUR_OPERATORS = {b"g", b"G", b"rg", b"RG", b"k", b"K", b"sc", b"SC", b"scn", b"SCN"}
RGB_SPACES = {"/DeviceRGB", "/CalRGB", "/RGB"}


def pdfx_problems(path) -> list[str]:
    """Return every breach of PDF/X-4 in a print PDF, one line each."""
    reader = PdfReader(path)
    problems = []
    version = reader.pdf_header.removeprefix("%PDF-")
    if version < "1.6":
        problems.append(f"PDF {version}: PDF/X-4 needs PDF 1.6 or later")
    xmp = reader.root_object.get("/Metadata")
    if xmp is None or b"<pdfxid:GTS_PDFXVersion>PDF/X-4" not in xmp.get_object().get_data():
        problems.append("no PDF/X-4 identification (pdfxid:GTS_PDFXVersion) in the metadata")
    info = dict(reader.metadata or {})
    if str(info.get("/Trapped", "")) not in ("/True", "/False"):
        problems.append("Trapped is not set to True or False")
    problems += _output_intent(reader)
    for number, page in enumerate(reader.pages, 1):
        problems += [f"page {number}: {problem}" for problem in scan_page(page).problems]
    return sorted(set(problems), key=problems.index)


def scan_page(page) -> "_Scan":
    """Follow everything a page paints: its content, the forms, patterns and images it draws
    and its annotations' appearances; the scan holds the problems and the colours set."""
    scan = _Scan()
    scan.resources(page.get("/Resources"))
    scan.group(page, "the page")
    contents = page.get_contents()
    scan.content(contents.operations if contents is not None else [], page.get("/Resources"),
                 IDENTITY)
    for annotation in page.get("/Annots", []):
        appearance = _resolve(_resolve(annotation).get("/AP"))
        if isinstance(appearance, DictionaryObject):
            normal = _resolve(appearance.get("/N"))
            forms = [normal] if "/Subtype" in normal else list(normal.values())
            for form in forms:
                scan.draw("(an annotation's appearance)", form, IDENTITY)
    return scan


def _output_intent(reader: PdfReader) -> list[str]:
    intents = [i.get_object() for i in reader.root_object.get("/OutputIntents", [])]
    pdfx = [i for i in intents if i.get("/S") == "/GTS_PDFX"]
    if len(pdfx) != 1:
        return ["no GTS_PDFX output intent" if not pdfx else "more than one PDF/X output intent"]
    profile = pdfx[0].get("/DestOutputProfile")
    if profile is None:
        return ["the output intent has no profile (DestOutputProfile)"]
    data = profile.get_object().get_data()
    if profile.get_object().get("/N") != 4 or data[16:20] != b"CMYK":
        return ["the output intent's profile is not a CMYK profile"]
    return []


def _multiply(a, b):
    """Return the matrix a × b (PDF's [a b c d e f] order)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


class _Scan:
    """One page's colours and images, followed into its forms and patterns."""

    def __init__(self):
        self.problems: list[str] = []
        self.seen: set = set()
        self.colours: set[tuple] = set()      # (operator, its numbers): each colour set

    def resources(self, resources) -> None:
        resources = _resolve(resources)
        if not isinstance(resources, DictionaryObject):
            return
        for name, space in _resolve(resources.get("/ColorSpace", {})).items():
            if _is_rgb(space):
                self.problems.append(f"RGB colour space {name}")
        for name, shading in _resolve(resources.get("/Shading", {})).items():
            if _is_rgb(_resolve(shading).get("/ColorSpace")):
                self.problems.append(f"RGB shading {name}")
        for name, pattern in _resolve(resources.get("/Pattern", {})).items():
            pattern = _resolve(pattern)
            shading = _resolve(pattern.get("/Shading"))
            if isinstance(shading, DictionaryObject) and _is_rgb(shading.get("/ColorSpace")):
                self.problems.append(f"RGB shading in pattern {name}")
            if "/Resources" in pattern:
                self.resources(pattern["/Resources"])
            if pattern.get("/PatternType") == 1:            # tiling: content of its own
                matrix = tuple(float(v) for v in pattern.get("/Matrix", IDENTITY))
                self.content(ContentStream(pattern, None).operations,
                             pattern.get("/Resources"), matrix)
        for name, state in _resolve(resources.get("/ExtGState", {})).items():
            mask = _resolve(_resolve(state).get("/SMask"))
            if isinstance(mask, DictionaryObject) and "/G" in mask:
                self.group(mask["/G"], f"soft mask {name}")

    def group(self, form, what: str) -> None:
        """Note a page's or a form's transparency group blended in RGB."""
        group = _resolve(_resolve(form).get("/Group"))
        if isinstance(group, DictionaryObject) and _is_rgb(group.get("/CS")):
            self.problems.append(f"RGB transparency group ({what})")

    def content(self, operations, resources, ctm) -> None:
        """Follow a content stream's operations: its RGB operators, and the images it draws
        (their resolution at the size drawn) and the forms it calls, with their resources."""
        resources = _resolve(resources) or DictionaryObject()
        objects = _resolve(resources.get("/XObject", {}))
        states = [ctm]
        spaces = _resolve(resources.get("/ColorSpace", {}))
        for operands, operator in operations:
            if operator in COLOUR_OPERATORS and all(
                    isinstance(v, (FloatObject, NumberObject)) for v in operands):
                self.colours.add((operator, tuple(round(float(v), 3) for v in operands)))
            if operator in RGB_OPERATORS:
                self.problems.append("DeviceRGB colour in the page's content")
            elif operator in (b"cs", b"CS") and str(operands[0]) in RGB_SPACES:
                self.problems.append(f"colour space {operands[0]} in the page's content")
            elif operator == b"INLINE IMAGE":
                space = operands["settings"].get("/CS", operands["settings"].get("/ColorSpace"))
                if _is_rgb(spaces.get(space, space) if isinstance(space, NameObject) else space):
                    self.problems.append("an inline image is in RGB")
            elif operator == b"q":
                states.append(states[-1])
            elif operator == b"Q" and len(states) > 1:
                states.pop()
            elif operator == b"cm":
                states[-1] = _multiply(tuple(float(v) for v in operands), states[-1])
            elif operator == b"Do":
                self.draw(str(operands[0]), objects.get(operands[0]), states[-1])

    def draw(self, name: str, reference, ctm) -> None:
        """Check an image or a form drawn with the matrix `ctm`."""
        drawn = _resolve(reference)
        if not isinstance(drawn, DictionaryObject):
            return
        if drawn.get("/Subtype") == "/Image":
            if _is_rgb(drawn.get("/ColorSpace")):
                self.problems.append(f"image {name} is in RGB")
            width = (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5 / 72         # inches on the page
            height = (ctm[2] ** 2 + ctm[3] ** 2) ** 0.5 / 72
            if width and height:
                dpi = min(float(str(drawn["/Width"])) / width,
                          float(str(drawn["/Height"])) / height)
                if dpi < MIN_DPI - 0.5:
                    self.problems.append(f"image {name} prints at {dpi:.0f} dpi (under "
                                         f"{MIN_DPI}); use a larger image")
            return
        if drawn.get("/Subtype") == "/Form":
            key = (id(drawn), ctm)
            if key in self.seen:
                return
            self.seen.add(key)
            self.group(drawn, f"form {name}")
            self.resources(drawn.get("/Resources"))
            matrix = tuple(float(v) for v in drawn.get("/Matrix", IDENTITY))
            self.content(ContentStream(drawn, None).operations, drawn.get("/Resources"),
                         _multiply(matrix, ctm))


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _is_rgb(space) -> bool:
    """Say whether a colour space is RGB: DeviceRGB, CalRGB, an ICC profile with three
    components, or an indexed or separation space on one of those."""
    space = _resolve(space)
    if isinstance(space, NameObject):
        return str(space) in RGB_SPACES
    if isinstance(space, ArrayObject) and space:
        kind = str(_resolve(space[0]))
        if kind == "/ICCBased":
            return _resolve(space[1]).get("/N") == 3
        if kind == "/CalRGB":
            return True
        if kind == "/Indexed":
            return _is_rgb(space[1])
        if kind in ("/Separation", "/DeviceN"):
            return _is_rgb(space[2])
    return False
