"""Better lines: one-letter words stay with the next word, names and a paragraph's last word
are never hyphenated, narrow table cells keep whole words."""

import pypdfium2
import pytest

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
