"""How alike two source texts are, and what changed between them, word by word."""

import re
from difflib import SequenceMatcher

WORD = re.compile(r"\w+", re.UNICODE)
STEM_LENGTH = 6          # "klasteri", "klastera" and "klasterima" compare as "klaste"
PAIR_THRESHOLD = 0.6     # a changed block keeps its old translation (fuzzy) from here up
MEMORY_THRESHOLD = 0.75  # a new block gets a translation memory suggestion (fuzzy) from here up


def stems(text: str) -> list[str]:
    """Return the text's words, casefolded and cut to their first letters."""
    return [w[:STEM_LENGTH] for w in WORD.findall(text.casefold())]


def similarity(a: str, b: str) -> float:
    """Return how alike two texts are, from 0 to 1: difflib's ratio over their word stems,
    so an inflected word or a moved comma costs little and a new sentence costs a lot."""
    return stem_similarity(stems(a), stems(b))


def stem_similarity(a: list[str], b: list[str]) -> float:
    """Return the similarity of two stem lists (see `similarity`)."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def word_diff(old: str, new: str, marks=("[-", "-]", "{+", "+}")) -> str:
    """Show what changed from old to new, word by word: [-removed-]{+added+} (or other marks,
    e.g. Markdown's ~~ and **)."""
    around = {" ": ("", ""), "-": marks[:2], "+": marks[2:]}
    return " ".join(around[op][0] + text + around[op][1] for op, text in diff_pieces(old, new))


def diff_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """Return the word diff as (op, text) pieces, op being ' ', '-' or '+'."""
    a, b = old.split(), new.split()
    pieces = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append((" ", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("+", " ".join(b[j1:j2])))
    return pieces
