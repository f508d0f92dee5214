"""Set again the paragraphs that WeasyPrint's line breaker set badly, as TeX would.

WeasyPrint breaks lines greedily, one at a time: a line takes as many words as fit, so a
long word that does not fit leaves a loose line behind, and nothing stops three hyphenated
lines in a row. For each paragraph with a hyphen ladder or a loose line, this module finds
the best breaks of the whole paragraph at once (Knuth and Plass's method, as TeX does),
measured with WeasyPrint's own fonts and styles from the first layout: the same number of
lines (so the page makeup stays as it is; one fewer or more only where no breaks on as many
mend it, and fit.py checks the pages again), no more than LADDER hyphenated lines in a row
and word spaces no wider than LOOSE_EM when any breaks allow it, else with the letters and
words set closer or looser within the designer's limits, and no hyphen in the last word of
a paragraph. A line its word spaces alone would leave loose has its letters set looser, up
to the designer's letter-spacing limit, as InDesign's justification does. (Beside a drop
cap the lines are as full as the greedy breaker makes them, and the choice is in their
hyphens, in the paragraph's spacing and in the lines below it; WeasyPrint moves a line
with a span of its own below the float, but for the float's own line.) The plan is then carried
out in the HTML before the next layout: the spaces where no line may end become no-break
spaces, a soft hyphen marks each chosen hyphenation point, and the paragraph is set
`hyphens: manual`, so the greedy breaker can only break where the plan says; the text of a
line set looser goes into a span with its letter spacing.
`check_plans` reads the new layout and names the paragraphs that did not come out as
planned, to be set as before."""

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from magazine.typeset.hyphenation import hyphenation_points
from magazine.typeset.makeup import (
    HYPHENS,
    LADDER,
    LOOSE_EM,
    NATURAL_SPACE_EM,
    is_loose,
    is_unfilled,
    line_text,
    word_space,
)
from magazine.typeset.pdf import text_width, walk_boxes

NBSP, SHY, HYPHEN = "\u00a0", "\u00ad", "\u2010"
SPACES = " \n\t\r"
DASHES = "-\u2013\u2014/"          # a line may end after these, without a hyphen added
BREAKS_AFTER = "-\u2010\u2013\u2014"   # and after these even before a no-break space
EPSILON = 0.3                       # px a planned line keeps free, for rounding in Pango
LINE_PENALTY = 10                   # TeX's \linepenalty
HYPHEN_PENALTY = 50                 # TeX's \hyphenpenalty
DOUBLE_HYPHEN = 3000                # TeX's \doublehyphendemerits
LOOSE_DEMERITS = 1e6                # a loose line or a ladder, only when nothing avoids it
OVERFULL_DEMERITS = 1e9             # a word wider than its line (the greedy breaker too)
SPACING_STEPS = (-1.0, 1.0, -0.5, 0.5)  # how far towards the designer's limits to try
LETTER_SPACED = 5000                # a line with its letters set looser, when that avoids loose
LETTERED_EM = LOOSE_EM - 0.05       # word spaces a line with looser letters is set to, at most
RAGGED_EM = 2.0                     # the room a ragged line may leave at badness 100
# how a paragraph's lines are set: justified but its last, justified to its last (the part
# of a paragraph split for a figure), or ragged (a list item); others are not set again
JUSTIFIED, TO_THE_LAST, RAGGED = "justified", "justified to its last line", "ragged"
SKIP_CLASSES = {"drop-cap"}         # floated beside the lines, not in them
NOTE_CLASSES = {"footnote"}         # floated to the foot, leaving a call in the line


@dataclass(frozen=True)
class Edit:
    """One change to a text node of the paragraph: `node` is the path of its element from
    the article, `field` "text" or "tail", `index` the character, `kind` "nbsp" (the space
    becomes a no-break space), "drop" (a collapsed space is removed), "shy" (a soft
    hyphen goes before the character) or "hyphen" (a hyphen, U+2010, that Pango breaks
    after, goes before it)."""

    node: tuple[int, ...]
    field: str
    index: int
    kind: str


@dataclass(frozen=True)
class Spaced:
    """The characters `start` to `end` of a text node (as Edit names it) in one line that is
    set with its letters `letters` px apart."""

    node: tuple[int, ...]
    field: str
    start: int
    end: int
    letters: float


@dataclass(frozen=True)
class LinePlan:
    """How one paragraph of an article is to be broken into lines."""

    article: str
    path: tuple[int, ...]               # the paragraph's element, from the article
    edits: tuple[Edit, ...]
    lines: tuple[str, ...]              # the lines' words as they must come out
    widths: tuple[float, ...]           # and the width each must have (px)
    faults_before: int                  # ladders and loose lines as the breaker set them
    faults_after: int
    spacing: tuple[float, float] | None = None  # letters and words (em), when set anew
    spaced: tuple[Spaced, ...] = ()     # lines with their letters set looser


# --- The paragraphs of a layout

