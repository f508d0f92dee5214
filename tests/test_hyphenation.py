"""Bulgarian hyphenation: our dictionary (hyph-utf8's hyph-bg patterns, converted) breaks the
hand-checked words only where they may break, and WeasyPrint uses it once told to."""

import hashlib
import importlib.util
import re
from pathlib import Path

import pyphen  # type: ignore[import-untyped]
import pytest
from conftest import REPO

from magazine.typeset.hyphenation import DICTIONARIES, use_shipped_dictionaries
from magazine.typeset.hyphenation.check import breaks_of, hyphenated, read_list, score

LIST = REPO / "tests" / "data" / "bulgarian-hyphenation.tsv"
OURS = DICTIONARIES["bg"]
PYPHENS_OWN = Path(str(pyphen.dictionaries.joinpath("hyph_bg_BG.dic")))   # pyphen's own

# hyph-bg.pat.txt as hyph-utf8 has it since 2018 (tex-hyphen commit 3e1a9b8b; TeX Live 2022)
UPSTREAM_SHA256 = "ca3a154c7b5303050bb78e6ac1d4090b2130795db0e6d9665156b1126a4ad402"

# The wrong breaks the upstream patterns are known to make on the list (word: the wrong one):
# they split the prefix транс- and the compound Димитров|град, and break a prefix before a
# vowel phonologically. No other may appear.
KNOWN_WRONG = {
    "трансграничните": "тран-сграничните",
    "трансграничното": "тран-сграничното",
    "трансграничния": "тран-сграничния",
    "трансгранични": "тран-сгранични",
    "трансгранично": "тран-сгранично",
    "димитровград": "димитровг-рад",
    "безинтересно": "бе-зинтересно",
}
WORDS_OF_THE_BRIEF = ("сътрудничество", "предприятия", "подкрепя", "трансгранично",
                      "клъстерите", "организации", "предприемачеството", "конференция",
                      "стратегия")


@pytest.fixture(scope="module")
def entries():
    return read_list(LIST)


def test_the_list_is_long_and_holds_the_magazines_long_words(entries):
    words = [entry.word for entry in entries]
    assert len(words) >= 200 and len(set(words)) == len(words)
    assert set(WORDS_OF_THE_BRIEF) <= set(words)
    by_word = {entry.word: entry for entry in entries}
    assert hyphenated("подкрепя", by_word["подкрепя"].breaks) == "под-кре-пя"
    assert hyphenated("предприятия", by_word["предприятия"].breaks) == "пред-при-я-тия"


def test_our_dictionary_breaks_only_at_accepted_points_but_the_known_exceptions(entries):
    result = score(OURS, entries)
    wrong = {w.entry.word: [hyphenated(w.entry.word, [p]) for p in w.wrong]
             for w in result.words_with_wrong_breaks}
    unknown = {word: breaks for word, breaks in wrong.items()
               if breaks != [KNOWN_WRONG.get(word)]}
    assert unknown == {}
    assert result.wrong <= len(KNOWN_WRONG)


def test_our_dictionary_finds_most_accepted_points(entries):
    result = score(OURS, entries)
    assert result.found / result.boundaries >= 0.93, (result.found, result.boundaries)


def test_our_dictionary_prints_fewer_wrong_breaks_than_pyphens_own(entries):
    ours, theirs = score(OURS, entries), score(PYPHENS_OWN, entries)
    assert ours.wrong * 3 < theirs.wrong, (ours.wrong, theirs.wrong)


