"""Translation catalogs on disk: one gettext PO file per article and target language, read
with polib after `msgfmt --check`, written in GNU gettext's own layout (`msgcat`)."""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import polib

from magazine.errors import CatalogError
from magazine.languages import LANGUAGE, LANGUAGES
from magazine.machinery.files import write_if_changed
from magazine.model import Article, Issue, Project
from magazine.sources.issue import natural_key


@dataclass(frozen=True)
class CatalogFile:
    """Where a catalog lives and whose it is: translations/<issue>/<language>/<article>.po."""

    path: Path
    issue: str
    language: str
    article: str

    @property
    def origin(self) -> str:
        return f"{self.issue}/{self.article}"


def catalog_path(project: Project, issue: Issue, lang: str, slug: str) -> Path:
    """Return where the `lang` catalog of an article lives."""
    return project.translations / issue.id / lang / f"{slug}.po"


def target_languages(article: Article) -> list[str]:
    """Return the languages an article is translated into: the two it is not written in."""
    return [lang for lang in LANGUAGES if lang != article.lang]


def all_catalogs(project: Project) -> list[CatalogFile]:
    """Return every catalog of every issue, newest issue first, then by language and name."""
    found = [CatalogFile(path, path.parent.parent.name, path.parent.name, path.stem)
             for path in project.translations.glob("*/*/*.po")
             if path.parent.name in LANGUAGES]
    by_name = sorted(found, key=lambda c: (c.language, c.article))
    return sorted(by_name, key=lambda c: natural_key(c.issue), reverse=True)


def refuse_orphans(project: Project, issue: Issue) -> None:
    """Refuse a catalog of the issue whose article the issue no longer lists (or in a
    folder that is not a language): its translations would be silently ignored."""
    slugs = {article.slug for article in issue.articles}
    for path in sorted((project.translations / issue.id).glob("*/*.po")):
        if path.parent.name not in LANGUAGES:
            raise CatalogError(f"{path.parent.name!r} is not a language of the magazine "
                               f"({', '.join(LANGUAGES)}); move the catalog", path)
        if path.stem not in slugs:
            raise CatalogError(f"issue.yaml lists no article {path.stem!r}: list the article "
                               "again, or move this catalog out of translations/", path)


def _gettext(args: list[str], path: Path, text: str | None = None):
    """Run a GNU gettext tool; say clearly when gettext is not installed."""
    try:
        return subprocess.run(args, input=text, capture_output=True, text=True)
    except FileNotFoundError:
        raise CatalogError(f"{args[0]} not found: install GNU gettext (apt-get install "
                           "gettext, or run make setup as root)", path) from None


def check_catalog(path: Path) -> None:
    """Run `msgfmt --check` on a catalog: polib alone accepts some broken files silently."""
    with open(path, "rb") as head:
        if head.read(3) == b"\xef\xbb\xbf":
            raise CatalogError("the file starts with a byte-order mark, which gettext refuses; "
                               "save it as UTF-8 without BOM", path, 1)
    done = _gettext(["msgfmt", "--check", "-o", os.devnull, str(path)], path)
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        first = next((line for line in lines if ": warning: " not in line), lines[0])
        match = re.match(r"^.*?:(\d+):(?:\d+:)? (.*)$", first)
        line, problem = (int(match.group(1)), match.group(2)) if match else (None, first)
        raise CatalogError(f"broken catalog: {problem}; fix it in your PO editor", path, line)


def read_catalog(path: Path) -> polib.POFile:
    """Check and parse a PO file, turning complaints into a CatalogError."""
    check_catalog(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(f"the catalog is not UTF-8 ({exc.reason}); save it as UTF-8",
                           path) from None
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path) from None
    # polib skips the previous msgid of an obsolete entry ("#~| msgid"), so read it as "#|";
    # it refuses a comment with no space after "#", which gettext accepts
    text = re.sub(r"^#~\|", "#|", text, flags=re.MULTILINE)
    text = re.sub(r"^#(?=[^\s.:,|~#])", "# ", text, flags=re.MULTILINE)
    try:
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        raise CatalogError(f"cannot read catalog: {exc}; fix the file in your PO editor",
                           path) from None


def live_entries(path: Path) -> dict:
    """Return {(msgctxt, msgid): entry} for the catalog's entries that are not obsolete."""
    if not path.exists():
        return {}
    return {(e.msgctxt, e.msgid): e for e in read_catalog(path) if not e.obsolete}


def catalog_bytes(catalog: polib.POFile, path: Path) -> bytes:
    """Return the catalog as GNU gettext writes it: `msgcat`'s wrapping at 79 columns, the
    layout msgmerge, Poedit and Lokalize also keep, so re-saving it changes nothing."""
    done = _gettext(["msgcat", "--to-code=UTF-8", "-"], path, str(catalog) + "\n")
    if done.returncode != 0:
        raise CatalogError(f"gettext refused the updated catalog: {done.stderr.strip()}", path)
    return done.stdout.encode("utf-8")


def write_catalog(catalog: polib.POFile, path: Path) -> bool:
    """Write a catalog atomically unless its bytes would not change; say if it was written."""
    return write_if_changed(path, catalog_bytes(catalog, path))


def new_catalog(old: polib.POFile | None, issue: Issue, lang: str, title: str) -> polib.POFile:
    """Return an empty catalog with the old one's header comment and fields, completed."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.header = old.header if old is not None and old.header.strip() else \
        f"INFOCLUSTER {issue.id}: {LANGUAGE[lang].name} translation of {title}"
    catalog.metadata = _metadata(old, issue, lang)
    catalog.metadata_is_fuzzy = False
    return catalog


def _metadata(old, issue: Issue, lang: str) -> dict:
    metadata = dict(old.metadata) if old is not None else {}
    metadata.setdefault("Project-Id-Version", f"INFOCLUSTER {issue.id}")
    metadata.setdefault("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE")   # a PO editor fills these
    metadata.setdefault("Last-Translator", "FULL NAME <EMAIL@ADDRESS>")
    metadata.setdefault("Language-Team", f"INFOCLUSTER {LANGUAGE[lang].name}")
    metadata.update({
        "Language": LANGUAGE[lang].gettext,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": LANGUAGE[lang].plural_forms,
    })
    return metadata


def check_language(catalog: polib.POFile, lang: str, path: Path) -> None:
    """Refuse a catalog whose header names another language than its folder."""
    said = catalog.metadata.get("Language", LANGUAGE[lang].gettext)
    if said not in (LANGUAGE[lang].gettext, lang):
        raise CatalogError(f"the header says Language: {said}, but this folder holds "
                           f"{LANGUAGE[lang].name} catalogs; move the file or fix the header",
                           path)
