"""Serbian Latin and Cyrillic for ordinary text."""

from magazine.serbian.transliterate import convert_ast, to_cyrillic, to_latin


def test_latin_to_cyrillic_keeps_case_and_digraphs():
    assert to_cyrillic("Ljubljana, Njegoš i Džon") == "Љубљана, Његош и Џон"
    assert to_cyrillic("LJUBAV i DŽEP") == "ЉУБАВ и ЏЕП"
    assert to_cyrillic("Kuća klastera u Nišu") == "Кућа кластера у Нишу"


def test_cyrillic_to_latin_spells_capital_digraphs_by_word():
    assert to_latin("ЉУБАВ") == "LJUBAV"
    assert to_latin("Љубав и Њиве") == "Ljubav i Njive"
    assert to_latin("Ђорђе Џаковић") == "Đorđe Džaković"


def test_decomposed_input_is_normalised():
    assert to_cyrillic("Nis\u030c") == "Ниш"


def test_round_trip_of_ordinary_text():
    text = "Projekat Balkanski klaster povezuje klastere, mala i srednja preduzeća."
    assert to_latin(to_cyrillic(text)) == text


def test_ast_conversion_leaves_urls_code_and_foreign_spans_alone():
    inlines = [{"t": "Str", "c": "Posetite"}, {"t": "Space"},
               {"t": "Str", "c": "https://example.org/klaster"},
               {"t": "Code", "c": [["", [], []], "make issue"]},
               {"t": "Span", "c": [["", [], [["lang", "en"]]], [{"t": "Str", "c": "Cluster"}]]},
               {"t": "Link", "c": [["", [], []], [{"t": "Str", "c": "sajt"}],
                                   ["https://example.org/sajt", ""]]}]
    out = convert_ast(inlines, to_cyrillic)
    assert out[0]["c"] == "Посетите"
    assert out[2]["c"] == "https://example.org/klaster"
    assert out[3] == inlines[3] and out[4] == inlines[4]
    assert out[5]["c"][1][0]["c"] == "сајт" and out[5]["c"][2][0] == "https://example.org/sajt"


def test_addresses_inside_a_word_stay_latin():
    out = convert_ast([{"t": "Str", "c": "(https://infocluster.eu/sr),"},
                       {"t": "Str", "c": "pisite:redakcija@example.org."}], to_cyrillic)
    assert out[0]["c"] == "(https://infocluster.eu/sr),"
    assert out[1]["c"] == "писите:redakcija@example.org."


# --- the corpus, hypothesis, the data file, the command line, mixed scripts ---

import csv  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import unicodedata  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from conftest import make_project, run_magazine  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from magazine.serbian import transliterate  # noqa: E402

CORPUS = Path(__file__).parent / "data" / "serbian-script.tsv"


def corpus() -> list:
    rows = csv.reader((line for line in CORPUS.read_text(encoding="utf-8").splitlines()
                       if line and not line.startswith("#")), delimiter="\t",
                      quoting=csv.QUOTE_NONE)
    return [pytest.param(*row, id=f"{row[3]}: {row[0]}") for row in rows]


def test_corpus_covers_at_least_300_words_and_phrases():
    assert len(corpus()) >= 300


@pytest.mark.parametrize("latin, cyrillic, direction, rule", corpus())
def test_corpus(latin, cyrillic, direction, rule):
    if direction in ("both", "to_cyrl"):
        assert to_cyrillic(latin) == cyrillic
        assert to_cyrillic(unicodedata.normalize("NFD", latin)) == cyrillic
    if direction in ("both", "to_latn"):
        assert to_latin(cyrillic) == latin


LATIN = "abcčćdđefghijklmnoprsštuvzž"
words = st.text(alphabet=LATIN, min_size=1, max_size=12).flatmap(
    lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=12), st.sampled_from([" ", ", ", ". ", "\n"]))
def test_round_trip_of_generated_serbian_latin_text(word_list, separator):
    text = separator.join(w for w in word_list if not (w.isupper() and len(w) == 2
                                                       and w.lower() in ("lj", "nj", "dž")))
    assert to_latin(to_cyrillic(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=8))
def test_cyrillic_output_has_no_latin_letters_left(word_list):
    out = to_cyrillic(" ".join(word_list))
    roman_or_kept = [w for w in out.split() if w.isascii()]
    _, protected, _ = transliterate.rules()     # the names kept in Latin (EPUB, ...)
    assert all(transliterate._ROMAN.fullmatch(w) or protected.fullmatch(w)
               for w in roman_or_kept)


