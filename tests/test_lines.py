"""Better lines: one-letter words stay with the next word, names and a paragraph's last word
are never hyphenated, narrow table cells keep whole words."""

import pypdfium2
import pytest
from conftest import REPO
from weasyprint import CSS, HTML

from magazine.build import output_name
from magazine.languages import EDITIONS
from magazine.pandoc.ast import Note, Para, Space, Span, Str, plain_text
from magazine.typeset.typography import bind_short_words, keep_whole

NBSP = "\u00a0"


def para(text: str, *tail) -> dict:
    words = []
    for n, word in enumerate(text.split(" ")):
        words += ([Space()] if n else []) + [Str(word)]
    return Para([*words, *tail])


def joined(inlines: list) -> str:
    return "".join(" " if n["t"] == "Space" else n["c"] if n["t"] == "Str"
                   else "[" + joined(n["c"][1]) + "]" for n in inlines if n["t"] != "Note")


@pytest.mark.parametrize("edition, text, expected", [
    ("sr-Latn", "Niš i Sofija, a u martu s partnerima", f"Niš i{NBSP}Sofija, a{NBSP}u{NBSP}martu "
                                                        f"s{NBSP}partnerima"),
    ("sr-Cyrl", "Ниш и Софија у марту", f"Ниш и{NBSP}Софија у{NBSP}марту"),
    ("bg", "Ниш и София в март с партньори", f"Ниш и{NBSP}София в{NBSP}март с{NBSP}партньори"),
    ("en", "I met a partner in Niš", f"I{NBSP}met a{NBSP}partner in Niš"),
])
def test_one_letter_words_stay_with_the_next_word(edition, text, expected):
    [block] = bind_short_words([para(text)], EDITIONS[edition])
    assert joined(block["c"]) == expected


def test_english_keeps_other_languages_one_letter_words_apart():
    [block] = bind_short_words([para("Niš i Sofija")], EDITIONS["en"])
    assert joined(block["c"]) == "Niš i Sofija"


def test_names_and_the_last_word_are_kept_whole():
    blocks = [para("The Cluster House in Niš and INFOCLUSTER, the magazine, appear together")]
    [block] = keep_whole(blocks, EDITIONS["en"])
    assert joined(block["c"]) == "The [Cluster House] in Niš and [INFOCLUSTER,] the magazine, " \
                                 "appear [together]"
    spans = [n for n in block["c"] if n["t"] == "Span"]
    assert all(s["c"][0][1] == ["keep-whole"] for s in spans) and len(spans) == 3


def test_a_name_at_the_end_is_not_wrapped_twice_and_a_final_note_is_skipped():
    [block] = keep_whole([para("It is published by the Foundation for Enterprise Development",
                               Note([Para([Str("Sofia.")])]))], EDITIONS["en"])
    spans = [n for n in block["c"] if n["t"] == "Span"]
    assert len(spans) == 1 and plain_text(spans[0]) == "Foundation for Enterprise Development"
    assert block["c"][-1]["t"] == "Note"


def test_serbian_cyrillic_finds_the_names_in_its_own_script():
    [block] = keep_whole([para("Кућа кластера из Ниша и Фондација за развој предузетништва "
                               "из Софије")], EDITIONS["sr-Cyrl"])
    spans = [plain_text(n) for n in block["c"] if n["t"] == "Span"]
    assert spans == ["Кућа кластера", "Фондација за развој предузетништва", "Софије"]


def test_words_bound_to_the_last_word_go_into_its_span():
    """"u februaru." is one word to the line breaker: the span starts at the last space."""
    blocks = bind_short_words([para("koja se priprema u februaru.")], EDITIONS["sr-Latn"])
    [block] = keep_whole(blocks, EDITIONS["sr-Latn"])
    assert joined(block["c"]) == f"koja se priprema [u{NBSP}februaru.]"


@pytest.mark.parametrize("size", ["9pt", "9.5pt", "12px"])
def test_a_line_before_a_kept_word_breaks_as_the_text_needs(size):
    """WeasyPrint, breaking a line inside words bound by no-break spaces before a span it
    must go back from, set "Stra-", "te-", "giji", "prekogra-" each on a line of its own
    (issue 01, sr-Latn sofia-meetings); the span as keep_whole makes it now breaks well."""
    words = "klastera, koja će biti štampana u oktobru, i u Strategiji prekogranične " \
            "saradnje, koja se priprema u februaru."
    [block] = keep_whole(bind_short_words([para(words)], EDITIONS["sr-Latn"]),
                         EDITIONS["sr-Latn"])
    html = "".join(n["c"] if n["t"] == "Str" else " " if n["t"] == "Space" else
                   '<span class="keep-whole">' + joined(n["c"][1]) + "</span>"
                   for n in block["c"])
    styles = REPO / "styles"
    css = (f"p {{ width: 323px; font-family: 'Source Serif 4'; font-size: {size}; "
           "hyphens: auto; hyphenate-limit-chars: 6 2 3; text-align: justify; } "
           ".keep-whole { hyphens: manual; }")
    document = HTML(string=f'<html lang="sr-Latn"><p>{html}</p>', base_url=str(styles) + "/"
                    ).render(stylesheets=[CSS(filename=str(styles / "fonts.css")),
                                          CSS(string=css)])
    paragraph = document.pages[0]._page_box.children[0].children[0].children[0]
    lines = paragraph.children
    assert 2 <= len(lines) <= 3
    assert all(sum(child.width for child in line.children) > 0.6 * 323 for line in lines[:-1])


def test_a_span_already_around_the_paragraph_is_left_as_it_is():
    fallback = Span([Str("Untranslated"), Space(), Str("text")], ["fallback"])
    [block] = keep_whole([Para([fallback])], EDITIONS["en"])
    assert block["c"] == [fallback]


@pytest.mark.build
@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_printed_pages_never_hyphenate_the_magazines_name(sample, edition):
    project, _ = sample
    path = project.build / "01" / output_name("01", edition, "print")
    text = "\n".join(page.get_textpage().get_text_range()
                     for page in pypdfium2.PdfDocument(str(path)))
    lines = text.splitlines()
    broken = [a + b for a, b in zip(lines, lines[1:], strict=False)
              if a.rstrip().endswith("\u2010") and "INFOCLUSTER" in
              (a.rstrip()[:-1].split() or [""])[-1] + (b.split() or [""])[0]]
    assert "INFOCLUSTER" in text and broken == []