@dataclass
class _Paragraph:
    element: Any
    article: str
    path: tuple[int, ...]
    lines: list                         # its LineBoxes, in order
    widths: list[float]                 # the width each line may fill
    rights: list[float]                 # where each line's room ends, px from the page's left
    beside: list[bool]                  # whether the line is set beside a float (a drop cap)
    setting: str = JUSTIFIED            # JUSTIFIED, TO_THE_LAST, RAGGED or "" (centred...)


def element_paths(root) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Return, for every element inside an article, its article's id and its path (the
    indices of the elements leading to it from the article's element)."""
    paths: dict[int, tuple[str, tuple[int, ...]]] = {}

    def walk(element, article: str | None, path: tuple[int, ...]) -> None:
        children = [child for child in element if isinstance(child.tag, str)]
        for index, child in enumerate(children):
            if article is None:
                classes = (child.get("class") or "").split()
                if "article" in classes and child.get("id"):
                    walk(child, child.get("id"), ())
                    continue
                walk(child, None, ())
            else:
                paths[id(child)] = (article, (*path, index))
                walk(child, article, (*path, index))
    walk(root, None, ())
    return paths


def _paragraphs(document) -> list[_Paragraph]:
    """Return the laid-out body paragraphs of the document's articles, each once."""
    pages = document.pages
    if not pages:
        return []
    paths = element_paths(pages[0]._page_box.children[0].element)
    found: dict[int, _Paragraph] = {}
    for page in pages:
        for box in walk_boxes(page._page_box):
            if type(box).__name__ != "BlockBox" or getattr(box, "element_tag", "") not in (
                    "p", "li") or id(box.element) not in paths:
                continue
            lines = [child for child in box.children if type(child).__name__ == "LineBox"]
            if not lines:
                continue
            article, path = paths[id(box.element)]
            paragraph = found.setdefault(id(box.element), _Paragraph(
                box.element, article, path, [], [], [], [], _setting(box.style)))
            right = box.content_box_x() + box.width
            for line in lines:              # a line beside a float starts after it
                indent = _indent(box) if not paragraph.lines else 0.0
                paragraph.lines.append(line)
                paragraph.widths.append(right - line.position_x - indent)
                paragraph.rights.append(right)
                paragraph.beside.append(line.position_x > box.content_box_x() + 0.5)
    return list(found.values())


def _indent(box) -> float:
    """Return the text-indent of a paragraph's first line, px (WeasyPrint moves the line's
    first box by it, not the line)."""
    indent = box.style["text_indent"]
    return indent.value * box.width / 100 if indent.unit == "%" else indent.value


def _setting(style) -> str:
    """Return how a paragraph of this style sets its lines (JUSTIFIED, TO_THE_LAST, RAGGED),
    "" when it is not set again here."""
    if style["text_align_last"] == "justify":
        return TO_THE_LAST
    align = style["text_align_all"]
    if align == "justify":
        return JUSTIFIED
    return RAGGED if align in ("left", "start") and style["direction"] == "ltr" else ""


# --- What is wrong with a paragraph's lines

def line_words(line) -> str:
    """Return a line's text as a reader sees it: its words, without the footnote calls (nor
    the zero-width space WeasyPrint adds to a lone space it sets wider)."""
    return line_text(line).replace(NBSP, " ").replace(SHY, "").replace("\u200b", "").strip()


def _faults(paragraph: _Paragraph) -> int:
    """Count a paragraph's hyphen ladders and loose lines, as the makeup counts them: a
    line but the last that fills under half its width is loose too (WeasyPrint 70 leaves a
    word alone on a line before a paragraph's keep-whole last word when the text box
    before it must break)."""
    faults, run = 0, 0
    for line in paragraph.lines:
        run = run + 1 if line_words(line).endswith(HYPHENS) else 0
        faults += run == LADDER + 1
        faults += is_loose(line)
    return faults + _word_alone(paragraph)


def _word_alone(paragraph: _Paragraph) -> int:
    """Count the lines but the last that fill under half their width."""
    return sum(is_unfilled(line, right - line.position_x) for line, right in
               zip(paragraph.lines[:-1], paragraph.rights, strict=False))


# --- The paragraph as items: boxes, glue and penalties

@dataclass
class _Item:
    kind: str                           # "box", "glue" or "penalty"
    width: float
    breakable: bool = False             # glue: a line may end here; penalty: always
    hyphen: bool = False                # the line ending here ends in a hyphen
    edits: tuple = ()                   # glue: to bind it; penalty: to break here
    size: float = 0.0                   # the font size of glue, for the loose test
    text: str = ""
    letters: int = 0                    # the characters letter spacing widens
    where: tuple = ()                   # box: its characters' places, (node, field, index)


class _Unsupported(Exception):
    """A paragraph this module does not set (an image in a line, transformed text...)."""


