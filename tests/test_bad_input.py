"""Bad input gets one clear line naming the file (and line), exit code 1, nothing damaged."""

import pytest
from conftest import run_magazine


def assert_one_clear_line(done, *fragments):
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def previous_output(project):
    path = project.build / "07" / "infocluster-07-en-print.pdf"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"%PDF last good build")
    return path


def test_malformed_issue_yaml_names_file_and_line(project):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text().replace("  en: \"Cluster Day\"",
                                                     "  en: \"Cluster Day\n  - oops: ["))
    kept = previous_output(project)
    done = run_magazine(project, "build", "-e", "en", "-f", "print")
    assert_one_clear_line(done, "issues/07/issue.yaml:", "malformed YAML")
    assert kept.read_bytes() == b"%PDF last good build"


def test_manifest_naming_a_missing_article_names_its_line(project):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text() + "  - no-such-article\n")
    done = run_magazine(project, "build")
    assert_one_clear_line(done, "issue.yaml:12:", "'no-such-article'", "does not exist")
    assert not project.build.exists()


def test_wrong_field_type_in_manifest(project):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text().replace("number: 7", "number: seven"))
    done = run_magazine(project, "translations", "update")
    assert_one_clear_line(done, "issue.yaml:2:", "'number' must be a whole number")


def test_article_without_front_matter(project):
    article = project.issues / "07/articles/sofia-seminar.md"
    article.write_text(article.read_text().split("---", 2)[2])
    done = run_magazine(project, "build", "-f", "epub")
    assert_one_clear_line(done, "sofia-seminar.md:1:", "no front matter")


def test_article_front_matter_without_language(project):
    article = project.issues / "07/articles/sofia-seminar.md"
    article.write_text(article.read_text().replace("lang: bg\n", ""))
    done = run_magazine(project, "translations", "update")
    assert_one_clear_line(done, "sofia-seminar.md", "lacks 'lang'")


@pytest.mark.parametrize("args, word", [(["-e", "sr-Latin"], "unknown edition 'sr-Latin'"),
                                        (["-f", "docx"], "unknown format 'docx'")])
def test_unknown_edition_or_format_on_the_command_line(project, args, word):
    done = run_magazine(project, "build", *args)
    assert_one_clear_line(done, word, "choose from")


def test_image_outside_the_issue_is_refused(project):
    article = project.issues / "07/articles/sofia-seminar.md"
    article.write_text(article.read_text().replace("../media/dot.svg", "/etc/passwd"))
    done = run_magazine(project, "build", "-e", "bg")
    assert_one_clear_line(done, "sofia-seminar.md:15:", "'/etc/passwd'")


def test_strict_build_fails_on_an_untranslated_entry(project):
    catalog = project.translations / "07/en/sofia-seminar.po"
    catalog.write_text(catalog.read_text().replace('msgstr "A seminar in Sofia"', 'msgstr ""'))
    done = run_magazine(project, "build", "--strict", "-e", "en", "-f", "epub")
    assert done.returncode == 1
    first, *listed = done.stderr.splitlines()
    assert "a strict build needs every block translated; not ready: 1" in first
    assert listed == ["  translations/07/en/sofia-seminar.po:14: untranslated: Семинар в София "
                      "(not translated yet)"]
    assert not (project.build / "07" / "infocluster-07-en.epub").exists()


def test_catalog_with_a_syntax_error(project):
    catalog = project.translations / "07/bg/susret-u-nisu.po"
    broken = catalog.read_text().replace('msgstr "Кой дойде"', 'msgstr "Кой дойде')
    catalog.write_text(broken)
    line = broken.split("\n").index('msgstr "Кой дойде') + 1
    done = run_magazine(project, "build", "-e", "bg", "-f", "epub")
    assert_one_clear_line(done, "bg/susret-u-nisu.po:", "end-of-line within string")
    named = int(done.stderr.split("susret-u-nisu.po:")[1].split(":")[0])
    assert named in (line, line + 1)                  # msgfmt names the line after the break
    assert catalog.read_text() == broken


def test_impossible_date_in_manifest(project):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(manifest.read_text().replace("date: 2027-03-20", "date: 2027-13-45"))
    done = run_magazine(project, "build")
    assert_one_clear_line(done, "issue.yaml", "month must be in 1..12")


def test_image_outside_the_issue_in_a_translation_is_refused(project):
    catalog = project.translations / "07/en/susret-u-nisu.po"
    catalog.write_text(catalog.read_text().replace(
        'msgstr "Who came"', 'msgstr "Who came ![map](../../../../../etc/hostname)"'))
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, "en/susret-u-nisu.po", "points outside the issue folder")
    assert not (project.build / "07" / "infocluster-07-en.epub").exists()


def test_catalog_saved_with_a_byte_order_mark(project):
    catalog = project.translations / "07/en/susret-u-nisu.po"
    broken = b"\xef\xbb\xbf" + catalog.read_bytes()
    catalog.write_bytes(broken)
    done = run_magazine(project, "translations", "update")
    assert_one_clear_line(done, "en/susret-u-nisu.po:1:", "byte-order mark", "without BOM")
    assert catalog.read_bytes() == broken


