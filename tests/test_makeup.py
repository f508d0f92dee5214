"""The makeup report says what the printed pages show: where each article runs, how full its
pages are, and the faults an art director would mark."""

import ctypes
import json
import re
import shutil

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from conftest import REPO, run_magazine
from pypdf import PdfReader

from magazine.build import output_name
from magazine.languages import EDITIONS
from magazine.model import Project
from magazine.sources.issue import load_issue
from magazine.typeset import fit
from magazine.typeset.compose import compose_edition
from magazine.typeset.fit import issue_makeup, limits
from magazine.typeset.makeup import measure_makeup
from magazine.typeset.makeup_report import is_fitting_note
from magazine.typeset.pdf import pages_for_print, pdf_bytes
from magazine.typeset.render import lay_out_edition

pytestmark = pytest.mark.build

BODY_SIZE = 10 * 4 / 3          # the body text's size in the PDF's text space (10 pt)


def makeups(sample) -> dict:
    _, result = sample
    return {out.edition: out.makeup for out in result.outputs if out.format == "print"}


def body_lines(path) -> tuple[list[tuple[int, int]], float]:
    """Return, per page of a screen PDF (cut to the trim), the lines of body-size text in its
    left and right half, and how many lines a full column holds (from the highest body line
    on any page to the lowest, over the line pitch)."""
    found, baselines = [], []
    x, y = ctypes.c_double(), ctypes.c_double()
    for page in pypdfium2.PdfDocument(str(path)):
        text, middle, lines = page.get_textpage(), page.get_width() / 2, set()
        for i in range(text.count_chars()):
            if text.get_text_range(i, 1).isspace() or \
                    not pdfium.FPDFText_GetCharOrigin(text.raw, i, x, y):
                continue
            if abs(pdfium.FPDFText_GetFontSize(text.raw, i) - BODY_SIZE) < 0.2:
                lines.add((x.value >= middle, round(y.value)))
        found.append((sum(1 for right, _ in lines if not right),
                      sum(1 for right, _ in lines if right)))
        baselines += [sorted(b for right, b in lines if right == side) for side in (0, 1)]
    steps = [b - a for column in baselines for a, b in zip(column, column[1:], strict=False)]
    pitch = max(set(steps), key=steps.count)
    everywhere = [b for column in baselines for b in column]
    return found, (max(everywhere) - min(everywhere)) / pitch + 1


def page_texts(path) -> list[str]:
    return [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(str(path))]