def _styles(paragraph: _Paragraph) -> tuple[dict, dict, dict]:
    """Return each element's style, the text of its ::before and ::after, and the width of
    each footnote's call, read from the paragraph's laid-out lines."""
    styles, pseudo, calls = {}, {}, {}
    for line in paragraph.lines:
        for box in walk_boxes(line):
            tag = str(getattr(box, "element_tag", ""))
            element = getattr(box, "element", None)
            if element is None:
                continue
            if tag.endswith("::footnote-call"):
                calls[id(element)] = box.margin_width()
            elif tag.endswith(("::before", "::after")) and type(box).__name__ == "TextBox":
                pseudo[(id(element), tag.rsplit("::", 1)[1])] = (box.text, box.style)
            elif "::" not in tag and type(box).__name__ == "TextBox" \
                    and id(element) not in styles:
                styles[id(element)] = box.style
    return styles, pseudo, calls


def _stream(paragraph: _Paragraph) -> Iterator[tuple]:
    """Yield the paragraph's text in reading order: ("text", string, style, node, field)
    for a text node, ("fixed", string, style) for generated text and
    ("call", width) for a footnote's call."""
    styles, pseudo, calls = _styles(paragraph)

    def walk(element, path: tuple[int, ...]):
        classes = set((element.get("class") or "").split())
        if id(element) in calls or classes & NOTE_CLASSES:
            yield ("call", calls.get(id(element), 0.0))
            return
        if element.tag in ("img", "br", "svg", "math", "input", "object"):
            raise _Unsupported(element.tag)
        style = styles.get(id(element))
        if style is None and (element.text or "").strip():
            raise _Unsupported("text without a box")
        if style is not None and (style["text_transform"] != "none"
                                  or style["white_space"] != "normal"):
            raise _Unsupported("transformed text")
        if (id(element), "before") in pseudo:
            yield ("fixed", *pseudo[(id(element), "before")])
        if element.text:
            yield ("text", element.text, style, path, "text")
        children = [child for child in element if isinstance(child.tag, str)]
        for index, child in enumerate(children):
            if not set((child.get("class") or "").split()) & SKIP_CLASSES:
                yield from walk(child, (*path, index))
            if child.tail:
                yield ("text", child.tail, style, path + (index,), "tail")
        if (id(element), "after") in pseudo:
            yield ("fixed", *pseudo[(id(element), "after")])
    yield from walk(paragraph.element, paragraph.path)


def _items(paragraph: _Paragraph, measure: "_Measure") -> list[_Item]:
    """Return the paragraph as Knuth and Plass's items, measured with its own styles."""
    chars: list[tuple] = []             # (char, style, node, field, index) or a call
    for piece in _stream(paragraph):
        if piece[0] == "call":
            chars.append(("call", piece[1]))
        elif piece[0] == "fixed":
            chars += [(c, piece[2], None, None, None) for c in piece[1]]
        else:
            _, string, style, node, field = piece
            chars += [(c, style, node, field, i) for i, c in enumerate(string)]
    # a run of spaces is one glue where a line may end, a no-break space one where it may
    # not (both widen when the line is justified); the runs between are words
    items: list[_Item] = []
    words: list = [[]]
    started = False
    for char in chars:
        if char[0] == NBSP:
            words += [("glue", [char], False), []]
        elif char[0] != "call" and char[0] in SPACES:
            if not started:
                continue                    # white space at the start collapses away
            if isinstance(words[-1], tuple) and words[-1][2]:
                words[-1][1].append(char)
            else:
                words.append(("glue", [char], True))
        else:
            if isinstance(words[-1], tuple):
                words.append([])
            words[-1].append(char)
        started = True
    while words and (isinstance(words[-1], tuple) or not words[-1]):
        words.pop()                         # white space at the end collapses away
    last = max((n for n, entry in enumerate(words) if isinstance(entry, list) and entry),
               default=0)
    for position, entry in enumerate(words):
        if isinstance(entry, tuple):
            _, run, breakable = entry
            style = run[0][1]
            # after a dash a line may end even at a no-break space (Unicode's rule LB12a):
            # such a space stays as it is
            before = words[position - 1] if position else None
            after_dash = isinstance(before, list) and before and before[-1][0] in BREAKS_AFTER
            edits = () if after_dash and breakable else tuple(
                Edit(c[2], c[3], c[4], "nbsp" if k == 0 else "drop")
                for k, c in enumerate(run) if c[2] is not None)
            items.append(_Item("glue", measure.space(style), breakable, edits=edits,
                               size=style["font_size"], letters=1))
            continue
        items += _word_items(entry, position == last, measure)
    return items


class _Measure:
    """Widths of text in a paragraph's styles, with its letters and words set `spacing`
    (em, None: as they are): WeasyPrint's own measure, each string measured once."""

    def __init__(self, spacing: tuple[float, float] | None = None):
        self.spacing = spacing
        self.widths: dict = {}
        self.styles: dict = {}

    def style(self, style):
        if self.spacing is None or style is None:
            return style
        if id(style) not in self.styles:
            adjusted = style.copy()
            size = style["font_size"]
            adjusted["letter_spacing"] = self.spacing[0] * size
            adjusted["word_spacing"] = self.spacing[1] * size
            self.styles[id(style)] = (style, adjusted)     # the original kept alive too
        return self.styles[id(style)][1]

    def width(self, text: str, style) -> float:
        style = self.style(style)
        key = (text, id(style))
        if key not in self.widths:
            self.widths[key] = text_width(text, style)
        return self.widths[key]

    def space(self, style) -> float:
        return self.width("x x", style) - self.width("xx", style)


