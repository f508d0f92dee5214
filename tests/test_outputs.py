"""The built files, checked as a printer, a reader and a validator would."""

import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import REPO, epubcheck
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from magazine.formats import FORMATS
from magazine.languages import EDITIONS

MM = 72 / 25.4
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u017F]")

pytestmark = pytest.mark.build          # every test reads the session's `built` issue


def outputs_by(result, edition, fmt):
    [out] = [o for o in result.outputs if o.edition == edition and o.format == fmt]
    return out.path


def article_text(path: Path) -> str:
    """Text of the article pages (after the cover and the contents)."""
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages[2:])


def script_share(text: str) -> float:
    """Share of Cyrillic among the letters of a text."""
    text = text.replace("INFOCLUSTER", "")
    cyr, lat = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    return cyr / (cyr + lat)


def test_every_edition_and_format_is_written_under_its_design_name(built):
    project, result = built
    folder = project.build / "07"
    expected = {f"infocluster-07-{e}-{f}.pdf" for e in EDITIONS for f in ("print", "screen")}
    expected |= {f"infocluster-07-{e}.epub" for e in EDITIONS}
    assert {p.name for p in folder.iterdir() if p.is_file()} == expected
    assert len(result.outputs) == len(EDITIONS) * len(FORMATS)


def test_bulgarian_edition_prints_bulgarian_cyrillic(built):
    project, result = built
    text = article_text(outputs_by(result, "bg", "print"))
    assert script_share(text) > 0.9
    assert "Среща на клъстерите в Ниш" in text          # translated from Serbian
    assert "Година на сътрудничество" in text           # translated from English
    assert "Семинар в София" in text                    # written in Bulgarian
    assert "ъ" in text


def test_serbian_cyrillic_edition_prints_cyrillic_serbian(built):
    project, result = built
    text = article_text(outputs_by(result, "sr-Cyrl", "print"))
    assert script_share(text) > 0.9
    assert "Сусрет кластера у Нишу" in text             # Serbian source, transliterated
    assert "Семинар у Софији" in text                   # Serbian translation, transliterated
    assert "Susret" not in text and "klastera" not in text
    assert re.search("[ђћџљњј]", text)


def test_serbian_latin_edition_prints_latin_serbian(built):
    project, result = built
    text = article_text(outputs_by(result, "sr-Latn", "print"))
    assert script_share(text) < 0.1
    assert "Seminar u Sofiji" in text and "Godina saradnje" in text
    assert re.search("[čćšžđ]", text)


def test_english_edition_prints_english(built):
    project, result = built
    text = article_text(outputs_by(result, "en", "print"))
    assert script_share(text) < 0.05
    assert "Clusters meet in Niš" in text and "A seminar in Sofia" in text
    assert " the " in text


def page_texts(path: Path) -> list[str]:
    """Each page's text with whitespace collapsed and words hyphenated at line ends joined
    (WeasyPrint's hyphen is U+2010)."""
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    return [text.replace("\u2010 ", "").replace("\u2010", "-") for text in texts]


def test_footnotes_print_at_the_foot_of_their_page_numbered_per_article(built):
    project, result = built
    pages = page_texts(outputs_by(result, "en", "print"))
    [page] = [p for p in pages if "partners will publish" in p]
    assert "1. Both documents will appear in all three languages." in page
    [page] = [p for p in pages if "round table for clusters" in p]
    assert "1. The project is co-financed by the European Union." in page
    bg = page_texts(outputs_by(result, "bg", "print"))
    [page] = [p for p in bg if "Среща на клъстерите в Ниш" in p and "Кой дойде" in p]
    assert "1. Проектът се съфинансира от Европейския съюз." in page


def test_running_head_names_the_article_only(built):
    project, result = built
    pages = page_texts(outputs_by(result, "en", "print"))
    [page] = [p for p in pages if "partners will publish" in p]
    assert page.count("What the partners plan for the months ahead.") == 1
    assert page.count("A year of cooperation") == 2                 # title and running head


def _shipped_families() -> set[str]:
    names = set()
    for font in (REPO / "styles" / "fonts").glob("*.ttf"):
        name = TTFont(font)["name"]
        for name_id in (1, 4, 6, 16):
            if name.getDebugName(name_id):
                names.add(re.sub(r"[^a-z0-9]", "", name.getDebugName(name_id).lower()))
    return names


