"""Measure an edition's page makeup as an art director reads a proof: how full each page is,
holes, columns stopping short, headings at a column's foot, widows and orphans, hyphen
ladders, loose lines, footnotes away from their call, and whether the contents page fits.

Everything is read from WeasyPrint's laid-out boxes: a line box or an image is a leaf, placed
in the left or the right column (or across both) of its page."""

import bisect
from dataclasses import dataclass, field
from itertools import groupby

from magazine.model import ArticleMakeup, EditionMakeup, Fault
from magazine.typeset.pdf import walk_boxes

PX_PER_MM = 96 / 25.4
HOLE_MM = 25                # white space this tall inside a text column is a hole
UNDERFULL = 0.5             # a text page under half full, but an article's last page
SHORT_LAST = 0.4            # an article's last page under this full, unless it ends a column
LADDER = 2                  # more hyphenated lines in a row than this are a ladder
LOOSE_EM = 0.75             # a justified line whose word spaces are wider than this is loose
NATURAL_SPACE_EM = 0.24     # the word space of the magazine's text fonts (Source Serif 4,
                            # IBM Plex Sans: 0.22-0.24 em), before justification widens it
HYPHENS = ("\u2010", "-", "\u00ad")
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
SIDES = ("left", "right")   # the columns, as a fault names them
ABOVE_FIGURE = 2            # lines this few above a picture at a column's head are stranded
PICTURES = {"figure", "img", "svg", "object", "embed"}
TEXT_PAGES = {"", None}     # named pages (cover, front, pad, back, full-image) are not text


@dataclass
class _Leaf:
    """A line or an image on a page, where it sits, and what it belongs to."""

    page: int
    column: int | None      # 0 left, 1 right, None across both
    top: float
    bottom: float
    article: str
    element: object
    tag: str
    text: str = ""
    loose: bool = False
    unfilled: bool = False  # a justified line that fills under half its width (a lone word)
    run_on: bool = False    # a line of a paragraph justified to its last line (figures.py
                            # splits one so, to run on to a column's foot)


@dataclass
class _Page:
    number: int
    name: str | None
    top: float
    bottom: float           # the foot of the body, above any footnotes
    leaves: list = field(default_factory=list)
    calls: list = field(default_factory=list)       # footnote elements called on the page
    notes: list = field(default_factory=list)       # footnote elements printed on the page


def measure_makeup(document, edition: str) -> EditionMakeup:
    """Return the makeup report of a laid-out edition."""
    pages = [_read_page(number, page) for number, page in enumerate(document.pages, 1)]
    articles = []
    for slug, group in groupby((leaf for page in pages for leaf in page.leaves
                                if leaf.article), key=lambda leaf: leaf.article):
        articles.append(_article(slug, list(group), pages))
    faults = _blank_pages(pages) + _contents_fit(document, pages)
    fills = tuple(round(_fill(page), 3) if page.name in TEXT_PAGES else 0.0 for page in pages)
    return EditionMakeup(edition, len(pages), fills, tuple(articles), tuple(faults))


# --- Reading the boxes

def _read_page(number: int, page) -> _Page:
    box = page._page_box                     # WeasyPrint keeps the laid-out boxes only here
    top = box.content_box_y()
    bottom = top + box.height
    left, width = box.content_box_x(), box.width
    found = _Page(number, box.page_type.name, top, bottom)
    for child in box.children:
        kind = type(child).__name__
        if kind == "FootnoteAreaBox":
            if child.children:
                found.bottom = child.position_y
            found.notes += [b.element for b in walk_boxes(child) if _tag(b) == "span"
                            and type(b).__name__ == "BlockBox"]
        elif kind != "MarginBox":
            _collect(child, found, left, width, "")
    return found


