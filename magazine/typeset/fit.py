"""Fit the copy: when an article runs a few lines onto a page of its own, lay it out alone
with its letters and words set a little closer (and its wide figures a little shorter),
within the limits styles/magazine.css sets, and keep the first setting that pulls those
lines back; failing that, set a little looser until its last page is fuller; when neither
does, say what to cut or add. Each article's setting is kept by the hash of what it was
made from (build/<ISSUE>/.cache/fit/), so an unchanged article is not fitted again."""

import dataclasses
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from magazine.formats import PDF_STYLES
from magazine.languages import select_editions
from magazine.machinery.diskcache import DiskCache
from magazine.machinery.workers import run_jobs
from magazine.model import ArticleMakeup, EditionMakeup, EditionText, Project
from magazine.pandoc import ast
from magazine.sources.issue import load_issue
from magazine.typeset import figures, makeup
from magazine.typeset import lines as line_setting
from magazine.typeset.compose import compose_edition
from magazine.typeset.document import mark_wide_figures, optional_ids
from magazine.typeset.lines import Edit, LinePlan, Spaced, check_plans, lines_note, plan_lines
from magazine.typeset.makeup import SHORT_LAST, measure_makeup
from magazine.typeset.pdf import pages_for_print
from magazine.typeset.render import Layout, edition_html, lay_out_edition

log = logging.getLogger(__name__)

FIT_VERSION = 5                         # a new fitting rule: every article is fitted again
STEPS = (0.25, 0.5, 0.75, 1.0)          # how far towards the limits each try goes
# Set as close as the limits allow, a text loses at most about this share of its lines, and
# a paragraph's last two lines go together; an article running more lines onto its last page
# (and no wide figure to make shorter) is not tried, only told what to cut.
SHRINKS_AT_MOST = 0.05
WIDOWS = 2
LINE_ROUNDS = 4                         # layouts to try the paragraphs set again in
LINE_FAULTS = ("hyphen ladder", "loose line")   # what setting the lines again mends
_LIMIT = re.compile(r"--(fit-letter-spacing|fit-word-spacing|fit-figure-height-max|"
                    r"fit-figure-height|wide-figure-height)\s*:\s*([\d.]+)(em|mm)\s*;")
FIGURE_STEP = 5                         # mm a wide figure is made shorter or taller at a time
# a wide figure made FIGURE_STEP taller pushes about this many lines (of both columns) on
LINES_PER_STEP = 2


@dataclass(frozen=True)
class Fit:
    """How one article is set to fit its pages, and what the editor is told."""

    slug: str
    letter_spacing: float = 0.0         # em, negative: closer
    word_spacing: float = 0.0           # em
    figure_height: float | None = None  # mm, the wide figures' height when made shorter
    note: str = ""
    drop: tuple[str, ...] = ()          # the ids of the pull quotes left out (::: optional)
    moves: tuple[figures.Move, ...] | None = None   # the figures placed again for this
                                                    # setting (None: as they were placed)

    def css(self) -> str:
        """Return the stylesheet that sets the article so."""
        rules = [f"#{ident} {{ display: none; }}" for ident in self.drop]
        if self.letter_spacing or self.word_spacing:
            rules.append(f"#{self.slug} .body p, #{self.slug} .body li {{ "
                         f"letter-spacing: {self.letter_spacing:.4f}em; "
                         f"word-spacing: {self.word_spacing:.4f}em; }}")
        if self.figure_height is not None:
            rules.append(f"#{self.slug} figure.wide img {{ max-height: "
                         f"{self.figure_height:.0f}mm; }}")
        return "\n".join(rules)


def limits(project: Project) -> dict[str, float]:
    """Return the designer's fitting limits, the custom properties of magazine.css."""
    css = (project.styles / "magazine.css").read_text(encoding="utf-8")
    found = {name: float(value) for name, value, _ in _LIMIT.findall(css)}
    return {"letter": found.get("fit-letter-spacing", 0.0),
            "word": found.get("fit-word-spacing", 0.0),
            "figure": found.get("fit-figure-height", found.get("wide-figure-height", 0.0)),
            "figure-full": found.get("wide-figure-height", 0.0),
            "figure-max": found.get("fit-figure-height-max", found.get("wide-figure-height",
                                                                       0.0))}


