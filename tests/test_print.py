"""Print-grade pages: the sample issue built as a print shop and a reader would get it."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pypdfium2
import pytest
from conftest import REPO, make_project, run_magazine
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from magazine.build import output_name
from magazine.languages import EDITIONS
from magazine.typeset.typography import bind_numbers

MM = 72 / 25.4
QUOTES = {"sr-Latn": ("„", "“"), "sr-Cyrl": ("„", "“"), "bg": ("„", "“"), "en": ("“", "”")}


def pdf(sample, edition: str, fmt: str) -> Path:
    project, result = sample
    return project.build / "01" / output_name("01", edition, fmt)


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


_SAMPLE_TEXTS: dict[Path, list[str]] = {}


def sample_texts(sample, edition: str) -> list[str]:
    """texts() of the sample's print PDF of an edition (no test changes it), read once."""
    path = pdf(sample, edition, "print")
    if path not in _SAMPLE_TEXTS:
        _SAMPLE_TEXTS[path] = texts(path)
    return list(_SAMPLE_TEXTS[path])


def test_body_fonts_have_bulgarian_and_serbian_forms():
    for style in ("Regular", "Italic", "Bold", "BoldItalic"):
        font = TTFont(REPO / "styles/fonts" / f"SourceSerif4-{style}.ttf")
        systems = {(script.ScriptTag, lang.LangSysTag)
                   for script in font["GSUB"].table.ScriptList.ScriptRecord
                   for lang in script.Script.LangSysRecord}
        assert {("cyrl", "BGR "), ("cyrl", "SRB ")} <= systems, style
        for script in font["GSUB"].table.ScriptList.ScriptRecord:
            for lang in script.Script.LangSysRecord:
                if (script.ScriptTag, lang.LangSysTag) in {("cyrl", "BGR "), ("cyrl", "SRB ")}:
                    features = [font["GSUB"].table.FeatureList.FeatureRecord[i].FeatureTag
                                for i in lang.LangSys.FeatureIndex]
                    assert "locl" in features, (style, lang.LangSysTag)


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_is_hyphenated_and_quoted_in_its_own_way(sample, edition):
    text = "".join(sample_texts(sample, edition))
    # WeasyPrint's hyphen at line ends (English breaks fewest: its table cells, names and
    # paragraphs' last words are not hyphenated, and its short words rarely need it)
    assert text.count("\u2010") >= 2
    opening, closing = QUOTES[edition]
    assert re.search(f"{opening}\\w[^{opening}]{{1,60}}{closing}", text), edition
    if edition == "en":
        assert "„" not in text
    else:
        assert not re.search(r"(^|\s)“\w", text)                # no English-style openers


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_contents_page_numbers_are_where_the_articles_start(sample, edition):
    path = pdf(sample, edition, "print")
    reader = PdfReader(path)
    starts = [reader.get_destination_page_number(item) + 1 for item in reader.outline
              if not isinstance(item, list)]
    contents = reader.pages[1].extract_text()
    listed = [int(n) for n in re.findall(r"(?:\.\s*){3,}(\d+)\s*$", contents, re.MULTILINE)]
    assert len(starts) == 4 and listed == starts
    pages = sample_texts(sample, edition)
    for item, start in zip([i for i in reader.outline if not isinstance(i, list)], starts,
                           strict=True):
        first_words = " ".join(item.title.split()[:2])
        assert first_words in " ".join(pages[start - 1].split())


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_print_is_padded_to_a_multiple_of_four_and_screen_is_not(sample, edition):
    project, result = sample
    [print_out] = [o for o in result.outputs if o.edition == edition and o.format == "print"]
    [screen_out] = [o for o in result.outputs if o.edition == edition and o.format == "screen"]
    assert print_out.pages % 4 == 0
    added = int(re.match(r"(\d+) blank", print_out.notes[0]).group(1)) \
        if "blank" in print_out.notes[0] else 0
    assert screen_out.pages == print_out.pages - added
    pages = sample_texts(sample, edition)
    assert all(not pages[-2 - n].strip() for n in range(added))  # blank, no folio
    assert "INFOCLUSTER" in pages[-1]                            # the back cover closes


def bleed_corner(path: Path, index: int) -> tuple:
    """Return the colour just inside the top left corner of a page's bleed box (the sheet is
    larger, for the crop marks)."""
    page = PdfReader(path).pages[index]
    media, bleed = page.mediabox, page.bleedbox
    image = pypdfium2.PdfDocument(str(path))[index].render(scale=2).to_pil().convert("RGB")
    return image.getpixel((round((float(bleed[0]) - float(media[0])) * 2) + 2,
                           round((float(media[3]) - float(bleed[3])) * 2) + 2))


@pytest.mark.build
def test_cover_and_back_cover_reach_into_the_bleed(sample):
    path = pdf(sample, "en", "print")
    for index in (0, len(PdfReader(path).pages) - 1):
        assert bleed_corner(path, index) != (255, 255, 255), index     # artwork in the bleed
    assert bleed_corner(path, 2) == (255, 255, 255)                    # text pages stay white


@pytest.mark.build
def test_contents_and_web_addresses_are_live_links_in_the_screen_pdf(sample):
    reader = PdfReader(pdf(sample, "en", "screen"))
    contents_links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    internal = [a for a in contents_links if "/Dest" in a or "/A" in a and
                a["/A"].get("/S") == "/GoTo"]
    assert len(internal) >= 4
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages
            for a in page.get("/Annots", []) if "/URI" in a.get_object().get("/A", {})]
    assert any(u.startswith("https://") for u in uris)
    info = reader.metadata
    assert info.title and info.author and info.subject and "clusters" in info["/Keywords"]