def test_catalog_with_an_entry_pasted_twice(project):
    catalog = project.translations / "07/en/susret-u-nisu.po"
    text = catalog.read_text()
    broken = text + '\nmsgid "Ko je došao"\nmsgstr "Who came"\n'
    catalog.write_text(broken)
    done = run_magazine(project, "translations", "status")
    assert_one_clear_line(done, "en/susret-u-nisu.po:", "duplicate message definition")
    assert catalog.read_text() == broken


def test_update_without_gettext_says_what_to_install(project):
    import os
    import subprocess
    import sys
    nothing = project.root / "empty-bin"
    nothing.mkdir()
    done = subprocess.run([sys.executable, "-m", "magazine", "-q", "translations", "update"],
                          cwd=project.root, capture_output=True, text=True,
                          env={**os.environ, "PATH": str(nothing)})
    assert_one_clear_line(done, "msgfmt not found", "install GNU gettext")


def test_broken_catalog_is_named_at_its_error_not_at_a_header_warning(project):
    catalog = project.translations / "07/bg/susret-u-nisu.po"
    text = catalog.read_text()
    text = "\n".join(line for line in text.split("\n") if "Language-Team" not in line)
    broken = text.replace('msgstr "Кой дойде"', 'msgstr "Кой дойде\\n"')
    catalog.write_text(broken)
    line = broken.split("\n").index('msgstr "Кой дойде\\n"') + 1
    done = run_magazine(project, "translations", "update")
    assert_one_clear_line(done, f"bg/susret-u-nisu.po:{line}:", "end with")
    assert catalog.read_text() == broken


def replace_article(project, content: bytes) -> None:
    (project.issues / "07/articles/sofia-seminar.md").write_bytes(content)


@pytest.mark.parametrize("content, fragments", [
    ("---\ntitle: x\n".encode("utf-16"), ["sofia-seminar.md:1:", "is UTF-16 text"]),
    (b"---\ntitle: \"Ni\xb9\"\n---\n", ["sofia-seminar.md:2:", "is not UTF-8 text"]),
    (b"", ["sofia-seminar.md", "front matter"]),
    (b"---\ntitle: x\n---\n" + b"Dugo. " * 400_000, ["sofia-seminar.md", "is 2 MB", "split it"]),
])
def test_unreadable_articles_get_one_line(project, content, fragments):
    replace_article(project, content)
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, *fragments)


@pytest.mark.build
def test_byte_order_mark_and_windows_line_ends_simply_work(project):
    article = project.issues / "07/articles/sofia-seminar.md"
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes().replace(b"\n", b"\r\n"))
    manifest = project.issues / "07/issue.yaml"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes().replace(b"\n", b"\r\n"))
    done = run_magazine(project, "build", "-e", "bg", "-f", "epub")
    assert done.returncode == 0, done.stderr
    assert run_magazine(project, "translations", "update").returncode == 0
    catalog = (project.translations / "07/en/sofia-seminar.po").read_text()
    assert 'msgid "Семинар в София"' in catalog and "\r" not in catalog


@pytest.mark.parametrize("edit, fragments", [
    (lambda t: t + "  - sofia-seminar\n", ["issue.yaml:12:", "listed twice"]),
    (lambda t: t.replace("number: 7", "numbr: 7"), ["issue.yaml", "number"]),
    (lambda t: t.replace("  en: \"Cluster Day\"\n", ""), ["issue.yaml", "title.en is missing"]),
])
def test_manifest_mistakes_get_one_line(project, edit, fragments):
    manifest = project.issues / "07/issue.yaml"
    manifest.write_text(edit(manifest.read_text()))
    assert_one_clear_line(run_magazine(project, "build"), *fragments)


def test_missing_image_names_the_article_and_line(project):
    (project.issues / "07/media/dot.svg").unlink()
    done = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert_one_clear_line(done, "sofia-seminar.md:15:", "'../media/dot.svg' does not exist")


@pytest.mark.parametrize("command", [["translations", "update"], ["build", "-f", "epub"]])
def test_a_catalog_for_an_article_no_longer_listed(project, command):
    old = project.translations / "07/en/old-article.po"
    old.write_bytes((project.translations / "07/en/sofia-seminar.po").read_bytes())
    done = run_magazine(project, *command)
    assert_one_clear_line(done, "translations/07/en/old-article.po",
                          "issue.yaml lists no article 'old-article'")
    assert old.exists()


def test_a_damaged_docx_gets_one_line(project, tmp_path):
    import docx
    source = tmp_path / "cut.docx"
    document = docx.Document()
    document.add_paragraph("Tekst")
    document.save(source)
    source.write_bytes(source.read_bytes()[:-200])
    done = run_magazine(project, "import-docx", str(source))
    assert_one_clear_line(done, "cut.docx")
