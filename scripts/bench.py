"""Measure the pipeline and print figures (`make bench`). Nothing here passes or fails: the
figures go into notes and are compared by people.

    .venv/bin/python scripts/bench.py                 # every section below
    .venv/bin/python scripts/bench.py --startup       # the start-up section only (under a minute)
    .venv/bin/python scripts/bench.py --startup --root OTHER --venv OTHER/.venv
    .venv/bin/python scripts/bench.py --fitting       # the copy-fitting section only

startup: the wall time of a bare `python -c "import click, yaml"` (the floor: the venv's
interpreter and the CLI's two lightest dependencies), `magazine --help`, `magazine --version`
("n/a" when the command fails), `magazine transliterate` of a short Serbian sentence on stdin
and a no-op `magazine build` of the sample issue (built once first in a temporary copy of
issues/, translations/ and styles/), each as a subprocess: the median of 15 runs (5 for the
build, after one untimed run of each), taken in turns so that the machine's noise falls on
every command alike, and the ratio to the floor; then, for `--help`, `transliterate` and
`translations status`, whether weasyprint is imported (read from PYTHONPROFILEIMPORTTIME).
--root and --venv point the section at another checkout (its issues/, translations/ and
styles/) and its venv (bin/python, bin/magazine), to compare with older code.

builds: on the sample issue and on a generated issue of 20 articles (about 100 pages per
edition), the cold full build (4 editions × print, screen, EPUB), a no-op rebuild, a rebuild
after one catalog changes and after one CSS change, and the same full work done by the plain
tools in sequence (pandoc's and WeasyPrint's command lines, one edition and format after
another), with the ratios and the peak memory of the largest process. Targets (issue 7):
plain / cold >= 2.5, no-op <= 2% of cold, one catalog <= 35% of cold, peak <= 600 MiB.

fitting: for each issue in issues/, the cold build of the print and screen PDFs with the
fitting limits set to nothing and with them as styles/magazine.css sets them, and from the
fitter's cache, side by side; what was fitted and what the editor is told to cut
(`--fitting` runs this section only). Goal (issue 15): fitted at most 1.3x unfitted. The
fitted build includes placing figures (typeset/figures.py) and setting paragraphs again
(typeset/lines.py), the unfitted one neither.

colour: each edition of the newest issue laid out for the screen and again in the press's
colours (its pictures converted to the output profile: cold, and once converted), and the
print PDF/X-4 and screen PDF written (`--colour` runs this section only).

transliteration: words per second of to_cyrillic and to_latin over the sample issue's Serbian
articles repeated to about 100,000 words.

catalogs: `translations update` over the sample issue, and over a generated issue of 20
articles made from the sample's sentences (so the translation memory has work to do): the
first update (every catalog new), a no-op update, and an update after an editor changed
one paragraph in five.
"""

import argparse
import json
import logging
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import polib  # noqa: E402
import pypandoc  # noqa: E402

from magazine.build import build_issue  # noqa: E402
from magazine.languages import EDITIONS  # noqa: E402
from magazine.model import Project  # noqa: E402
from magazine.serbian.transliterate import to_cyrillic, to_latin  # noqa: E402
from magazine.sources.issue import load_issue, newest_issue_id  # noqa: E402
from magazine.translation.merge import update_issue_catalogs  # noqa: E402
from magazine.typeset import fit  # noqa: E402
from magazine.typeset import pdf as pdf_module  # noqa: E402
from magazine.typeset.compose import compose_edition  # noqa: E402
from magazine.typeset.document import epub_document, print_document  # noqa: E402
from magazine.typeset.makeup_report import is_fitting_note  # noqa: E402
from magazine.typeset.pdf import pages_for_print, pages_for_screen, write_pdf  # noqa: E402
from magazine.typeset.pdfx import press_finisher  # noqa: E402
from magazine.typeset.render import lay_out_edition  # noqa: E402

GENERATED = "90"
ARTICLES = 20
PARAGRAPHS = 12

