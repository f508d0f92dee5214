"""Place the figures, tables and pull quotes where the columns need them. A figure that
does not fit at the foot of a column goes to the top of the next, and the column it did not
fit in stops short: a hole no art director passes. For an article with a column stopping
short (or a hole, or a page under half full) on a page it runs on from, the figures on that
page or the next are tried later in the text or earlier, one block at a time, up to
MAX_SHIFT blocks, never across a heading (a figure stays in its section), never right after
one or after a paragraph ending in a colon (it introduces what follows), and never across a
picture on a page of its own (which stays where it is); the place that leaves the article
nearest made up (score), on no more pages and with no new fault, is kept. fit.py lays the
trials out.

First of all, as a make-up artist would, a figure that left a column short is tried at the
head of the next column with the text that follows it running on to fill the column: the
article is laid out without the figure, and the figure goes in where the short column then
ends, after its paragraph, or inside it, the paragraph split in two at that line (the part
before justified to its last line, the part after not indented, magazine.css). The split
keeps two lines on each side, and is made only where a line ends at a space."""

import re
from dataclasses import dataclass, replace

from magazine.model import ArticleMakeup, ComposedArticle, EditionText
from magazine.pandoc import ast
from magazine.pandoc.ast import Div, Para, plain_text
from magazine.typeset.document import figure_has_class, is_optional_quote
from magazine.typeset.makeup import HYPHENS, SHORT_LAST, SIDES, article_of, column_of, line_text

MAX_SHIFT = 4                               # blocks a figure may move down the text
MOST_MOVES = 3                              # moves made one after another in an article
GAPS = ("short column", "hole", "underfull page", "lines above a figure")
WEIGHTS = {"lines above a figure": 0.5}     # a line or two is less white than a short column
MOVABLE = {"Figure": "figure", "Table": "table",    # blocks that do not break, and their tags
           "BlockQuote": "blockquote"}              # (block quotes print as pull quotes)
AFTERWARDS = ("short last page",)          # weighed by score(), the copy fitting comes after
KEEP = 2                                    # lines a split paragraph keeps on each side
SPLITS = {"Emph", "Strong", "Span", "Link", "Strikeout", "Underline", "SmallCaps",
          "Superscript", "Subscript"}       # inlines that may be split in two, and go on
INDENTED_AFTER = ("Para", "BulletList", "OrderedList", "Table")   # as magazine.css indents
ENDS_MID_WORD = HYPHENS + ("\u2013", "\u2014", "/")


@dataclass(frozen=True)
class Move:
    """One figure of an article (or a few in a row) moved down its text: the blocks'
    indices before the move."""

    slug: str
    figure: int                             # the Figure's index among the article's blocks
    after: int                              # the block it now follows
    note: str = ""
    words: int = 0                          # when not 0, it goes inside that paragraph:
                                            # after its first `words` words (see split)
    count: int = 1                          # the figures in a row that move together


def gaps(article: ArticleMakeup) -> int:
    """Count the article's columns stopping short, holes and pages under half full."""
    return sum(fault.kind in GAPS for fault in article.faults)


def score(article: ArticleMakeup) -> float:
    """Return how far a layout of an article is from made up: its gaps (lines above a figure
    as half a gap), and a short last page counted by how empty it is (a page of three lines
    as a whole fault)."""
    short = any(fault.kind == "short last page" for fault in article.faults)
    return sum(WEIGHTS.get(fault.kind, 1.0) for fault in article.faults if fault.kind in GAPS) \
        + (1 - article.last_page_fill / SHORT_LAST if short else 0.0)


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
    figures = [n for n, block in enumerate(blocks) if is_movable(block)]
    if len(figures) != len(pages):          # one inside another block: none is moved
        return []
    short = {fault.page for fault in article.faults if fault.kind in GAPS}
    moves = []
    for figure, page in zip(figures, pages, strict=True):
        if (page not in short and page - 1 not in short) or is_fixed(blocks[figure]):
            continue
        for shift in range(1, MAX_SHIFT + 1):
            later, earlier = figure + shift, figure - shift - 1
            if later < len(blocks) and not any(map(is_fixed, blocks[figure + 1:later + 1])) \
                    and not _introduces(blocks[later]):
                moves.append(Move(composed.slug, figure, later))
            if earlier >= 0 and not any(map(is_fixed, blocks[earlier:figure])) \
                    and not _introduces(blocks[earlier]):
                moves.append(Move(composed.slug, figure, earlier))
    return moves