def _converter():
    path = REPO / "scripts" / "tex_patterns_to_dic.py"
    spec = importlib.util.spec_from_file_location("tex_patterns_to_dic", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_dictionary_is_the_upstream_patterns_converted_byte_for_byte(tmp_path):
    lines = OURS.read_text(encoding="utf-8").splitlines()
    patterns = [line for line in lines[3:] if not line.startswith("%")]
    source = tmp_path / "hyph-bg.pat.txt"
    source.write_text("\n".join(patterns) + "\n", encoding="utf-8")
    assert hashlib.sha256(source.read_bytes()).hexdigest() == UPSTREAM_SHA256
    rebuilt = tmp_path / "hyph_bg.dic"
    assert _converter().main([str(source), "-o", str(rebuilt)]) == 0
    assert rebuilt.read_bytes() == OURS.read_bytes()
    assert lines[:3] == ["UTF-8", "LEFTHYPHENMIN 2", "RIGHTHYPHENMIN 2"]
    assert "Copyright (C) 2000,2004,2017 by Anton Zinoviev" in OURS.read_text(encoding="utf-8")


@pytest.fixture
def pyphen_languages(monkeypatch):
    """Let a test change pyphen's language table; restore it afterwards."""
    monkeypatch.setattr(pyphen, "LANGUAGES", dict(pyphen.LANGUAGES))
    monkeypatch.setattr(pyphen, "LANGUAGES_LOWERCASE", dict(pyphen.LANGUAGES_LOWERCASE))


def test_use_shipped_dictionaries_points_bg_at_ours_and_is_harmless_twice(pyphen_languages):
    use_shipped_dictionaries()
    first = dict(pyphen.LANGUAGES), dict(pyphen.LANGUAGES_LOWERCASE)
    use_shipped_dictionaries()
    assert (dict(pyphen.LANGUAGES), dict(pyphen.LANGUAGES_LOWERCASE)) == first
    for lang in ("bg", "bg-BG", "bg_BG"):
        assert pyphen.LANGUAGES[pyphen.language_fallback(lang)] == OURS
    assert pyphen.LANGUAGES[pyphen.language_fallback("sr")] != OURS
    assert pyphen.Pyphen(lang="bg").inserted("подкрепя") == "под-кре-пя"


TEXT = ("Проектът подкрепя малките и средните предприятия, а Европейският съюз подкрепя "
        "трансграничното сътрудничество на предприятията. Фондацията подкрепя предприятия "
        "и клъстери, които подкрепят предприемачеството.")


def hyphenated_words(document) -> list[str]:
    """Return every word WeasyPrint broke across lines, with '-' where it broke it."""
    from weasyprint.formatting_structure import boxes

    def walk(box):
        yield box
        for child in getattr(box, "children", None) or ():
            yield from walk(child)

    broken = []
    for page in document.pages:
        for block in walk(page._page_box):
            if not isinstance(block, boxes.BlockContainerBox):
                continue
            lines = ["".join(t.text for t in walk(line) if isinstance(t, boxes.TextBox))
                     for line in block.children if isinstance(line, boxes.LineBox)]
            text = " ".join(line.rstrip() for line in lines)
            text = text.replace("\u2010 ", "-")        # WeasyPrint's hyphen, U+2010
            broken += [word for word in re.findall(r"[\w-]+", text) if "-" in word]
    return broken


def test_weasyprint_breaks_bulgarian_only_where_it_may(pyphen_languages, entries):
    from weasyprint import HTML
    use_shipped_dictionaries()
    columns = "".join(f'<p style="width: {16 + 1.5 * n}mm">{TEXT}</p>' for n in range(16))
    html = ('<html lang="bg"><style>@page { size: 200mm 1500mm; margin: 5mm }'
            "p { font: 10pt serif; hyphens: auto; text-align: justify; margin: 0 0 4mm }"
            f"</style><body>{columns}</body></html>")
    broken = hyphenated_words(HTML(string=html).render())
    accepted = {entry.word: entry.accepted for entry in entries}
    known = {word: breaks_of(wrong) for word, wrong in KNOWN_WRONG.items()}
    wrong, checked = [], {}
    for word in broken:
        plain = word.replace("-", "").lower()
        if plain not in accepted:
            continue
        checked.setdefault(plain, set()).update(breaks_of(word.lower()))
        wrong += [word for p in breaks_of(word.lower())
                  if p not in accepted[plain] and p not in known.get(plain, ())]
    assert wrong == []
    for word in ("предприятия", "подкрепя"):
        assert checked.get(word), f"{word} was never broken: the test lays out nothing"
        assert checked[word] <= accepted[word]
