"""Refresh the catalogs from the articles without losing a translator's work: keep what still
matches, pair changed blocks with their old entries (fuzzy, previous source kept as `#|`),
fill new blocks from the translation memory, and keep removed ones as obsolete `#~`."""

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from magazine.errors import CatalogError
from magazine.languages import LANGUAGES
from magazine.machinery.files import issue_lock, write_if_changed
from magazine.model import Issue, Project, Segment
from magazine.translation.catalog import (
    all_catalogs,
    catalog_bytes,
    catalog_path,
    check_language,
    new_catalog,
    read_catalog,
    refuse_orphans,
    target_languages,
)
from magazine.translation.memory import Suggestion, TranslationMemory
from magazine.translation.segment import segment_article
from magazine.translation.similarity import MEMORY_THRESHOLD, PAIR_THRESHOLD, stem_similarity, stems

MEMORY_NOTE = "memory: "          # the extracted-comment line that says where a text came from

# Exact matches, tried in turn: same text and context; same text (a twin block came or went).
_EXACT_KEYS = (lambda e: (e.msgctxt, e.msgid), lambda e: e.msgid)


@dataclass(frozen=True)
class CatalogUpdate:
    """A catalog an update wrote, and what happened to its entries (see EVENTS)."""

    path: Path
    events: dict


EVENTS = {"new": "new", "changed": "changed (now fuzzy)", "revived": "revived",
          "memory": "from memory", "memory fuzzy": "from memory (fuzzy)",
          "obsolete": "now obsolete"}


def update_issue_catalogs(project: Project, issue: Issue) -> list[CatalogUpdate]:
    """Create or refresh every catalog of an issue; return the ones that were written.
    Every catalog of every issue is read (and checked) before anything is written."""
    refuse_orphans(project, issue)
    catalogs = {c.path: c for c in all_catalogs(project)}
    parsed = {path: read_catalog(path) for path in catalogs}
    memories = {lang: build_memory(catalogs.values(), parsed, lang) for lang in LANGUAGES}
    planned = {}
    for article in issue.articles:
        segments = segment_article(article)
        source = article.path.resolve().relative_to(project.root.resolve()).as_posix()
        for lang in target_languages(article):
            path = catalog_path(project, issue, lang, article.slug)
            old = parsed.get(path)
            if old is not None:
                check_language(old, lang, path)
            catalog = new_catalog(old, issue, lang, f"{source} ({article.lang})")
            events = merge_catalog(catalog, old, segments, source, memories[lang])
            refuse_losing_text(old, catalog, path)
            planned[path] = (catalog_bytes(catalog, path), events)
    with issue_lock(issue.path / "issue.yaml", "update the translations"):
        return [CatalogUpdate(path, events) for path, (data, events) in planned.items()
                if write_if_changed(path, data)]


def refuse_losing_text(old: polib.POFile | None, new: polib.POFile, path: Path) -> None:
    """Refuse to write a catalog that holds less translated or fuzzy text than it had: every
    translation the old catalog held must be in the new one, live or as an obsolete `#~`."""
    kept = {e.msgstr for e in new if e.msgstr} | \
        {text for e in new for text in e.msgstr_plural.values() if text}
    lost = [e for e in old or () if _translated(e) and not (
        {e.msgstr, *e.msgstr_plural.values()} - {""}) <= kept]
    if lost:
        raise CatalogError(f"this update would lose {len(lost)} translations (the first: "
                           f"{lost[0].msgstr[:60]!r}); nothing was written. Please report "
                           "it: the update must never drop a translator's text", path,
                           lost[0].linenum)


def build_memory(catalogs, parsed: dict, lang: str) -> TranslationMemory:
    """Return the finished translations of every `lang` catalog, newest issue first."""
    return TranslationMemory([
        Suggestion(entry.msgid, entry.msgstr, catalog.origin)
        for catalog in catalogs if catalog.language == lang
        for entry in _live_first(parsed[catalog.path])
        if entry.msgid and entry.msgstr and "fuzzy" not in entry.flags])


