"""Catalogs translators can trust: real gettext files, updated without losing a word."""

import shutil
import stat
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import REPO, make_project, run_magazine

from magazine.model import Project
from magazine.serbian.transliterate import to_cyrillic
from magazine.sources.issue import load_issue
from magazine.translation.catalog import catalog_path, read_catalog
from magazine.translation.merge import update_issue_catalogs
from magazine.translation.status import issue_status

ARTICLE = "07/articles/susret-u-nisu.md"
EN = "07/en/susret-u-nisu.po"
PARAGRAPH = ("U Nišu je održan *okrugli sto* za klastere i udruženja, uz podršku "
             "[programa IPA](https://example.org/ipa).[^1]")


def all_catalogs(root: Path) -> list[Path]:
    return sorted((root / "translations").rglob("*.po"))


def update(project: Project) -> list[Path]:
    return update_issue_catalogs(project, load_issue(project))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def entry(path: Path, msgid: str, obsolete: bool = False) -> polib.POEntry:
    found = [e for e in read_catalog(path) if e.msgid == msgid and e.obsolete == obsolete]
    assert len(found) == 1, (msgid, [e.msgid for e in read_catalog(path)])
    return found[0]


def msgstrs(path: Path) -> dict:
    return {(e.msgctxt, e.msgid, e.obsolete): e.msgstr for e in read_catalog(path)}


def test_update_writes_catalogs_for_the_two_other_languages(project):
    for path in all_catalogs(project.root):
        path.unlink()
    update(project)
    names = {p.relative_to(project.translations).as_posix() for p in all_catalogs(project.root)}
    assert names == {"07/bg/susret-u-nisu.po", "07/en/susret-u-nisu.po",
                     "07/sr/sofia-seminar.po", "07/en/sofia-seminar.po",
                     "07/sr/cross-border-table.po", "07/bg/cross-border-table.po"}
    po = polib.pofile(str(project.translations / EN))
    assert po.metadata["Language"] == "en"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"].startswith("nplurals=2")
    sr = polib.pofile(str(project.translations / "07/sr/sofia-seminar.po"))
    assert sr.metadata["Language"] == "sr@latin"
    assert sr.metadata["Plural-Forms"].startswith("nplurals=3")


def test_entries_name_their_kind_and_source_line(project):
    issue = load_issue(project)
    update(project)
    po = polib.pofile(str(catalog_path(project, issue, "en", "susret-u-nisu")))
    source = (project.issues / ARTICLE).read_text().split("\n")
    by_kind = {}
    for one in po:
        by_kind.setdefault(one.comment, []).append(one)
        [(file, line)] = one.occurrences
        assert file == "issues/" + ARTICLE
        assert one.msgid.split()[0].strip("*[") in source[int(line) - 1] or \
            one.comment in ("title", "summary", "section")
    assert set(by_kind) == {"title", "summary", "section", "heading", "paragraph",
                            "footnote", "list item", "table cell"}
    assert by_kind["paragraph"][0].msgid == PARAGRAPH          # inline Markdown and note kept
    assert by_kind["footnote"][0].msgid == "Projekat sufinansira Evropska unija."


def test_every_kind_of_block_gets_an_entry_and_nothing_else(tmp_path):
    project = make_project(tmp_path, "kinds")
    po = read_catalog(project.translations / "09/bg/sve-vrste.po")
    assert [e.comment for e in po] == [
        "title", "summary", "section", "heading", "paragraph", "footnote", "paragraph",
        "paragraph", "list item", "list item", "block quote", "table caption", *["table cell"] * 6,
        "caption", "image description", "line block", "term", "definition"]
    ids = "\n".join(e.msgid for e in po)
    for not_offered in ("balkan-cluster", "info@example.org", "IPA\n", "print(", "sirovi HTML"):
        assert not_offered not in ids
    assert "Projekat vodi [Balkan Cluster]{.notranslate} iz Niša." in ids
    assert entry(project.translations / "09/bg/sve-vrste.po",
                 "Tačka koja označava Niš").occurrences[0][1] == "37"


def test_msgctxt_only_where_two_blocks_are_equal(project):
    po = polib.pofile(str(project.translations / EN))
    with_context = [e for e in po if e.msgctxt]
    assert [(e.msgctxt, e.msgid) for e in with_context] == [("table cell 2", "klasteri")]


def test_update_with_nothing_to_do_keeps_every_byte(project, tmp_path):
    sample = Project(tmp_path / "sample")
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, sample.root / room)
    for one in (project, sample):
        before = {p: p.read_bytes() for p in all_catalogs(one.root)}
        assert update(one) == []
        assert {p: p.read_bytes() for p in all_catalogs(one.root)} == before


