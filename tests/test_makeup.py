"""The makeup report says what the printed pages show: where each article runs, how full its
pages are, and the faults an art director would mark."""

import ctypes
import dataclasses
import json
import re
import shutil
import zipfile

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from conftest import REPO, run_magazine
from pypdf import PdfReader
from weasyprint import HTML

from magazine.build import output_name
from magazine.languages import EDITIONS
from magazine.model import AcceptedFault, ArticleMakeup, ComposedArticle, Fault, Project
from magazine.pandoc import ast
from magazine.pandoc.ast import Header, Para, Space, Str, plain_text
from magazine.sources.issue import load_issue
from magazine.typeset import figures, fit, lines, makeup, makeup_report
from magazine.typeset.compose import compose_edition
from magazine.typeset.fit import issue_makeup, limits
from magazine.typeset.makeup import line_text, measure_makeup
from magazine.typeset.makeup_report import is_fitting_note
from magazine.typeset.pdf import pages_for_print, pdf_bytes, walk_boxes
from magazine.typeset.render import html_text, lay_out_edition

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


def as_written(project: Project, issue: str, edition: str, slug: str) -> ArticleMakeup:
    """Return an article's makeup in an edition laid out as written: its figures where the
    author put them, not fitted."""
    text = compose_edition(project, load_issue(project, issue), EDITIONS[edition])
    report = measure_makeup(pages_for_print(lay_out_edition(project, text).document)[0],
                            edition)
    return next(article for article in report.articles if article.slug == slug)


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
    """Issue 01 as an art director marked it: what the fitter could not pull back (a short
    last page, a loose line quoted as it prints), and no hyphen ladder left."""
    reports = makeups(sample)
    english = {a.slug: a for a in reports["en"].articles}
    assert english["project-launch"].last_page_fill < 0.4             # 21 lines on page 4
    assert any(f.kind == "short last page" for f in english["project-launch"].faults)
    bulgarian = {a.slug: a for a in reports["bg"].articles}
    loose = [f.detail for f in bulgarian["project-launch"].faults if f.kind == "loose line"]
    assert "'партньорски организации: Къщата на'" in loose   # the name is never hyphenated
    assert not [f for r in reports.values() for f in r.all_faults if f.kind == "hyphen ladder"]


def test_an_accepted_fault_the_pages_no_longer_have_is_named(sample):
    """A designer accepted a fault that a later build mended: the build says so, and which
    entry to take out; the faults that are still there are not named."""
    project, result = sample
    issue = load_issue(project, "01")
    stale = AcceptedFault("en", "cluster-day", "hyphen ladder", "set so in an older build")
    issue = dataclasses.replace(issue, accepted=(*issue.accepted, stale))
    report = makeups(sample)["en"]
    assert makeup_report.unused_acceptances(issue, report) == [
        "issues/01/issue.yaml accepts a hyphen ladder in en cluster-day that its pages no "
        "longer have: take it out of accepted-faults"]
    [english] = [out for out in result.outputs if out.edition == "en" and
                 out.format == "print"]
    assert not any("accepted-faults" in note for note in english.notes)


def test_the_fitter_pulls_back_a_short_run_on_within_the_limits(sample):
    project, result = sample
    [english] = [out for out in result.outputs if out.edition == "en" and
                 out.format == "print"]
    mine = {a.slug: a for a in english.makeup.articles}
    assert mine["cluster-day"].pages == 1                 # it ran onto a second page before
    unfitted = measure_makeup(pages_for_print(lay_out_edition(
        project, compose_edition(project, load_issue(project, "01"), EDITIONS["en"])
    ).document)[0], "en")
    assert {a.slug: a.pages for a in unfitted.articles}["cluster-day"] == 2
    [note] = [n for n in english.notes if "en cluster-day: set closer" in n]
    bounds = limits(project)
    letters, words = (float(x) for x in re.findall(r"(-[\d.]+) em", note))
    assert -bounds["letter"] <= letters < 0 and -bounds["word"] <= words < 0


