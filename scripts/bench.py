"""Measure the pipeline and print figures (`make bench`). Nothing here passes or fails: the
figures go into notes and are compared by people.

layout: each edition of the sample issue laid out once, and the time writing the print and the
screen PDF from that one layout takes, against laying it out a second time for the screen.

transliteration: words per second of to_cyrillic and to_latin over the sample issue's Serbian
articles repeated to about 100,000 words.

catalogs: `translations update` over the sample issue, and over a generated issue of 20
articles made from the sample's sentences (so the translation memory has work to do): the
first update (every catalog new), a no-op update, and an update after an editor changed
one paragraph in five.
"""

import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import polib  # noqa: E402

from magazine.build import render_pdf_layout  # noqa: E402
from magazine.compose import compose_edition  # noqa: E402
from magazine.editions import EDITIONS  # noqa: E402
from magazine.issue import load_issue  # noqa: E402
from magazine.pdf import pages_for_print, pages_for_screen, write_pdf  # noqa: E402
from magazine.transliterate import to_cyrillic, to_latin  # noqa: E402
from magazine.merge import update_issue_catalogs  # noqa: E402
from magazine.model import Project  # noqa: E402

GENERATED = "90"
ARTICLES = 20
PARAGRAPHS = 12


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def sample_prose(project: Project) -> tuple[dict, dict]:
    """Return the sample issue's paragraphs and sentences, by the language of their article."""
    paragraphs, sentences = {}, {}
    for path in sorted((project.issues / "01" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        lang = re.search(r"^lang: (\w+)", text, re.MULTILINE).group(1)
        body = text.split("---", 2)[2]
        prose = [line for line in body.splitlines()
                 if len(line) > 60 and not line.startswith(("|", "[^", "!", "#", ">", "-"))]
        paragraphs.setdefault(lang, []).extend(prose)
        sentences.setdefault(lang, []).extend(
            s for line in prose for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 30)
    return paragraphs, sentences


def write_generated_issue(project: Project, rng: random.Random) -> None:
    """Write issue 90: 20 articles in the three languages, each twelve paragraphs long; a
    third of the paragraphs are sample paragraphs as they are, the rest mix three sample
    sentences (so an article may hold the same paragraph twice, as real ones rarely do)."""
    known, sentences = sample_prose(project)
    folder = project.issues / GENERATED
    (folder / "articles").mkdir(parents=True)
    slugs = []
    for n in range(ARTICLES):
        lang = ("sr", "bg", "en")[n % 3]
        slug = f"article-{n + 1:02d}"
        slugs.append(slug)
        paragraphs = [rng.choice(known[lang]) if i % 3 == 0 else
                      " ".join(rng.sample(sentences[lang], 3)) for i in range(PARAGRAPHS)]
        headings = [f"## {rng.choice(sentences[lang]).split(',')[0][:40]}" for _ in range(3)]
        body = "\n\n".join(headings[i // 4] + "\n\n" + p if i % 4 == 0 else p
                           for i, p in enumerate(paragraphs))
        (folder / "articles" / f"{slug}.md").write_text(
            f'---\ntitle: "Article {n + 1}"\nauthor: "INFOCLUSTER"\nlang: {lang}\n---\n\n'
            f"{body}\n", encoding="utf-8")
    titles = "\n".join(f'  {lang}: "Generated {lang}"' for lang in ("sr", "bg", "en"))
    articles = "\n".join(f"  - {slug}" for slug in slugs)
    (folder / "issue.yaml").write_text(
        f"number: 90\ndate: 2027-01-15\ntitle:\n{titles}\narticles:\n{articles}\n")


def edit_one_paragraph_in_five(project: Project, rng: random.Random) -> None:
    for path in sorted((project.issues / GENERATED / "articles").glob("*.md")):
        head, body = path.read_text(encoding="utf-8").split("---\n\n", 1)
        paragraphs = body.split("\n\n")
        prose = [i for i, p in enumerate(paragraphs) if not p.startswith("#")]
        for i in prose[::5]:
            words = paragraphs[i].split()
            words.insert(rng.randrange(1, len(words)), "(2027)")
            paragraphs[i] = " ".join(words)
        path.write_text(head + "---\n\n" + "\n\n".join(paragraphs), encoding="utf-8")


def bench_catalogs() -> None:
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp))
        for room in ("issues", "translations"):
            shutil.copytree(REPO / room, project.root / room)
        sample_load, sample = timed(lambda: load_issue(project, "01"))
        seconds, written = timed(lambda: update_issue_catalogs(project, sample))
        print(f"catalogs  sample issue 01 ({len(sample.articles)} articles): load "
              f"{sample_load:.2f} s, no-op update {seconds:.2f} s ({len(written)} written)")
        write_generated_issue(project, rng)
        load, issue = timed(lambda: load_issue(project, GENERATED))
        first, written = timed(lambda: update_issue_catalogs(project, issue))
        print(f"catalogs  generated issue {GENERATED} ({ARTICLES} articles): load {load:.2f} s, "
              f"first update {first:.2f} s ({len(written)} catalogs written)")
        print("catalogs    " + filled(project))
        again, unchanged = timed(lambda: update_issue_catalogs(project, issue))
        print(f"catalogs    no-op update {again:.2f} s ({len(unchanged)} written); "
              f"no-op / first = {again / first:.2f}")
        edit_one_paragraph_in_five(project, rng)
        issue = load_issue(project, GENERATED)
        edited, rewritten = timed(lambda: update_issue_catalogs(project, issue))
        print(f"catalogs    after an editor changed 1 paragraph in 5: update {edited:.2f} s "
              f"({len(rewritten)} written)")
        print("catalogs    " + filled(project))


def filled(project: Project) -> str:
    """Say how many entries of the generated issue are translated or fuzzy, and how many
    of those came from the translation memory."""
    entries = [e for p in (project.translations / GENERATED).rglob("*.po")
               for e in polib.pofile(str(p)) if not e.obsolete]
    memory = [e for e in entries if "memory: " in (e.comment or "")]
    return (f"{len(entries)} entries, {sum(e.translated() for e in entries)} translated and "
            f"{sum(e.fuzzy for e in entries)} fuzzy; {len(memory)} filled from memory")


def bench_layout() -> None:
    project = Project(REPO)
    issue = load_issue(project, "01")
    total_once = total_twice = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for edition in EDITIONS.values():
            text = compose_edition(project, issue, edition)
            lay, (document, _, _) = timed(lambda: render_pdf_layout(project, text))
            pages, _ = pages_for_print(document)
            printed, _ = timed(lambda: write_pdf(pages, Path(tmp) / "print.pdf"))
            screen = pages_for_screen(document)
            shown, _ = timed(lambda: write_pdf(screen, Path(tmp) / "screen.pdf", "pdf/ua-1",
                                               trim=True))
            once, twice = lay + printed + shown, 2 * lay + printed + shown
            total_once, total_twice = total_once + once, total_twice + twice
            print(f"layout    {edition.tag:8} {len(pages.pages):2} pages: layout {lay:.2f} s, "
                  f"print PDF {printed:.2f} s, screen PDF {shown:.2f} s")
    print(f"layout    four editions, both PDFs: {total_once:.1f} s from one layout each, "
          f"{total_twice:.1f} s with a second layout for the screen; one layout takes "
          f"{total_once / total_twice:.2f} of the time")


def bench_transliteration() -> None:
    articles = load_issue(Project(REPO), "01").articles
    serbian = [a.path.read_text(encoding="utf-8") for a in articles if a.lang == "sr"]
    sample = "\n\n".join(serbian)
    text = sample * (100_000 // len(sample.split()) + 1)
    words = len(text.split())
    to_cyrillic("warm up")
    seconds, cyrillic = timed(lambda: to_cyrillic(text))
    back, latin = timed(lambda: to_latin(cyrillic))
    print(f"translit  {words} words: to_cyrillic {words / seconds:,.0f} words/s, "
          f"to_latin {words / back:,.0f} words/s; round trip exact: {latin == text}")


if __name__ == "__main__":
    bench_transliteration()
    bench_layout()
    bench_catalogs()
