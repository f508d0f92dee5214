"""How far each article is translated into each language, by entries and by words; what
changed under each fuzzy entry; which translations fail a check."""

import json
import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from magazine.languages import LANGUAGES
from magazine.model import Issue, Project
from magazine.translation.catalog import catalog_path, live_entries, target_languages
from magazine.translation.checks import entry_state, translation_problems
from magazine.translation.segment import segment_article
from magazine.translation.similarity import word_diff

_MARKUP = re.compile(r"\]\([^)]*\)|\]\{[^}]*\}|\[\^\d+\]|<[^>\s]+>")
_NOT_TRANSLATED = re.compile(r"`[^`]*`|\[[^\]]*\]\{[^}]*\.notranslate[^}]*\}")


@dataclass(frozen=True)
class Counts:
    """Entries (or words) translated, fuzzy and untranslated."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.translated + other.translated, self.fuzzy + other.fuzzy,
                      self.untranslated + other.untranslated)

    def as_dict(self) -> dict:
        return {**asdict(self), "total": self.total}


@dataclass(frozen=True)
class Note:
    """A fuzzy entry and what changed in its source, or a translation that fails a check."""

    line: int | None
    msgid: str
    text: str
    previous: str | None = None


@dataclass(frozen=True)
class CatalogStatus:
    """The state of one catalog: one article in one language."""

    issue: str
    article: str
    language: str
    catalog: str
    entries: Counts
    words: Counts
    fuzzy: tuple[Note, ...] = field(default=())
    problems: tuple[Note, ...] = field(default=())


def percent(words: Counts) -> float:
    """Return the share of words translated, in percent (100 for nothing to translate);
    tables round it down, so 100% always means done."""
    return 100.0 * words.translated / words.total if words.total else 100.0


def count_words(text: str) -> int:
    """Count the words a translator translates in a Markdown text: not link targets, code
    or {.notranslate} passages."""
    words = _MARKUP.sub("]", _NOT_TRANSLATED.sub(" ", text))
    return len(re.findall(r"\w+(?:[-'’]\w+)*", words))


def issue_status(project: Project, issue: Issue) -> list[CatalogStatus]:
    """Return the status of every catalog of an issue, in the order of issue.yaml."""
    statuses = []
    for article in issue.articles:
        segments = segment_article(article)
        for lang in target_languages(article):
            path = catalog_path(project, issue, lang, article.slug)
            entries = live_entries(path)
            entries_count, words_count, fuzzy, problems = Counts(), Counts(), [], []
            for seg in segments:
                entry = entries.get((seg.context, seg.text))
                state = entry_state(entry, seg.text)
                if entry is not None and state == "needs fixing":   # counted as awaiting review
                    problems.append(Note(entry.linenum, seg.text, "; ".join(
                        translation_problems(seg.text, entry.msgstr))))
                    state = "fuzzy"
                one = Counts(**{state: 1})
                entries_count += one
                words_count += Counts(**{state: count_words(seg.text)})
                if entry is not None and "fuzzy" in entry.flags:
                    change = _change(entry.previous_msgid, seg.text)
                    fuzzy.append(Note(entry.linenum, seg.text, change, entry.previous_msgid))
            statuses.append(CatalogStatus(
                issue.id, article.slug, lang, path.relative_to(project.root).as_posix(),
                entries_count, words_count, tuple(fuzzy), tuple(problems)))
    return statuses


def _change(previous: str | None, current: str) -> str:
    """Say what changed in a fuzzy entry's source."""
    if previous is None:
        return "marked fuzzy by a translator"
    if previous == current:
        return "the source is back to the text the translation was made from; check it"
    return word_diff(previous, current)


def language_totals(statuses: list[CatalogStatus]) -> dict[str, tuple[Counts, Counts]]:
    """Return (entries, words) summed per language, for the languages that have catalogs."""
    totals = {}
    for lang in LANGUAGES:
        mine = [s for s in statuses if s.language == lang]
        if mine:
            totals[lang] = (sum((s.entries for s in mine), Counts()),
                            sum((s.words for s in mine), Counts()))
    return totals


def languages_under(statuses: list[CatalogStatus], limit: float) -> list[tuple[str, float]]:
    """Return the languages whose words are less translated than `limit` percent."""
    return [(lang, percent(words)) for lang, (_, words) in language_totals(statuses).items()
            if percent(words) < limit]


_HEAD = ("issue", "article", "lang", "entries", "words", "translated", "fuzzy", "untranslated",
         "done")
_LEGEND = "translated, fuzzy and untranslated count entries / words; done is by words"


