"""Fuzzing: any article text survives the trip into catalog entries and back; any catalog
file is either read or refused in one clear error, never a crash."""

import json
import tempfile
from pathlib import Path

from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_segment import as_markdown

from magazine.errors import CatalogError
from magazine.sources.issue import load_article
from magazine.translation.catalog import read_catalog
from magazine.translation.segment import translate_article

WORDS = st.sampled_from(["Niš", "Sofija", "klaster", "Ниш", "София", "клъстер", "cluster",
                         "2027.", "15%", "EU-IPA", "o'clock", "„saradnja“", "(IT)", "a",
                         "—", "…", "1.", "#5", "-", "+", "Ђорђе", "džep", "Щастие"])
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"`{w}`"),
    WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    WORDS.map(lambda w: f'"{w}"'))
PARAGRAPH = st.lists(INLINE, min_size=1, max_size=12).map(" ".join)
BLOCK = st.one_of(PARAGRAPH, PARAGRAPH.map(lambda p: f"## {p}"),
                  PARAGRAPH.map(lambda p: f"- {p}"), PARAGRAPH.map(lambda p: f"> {p}"))
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(BLOCK, min_size=1, max_size=5), PARAGRAPH)
def test_any_article_round_trips_through_its_entries(blocks, title):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles" / "fuzz.md"
        path.parent.mkdir()
        path.write_text(f"---\ntitle: {json.dumps(title)}\nauthor: X\nlang: sr\n---\n\n"
                        + "\n\n".join(blocks) + "\n", encoding="utf-8")
        article = load_article(path, "fuzz", Path(tmp))
    fell_back = []
    _, translated = translate_article(article, lambda seg: seg.text,
                                      lambda seg, inlines: fell_back.append(seg))
    assert fell_back == []
    assert as_markdown(translated) == as_markdown(article.ast["blocks"])


GOOD = (REPO / "tests/fixtures/mini/translations/07/en/susret-u-nisu.po").read_text()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(GOOD)), st.sampled_from(
    ['"', "\\", "\n", "msgid ", "msgstr ", "#~ ", "#| ", "#, fuzzy\n", "msgctxt \"x\"\n",
     "\x00", "\ufeff", "ш", "\r", "msgstr[0] \"\"\n", "#"])), max_size=6))
def test_any_catalog_file_is_read_or_refused_in_one_error(edits):
    text = GOOD
    for position, insert in sorted(edits, reverse=True):
        text = text[:position] + insert + text[position:]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.po"
        path.write_text(text, encoding="utf-8")
        try:
            catalog = read_catalog(path)
        except CatalogError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in exc.message
        else:
            assert all(isinstance(entry.msgid, str) for entry in catalog)