def test_changed_block_turns_fuzzy_keeping_translation_comment_and_previous_source(project):
    path = project.translations / EN
    po = read_catalog(path)
    po.find("Ko je došao").tcomment = "checked with the author"
    po.find("Ko je došao").flags.append("no-wrap")
    po.save(str(path))
    order_before = [e.comment for e in read_catalog(path)]
    edit(project.issues / ARTICLE, "Udruženja preduzetnika", "Udruženja malih preduzetnika")
    edit(project.issues / ARTICLE, "## Ko je došao", "## Ko je sve došao")
    update(project)
    heading = entry(path, "Ko je sve došao")
    assert heading.msgstr == "Who came"
    assert sorted(heading.flags) == ["fuzzy", "no-wrap"]
    assert heading.previous_msgid == "Ko je došao"
    assert heading.tcomment == "checked with the author"
    item = entry(path, "Udruženja malih preduzetnika")
    assert (item.msgstr, item.previous_msgid) == ("Business associations",
                                                  "Udruženja preduzetnika")
    assert not read_catalog(path).obsolete_entries()                # paired, not dropped
    assert [e.comment for e in read_catalog(path)] == order_before  # same order
    assert '#| msgid "Udruženja preduzetnika"' in path.read_text()


def test_second_change_keeps_the_source_the_translation_was_made_from(project):
    path = project.translations / EN
    edit(project.issues / ARTICLE, "Udruženja preduzetnika", "Udruženja malih preduzetnika")
    update(project)
    edit(project.issues / ARTICLE, "Udruženja malih preduzetnika",
         "Udruženja malih i srednjih preduzetnika")
    update(project)
    item = entry(path, "Udruženja malih i srednjih preduzetnika")
    assert (item.msgstr, item.flags) == ("Business associations", ["fuzzy"])
    assert item.previous_msgid == "Udruženja preduzetnika"


def test_translated_plural_entry_is_never_dropped(project):
    path = project.translations / EN
    path.write_text(path.read_text() + '\n# kept for the web site\nmsgid "one cluster"\n'
                    'msgid_plural "%d clusters"\nmsgstr[0] "one cluster"\n'
                    'msgstr[1] "%d clusters"\n')
    update(project)
    [plural] = [e for e in read_catalog(path) if e.msgid_plural]
    assert plural.obsolete and plural.msgstr_plural == {0: "one cluster", 1: "%d clusters"}


def test_comment_written_without_a_space_is_read_and_kept(project):
    path = project.translations / EN
    edit(path, 'msgid "Ko je došao"', '#checked\nmsgid "Ko je došao"')
    update(project)
    assert entry(path, "Ko je došao").tcomment == "checked"


def test_update_says_what_happened_to_each_catalog(project):
    edit(project.issues / ARTICLE, "Udruženja preduzetnika", "Udruženja malih preduzetnika")
    edit(project.issues / ARTICLE, "## Ko je došao", "## Ko je stigao na skup")
    done = run_magazine(project, "translations", "update")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"  updated translations/07/{lang}/susret-u-nisu.po: 1 new, 1 changed (now fuzzy), "
        "1 now obsolete" for lang in ("bg", "en")]
    again = run_magazine(project, "translations", "update")
    assert again.stdout.splitlines() == ["  catalogs are up to date"]


def test_a_rewritten_block_is_new_and_its_old_translation_obsolete(project):
    path = project.translations / EN
    edit(project.issues / ARTICLE, "Udruženja preduzetnika",
         "Opštine sa obe strane granice")
    update(project)
    assert entry(path, "Opštine sa obe strane granice").msgstr == ""
    assert entry(path, "Udruženja preduzetnika", obsolete=True).msgstr == \
        "Business associations"