def test_a_figure_that_leaves_a_column_short_is_placed_where_the_columns_fill(sample):
    """The Bulgarian map did not fit at the foot of page 5's column: the column stopped
    82 mm short and the article ran 2 lines onto page 7. Placed where the columns fill (at
    the head of page 6, the text running on to page 5's foot), the article ends on page 6."""
    project, result = sample
    [bulgarian] = [out for out in result.outputs if out.edition == "bg" and
                   out.format == "print"]
    unfitted = as_written(project, "01", "bg", "cluster-map")
    assert unfitted.pages == 3 and any(f.kind == "short column" and f.page == 5
                                       for f in unfitted.faults)
    fitted = {a.slug: a for a in bulgarian.makeup.articles}["cluster-map"]
    assert fitted.pages == 2 and not any(f.kind in ("short column", "hole")
                                         for f in fitted.faults)
    assert any(re.fullmatch(r"bg cluster-map: a figure set \d+ blocks? (later|earlier) in the "
                            r"text.*, so that the columns of page 5 fill", note)
               for note in bulgarian.notes), bulgarian.notes
    text = compose_edition(project, load_issue(project, "01"), EDITIONS["bg"])
    [article] = [a for a in text.articles if a.slug == "cluster-map"]
    [figure] = [block for block in article.blocks if block["t"] == "Figure"]
    caption = " ".join(plain_text(figure["c"][1][1]).split()[:3])
    pdf = pypdfium2.PdfDocument(str(bulgarian.path))
    pages = [n + 1 for n, page in enumerate(pdf)
             if caption in " ".join(page.get_textpage().get_text_range().split())]
    assert len(pages) == 1 and fitted.first_page <= pages[0] <= fitted.last_page


def test_lines_left_above_a_figure_are_set_under_it(sample):
    """Issue 01's sofia-meetings in English: the timeline across both columns did not fit
    at page 7's foot, and the last two lines of the paragraph before it stood alone above it
    at the head of page 8. The paragraph is split at page 7's foot, the timeline heads page
    8 and the two lines go under it."""
    project, result = sample
    [english] = [out for out in result.outputs if out.edition == "en" and
                 out.format == "print"]
    unfitted = as_written(project, "01", "en", "sofia-meetings")
    assert [(f.page, f.detail) for f in unfitted.faults if f.kind == "lines above a figure"] \
        == [(8, "2 lines alone above a figure at the head of the left column")]
    fitted = {a.slug: a for a in english.makeup.articles}["sofia-meetings"]
    assert not any(fault.kind in figures.GAPS for fault in fitted.faults)
    assert "en sofia-meetings: a figure set inside the paragraph before it, at the head of a " \
           "column with a paragraph running on around it, so that the columns of page 8 " \
           "fill" in english.notes


def test_what_cannot_be_fitted_is_told_in_the_editions_terms(sample):
    _, result = sample
    notes = [n for out in result.outputs for n in out.notes if " runs about " in n]
    assert notes
    for note in notes:
        assert re.fullmatch(r"(sr-Latn|sr-Cyrl|bg|en) [a-z-]+ runs about \d+ lines onto page "
                            r"\d+: cut about \d+ words, or add about \d+ lines? \(a picture, a "
                            r"pull quote\), or allow .*", note), note


@pytest.mark.parametrize("edition, slug", [("en", "cluster-day"), ("bg", "cluster-map")])
def test_a_fitted_article_is_not_fitted_again(sample, monkeypatch, edition, slug):
    """What the build found for an article, its setting or its figures' places, is kept:
    the next build lays nothing out alone to find it again."""
    project, _ = sample
    text = compose_edition(project, load_issue(project, "01"), EDITIONS[edition])
    monkeypatch.setattr(fit, "_alone_document", lambda *args: pytest.fail("fitted again"))
    moves = fit.place_figures(project, text, lay_out_edition(project, text).document)
    placed = figures.with_moves(text, moves)
    fits = fit.fit_edition(project, text, lay_out_edition(project, placed).document)
    assert slug in [f.slug for f in fits if f.css()] + [m.slug for m in moves]


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
def issue02_bulgarian(tmp_path_factory):
    """Issue 02's Bulgarian edition laid out fitted, and with its figures placed but unfitted."""
    root = tmp_path_factory.mktemp("issue02")
    project = Project(root)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, root / room)
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["bg"])
    fitted = fit.lay_out_fitted(project, text)
    placed = figures.with_moves(text, fitted.moves)     # the figures placed, not yet fitted
    unfitted = measure_makeup(pages_for_print(lay_out_edition(project, placed).document)[0],
                              "bg")
    return project, unfitted, fitted.layout, fitted


