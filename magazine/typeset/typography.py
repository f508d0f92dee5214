"""Typographic care the authors cannot be asked for: non-breaking spaces that keep a number
with its unit, the parts of a date and a one-letter word with the next on one line; names
and a paragraph's last word that are never hyphenated."""

import re
from functools import cache
from pathlib import Path

import yaml

from magazine.languages import LANGUAGE, in_every_script, in_script
from magazine.model import Edition
from magazine.pandoc import ast
from magazine.pandoc.ast import Span, Str, is_, map_nodes, text

KEEP_WHOLE = Path(__file__).with_name("keep-whole.yaml")
_TRAILING = re.compile(r"[.,;:!?)»“”\"'’…]+$")

NBSP = "\u00a0"
_NUMBER = re.compile(r"^\(?\d[\d.,]*$")
_DAY = re.compile(r"^\d{1,2}\.?$")
_YEAR = re.compile(r"^\d{4}\.?[,;:)]?$")
_UNIT = re.compile(r"^(%|‰|°C|km²?|m²?|cm|mm|kg|t|ha|h|min|€|EUR|RSD|BGN|din\.|лв\.?|дин\.|"
                   r"км²?|м²?|кг|ч|мин)(?=$|[.,;:)!?])")
_YEAR_WORD = re.compile("^(" + "|".join(in_every_script(lang.code, word)
                                         for lang in LANGUAGE.values()
                                         for word in lang.year_words) + ")", re.IGNORECASE)
_MONTH = re.compile("^(" + "|".join(in_every_script(lang.code, start)
                                    for lang in LANGUAGE.values()
                                    for start in lang.month_starts) + ")", re.IGNORECASE)


def _binds(left: str, right: str) -> bool:
    """Say whether the space between two words must not break a line."""
    return bool((_NUMBER.match(left) and _UNIT.match(right))
                or (_DAY.match(left) and _MONTH.match(right))
                or (_MONTH.match(left) and (_YEAR.match(right) or _DAY.match(right)))
                or (_YEAR.match(left) and _YEAR_WORD.match(right)))


def bind_numbers(node):
    """Return a copy of an AST fragment with non-breaking spaces between a number and its
    unit ("20 km", "15 %"), a day and its month ("15. oktobra", "15 October"), a month and
    its year, and a year and the word for year ("2026. godine", "2026 г.")."""
    return map_nodes(node, lists=_bind_in)


def _bind_in(items: list) -> list:
    """Turn the spaces between two words that must stay together into non-breaking ones."""
    for i in range(1, len(items) - 1):
        left, space, right = items[i - 1], items[i], items[i + 1]
        if is_(space, "Space") and is_(left, "Str") and is_(right, "Str") \
                and _binds(text(left), text(right)):
            items[i] = Str(NBSP)
    return items


def bind_short_words(node, edition: Edition):
    """Return a copy of an AST fragment in which a one-letter word of the edition's language
    ("i", "в", "a") is kept on the line of the word after it."""
    words = {in_script(edition, w) for w in LANGUAGE[edition.language].short_words}

    def bind(items: list) -> list:
        for i in range(1, len(items) - 1):
            if is_(items[i], "Space") and is_(items[i - 1], "Str") \
                    and text(items[i - 1]) in words and is_(items[i + 1], "Str"):
                items[i] = Str(NBSP)
        return items
    return map_nodes(node, _leave_images, lists=bind)


def _leave_images(node):
    """Keep an image as it is: its description is read, not set in lines."""
    return node if node["t"] == "Image" else None


@cache
def _names(edition: Edition) -> tuple[tuple[str, ...], ...]:
    listed = yaml.safe_load(KEEP_WHOLE.read_text(encoding="utf-8")) or {}
    names = [*(listed.get("all") or ()), *(listed.get(edition.language) or ())]
    return tuple(tuple(in_script(edition, name).split()) for name in names)


def keep_whole(blocks: list, edition: Edition) -> list:
    """Return the blocks with the names of keep-whole.yaml and each paragraph's last word in
    span.keep-whole, which the print never hyphenates."""
    names = _names(edition)

    def mark(items: list) -> list:
        out: list = []
        i = 0
        while i < len(items):
            length = _name_at(items, i, names)
            if length:
                out, bound = _bound_words(out)
                out.append(Span(bound + items[i:i + length], ["keep-whole"]))
                i += length
            else:
                out.append(items[i])
                i += 1
        return out

    def last_word(node):
        if node["t"] != "Para":
            return _leave_images(node)
        inlines = map_nodes(ast.content(node), lists=mark)
        ends = [n for n, item in enumerate(inlines)
                if not is_(item, "Space", "SoftBreak", "Note")]
        if ends and is_(inlines[ends[-1]], "Str"):
            before, bound = _bound_words(inlines[:ends[-1]])
            inlines = [*before, Span([*bound, inlines[ends[-1]]], ["keep-whole"]),
                       *inlines[ends[-1] + 1:]]
        return ast.with_content(node, inlines)
    return map_nodes(blocks, last_word, lists=mark)


def _bound_words(inlines: list) -> tuple[list, list]:
    """Split off the end of `inlines` that no space separates from what follows (words
    bound by no-break spaces): a keep-whole span takes them in. WeasyPrint breaks lines
    badly when it must go back into the text before a span to find where to break ("Stra-",
    "te-", "giji" on three lines)."""
    start = len(inlines)
    while start and not is_(inlines[start - 1], "Space", "SoftBreak", "LineBreak"):
        start -= 1
    return inlines[:start], inlines[start:]


def _name_at(items: list, start: int, names) -> int:
    """Return how many nodes from `start` spell one of the names (0: none)."""
    for words in names:
        nodes = items[start:start + 2 * len(words) - 1]
        if len(nodes) == 2 * len(words) - 1 and all(
                is_(node, "Str") and _TRAILING.sub("", text(node)) == word
                if n % 2 == 0 else is_(node, "Space")
                for n, (node, word) in enumerate(zip(nodes, _spread(words), strict=True))):
            return len(nodes)
    return 0


def _spread(words: tuple[str, ...]) -> list[str]:
    """Return the words with a place for the space between each two."""
    return [part for word in words for part in (word, " ")][:-1]
