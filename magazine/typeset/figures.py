"""Place the figures, tables and pull quotes where the columns need them. A figure that
does not fit at the foot of a column goes to the top of the next, and the column it did not
fit in stops short: a hole no art director passes. For an article with a column stopping
short (or a hole, or a page under half full) on a page it runs on from, the figures on that
page or the next are tried later in the text or earlier, one block at a time, up to
MAX_SHIFT blocks, never across a heading (a figure stays in its section), never right after
one or after a paragraph ending in a colon (it introduces what follows), and never across a
picture on a page of its own (which stays where it is); the place that leaves the article
nearest made up (score), on no more pages and with no new fault, is kept. fit.py lays the
trials out."""

from dataclasses import dataclass, replace

from magazine.model import ArticleMakeup, ComposedArticle, EditionText
from magazine.pandoc.ast import plain_text
from magazine.typeset.document import figure_has_class
from magazine.typeset.makeup import SHORT_LAST, article_of

MAX_SHIFT = 4                               # blocks a figure may move down the text
GAPS = ("short column", "hole", "underfull page")
MOVABLE = {"Figure": "figure", "Table": "table",    # blocks that do not break, and their tags
           "BlockQuote": "blockquote"}              # (block quotes print as pull quotes)
AFTERWARDS = ("short last page",)          # weighed by score(), the copy fitting comes after


@dataclass(frozen=True)
class Move:
    """One figure of an article moved down its text: the blocks' indices before the move."""

    slug: str
    figure: int                             # the Figure's index among the article's blocks
    after: int                              # the block it now follows
    note: str = ""


def gaps(article: ArticleMakeup) -> int:
    """Count the article's columns stopping short, holes and pages under half full."""
    return sum(fault.kind in GAPS for fault in article.faults)


def score(article: ArticleMakeup) -> float:
    """Return how far a layout of an article is from made up: its gaps, and a short last
    page counted by how empty it is (a page of three lines as a whole fault)."""
    short = any(fault.kind == "short last page" for fault in article.faults)
    return gaps(article) + (1 - article.last_page_fill / SHORT_LAST if short else 0.0)


def better(before: ArticleMakeup, after: ArticleMakeup) -> bool:
    """Say whether a layout of an article is nearer made up, on no more pages, with no
    fault of another kind that it did not have."""
    def others(article: ArticleMakeup) -> list[str]:
        return sorted(f.kind for f in article.faults if f.kind not in GAPS + AFTERWARDS)
    had = others(before)
    return after.pages <= before.pages and score(after) < score(before) and all(
        others(after).count(kind) <= had.count(kind) for kind in set(others(after)))


def figure_pages(document) -> dict[str, list[int]]:
    """Return, for each article, the page each of its figures and tables starts on, in
    text order."""
    found: dict[str, dict[int, int]] = {}
    for number, page in enumerate(document.pages, 1):
        _figures_under(page._page_box, number, "", found)
    return {slug: list(pages.values()) for slug, pages in found.items()}


def _figures_under(box, number: int, article: str, found: dict) -> None:
    article = article_of(box, article)
    if getattr(box, "element_tag", "") in MOVABLE.values() and article:
        found.setdefault(article, {}).setdefault(id(box.element), number)
        return
    for child in getattr(box, "children", None) or ():
        _figures_under(child, number, article, found)


def tries(composed: ComposedArticle, article: ArticleMakeup, pages: list[int]) -> list[Move]:
    """Return the moves to try for an article with gaps, in the order to try them: each
    figure on a page with a gap or just after one, one block later, one block earlier, two
    later and so on; never to the article's start, after a heading or a paragraph ending in
    a colon, nor across a heading or a full-page picture."""
    blocks = composed.blocks
    figures = [n for n, block in enumerate(blocks) if block["t"] in MOVABLE]
    if len(figures) != len(pages):          # one inside another block: none is moved
        return []
    short = {fault.page for fault in article.faults if fault.kind in GAPS}
    moves = []
    for figure, page in zip(figures, pages, strict=True):
        if (page not in short and page - 1 not in short) or _fixed(blocks[figure]):
            continue
        for shift in range(1, MAX_SHIFT + 1):
            later, earlier = figure + shift, figure - shift - 1
            if later < len(blocks) and not any(map(_fixed, blocks[figure + 1:later + 1])) \
                    and not _introduces(blocks[later]):
                moves.append(Move(composed.slug, figure, later))
            if earlier >= 0 and not any(map(_fixed, blocks[earlier:figure])) \
                    and not _introduces(blocks[earlier]):
                moves.append(Move(composed.slug, figure, earlier))
    return moves


def _introduces(block: dict) -> bool:
    """Say whether a paragraph ends in a colon: what follows it belongs to it."""
    return block["t"] in ("Para", "Plain") and plain_text(block).rstrip().endswith(":")


def _fixed(block: dict) -> bool:
    """Say whether a block stays where it is and no figure moves across it: a heading, or a
    picture on a page of its own."""
    return block["t"] == "Header" or block["t"] == "Figure" and figure_has_class(block,
                                                                                 "full-page")


def moved(composed: ComposedArticle, move: Move) -> ComposedArticle:
    """Return the article with the figure moved to follow block `move.after`."""
    blocks = composed.blocks
    figure = blocks[move.figure]
    rest = blocks[:move.figure] + blocks[move.figure + 1:]
    at = move.after + (move.after < move.figure)    # where `after` now is, plus one
    return replace(composed, blocks=rest[:at] + [figure] + rest[at:])


def with_moves(text: EditionText, moves: list[Move]) -> EditionText:
    """Return the edition's text with the moves made, in their order."""
    articles = list(text.articles)
    for move in moves:
        articles = [moved(a, move) if a.slug == move.slug else a for a in articles]
    return replace(text, articles=tuple(articles))


def move_note(edition: str, composed: ComposedArticle, move: Move, page: int) -> str:
    """Say what the move changed, for the build's summary."""
    later = move.after > move.figure
    shift = move.after - move.figure if later else move.figure - move.after - 1
    kind = {"Table": "table", "BlockQuote": "pull quote"}.get(composed.blocks[move.figure]["t"],
                                                              "figure")
    return (f"{edition} {move.slug}: a {kind} set {shift} block{'s' if shift != 1 else ''} "
            f"{'later' if later else 'earlier'} in the text, so that the columns of page "
            f"{page} fill")
