"""Paragraphs the greedy line breaker set with a hyphen ladder or a loose line are set again
with the best breaks of the whole paragraph (typeset/lines.py), on as many lines, and the
pages stay as they were made up."""

import dataclasses
import re
import shutil
from xml.etree import ElementTree

import pypdfium2
import pytest
from conftest import REPO
from weasyprint import HTML

from magazine.languages import EDITIONS
from magazine.model import Project
from magazine.sources.issue import load_issue
from magazine.typeset import figures, fit, lines
from magazine.typeset.compose import compose_edition
from magazine.typeset.makeup import LADDER, LOOSE_EM, measure_makeup, word_space
from magazine.typeset.pdf import pages_for_print, pdf_bytes, walk_boxes
from magazine.typeset.render import edition_html, lay_out_edition

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def bulgarian(tmp_path_factory):
    """Issue 01's Bulgarian edition (the one with the longest words) laid out fitted as the
    build does, and as it was before its paragraphs were set again."""
    root = tmp_path_factory.mktemp("lines")
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, root / room)
    project = Project(root)
    text = compose_edition(project, load_issue(project, "01"), EDITIONS["bg"])
    fitted = fit.lay_out_fitted(project, text)
    layout, fits, plans = fitted.layout, fitted.fits, fitted.plans
    css = "\n".join(f.css() for f in fits if f.css())
    text = figures.with_moves(text, fitted.moves)
    greedy = lay_out_edition(project, text, css=css)
    return project, text, layout, greedy, plans, css


def faults(document, kinds=("hyphen ladder", "loose line")) -> int:
    report = measure_makeup(pages_for_print(document)[0], "bg")
    return sum(1 for article in report.articles for f in article.faults if f.kind in kinds)


def test_ladders_and_loose_lines_are_set_again_on_as_many_lines_or_one_more_or_fewer(
        bulgarian):
    _, _, layout, greedy, plans, _ = bulgarian
    assert plans, "issue 01's Bulgarian edition has paragraphs to set again"
    assert faults(layout.document) <= 0.75 * faults(greedy.document)   # 39 -> 26 measured
    assert faults(layout.document, ("hyphen ladder",)) < faults(greedy.document,
                                                                 ("hyphen ladder",))
    before = {(p.article, p.path): p for p in lines._paragraphs(greedy.document)}
    after = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    for plan in plans:
        key = (plan.article, plan.path)
        assert len(after[key].lines) == len(plan.lines)
        assert abs(len(after[key].lines) - len(before[key].lines)) <= 1
        assert lines._faults(after[key]) <= plan.faults_after < plan.faults_before
    assert any(len(after[p.article, p.path].lines) != len(before[p.article, p.path].lines)
               for p in plans)          # bg project-launch: a paragraph set on a line fewer


def test_the_pages_stay_as_they_were_made_up(bulgarian):
    """Every article starts and ends on the same pages, its last page holds as many lines
    or one fewer or more, and no fault of its pages (not of its lines) is added."""
    _, _, layout, greedy, _, _ = bulgarian
    def spans(document):
        return [(a.slug, a.first_page, a.last_page, a.last_page_lines,
                 sorted(f.kind for f in a.faults if f.kind not in fit.LINE_FAULTS))
                for a in measure_makeup(pages_for_print(document)[0], "bg").articles]
    for now, was in zip(spans(layout.document), spans(greedy.document), strict=True):
        assert now[:3] == was[:3] and abs(now[3] - was[3]) <= 1 and now[4] == was[4]


def test_the_printed_text_is_the_same(bulgarian):
    """The PDF's text has the same letters in the same order, though its spaces became
    no-break spaces and soft hyphens mark where the lines break."""
    _, _, layout, greedy, _, _ = bulgarian

    def letters(document) -> str:
        pdf = pypdfium2.PdfDocument(pdf_bytes(pages_for_print(document)[0], trim=True))
        text = "".join(page.get_textpage().get_text_range() for page in pdf)
        for mark in ("\u00ad", "\u2010", "-", "\ufffe", "\x02"):   # hyphens of both kinds
            text = text.replace(mark, "")
        return "".join(text.split())
    set_again, as_before = letters(layout.document), letters(greedy.document)
    assert len(set_again) > 10_000
    assert set_again == as_before


