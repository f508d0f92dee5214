"""Catalogs translators can trust: real gettext files, every translation kept."""

import subprocess
from pathlib import Path

import polib
import pytest

from conftest import REPO, run_magazine
from magazine.catalog import catalog_path, issue_stats, update_issue_catalogs
from magazine.issue import load_issue
from magazine.model import Project


def all_catalogs(root: Path) -> list[Path]:
    return sorted((root / "translations").rglob("*.po"))


def test_update_writes_catalogs_for_the_two_other_languages(project):
    for path in all_catalogs(project.root):
        path.unlink()
    update_issue_catalogs(project, load_issue(project))
    names = {p.relative_to(project.translations).as_posix() for p in all_catalogs(project.root)}
    assert names == {"07/bg/susret-u-nisu.po", "07/en/susret-u-nisu.po",
                     "07/sr/sofia-seminar.po", "07/en/sofia-seminar.po",
                     "07/sr/cross-border-table.po", "07/bg/cross-border-table.po"}
    po = polib.pofile(str(project.translations / "07/en/susret-u-nisu.po"))
    assert po.metadata["Language"] == "en"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"].startswith("nplurals=2")
    sr = polib.pofile(str(project.translations / "07/sr/sofia-seminar.po"))
    assert sr.metadata["Language"] == "sr@latin"
    assert sr.metadata["Plural-Forms"].startswith("nplurals=3")


def test_entries_name_their_kind_and_source_line(project):
    issue = load_issue(project)
    update_issue_catalogs(project, issue)
    po = polib.pofile(str(catalog_path(project, issue, "en", "susret-u-nisu")))
    source = (project.issues / "07/articles/susret-u-nisu.md").read_text().split("\n")
    by_kind = {}
    for entry in po:
        by_kind.setdefault(entry.comment, []).append(entry)
        [(file, line)] = entry.occurrences
        assert file == "issues/07/articles/susret-u-nisu.md"
        assert entry.msgid.split()[0].strip("*[") in source[int(line) - 1] or \
            entry.comment in ("title", "summary", "section")
    assert set(by_kind) == {"title", "summary", "section", "heading", "paragraph",
                            "footnote", "list item", "table cell"}
    paragraph = by_kind["paragraph"][0]
    assert "*okrugli sto*" in paragraph.msgid                          # inline Markdown kept
    assert "[programa IPA](https://example.org/ipa)" in paragraph.msgid
    assert paragraph.msgid.endswith("[^1]")                            # the note's place
    assert by_kind["footnote"][0].msgid == "Projekat sufinansira Evropska unija."


def test_msgctxt_only_where_two_blocks_are_equal(project):
    issue = load_issue(project)
    po = polib.pofile(str(catalog_path(project, issue, "en", "susret-u-nisu")))
    with_context = [e for e in po if e.msgctxt]
    assert [(e.msgctxt, e.msgid) for e in with_context] == [("table cell 2", "klasteri")]


def test_update_with_nothing_to_do_keeps_every_byte(project):
    before = {p: p.read_bytes() for p in all_catalogs(project.root)}
    assert update_issue_catalogs(project, load_issue(project)) == []
    assert {p: p.read_bytes() for p in all_catalogs(project.root)} == before


def test_update_keeps_translations_and_obsoletes_changed_blocks(project):
    article = project.issues / "07/articles/susret-u-nisu.md"
    article.write_text(article.read_text().replace("Udruženja preduzetnika",
                                                   "Udruženja malih preduzeća"))
    path = project.translations / "07/en/susret-u-nisu.po"
    po = polib.pofile(str(path))
    po.find("Ko je došao").tcomment = "checked with the author"
    po.save()
    update_issue_catalogs(project, load_issue(project))
    po = polib.pofile(str(path))
    assert po.find("Ko je došao").msgstr == "Who came"
    assert po.find("Ko je došao").tcomment == "checked with the author"
    assert po.find("Udruženja malih preduzeća").msgstr == ""
    [old] = po.obsolete_entries()
    assert (old.msgid, old.msgstr) == ("Udruženja preduzetnika", "Business associations")
    assert "#~ msgstr \"Business associations\"" in path.read_text()


def test_every_catalog_passes_msgfmt_check(project):
    update_issue_catalogs(project, load_issue(project))
    catalogs = all_catalogs(project.root) + all_catalogs(REPO)
    assert len(catalogs) >= 14
    for path in catalogs:
        done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null",
                               str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "fuzzy" not in done.stderr and "untranslated" not in done.stderr, path


def test_sample_issue_is_completely_and_really_translated():
    project = Project(REPO)
    issue = load_issue(project, "01")
    languages = {a.lang for a in issue.articles}
    assert languages == {"sr", "bg", "en"}
    stats = issue_stats(project, issue)
    assert len(stats) == 2 * len(issue.articles)
    assert all(s.translated == s.total > 0 for s in stats)
    for path in all_catalogs(REPO):
        prose = [e for e in polib.pofile(str(path)) if len(e.msgid) > 60]
        assert prose and all(e.msgstr != e.msgid for e in prose), path


def test_status_reports_each_article_and_language(project):
    po_path = project.translations / "07/bg/cross-border-table.po"
    po = polib.pofile(str(po_path))
    po.find("The plan").msgstr = ""
    po.save()
    done = run_magazine(project, "translations", "status", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "cross-border-table | bg" in line)
    assert row.split("|")[3:8] == [" 11 ", " 10 ", " 0 ", " 1 ", " 91% "]
    failing = run_magazine(project, "translations", "status", "--fail-under", "100")
    assert failing.returncode == 1
    assert "under 100% translated" in failing.stderr


def test_catalog_in_the_wrong_language_folder_is_refused(project):
    path = project.translations / "07/en/susret-u-nisu.po"
    path.write_text(path.read_text().replace('"Language: en\\n"', '"Language: bg\\n"'))
    before = path.read_bytes()
    done = run_magazine(project, "translations", "update")
    assert done.returncode == 1 and "Language: bg" in done.stderr
    assert path.read_bytes() == before


def test_written_catalogs_are_readable_by_others(project):
    import stat
    path = project.translations / "07/en/susret-u-nisu.po"
    path.unlink()
    update_issue_catalogs(project, load_issue(project))
    assert path.stat().st_mode & stat.S_IROTH
