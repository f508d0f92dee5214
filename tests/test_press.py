"""The print PDF as a print shop's preflight and its plates see it, and the EU programme's
emblem and words in every edition and format."""

import io
import subprocess
import zipfile
from pathlib import Path

import pypdfium2
import pytest
from conftest import REPO, make_project, run_magazine
from PIL import Image, ImageCms
from pypdf import PdfReader
from weasyprint import HTML

from magazine.build import build_issue, output_name
from magazine.distribution.funding_check import funding_problems
from magazine.distribution.pdfx_check import pdfx_problems
from magazine.errors import ManifestError, RenderError
from magazine.languages import EDITIONS
from magazine.model import Output, Project
from magazine.sources.issue import load_issue
from magazine.typeset.press import Press

MM = 72 / 25.4
DPI = 100
BODY_PX = 10 * 4 / 3                # --body-size in magazine.css, as pdfium reads its text
STATEMENTS = {"sr-Latn": "Sufinansira Evropska unija", "sr-Cyrl": "Суфинансира Европска унија",
              "bg": "Съфинансирано от Европейския съюз", "en": "Co-funded by the European Union"}


def pdf(sample, edition: str, fmt: str) -> Path:
    project, _ = sample
    return project.build / "01" / output_name("01", edition, fmt)


def separations(path: Path, page: int, out: Path) -> dict[str, Image.Image]:
    """Return the page's plates as Ghostscript's tiffsep separates them (0: full ink)."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffsep", f"-r{DPI}",
                    f"-dFirstPage={page}", f"-dLastPage={page}",
                    f"-sOutputFile={out / 'sep.tif'}", str(path)], check=True)
    return {ink: Image.open(out / f"sep({ink}).tif").convert("L")
            for ink in ("Cyan", "Magenta", "Yellow", "Black")}


def body_characters(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """Return the boxes (PDF points) of the body text's characters on a page: the body font
    at the body size, in a neutral colour (pdfium's rendering of it; links are teal)."""
    document = pypdfium2.PdfDocument(str(path))
    text = document[page - 1].get_textpage()
    boxes = []
    buffer = (pypdfium2.raw.c_char * 128)()
    for n in range(text.count_chars()):
        if text.get_text_range(n, 1).isspace():
            continue
        size = pypdfium2.raw.FPDFText_GetFontSize(text.raw, n)
        flags = pypdfium2.raw.c_int()
        length = pypdfium2.raw.FPDFText_GetFontInfo(text.raw, n, buffer, 128, flags)
        font = bytes(buffer[:max(0, length - 1)]).decode("latin-1")
        rgba = [pypdfium2.raw.c_uint() for _ in range(4)]
        pypdfium2.raw.FPDFText_GetFillColor(text.raw, n, *rgba)
        neutral = max(c.value for c in rgba[:3]) - min(c.value for c in rgba[:3]) < 40
        regular = font.split("+")[-1].rstrip(",") == "Source-Serif-4"
        if abs(size - BODY_PX) < 0.05 and regular and neutral:
            boxes.append(text.get_charbox(n))
    return boxes


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_print_pdf_passes_a_pdfx4_preflight_and_the_screen_pdf_would_not(sample, edition):
    assert pdfx_problems(pdf(sample, edition, "print")) == []
    screen = pdfx_problems(pdf(sample, edition, "screen"))
    assert "no GTS_PDFX output intent" in screen
    assert any("DeviceRGB" in problem for problem in screen)
    reader = PdfReader(pdf(sample, edition, "print"))
    [intent] = reader.root_object["/OutputIntents"]
    assert intent.get_object()["/OutputConditionIdentifier"] == "FOGRA39"


@pytest.mark.build
def test_body_text_is_on_the_black_plate_alone(sample, tmp_path):
    path = pdf(sample, "sr-Latn", "print")
    plates = separations(path, 3, tmp_path)
    media = [float(v) for v in PdfReader(path).pages[2].mediabox]
    boxes = body_characters(path, 3)
    assert len(boxes) > 1000                                   # a page of body text
    assert not PdfReader(path).pages[2].get("/Annots")         # no links on the press's page
    inked = 0
    for left, bottom, right, top in boxes:
        area = (round((left - media[0]) * DPI / 72), round((media[3] - top) * DPI / 72),
                round((right - media[0]) * DPI / 72) + 1, round((media[3] - bottom) * DPI / 72) + 1)
        for ink in ("Cyan", "Magenta", "Yellow"):
            assert plates[ink].crop(area).getextrema()[0] == 255, (ink, area)
        inked += plates["Black"].crop(area).getextrema()[0] < 128
    assert inked > 0.95 * len(boxes)


@pytest.mark.build
def test_crop_marks_print_on_every_plate_outside_the_bleed(sample, tmp_path):
    path = pdf(sample, "en", "print")
    page = PdfReader(path).pages[0]                             # the cover: art in the bleed
    media, bleed = [float(v) for v in page.mediabox], [float(v) for v in page.bleedbox]
    trim = [float(v) for v in page.trimbox]
    assert media[0] <= bleed[0] - 5 * MM and media[2] >= bleed[2] + 5 * MM
    plates = separations(path, 1, tmp_path)

    def inked(x: float, y: float) -> dict[str, bool]:
        px, py = round((x - media[0]) * DPI / 72), round((media[3] - y) * DPI / 72)
        return {ink: plate.crop((px - 2, py - 2, px + 3, py + 3)).getextrema()[0] < 128
                for ink, plate in plates.items()}
    every = dict.fromkeys(plates, True)
    # the eight marks, out in the slug, each on the line of a trim edge: on all four plates
    for x in (trim[0], trim[2]):
        for y, outward in ((bleed[1], -1), (bleed[3], 1)):
            assert inked(x, y + outward * 4 * MM) == every, (x, y)
    for y in (trim[1], trim[3]):
        for x, outward in ((bleed[0], -1), (bleed[2], 1)):
            assert inked(x + outward * 4 * MM, y) == every, (x, y)
    # between the marks the slug is blank, and inside the bleed the art has no mark on it:
    # the cover's tint there is on no black plate
    assert not any(inked(media[0] + 1 * MM, (media[1] + media[3]) / 2).values())
    assert not inked(bleed[0] + 1 * MM, trim[3] + 1 * MM)["Black"]


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_carries_the_emblem_and_the_statement(sample, edition):
    project, _ = sample
    issue = load_issue(project, "01")
    for fmt in ("print", "screen"):
        out = Output(pdf(sample, edition, fmt), edition, fmt, None, 0, (), (), 0)
        assert funding_problems(issue, out) == []
    reader = PdfReader(pdf(sample, edition, "screen"))
    words = " ".join(reader.pages[1].extract_text().split())
    assert STATEMENTS[edition] in " ".join(reader.pages[0].extract_text().split())
    assert issue.funding.disclaimer[EDITIONS[edition].language][:30] in words or \
        edition == "sr-Cyrl" and "Ова публикација је израђена" in words


def test_the_checks_find_a_missing_emblem_and_statement(tmp_path):
    project = Project(REPO)
    issue = load_issue(project, "01")
    plain = tmp_path / "plain.pdf"
    HTML(string="<p>Co-funded by the European Union</p>").write_pdf(plain)
    problems = funding_problems(issue, Output(plain, "en", "screen", 1, 0, (), (), 0))
    assert problems == ["the cover lacks the EU emblem", "the back cover lacks the EU emblem"]
    problems = funding_problems(issue, Output(plain, "bg", "screen", 1, 0, (), (), 0))
    assert "the cover lacks the statement 'Съфинансирано от Европейския съюз'" in problems
    book = tmp_path / "book.epub"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("EPUB/text/ch001.xhtml", "<html><body><p>No imprint</p></body></html>")
    assert funding_problems(issue, Output(book, "en", "epub", None, 0, (), (), 0)) == [
        "the e-book has no imprint (the emblem, the statement and the disclaimer)"]


def test_an_rgb_pdf_fails_the_pdfx_preflight(tmp_path):
    path = tmp_path / "rgb.pdf"
    HTML(string="<p style='color: #2a9d8f'>teal</p>").write_pdf(path)
    problems = pdfx_problems(path)
    assert "no GTS_PDFX output intent" in problems
    assert "no PDF/X-4 identification (pdfxid:GTS_PDFXVersion) in the metadata" in problems
    assert "page 1: DeviceRGB colour in the page's content" in problems


# --- Colours and pictures

def test_palette_colours_go_to_the_press_as_the_designer_wrote_them():
    press = Press.of(REPO / "styles")
    assert press.cmyk((0x1b, 0x24, 0x30)) == (0, 0, 0, 1)          # --ink: black plate only
    assert press.cmyk((0x00, 0x33, 0x99)) == (1, 0.8, 0, 0)        # the emblem's blue
    assert press.cmyk((128, 128, 128))[:3] == (0, 0, 0)            # a grey: black plate only
    c, m, y, k = press.cmyk((200, 30, 40))                         # any other: the profile's
    assert m > 0.8 and y > 0.6 and c < 0.15
    svg = press.svg(b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#003399"/>'
                    b'<text style="fill: #1b2430">x</text></svg>', "a.svg").decode()
    assert 'fill="device-cmyk(1 0.8 0 0)"' in svg and "fill: device-cmyk(0 0 0 1)" in svg
    assert svg.startswith('<svg fill="device-cmyk(0 0 0 1)"')     # unpainted text: K only


def test_an_svg_gradient_is_refused_for_the_press_with_a_way_out():
    press = Press.of(REPO / "styles")
    with pytest.raises(RenderError, match="draw it in flat colours"):
        press.svg(b"<svg><linearGradient id='g'/></svg>", "media/fade.svg")


def jpeg(image: Image.Image, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=95, **options)
    return out.getvalue()


def test_photos_are_converted_for_the_press_and_back_for_the_screen():
    press = Press.of(REPO / "styles")
    red = Image.new("RGB", (8, 8), (200, 30, 40))
    printed = Image.open(io.BytesIO(press.raster(jpeg(red), "red.jpg")))
    assert printed.mode == "CMYK"
    c, m, y, k = printed.getpixel((4, 4))
    assert m > 190 and y > 150 and c < 40                       # still red, in CMYK
    assert press.to_srgb(jpeg(red), "red.jpg") is None          # sRGB already: left alone
    # a photo that arrives in CMYK: left as it is for the press, made RGB for the screen
    cyan = jpeg(Image.new("CMYK", (8, 8), (255, 0, 0, 0)))
    assert press.raster(cyan, "cyan.jpg") is None               # goes to the press as it is
    screen = Image.open(io.BytesIO(press.to_srgb(cyan, "cyan.jpg")))
    r, g, b = screen.convert("RGB").getpixel((4, 4))
    assert screen.mode == "RGB" and r < 60 and g > 120 and b > 200
    # and one with its own profile is read through it
    tagged = jpeg(Image.new("CMYK", (8, 8), (255, 0, 0, 0)),
                  icc_profile=ImageCms.getOpenProfile(str(press.profile)).tobytes())
    again = Image.open(io.BytesIO(press.raster(tagged, "cyan-tagged.jpg")))
    assert again.mode == "CMYK" and again.getpixel((4, 4))[0] > 230


@pytest.mark.build
def test_a_cmyk_photo_prints_in_cmyk_and_shows_in_rgb(tmp_path):
    project = make_project(tmp_path)
    media = project.issues / "07" / "media"
    Image.new("CMYK", (1200, 800), (0, 200, 255, 0)).save(media / "orange.jpg", dpi=(300, 300))
    article = next((project.issues / "07" / "articles").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") +
                       "\n\n![Narandžasta površina](../media/orange.jpg)\n", encoding="utf-8")
    build_issue(project, "07", editions=["sr-Latn"])
    spaces = {}
    for fmt in ("print", "screen"):
        reader = PdfReader(project.build / "07" / output_name("07", "sr-Latn", fmt))
        spaces[fmt] = {str(x.get_object()["/ColorSpace"]) for page in reader.pages
                       for x in _images(page)}
    assert spaces == {"print": {"/DeviceCMYK"}, "screen": {"/DeviceRGB"}}
    with zipfile.ZipFile(project.build / "07" / output_name("07", "sr-Latn", "epub")) as book:
        photos = [Image.open(io.BytesIO(book.read(name))) for name in book.namelist()
                  if name.startswith("EPUB/media/") and name.endswith(".jpg")]
    assert [photo.mode for photo in photos] == ["RGB"]
    r, g, b = photos[0].getpixel((600, 400))
    assert r > 200 and 60 < g < 160 and b < 60                    # still orange on screen


def _images(page):
    """Yield the image XObjects a page draws, inside its forms too."""
    def walk(resources):
        for ref in (resources or {}).get("/XObject", {}).values():
            x = ref.get_object()
            if x.get("/Subtype") == "/Image":
                yield x
            elif x.get("/Subtype") == "/Form":
                yield from walk(x.get("/Resources"))
    yield from walk(page.get("/Resources"))


# --- The programme's words, set once

def test_an_issue_can_replace_the_statement_for_itself(project):
    manifest = project.issues / "07" / "issue.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + (
        "funding:\n  statement: {sr: Finansira Evropska unija, bg: Финансирано от "
        "Европейския съюз, en: Funded by the European Union}\n"), encoding="utf-8")
    issue = load_issue(project, "07")
    assert issue.funding.statement["en"] == "Funded by the European Union"
    assert issue.funding.disclaimer["en"].startswith("This publication")     # the magazine's