def needs_fitting(article: ArticleMakeup) -> bool:
    """Say whether an article ends on a page that holds only a few of its lines."""
    return article.pages > 1 and any(f.kind == "short last page" for f in article.faults)


@dataclass(frozen=True)
class Fitted:
    """An edition laid out fitted: its layout, how its articles were set to fit, the figures
    moved down their text and the paragraphs set again."""

    layout: Layout
    fits: list[Fit]
    moves: list[figures.Move]
    plans: list[LinePlan]

    def notes(self, edition: str) -> list[str]:
        """Return what the fitting changed and advises, for the build's summary."""
        return [move.note for move in self.moves] + [fit.note for fit in self.fits] + \
            lines_note(edition, self.plans)


def lay_out_fitted(project: Project, text: EditionText) -> Fitted:
    """Lay out an edition with its figures placed where the columns need them, every
    article fitted to its pages and the paragraphs with a hyphen ladder or a loose line set
    again (typeset/lines.py). What an edition's HTML came to is kept
    (build/<ISSUE>/.cache/fit/), so an unchanged edition is laid out once."""
    bounds = limits(project)
    cache = DiskCache(project.build / text.issue.id / ".cache" / "fit")
    prepared = edition_html(project, text)
    key = _key(project, f"{text.edition.tag} edition", prepared[0], bounds)
    kept = cache.get(key)
    if kept is not None:                # the edition as it was fitted and set last time
        fits, moves, plans = _from_json(kept)
        placed = figures.with_moves(text, moves)
        layout = lay_out_edition(project, placed, css=_css(fits), lines=plans,
                                 prepared=edition_html(project, placed) if moves else prepared)
        if not check_plans(layout.document, plans):
            return Fitted(layout, fits, moves, plans)
    fitted = _fit_and_set(project, text, bounds, prepared)
    cache.put(key, json.dumps({"fits": [dataclasses.asdict(fit) for fit in fitted.fits],
                               "moves": [dataclasses.asdict(move) for move in fitted.moves],
                               "plans": [dataclasses.asdict(plan) for plan in fitted.plans]}))
    return fitted


def lay_out_for_press(project: Project, text: EditionText, fitted: Fitted) -> Layout:
    """Lay the fitted edition out again in the press's colours (press.py): the same HTML,
    settings and lines, so the same pages."""
    return lay_out_edition(project, figures.with_moves(text, fitted.moves),
                           css=_css(fitted.fits), lines=fitted.plans,
                           prepared=(fitted.layout.html, []), press=True)


def _from_json(kept: str) -> tuple[list[Fit], list[figures.Move], list[LinePlan]]:
    record = json.loads(kept)
    plans = [LinePlan(p["article"], tuple(p["path"]),
                      tuple(Edit(tuple(e["node"]), e["field"], e["index"], e["kind"])
                            for e in p["edits"]),
                      tuple(p["lines"]), tuple(p["widths"]), p["faults_before"],
                      p["faults_after"], tuple(p["spacing"]) if p["spacing"] else None,
                      tuple(Spaced(tuple(e["node"]), e["field"], e["start"], e["end"],
                                   e["letters"]) for e in p["spaced"]))
             for p in record["plans"]]
    return ([_fit_of(fit) for fit in record["fits"]],
            [figures.Move(**move) for move in record["moves"]], plans)


def _fit_of(record: dict) -> Fit:
    moves = record.get("moves")
    return Fit(**{**record, "drop": tuple(record.get("drop", ())),
                  "moves": None if moves is None else tuple(figures.Move(**m) for m in moves)})


def _css(fits: list[Fit]) -> str:
    return "\n".join(fit.css() for fit in fits if fit.css())


