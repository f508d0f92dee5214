"""Score a hyphenation dictionary against a hand-checked list of Bulgarian words: the breaks
it finds, the ones it misses, and the wrong ones it proposes (which would print)."""

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

VOWELS = frozenset("аеиоуъюяѝ")


@dataclass(frozen=True)
class Entry:
    """A word, one accepted break for each boundary between syllables, every accepted break."""
    word: str
    breaks: tuple[int, ...]
    accepted: frozenset[int]

    def boundaries(self) -> list[frozenset[int]]:
        """Return, for each boundary, the accepted breaks in its run of consonants."""
        return [frozenset(p for p in self.accepted
                          if not VOWELS & set(self.word[min(p, b):max(p, b)]))
                for b in self.breaks]


@dataclass(frozen=True)
class WordScore:
    """What a dictionary proposed for one word, against its entry."""
    entry: Entry
    proposed: tuple[int, ...]
    found: int
    missed: int
    wrong: tuple[int, ...]


@dataclass(frozen=True)
class Score:
    """A dictionary's figures over a whole list."""
    words: tuple[WordScore, ...]

    @property
    def boundaries(self) -> int:
        return sum(w.found + w.missed for w in self.words)

    @property
    def found(self) -> int:
        return sum(w.found for w in self.words)

    @property
    def missed(self) -> int:
        return sum(w.missed for w in self.words)

    @property
    def wrong(self) -> int:
        return sum(len(w.wrong) for w in self.words)

    @property
    def words_with_wrong_breaks(self) -> tuple[WordScore, ...]:
        return tuple(w for w in self.words if w.wrong)


def breaks_of(hyphenated: str) -> tuple[int, ...]:
    """Return the break positions of a word written with '-' (под-кре-пя -> (3, 6))."""
    found, letters = [], 0
    for ch in hyphenated:
        if ch == "-":
            found.append(letters)
        else:
            letters += 1
    return tuple(found)


def hyphenated(word: str, breaks: tuple[int, ...] | list[int]) -> str:
    """Write a word with '-' at the given positions."""
    cuts = [0, *sorted(breaks), len(word)]
    return "-".join(word[a:b] for a, b in pairwise(cuts))


def read_list(path: Path) -> list[Entry]:
    """Read the hand-checked list (word, hyphenation, accepted, morphemes; '#' comments)."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        word, hyphenation, accepted, *_ = line.split("\t") + ["", ""]
        breaks = breaks_of(hyphenation)
        allowed = frozenset(breaks_of(accepted or hyphenation))
        spelt = {form.replace("-", "") for form in (hyphenation, accepted) if form}
        if spelt != {word} or not set(breaks) <= allowed:
            raise ValueError(f"{path}:{number}: the hyphenated forms do not spell {word!r}")
        entries.append(Entry(word, breaks, allowed))
    return entries


def score(dictionary: Path, entries: list[Entry], left: int = 2, right: int = 2) -> Score:
    """Score a .dic on the entries with the left and right minimums WeasyPrint passes."""
    import pyphen  # type: ignore[import-untyped]
    hyphenator = pyphen.Pyphen(filename=str(dictionary), left=left, right=right)
    scores = []
    for entry in entries:
        proposed = tuple(int(p) for p in hyphenator.positions(entry.word))
        groups = entry.boundaries()
        found = sum(1 for group in groups if group & set(proposed))
        scores.append(WordScore(entry, proposed, found, len(groups) - found,
                                tuple(p for p in proposed if p not in entry.accepted)))
    return Score(tuple(scores))