def _collect(box, page: _Page, left: float, width: float, article: str,
             column: int | None = None, room: float = 0.0) -> None:
    """Gather the leaves under a box; `column` is the column of the nearest block around
    it (None: across both), `room` that block's width."""
    element = getattr(box, "element", None)
    article = article_of(box, article)
    kind = type(box).__name__
    if getattr(box, "element_tag", "").endswith("::footnote-call"):
        page.calls.append(element)
    if kind in ("BlockBox", "TableBox", "TableCellBox", "FlexBox"):
        column, room = column_of(box, left, width), box.width
    if kind == "LineBox" or "ReplacedBox" in kind:
        height = box.height if kind == "LineBox" else box.margin_height()
        where = column if kind == "LineBox" else column_of(box, left, width)
        page.leaves.append(_Leaf(page.number, where, box.position_y,
                                 box.position_y + height, article, element, _tag(box),
                                 line_text(box) if kind == "LineBox" else "",
                                 kind == "LineBox" and is_loose(box),
                                 kind == "LineBox" and is_unfilled(box, room),
                                 kind == "LineBox" and box.style["text_align_last"] == "justify"))
    for child in getattr(box, "children", None) or ():
        _collect(child, page, left, width, article, column, room)


def article_of(box, article: str) -> str:
    """Return the id of the article a box starts (its element has the class "article"),
    else `article`, the one it is inside."""
    element = getattr(box, "element", None)
    if element is not None and "article" in (element.get("class") or "").split():
        return element.get("id") or article
    return article


def is_unfilled(line, room: float) -> bool:
    """Say whether a justified line fills under half of `room`, its block's width (a word
    alone that could not be spread, unless it is its paragraph's last)."""
    if line.style["text_align_all"] != "justify" or not room:
        return False
    right = max((child.position_x + child.margin_width() for child in line.children
                 if child.is_in_normal_flow()), default=line.position_x)
    return right - line.position_x < 0.5 * room


def _tag(box) -> str:
    return str(getattr(box, "element_tag", "") or "")


def column_of(box, left: float, width: float) -> int | None:
    """Return the column a box sits in on a page whose body starts at `left` and is `width`
    wide: 0 left, 1 right, None across both."""
    if box.margin_width() > 0.6 * width:
        return None
    return 0 if box.position_x < left + width / 2 else 1


def line_text(line) -> str:
    return "".join(b.text for b in walk_boxes(line) if type(b).__name__ == "TextBox"
                   and not _tag(b).endswith("::footnote-call"))


def is_loose(line) -> bool:
    """Say whether a justified line's word spaces are wider than LOOSE_EM."""
    return word_space(line) > LOOSE_EM


def word_space(line) -> float:
    """Return a line's widest word space, em (a justified line's are stretched). Only a
    text with a space in it is widened: a footnote's call beside one is not measured."""
    widest = NATURAL_SPACE_EM
    for box in walk_boxes(line):
        extra = getattr(box, "justification_spacing", 0) or 0
        if extra and type(box).__name__ == "TextBox" and (" " in box.text
                                                          or "\u00a0" in box.text):
            widest = max(widest, NATURAL_SPACE_EM + extra / box.style["font_size"])
    return widest


# --- What an art director marks

def _fill(page: _Page) -> float:
    """Return how full a page's body is: the mean of its columns' filled height."""
    height = page.bottom - page.top
    if height <= 0 or not page.leaves:
        return 0.0
    return sum(_column_bottom(page, column) - page.top for column in (0, 1)) / (2 * height)


def _column_bottom(page: _Page, column: int) -> float:
    return max((leaf.bottom for leaf in page.leaves if leaf.column in (column, None)),
               default=page.top)


def _article(slug: str, leaves: list[_Leaf], pages: list[_Page]) -> ArticleMakeup:
    numbers = sorted({leaf.page for leaf in leaves})
    first, last = numbers[0], numbers[-1]
    faults: list[Fault] = []
    for number in numbers:
        page = pages[number - 1]
        if page.name not in TEXT_PAGES:
            continue
        fill = _fill(page)
        if number != last and fill < UNDERFULL:
            faults.append(Fault("underfull page", number, f"{fill:.0%} full"))
        faults += _holes(page, runs_on=number != last) + _lines_above_figures(page)
    last_page = pages[last - 1]
    last_fill = _fill(last_page)
    ends_column = any(last_page.bottom - _column_bottom(last_page, c) < 2 * _line(leaves)
                      for c in (0, 1))
    if last_page.name in TEXT_PAGES and last_fill < SHORT_LAST and not ends_column \
            and len(numbers) > 1:
        faults.append(Fault("short last page", last, f"{last_fill:.0%} full"))
    if len(numbers) > 1 and not any(leaf.column is not None and leaf.text
                                    for leaf in leaves if leaf.page == first):
        faults.append(Fault("opener alone", first, "the opener's page holds none of the body"))
    order = _reading_order(leaves)
    faults += _headings_at_foot(order) + _widows_and_orphans(order) + _ladders(order) + \
        _loose_lines(order) + _footnotes_away(slug, pages, numbers) + _runs_on_short(order)
    body = [leaf for leaf in leaves if leaf.text and leaf.tag == "p"]
    words = sum(len(leaf.text.split()) for leaf in body) / len(body) if body else 0.0
    return ArticleMakeup(slug, first, last, round(last_fill, 3),
                         tuple(sorted(faults, key=lambda f: (f.page, f.kind))),
                         sum(1 for leaf in leaves if leaf.page == last and leaf.text),
                         round(words, 1), sum(1 for leaf in leaves if leaf.text))


