"""Faults lose nothing: a killed build, two builds at once, a full disk, a faulty update."""

import os
import resource
import signal
import subprocess
import sys

import pytest
from conftest import run_magazine
from test_bad_input import assert_one_clear_line

from magazine.errors import CatalogError
from magazine.machinery.files import issue_lock
from magazine.sources.issue import load_issue
from magazine.translation import merge
from magazine.translation.merge import update_issue_catalogs

EN_PRINT = "07/infocluster-07-en-print.pdf"


def change_an_english_translation(project) -> None:
    catalog = project.translations / "07/en/susret-u-nisu.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Who came"', 'msgstr "Who attended"'))


def partial_files(project) -> list:
    return [p for p in project.build.rglob("*") if p.name.endswith(".part")]


# The build is killed (its whole process group, as by a power cut) at the moment its new print PDF
# is written in full and about to replace the last good one: the latest moment a kill can hurt.
# Watching for the temporary file from outside missed it on a busy machine.
KILLED_BEFORE_REPLACE = """
import os, runpy, signal, sys
replace = os.replace
def killing_replace(source, target, *args, **kwargs):
    if str(target).endswith("-print.pdf"):
        os.killpg(0, signal.SIGKILL)
    return replace(source, target, *args, **kwargs)
os.replace = killing_replace
sys.argv = ["magazine", *sys.argv[1:]]
runpy.run_module("magazine", run_name="__main__")
"""


@pytest.mark.build
def test_a_build_killed_while_writing_keeps_the_last_good_files(project):
    assert run_magazine(project, "build", "-e", "en", "-f", "print").returncode == 0
    good = (project.build / EN_PRINT).read_bytes()
    change_an_english_translation(project)
    build = subprocess.run([sys.executable, "-c", KILLED_BEFORE_REPLACE, "-q", "build", "-e",
                            "en", "-f", "print"], cwd=project.root, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    assert build.returncode == -signal.SIGKILL
    assert partial_files(project), "the killed build left no half-written file to clean up"
    assert (project.build / EN_PRINT).read_bytes() == good
    assert run_magazine(project, "build", "-e", "en", "-f", "print").returncode == 0
    assert (project.build / EN_PRINT).read_bytes() != good
    assert partial_files(project) == []


@pytest.mark.build
def test_a_second_build_of_the_same_issue_refuses_clearly(project):
    with issue_lock(project.issues / "07/issue.yaml", "build"):
        done = run_magazine(project, "build", "-e", "en", "-f", "print")
        assert_one_clear_line(done, "issues/07/issue.yaml", "another build or translation "
                              "update of this issue is running")
        done = run_magazine(project, "translations", "update")
        assert_one_clear_line(done, "issues/07/issue.yaml", "wait for it to finish")
    assert not (project.build / EN_PRINT).exists()
    assert run_magazine(project, "build", "-e", "en", "-f", "print").returncode == 0


def small_disk(limit: int):
    """Return what makes a child unable to write a file past `limit` bytes (as on a full
    disk: the write fails with an error)."""
    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


@pytest.mark.build
def test_a_write_error_says_so_and_damages_nothing(project):
    assert run_magazine(project, "build", "-e", "en", "-f", "print").returncode == 0
    good = (project.build / EN_PRINT).read_bytes()
    change_an_english_translation(project)
    done = run_magazine(project, "build", "-e", "en", "-f", "print",
                        preexec_fn=small_disk(20_000))
    assert_one_clear_line(done, "cannot write", "File too large", "free some disk space")
    assert (project.build / EN_PRINT).read_bytes() == good
    assert partial_files(project) == []


def test_a_catalog_update_that_cannot_write_leaves_the_catalog_whole(project):
    catalog = project.translations / "07/en/susret-u-nisu.po"
    before = catalog.read_bytes()
    article = project.issues / "07/articles/susret-u-nisu.md"
    article.write_text(article.read_text() + "\nNovi pasus o saradnji.\n")
    done = run_magazine(project, "translations", "update", preexec_fn=small_disk(200))
    assert done.returncode == 1 and "File too large" in done.stderr
    assert catalog.read_bytes() == before
    assert not [p for p in catalog.parent.iterdir() if p.name.endswith(".part")]


def test_an_update_that_would_lose_a_translation_refuses(project, monkeypatch):
    real = merge.merge_catalog

    def losing(catalog, old, *args):                  # a merge with a bug in it
        events = real(catalog, old, *args)
        translated = [entry for entry in catalog if entry.msgstr]
        if translated:
            catalog.remove(translated[-1])
        return events

    monkeypatch.setattr(merge, "merge_catalog", losing)
    before = {p: p.read_bytes() for p in project.translations.rglob("*.po")}
    with pytest.raises(CatalogError, match="would lose 1 translations"):
        update_issue_catalogs(project, load_issue(project, "07"))
    assert {p: p.read_bytes() for p in project.translations.rglob("*.po")} == before


@pytest.mark.build
def test_a_build_leaves_no_temporary_folders_behind(project, tmp_path):
    """WeasyPrint copies the fonts into a folder of the temporary directory for each layout;
    the build's worker processes remove them before they end."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    done = run_magazine(project, "build", "-e", "bg", "-e", "en", "-f", "print", "-f", "epub",
                        env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in scratch.iterdir()) == []