def _word_items(word: list[tuple], protect: bool, measure: _Measure) -> list[_Item]:
    """Return a word (a run between spaces, maybe in several styles) as boxes with the
    places it may break between them: after a dash, or at a hyphenation point."""
    items: list[_Item] = []
    if not word:
        return items
    # where the word may break: index -> (hyphen?, the char's style)
    points: dict[int, bool] = {}
    text = "".join(c[0] if c[0] != "call" else "\ufffc" for c in word)
    for n, c in enumerate(word[:-1]):
        if c[0] != "call" and c[0] in DASHES and n > 0 and word[n + 1][0] != "call" \
                and word[n + 1][0].isalpha():
            points[n + 1] = c[0] == "-"
    if not protect:
        for match in re.finditer(r"\w+", text):
            style = word[match.start()][1]
            if style is None or style["hyphens"] != "auto" or not style["lang"]:
                continue
            total, left, right = style["hyphenate_limit_chars"]
            if len(match[0]) < total:
                continue
            for point in hyphenation_points(match[0], style["lang"], left, right):
                points.setdefault(match.start() + point, True)
    cuts = [0, *sorted(points), len(word)]
    reach = [_chars_width(word[:cut], measure) for cut in cuts]   # each prefix measured whole
    for n, (start, end) in enumerate(zip(cuts, cuts[1:], strict=False)):
        chars = [c for c in word[start:end] if c[0] != "call"]
        items.append(_Item("box", reach[n + 1] - reach[n], text=text[start:end],
                           letters=len(chars),
                           where=tuple(c[2:] for c in chars if c[2] is not None)))
        if end == len(word):
            continue
        if points[end] and word[end - 1][0] != "-":     # a hyphen is added
            char, style = word[end], word[end - 1][1]
            if char[2] is not None:
                items.append(_Item("penalty", measure.width(style["hyphenate_character"], style),
                                   True, True, (Edit(char[2], char[3], char[4], "shy"),)))
        else:
            items.append(_Item("penalty", 0.0, True, points[end]))
    return items


def _chars_width(chars: list[tuple], measure: _Measure) -> float:
    """Return the width of characters, run by run of one style."""
    width, run, style = 0.0, "", None
    for c in chars:
        if c[0] == "call":
            width += c[1]
            continue
        if c[1] is not style and run:
            width += measure.width(run, style)
            run = ""
        run += c[0]
        style = c[1]
    if run:
        width += measure.width(run, style)
    return width


# --- The best breaks

def _best_breaks(items: list[_Item], widths: list[float], full: Sequence[bool] = (),
                 letter: Sequence[float] = (), setting: str = JUSTIFIED) -> list[int] | None:
    """Return the indices of the items where the lines end (the last is len(items)), for
    exactly len(widths) lines, with the least demerits; None when there is no way. A line
    marked in `full` holds as much as the greedy breaker puts on it: its next word does
    not fit. `letter` is how much wider (px) each line's letters may be set apart."""
    count = len(widths)
    full = list(full) or [False] * count
    letter = list(letter) or [0.0] * count
    total, glues, letters = [0.0], [0], [0]
    for item in items:
        total.append(total[-1] + (item.width if item.kind != "penalty" else 0.0))
        glues.append(glues[-1] + (item.kind == "glue"))
        letters.append(letters[-1] + item.letters)
    ends = [n for n, item in enumerate(items) if item.breakable] + [len(items)]
    # a break after a dash stays a break when the plan does not take it (a soft hyphen or
    # a space the plan does not take is gone): a line may not end before one that fits
    dashes = [n for n, item in enumerate(items) if not item.edits and (
        item.kind == "penalty" or (item.kind == "glue" and item.breakable))]
    following = {}
    for end in ends:
        later = bisect.bisect_right(dashes, end)
        following[end] = dashes[later] if later < len(dashes) else None
    # where the greedy breaker could end a line next: a space, or a dash
    spaces = [n for n, item in enumerate(items) if (item.kind == "glue" and item.breakable)
              or (item.kind == "penalty" and not item.edits)] + [len(items)]
    next_space = {end: spaces[bisect.bisect_right(spaces, end)] if end < len(items)
                  else end for end in ends}
    size = _size(items)
    # state: (item index where the line starts, lines set, hyphenated lines in a row)
    best: dict[tuple[int, int, int], tuple[float, tuple | None]] = {(0, 0, 0): (0.0, None)}
    for start in [0] + [n + 1 for n in ends[:-1]]:
        for lines in range(count):
            for run in range(LADDER + 2):
                state = (start, lines, run)
                if state not in best:
                    continue
                demerits, _ = best[state]
                last_line = lines == count - 1
                for end in ends[bisect.bisect_left(ends, start):]:
                    ending = items[end] if end < len(items) else None
                    natural = total[end] - total[start] + (
                        ending.width if ending is not None and ending.kind == "penalty"
                        else 0.0)
                    gaps = glues[end] - glues[start]
                    hyphen = ending is not None and ending.hyphen
                    is_last = end == len(items)
                    if last_line != is_last:
                        if natural > widths[lines] - EPSILON and not is_last:
                            break
                        continue
                    room = widths[lines] - EPSILON - natural
                    cost = _line_demerits(room, gaps, size, is_last and setting != TO_THE_LAST,
                                          hyphen, (letters[end] - letters[start]) * letter[lines],
                                          setting == RAGGED)
                    if cost is None:
                        break
                    dash = following[end]
                    if not is_last and dash is not None and \
                            total[dash] - total[start] <= widths[lines] + EPSILON:
                        continue            # the breaker would end the line at the dash
                    if full[lines] and not is_last and \
                            total[next_space[end]] - total[start] <= widths[lines] + EPSILON:
                        continue            # the breaker would take the next word too
                    new_run = min(run + 1, LADDER + 1) if hyphen else 0
                    cost += DOUBLE_HYPHEN if hyphen and run else 0
                    cost += LOOSE_DEMERITS if new_run > LADDER else 0
                    key = (end + 1 if not is_last else end, lines + 1, new_run)
                    if key not in best or best[key][0] > demerits + cost:
                        best[key] = (demerits + cost, (state, end))
                    if room < 0:
                        break
    finals = [(value, key) for key, value in best.items()
              if key[0] == len(items) and key[1] == count]
    if not finals:
        return None
    (_, back), key = min(finals, key=lambda f: f[0][0])
    breaks = []
    while back is not None:
        state, end = back
        breaks.append(end)
        back = best[state][1]
    return breaks[::-1]