def _fit_and_set(project: Project, text: EditionText, bounds: dict,
                 prepared: tuple[str, list[str]]) -> Fitted:
    layout = lay_out_edition(project, text, prepared=prepared)
    written = text
    moves = place_figures(project, text, layout.document)
    if moves:
        log.info("%s: laying out the pages again, figures placed", text.edition.tag)
        text = figures.with_moves(text, moves)
        prepared = edition_html(project, text)
        layout = lay_out_edition(project, text, prepared=prepared)
    fits = fit_edition(project, written, layout.document)
    placed = {fit.slug: list(fit.moves) for fit in fits if fit.moves is not None}
    if placed:                          # the figures as placed for each setting
        moves = [move for move in moves if move.slug not in placed] + \
            [move for again in placed.values() for move in again]
        text = figures.with_moves(written, moves)
        prepared = edition_html(project, text)
    css = _css(fits)
    if css:
        log.info("%s: laying out the pages again, fitted", text.edition.tag)
        layout = lay_out_edition(project, text, css=css, prepared=prepared)
    layout, plans = set_lines(project, text, layout, css, prepared, bounds)
    return Fitted(layout, fits, moves, plans)


def set_lines(project: Project, text: EditionText, layout: Layout, css: str,
              prepared: tuple[str, list[str]], bounds: dict) -> tuple[Layout, list[LinePlan]]:
    """Return the layout with the paragraphs that have a hyphen ladder or a loose line set
    again (typeset/lines.py), and their plans: a plan the layout does not carry out is tried
    once more with hyphens, then dropped, and no article's pages may come out worse made up
    than in `layout` (the edition laid out with `css`, from `prepared`)."""
    spacing = (bounds["letter"], bounds["word"])
    plans = plan_lines(layout.document, spacing)
    made_up = _page_faults(layout.document, text)
    counts = line_setting.line_counts(layout.document)
    as_many: frozenset[tuple] = frozenset()
    for _ in range(LINE_ROUNDS):        # a plan the layout did not follow is dropped
        if not plans:
            break
        log.info("%s: setting the lines of %d paragraphs again", text.edition.tag, len(plans))
        candidate = lay_out_edition(project, text, css=css, lines=plans, prepared=prepared)
        wrong = check_plans(candidate.document, plans)
        if wrong:
            # a plan that did not come out is tried once more with hyphens, then dropped
            again = [hard for plan in wrong if (hard := line_setting.with_hyphens(plan))]
            plans = [plan for plan in plans if plan not in wrong] + again
            continue
        worse = {slug for slug, faults in _page_faults(candidate.document, text).items()
                 if faults > made_up.get(slug, 0)}
        if not worse:
            return candidate, plans
        log.info("%s: %s made up worse with the lines set again", text.edition.tag,
                 ", ".join(sorted(worse)))
        # a paragraph set on a line fewer or more moved the page makeup: the first such
        # paragraph of the article keeps its lines; when none is left, the article is set
        # as it was
        for slug in worse:
            moved = [(plan.article, plan.path) for plan in plans if plan.article == slug
                     and len(plan.lines) != counts.get((plan.article, plan.path))]
            if moved:
                as_many |= {min(moved)}
            else:
                plans = [plan for plan in plans if plan.article != slug]
        kept = {(plan.article, plan.path) for plan in plans}
        plans = [plan for plan in plans if (plan.article, plan.path) not in as_many] + \
            plan_lines(layout.document, spacing, as_many, only=as_many & kept)
    return layout, []


def _page_faults(document, text: EditionText) -> dict[str, int]:
    """Return how many faults of its pages (all but its lines') each article has."""
    report = measure_makeup(pages_for_print(document)[0], text.edition.tag)
    return {article.slug: article.pages + sum(fault.kind not in LINE_FAULTS
                                              for fault in article.faults)
            for article in report.articles}


def issue_makeup(project: Project, issue_id: str | None = None, editions=(),
                 jobs: int | None = None) -> list[EditionMakeup]:
    """Lay out each chosen edition of an issue as it prints, fitted, and measure it."""
    issue = load_issue(project, issue_id)

    def measure(edition) -> EditionMakeup:
        fitted = lay_out_fitted(project, compose_edition(project, issue, edition))
        return measure_makeup(pages_for_print(fitted.layout.document)[0], edition.tag)
    return run_jobs(select_editions(editions), jobs, measure)