def _pdf_fonts(path: Path):
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor") or \
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            yield str(font["/BaseFont"]), descriptor.get_object()


@pytest.mark.parametrize("edition", list(EDITIONS))
@pytest.mark.parametrize("fmt", ["print", "screen"])
def test_every_pdf_font_is_embedded_and_comes_from_styles(built, edition, fmt):
    project, result = built
    families = _shipped_families()
    seen = list(_pdf_fonts(outputs_by(result, edition, fmt)))
    assert seen
    for base, descriptor in seen:
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), base
        name = re.sub(r"[^a-z0-9]", "", base.split("+")[-1].lower())
        assert any(name.startswith(f) or f.startswith(name) for f in families), base
        assert "dejavu" not in name


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_print_pdf_has_a4_trim_inside_a_3mm_bleed(built, edition):
    project, result = built
    for page in PdfReader(outputs_by(result, edition, "print")).pages:
        trim, bleed = [float(x) for x in page.trimbox], [float(x) for x in page.bleedbox]
        assert trim[2] - trim[0] == pytest.approx(210 * MM, abs=0.1)
        assert trim[3] - trim[1] == pytest.approx(297 * MM, abs=0.1)
        for t, b, sign in zip(trim, bleed, (1, 1, -1, -1), strict=True):
            assert (t - b) * sign == pytest.approx(3 * MM, abs=0.05)


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_screen_pdf_has_one_bookmark_per_article_and_no_bleed(built, edition):
    project, result = built
    reader = PdfReader(outputs_by(result, edition, "screen"))
    top_level = [item for item in reader.outline if not isinstance(item, list)]
    assert len(top_level) == 3
    page = reader.pages[0]
    assert [float(x) for x in page.trimbox] == [float(x) for x in page.mediabox]
    assert reader.trailer["/Root"]["/Lang"] == {"en": "en-GB"}.get(edition, edition)
    assert reader.metadata.title.startswith("INFOCLUSTER 7")
    assert reader.metadata.author


def test_screen_bookmarks_carry_the_edition_titles(built):
    project, result = built
    reader = PdfReader(outputs_by(result, "bg", "screen"))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Среща на клъстерите в Ниш", "Семинар в София", "Година на сътрудничество"]


@pytest.fixture(scope="module")
def epubcheck_reports(built) -> dict:
    """epubcheck's report on every edition's e-book, the four JVMs run two at a time."""
    project, result = built
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = pool.map(lambda edition: epubcheck(outputs_by(result, edition, "epub")),
                           EDITIONS)
        return dict(zip(EDITIONS, reports, strict=True))


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_epub_passes_epubcheck_with_language_cover_and_fonts(built, epubcheck_reports, edition):
    project, result = built
    path = outputs_by(result, edition, "epub")
    report = epubcheck_reports[edition]
    assert "0 fatals / 0 errors / 0 warnings" in report, report
    with zipfile.ZipFile(path) as book:
        opf = book.read("EPUB/content.opf").decode()
        names = book.namelist()
        nav = book.read("EPUB/nav.xhtml").decode()
    assert f"<dc:language>{edition}</dc:language>" in opf
    chapters = [n for n in names if re.fullmatch(r"EPUB/text/ch\d+\.xhtml", n)]
    assert len(chapters) == 3 + 1                                  # the articles, the imprint
    with zipfile.ZipFile(path) as book:
        assert 'id="imprint"' in book.read(sorted(chapters)[-1]).decode()
    assert len(re.findall(r"ch\d+\.xhtml#[a-z-]+_title", nav)) == 3   # a contents entry each
    assert 'properties="cover-image"' in opf
    named = (REPO / "styles" / "epub.css").read_text(encoding="utf-8")   # its @font-face rules
    assert {Path(n).name for n in names if n.startswith("EPUB/fonts/")} == \
        {p.name for p in (REPO / "styles" / "fonts").glob("*.ttf") if p.name in named}
    assert "EPUB/fonts/Ubuntu-Regular.ttf" not in names          # in styles/fonts, unused here