def _size(items: list[_Item]) -> float:
    """Return the font size of a paragraph's spaces, px."""
    return next((item.size for item in items if item.kind == "glue"), 16.0)


def _line_demerits(room: float, gaps: int, size: float, last: bool, hyphen: bool,
                   letter_room: float = 0.0, ragged: bool = False) -> float | None:
    """Return a line's demerits, None when it does not fit (and no longer line can);
    `letter_room` is how much wider its letters set apart may make it. A ragged line is
    never loose: the room it leaves counts as TeX's ragged-right glue would."""
    if room < 0:
        return OVERFULL_DEMERITS if gaps == 0 else None
    penalty = HYPHEN_PENALTY if hyphen else 0
    if last:
        return (LINE_PENALTY + penalty) ** 2
    if ragged:
        return (LINE_PENALTY + 100 * min(room / (RAGGED_EM * size), 10.0) ** 3 + penalty) ** 2
    stretch = (LOOSE_EM - NATURAL_SPACE_EM) * size
    ratio = room / max(gaps, 1) / stretch       # a lone word cannot be spread at all
    if ratio <= 1:
        return (LINE_PENALTY + 100 * ratio ** 3 + penalty) ** 2
    if gaps and room - letter_room <= gaps * (LETTERED_EM - NATURAL_SPACE_EM) * size:
        return (LINE_PENALTY + 100 + penalty) ** 2 + LETTER_SPACED
    # a loose line costs more than any number of good ones; loose lines are counted
    # first, then how loose they are
    return (LINE_PENALTY + 100 + penalty) ** 2 + LOOSE_DEMERITS * (1 + ratio / 100)


# --- Plans

def plan_lines(document, limits: tuple[float, float] = (0.0, 0.0),
               as_many: frozenset[tuple] = frozenset(),
               only: frozenset[tuple] | None = None) -> list[LinePlan]:
    """Return a plan for every justified or ragged body paragraph of the layout (or only
    those `only` names, by article and path) that has a hyphen ladder or a loose line and
    can be set with fewer: its breaks chosen again, and when that is not enough its letters
    and words set closer or looser, never beyond `limits` (the designer's letter and word
    spacing, em). The paragraphs `as_many` names keep as many lines as they have, even a
    word left alone."""
    plans = []
    for paragraph in _paragraphs(document):
        if not paragraph.setting or len(paragraph.lines) < 2 or (
                only is not None and (paragraph.article, paragraph.path) not in only):
            continue
        before = _faults(paragraph)
        if before:
            plan = _best_plan(paragraph, before, limits,
                              (paragraph.article, paragraph.path) in as_many)
            if plan is not None and plan.faults_after < before:
                plans.append(plan)
    return plans


def line_counts(document) -> dict[tuple[str, tuple[int, ...]], int]:
    """Return how many lines each body paragraph of the layout has, by its article and
    path."""
    return {(p.article, p.path): len(p.lines) for p in _paragraphs(document)}