def test_editors_extend_the_rules_in_the_data_file(tmp_path, monkeypatch):
    data = tmp_path / "serbian-script.yaml"
    data.write_text(transliterate.DATA.read_text(encoding="utf-8")
                    .replace("two_letters:\n",
                             'two_letters:\n  - {stem: "izvan|jez", why: "test"}\n')
                    .replace("keep_latin:\n",
                             'keep_latin:\n  - {word: "Kragujevac", why: "test"}\n'),
                    encoding="utf-8")
    monkeypatch.setattr(transliterate, "DATA", data)
    assert to_cyrillic("izvanjezički") == "изванјезички"
    assert to_cyrillic("Kragujevac i Niš") == "Kragujevac и Ниш"


def test_command_keeps_line_breaks_and_markdown(tmp_path):
    source = ("---\ntitle: \"Nadživeti granice\"\nlang: sr\n---\n\n## Ko je došao\n\n"
              "*Kuća klastera* i [sajt](https://example.org/nj) uz `kod`.\r\n"
              "- Ljubav\n- INFOCLUSTER\n")
    command = [sys.executable, "-m", "magazine", "transliterate", "--to", "cyrl"]
    done = subprocess.run(command, input=source.encode(), capture_output=True)
    assert done.returncode == 0
    assert done.stdout.decode() == (
        "---\ntitle: \"Надживети границе\"\nlang: sr\n---\n\n## Ко је дошао\n\n"
        "*Кућа кластера* и [сајт](https://example.org/nj) уз `kod`.\r\n"
        "- Љубав\n- INFOCLUSTER\n")
    path = tmp_path / "clanak.md"
    path.write_bytes(done.stdout)
    back = subprocess.run([sys.executable, "-m", "magazine", "transliterate", "--to", "latn",
                           str(path)], capture_output=True)
    assert back.stdout.decode() == source


@pytest.mark.build
def test_mixed_scripts_are_reported_by_status_and_build(tmp_path):
    project = make_project(tmp_path)
    article = project.issues / "07/articles/sofia-seminar.md"
    lines = article.read_text().split("\n")
    number = next(n for n, line in enumerate(lines) if "Екипите" in line)
    lines[number] = lines[number].replace("Екипите", "Eкипите")          # a Latin E
    article.write_text("\n".join(lines))
    catalog = project.translations / "07/sr/cross-border-table.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Plan"', 'msgstr "Рlan"'))
    assert run_magazine(project, "translations", "update").returncode == 0
    status = run_magazine(project, "translations", "status")
    assert f"issues/07/articles/sofia-seminar.md:{number + 1}: 'Eкипите' mixes Latin and " \
           "Cyrillic letters" in status.stdout
    po_line = catalog.read_text().split("\n").index('msgstr "Рlan"') + 1
    assert f"translations/07/sr/cross-border-table.po:{po_line}: 'Рlan'" in status.stdout
    build = run_magazine(project, "build", "-e", "en", "-f", "epub")
    assert "warning: issues/07/articles/sofia-seminar.md" in build.stdout


def test_serbian_catalogs_may_be_written_in_cyrillic(tmp_path):
    from magazine.languages import EDITIONS
    from magazine.sources.issue import load_issue
    from magazine.translation.segment import plain_text
    from magazine.typeset.compose import compose_edition
    project = make_project(tmp_path)
    catalog = project.translations / "07/sr/cross-border-table.po"
    catalog.write_text(catalog.read_text().replace('msgstr "Plan"', 'msgstr "План"'))
    issue = load_issue(project)
    for tag, expected in (("sr-Latn", "Plan"), ("sr-Cyrl", "План")):
        text = compose_edition(project, issue, EDITIONS[tag])
        [article] = [a for a in text.articles if a.slug == "cross-border-table"]
        headings = [b for b in article.blocks if b["t"] == "Header"]
        assert plain_text(headings[0]["c"][2]) == expected


def test_article_written_in_cyrillic_prints_latin_in_the_latin_edition(tmp_path):
    from magazine.languages import EDITIONS
    from magazine.sources.issue import load_issue
    from magazine.translation.segment import plain_text
    from magazine.typeset.compose import compose_edition
    project = make_project(tmp_path)
    article = project.issues / "07/articles/susret-u-nisu.md"
    article.write_text(to_cyrillic(article.read_text()))
    issue = load_issue(project)
    assert issue.articles[0].script == "Cyrl"
    for tag, title in (("sr-Latn", "Susret klastera u Nišu"),
                       ("sr-Cyrl", "Сусрет кластера у Нишу")):
        [composed, *_] = compose_edition(project, issue, EDITIONS[tag]).articles
        assert plain_text(composed.title) == title
        assert composed.author == ("Jelena Ilić" if tag == "sr-Latn" else "Јелена Илић")