def test_a_paragraph_is_set_without_the_ladder_greedy_breaking_makes():
    """Four lines of words the same width with hyphenation points: taking as many as fit
    makes three hyphenated lines in a row; the best breaks do not."""
    box = lambda width: lines._Item("box", width)                       # noqa: E731
    glue = lines._Item("glue", 4.0, True, size=16.0)
    hyphen = lines._Item("penalty", 5.0, True, True, edits=("shy",))
    items = []
    for _ in range(7):
        items += [box(30.0), hyphen, box(30.0), glue]
    items += [box(30.0)]
    widths = [100.0] * 6
    breaks = lines._best_breaks(items, widths)
    assert breaks is not None and len(breaks) == len(widths) and breaks[-1] == len(items)
    run = longest = 0
    for end in breaks[:-1]:
        run = run + 1 if items[end].hyphen else 0
        longest = max(longest, run)
    assert longest <= LADDER


def test_lines_beside_a_float_hold_what_the_greedy_breaker_puts_on_them():
    """Beside a drop cap WeasyPrint breaks the lines itself (a line bound into one run
    moves below the float), so there the plan takes as many words as fit, and makes its
    choices below."""
    box = lambda width: lines._Item("box", width)                       # noqa: E731
    glue = lines._Item("glue", 4.0, True, size=16.0, edits=("nbsp",))
    items = []
    for width in (40.0, 10.0, 30.0, 20.0, 30.0, 10.0):
        items += [box(width), glue]
    items.pop()
    widths = [100.0, 100.0, 100.0]
    # free to choose, the first line gives its third word to the second to even them out;
    # beside a float it keeps the three that fit (88 of 100), as the greedy breaker does
    assert lines._best_breaks(items, widths) == [3, 9, 11]
    assert lines._best_breaks(items, widths, [True, False, False]) == [5, 9, 11]


def test_a_paragraph_beside_a_drop_cap_is_set_closer_or_looser_and_stays_beside_it(bulgarian):
    """The paragraph a drop cap begins may be set closer or looser as a whole, as any
    other: in issue 01's Bulgarian edition the openers of cluster-map and sofia-meetings
    had a ladder or loose lines no breaks at their own spacing avoid. Set again, they have
    none, and their first two lines are still beside the drop cap."""
    _, _, layout, greedy, plans, _ = bulgarian
    before = {(p.article, p.path): p for p in lines._paragraphs(greedy.document)}
    after = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    spaced = [plan for plan in plans if any(before[(plan.article, plan.path)].beside)
              and plan.spacing is not None]
    assert len(spaced) >= 2, [plan.article for plan in spaced]
    for plan in spaced:
        key = (plan.article, plan.path)
        assert lines._faults(before[key]) > 0 and lines._faults(after[key]) == 0
        assert after[key].beside[:3] == before[key].beside[:3] == [True, True, False]


def test_a_paragraph_set_on_a_line_fewer_that_would_leave_a_column_short_keeps_its_lines():
    """sr-Cyrl it-bridge (issue 02): WeasyPrint leaves the word "већ" alone on a line of the
    opening paragraph; set on a line fewer, that paragraph would pull the left column of
    page 25 up short of the figure heading the right one. The makeup of the pages comes
    first: the paragraph keeps its eleven lines, and the pages are made up as before."""
    project = Project(REPO)
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["sr-Cyrl"])
    alone = dataclasses.replace(text, articles=tuple(
        a for a in text.articles if a.slug == "it-bridge"))
    moves, _ = fit._best_moves(project, alone, 25)
    placed = figures.with_moves(alone, moves)
    prepared = edition_html(project, placed, fitting=True)
    layout = lay_out_edition(project, placed, prepared=prepared)
    [opening] = [p for p in lines._paragraphs(layout.document) if p.path == (1, 0)]
    assert len(opening.lines) == 11 and lines._word_alone(opening) == 1
    # by itself, the paragraph would be set on ten lines
    assert len(lines._best_plan(opening, lines._faults(opening), (0.015, 0.04)).lines) == 10
    set_again, plans = fit.set_lines(project, placed, layout, "", prepared,
                                     fit.limits(project))
    def made_up(document):
        report = measure_makeup(pages_for_print(document)[0], "sr-Cyrl").articles[0]
        return report.pages, [f for f in report.faults if f.kind not in fit.LINE_FAULTS]
    assert made_up(set_again.document) == made_up(layout.document) == (2, [])
    [opening] = [p for p in lines._paragraphs(set_again.document) if p.path == (1, 0)]
    assert len(opening.lines) == 11