def _best_plan(paragraph: _Paragraph, before: int, limits: tuple[float, float],
               as_many: bool = False) -> LinePlan | None:
    """Return the plan with the fewest faults, trying the paragraph's own spacing first,
    then closer and looser settings; None when the paragraph cannot be set here. When no
    plan on as many lines mends them all, one on a line fewer or more is tried (TeX's
    \\looseness), unless the paragraph must keep `as_many` (or runs to its column's foot,
    TO_THE_LAST). A paragraph with a word left alone on a line is tried on one line fewer
    first: that line is WeasyPrint's (see _faults), not the text's."""
    letter, word = limits
    spacings = [None] + [(letter * step, word * step) for step in SPACING_STEPS
                         if (letter or word) and paragraph.setting != RAGGED]
    count = len(paragraph.lines)
    if as_many or paragraph.setting == TO_THE_LAST:
        counts = [count]
    else:
        counts = [count - 1, count] if _word_alone(paragraph) else [count, count - 1, count + 1]
    widths_of = paragraph.widths + paragraph.widths[-1:]     # a line more: as wide as the last
    loosest = max([LOOSE_EM] + [word_space(line) for line in paragraph.lines[:-1]])
    size, now = _letter_spacing(paragraph)
    best = None
    measured: dict = {}                 # the items of each spacing, measured once
    for lines, spacing in itertools.product(counts, spacings):
        if spacing not in measured:
            try:
                measured[spacing] = _items(paragraph, _Measure(spacing))
            except _Unsupported:
                return None
        items = measured[spacing]
        widths, beside = widths_of[:lines], _beside(paragraph, lines)
        letters = (spacing[0] * size if spacing else now)
        room = max(0.0, letter * size - letters) if paragraph.setting != RAGGED else 0.0
        # a span moves a line below the float it is beside, but for the float's own line
        apart = [0.0 if by and n else room for n, by in enumerate(beside)]
        breaks = _best_breaks(items, widths, beside, apart, paragraph.setting)
        if breaks is not None and (after := _hyphen_after_float(paragraph, items, breaks)):
            items = [dataclasses.replace(item, edits=_hyphens(item.edits))
                     if n in after else item for n, item in enumerate(items)]
        if breaks is None or _joined(items, breaks, widths):
            continue
        extras = _letters_apart(items, breaks, widths, apart, paragraph.setting)
        if max(_word_spaces(items, breaks, widths, extras, paragraph.setting)) > loosest:
            continue        # a plan never sets a line looser than the loosest it had
        plan = _plan(paragraph, items, breaks, widths, before, spacing, extras, letters)
        if best is None or plan.faults_after < best.faults_after:
            best = plan
        if not best.faults_after:
            break
    return best


def _beside(paragraph: _Paragraph, lines: int) -> list[bool]:
    """Return whether each of `lines` lines of the paragraph is beside a float (a line
    more than it has is not)."""
    return (paragraph.beside + [False] * lines)[:lines]


def _hyphen_after_float(paragraph: _Paragraph, items: list[_Item],
                        breaks: list[int]) -> set[int]:
    """Return the chosen soft hyphens that come later in the text of a line below the first
    beside a float that ends at a space: WeasyPrint measures such a line's first run up to
    that soft hyphen and moves the line below the float. There the hyphen is printed as a
    hyphen (U+2010), which ends the run and where Pango breaks, instead."""
    chosen, beside = set(breaks), _beside(paragraph, len(breaks))
    ends = [items[end] for line, end in enumerate(breaks[:-1])
            if line and beside[line] and items[end].kind == "glue"
            and items[end].edits]
    return {n for n, item in enumerate(items)
            if item.kind == "penalty" and n in chosen and item.edits
            and item.edits[0].kind == "shy" and any(
                (edit := item.edits[0]).node == space.edits[-1].node
                and edit.field == space.edits[-1].field
                and edit.index > space.edits[-1].index for space in ends)}


def _letter_spacing(paragraph: _Paragraph) -> tuple[float, float]:
    """Return the paragraph's font size and the letter spacing it is set with, px."""
    for line in paragraph.lines:
        for box in walk_boxes(line):
            if type(box).__name__ == "TextBox":
                spacing = box.style["letter_spacing"]
                return box.style["font_size"], 0.0 if spacing == "normal" else spacing
    return 16.0, 0.0


def _line_parts(items: list[_Item], breaks: list[int], widths: list[float],
                setting: str = JUSTIFIED) -> Iterator[tuple]:
    """Yield each line the breaks make: its items, its width's room beyond its natural
    width (px), its word spaces, the characters letter spacing widens and whether it is set
    as a last line, not justified."""
    start = 0
    for end, width in zip(breaks, widths, strict=False):
        line = items[start:end]
        natural = sum(i.width for i in line if i.kind != "penalty") + (
            items[end].width if end < len(items) and items[end].kind == "penalty" else 0.0)
        yield (line, width - natural, sum(1 for i in line if i.kind == "glue"),
               sum(i.letters for i in line),
               setting == RAGGED or (end == len(items) and setting != TO_THE_LAST))
        start = end + 1