@pytest.mark.parametrize("change, message, line", [
    (("  en: \"Co-funded by the European Union\"\n", ""),
     "funding statement must give the text in each of sr, bg, en", 9),
    (("emblem: eu-emblem.svg", "emblem: ../../etc/passwd"),
     "funding emblem: styles/emblem/../../etc/passwd is not there", 7),
    (("programme-logo:", "logo: x.svg\nprogramme-logo:"), "unknown funding field 'logo'", 8),
])
def test_a_wrong_funding_file_is_named_with_its_line(project, change, message, line):
    path = project.issues / "funding.yaml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ManifestError, match=message) as caught:
        load_issue(project, "07")
    assert caught.value.line == line and caught.value.path == path


def test_a_project_without_funding_settings_is_told_what_to_write(project):
    (project.issues / "funding.yaml").unlink()
    done = run_magazine(project, "build", "07", "-e", "en", "-f", "print")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "write issues/funding.yaml" in done.stderr


def test_the_shipped_profile_is_the_one_the_script_makes_reproducible():
    """The shipped profile's header carries the script's fixed date and a profile ID that
    matches its bytes (what scripts/make_cmyk_profile.py writes)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_cmyk_profile",
                                                  REPO / "scripts/make_cmyk_profile.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = (REPO / "styles/colour/FOGRA39L-coated.icc").read_bytes()
    assert script.reproducible(shipped) == shipped
    assert shipped[36:40] == b"acsp" and shipped[16:20] == b"CMYK"


# --- The preflight finds RGB wherever a PDF can hide it

def tiny_pdf(path: Path, content: bytes, resources=None, extra=None, objects=()) -> Path:
    """Write a one-page PDF with a content stream, resources and page entries."""
    import pydyf
    pdf = pydyf.PDF()
    for entry in objects:
        pdf.add_object(entry)
    stream = pydyf.Stream([content])
    pdf.add_object(stream)
    page = pydyf.Dictionary({"Type": "/Page", "Parent": pdf.pages.reference,
                             "MediaBox": pydyf.Array([0, 0, 100, 100]),
                             "Contents": stream.reference,
                             "Resources": pydyf.Dictionary(resources or {})})
    page.update(extra() if callable(extra) else extra or {})
    pdf.add_page(page)
    with open(path, "wb") as out:
        pdf.write(out)
    return path


def test_the_preflight_finds_rgb_in_every_hiding_place(tmp_path):
    import pydyf
    red = b"1 0 0 rg 0 0 5 5 re f"
    form = pydyf.Stream([red], pydyf.Dictionary({"Type": "/XObject", "Subtype": "/Form",
                                                 "BBox": pydyf.Array([0, 0, 5, 5])}))
    tile = pydyf.Stream([red], pydyf.Dictionary({
        "Type": "/Pattern", "PatternType": 1, "PaintType": 1, "TilingType": 1,
        "BBox": pydyf.Array([0, 0, 5, 5]), "XStep": 5, "YStep": 5,
        "Resources": pydyf.Dictionary({})}))
    cases = {
        "colour space /DeviceRGB in the page's content":
            tiny_pdf(tmp_path / "cs.pdf", b"/DeviceRGB cs 1 0 0 sc 0 0 9 9 re f"),
        "an inline image is in RGB":
            tiny_pdf(tmp_path / "inline.pdf",
                     b"q 9 0 0 9 0 0 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\x00\x00 EI Q"),
        "RGB transparency group (the page)":
            tiny_pdf(tmp_path / "group.pdf", b"0 g 0 0 9 9 re f", extra={"Group": pydyf.Dictionary(
                {"Type": "/Group", "S": "/Transparency", "CS": "/DeviceRGB"})}),
    }
    annotation = pydyf.Dictionary({"Type": "/Annot", "Subtype": "/Square",
                                   "Rect": pydyf.Array([0, 0, 5, 5])})

    def annotated() -> dict:                    # once the form and the annotation are numbered
        annotation["AP"] = pydyf.Dictionary({"N": form.reference})
        return {"Annots": pydyf.Array([annotation.reference])}
    annotation_pdf = tiny_pdf(tmp_path / "annotation.pdf", b"0 g", objects=[form, annotation],
                              extra=annotated)
    cases["DeviceRGB colour in the page's content"] = annotation_pdf
    pattern_pdf = tiny_pdf(tmp_path / "pattern.pdf", b"/Pattern cs /P0 scn 0 0 9 9 re f",
                           objects=[tile], extra=lambda: {"Resources": pydyf.Dictionary(
                               {"Pattern": pydyf.Dictionary({"P0": tile.reference})})})
    for problem, path in [*cases.items(), ("DeviceRGB colour in the page's content",
                                           pattern_pdf)]:
        assert f"page 1: {problem}" in pdfx_problems(path), path.name
    assert not [p for p in pdfx_problems(tiny_pdf(tmp_path / "k.pdf", b"0 0 0 1 k 0 0 9 9 re f"))
                if p.startswith("page")]                    # CMYK alone: nothing to say


def test_svg_colours_in_styles_and_other_notations_go_to_the_press():
    press = Press.of(REPO / "styles")
    svg = press.svg(b'<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><style>.a{fill:#2a9d8f}'
                    b'</style><svg:rect fill="hsl(0, 100%, 50%)" stroke="currentColor"/>'
                    b'<svg:rect fill="url(#p)"/><svg:rect fill="none"/></svg:svg>',
                    "a.svg").decode()
    assert ".a{fill:device-cmyk(0.75 0 0.45 0.15)}" in svg       # the palette's teal
    assert 'fill="device-cmyk(0' in svg and "hsl(" not in svg
    assert 'stroke="currentColor"' in svg and 'color="device-cmyk(0 0 0 1)"' in svg
    assert 'fill="url(#p)"' in svg and 'fill="none"' in svg
    assert svg.startswith('<svg:svg fill="device-cmyk(0 0 0 1)"')


def test_grey_transparent_and_mismatched_photos():
    press = Press.of(REPO / "styles")
    grey = jpeg(Image.new("L", (8, 8), 128))
    assert press.raster(grey, "grey.jpg") is None              # the black plate alone, as it is
    logo = io.BytesIO()
    Image.new("RGBA", (8, 8), (200, 30, 40, 0)).save(logo, format="PNG")
    with pytest.raises(RenderError, match="transparent parts cannot go to the press"):
        press.raster(logo.getvalue(), "logo.png")
    opaque = io.BytesIO()
    Image.new("RGBA", (8, 8), (200, 30, 40, 255)).save(opaque, format="PNG")
    assert Image.open(io.BytesIO(press.raster(opaque.getvalue(), "logo.png"))).mode == "CMYK"
    # an RGB photo carrying a CMYK profile: the profile does not describe it, sRGB is assumed
    cmyk_profile = ImageCms.getOpenProfile(str(press.profile)).tobytes()
    odd = jpeg(Image.new("RGB", (8, 8), (200, 30, 40)), icc_profile=cmyk_profile)
    assert Image.open(io.BytesIO(press.raster(odd, "odd.jpg"))).mode == "CMYK"
    assert press.to_srgb(odd, "odd.jpg") is None


def test_the_preflight_measures_every_image_at_the_size_it_prints(tmp_path):
    import pydyf
    image = pydyf.Stream([bytes(300 * 300 * 4)], pydyf.Dictionary({
        "Type": "/XObject", "Subtype": "/Image", "Width": 300, "Height": 300,
        "ColorSpace": "/DeviceCMYK", "BitsPerComponent": 8}))

    def drawn(inches: float) -> Path:                   # the image drawn `inches` wide
        size = f"{72 * inches:g}".encode()
        return tiny_pdf(tmp_path / f"{inches}.pdf", b"q " + size + b" 0 0 " + size +
                        b" 0 0 cm /Im0 Do Q", objects=[image],
                        extra=lambda: {"Resources": pydyf.Dictionary(
                            {"XObject": pydyf.Dictionary({"Im0": image.reference})})})
    assert not [p for p in pdfx_problems(drawn(1)) if p.startswith("page")]   # 300 dpi
    assert "page 1: image /Im0 prints at 150 dpi (under 300); use a larger image" in \
        pdfx_problems(drawn(2))
