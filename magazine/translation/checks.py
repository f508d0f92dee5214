"""What a translation must keep from its source block: every footnote in its place, as many
links, and the {.notranslate} passages."""

import re
from collections import Counter

NOTE = re.compile(r"\[\^(\d+)\]")
LINK = re.compile(r"\]\([^)\s]|<(?:[a-z][a-z0-9+.-]*:|www\.)[^>\s]+>|<[^>\s@]+@[^>\s]+>",
                  re.IGNORECASE)
NOTRANSLATE = re.compile(r"\]\{[^}]*\.notranslate\b")


def translation_problems(msgid: str, msgstr: str) -> list[str]:
    """Return what the translation loses or adds against its source, as short phrases."""
    problems = []
    source_notes, notes = Counter(NOTE.findall(msgid)), Counter(NOTE.findall(msgstr))
    problems += [f"drops footnote [^{n}]" for n in sorted(source_notes - notes)]
    problems += [f"has footnote [^{n}] that the source does not have"
                 for n in sorted(notes - source_notes)]
    links, source_links = len(LINK.findall(msgstr)), len(LINK.findall(msgid))
    if links < source_links:
        problems.append(f"has {links} of the source's {source_links} links")
    kept, source_kept = len(NOTRANSLATE.findall(msgstr)), len(NOTRANSLATE.findall(msgid))
    if kept != source_kept:
        problems.append(f"has {kept} of the source's {source_kept} {{.notranslate}} passages")
    return problems


def entry_state(entry, source: str) -> str:
    """Return what a catalog entry holds for its source block: "translated" (ready to print),
    "untranslated", "fuzzy", or "needs fixing" (translated, but failing a check above)."""
    if entry is None or not entry.msgstr:
        return "untranslated"
    if "fuzzy" in entry.flags or entry.obsolete:
        return "fuzzy"
    return "needs fixing" if translation_problems(source, entry.msgstr) else "translated"