def _row(issue: str, article: str, lang: str, entries: Counts, words: Counts) -> tuple:
    return (issue, article, lang, entries.total, words.total,
            f"{entries.translated} / {words.translated}", f"{entries.fuzzy} / {words.fuzzy}",
            f"{entries.untranslated} / {words.untranslated}", f"{math.floor(percent(words))}%")


def _rows(statuses: list[CatalogStatus]) -> list[tuple]:
    rows = [_row(s.issue, s.article, s.language, s.entries, s.words) for s in statuses]
    rows += [_row("total", "", lang, entries, words)
             for lang, (entries, words) in language_totals(statuses).items()]
    return rows


def format_status(statuses: list[CatalogStatus], fmt: str, mixed: Sequence[str] = ()) -> str:
    """Return the status as a terminal table, JSON or Markdown, with the mixed-script words
    found (see mixedscript.py)."""
    if fmt == "json":
        return format_json(statuses, mixed)
    if fmt == "markdown":
        text = format_markdown(statuses)
        return text + "".join(["\n\n### Words mixing Latin and Cyrillic letters\n\n"]
                              + [f"- {line}\n" for line in mixed] if mixed else [])
    text = format_table(statuses)
    return text + "".join(["\n\nwords mixing Latin and Cyrillic letters:"]
                          + [f"\n  {line}" for line in mixed] if mixed else [])


def format_table(statuses: list[CatalogStatus]) -> str:
    """Return an aligned table (entries, then words, per catalog and per language) and, below
    it, what changed under each fuzzy entry."""
    rows = [_HEAD, *_rows(statuses)]
    widths = [max(len(str(x)) for x in col) for col in zip(*rows, strict=True)]
    lines = ["  ".join(str(x).ljust(w) if n < 3 else str(x).rjust(w)
                       for n, (x, w) in enumerate(zip(r, widths, strict=True))).rstrip()
             for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(f"({_LEGEND})")
    for title, attribute in (("fuzzy entries: what changed in the source", "fuzzy"),
                             ("translations that fail a check", "problems")):
        notes = [(s, n) for s in statuses for n in getattr(s, attribute)]
        if notes:
            lines += ["", f"{title}:"]
            lines += [f"  {s.catalog}:{n.line}: {n.text}" for s, n in notes]
    return "\n".join(lines)


def format_markdown(statuses: list[CatalogStatus]) -> str:
    """Return the status as Markdown: a table, then the fuzzy entries' changes
    (~~removed~~ **added**) and the failed checks as lists."""
    rows = _rows(statuses)
    lines = ["| " + " | ".join(_HEAD) + " |",
             "|" + "|".join("---:" if i >= 3 else "---" for i in range(len(_HEAD))) + "|"]
    lines += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    lines += ["", f"*{_LEGEND[0].upper()}{_LEGEND[1:]}.*"]
    fuzzy = [(s, n) for s in statuses for n in s.fuzzy]
    if fuzzy:
        lines += ["", "### Fuzzy entries: what changed in the source", ""]
        lines += [f"- `{s.catalog}:{n.line}`: " + _markdown_diff(n) for s, n in fuzzy]
    problems = [(s, n) for s in statuses for n in s.problems]
    if problems:
        lines += ["", "### Translations that fail a check", ""]
        lines += [f"- `{s.catalog}:{n.line}`: {n.text}" for s, n in problems]
    return "\n".join(lines)


def _markdown_diff(note: Note) -> str:
    if note.previous is None or note.previous == note.msgid:
        return note.text
    return word_diff(note.previous, note.msgid, ("~~", "~~", "**", "**"))


def _one_decimal(share: float) -> float:
    return math.floor(share * 10) / 10


def format_json(statuses: list[CatalogStatus], mixed: Sequence[str] = ()) -> str:
    """Return the status as JSON for scripts: every catalog, and totals per language."""
    catalogs = [{
        "issue": s.issue, "article": s.article, "language": s.language, "catalog": s.catalog,
        "entries": s.entries.as_dict(), "words": s.words.as_dict(),
        "percent": _one_decimal(percent(s.words)),
        "fuzzy": [{"line": n.line, "msgid": n.msgid, "diff": n.text} for n in s.fuzzy],
        "problems": [{"line": n.line, "msgid": n.msgid, "problems": n.text}
                     for n in s.problems],
    } for s in statuses]
    languages = {lang: {"entries": entries.as_dict(), "words": words.as_dict(),
                        "percent": _one_decimal(percent(words))}
                 for lang, (entries, words) in language_totals(statuses).items()}
    return json.dumps({"catalogs": catalogs, "languages": languages,
                       "mixed_script": list(mixed)}, ensure_ascii=False, indent=2)