def lines_of(text: str) -> list[str]:
    """Return a page's lines of text but the running head and the folio (one word or a
    number, or the issue line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines[1:] if not line.isdigit()]


@pytest.mark.parametrize("edition", EDITIONS)
def test_each_article_runs_on_the_pages_the_pdf_prints_it(sample, edition):
    project, _ = sample
    report = makeups(sample)[edition]
    path = project.build / "01" / output_name("01", edition, "print")
    reader = PdfReader(path)
    assert report.pages == len(reader.pages)
    bookmarks = [reader.get_destination_page_number(item) + 1 for item in reader.outline
                 if not isinstance(item, list)]             # one per article, at its title
    assert [a.first_page for a in report.articles] == bookmarks
    texts = page_texts(path)
    for article, following in zip(report.articles, [*report.articles[1:], None], strict=True):
        end = following.first_page - 1 if following else len(texts) - 1   # the back cover
        printed = [n for n in range(article.first_page, end + 1) if lines_of(texts[n - 1])]
        assert article.last_page == printed[-1]        # its last page is its last with text


@pytest.mark.parametrize("edition", EDITIONS)
def test_page_fill_agrees_with_the_lines_the_pdf_prints(sample, edition):
    project, _ = sample
    report = makeups(sample)[edition]
    lines, column = body_lines(project.build / "01" / output_name("01", edition, "screen"))
    for number, fill in enumerate(report.fills, 1):
        if fill == 0:
            continue
        printed = sum(lines[number - 1]) / (2 * column)
        assert printed <= fill + 0.05, (number, fill, printed)   # never fuller than it says
    for article in report.articles:
        last = lines[article.last_page - 1]
        if article.last_page_fill < 0.25:                 # what the report calls near empty
            assert max(last) <= 0.3 * column, (article.slug, last, column)


def test_the_sample_issues_known_faults_are_found(sample):
    """Issue 01 as an art director marked it: what the fitter could not pull back."""
    reports = makeups(sample)
    english = {a.slug: a for a in reports["en"].articles}
    assert english["project-launch"].last_page_fill < 0.4             # 21 lines on page 4
    assert any(f.kind == "short last page" for f in english["project-launch"].faults)
    ladders = [f for r in reports.values() for f in r.all_faults if f.kind == "hyphen ladder"]
    assert ladders and all(int(f.detail.split()[0]) > 2 for f in ladders)


def test_the_fitter_pulls_back_a_short_run_on_within_the_limits(sample):
    project, result = sample
    [bulgarian] = [out for out in result.outputs if out.edition == "bg" and
                   out.format == "print"]
    mine = {a.slug: a for a in bulgarian.makeup.articles}
    assert mine["cluster-map"].pages == 2                 # it ran 2 lines onto page 7 before
    assert [f for f in bulgarian.makeup.all_faults if f.kind == "footnote away"] == []
    unfitted = measure_makeup(pages_for_print(lay_out_edition(
        project, compose_edition(project, load_issue(project, "01"), EDITIONS["bg"])
    ).document)[0], "bg")
    assert {a.slug: a.pages for a in unfitted.articles}["cluster-map"] == 3
    [note] = [n for n in bulgarian.notes if "bg cluster-map: set closer" in n]
    bounds = limits(project)
    letters, words = (float(x) for x in re.findall(r"(-[\d.]+) em", note))
    assert -bounds["letter"] <= letters < 0 and -bounds["word"] <= words < 0


def test_what_cannot_be_fitted_is_told_in_the_editions_terms(sample):
    _, result = sample
    notes = [n for out in result.outputs for n in out.notes if " runs about " in n]
    assert notes
    for note in notes:
        assert re.fullmatch(r"(sr-Latn|sr-Cyrl|bg|en) [a-z-]+ runs about \d+ lines onto page "
                            r"\d+: cut about \d+ words, or add about \d+ lines? \(a picture, a "
                            r"pull quote\), or allow .*", note), note


def test_a_fitted_article_is_not_fitted_again(sample, monkeypatch):
    project, _ = sample
    text = compose_edition(project, load_issue(project, "01"), EDITIONS["bg"])
    layout = lay_out_edition(project, text)
    monkeypatch.setattr(fit, "_lay_out_alone", lambda *args: pytest.fail("fitted again"))
    fits = fit.fit_edition(project, text, layout.document)
    assert any(f.slug == "cluster-map" and f.css() for f in fits)


def test_makeup_command_prints_the_whole_report_and_json(sample):
    project, _ = sample
    done = run_magazine(project, "makeup", "01", "-e", "bg")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("bg: 12 pages")
    assert "cluster-map: pages 5-6" in done.stdout and "short last page" in done.stdout
    data = json.loads(run_magazine(project, "makeup", "01", "-e", "en", "--format",
                                   "json").stdout)
    assert [r["edition"] for r in data] == ["en"]
    assert {a["slug"] for a in data[0]["articles"]} == {a.slug for a in
                                                         makeups(sample)["en"].articles}


def test_the_build_ends_with_the_makeup_table_even_when_nothing_changed(sample):
    project, _ = sample
    done = run_magazine(project, "build", "01", "-f", "print", "-f", "screen")
    assert done.returncode == 0, done.stderr
    assert "0 written" in done.stdout
    table = done.stdout.split("makeup", 1)[1]
    assert "cluster-map" in table and "p. 5-6," in table


def test_status_tells_editors_and_translators_what_the_last_build_could_not_fit(sample):
    project, result = sample
    done = run_magazine(project, "translations", "status", "01")
    assert done.returncode == 0, done.stderr
    told = done.stdout.split("the pages (from the last build", 1)[1]
    notes = [n for out in result.outputs for n in out.notes if " runs about " in n]
    assert notes and all(note in told for note in notes)


def test_the_contents_page_holds_twenty_articles(tmp_path):
    """An issue of twenty articles (issue 01's four, five times over) lists them all on the
    contents page, above the impressum."""
    project = Project(tmp_path)
    for room in ("issues", "styles"):
        shutil.copytree(REPO / room, tmp_path / room, ignore=shutil.ignore_patterns("02"))
    articles = project.issues / "01" / "articles"
    sources, slugs = sorted(articles.glob("*.md")), []
    for n in range(5):
        for source in sources:
            slug = f"{source.stem}-{n}"
            if n:
                shutil.copyfile(source, articles / f"{slug}.md")
            slugs.append(slug if n else source.stem)
    manifest = project.issues / "01" / "issue.yaml"
    manifest.write_text(manifest.read_text().split("articles:")[0] + "articles:\n" +
                        "".join(f"  - {slug}\n" for slug in slugs))
    [report] = issue_makeup(project, "01", ["en"])
    assert len(report.articles) == 20
    assert [f for f in report.faults if f.kind == "contents overflow"] == []
    assert report.articles[0].first_page == 3              # the contents took one page


@pytest.fixture(scope="module")
def issue02_cyrillic(tmp_path_factory):
    """Issue 02's Serbian Cyrillic edition laid out unfitted and fitted."""
    root = tmp_path_factory.mktemp("issue02")
    project = Project(root)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, root / room)
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["sr-Cyrl"])
    unfitted = measure_makeup(pages_for_print(lay_out_edition(project, text).document)[0],
                              "sr-Cyrl")
    layout, fits, _ = fit.lay_out_fitted(project, text)
    return project, unfitted, layout, fits