def _line(leaves: list[_Leaf]) -> float:
    """Return the height of the article's body lines (the most common line height)."""
    heights = sorted(round(leaf.bottom - leaf.top) for leaf in leaves if leaf.text)
    return float(max(set(heights), key=heights.count)) if heights else 19.0


def _holes(page: _Page, runs_on: bool) -> list[Fault]:
    """Name white space over HOLE_MM inside a column, and a column that stops short on a
    page the article runs on from."""
    faults = []
    hole = HOLE_MM * PX_PER_MM
    for column in (0, 1):
        mine = _column_leaves(page, column)
        side = SIDES[column]
        reached = mine[0].bottom if mine else page.top
        for leaf in mine[1:]:
            if leaf.top - reached > hole:
                faults.append(Fault("hole", page.number, f"{(leaf.top - reached) / PX_PER_MM:.0f}"
                                    f" mm in the {side} column"))
            reached = max(reached, leaf.bottom)
        short = page.bottom - _column_bottom(page, column)
        if runs_on and short > hole:
            faults.append(Fault("short column", page.number,
                                f"the {side} column stops {short / PX_PER_MM:.0f} mm short"))
    return faults


def _column_leaves(page: _Page, column: int) -> list[_Leaf]:
    """Return the leaves of a page's column (and those across both), top to bottom."""
    return sorted((leaf for leaf in page.leaves if leaf.column in (column, None)),
                  key=lambda leaf: leaf.top)


def _lines_above_figures(page: _Page) -> list[Fault]:
    """Name a column that begins with one or two lines of text, run on from the column
    before, and then a picture: the picture should head the column."""
    faults = []
    for column in (0, 1):
        mine = _column_leaves(page, column)
        count = next((n for n, leaf in enumerate(mine) if not leaf.text), 0)
        if 0 < count <= ABOVE_FIGURE and mine[count].tag in PICTURES and mine[0].column == column:
            faults.append(Fault("lines above a figure", page.number,
                                f"{count} line{'s' if count > 1 else ''} alone above a figure "
                                f"at the head of the {SIDES[column]} column"))
    return faults


def _reading_order(leaves: list[_Leaf]) -> list[_Leaf]:
    """Return the lines in reading order: page by page, and down each page band by band
    between what runs across both columns (a title, a wide figure): what runs across, then
    the band's left column, then its right."""
    across: dict[int, list[float]] = {}
    for leaf in leaves:
        if leaf.column is None:
            across.setdefault(leaf.page, []).append(leaf.top)
    for tops in across.values():
        tops.sort()

    def place(leaf: _Leaf) -> tuple:
        band = bisect.bisect_right(across.get(leaf.page, []), leaf.top)
        return leaf.page, band, -1 if leaf.column is None else leaf.column, leaf.top
    return sorted(leaves, key=place)


def _column_ends(order: list[_Leaf]) -> set[int]:
    """Return the positions of the last leaf of each column (and page) in reading order."""
    return {n for n, (leaf, after) in enumerate(zip(order, order[1:], strict=False))
            if (after.page, after.column) != (leaf.page, leaf.column)}


def _headings_at_foot(order: list[_Leaf]) -> list[Fault]:
    return [Fault("heading at foot", order[n].page, f"{order[n].text.strip()[:40]!r}")
            for n in sorted(_column_ends(order)) if order[n].tag in HEADINGS]