def test_removed_block_is_kept_obsolete_and_revived_when_it_returns(project):
    path = project.translations / EN
    po = read_catalog(path)
    po.find("Projekat sufinansira Evropska unija.").tcomment = "EU wording approved"
    po.save(str(path))
    original = (project.issues / ARTICLE).read_text()
    edit(project.issues / ARTICLE, ".[^1]", ".")
    edit(project.issues / ARTICLE, "[^1]: Projekat sufinansira Evropska unija.", "")
    update(project)
    gone = entry(path, "Projekat sufinansira Evropska unija.", obsolete=True)
    assert (gone.msgstr, gone.tcomment) == ("The project is co-financed by the European Union.",
                                            "EU wording approved")
    assert '#~ msgstr "The project is co-financed by the European Union."' in path.read_text()
    assert path.read_text().rstrip().endswith('Union."')             # obsolete entries last
    (project.issues / ARTICLE).write_text(original)
    update(project)
    back = entry(path, "Projekat sufinansira Evropska unija.")
    assert (back.msgstr, back.flags, back.tcomment) == (
        "The project is co-financed by the European Union.", [], "EU wording approved")
    assert not read_catalog(path).obsolete_entries()
    paragraph = entry(path, PARAGRAPH)     # as when translated, but the translator may have
    assert (paragraph.flags, paragraph.previous_msgid) == (["fuzzy"], PARAGRAPH)  # edited it
    status = run_magazine(project, "translations", "status")
    assert "the source is back to the text the translation was made from" in status.stdout


def test_block_returning_with_other_words_is_revived_fuzzy(project):
    path = project.translations / EN
    original = (project.issues / ARTICLE).read_text()
    edit(project.issues / ARTICLE, "- Udruženja preduzetnika\n", "")
    update(project)
    assert entry(path, "Udruženja preduzetnika", obsolete=True)
    (project.issues / ARTICLE).write_text(original.replace("Udruženja preduzetnika",
                                                           "Udruženja preduzetnika iz Niša"))
    update(project)
    back = entry(path, "Udruženja preduzetnika iz Niša")
    assert (back.msgstr, back.flags, back.previous_msgid) == (
        "Business associations", ["fuzzy"], "Udruženja preduzetnika")


def test_memory_fills_new_blocks_from_earlier_issues(project):
    new = project.issues / "08"
    (new / "articles").mkdir(parents=True)
    (new / "issue.yaml").write_text((project.issues / "07/issue.yaml").read_text()
                                    .replace("number: 7", "number: 8")
                                    .replace("  - sofia-seminar\n  - cross-border-table\n", ""))
    (new / "articles/susret-u-nisu.md").write_text(
        "---\ntitle: \"Novi susret u Nišu\"\nauthor: \"Jelena Ilić\"\nlang: sr\n---\n\n"
        "## Ko je došao\n\n" + PARAGRAPH.replace("okrugli sto", "drugi okrugli sto") + "\n\n"
        "Ovaj pasus niko ranije nije preveo.\n\n[^1]: Projekat sufinansira Evropska unija.\n")
    update_issue_catalogs(project, load_issue(project, "08"))
    path = project.translations / "08/en/susret-u-nisu.po"
    exact = entry(path, "Ko je došao")
    assert (exact.msgstr, exact.flags) == ("Who came", [])
    assert "memory: 07/susret-u-nisu" in exact.comment.split("\n")
    close = entry(path, PARAGRAPH.replace("okrugli sto", "drugi okrugli sto"))
    assert close.flags == ["fuzzy"] and close.previous_msgid == PARAGRAPH
    assert close.msgstr == entry(project.translations / EN, PARAGRAPH).msgstr
    assert "memory: 07/susret-u-nisu (" in close.comment and "% similar)" in close.comment
    assert entry(path, "Ovaj pasus niko ranije nije preveo.").msgstr == ""
    before = path.read_bytes()
    update_issue_catalogs(project, load_issue(project, "08"))       # the origin stays put
    assert path.read_bytes() == before


def test_memory_offers_a_later_translation_to_an_entry_still_empty(project):
    edit(project.issues / ARTICLE, "- Udruženja preduzetnika\n",
         "- Udruženja preduzetnika\n- Opštine iz pograničnog regiona\n")
    update(project)
    assert entry(project.translations / EN, "Opštine iz pograničnog regiona").msgstr == ""
    other = project.translations / "07/en/sofia-seminar.po"
    other.write_text(other.read_text() + '\nmsgid "Opštine iz pograničnog regiona"\n'
                     'msgstr "Municipalities of the border region"\n')
    update(project)
    filled = entry(project.translations / EN, "Opštine iz pograničnog regiona")
    assert (filled.msgstr, filled.flags) == ("Municipalities of the border region", [])
    assert "memory: 07/sofia-seminar" in filled.comment


def test_memory_finds_close_matches_made_of_common_words():
    from magazine.translation.memory import Suggestion, TranslationMemory
    for size in (20, 60, 600):
        texts = [Suggestion(f"Klasteri u regionu su održali sastanak broj {i} sa partnerima "
                            f"iz grada {i}.", f"T{i}", "07/a") for i in range(size)]
        memory = TranslationMemory(texts + [Suggestion("Klasteri u regionu Balkana",
                                                       "Clusters in the Balkan region", "07/b")])
        found = memory.close("Klasteri u regionu", 0.75)
        assert found is not None and found.msgstr == "Clusters in the Balkan region", size
        assert memory.close("Sasvim drugi tekst o nečemu", 0.75) is None