def _joined(items: list[_Item], breaks: list[int], widths: list[float]) -> bool:
    """Say whether a line of the breaks would fit whole at the end of the line above it,
    where the greedy breaker would put it (a paragraph's short last line, mostly)."""
    size = _size(items)
    parts = list(_line_parts(items, breaks, widths))
    return any(above[1] - EPSILON >= NATURAL_SPACE_EM * size + width - below[1]
               for above, below, width in zip(parts, parts[1:], widths[1:], strict=False))


def _letters_apart(items: list[_Item], breaks: list[int], widths: list[float],
                   apart: list[float], setting: str = JUSTIFIED) -> list[float]:
    """Return how much further apart (px) each line's letters are set: none, but on a line
    its word spaces alone would leave loose, as far as its spaces come to LETTERED_EM (and
    never beyond `apart`)."""
    size = _size(items)
    extras = []
    for (_, room, gaps, letters, last), most in zip(
            _line_parts(items, breaks, widths, setting), apart, strict=True):
        loose = not last and gaps and room - EPSILON > gaps * (LOOSE_EM - NATURAL_SPACE_EM) * size
        need = (room - EPSILON - gaps * (LETTERED_EM - NATURAL_SPACE_EM) * size) / max(letters, 1)
        extras.append(min(most, need) if loose and most else 0.0)
    return extras


def _word_spaces(items: list[_Item], breaks: list[int], widths: list[float],
                 extras: Sequence[float] = (), setting: str = JUSTIFIED) -> list[float]:
    """Return the word space of each line the breaks make, em (the last line's natural),
    with each line's letters `extras` px further apart."""
    size = _size(items)
    extras = list(extras) or [0.0] * len(breaks)
    spaces = []
    for (_, room, gaps, letters, last), extra in zip(
            _line_parts(items, breaks, widths, setting), extras, strict=True):
        stretch = (room - extra * letters) / max(gaps, 1) / size if not last else 0.0
        spaces.append(NATURAL_SPACE_EM + max(stretch, 0.0))
    return spaces


def _spaced(items: list[_Item], breaks: list[int], widths: list[float], extras: list[float],
            letters: float) -> tuple[Spaced, ...]:
    """Return the text of the lines whose letters are set further apart, node by node."""
    spaced: list[Spaced] = []
    for (line, *_), extra in zip(_line_parts(items, breaks, widths), extras, strict=True):
        if not extra:
            continue
        places: dict[tuple, list[int]] = {}
        for item in line:
            where = item.where if item.kind == "box" else \
                tuple((e.node, e.field, e.index) for e in item.edits)
            for node, field, index in where:
                places.setdefault((node, field), []).append(index)
        spaced += [Spaced(node, field, min(found), max(found) + 1, round(letters + extra, 3))
                   for (node, field), found in places.items()]
    return tuple(spaced)


def _plan(paragraph: _Paragraph, items: list[_Item], breaks: list[int], widths: list[float],
          before: int, spacing: tuple[float, float] | None, extras: list[float],
          letters: float) -> LinePlan:
    chosen = set(breaks)
    edits: list[Edit] = []
    line, beside = 0, _beside(paragraph, len(breaks))
    for n, item in enumerate(items):
        # Beside a float WeasyPrint moves a line below it when the line's first unbreakable
        # run is wider than the room, so there the spaces stay breakable: each line holds
        # as much as the greedy breaker puts on it (see _best_breaks). (It also measures
        # that run up to the next soft hyphen of the text, however far: _best_plan gives
        # up such hyphens, see _hyphen_after_float.)
        if item.kind == "glue" and n not in chosen and not beside[line]:
            edits += item.edits
        elif item.kind == "penalty" and n in chosen:
            edits += item.edits
        line += n in chosen
    lines, start, after, run = [], 0, 0, 0
    for end, space in zip(breaks, _word_spaces(items, breaks, widths, extras,
                                               paragraph.setting),
                          strict=True):
        words = "".join(" " if i.kind == "glue" else i.text.replace("\ufffc", "")
                        for i in items[start:end])
        hyphen = end < len(items) and items[end].hyphen
        lines.append(words.strip() + ("-" if hyphen and items[end].edits else ""))
        run = run + 1 if hyphen else 0
        after += (space > LOOSE_EM) + (run == LADDER + 1)
        start = end + 1
    return LinePlan(paragraph.article, paragraph.path, tuple(edits), tuple(lines),
                    tuple(round(width, 2) for width in widths), before, after,
                    spacing, _spaced(items, breaks, widths, extras, letters))