def test_a_list_item_is_set_again_ragged_and_on_a_line_more_when_that_mends_it():
    """sr-Cyrl eu-models-seminar (issue 02): a list item, set ragged, has three hyphenated
    lines in a row on its four full lines. No breaks on four lines avoid them; on five,
    ragged still, they go, and the article's pages are made up as before."""
    project = Project(REPO)
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["sr-Cyrl"])
    alone = dataclasses.replace(text, articles=tuple(
        a for a in text.articles if a.slug == "eu-models-seminar"))
    prepared = edition_html(project, alone, fitting=True)
    layout = lay_out_edition(project, alone, prepared=prepared)
    def item(document):
        return next(p for p in lines._paragraphs(document) if p.path == (1, 16, 2))
    before = item(layout.document)
    assert before.setting == lines.RAGGED and len(before.lines) == 4
    assert [lines.line_words(line).endswith("\u2010") for line in before.lines] == \
        [True, True, True, False]
    set_again, _ = fit.set_lines(project, alone, layout, "", prepared, fit.limits(project))
    after = item(set_again.document)
    assert len(after.lines) == 5 and lines._faults(after) == 0
    assert all(word_space(line) == lines.NATURAL_SPACE_EM for line in after.lines)  # ragged
    assert fit._page_faults(set_again.document, alone) == fit._page_faults(layout.document,
                                                                            alone)


def test_the_word_a_drop_cap_begins_is_never_hyphenated(bulgarian):
    """The rest of the word beside the drop cap goes whole (a syllable left alone on the
    first line reads as a word of its own); a one-letter word is followed by a space."""
    project, text, _, _, _, _ = bulgarian
    html, _ = edition_html(project, text)
    after = re.findall(r'class="drop-cap">[^<]+</span>(.{0,26})', html)
    assert len(after) == len(text.articles)
    assert all(rest.startswith('<span class="keep-whole">') or rest[:1].isspace()
               for rest in after), after
    assert any(rest.startswith('<span class="keep-whole">') for rest in after)


def test_every_plan_comes_out_as_planned(bulgarian):
    """The first layout with the plans carries out every one of them (a first line
    that begins with an indent is measured without it)."""
    project, text, _, greedy, _, css = bulgarian
    bounds = fit.limits(project)
    plans = lines.plan_lines(greedy.document, (bounds["letter"], bounds["word"]))
    laid = {(p.article, p.path): p for p in lines._paragraphs(greedy.document)}
    planned = [laid[(plan.article, plan.path)] for plan in plans]
    assert any(p.lines[0].style["text_indent"].value for p in planned)
    candidate = lay_out_edition(project, text, css=css, lines=plans)
    assert lines.check_plans(candidate.document, plans) == []


def test_no_line_set_again_is_looser_than_its_paragraph_had(bulgarian):
    """Fewer faults never buy one line stretched wider than the breaker stretched any:
    each paragraph's widest word space stays within the loose limit or its old widest."""
    _, _, layout, greedy, plans, _ = bulgarian
    before = {(p.article, p.path): p for p in lines._paragraphs(greedy.document)}
    after = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    for plan in plans:
        key = (plan.article, plan.path)
        widest = max(word_space(line) for line in after[key].lines[:-1])
        had = max(word_space(line) for line in before[key].lines[:-1])
        assert widest <= max(LOOSE_EM, had) + 0.02, (plan.lines, widest, had)


def test_a_line_its_spaces_leave_loose_has_its_letters_set_looser_within_the_limit(bulgarian):
    """Where no breaks keep a line's word spaces within the loose limit, its letters are set
    further apart, never beyond the designer's letter-spacing limit: it is not loose, or
    its letters are as far apart as the limit allows."""
    project, _, layout, _, plans, _ = bulgarian
    limit = fit.limits(project)["letter"]
    spaced = [plan for plan in plans if plan.spaced]
    assert spaced, "issue 01's Bulgarian edition has lines set with looser letters"
    after = {(p.article, p.path): p for p in lines._paragraphs(layout.document)}
    looser = 0
    for plan in spaced:
        for line in after[(plan.article, plan.path)].lines:
            for box in walk_boxes(line):
                spacing = box.style["letter_spacing"] if type(box).__name__ == "TextBox" \
                    else "normal"
                if spacing != "normal" and spacing > 0.01:
                    most = limit * box.style["font_size"]
                    assert spacing <= most + 0.01
                    assert word_space(line) <= LOOSE_EM or spacing >= most - 0.01, \
                        lines.line_words(line)     # as loose as it must be, or less
                    looser += 1
    assert looser >= len(spaced)