def test_a_short_last_page_is_filled_by_setting_the_text_looser(issue02_cyrillic):
    """Issue 02's it-bridge in Cyrillic ends on a page a tenth full, too many lines to pull
    back: set a little looser, its last page is at least 40 % full, on as many pages."""
    project, unfitted_report, layout, fits = issue02_cyrillic
    unfitted = {a.slug: a for a in unfitted_report.articles}
    fitted = {a.slug: a for a in measure_makeup(pages_for_print(layout.document)[0],
                                                "sr-Cyrl").articles}
    [looser] = [f for f in fits if f.slug == "it-bridge"]
    assert "set looser" in looser.note and looser.letter_spacing > 0
    assert unfitted["it-bridge"].last_page_fill < 0.4 <= fitted["it-bridge"].last_page_fill
    assert fitted["it-bridge"].pages == unfitted["it-bridge"].pages
    bounds = limits(project)
    assert looser.letter_spacing <= bounds["letter"] and looser.word_spacing <= bounds["word"]


def test_a_table_caption_stays_with_its_table(issue02_cyrillic):
    """The caption of workshop-nis's table once stood at the foot of the left column and the
    table at the top of the right one."""
    _, _, layout, _ = issue02_cyrillic
    pdf = pypdfium2.PdfDocument(pdf_bytes(pages_for_print(layout.document)[0], trim=True))
    x, y = ctypes.c_double(), ctypes.c_double()
    found = {}
    for number, page in enumerate(pdf, 1):
        text = page.get_textpage()
        for words in ("Осам мера из првог акционог плана", "Носилац"):
            hit = text.search(words, match_case=True).get_next()
            if words not in found and hit and \
                    pdfium.FPDFText_GetCharOrigin(text.raw, hit[0], x, y):
                found[words] = (number, x.value >= page.get_width() / 2, y.value)
    (caption_page, caption_right, above), (table_page, table_right, below) = found.values()
    assert (caption_page, caption_right) == (table_page, table_right) and above > below


def test_an_opener_alone_on_its_page_is_named(project):
    """A standfirst so long that the opener fills the article's first page: the body starts
    overleaf, which the report names."""
    article = project.issues / "07/articles/susret-u-nisu.md"
    sentence = "Okrugli sto je okupio klastere i udruženja iz cele regije, a razgovor je " \
               "trajao do kasno."
    article.write_text(article.read_text().replace(
        'summary: "Okrugli sto je okupio klastere i udruženja iz cele regije."',
        f'summary: "{" ".join([sentence] * 36)}"'))
    [report] = issue_makeup(project, "07", ["sr-Latn"])
    alone = {a.slug: [f for f in a.faults if f.kind == "opener alone"] for a in report.articles}
    assert [f.page for f in alone["susret-u-nisu"]] == [3]
    assert alone["sofia-seminar"] == [] and alone["cross-border-table"] == []


def test_status_recognises_every_kind_of_fitting_note(issue02_cyrillic):
    _, _, _, fits = issue02_cyrillic
    notes = [f.note for f in fits]
    assert any("set looser" in n for n in notes) and any(" runs about " in n for n in notes)
    assert all(is_fitting_note(n) for n in notes)
    assert not is_fitting_note("12 pages, a multiple of 4")
    assert not is_fitting_note("fonts cut to the text: 1.9 MB -> 0.32 MB")
