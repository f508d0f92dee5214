"""Every fact about the magazine's three languages and four editions, in one place: their
tags (BCP 47, gettext, hyphenation), quotation marks, plural forms, month names, and the
words the editions and the review copies print. Adding a language is this file and its
tests."""

from dataclasses import dataclass

from magazine.errors import EditionError
from magazine.model import Edition
from magazine.serbian.transliterate import to_cyrillic


@dataclass(frozen=True)
class Language:
    """A language the magazine is written and translated in."""

    code: str                   # ISO 639-1, as in front matter (lang:) and translations/<lang>/
    name: str                   # in English, for catalog headers
    gettext: str                # a catalog header's Language:
    plural_forms: str           # a catalog header's Plural-Forms:
    scripts: tuple[str, ...]    # the scripts its text may be written in (ISO 15924)
    quotes: tuple[str, str, str, str]   # double open, double close, single open, single close
    months: tuple[str, ...]
    # how a date's words start, in any inflection (oktobra, октомври): a day or a year is kept
    # on the line of its month, a year with the word for year (regular expressions)
    month_starts: tuple[str, ...]
    year_words: tuple[str, ...]
    # one-letter words the print keeps on the line of the word after them
    short_words: tuple[str, ...]
    review_columns: tuple[str, str]     # the bilingual review copy's heads: source, translation
    review_guide: str


_LANGUAGES = (
    Language("sr", "Serbian (Latin script)", "sr@latin",
             "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
             "(n%100<10 || n%100>=20) ? 1 : 2);",
             ("Latn", "Cyrl"), ("„", "“", "‚", "‘"),
             tuple("januar februar mart april maj jun jul avgust septembar oktobar novembar "
                   "decembar".split()),
             tuple("jan feb mart apr maj jun jul avg sep okt nov dec".split()),
             (r"godin\w*", r"god\."),
             tuple("a i o s u k A I O S U K".split()),
             ("Izvor", "Prevod"),
             "Ispravljajte samo desnu kolonu. Žuto: prevod čeka proveru; crveno: nije preveden."),
    Language("bg", "Bulgarian", "bg", "nplurals=2; plural=(n != 1);",
             ("Cyrl",), ("„", "“", "‚", "‘"),
             tuple("януари февруари март април май юни юли август септември октомври ноември "
                   "декември".split()),
             tuple("яну фев мар апр май юни юли авг сеп окт ное дек".split()),
             (r"г\.",),
             tuple("а в и о с у к А В И О С У К".split()),
             ("Източник", "Превод"),
             "Поправяйте само дясната колона. Жълто: преводът чака проверка; червено: не е "
             "преведен."),
    Language("en", "English", "en", "nplurals=2; plural=(n != 1);",
             ("Latn",), ("“", "”", "‘", "’"),
             tuple("January February March April May June July August September October "
                   "November December".split()),
             tuple("january february march april may june july august september october "
                   "november december".split()),
             (),
             ("a", "A", "I"),
             ("Source", "Translation"),
             "Correct the right-hand column only. Amber: the translation awaits checking; red: "
             "not translated yet."),
)
LANGUAGE = {language.code: language for language in _LANGUAGES}
LANGUAGES = tuple(LANGUAGE)             # ("sr", "bg", "en"): the order of every table

# The editions: Serbian is printed in both scripts (sr-Cyrl transliterated from the Serbian
# text); English hyphenates as British English, which the magazine spells.
EDITIONS = {
    "sr-Latn": Edition("sr-Latn", "sr", "Latn", "Srpski (latinica)", "sr-Latn"),
    "sr-Cyrl": Edition("sr-Cyrl", "sr", "Cyrl", "Српски (ћирилица)", "sr-Cyrl"),
    "bg": Edition("bg", "bg", "Cyrl", "Български", "bg"),
    "en": Edition("en", "en", "Latn", "English", "en-GB"),
}