def test_an_article_is_set_closer_with_shorter_figures_to_end_a_page_earlier(
        issue02_bulgarian):
    """Issue 02's survey in Bulgarian runs a few lines onto a third page: set closer, with
    its wide figure shorter, within the designer's limits, it ends on two."""
    project, unfitted_report, layout, fitted_edition = issue02_bulgarian
    unfitted = {a.slug: a for a in unfitted_report.articles}
    fitted = {a.slug: a for a in measure_makeup(pages_for_print(layout.document)[0],
                                                "bg").articles}
    [closer] = [f for f in fitted_edition.fits if f.slug == "survey"]
    assert "set closer" in closer.note and "ends on 2 pages instead of 3" in closer.note
    assert (unfitted["survey"].pages, fitted["survey"].pages) == (3, 2)
    assert unfitted["survey"].last_page_fill < 0.4
    bounds = limits(project)
    assert -bounds["letter"] <= closer.letter_spacing < 0
    assert -bounds["word"] <= closer.word_spacing < 0
    assert closer.figure_height is not None and closer.figure_height >= bounds["figure"]


def test_a_short_last_page_the_limits_cannot_fill_is_left_as_set_with_advice(sample):
    """Issue 01's cluster-day in Bulgarian ends on a page 19 % full: too many lines to pull
    back, too few to fill within the limits. The fitter changes nothing and tells the editor
    what to cut or add."""
    project, result = sample
    [bulgarian] = [out for out in result.outputs if out.edition == "bg" and
                   out.format == "print"]
    [advice] = [note for note in bulgarian.notes if note.startswith("bg cluster-day ")]
    assert re.fullmatch(r"bg cluster-day runs about \d+ lines onto page 10: cut about \d+ "
                        r"words, or add about \d+ lines .*", advice), advice
    unfitted = as_written(project, "01", "bg", "cluster-day")
    fitted = {a.slug: a for a in bulgarian.makeup.articles}["cluster-day"]
    assert unfitted.last_page_fill < 0.4 and fitted.pages == unfitted.pages == 2
    assert abs(fitted.last_page_fill - unfitted.last_page_fill) < 0.02


def test_a_pull_quote_the_author_lets_go_is_left_out_to_end_a_page_earlier(tmp_path):
    """Issue 01's cluster-day fills its one page in Serbian. With a pull quote that its
    author marks optional (`::: optional`) it runs onto a second page, more than closer
    setting can pull back: the print leaves the quote out and ends on one page again; the
    e-book keeps it."""
    project = Project(tmp_path)
    for room in ("issues", "styles", "translations"):
        shutil.copytree(REPO / room, tmp_path / room, ignore=shutil.ignore_patterns("02"))
    quote = ("Ako posle Dana klastera svaka firma ode kući sa jednim novim poznanstvom s "
             "druge strane granice, i ako se bar polovina tih poznanstava za godinu dana "
             "pretvori u posao, projekat je uradio ono zbog čega je pokrenut, a region je "
             "dobio nešto što nijedan fond ne može da kupi: naviku da se sarađuje.")
    article = project.issues / "01" / "articles" / "cluster-day.md"
    source = article.read_text(encoding="utf-8")
    heading = "## Od seminara do radionice"
    article.write_text(source.replace(heading, f"::: optional\n> {quote}\n:::\n\n{heading}"),
                       encoding="utf-8")
    done = run_magazine(project, "build", "01", "-e", "sr-Latn")
    assert done.returncode == 0, done.stderr
    assert "sr-Latn cluster-day: its pull quote left out so that it ends on 1 page instead " \
           "of 2" in done.stdout
    build = project.build / "01"
    words = " ".join(quote.split()[:6])
    printed = [" ".join(text.split()) for text in page_texts(
        build / output_name("01", "sr-Latn", "print"))]
    assert not any(words in text for text in printed)
    assert sum("Dan klastera u Nišu otvara završnu fazu" in text for text in printed) >= 1
    report = json.loads(run_magazine(project, "makeup", "01", "-e", "sr-Latn", "--format",
                                     "json").stdout)
    [makeup] = [a for e in report for a in e["articles"] if a["slug"] == "cluster-day"]
    assert makeup["first_page"] == makeup["last_page"]
    with zipfile.ZipFile(build / output_name("01", "sr-Latn", "epub")) as book:
        chapters = " ".join(" ".join(html_text(book.read(name).decode()).split())
                            for name in book.namelist() if name.endswith(".xhtml"))
    assert words in chapters


