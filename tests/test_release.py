"""A release: only finished, checked files in dist/, checksummed, described, reproducible."""

import json
import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import REPO, quick_java_env, run_magazine
from test_bad_input import assert_one_clear_line

from magazine.model import Project

EDITIONS = ("sr-Latn", "sr-Cyrl", "bg", "en")


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The sample issue released once into a copy of the repository's sources."""
    project = Project(tmp_path_factory.mktemp("release"))
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, project.root / room)
    done = run_magazine(project, "release", "01", env=quick_java_env())
    assert done.returncode == 0, done.stderr
    accepted = [line for line in done.stdout.splitlines() if line.startswith("accepted: ")]
    assert "accepted: bg cluster-day: short last page (the last page is " in done.stdout
    assert len(accepted) == (project.issues / "01/issue.yaml").read_text().count("edition: ")
    return project, project.root / "dist/01"


@pytest.mark.build
def test_the_release_verifies_with_sha256sum(released):
    _, dist = released
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = {line.split("  ", 1)[1] for line in (dist / "SHA256SUMS").read_text().splitlines()}
    assert listed == {p.relative_to(dist).as_posix() for p in dist.rglob("*")
                      if p.is_file() and p.name != "SHA256SUMS"}
    assert len([name for name in listed if name.startswith("infocluster-01-")]) == 12


@pytest.mark.build
def test_the_manifest_describes_every_file_as_it_is(released):
    _, dist = released
    manifest = json.loads((dist / "manifest.json").read_text())
    assert {f["name"] for f in manifest["files"]} == \
        {p.name for p in dist.glob("infocluster-01-*")}
    for entry in manifest["files"]:
        path = dist / entry["name"]
        assert entry["bytes"] == path.stat().st_size
        assert re.search(rf"^{entry['sha256']}  {entry['name']}$",
                         (dist / "SHA256SUMS").read_text(), re.MULTILINE)
        assert entry["edition"] in EDITIONS and entry["language"] == entry["edition"][:2]
        if entry["format"] == "print":
            assert entry["pages"] % 4 == 0
    assert manifest["issue"]["number"] == 1 and manifest["issue"]["date"] == "2026-10-15"
    assert manifest["translations"]["en"]["entries"]["fuzzy"] == 0
    assert manifest["translations"]["bg"]["words"]["translated"] > 1000
    assert manifest["versions"]["pandoc"] and manifest["versions"]["weasyprint"] == "70.0"
    assert "commit" in manifest["source"]


