"""Incomplete translations: a draft prints the source text, marked; a strict build refuses."""

import re

import pypdfium2
import pytest
from conftest import epubcheck, make_project, run_magazine
from PIL import ImageChops
from pypdf import PdfReader

from magazine.languages import EDITIONS
from magazine.sources.issue import load_issue
from magazine.typeset.compose import compose_edition
from magazine.typeset.render import edition_html

ARTICLE = "07/articles/susret-u-nisu.md"
UNTRANSLATED = (255, 208, 204)          # the tints magazine.css gives fallback text
FUZZY = (255, 228, 154)


def leave_two_blocks_unready(project):
    """Change a list item (its English entry turns fuzzy) and empty one English entry."""
    article = project.issues / ARTICLE
    article.write_text(article.read_text().replace("Udruženja preduzetnika",
                                                   "Udruženja malih preduzetnika"))
    catalog = project.translations / "07/en/sofia-seminar.po"
    catalog.write_text(catalog.read_text().replace('msgstr "A shared methodology"',
                                                   'msgstr ""'))
    assert run_magazine(project, "translations", "update").returncode == 0


def tinted_pixels(path, colour) -> int:
    """Count the pixels within 3 of `colour` in every channel (counted by Pillow band by
    band: the same count as comparing each pixel in Python, fifty times faster)."""
    pdf = pypdfium2.PdfDocument(str(path))
    count = 0
    for page in pdf:
        image = page.render(scale=1).to_pil().convert("RGB")
        near = [band.point(lambda v, c=c: 255 if abs(v - c) <= 3 else 0)
                for band, c in zip(image.split(), colour, strict=True)]
        count += ImageChops.multiply(ImageChops.multiply(near[0], near[1]),
                                     near[2]).histogram()[255]
    return count


@pytest.mark.build
def test_draft_prints_source_text_marked_and_says_draft(project):
    leave_two_blocks_unready(project)
    done = run_magazine(project, "build", "-e", "en", "-e", "sr-Latn", "-f", "print", "-f",
                        "screen", "-f", "epub")
    assert done.returncode == 0, done.stderr
    assert ("en is a draft: 2 blocks print in the source language, marked on the page "
            "(1 fuzzy, 1 untranslated)") in done.stdout
    assert "sr-Latn is a draft" not in done.stdout
    draft = project.build / "07/infocluster-07-en-print.pdf"
    reader = PdfReader(draft)
    assert reader.metadata.title.endswith("(DRAFT)")
    assert reader.metadata["/Keywords"].split(", ")[-1] == "draft"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Udruženja malih preduzetnika" in text           # the source, where it is not ready
    assert "Обща методология" in text
    assert text.count("DRAFT") >= len(reader.pages)          # a stamp on every page
    on_screen = project.build / "07/infocluster-07-en-screen.pdf"    # the tints' sRGB
    assert tinted_pixels(on_screen, UNTRANSLATED) > 200
    assert tinted_pixels(on_screen, FUZZY) > 200
    final = project.build / "07/infocluster-07-sr-Latn-print.pdf"
    assert "NACRT" not in " ".join(p.extract_text() for p in PdfReader(final).pages)
    final_screen = project.build / "07/infocluster-07-sr-Latn-screen.pdf"
    assert tinted_pixels(final_screen, UNTRANSLATED) == tinted_pixels(final_screen, FUZZY) == 0
    report = epubcheck(project.build / "07/infocluster-07-en.epub")
    assert "0 fatals / 0 errors / 0 warnings" in report, report


def test_strict_build_of_a_draft_fails_naming_what_is_missing_and_writes_nothing(project):
    leave_two_blocks_unready(project)
    done = run_magazine(project, "build", "--strict")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    first, *listed = done.stderr.splitlines()
    assert "a strict build needs every block translated; not ready: 3" in first
    assert len(listed) == 3
    for lang in ("bg", "en"):
        assert any(re.fullmatch(rf"  translations/07/{lang}/susret-u-nisu\.po:\d+: fuzzy: "
                                r"Udruženja malih preduzetnika \(fuzzy: .*\)", line)
                   for line in listed)
    assert any(re.fullmatch(r"  translations/07/en/sofia-seminar\.po:\d+: untranslated: Обща "
                            r"методология \(not translated yet\)", line) for line in listed)
    assert not (project.build / "07").exists() or not any(
        p.suffix in (".pdf", ".epub") for p in (project.build / "07").iterdir())


def test_translation_that_loses_a_footnote_needs_fixing(project):
    issue = load_issue(project)
    notes = edition_html(project, compose_edition(project, issue, EDITIONS["en"]))[0].count(
        'class="footnote"')
    catalog = project.translations / "07/en/susret-u-nisu.po"
    text = catalog.read_text()
    assert "programme](https://example.org/ipa).[^1]" in text
    catalog.write_text(text.replace("programme](https://example.org/ipa).[^1]",
                                    "programme](https://example.org/ipa)."))
    english = compose_edition(project, issue, EDITIONS["en"])
    [fallback] = [f for a in english.articles for f in a.fallbacks]
    assert fallback.state == "needs fixing"
    assert fallback.reason == "the translation drops footnote [^1]"
    html, _ = edition_html(project, english)
    assert html.count('class="footnote"') == notes           # the note still prints
    status = run_magazine(project, "translations", "status")
    assert "translations that fail a check:" in status.stdout
    assert re.search(r"en/susret-u-nisu\.po:\d+: drops footnote \[\^1\]", status.stdout)


def test_translated_blocks_keep_their_structure_in_the_edition_html(tmp_path):
    project = make_project(tmp_path, "kinds")
    catalog = project.translations / "09/en/sve-vrste.po"
    catalog.write_text(catalog.read_text().replace(
        "The project is led by [Balkan Cluster]{.notranslate}",
        "The project is led by [Balkanski klaster]{.notranslate}"))
    english = compose_edition(project, load_issue(project), EDITIONS["en"])
    assert [f for a in english.articles for f in a.fallbacks] == []
    html, _ = edition_html(project, english)
    body = html.split("</nav>")[1].replace("\u00a0", " ")   # one-letter words bind: "A group"
    assert re.search(r"<table>\s*<caption>\s*<p>Clusters by town</p>", body) or \
        re.search(r"<caption>Clusters by town</caption>", body)
    assert re.search(r"<th[^>]*>Town</th>", body) and re.search(r"<td[^>]*>Niš</td>", body)
    assert re.findall(r"<li>(.*?)</li>", body) == ["The first step is the cluster map.",
                                                  "The second step is the cooperation strategy."]
    assert "<blockquote>\n<p>Cooperation knows no <span class=\"keep-whole\">borders.</span>" \
        "</p>\n</blockquote>" in body                  # a paragraph's last word is kept whole
    assert re.search(r'<img src="media/dot.svg" alt="A dot that marks Niš"', body)
    assert re.search(r"<figcaption>\s*A map of the region(’|&#8217;|')s clusters", body)
    assert '<a href="https://example.org/ipa">programme’s own page</a>' in body or \
        '<a href="https://example.org/ipa">programme\'s own page</a>' in body
    assert re.search(r'<span class="footnote">The programme is co-financed by the '
                     r'<em>European Union</em>\.</span>', body)
    assert '<div class="line-block">Balkan Cluster<br />\nNiš and Sofia</div>' in body
    assert "<dt>Cluster</dt>" in body and "A group of connected companies" in body
    assert '<span class="notranslate">Balkan Cluster</span>' in body   # the source's words
    assert "Balkanski klaster" not in body
    assert "ovo se ne prevodi" in body and "sirovi HTML se ne prevodi" in body