def test_a_word_left_alone_on_a_line_is_set_back_on_one_line_fewer(issue02_bulgarian):
    """WeasyPrint 70 left "ни" alone on a line of survey in Bulgarian ("публикува-" / "ни"
    / "на уебсайта..."), before the paragraph's keep-whole last word: the paragraph is set
    again, on one line fewer."""
    _, unfitted, layout, fitted = issue02_bulgarian

    def alone(report) -> list[str]:
        return [fault.detail for article in report.articles if article.slug == "survey"
                for fault in article.faults if fault.kind == "loose line"
                and len(fault.detail.strip("'").split()) == 1]
    assert alone(unfitted) == ["'ни'"]
    assert alone(measure_makeup(pages_for_print(layout.document)[0], "bg")) == []
    [plan] = [plan for plan in fitted.plans if plan.article == "survey"
              and any("публикувани" in line for line in plan.lines)]
    assert plan.faults_after == 0 < plan.faults_before
    laid = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    assert len(laid[plan.article, plan.path].lines) == len(plan.lines)

def test_the_lines_above_a_wide_figure_are_read_before_those_below_it(issue02_bulgarian):
    """bg workshop-nis opens with a figure across both columns in the middle of the page:
    the first paragraph runs down the left column above it and on at the head of the
    right. Read in order, both columns above the figure come first, then the figure, then
    the text below it (a left column's lines above and below the figure are not one run:
    three hyphens in a row there were counted as a ladder)."""
    _, _, layout, _ = issue02_bulgarian
    pages = pages_for_print(layout.document)[0]
    [article] = [a for a in measure_makeup(pages, "bg").articles if a.slug == "workshop-nis"]
    page = makeup._read_page(article.first_page, pages.pages[article.first_page - 1])
    order = [leaf for leaf in makeup._reading_order(page.leaves)
             if leaf.article == "workshop-nis"]
    figure = next(n for n, leaf in enumerate(order) if leaf.tag == "figure")
    above, below = order[:figure], order[figure:]
    assert [leaf.column for leaf in above if leaf.tag == "p"] == \
        sorted(leaf.column for leaf in above if leaf.tag == "p") and \
        {leaf.column for leaf in above if leaf.tag == "p"} == {0, 1}
    assert all(leaf.top < order[figure].top for leaf in above)
    assert all(leaf.top >= order[figure].top for leaf in below)
    assert any(leaf.tag == "p" for leaf in below)


def test_a_figure_that_left_a_column_short_heads_the_next_with_the_text_running_on(
        issue02_bulgarian):
    """Issue 02's it-bridge in Bulgarian: its photo does not fit below the text of a
    column and goes to the head of the next, leaving the column short. It is set at the
    head of the next column with the paragraph after it split in two: the first part runs
    to the foot of the column it left short, the rest goes on below the photo."""
    project, _, layout, fitted = issue02_bulgarian
    [move] = [move for move in fitted.moves if move.slug == "it-bridge"]
    assert move.words and "at the head of a column with a paragraph running on" in move.note
    unplaced = as_written(project, "02", "bg", "it-bridge")
    assert any(fault.kind == "short column" for fault in unplaced.faults)
    document = pages_for_print(layout.document)[0]
    placed = {a.slug: a for a in measure_makeup(document, "bg").articles}["it-bridge"]
    assert not any(fault.kind in figures.GAPS for fault in placed.faults)
    # on the page: the first part's last line at the foot of its column, the photo at the
    # head of the next, the rest of the paragraph right below it
    boxes = {}
    for number in range(placed.first_page, placed.last_page + 1):
        page = document.pages[number - 1]
        for box in walk_boxes(page._page_box):
            classes = ((getattr(box, "element", None) is not None and
                        box.element.get("class")) or "").split()
            part = next((name for name in ("run-on", "run-in") if name in classes), None)
            if type(box).__name__ == "BlockBox" and part:
                line = [b for b in walk_boxes(box) if type(b).__name__ == "LineBox"]
                boxes.setdefault(part, (number, page._page_box, line))
            if "ReplacedBox" in type(box).__name__ and box.element.get("src", "").endswith(
                    ".jpg"):
                boxes.setdefault("photo", (number, page._page_box, box))
    (head_page, page_box, head), (photo_page, _, photo), (tail_page, _, tail) = \
        boxes["run-on"], boxes["photo"], boxes["run-in"]
    foot = page_box.content_box_y() + page_box.height
    line = head[-1].height
    assert head_page == photo_page == tail_page
    assert foot - (head[-1].position_y + line) < 4 * line      # above the footnotes, if any
    assert photo.position_x > head[-1].position_x + 50          # the next column
    columns_top = min(box.position_y for box in walk_boxes(page_box)
                      if type(box).__name__ == "LineBox" and box.element_tag == "p"
                      and box.position_x < photo.position_x - 50)
    assert abs(photo.position_y - columns_top) < line           # the head of the column
    assert 0 < tail[0].position_y - (photo.position_y + photo.height) < 40 * line
    assert abs(tail[0].position_x - photo.position_x) < 1       # not indented