def _runs_on_short(order: list[_Leaf]) -> list[Fault]:
    """Name a paragraph split to run on to a column's foot whose last line stops short of
    it (a figure follows it in the middle of the column)."""
    ends = _column_ends(order)
    last = {id(leaf.element): n for n, leaf in enumerate(order) if leaf.run_on}
    return [Fault("hole", order[n].page, f"a paragraph split for a figure ends mid-column at "
                  f"{order[n].text.strip()[-30:]!r}") for n in last.values() if n not in ends]


def _widows_and_orphans(order: list[_Leaf]) -> list[Fault]:
    """Name a paragraph's single first line left at a column's foot (an orphan) and its
    single last line carried to the next column (a widow)."""
    faults = []
    lines = [leaf for leaf in order if leaf.text and leaf.tag == "p"]
    for _, group in groupby(lines, key=lambda leaf: id(leaf.element)):
        mine = list(group)
        runs = [list(run) for _, run in groupby(mine, key=lambda leaf: (leaf.page,
                                                                        leaf.column))]
        if len(runs) < 2:
            continue
        if len(runs[0]) == 1:
            faults.append(Fault("orphan", runs[0][0].page, f"{runs[0][0].text.strip()[:40]!r}"))
        if len(runs[-1]) == 1:
            faults.append(Fault("widow", runs[-1][0].page, f"{runs[-1][0].text.strip()[:40]!r}"))
    return faults


def _ladders(order: list[_Leaf]) -> list[Fault]:
    """Name runs of more than LADDER lines in a row that end in a hyphen."""
    faults = []
    lines = [leaf for leaf in order if leaf.text]
    for hyphenated, group in groupby(lines, key=lambda leaf: leaf.text.rstrip().endswith(
            HYPHENS)):
        run = list(group)
        if hyphenated and len(run) > LADDER:
            faults.append(Fault("hyphen ladder", run[0].page,
                                f"{len(run)} hyphenated lines in a row from "
                                f"{run[0].text.strip()[-30:]!r}"))
    return faults


def _loose_lines(order: list[_Leaf]) -> list[Fault]:
    """Name justified lines whose word spaces are too wide, and those that fill under half
    their width but are not their paragraph's last (a word alone that could not be
    spread)."""
    lines = [leaf for leaf in order if leaf.text]
    last = {id(leaf.element): n for n, leaf in enumerate(lines)}
    return [Fault("loose line", leaf.page, f"{leaf.text.strip()[:40]!r}")
            for n, leaf in enumerate(lines)
            if leaf.loose or (leaf.unfilled and last[id(leaf.element)] != n)]


def _footnotes_away(slug: str, pages: list[_Page], numbers: list[int]) -> list[Fault]:
    """Name footnotes printed on another page than the one that calls them."""
    faults = []
    for number in numbers:
        for call in pages[number - 1].calls:
            printed = next((p.number for p in pages if any(n is call for n in p.notes)), None)
            if printed is not None and printed != number:
                faults.append(Fault("footnote away", number,
                                    f"called on page {number}, printed on page {printed}"))
    return faults


def _blank_pages(pages: list[_Page]) -> list[Fault]:
    """Name pages with nothing on them but the padding before the back cover."""
    return [Fault("blank page", page.number, "nothing on the page")
            for page in pages if not page.leaves and page.name not in ("pad", "back", "cover",
                                                                        "full-image")]


def _contents_fit(document, pages: list[_Page]) -> list[Fault]:
    """Say when the contents list runs into the impressum or onto a second page."""
    front = [page for page in pages if page.name == "front"]
    if len(front) > 1:
        return [Fault("contents overflow", front[1].number, "the contents take two pages")]
    if not front:
        return []
    page = document.pages[front[0].number - 1]._page_box
    contents = [b for b in walk_boxes(page) if _has_class(b, "contents")]
    impressum = [b for b in walk_boxes(page) if _has_class(b, "impressum")]
    if contents and impressum:
        bottom = max(b.position_y + b.height for b in walk_boxes(contents[0])
                     if type(b).__name__ == "LineBox")
        if bottom > impressum[0].position_y:
            return [Fault("contents overflow", front[0].number,
                          "the contents run into the impressum")]
    return []


def _has_class(box, name: str) -> bool:
    element = getattr(box, "element", None)
    return element is not None and name in (element.get("class") or "").split() \
        and type(box).__name__ == "BlockBox"