def place_figures(project: Project, text: EditionText, document) -> list[figures.Move]:
    """Return the figures to move down their articles' text so that the columns they left
    short fill (figures.py); each article's moves are kept by the hash of its HTML."""
    report = measure_makeup(pages_for_print(document)[0], text.edition.tag)
    cache = DiskCache(project.build / text.issue.id / ".cache" / "fit")
    bounds = limits(project)
    moves: list[figures.Move] = []
    for article in report.articles:
        composed = _article(text, article)
        if not figures.gaps(article):
            continue
        alone = dataclasses.replace(text, articles=(composed,))
        html, _ = edition_html(project, alone, fitting=True)
        key = _key(project, f"{alone.edition.tag} figures", html, bounds)
        kept = cache.get(key)
        if kept is None:
            found, _ = _best_moves(project, alone, article.first_page)
            kept = json.dumps([dataclasses.asdict(move) for move in found])
            cache.put(key, kept)
        moves += [figures.Move(**move) for move in json.loads(kept)]
    return moves


def _best_moves(project: Project, alone: EditionText, first_page: int,
                css: str = "") -> tuple[list[figures.Move], ArticleMakeup]:
    """Return the moves that leave the article alone (set with `css`) nearest made up, one
    after another (up to figures.MOST_MOVES; none when no move is better than none): each
    time the move whose layout is nearest, the figures at the head of a column tried first,
    and the first that leaves nothing to make up ends it; and the article's makeup so.
    `first_page` is where the article starts in the edition, for the notes."""
    document = _alone_document(project, alone, css)
    best = _measure_alone(document, alone)
    offset = first_page - best.first_page
    moves: list[figures.Move] = []
    for _ in range(figures.MOST_MOVES):
        if not figures.gaps(best):
            break
        start, current = best, figures.with_moves(alone, moves)
        composed = current.articles[0]
        pages = figures.figure_pages(document).get(composed.slug, [])
        chosen = None
        for move in _column_tops(project, current, document, best, css) + \
                figures.tries(composed, best, pages):
            laid = _alone_document(project, figures.with_moves(current, [move]), css)
            after = _measure_alone(laid, current)
            if figures.better(best, after):
                best, chosen, chosen_document = after, move, laid
                if not figures.score(after):
                    break
        if chosen is None:
            break
        page = min(fault.page for fault in start.faults if fault.kind in figures.GAPS)
        moves.append(dataclasses.replace(chosen, note=figures.move_note(
            alone.edition.tag, composed, chosen, page + offset)))
        document = chosen_document
    return moves, best


def _column_tops(project: Project, alone: EditionText, document, article: ArticleMakeup,
                 css: str) -> list[figures.Move]:
    """Return the moves that set a figure after a short column at the head of the next
    (figures.column_top): for each column stopping short, the figure, table or pull quote
    that did not fit below it, the article laid out without it. A figure across both
    columns goes to the head of the next page: after where the page's right column ends."""
    composed = alone.articles[0]
    moves = []
    for page, column in figures.short_columns(article):
        found = figures.figures_after(document, composed, page, column)
        if found is None:
            continue
        figure, count = found
        run = composed.blocks[figure:figure + count]
        if any(map(figures.is_fixed, run)):
            continue
        if any(_is_wide(project, alone, block) for block in run):
            column = 1
        rest = figures.without(composed, figure, count)
        laid = _alone_document(project, dataclasses.replace(alone, articles=(rest,)), css)
        move = figures.column_top(laid, rest, figure, count, page, column)
        if move is not None and move not in moves:
            moves.append(move)
    return moves


def fit_edition(project: Project, text: EditionText, document) -> list[Fit]:
    """Return how each article that runs onto a short last page is to be set: `text` is the
    edition as written, `document` its layout with the figures placed, not yet fitted."""
    pages, _ = pages_for_print(document)
    report = measure_makeup(pages, text.edition.tag)
    cache = DiskCache(project.build / text.issue.id / ".cache" / "fit")
    return [fit_article(project, text, article, cache) for article in report.articles
            if needs_fitting(article)]


