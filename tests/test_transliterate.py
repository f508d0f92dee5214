"""Serbian Latin and Cyrillic for ordinary text."""

from magazine.transliterate import convert_ast, to_cyrillic, to_latin


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