@pytest.mark.build
def test_the_download_page_offers_every_edition_in_its_language(released):
    _, dist = released
    page = (dist / "index.html").read_text()
    for tag, words in (("sr-Latn", "PDF za štampu"), ("sr-Cyrl", "PDF за штампу"),
                       ("bg", "PDF за печат"), ("en", "PDF for print")):
        assert f'<section lang="{tag}">' in page and words in page
        assert (dist / "covers" / f"{tag}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f'href="infocluster-01-{tag}.epub"' in page


@pytest.mark.build
@pytest.mark.parametrize("edition", EDITIONS)
def test_the_ebooks_carry_series_accessibility_and_subset_fonts(released, edition):
    _, dist = released
    with zipfile.ZipFile(dist / f"infocluster-01-{edition}.epub") as book:
        opf = book.read("EPUB/content.opf").decode()
        fonts = [i for i in book.infolist() if i.filename.startswith("EPUB/fonts/")]
        chapter = book.read("EPUB/text/ch001.xhtml").decode()
        nav = book.read("EPUB/nav.xhtml").decode()
        text = "".join(book.read(n).decode() for n in book.namelist()
                       if n.startswith("EPUB/text/ch"))
    opening, closing = ("“", "”") if edition == "en" else ("„", "“")
    assert "<q>" not in text and re.search(f"{opening}\\w[^{closing}<]*{closing}", text)
    assert re.search(r'property="belongs-to-collection"[^>]*>INFOCLUSTER<', opf)
    assert re.search(r'property="group-position">1<', opf)
    assert 'property="schema:accessibilitySummary"' in opf
    assert 'property="schema:accessMode">textual' in opf
    whole = sum(p.stat().st_size for p in (REPO / "styles/fonts").glob("*.ttf"))
    assert fonts and sum(i.file_size for i in fonts) < whole / 2
    contents = {"sr-Latn": "Sadržaj", "sr-Cyrl": "Садржај", "bg": "Съдържание",
                "en": "Contents"}[edition]
    assert contents in nav
    assert re.search(r'<html[^>]* lang="' + edition, chapter)


@pytest.mark.build
def test_two_releases_are_byte_identical(released, tmp_path):
    project, dist = released
    first = {p.relative_to(dist): p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    shutil.rmtree(project.build)
    assert run_magazine(project, "release", "01", env=quick_java_env()).returncode == 0
    second = {p.relative_to(dist): p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_the_manifest_lists_the_makeup_faults_the_designer_accepted(released):
    project, dist = released
    accepted = json.loads((dist / "manifest.json").read_text())["accepted_faults"]
    assert {"edition": "bg", "article": "project-launch", "fault": "loose line",
            "reason": "Bulgarian words too long for the 23 em column on any breaks of the "
                      "paragraph within the spacing limits"} in accepted
    assert len(accepted) == (project.issues / "01/issue.yaml").read_text().count("edition: ")


def test_a_strict_build_refuses_a_makeup_fault_nobody_accepted(tmp_path):
    """Take one accepted fault out of issue.yaml: the strict build names it, in one line
    and the fault below it, and writes no print PDF."""
    project = Project(tmp_path)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, project.root / room)
    manifest = project.issues / "01/issue.yaml"
    text = manifest.read_text()
    entry = re.search(r"  - \{edition: en, article: project-launch, fault: short last page,\n"
                      r".*\n", text)[0]
    manifest.write_text(text.replace(entry, ""))
    done = run_magazine(project, "build", "01", "--strict", "-e", "en", "-f", "print")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    first, *details = done.stderr.strip().splitlines()
    assert "issues/01/issue.yaml: 1 page makeup fault in en that a strict build does not " \
           "pass" in first and "accept each in accepted-faults with a reason" in first
    assert details == ["  en project-launch, page 4: short last page (21% full)"]
    assert not (project.build / "01/infocluster-01-en-print.pdf").exists()


@pytest.mark.parametrize("entry, message", [
    ("{edition: bg, article: cluster-day, fault: wide line, reason: x}",
     "accepted fault: fault 'wide line' is not one of underfull page, hole"),
    ("{edition: de, article: cluster-day, fault: hole, reason: x}",
     "accepted fault: edition 'de' is not one of sr-Latn, sr-Cyrl, bg, en"),
    ("{edition: bg, article: elsewhere, fault: hole, reason: x}",
     "accepted fault: article 'elsewhere' is not one of project-launch"),
    ("{edition: bg, article: cluster-day, fault: hole}",
     "an accepted fault gives edition, article, fault and reason, each as text"),
])
def test_a_wrong_accepted_fault_is_named_with_its_line(tmp_path, entry, message):
    project = Project(tmp_path)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, project.root / room)
    manifest = project.issues / "01/issue.yaml"
    text = manifest.read_text()
    manifest.write_text(text.replace("accepted-faults:\n", f"accepted-faults:\n  - {entry}\n"))
    line = text[:text.index("accepted-faults:")].count("\n") + 2
    done = run_magazine(project, "makeup", "01")
    assert_one_clear_line(done, f"issues/01/issue.yaml:{line}: {message}")


def test_a_release_with_one_fuzzy_entry_fails_and_writes_nothing(tmp_path):
    project = Project(tmp_path)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, project.root / room)
    catalog = next(iter(sorted((project.translations / "01/en").glob("*.po"))))
    text = catalog.read_text()
    catalog.write_text(text.replace("\nmsgid", "\n#, fuzzy\nmsgid", 2).replace(
        '#, fuzzy\nmsgid ""', 'msgid ""', 1))
    done = run_magazine(project, "release", "01")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "fuzzy" in done.stderr and catalog.name in done.stderr
    assert not (project.root / "dist").exists()


def test_a_release_lists_every_problem_with_an_image_without_a_description(tmp_path):
    project = Project(tmp_path)
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, project.root / room)
    article = project.issues / "01/articles/project-launch.md"
    article.write_text(article.read_text() + "\n![](../media/project-year.svg)\n")
    done = run_magazine(project, "release", "01")
    assert done.returncode == 1 and not (project.root / "dist").exists()
    assert "nothing was written to dist/" in done.stderr
    assert "project-launch.md:" in done.stderr
    assert "the image ../media/project-year.svg has no description" in done.stderr