def fit_article(project: Project, text: EditionText, article: ArticleMakeup,
                cache: DiskCache) -> Fit:
    """Return the gentlest setting within the limits that lays the article out on one page
    less, else the gentlest that fills its last page to SHORT_LAST on as many pages, else
    the advice of what to cut or add. `text` is the edition as written (its figures not yet
    placed), `article` the article's makeup in the edition as placed: an article starts on
    a page of its own, so alone it lays out the same."""
    bounds = limits(project)
    wides = sum(_is_wide(project, text, block) for block in _article(text, article).blocks)
    wide = wides > 0
    closer = _candidates(article.slug, bounds, wide) \
        if wide or article.last_page_lines <= SHRINKS_AT_MOST * article.lines + WIDOWS else []
    # then with the pull quotes the author lets go left out, and set closer still
    dropped = tuple(optional_ids(_article(text, article)))
    leaving = [dataclasses.replace(fit, drop=dropped) for fit in
               [Fit(article.slug), *_candidates(article.slug, bounds, wide)]] if dropped else []
    taller = max(0.0, bounds["figure-max"] - bounds["figure-full"]) // FIGURE_STEP
    looser = _looser(article.slug, bounds, wide) \
        if _missing_lines(article) <= SHRINKS_AT_MOST * article.lines + \
        wides * taller * LINES_PER_STEP else []
    if not closer and not looser and not leaving:
        return Fit(article.slug, note=_advice(text, article, bounds, wide))
    alone = dataclasses.replace(text, articles=(_article(text, article),))
    html, _ = edition_html(project, alone, fitting=True)
    key = _key(project, alone.edition.tag, html, bounds)
    kept = cache.get(key)
    if kept is not None:
        return _fit_of(json.loads(kept))

    def fewer(m: ArticleMakeup) -> bool:
        return m.pages < article.pages and _sound(m, article)
    first = article.first_page
    fit = _gentlest(project, alone, first, closer, fewer) or \
        _gentlest(project, alone, first, leaving, fewer)
    if fit is not None:
        shorter = _pages(article.pages - 1)
        fit = dataclasses.replace(fit, note=_changed(
            text, fit, f"it ends on {shorter} instead of {article.pages}"))
    else:
        fit = _gentlest(project, alone, first, looser, lambda m: m.pages == article.pages
                        and m.last_page_fill >= SHORT_LAST and _sound(m, article))
        if fit is not None:
            fit = dataclasses.replace(fit, note=_changed(text, fit, "its last page is at "
                                                         f"least {SHORT_LAST:.0%} full"))
    fit = fit or Fit(article.slug, note=_advice(text, article, bounds, wide))
    cache.put(key, json.dumps(dataclasses.asdict(fit)))
    return fit


def _sound(fitted: ArticleMakeup, article: ArticleMakeup) -> bool:
    """Say whether a fitted layout keeps every footnote on its call's page and leaves no
    column short (nor a hole, nor a page under half full) that `article`, as set before,
    did not have."""
    return not any(fault.kind == "footnote away" for fault in fitted.faults) and \
        figures.gaps(fitted) <= figures.gaps(article)


def _missing_lines(article: ArticleMakeup) -> float:
    """Return about how many lines the article's last page lacks to be SHORT_LAST full."""
    if not article.last_page_fill:
        return float("inf")
    per_page = article.last_page_lines / article.last_page_fill
    return max(0.0, (SHORT_LAST - article.last_page_fill) * per_page)


def _pages(count: int) -> str:
    return f"{count} page{'s' if count != 1 else ''}"


def _article(text: EditionText, article: ArticleMakeup):
    return next(a for a in text.articles if a.slug == article.slug)


def _is_wide(project: Project, text: EditionText, block: dict) -> bool:
    """Say whether a block is a figure the print sets across both columns."""
    return block["t"] == "Figure" and "wide" in ast.classes(
        mark_wide_figures([block], text.issue.path)[0])


def _gentlest(project: Project, alone: EditionText, first_page: int, candidates: list[Fit],
              works) -> Fit | None:
    """Return the gentlest candidate whose layout of the article `works(makeup)`, trying the
    strongest first (when it does not work, none does), then halving; each is laid out with
    its figures placed for it again (a setting moves where a column ends), and the one
    returned carries those moves."""
    placed: dict[int, list[figures.Move]] = {}

    def tried(n: int) -> bool:
        placed[n], makeup = _best_moves(project, alone, first_page, candidates[n].css())
        return works(makeup)
    if not candidates or not tried(len(candidates) - 1):
        return None
    low, high = 0, len(candidates) - 1          # candidates[high] works; find the first that does
    while low < high:
        middle = (low + high) // 2
        if tried(middle):
            high = middle
        else:
            low = middle + 1
    return dataclasses.replace(candidates[high], moves=tuple(placed[high]))