FLOOR = 'python -c "import click, yaml"'
SERBIAN = "Njegoš je znao: ljubav je kao džem od šljiva, slatka i gusta, i čuva se za zimu.\n"
HEAVY = ("weasyprint", "pypdf", "pypdfium2", "fontTools", "docx", "PIL", "polib", "pypandoc")
STARTUP_RUNS = 15
BUILD_RUNS = 5


def timed(action, *args, **options) -> tuple[float, object]:
    start = time.perf_counter()
    result = action(*args, **options)
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


def write_generated_issue(project: Project, rng: random.Random,
                          paragraphs_each: int = PARAGRAPHS) -> None:
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
                      " ".join(rng.sample(sentences[lang], 3)) for i in range(paragraphs_each)]
        headings = [f"## {rng.choice(sentences[lang]).split(',')[0][:40]}"
                    for _ in range(paragraphs_each // 4 + 1)]
        body = "\n\n".join(headings[i // 4] + "\n\n" + p if i % 4 == 0 else p
                           for i, p in enumerate(paragraphs))
        (folder / "articles" / f"{slug}.md").write_text(
            f'---\ntitle: "Article {n + 1}"\nauthor: "INFOCLUSTER"\nlang: {lang}\n---\n\n'
            f"{body}\n", encoding="utf-8")
    titles = "\n".join(f'  {lang}: "Generated {lang}"' for lang in ("sr", "bg", "en"))
    articles = "\n".join(f"  - {slug}" for slug in slugs)
    if (REPO / "issues/01/media/cover.svg").exists():
        shutil.copytree(REPO / "issues/01/media", folder / "media")
        articles += "\ncover: media/cover.svg"
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


def bench_colour() -> None:
    """Each edition of the newest issue laid out as the screen has it and again in the press's
    colours (pictures converted: cold, then as a second layout in the same process finds them),
    and the print (PDF/X-4, marks) and the screen PDF written."""
    project = Project(REPO)
    issue = load_issue(project, newest_issue_id(project))
    totals = {"screen": 0.0, "press": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for edition in EDITIONS.values():
            text = compose_edition(project, issue, edition)
            lay, layout = timed(lay_out_edition, project, text)
            pdf_module._CONVERTED.clear()
            cold, press = timed(lay_out_edition, project, text, prepared=(layout.html, []),
                                press=True)
            warm, _ = timed(lay_out_edition, project, text, prepared=(layout.html, []),
                            press=True)
            pages, _ = pages_for_print(press.document)
            printed, _ = timed(write_pdf, pages, Path(tmp) / "print.pdf", "pdf/x-4",
                               finisher=press_finisher(f"{issue.id}/{edition.tag}", "FOGRA39"))
            screen = pages_for_screen(layout.document)
            shown, _ = timed(write_pdf, screen, Path(tmp) / "screen.pdf", "pdf/ua-1", trim=True)
            totals["screen"] += lay
            totals["press"] += cold
            print(f"colour    {edition.tag:8} {len(pages.pages):2} pages: layout {lay:.2f} s, "
                  f"in press colours {cold:.2f} s cold ({warm:.2f} s with the pictures "
                  f"converted), print PDF/X-4 {printed:.2f} s, screen PDF {shown:.2f} s")
    print(f"colour    issue {issue.id}, four editions: the press's layout costs "
          f"{totals['press']:.1f} s against {totals['screen']:.1f} s for the screen's, "
          f"{totals['press'] / totals['screen']:.2f}x (run in the print PDF's process, beside "
          "the screen PDF's)")


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


def plain_tools(project: Project, issue_id: str, folder: Path) -> float:
    """Do the full work with pandoc's and WeasyPrint's command lines, one edition and format
    after another: AST -> HTML (pandoc), HTML -> print PDF and screen PDF (weasyprint),
    AST -> EPUB (pandoc). The composed text is prepared first and not timed."""
    issue = load_issue(project, issue_id)
    pandoc_bin = pypandoc.get_pandoc_path()
    weasyprint_bin = str(Path(sys.executable).parent / "weasyprint")
    styles = [a for name in ("fonts.css", "magazine.css", "print.css")
              for a in ("-s", str(project.styles / name))]
    jobs = []
    for edition in EDITIONS.values():
        text = compose_edition(project, issue, edition)
        cover = issue.cover.relative_to(issue.path.resolve()).as_posix() if issue.cover else None
        printed = folder / f"{edition.tag}-print.json"
        printed.write_text(json.dumps(print_document(text, cover)))
        book = folder / f"{edition.tag}-epub.json"
        book.write_text(json.dumps(epub_document(text)))
        html = folder / f"{edition.tag}.html"
        jobs += [
            [pandoc_bin, "-f", "json", "-t", "html5", "--standalone",
             f"--template={project.styles / 'templates/magazine.html'}", "--html-q-tags",
             str(printed), "-o", str(html)],
            [weasyprint_bin, "-q", "-u", f"{issue.path.resolve().as_uri()}/", *styles,
             str(html), str(folder / f"{edition.tag}-print.pdf")],
            [weasyprint_bin, "-q", "-u", f"{issue.path.resolve().as_uri()}/", *styles,
             "--pdf-variant", "pdf/ua-1", str(html), str(folder / f"{edition.tag}-screen.pdf")],
            [pandoc_bin, "-f", "json", "-t", "epub3", f"--resource-path={issue.path}",
             f"--css={project.styles / 'epub.css'}", str(book), "-o",
             str(folder / f"{edition.tag}.epub")],
        ]
    start = time.perf_counter()
    for job in jobs:
        subprocess.run(job, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_builds(project: Project, issue_id: str, label: str) -> None:
    issue = load_issue(project, issue_id)
    cold, result = timed(lambda: build_issue(project, issue_id, force=True))
    pages = [out.pages for out in result.outputs if out.format == "print"]
    noop, _ = timed(lambda: build_issue(project, issue_id))
    first = issue.articles[0]
    lang = next(lang for lang in ("en", "bg", "sr") if lang != first.lang)
    catalog = project.translations / issue_id / lang / f"{first.slug}.po"
    po = polib.pofile(str(catalog))
    po[0].msgstr = po[0].msgstr + " (2)" if po[0].msgstr else "Naslov"
    po.save(str(catalog))
    one_catalog, rebuilt = timed(lambda: build_issue(project, issue_id))
    catalog_outputs = sum(1 for out in rebuilt.outputs if not out.cached)
    css = project.styles / "magazine.css"
    css.write_text(css.read_text() + "\n.byline { letter-spacing: 0.01em; }\n")
    one_css, rebuilt = timed(lambda: build_issue(project, issue_id))
    css_outputs = sum(1 for out in rebuilt.outputs if not out.cached)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,       # before the plain
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024   # tools run
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_tools(project, issue_id, Path(tmp))
    print(f"build     {label}: {len(issue.articles)} articles, {min(pages)}-{max(pages)} "
          f"printed pages per edition, 12 outputs")
    print(f"build       {'step':<38} {'seconds':>8} {'of cold':>8}")
    for step, seconds in (("cold full build", cold), ("no-op rebuild", noop),
                          (f"one catalog changed ({catalog_outputs} outputs)", one_catalog),
                          (f"one CSS file changed ({css_outputs} outputs)", one_css),
                          ("plain tools in sequence", plain)):
        print(f"build       {step:<38} {seconds:8.2f} {seconds / cold:8.1%}")
    print(f"build       plain tools / cold build = {plain / cold:.2f}x; peak memory of the "
          f"largest process {peak:.0f} MiB")


def bench_all_builds() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "sample")
        for room in ("issues", "translations", "styles"):
            shutil.copytree(REPO / room, project.root / room)
        bench_builds(project, "01", "sample issue 01")
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(Path(tmp) / "large")
        for room in ("translations", "styles"):
            shutil.copytree(REPO / room, project.root / room)
        (project.root / "issues").mkdir()
        shutil.copytree(REPO / "issues/01", project.issues / "01")
        write_generated_issue(project, random.Random(7), paragraphs_each=40)
        update_issue_catalogs(project, load_issue(project, GENERATED))
        bench_builds(project, GENERATED, f"generated issue {GENERATED}")


def bench_fitting() -> None:
    """Cold builds of the print and screen PDFs of each shipped issue, unfitted (the fitting
    limits set to nothing in a copy of the styles) and fitted, side by side, fitted again
    from the fitter's cache, and what the fitter changed or told."""
    for issue_id in sorted(p.parent.name for p in REPO.glob("issues/*/issue.yaml")):
        with tempfile.TemporaryDirectory() as tmp:
            project = Project(Path(tmp) / "fit")
            for room in ("issues", "translations", "styles"):
                shutil.copytree(REPO / room, project.root / room)
            css = project.styles / "magazine.css"
            fitted_css = css.read_text()
            wide = re.search(r"--wide-figure-height:\s*([\d.]+mm)", fitted_css)[1]
            unfitted_css = re.sub(r"(--fit-(?:letter|word)-spacing:\s*)[\d.]+em", r"\g<1>0em",
                                  fitted_css)
            css.write_text(re.sub(r"(--fit-figure-height:\s*)[\d.]+mm", rf"\g<1>{wide}",
                                  unfitted_css))
            formats = ["print", "screen"]
            # unfitted: no figure placed, no paragraph set again either (the workers fork)
            placing, setting_lines = fit.place_figures, fit.plan_lines
            fit.place_figures = fit.plan_lines = lambda *args, **kwargs: []
            try:
                unfitted, _ = timed(build_issue, project, issue_id, formats=formats,
                                    force=True)
            finally:
                fit.place_figures, fit.plan_lines = placing, setting_lines
            css.write_text(fitted_css)
            shutil.rmtree(project.build / issue_id / ".cache" / "fit", ignore_errors=True)
            fitted, result = timed(build_issue, project, issue_id, formats=formats, force=True)
            notes = [n for out in result.outputs for n in out.notes if is_fitting_note(n)]
            again, _ = timed(build_issue, project, issue_id, formats=formats, force=True)
            pages = [out.pages for out in result.outputs if out.format == "print"]
            print(f"fitting   issue {issue_id}: {min(pages)}-{max(pages)} printed pages; cold "
                  f"PDFs unfitted {unfitted:.2f} s, fitted {fitted:.2f} s "
                  f"({fitted / unfitted:.2f}x), fitted again from the cache {again:.2f} s "
                  f"({again / unfitted:.2f}x)")
            for note in (n for out in result.outputs for n in out.notes if " set again " in n):
                print(f"fitting     {note}")
            fixed = sum(" so that it ends on " in n or " so that its last page " in n
                        for n in notes)
            placed = sum(" so that the columns of page " in n for n in notes)
            print(f"fitting     {placed} figures placed, {fixed} articles fitted, "
                  f"{len(notes) - fixed - placed} told what to cut")
            for note in notes:
                print(f"fitting     {note}")


def run_once(command: list, cwd: Path, stdin: str | None,
             env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, input=stdin and stdin.encode("utf-8"),
                          capture_output=True, env=env)
    return time.perf_counter() - start, done


def why_not(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [""]
    return f"exit {done.returncode}: {lines[-1][:60]}"


def imported_modules(command: list, cwd: Path, stdin: str | None) -> tuple[set[str], int]:
    """Return the modules a command imports, read from the lines PYTHONPROFILEIMPORTTIME
    writes to stderr, and its exit status."""
    _, done = run_once(command, cwd, stdin, dict(os.environ, PYTHONPROFILEIMPORTTIME="1"))
    names = {line.rsplit("|", 1)[1].strip()
             for line in done.stderr.decode("utf-8", "replace").splitlines()
             if line.startswith("import time:") and "[us]" not in line}
    return names, done.returncode


def bench_startup(root: Path, python: Path) -> None:
    """Time the small commands and a no-op build as subprocesses, in turns (each turn runs
    every command once, the build every third turn), after one untimed run of each."""
    magazine = python.parent / "magazine"
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample"
        for room in ("issues", "translations", "styles"):
            shutil.copytree(root / room, sample / room)
        first, done = run_once([magazine, "build", "01"], sample, None)
        print(f"startup   {python} on a copy of {root}: medians of {STARTUP_RUNS} runs "
              f"({BUILD_RUNS} for the build); first build {first:.1f} s"
              + ("" if done.returncode == 0 else f" ({why_not(done)})"))
        commands = [(FLOOR, [python, "-c", "import click, yaml"], None, STARTUP_RUNS),
                    ("magazine --help", [magazine, "--help"], None, STARTUP_RUNS),
                    ("magazine --version", [magazine, "--version"], None, STARTUP_RUNS),
                    ("magazine transliterate", [magazine, "transliterate"], SERBIAN,
                     STARTUP_RUNS),
                    ("magazine build (no-op)", [magazine, "build", "01"], None, BUILD_RUNS)]
        times = {label: [] for label, *_ in commands}
        failed = {}
        for label, command, stdin, _ in commands:
            _, done = run_once(command, sample, stdin)
            if done.returncode != 0:
                failed[label] = why_not(done)
        for turn in range(STARTUP_RUNS):
            for label, command, stdin, runs in commands:
                if label in failed or turn % (STARTUP_RUNS // runs):
                    continue
                seconds, done = run_once(command, sample, stdin)
                if done.returncode != 0:
                    failed[label] = why_not(done)
                times[label].append(seconds)
        floor = statistics.median(times[FLOOR])
        for label, *_ in commands:
            if label in failed:
                print(f"startup   {label:<30} {'n/a':>6}   ({failed[label]})")
                continue
            median = statistics.median(times[label])
            print(f"startup   {label:<30} {median:6.3f} s {median / floor:5.1f}x {FLOOR}")
        for label, command, stdin in (
                ("magazine --help", [magazine, "--help"], None),
                ("magazine transliterate", [magazine, "transliterate"], SERBIAN),
                ("magazine translations status", [magazine, "translations", "status", "01"],
                 None)):
            names, status = imported_modules(command, sample, stdin)
            heavy = [name for name in HEAVY[1:] if name in names]
            print(f"imports   {label:<30} weasyprint: {'yes' if HEAVY[0] in names else 'no'}; "
                  f"other heavy: {', '.join(heavy) or 'none'}; {len(names)} modules"
                  + (f" (exit {status})" if status else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure the pipeline and print figures.")
    parser.add_argument("--startup", action="store_true",
                        help="run the start-up section only")
    parser.add_argument("--fitting", action="store_true",
                        help="run the copy-fitting section only")
    parser.add_argument("--colour", action="store_true",
                        help="run the press colour section only")
    parser.add_argument("--root", type=Path,
                        help="with --startup: the checkout whose issues/, translations/ and "
                             "styles/ are copied (default: this one)")
    parser.add_argument("--venv", type=Path,
                        help="with --startup: the venv whose bin/python and bin/magazine are "
                             "timed (default: the one running this script)")
    args = parser.parse_args()
    if not args.startup and (args.root or args.venv):
        parser.error("--root and --venv go with --startup")
    python = args.venv.absolute() / "bin" / "python" if args.venv else Path(sys.executable)
    logging.basicConfig(level=logging.WARNING)
    if args.fitting:
        bench_fitting()
        return
    if args.colour:
        bench_colour()
        return
    bench_startup((args.root or REPO).resolve(), python)
    if args.startup:
        return
    bench_fitting()
    bench_all_builds()
    bench_transliteration()
    bench_colour()
    bench_catalogs()


if __name__ == "__main__":
    main()
