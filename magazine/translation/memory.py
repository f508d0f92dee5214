"""Translation memory: every finished translation in every catalog of one language, offered
again for new blocks, exactly or as a close match."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from magazine.translation.checks import translation_problems
from magazine.translation.similarity import stem_similarity, stems


@dataclass(frozen=True)
class Suggestion:
    """A translation the memory offers, with where it comes from (issue/article)."""

    msgid: str
    msgstr: str
    origin: str
    score: float = 1.0


class TranslationMemory:
    """Finished translations of one language, first-come first-kept, indexed by word stem.
    A translation that fails a check (a lost footnote or link) is not offered."""

    def __init__(self, suggestions: list[Suggestion]):
        self.exact_matches: dict[str, Suggestion] = {}
        for suggestion in suggestions:
            if not translation_problems(suggestion.msgid, suggestion.msgstr):
                self.exact_matches.setdefault(suggestion.msgid, suggestion)
        self.entries = list(self.exact_matches.values())
        self.stems = [stems(s.msgid) for s in self.entries]
        self.bags = [Counter(entry_stems) for entry_stems in self.stems]
        self.index: dict[str, list[int]] = {}
        for number, entry_stems in enumerate(self.stems):
            for stem in set(entry_stems):
                self.index.setdefault(stem, []).append(number)
        self.common = max(50, len(self.entries) // 10)   # words like "i", "the": too many

    def exact(self, msgid: str) -> Suggestion | None:
        """Return the translation of exactly this text, if there is one."""
        return self.exact_matches.get(msgid)

    def close(self, msgid: str, threshold: float) -> Suggestion | None:
        """Return the most similar translated text at or above the threshold, if any.
        Candidates share a word that is not in every tenth entry (or, for a text made only of
        such words, are about as long); each is scored in full only while the upper bound of
        its score (its shared words) can still beat the best found."""
        wanted = stems(msgid)
        bag = Counter(wanted)
        rare = [stem for stem in bag if len(self.index.get(stem, ())) <= self.common]
        candidates: Iterable[int]
        if rare:
            candidates = {n for stem in rare for n in self.index.get(stem, ())}
        else:
            candidates = range(len(self.entries))
        bounds = []
        for number in candidates:
            total = len(wanted) + len(self.stems[number])
            if total and 2 * min(len(wanted), len(self.stems[number])) >= threshold * total:
                shared = sum((bag & self.bags[number]).values())
                bounds.append((2 * shared / total, number))
        best = None
        for bound, number in sorted(bounds, key=lambda b: (-b[0], b[1])):
            if bound < threshold or (best is not None and bound <= best.score):
                break
            score = stem_similarity(wanted, self.stems[number])
            if score >= threshold and (best is None or score > best.score):
                entry = self.entries[number]
                best = Suggestion(entry.msgid, entry.msgstr, entry.origin, score)
        return best
