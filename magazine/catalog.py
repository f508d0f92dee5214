"""Translation catalogs: one gettext PO file per article and target language (polib)."""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

from .editions import LANGUAGES
from .errors import CatalogError
from .files import write_if_changed
from .model import Article, Issue, Project, Segment
from .segment import segment_article

GETTEXT_LANGUAGE = {"sr": "sr@latin", "bg": "bg", "en": "en"}
PLURAL_FORMS = {
    "sr": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "bg": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
LANGUAGE_NAMES = {"sr": "Serbian (Latin script)", "bg": "Bulgarian", "en": "English"}


@dataclass(frozen=True)
class CatalogStats:
    """How far one catalog is translated."""

    issue: str
    article: str
    language: str
    total: int
    translated: int
    fuzzy: int

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def catalog_path(project: Project, issue: Issue, lang: str, slug: str) -> Path:
    """Return where the `lang` catalog of an article lives."""
    return project.translations / issue.id / lang / f"{slug}.po"


def target_languages(article: Article) -> list[str]:
    """Return the languages an article is translated into: the two it is not written in."""
    return [lang for lang in LANGUAGES if lang != article.lang]


def check_catalog(path: Path) -> None:
    """Run `msgfmt --check` on a catalog: polib alone accepts some broken files silently."""
    done = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        first = next(line for line in done.stderr.splitlines() if line.strip())
        match = re.match(r"^.*?:(\d+):(?:\d+:)? (.*)$", first)
        line, problem = (int(match.group(1)), match.group(2)) if match else (None, first)
        raise CatalogError(f"broken catalog: {problem}; fix it in your PO editor", path, line)


def read_catalog(path: Path) -> polib.POFile:
    """Check and parse a PO file, turning complaints into a CatalogError."""
    check_catalog(path)
    try:
        return polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise CatalogError(f"cannot read catalog: {exc}; fix the file in your PO editor",
                           path) from None


def update_catalog(project: Project, issue: Issue, article: Article, lang: str,
                   segments: list[Segment]) -> bool:
    """Create or refresh one catalog from the article's segments, keeping every translation.
    Return whether the file was written."""
    path = catalog_path(project, issue, lang, article.slug)
    old = read_catalog(path) if path.exists() else None
    if old is not None and old.metadata.get("Language", GETTEXT_LANGUAGE[lang]) not in \
            (GETTEXT_LANGUAGE[lang], lang):
        raise CatalogError(f"the header says Language: {old.metadata['Language']}, but this "
                           f"folder holds {LANGUAGE_NAMES[lang]} catalogs; move the file or fix "
                           "the header", path)
    new = polib.POFile(wrapwidth=78)
    new.header = (f"INFOCLUSTER {issue.id}: {LANGUAGE_NAMES[lang]} translation of "
                  f"{_relative(project, article.path)} ({article.lang})")
    new.metadata = _metadata(old, issue, lang)
    live = {(e.msgctxt, e.msgid): e for e in old or [] if not e.obsolete}
    dead = {(e.msgctxt, e.msgid): e for e in old or [] if e.obsolete}
    source = _relative(project, article.path)
    for seg in segments:
        entry = polib.POEntry(msgid=seg.text, msgctxt=seg.context, comment=seg.kind,
                              occurrences=[(source, str(seg.line))])
        previous = live.pop((seg.context, seg.text), None) or dead.pop((seg.context, seg.text), None)
        if previous is not None:
            entry.msgstr = previous.msgstr
            entry.tcomment = previous.tcomment
            entry.flags = list(previous.flags)
            entry.previous_msgid = previous.previous_msgid
            entry.previous_msgctxt = previous.previous_msgctxt
        new.append(entry)
    for entry in [*live.values(), *dead.values()]:
        if entry.msgstr:                          # a translator's text is never dropped
            entry.obsolete = True
            new.append(entry)
    return write_if_changed(path, str(new).encode("utf-8") + b"\n")


def _metadata(old, issue: Issue, lang: str) -> dict:
    metadata = dict(old.metadata) if old is not None else {}
    metadata.setdefault("Project-Id-Version", f"INFOCLUSTER {issue.id}")
    metadata.setdefault("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE")   # a PO editor fills these
    metadata.setdefault("Last-Translator", "FULL NAME <EMAIL@ADDRESS>")
    metadata.setdefault("Language-Team", f"INFOCLUSTER {LANGUAGE_NAMES[lang]}")
    metadata.update({
        "Language": GETTEXT_LANGUAGE[lang],
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[lang],
    })
    return metadata


def _relative(project: Project, path: Path) -> str:
    return path.resolve().relative_to(project.root.resolve()).as_posix()


def load_translations(path: Path) -> dict:
    """Return {(msgctxt, msgid): msgstr} for the finished (translated, not fuzzy) entries."""
    if not path.exists():
        return {}
    return {(e.msgctxt, e.msgid): e.msgstr for e in read_catalog(path)
            if e.translated() and not e.obsolete}


def catalog_stats(project: Project, issue: Issue, article: Article, lang: str,
                  segments: list[Segment]) -> CatalogStats:
    """Count how many of the article's blocks the `lang` catalog translates (or has fuzzy)."""
    path = catalog_path(project, issue, lang, article.slug)
    entries = {(e.msgctxt, e.msgid): e for e in read_catalog(path) if not e.obsolete} \
        if path.exists() else {}
    found = [entries.get((seg.context, seg.text)) for seg in segments]
    translated = sum(1 for e in found if e is not None and e.translated())
    fuzzy = sum(1 for e in found if e is not None and "fuzzy" in e.flags)
    return CatalogStats(issue.id, article.slug, lang, len(segments), translated, fuzzy)


def update_issue_catalogs(project: Project, issue: Issue) -> list[Path]:
    """Create or refresh every catalog of an issue; return the files that were written."""
    written = []
    for article in issue.articles:
        segments = segment_article(article)
        for lang in target_languages(article):
            if update_catalog(project, issue, article, lang, segments):
                written.append(catalog_path(project, issue, lang, article.slug))
    return written


def issue_stats(project: Project, issue: Issue) -> list[CatalogStats]:
    """Return the translation statistics of every catalog of an issue."""
    stats = []
    for article in issue.articles:
        segments = segment_article(article)
        stats += [catalog_stats(project, issue, article, lang, segments)
                  for lang in target_languages(article)]
    return stats
