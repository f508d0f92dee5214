"""Words that mix Latin and Cyrillic letters: look-alikes (a, e, o, p, c, x, y) typed in the
wrong script, which spell-checkers and search miss. Checked in Serbian and Bulgarian text."""

import re
from pathlib import Path

from magazine.languages import LANGUAGE
from magazine.model import Issue, Project

_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SKIP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|\S+://\S+|\S+@\S+")
# the languages written in Cyrillic, where a look-alike Latin letter hides
CHECKED = tuple(code for code, language in LANGUAGE.items() if "Cyrl" in language.scripts)


def mixed_words(text: str) -> list[str]:
    """Return the words of a text that hold both Latin and Cyrillic letters."""
    text = _SKIP.sub(" ", text)
    return [w for w in _WORD.findall(text) if _LATIN.search(w) and _CYRILLIC.search(w)]


def _report(path: Path, number: int, word: str, root: Path) -> str:
    return (f"{path.relative_to(root)}:{number}: {word!r} mixes Latin and Cyrillic letters; "
            "retype the look-alike letters")


def article_lines(project: Project, issue: Issue) -> list[str]:
    """Report mixed words in the Serbian and Bulgarian articles of an issue."""
    found = []
    for article in issue.articles:
        if article.lang in CHECKED:
            for number, line in enumerate(article.source_lines, start=1):
                found += [_report(article.path, number, w, project.root)
                          for w in mixed_words(line)]
    return found


def catalog_lines(project: Project, issue: Issue) -> list[str]:
    """Report mixed words in the translations (msgstr) of the Serbian and Bulgarian
    catalogs of an issue."""
    found = []
    for lang in CHECKED:
        for path in sorted((project.translations / issue.id / lang).glob("*.po")):
            in_msgstr = False
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.startswith(("msgid", "msgctxt", "#")):
                    in_msgstr = False
                elif line.startswith("msgstr"):
                    in_msgstr = True
                if in_msgstr:
                    found += [_report(path, number, w, project.root) for w in mixed_words(line)]
    return found


def issue_mixed_script(project: Project, issue: Issue) -> list[str]:
    """Report every mixed-script word in an issue's Serbian and Bulgarian text."""
    return article_lines(project, issue) + catalog_lines(project, issue)