def test_a_paragraph_split_for_a_figure_is_set_again_with_its_last_line_full(
        issue02_bulgarian):
    """The first part of a paragraph split for a figure is justified to its last line. Set
    again with the best breaks (its last line counted as full, not free), it loses its loose
    lines and still ends at its column's foot."""
    _, _, layout, fitted = issue02_bulgarian
    laid = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    heads = [(plan, laid[plan.article, plan.path]) for plan in fitted.plans
             if laid[plan.article, plan.path].setting == lines.TO_THE_LAST]
    assert heads
    for plan, paragraph in heads:
        assert plan.faults_after == 0 < plan.faults_before
        assert lines._faults(paragraph) == 0
    report = measure_makeup(pages_for_print(layout.document)[0], "bg")
    assert not any("split for a figure" in fault.detail for article in report.articles
                   for fault in article.faults)


def test_a_paragraph_is_split_after_its_words_with_its_emphasis_on_both_sides():
    """The split keeps the inline markup of each side and drops the space between."""
    def Emph(inlines: list) -> dict:
        return {"t": "Emph", "c": inlines}
    words = [Str("Klaster"), Space(), Emph([Str("okuplja"), Space(), Str("firme")]), Space(),
             Str("iz"), Space(), Str("Niša.")]
    head, tail = figures.split(Para(words), 2, indented=True)
    assert ast.classes(head) == ["run-on", "indented"] and ast.classes(tail) == ["run-in"]
    assert plain_text(head) == "Klaster okuplja" and plain_text(tail) == "firme iz Niša."
    assert ast.content(ast.content(head)[0])[-1] == Emph([Str("okuplja")])
    assert ast.content(ast.content(tail)[0])[0] == Emph([Str("firme")])


def test_a_split_paragraph_that_ends_mid_column_is_a_hole():
    """A paragraph justified to its last line that stops in the middle of a column (the
    layout moved since it was split) leaves a figure mid-column: the makeup names it."""
    html = ('<div class="article" id="a" style="columns: 2; width: 150mm">'
            '<div class="run-on"><p style="text-align: justify; text-align-last: justify">'
            'Klaster okuplja firme iz Niša i Sofije koje zajedno izvoze.</p></div>'
            '<p>Kraj.</p></div>')
    report = measure_makeup(HTML(string=html).render(), "sr-Latn")
    [hole] = [f for f in report.articles[0].faults if f.kind == "hole"]
    assert hole.detail.startswith("a paragraph split for a figure ends mid-column at '")


def test_a_table_caption_stays_with_its_table(issue02_bulgarian):
    """The caption of workshop-nis's table once stood at the foot of the left column and the
    table at the top of the right one."""
    _, _, layout, _ = issue02_bulgarian
    pdf = pypdfium2.PdfDocument(pdf_bytes(pages_for_print(layout.document)[0], trim=True))
    x, y = ctypes.c_double(), ctypes.c_double()
    found = {}
    for number, page in enumerate(pdf, 1):
        text = page.get_textpage()
        for words in ("Осемте мерки от първия план за действие", "Отговорник"):
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


def test_status_recognises_every_kind_of_fitting_note(issue02_bulgarian):
    _, _, _, fitted = issue02_bulgarian
    notes = [*(f.note for f in fitted.fits), *(m.note for m in fitted.moves)]
    assert any("set closer" in n for n in notes)
    assert any(": a table set 1 block later in the text" in n for n in notes)
    assert any(" at the head of a column with a paragraph running on" in n for n in notes)
    assert all(is_fitting_note(n) for n in notes)
    assert all(is_fitting_note(n) for n in (
        "bg cluster-day runs about 19 lines onto page 10: cut about 115 words, or add about "
        "21 lines (a picture, a pull quote), or allow closer setting",
        "sr-Latn cluster-day: its pull quote left out so that it ends on 1 page instead of 2",
        "en survey: a figure and a table set 2 blocks later in the text, at the head of a "
        "column with a paragraph running on around it, so that the columns of page 6 fill"))
    assert not is_fitting_note("12 pages, a multiple of 4")
    assert not is_fitting_note("fonts cut to the text: 1.9 MB -> 0.32 MB")