# Serbian words are written once, in Latin (here and above); the Cyrillic edition
# transliterates them.
_WORDS = {
    "contents": {"sr": "Sadržaj", "bg": "Съдържание", "en": "Contents"},
    "accessibility": {
        "sr": "Tekst sa strukturom naslova, sadržajem i opisom svake slike; fusnote se "
              "otvaraju kao napomene.",
        "bg": "Текст със структура от заглавия, съдържание и описание на всяко изображение; "
              "бележките под линия се отварят като изскачащи бележки.",
        "en": "Text with a heading structure, a table of contents and a description of every "
              "image; footnotes open as pop-up notes."},
    "print-pdf": {"sr": "PDF za štampu", "bg": "PDF за печат", "en": "PDF for print"},
    "screen-pdf": {"sr": "PDF za ekran", "bg": "PDF за екран", "en": "PDF for screens"},
    "ebook": {"sr": "Elektronska knjiga (EPUB)", "bg": "Електронна книга (EPUB)",
              "en": "E-book (EPUB)"},
    "issue": {"sr": "Broj", "bg": "Брой", "en": "Issue"},
    "draft": {"sr": "NACRT", "bg": "ЧЕРНОВА", "en": "DRAFT"},
    "impressum": {"sr": "Impresum", "bg": "Импресум", "en": "Imprint"},
    "publisher": {"sr": "Izdavač", "bg": "Издател", "en": "Publisher"},
    "publisher-name": {"sr": "Projekat Balkanski klaster", "bg": "Проектът „Балкански клъстер“",
                       "en": "The Balkan Cluster project"},
    "partners": {"sr": "Partneri", "bg": "Партньори", "en": "Partners"},
    "partner-names": {
        "sr": "Kuća klastera, Niš (Srbija); Fondacija za razvoj preduzetništva, Sofija "
              "(Bugarska)",
        "bg": "Къщата на клъстерите, Ниш (Сърбия); Фондация за развитие на "
              "предприемачеството, София (България)",
        "en": "Cluster House, Niš (Serbia); Foundation for Enterprise Development, Sofia "
              "(Bulgaria)",
    },
    "editions": {"sr": "Izdanja", "bg": "Издания", "en": "Editions"},
    "edition-names": {
        "sr": "srpski (latinica i ćirilica), bugarski, engleski",
        "bg": "сръбски (на латиница и на кирилица), български, английски",
        "en": "Serbian (Latin and Cyrillic script), Bulgarian, English",
    },
    "funded": {"sr": "Finansiranje", "bg": "Финансиране", "en": "Funding"},
    "beneficiary": {"sr": "Korisnik", "bg": "Бенефициент", "en": "Beneficiary"},
    "eu-emblem": {"sr": "Zastava Evropske unije", "bg": "Знамето на Европейския съюз",
                  "en": "Flag of the European Union"},
    "keywords": {"sr": "klasteri, prekogranična saradnja, Srbija, Bugarska, IPA",
                 "bg": "клъстери, трансгранично сътрудничество, Сърбия, България, ИПП",
                 "en": "clusters, cross-border cooperation, Serbia, Bulgaria, IPA"},
    "tagline": {
        "sr": "Magazin projekta Balkanski klaster",
        "bg": "Списание на проекта „Балкански клъстер“",
        "en": "The magazine of the Balkan Cluster project",
    },
}


def select_editions(tags) -> list[Edition]:
    """Return the editions named, in the order given; all four when none is named."""
    if not tags:
        return list(EDITIONS.values())
    unknown = [t for t in tags if t not in EDITIONS]
    if unknown:
        raise EditionError(
            f"unknown edition {unknown[0]!r}; choose from {', '.join(EDITIONS)}", "command line")
    return [EDITIONS[t] for t in dict.fromkeys(tags)]


def in_script(edition: Edition, text: str) -> str:
    """Put Serbian Latin text into the edition's script; other languages pass through."""
    if edition.language == "sr" and edition.script == "Cyrl":
        return to_cyrillic(text)
    return text


def in_every_script(language: str, text: str) -> str:
    """Return a regular expression matching the text in every script the language is
    written in (Serbian: the Latin text and its Cyrillic)."""
    forms = [in_script(e, text) for e in EDITIONS.values() if e.language == language]
    return "|".join(dict.fromkeys(forms))


def word(edition: Edition, key: str) -> str:
    """Return an interface word in the edition's language and script."""
    return in_script(edition, _WORDS[key][edition.language])


def month_year(edition: Edition, day) -> str:
    """Return 'oktobar 2026' in the edition's language and script."""
    month = LANGUAGE[edition.language].months[day.month - 1]
    return in_script(edition, f"{month} {day.year}")


def source_tag(language: str, script: str) -> str:
    """Return the BCP 47 tag of text in a language and script: the edition's that prints it."""
    return next(e.tag for e in EDITIONS.values()
                if e.language == language and e.script == script)


def edition_named(name: str) -> Edition:
    """Return the edition a tag names; a language code alone names its first edition (sr:
    Serbian Latin)."""
    edition = EDITIONS.get(name) or next(
        (e for e in EDITIONS.values() if e.language == name), None)
    if edition is None:
        names = [n for code in LANGUAGES for n in dict.fromkeys(
            [code, *(e.tag for e in EDITIONS.values() if e.language == code)])]
        raise EditionError(f"unknown language {name!r}; choose {', '.join(names[:-1])} or "
                           f"{names[-1]}", "command line")
    return edition