def is_movable(block: dict) -> bool:
    """Say whether a block is a figure, a table or a pull quote (one the fitter may drop,
    too: a div.optional around it)."""
    return block["t"] in MOVABLE or is_optional_quote(block)


def _introduces(block: dict) -> bool:
    """Say whether a paragraph ends in a colon: what follows it belongs to it."""
    return block["t"] in ("Para", "Plain") and plain_text(block).rstrip().endswith(":")


def is_fixed(block: dict) -> bool:
    """Say whether a block stays where it is and no figure moves across it: a heading, or a
    picture on a page of its own."""
    return block["t"] == "Header" or block["t"] == "Figure" and figure_has_class(block,
                                                                                 "full-page")


def moved(composed: ComposedArticle, move: Move) -> ComposedArticle:
    """Return the article with the figure (or figures) moved to follow block `move.after`."""
    blocks = composed.blocks
    run = blocks[move.figure:move.figure + move.count]
    rest = without(composed, move.figure, move.count).blocks
    # where `after` now is, plus one
    at = move.after + 1 if move.after < move.figure else move.after - move.count + 1
    if move.words:
        indented = at > 1 and rest[at - 2]["t"] in INDENTED_AFTER
        head, tail = split(rest[at - 1], move.words, indented)
        return replace(composed, blocks=rest[:at - 1] + [head, *run, tail] + rest[at:])
    return replace(composed, blocks=rest[:at] + run + rest[at:])


def split(paragraph: dict, words: int, indented: bool) -> tuple[dict, dict]:
    """Return a paragraph as two: its first `words` words, set to the column's foot
    (div.run-on, .indented when the paragraph is), and the rest (div.run-in)."""
    head, tail, _ = _split_inlines(ast.content(paragraph), words)
    return (Div([Para(head)], ["run-on", *(["indented"] if indented else [])]),
            Div([Para(tail)], ["run-in"]))


def _split_inlines(inlines: list, words: int) -> tuple[list, list, int]:
    """Split inlines at their `words`-th space; return the two parts and, when there are
    fewer spaces, the inlines whole and how many spaces are still to come."""
    for n, node in enumerate(inlines):
        if node["t"] in ("Space", "SoftBreak"):
            words -= 1
            if not words:
                return inlines[:n], inlines[n + 1:], 0
        elif node["t"] in SPLITS:
            head, tail, words = _split_inlines(ast.content(node), words)
            if not words:
                return (inlines[:n] + [ast.with_content(node, head)],
                        [ast.with_content(node, tail)] + inlines[n + 1:], 0)
    return inlines, [], words


def without(composed: ComposedArticle, figure: int, count: int = 1) -> ComposedArticle:
    """Return the article without `count` of its blocks from `figure` on."""
    return replace(composed, blocks=composed.blocks[:figure] +
                   composed.blocks[figure + count:])


def short_columns(article: ArticleMakeup) -> list[tuple[int, int]]:
    """Return the page and the column (0 left, 1 right) of each column to be filled to its
    foot: each column stopping short, and the column before one that begins with a line or
    two above a figure."""
    found = []
    for fault in article.faults:
        if fault.kind not in ("short column", "lines above a figure"):
            continue
        column = next(n for n, side in enumerate(SIDES) if f" {side} " in fault.detail)
        if fault.kind == "short column":
            found.append((fault.page, column))
        else:
            found.append((fault.page, 0) if column else (fault.page - 1, 1))
    return found


def figures_after(document, composed: ComposedArticle, page: int,
                  column: int) -> tuple[int, int] | None:
    """Return the index of the figure, table or pull quote that comes next in the text after
    where column `column` of `page` ends (the one that did not fit there), and how many
    such blocks come in a row from it; None when there is none."""
    leaves = _body_leaves(document, composed)
    mine = [leaf for leaf in leaves or () if leaf[:2] == (page, column)]
    if not mine:
        return None
    ends = max(mine, key=lambda leaf: leaf[2])[3]
    blocks = composed.blocks
    first = next((n for n in range(ends + 1, len(blocks)) if is_movable(blocks[n])), None)
    if first is None:
        return None
    count = next((n for n in range(first, len(blocks)) if not is_movable(blocks[n])),
                 len(blocks)) - first
    return first, count