def merge_catalog(catalog: polib.POFile, old: polib.POFile | None, segments: list[Segment],
                  source: str, memory: TranslationMemory) -> Counter:
    """Fill `catalog` with an entry per segment, carrying over or suggesting translations,
    then the old entries nobody took that hold a translation, as obsolete. Return how many
    entries met each of the EVENTS."""
    events: Counter = Counter()
    old_entries = _live_first(old) if old is not None else []
    entries = [_new_entry(seg, source) for seg in segments]
    taken: set[int] = set()
    open_ = list(range(len(entries)))
    for key in _EXACT_KEYS:
        index: dict = {}
        for number, entry in enumerate(old_entries):
            if number not in taken and not entry.msgid_plural:     # blocks have no plurals
                index.setdefault(key(entry), number)
        for i in list(open_):
            number = index.pop(key(entries[i]), None)
            if number is not None:
                _carry(entries[i], old_entries[number], changed=False)
                events["revived"] += old_entries[number].obsolete
                taken.add(number)
                open_.remove(i)
    empty = [i for i in range(len(entries)) if i not in open_ and not _translated(entries[i])]
    for i in empty:                                   # still untranslated: ask the memory again
        suggestion = memory.exact(entries[i].msgid) or \
            memory.close(entries[i].msgid, MEMORY_THRESHOLD)
        if suggestion is not None:
            _suggest(entries[i], suggestion)
            events["memory" if suggestion.msgid == entries[i].msgid else "memory fuzzy"] += 1
    for i in list(open_):
        suggestion = memory.exact(entries[i].msgid)
        if suggestion is not None:
            _suggest(entries[i], suggestion)
            events["memory"] += 1
            open_.remove(i)
    for i, number in _pair_changed(entries, open_, old_entries, taken):
        _carry(entries[i], old_entries[number], changed=True)
        events["changed"] += 1
        taken.add(number)
        open_.remove(i)
    for i in open_:
        suggestion = memory.close(entries[i].msgid, MEMORY_THRESHOLD)
        if suggestion is not None:
            _suggest(entries[i], suggestion)
            events["memory fuzzy"] += 1
        else:
            events["new"] += 1
    catalog.extend(entries)
    live = {(e.msgctxt, e.msgid): e.msgstr for e in entries}
    for number, entry in enumerate(old_entries):
        duplicate = live.get((entry.msgctxt, entry.msgid)) == entry.msgstr
        if number not in taken and _translated(entry) and not duplicate:
            events["obsolete"] += 0 if entry.obsolete else 1
            catalog.append(_obsolete(entry))
    return events


def _translated(entry: polib.POEntry) -> bool:
    """Say whether an entry holds any translation, finished or fuzzy. (gettext keeps no
    obsolete entry without one, so neither can we.)"""
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def _live_first(catalog: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalog if not e.obsolete] + [e for e in catalog if e.obsolete]


def _new_entry(seg: Segment, source: str) -> polib.POEntry:
    return polib.POEntry(msgid=seg.text, msgctxt=seg.context, comment=seg.kind,
                         occurrences=[(source, str(seg.line))])


def _pair_changed(entries, open_, old_entries, taken) -> list[tuple[int, int]]:
    """Pair blocks without a match with the most similar old entries that hold a
    translation, best pairs first, each old entry used once."""
    candidates = [n for n, e in enumerate(old_entries)
                  if n not in taken and _translated(e) and not e.msgid_plural]
    if not open_ or not candidates:
        return []
    old_stems = {n: stems(old_entries[n].msgid) for n in candidates}
    scored = []
    for i in open_:
        new_stems = stems(entries[i].msgid)
        for n in candidates:
            score = stem_similarity(new_stems, old_stems[n])
            if score >= PAIR_THRESHOLD:
                scored.append((-score, old_entries[n].obsolete, i, n))
    pairs, used_new, used_old = [], set(), set()
    for _, _, i, n in sorted(scored):
        if i not in used_new and n not in used_old:
            pairs.append((i, n))
            used_new.add(i)
            used_old.add(n)
    return pairs


def _carry(entry: polib.POEntry, previous: polib.POEntry, changed: bool) -> None:
    """Give a new entry an old entry's translation, comments and flags; when the source
    changed, mark it fuzzy and record the source the translation was made from."""
    entry.msgstr = previous.msgstr
    entry.tcomment = previous.tcomment
    entry.flags = list(previous.flags)
    entry.comment = "\n".join([entry.comment, *_memory_notes(previous)])
    entry.previous_msgid = previous.previous_msgid
    entry.previous_msgctxt = previous.previous_msgctxt
    if changed:
        if "fuzzy" not in previous.flags or previous.previous_msgid is None:
            entry.previous_msgid = previous.msgid
            entry.previous_msgctxt = previous.msgctxt
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")


def _suggest(entry: polib.POEntry, suggestion: Suggestion) -> None:
    """Fill a new entry from the memory: exact matches as translated, close ones as fuzzy."""
    entry.msgstr = suggestion.msgstr
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    if suggestion.msgid == entry.msgid:
        note = f"{MEMORY_NOTE}{suggestion.origin}"
    else:
        note = f"{MEMORY_NOTE}{suggestion.origin} ({suggestion.score:.0%} similar)"
        entry.flags.append("fuzzy")
        entry.previous_msgid = suggestion.msgid
    entry.comment = f"{entry.comment}\n{note}"


def _memory_notes(entry: polib.POEntry) -> list[str]:
    return [line for line in (entry.comment or "").split("\n") if line.startswith(MEMORY_NOTE)]


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    entry.obsolete = True
    entry.occurrences = []
    return entry
