"""Translation memory: every finished translation in every catalog of one language, offered
again for new blocks, exactly or as a close match."""

from collections import Counter
from dataclasses import dataclass

from .similarity import stem_similarity, stems

CANDIDATES = 12          # close matches scored in full per lookup, best shared words first


@dataclass(frozen=True)
class Suggestion:
    """A translation the memory offers, with where it comes from (issue/article)."""

    msgid: str
    msgstr: str
    origin: str
    score: float = 1.0


class TranslationMemory:
    """Finished translations of one language, first-come first-kept, indexed by word stem."""

    def __init__(self, suggestions: list[Suggestion]):
        self.exact_matches: dict[str, Suggestion] = {}
        for suggestion in suggestions:
            self.exact_matches.setdefault(suggestion.msgid, suggestion)
        self.entries = list(self.exact_matches.values())
        self.stems = [stems(s.msgid) for s in self.entries]
        self.index: dict[str, list[int]] = {}
        for number, entry_stems in enumerate(self.stems):
            for stem in set(entry_stems):
                self.index.setdefault(stem, []).append(number)
        self.common = max(50, len(self.entries) // 10)   # words like "i", "the" find nothing

    def exact(self, msgid: str) -> Suggestion | None:
        """Return the translation of exactly this text, if there is one."""
        return self.exact_matches.get(msgid)

    def close(self, msgid: str, threshold: float) -> Suggestion | None:
        """Return the most similar translated text at or above the threshold, if any."""
        wanted = stems(msgid)
        shared = Counter()
        for stem in set(wanted):
            postings = self.index.get(stem, ())
            if len(postings) <= self.common:
                shared.update(postings)
        best = None
        for number, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]:
            score = stem_similarity(wanted, self.stems[number])
            if score >= threshold and (best is None or score > best.score):
                entry = self.entries[number]
                best = Suggestion(entry.msgid, entry.msgstr, entry.origin, score)
        return best
