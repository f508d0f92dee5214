"""Status: how far each article is translated, by entries and words, in three formats."""

import json
import shutil

from conftest import run_magazine

ARTICLE = "07/articles/susret-u-nisu.md"


def change_a_list_item_and_drop_a_translation(project):
    article = project.issues / ARTICLE
    article.write_text(article.read_text().replace("Udruženja preduzetnika",
                                                   "Udruženja malih preduzetnika"))
    catalog = project.translations / "07/bg/cross-border-table.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Планът"', 'msgstr ""'))
    done = run_magazine(project, "translations", "update")
    assert done.returncode == 0, done.stderr


def test_table_counts_entries_and_words_per_catalog_and_language(project):
    change_a_list_item_and_drop_a_translation(project)
    done = run_magazine(project, "translations", "status")
    assert done.returncode == 0, done.stderr
    rows = {tuple(line.split()[:3]): line.split()[3:] for line in done.stdout.splitlines()
            if line.startswith(("07 ", "total "))}
    #              entries words translated  fuzzy      untranslated  done
    assert rows[("07", "susret-u-nisu", "en")] == ["14", "49", "13", "/", "46", "1", "/", "3",
                                                   "0", "/", "0", "93%"]
    assert rows[("07", "cross-border-table", "bg")] == ["11", "43", "10", "/", "41", "0", "/",
                                                        "0", "1", "/", "2", "95%"]
    assert rows[("total", "bg", "25")] == ["92", "23", "/", "87", "1", "/", "3", "1", "/", "2",
                                           "94%"]
    assert rows[("total", "sr", "18")][-1] == "100%"
    assert "Udruženja {+malih+} preduzetnika" in done.stdout


def test_json_for_scripts(project):
    change_a_list_item_and_drop_a_translation(project)
    done = run_magazine(project, "translations", "status", "--format", "json")
    report = json.loads(done.stdout)
    by_catalog = {c["catalog"]: c for c in report["catalogs"]}
    en = by_catalog["translations/07/en/susret-u-nisu.po"]
    assert en["entries"] == {"translated": 13, "fuzzy": 1, "untranslated": 0, "total": 14}
    assert en["words"] == {"translated": 46, "fuzzy": 3, "untranslated": 0, "total": 49}
    [fuzzy] = en["fuzzy"]
    assert fuzzy["msgid"] == "Udruženja malih preduzetnika"
    assert fuzzy["diff"] == "Udruženja {+malih+} preduzetnika"
    assert (project.translations / "07/en/susret-u-nisu.po").read_text().split("\n")[
        fuzzy["line"] - 1].startswith("#")                  # the line where the entry starts
    assert report["languages"]["bg"]["words"]["untranslated"] == 2
    assert report["languages"]["sr"]["percent"] == 100.0


def test_markdown_for_a_report(project):
    change_a_list_item_and_drop_a_translation(project)
    done = run_magazine(project, "translations", "status", "--format", "markdown")
    lines = done.stdout.splitlines()
    assert lines[0] == ("| issue | article | lang | entries | words | translated | fuzzy | "
                        "untranslated | done |")
    assert "| 07 | cross-border-table | bg | 11 | 43 | 10 / 41 | 0 / 0 | 1 / 2 | 95% |" in lines
    assert any("`translations/07/en/susret-u-nisu.po:" in line
               and line.endswith("Udruženja **malih** preduzetnika") for line in lines)


def test_fail_under_checks_each_language(project):
    assert run_magazine(project, "translations", "status", "--fail-under", "100").returncode == 0
    change_a_list_item_and_drop_a_translation(project)
    passing = run_magazine(project, "translations", "status", "--fail-under", "90")
    assert passing.returncode == 0, passing.stderr
    failing = run_magazine(project, "translations", "status", "--fail-under", "95")
    assert failing.returncode == 1
    assert failing.stderr.strip() == ("magazine: error: translations: bg is 94.6% translated "
                                      "(by words), under --fail-under 95")
    assert run_magazine(project, "translations", "status", "--fail-under", "101").returncode == 2


def test_status_of_every_issue(project):
    shutil.copytree(project.issues / "07", project.issues / "08")
    assert run_magazine(project, "translations", "update", "08").returncode == 0
    newest = run_magazine(project, "translations", "status", "--format", "json")
    assert {c["issue"] for c in json.loads(newest.stdout)["catalogs"]} == {"08"}
    every = run_magazine(project, "translations", "status", "--all", "--format", "json")
    catalogs = json.loads(every.stdout)["catalogs"]
    assert [c["issue"] for c in catalogs] == ["07"] * 6 + ["08"] * 6
    assert all(c["percent"] == 100.0 for c in catalogs)       # filled from the memory