def test_a_justified_line_with_a_word_alone_is_loose():
    """A line that holds one word it cannot spread, and is not its paragraph's last, is as
    loose as a line can be; the paragraph's last line, short as it is, is not."""
    html = ('<div class="article" id="a"><p style="width: 70mm; text-align: justify; '
            'hyphens: manual">Početkom Međunarodnoprekograničnosarađivanje i kraj.</p></div>')
    report = measure_makeup(HTML(string=html).render(), "sr-Latn")
    assert [(f.kind, f.detail) for f in report.articles[0].faults] == [
        ("loose line", repr("Početkom"))]


def test_a_footnote_call_on_a_justified_line_is_not_measured_as_a_word_space():
    """The call's small digit sits in a box of its own that the justification marks too,
    though it has no space to widen: the line is as tight as its words are."""
    words = "Klaster okuplja preduzeća iz Niša i Sofije koja zajedno izvoze"
    html = ('<div class="article" id="a"><p style="width: 67mm; text-align: justify; '
            f'hyphens: manual; font-size: 10pt">{words}<sup style="font-size: 5pt">2</sup> '
            f'{words} kraj.</p></div>')
    report = measure_makeup(HTML(string=html).render(), "sr-Latn")
    assert report.articles[0].faults == ()


def test_a_figure_is_tried_near_its_place_and_stays_in_its_section():
    """Figures are tried one block later, one earlier, two later...; never after a heading,
    across one, or across a picture that has a page of its own."""
    figure = {"t": "Figure", "c": [["", [], []], [None, []], []]}
    full_page = {"t": "Figure", "c": [["", ["full-page"], []], [None, []], []]}
    text = [Para([Str("text")])]
    blocks = [*text, Header(2, [Str("A")]), *text, *text, figure, *text, full_page, *text]
    composed = ComposedArticle("a", "", [], [], [], blocks)
    article = ArticleMakeup("a", 3, 5, 0.6, (Fault("short column", 3, "40 mm"),))
    moves = figures.tries(composed, article, [3, 4])
    assert [(m.figure, m.after) for m in moves] == [(4, 5), (4, 2)]
    introduced = [*blocks[:2], Para([Str("steps:")]), *blocks[3:]]     # leads into block 3
    assert [(m.figure, m.after) for m in figures.tries(
        dataclasses.replace(composed, blocks=introduced), article, [3, 4])] == [(4, 5)]
    assert figures.tries(composed, article, [6, 7]) == []          # far from the gap
    assert figures.tries(composed, article, [3]) == []             # a figure not found
    [moved] = [figures.moved(composed, move).blocks for move in moves[1:]]
    assert moved[3] is figure and moved[4] == blocks[3]


def test_a_short_last_page_may_have_its_wide_figures_made_taller_within_the_limit():
    """After the spacing, at its limits, the wide figures grow 5 mm at a time up to
    --fit-figure-height-max, and never past it; an article without one only spaces."""
    bounds = limits(Project(REPO))
    tries = fit._looser("a", bounds, wide_figures=True)
    heights = [t.figure_height for t in tries if t.figure_height is not None]
    assert heights == list(range(int(bounds["figure-full"]) + 5, int(bounds["figure-max"]) + 1, 5))
    assert heights and all(t.letter_spacing == bounds["letter"] for t in tries[-len(heights):])
    assert all(t.figure_height is None for t in fit._looser("a", bounds, wide_figures=False))
    assert f"max-height: {bounds['figure-max']:.0f}mm" in tries[-1].css()


def test_no_page_number_of_the_contents_stands_on_a_line_of_its_own(issue02_bulgarian):
    """Issue 02's English contents once put the leader and the page number of "The Niš
    workshop: the strategy put to the test" and two more on a line of their own."""
    project = issue02_bulgarian[0]
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["en"])
    front = lay_out_edition(project, text).document.pages[1]._page_box
    titles = [box for box in walk_boxes(front) if "toc-title" in
              ((getattr(box, "element", None) is not None and box.element.get("class")) or "")
              and type(box).__name__ == "BlockBox"]
    assert len(titles) == len(text.articles)
    for title in titles:
        last = [line for line in walk_boxes(title) if type(line).__name__ == "LineBox"][-1]
        words = re.sub(r"[\s.\d]", "", line_text(last))
        assert words, f"{line_text(last)!r} stands alone under {title.element.text!r}"