def column_top(document, rest: ComposedArticle, figure: int, count: int, page: int,
               column: int) -> Move | None:
    """Return the move that sets the figure at the head of the column after `column` of
    `page`, read from the article laid out without it (`document`, `rest`): inside the
    paragraph that column ends with, split where the column ends (or a line or more higher,
    where a line ends at a space outside quotation marks), or after the block the column
    ends with or in (then the figure comes lower in the next column); None when the layout
    cannot be read."""
    leaves = _body_leaves(document, rest)
    mine = [leaf for leaf in leaves or () if leaf[:2] == (page, column)]
    if not leaves or not mine:
        return None
    block = max(mine, key=lambda leaf: leaf[2])[3]
    lines = [leaf[4] for leaf in leaves if leaf[3] == block]
    before = [leaf[4] for leaf in leaves if leaf[3] == block and (leaf[0], leaf[1]) <= (
        page, column)]
    whole = Move(rest.slug, figure, block + count * (block >= figure), count=count)
    if rest.blocks[block]["t"] != "Para" or len(lines) - len(before) < KEEP:
        return whole
    for upto in range(len(before), KEEP - 1, -1):      # a line or two higher, if need be
        if not _printed(lines[upto - 1]).endswith(ENDS_MID_WORD) and (
                found := _split_at(rest, block, lines[:upto], whole)):
            return found
    return whole


def _split_at(rest: ComposedArticle, block: int, lines: list, move: Move) -> Move | None:
    """Return the move that splits the block after the words of `lines`, its first lines;
    None when the words of the text and of the lines do not agree."""
    text = ""
    for line in lines:                  # a hyphenated word is one word, its hyphen gone
        text = text.removesuffix("\u2010") if text.endswith(ENDS_MID_WORD) else text + " "
        text += _printed(line)
    words = len([word for word in text.split(" ") if word])
    head, _, left = _split_inlines(ast.content(rest.blocks[block]), words)
    if left or _letters(plain_text(Para([n for n in head if n["t"] != "Note"]))) != \
            _letters(text):
        return None
    return replace(move, words=words)


def _printed(line) -> str:
    """Return a line's text as it prints: no soft hyphens, no zero-width spaces (the no-break
    spaces kept: no line ends there)."""
    return line_text(line).replace("\u00ad", "").replace("\u200b", "").strip()


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text)


def _body_leaves(document, rest: ComposedArticle) -> list[tuple] | None:
    """Return each line and picture of the article's body as (page, column, bottom, block
    index, box), in order; None when its elements are not its blocks one for one."""
    root = document.pages[0]._page_box.children[0].element
    article = next((e for e in root.iter() if e.get("id") == rest.slug), None)
    if article is None:
        return None
    elements = [child for part in list(article)[1:] for child in (
        [part] if "full-page" in (part.get("class") or "").split() else list(part))]
    if len(elements) != len(rest.blocks):
        return None
    blocks = {id(element): n for n, element in enumerate(elements)}
    leaves: list[tuple] = []
    for number, page in enumerate(document.pages, 1):
        box = page._page_box
        _leaves_under(box, number, box.content_box_x(), box.width, blocks, None, leaves)
    return leaves


def _leaves_under(box, page: int, left: float, width: float, blocks: dict,
                  block: int | None, leaves: list) -> None:
    block = blocks.get(id(getattr(box, "element", None)), block)
    kind = type(box).__name__
    if kind == "LineBox" or "ReplacedBox" in kind:
        column = column_of(box, left, width)
        if block is not None and column is not None:
            leaves.append((page, column, box.position_y + box.margin_height(), block, box))
        if kind == "LineBox":
            return
    for child in getattr(box, "children", None) or ():
        _leaves_under(child, page, left, width, blocks, block, leaves)


def with_moves(text: EditionText, moves: list[Move]) -> EditionText:
    """Return the edition's text with the moves made, in their order."""
    articles = list(text.articles)
    for move in moves:
        articles = [moved(a, move) if a.slug == move.slug else a for a in articles]
    return replace(text, articles=tuple(articles))


def move_note(edition: str, composed: ComposedArticle, move: Move, page: int) -> str:
    """Say what the move changed, for the build's summary."""
    later = move.after > move.figure
    shift = move.after - move.figure - move.count + 1 if later else \
        move.figure - move.after - 1
    kind = " and a ".join({"Table": "table", "BlockQuote": "pull quote", "Div": "pull quote"}.get(
        block["t"], "figure") for block in composed.blocks[move.figure:move.figure + move.count])
    where = ", at the head of a column with a paragraph running on around it" \
        if move.words else ""
    how = "inside the paragraph before it" if move.words and not later and not shift else \
        f"{shift} block{'s' if shift != 1 else ''} {'later' if later else 'earlier'} in the text"
    return f"{edition} {move.slug}: a {kind} set {how}{where}, so that the columns of page " \
        f"{page} fill"