def test_issues_sort_by_number_not_by_letters():
    from magazine.sources.issue import natural_key
    assert sorted(["10", "9", "01", "2026-10", "2026-9"], key=natural_key) == \
        ["01", "9", "10", "2026-9", "2026-10"]


@pytest.mark.parametrize("width", [None, "40"])
def test_catalog_resaved_by_msgcat_updates_without_loss(project, width):
    paths = all_catalogs(project.root)
    before = {p: msgstrs(p) for p in paths}
    original = {p: p.read_bytes() for p in paths}
    for path in paths:
        args = ["msgcat", str(path), "-o", str(path)] + ([f"--width={width}"] if width else [])
        subprocess.run(args, check=True)
    if width:
        assert any(p.read_bytes() != original[p] for p in paths)     # really re-wrapped
    written = update(project)
    assert {p: msgstrs(p) for p in paths} == before
    assert {p: p.read_bytes() for p in paths} == original            # back to one layout
    assert bool(written) == bool(width)                               # msgcat's own: no write


def test_every_catalog_written_passes_msgfmt_check(project):
    edit(project.issues / ARTICLE, "Udruženja preduzetnika", "Udruženja malih preduzetnika")
    edit(project.issues / ARTICLE, "- Klasteri iz južne Srbije\n", "")
    assert update(project)
    catalogs = all_catalogs(project.root) + all_catalogs(REPO)
    assert len(catalogs) >= 14
    for path in catalogs:
        done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null",
                               str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        if path.is_relative_to(REPO):
            assert "fuzzy" not in done.stderr and "untranslated" not in done.stderr, path


def test_sample_issue_is_completely_and_really_translated():
    project = Project(REPO)
    issue = load_issue(project, "01")
    assert {a.lang for a in issue.articles} == {"sr", "bg", "en"}
    statuses = issue_status(project, issue)
    assert len(statuses) == 2 * len(issue.articles)
    assert all(s.entries.translated == s.entries.total > 0 for s in statuses)
    for path in all_catalogs(REPO):
        prose = [e for e in polib.pofile(str(path)) if len(e.msgid) > 60]
        assert prose and all(e.msgstr != e.msgid for e in prose), path


def test_broken_catalog_stops_the_update_and_nothing_is_written(project):
    edit(project.issues / ARTICLE, "Udruženja preduzetnika", "Udruženja malih preduzetnika")
    broken_path = project.translations / "07/bg/cross-border-table.po"
    edit(broken_path, 'msgid "The plan"', 'msgid "The plan')
    before = {p: p.read_bytes() for p in all_catalogs(project.root)}
    done = run_magazine(project, "translations", "update")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [line] = done.stderr.splitlines()
    line_number = broken_path.read_text().split("\n").index('msgid "The plan') + 1
    assert line.startswith(f"magazine: error: {broken_path}:")
    assert int(line.split(".po:")[1].split(":")[0]) in (line_number, line_number + 1)
    assert {p: p.read_bytes() for p in all_catalogs(project.root)} == before


def test_catalog_in_the_wrong_language_folder_is_refused(project):
    path = project.translations / EN
    edit(path, '"Language: en\\n"', '"Language: bg\\n"')
    before = path.read_bytes()
    done = run_magazine(project, "translations", "update")
    assert done.returncode == 1 and "Language: bg" in done.stderr
    assert path.read_bytes() == before


def test_article_written_in_serbian_cyrillic_gets_bulgarian_and_english_catalogs(project):
    article = project.issues / ARTICLE
    front, body = article.read_text().split("---\n")[1:]
    article.write_text("---\n" + front.replace('"Jelena Ilić"', '"Јелена Илић"') + "---\n"
                       + to_cyrillic(body.replace("https://example.org/ipa", "@@")
                                     ).replace("@@", "https://example.org/ipa"))
    for path in all_catalogs(project.root):
        path.unlink()
    update(project)
    assert not (project.translations / "07/sr/susret-u-nisu.po").exists()
    ids = [e.msgid for e in read_catalog(project.translations / EN)]
    assert "Ко је дошао" in ids
    assert "Удружења предузетника" in ids
    assert (project.translations / "07/bg/susret-u-nisu.po").exists()


def test_written_catalogs_are_readable_by_others(project):
    path = project.translations / EN
    path.unlink()
    update(project)
    assert path.stat().st_mode & stat.S_IROTH