def _candidates(slug: str, bounds: dict, wide_figures: bool) -> list[Fit]:
    """Return the settings to try, gentlest first: spacing towards its limits, then, with
    the spacing at its limits, wide figures shorter by 5 mm at a time to their limit."""
    tries = [Fit(slug, -bounds["letter"] * step, -bounds["word"] * step) for step in STEPS
             if bounds["letter"] or bounds["word"]]
    if wide_figures and bounds["figure"] < bounds["figure-full"]:
        height = bounds["figure-full"] - FIGURE_STEP
        while height >= bounds["figure"]:
            tries.append(Fit(slug, -bounds["letter"], -bounds["word"], height))
            height -= FIGURE_STEP
    return tries


def _looser(slug: str, bounds: dict, wide_figures: bool) -> list[Fit]:
    """Return the settings that spread the text wider, gentlest first, to the same limits:
    spacing towards its limits, then, with the spacing at its limits, wide figures taller by
    FIGURE_STEP at a time to theirs."""
    tries = [Fit(slug, bounds["letter"] * step, bounds["word"] * step) for step in STEPS
             if bounds["letter"] or bounds["word"]]
    height = bounds["figure-full"] + FIGURE_STEP
    while wide_figures and height <= bounds["figure-max"]:
        tries.append(Fit(slug, bounds["letter"], bounds["word"], height))
        height += FIGURE_STEP
    return tries


def _alone_document(project: Project, alone: EditionText, css: str):
    """Return the layout of an article alone, its pages as they print."""
    document = lay_out_edition(project, alone, css=css, fitting=True).document
    return pages_for_print(document)[0]


def _measure_alone(document, alone: EditionText) -> ArticleMakeup:
    return measure_makeup(document, alone.edition.tag).articles[0]


def _changed(text: EditionText, fit: Fit, result: str) -> str:
    parts = [f"letters {fit.letter_spacing:+.3f} em, words {fit.word_spacing:+.3f} em"]
    if fit.figure_height is not None:
        parts.append(f"wide figures at most {fit.figure_height:.0f} mm")
    how = "closer" if fit.letter_spacing < 0 or fit.word_spacing < 0 else "looser"
    done = [f"set {how} ({'; '.join(parts)})"] if fit.letter_spacing or fit.word_spacing \
        or fit.figure_height is not None else []
    if fit.drop:
        done.insert(0, f"its pull quote{'s' if len(fit.drop) > 1 else ''} left out")
    return f"{text.edition.tag} {fit.slug}: {' and '.join(done)} so that {result}"


def _advice(text: EditionText, article: ArticleMakeup, bounds: dict, wide: bool) -> str:
    lines = max(1, article.last_page_lines)
    words = 5 * max(1, round(lines * article.words_per_line / 5))
    more = "allow closer setting (--fit-letter-spacing, --fit-word-spacing)"
    if wide and bounds["figure"] >= bounds["figure-full"] - 5:
        more = "allow smaller wide figures (--fit-figure-height)"
    add = max(1, round(_missing_lines(article)))
    return (f"{text.edition.tag} {article.slug} runs about {lines} lines onto page "
            f"{article.last_page}: cut about {words} words, or add about {add} "
            f"line{'s' if add != 1 else ''} (a picture, a pull quote), or {more}")


def _key(project: Project, edition: str, html: str, bounds: dict) -> str:
    """Return what a fit is made from: the article's (or the edition's) HTML as it prints,
    the stylesheets and fonts, the limits and the fitting and line-setting rules (their
    code)."""
    styles = [project.styles / name for name in PDF_STYLES] + \
        sorted((project.styles / "fonts").glob("*.ttf")) + \
        [Path(__file__), Path(line_setting.__file__), Path(figures.__file__),
         Path(makeup.__file__)]
    digests = [hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in styles]
    return json.dumps([FIT_VERSION, edition, html, digests, bounds])