@pytest.mark.build
def test_trim_size_comes_from_the_stylesheet(tmp_path):
    project = make_project(tmp_path)
    css = project.styles / "magazine.css"
    css.write_text(css.read_text().replace("--trim-height: 297mm;", "--trim-height: 280mm;"))
    done = run_magazine(project, "build", "-e", "en", "-f", "print")
    assert done.returncode == 0, done.stderr
    page = PdfReader(project.build / "07/infocluster-07-en-print.pdf").pages[0]
    trim = [float(x) / MM for x in page.trimbox]
    assert trim[2] - trim[0] == pytest.approx(210, abs=0.1)
    assert trim[3] - trim[1] == pytest.approx(280, abs=0.1)
    bleed = [float(x) / MM for x in page.bleedbox]
    assert bleed[3] - bleed[1] == pytest.approx(286, abs=0.1)


@pytest.mark.build
def test_preflight_names_low_resolution_images_missing_glyphs_and_overflow(tmp_path):
    from PIL import Image
    project = make_project(tmp_path)
    Image.new("RGB", (300, 150), "teal").save(project.issues / "07/media/small.png")
    article = project.issues / "07/articles/cross-border-table.md"
    article.write_text(article.read_text()
                       + "\n![A small photograph](../media/small.png)\n\n"
                       + "The symbol ☃ is in no font we ship.\n\n"
                       + "See https://example.org/" + "Q1W2E3R4T5Y6U7I8O9P0" * 4 + "\n")
    done = run_magazine(project, "build", "-e", "en", "-f", "print")
    assert done.returncode == 0, done.stderr
    warnings = [line.strip() for line in done.stdout.splitlines() if "warning:" in line]
    assert any("media/small.png prints at" in w and "dpi (under 300)" in w for w in warnings)
    assert any("'☃' (U+2603)" in w for w in warnings)
    assert any("out of its column" in w and "Q1W2E3R4" in w for w in warnings)
    strict = run_magazine(project, "build", "--strict", "-e", "en", "-f", "print")
    assert strict.returncode == 1 and "warnings in a strict build" in strict.stderr


def test_numbers_keep_their_units_and_dates_stay_together():
    def para(text):
        words = []
        for n, word in enumerate(text.split(" ")):
            words += ([{"t": "Space"}] if n else []) + [{"t": "Str", "c": word}]
        return [{"t": "Para", "c": words}]

    def joined(blocks):
        return "".join(" " if n["t"] == "Space" else n["c"] for n in blocks[0]["c"])

    assert joined(bind_numbers(para("udaljeni su 160 km, a 15. oktobra 2026. godine"))) == \
        "udaljeni su 160\u00a0km, a 15.\u00a0oktobra\u00a02026.\u00a0godine"
    assert joined(bind_numbers(para("на 15 октомври 2026 г. с 20 %"))) == \
        "на 15\u00a0октомври\u00a02026\u00a0г. с 20\u00a0%"
    assert joined(bind_numbers(para("on 15 October, 160 kilometres apart"))) == \
        "on 15\u00a0October, 160 kilometres apart"


@pytest.mark.build
def test_proofs_show_cover_contents_a_spread_and_every_page(tmp_path):
    from PIL import Image
    project = make_project(tmp_path)
    done = run_magazine(project, "proofs", "-e", "bg")
    assert done.returncode == 0, done.stderr
    folder = project.build / "07/proofs/bg"
    sizes = {name: Image.open(folder / name).size
             for name in ("cover.png", "contents.png", "spread.png", "pages.png")}
    width, height = sizes["cover.png"]
    assert height / width == pytest.approx(297 / 210, abs=0.01)
    assert sizes["spread.png"] == (2 * width, height)
    assert sizes["pages.png"][0] > width


@pytest.mark.build
def test_preview_writes_one_editions_screen_pdf_and_html(tmp_path):
    project = make_project(tmp_path)
    done = run_magazine(project, "preview", "-e", "bg")
    assert done.returncode == 0, done.stderr
    folder = project.build / "07/preview"
    html = (folder / "infocluster-07-bg.html").read_text()
    assert '<base href="../../../issues/07/">' in html
    assert '<link rel="stylesheet" href="../../styles/magazine.css">' in html
    sources = re.findall(r'src="([^"]+)"', html)
    assert sources and all(Path(unquote(urlsplit(src).path)).exists() if src.startswith("file:")
                           else (project.issues / "07" / src).exists() for src in sources)
    reader = PdfReader(folder / "infocluster-07-bg-screen.pdf")
    assert [float(x) for x in reader.pages[0].mediabox] == \
        [float(x) for x in reader.pages[0].trimbox]


def test_watch_notices_a_saved_stylesheet(tmp_path):
    from magazine.machinery.watch import changed, snapshot
    project = make_project(tmp_path)
    before = snapshot([project.styles])
    css = project.styles / "magazine.css"
    css.write_text(css.read_text() + "\n/* darker */\n")
    assert changed(before, snapshot([project.styles])) == [css]


@pytest.mark.build
def test_full_page_picture_has_a_page_of_its_own_to_the_bleed(tmp_path):
    project = make_project(tmp_path)
    article = project.issues / "07/articles/cross-border-table.md"
    article.write_text(article.read_text() + "\n![The two towns](../media/dot.svg){.full-page}"
                       "\n\nAfter the picture the text goes on.\n")
    done = run_magazine(project, "build", "-e", "en", "-f", "print")
    assert done.returncode == 0, done.stderr
    path = project.build / "07/infocluster-07-en-print.pdf"
    pages = texts(path)
    [number] = [n for n, text in enumerate(pages) if text.strip() == "The two towns"]
    assert "After the picture the text goes on." in pages[number + 1]
    assert "A year of cooperation" in pages[number + 1]              # running head again
    assert bleed_corner(path, number) != (255, 255, 255)               # the picture's bleed