def apply_plans(root, plans: list[LinePlan]) -> None:
    """Carry out the plans in a parsed HTML document, before it is laid out."""
    if not plans:
        return
    paths = element_paths(root)
    by_path = {paths[id(element)]: element for element in root.iter() if id(element) in paths}
    parents = {child: parent for parent in root.iter() for child in parent} \
        if any(plan.spaced for plan in plans) else {}       # where a span goes after a tail
    for plan in plans:
        paragraph = by_path.get((plan.article, plan.path))
        if paragraph is None:
            continue
        rules = "hyphens: manual"
        if plan.spacing is not None:
            rules += (f"; letter-spacing: {plan.spacing[0]:.4f}em"
                      f"; word-spacing: {plan.spacing[1]:.4f}em")
        style = paragraph.get("style")
        paragraph.set("style", f"{style}; {rules}" if style else rules)
        changes: dict[tuple, list[Edit]] = {}
        for edit in plan.edits:
            changes.setdefault((edit.node, edit.field), []).append(edit)
        spans: dict[tuple, list[Spaced]] = {}
        for piece in plan.spaced:
            spans.setdefault((piece.node, piece.field), []).append(piece)
        for node, field in changes.keys() | spans.keys():
            element = by_path.get((plan.article, node))
            if element is None:
                continue
            text = list(getattr(element, field) or "")
            for edit in sorted(changes.get((node, field), ()), key=lambda e: e.index,
                               reverse=True):
                if edit.index >= len(text):
                    continue
                if edit.kind == "nbsp":
                    text[edit.index] = NBSP
                elif edit.kind == "drop":
                    text[edit.index] = ""
                elif edit.kind == "hyphen":
                    text[edit.index] = HYPHEN + text[edit.index]
                else:
                    text[edit.index] = SHY + text[edit.index]
            _set_text(element, field, text, spans.get((node, field), []), parents)


def _set_text(element, field: str, text: list[str], pieces: list[Spaced], parents) -> None:
    """Set an element's text (or tail) to `text`, its characters one by one, with each
    piece set further apart in a span of its own."""
    # WeasyPrint draws no hyphen at a soft hyphen that a span follows: a line after a
    # hyphen starts its span at its second letter
    pieces = sorted(pieces, key=lambda piece: piece.start)
    cuts = [0]
    for piece in pieces:
        start = piece.start + text[piece.start].startswith((SHY, HYPHEN))
        cuts += [min(start, piece.end), piece.end]
    cuts.append(len(text))
    runs = ["".join(text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
    setattr(element, field, runs[0])
    if not pieces:
        return
    tag = element.tag.rsplit("}", 1)[0] + "}span" if "}" in element.tag else "span"
    spans = []
    for n, piece in enumerate(pieces):
        span = type(element)(tag, {"style": f"letter-spacing: {piece.letters:.3f}px"})
        span.text, span.tail = runs[2 * n + 1], runs[2 * n + 2]
        spans.append(span)
    parent, at = (element, 0) if field == "text" else \
        (parents[element], list(parents[element]).index(element) + 1)
    for n, span in enumerate(spans):
        parent.insert(at + n, span)


def check_plans(document, plans: list[LinePlan]) -> list[LinePlan]:
    """Return the plans whose paragraph did not come out of the layout as planned."""
    laid = {(p.article, p.path): p for p in _paragraphs(document)}
    wrong = []
    for plan in plans:
        paragraph = laid.get((plan.article, plan.path))
        if paragraph is None:
            wrong.append(plan)
            continue
        got = [_normal(line_words(line)) for line in paragraph.lines]
        # the same words on each line, each line as wide, and none running out of it
        if got != [_normal(line) for line in plan.lines] or any(
                abs(width - planned) > 0.5 for width, planned in
                zip(paragraph.widths, plan.widths, strict=True)) or any(
                _overflows(line, right) for line, right in
                zip(paragraph.lines, paragraph.rights, strict=True)):
            wrong.append(plan)
    return wrong


def with_hyphens(plan: LinePlan) -> LinePlan | None:
    """Return the plan with its chosen soft hyphens written as hyphens (U+2010), which end a
    run and where Pango breaks; None when it has none. WeasyPrint 70 sometimes runs a line
    that follows one broken at a soft hyphen on to the next chosen soft hyphen, past the
    space where it was to end (seen in sr-Cyrl sofia-press: a ladder of 6 lines kept)."""
    if not any(edit.kind == "shy" for edit in plan.edits):
        return None
    return dataclasses.replace(plan, edits=_hyphens(plan.edits))


def _hyphens(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    """Return the edits with each soft hyphen written as a hyphen (U+2010) instead."""
    return tuple(dataclasses.replace(edit, kind="hyphen") if edit.kind == "shy" else edit
                 for edit in edits)


def _overflows(line, room_right: float) -> bool:
    right = max((child.position_x + child.margin_width() for child in line.children
                 if child.is_in_normal_flow()), default=line.position_x)
    return right > room_right + 0.5


def _normal(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u2010", "-")).strip()


def lines_note(edition: str, plans: list[LinePlan]) -> list[str]:
    """Return the build's note on the paragraphs set again (none when there are none)."""
    if not plans:
        return []
    before = sum(plan.faults_before for plan in plans)
    after = sum(plan.faults_after for plan in plans)
    spaced = sum(plan.spacing is not None for plan in plans)
    return [f"{edition}: {len(plans)} paragraph{'s' if len(plans) != 1 else ''} set again "
            f"with the best breaks of the whole paragraph"
            + (f" ({spaced} of them closer or looser)" if spaced else "")
            + f": {before} hyphen ladders and loose lines there, {after} left"]
