"""Typographic care the authors cannot be asked for: non-breaking spaces that keep a number
with its unit and the parts of a date on one line."""

import re

from magazine.languages import LANGUAGE, in_every_script
from magazine.pandoc.ast import Str, is_, map_nodes, text

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