def test_the_hyphen_before_a_line_set_looser_is_printed():
    """WeasyPrint draws no hyphen at a soft hyphen a span follows: the line after a hyphen
    starts its looser letters at its second letter, and the hyphen prints."""
    words = "мениджъри на клъсте\u00adри, които едновременно"
    paragraph = ElementTree.Element("p")
    text = list(words.replace("\u00ad", ""))
    text[19] = "\u00ad" + text[19]
    pieces = [lines.Spaced((), "text", 0, 19, 0.4), lines.Spaced((), "text", 19, 28, 0.3)]
    lines._set_text(paragraph, "text", text, pieces, {})
    spans = list(paragraph)
    assert [span.text for span in spans] == ["мениджъри на клъсте", "и, които"]
    assert spans[0].tail == "\u00adр" and spans[1].tail == " едновременно"
    inner = ElementTree.tostring(paragraph, encoding="unicode")
    html = (f'<html lang="bg"><body><div style="width: 172px; font-size: 13px; '
            f'text-align: justify; hyphens: manual">{inner}</div></body></html>')
    first = next(box for box in walk_boxes(HTML(string=html).render().pages[0]._page_box)
                 if type(box).__name__ == "LineBox")
    assert lines.line_words(first).endswith("\u2010"), lines.line_words(first)


def test_a_hyphen_below_a_drop_cap_is_printed_as_a_hyphen_pango_breaks_after():
    """Below the lines beside a drop cap a soft hyphen later in the text would move a line
    below the float (WeasyPrint measures up to it): a plan writes that break as a hyphen,
    U+2010, and the line ends there with it."""
    paragraph = ElementTree.Element("p", {"lang": "bg"})
    paragraph.text = "проектът Балкански клъстер получи най-важния си документ"
    lines._set_text(paragraph, "text", list(paragraph.text), [], {})
    root = ElementTree.Element("html")
    article = ElementTree.SubElement(ElementTree.SubElement(root, "body"), "div",
                                     {"class": "article", "id": "a"})
    article.append(paragraph)
    plan = lines.LinePlan("a", (0,), (lines.Edit((0,), "text", 23, "hyphen"),),
                          ("проектът Балкански клъс-", "тер получи най-важния си документ"),
                          (), 1, 0)
    lines.apply_plans(root, [plan])
    assert paragraph.text == "проектът Балкански клъс\u2010тер получи най-важния си документ"
    html = ElementTree.tostring(root, encoding="unicode").replace(
        "<body>", '<body style="width: 190px; font-size: 13px; text-align: justify">')
    first = next(box for box in walk_boxes(HTML(string=html).render().pages[0]._page_box)
                 if type(box).__name__ == "LineBox")
    assert lines.line_words(first) == "проектът Балкански клъс\u2010"


def test_a_plan_weasyprint_runs_past_is_set_again_with_hyphens():
    """sr-Cyrl sofia-press: the paragraph with a ladder of six hyphenated lines is planned
    with soft hyphens, and WeasyPrint 70 runs its second line on to the next chosen soft
    hyphen; with those written as hyphens (U+2010) the plan comes out line for line."""
    project = Project(REPO)
    text = compose_edition(project, load_issue(project, "02"), EDITIONS["sr-Cyrl"])
    alone = dataclasses.replace(text, articles=tuple(
        a for a in text.articles if a.slug == "sofia-press"))
    layout = lay_out_edition(project, alone, fitting=True)
    [paragraph] = [p for p in lines._paragraphs(layout.document)
                   if lines.line_words(p.lines[0]).startswith("Извршна директорка")]
    bounds = fit.limits(project)
    plan = lines._best_plan(paragraph, lines._faults(paragraph),
                            (bounds["letter"], bounds["word"]))
    assert plan is not None and plan.faults_before > plan.faults_after == 0
    soft = lay_out_edition(project, alone, fitting=True, lines=[plan])
    assert lines.check_plans(soft.document, [plan]) == [plan]       # as WeasyPrint 70 does
    hard = lines.with_hyphens(plan)
    assert hard is not None and lines.with_hyphens(hard) is None
    laid = lay_out_edition(project, alone, fitting=True, lines=[hard])
    assert lines.check_plans(laid.document, [hard]) == []
    [again] = [p for p in lines._paragraphs(laid.document) if p.path == paragraph.path]
    assert [lines.line_words(line) for line in again.lines][:3] == [
        "Извршна директорка Фондације Красимира Ве\u2010",
        "лева објаснила је да је документ резултат готово",
        "годину дана рада и анкете међу 214 организаци\u2010"]
    assert lines._faults(again) == 0
