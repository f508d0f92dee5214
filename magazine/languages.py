"""The four editions, the three formats, and the few interface words each edition prints."""

from magazine.errors import EditionError
from magazine.model import Edition
from magazine.serbian.transliterate import to_cyrillic

EDITIONS = {
    "sr-Latn": Edition("sr-Latn", "sr", "Latn", "Srpski (latinica)"),
    "sr-Cyrl": Edition("sr-Cyrl", "sr", "Cyrl", "Српски (ћирилица)"),
    "bg": Edition("bg", "bg", "Cyrl", "Български"),
    "en": Edition("en", "en", "Latn", "English"),
}
FORMATS = ("print", "screen", "epub")
LANGUAGES = ("sr", "bg", "en")

# Serbian words are written once, in Latin; the Cyrillic edition transliterates them.
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
    "disclaimer": {
        "sr": "Ova publikacija je izrađena uz pomoć Evropske unije. Za njen sadržaj odgovorni su "
              "isključivo autori i ona ni na koji način ne odražava stavove Evropske unije.",
        "bg": "Тази публикация е създадена с помощта на Европейския съюз. Отговорността за "
              "съдържанието ѝ се носи изцяло от авторите и по никакъв начин не може да се "
              "приема, че тя отразява възгледите на Европейския съюз.",
        "en": "This publication has been produced with the assistance of the European Union. "
              "Its contents are the sole responsibility of the authors and can in no way be "
              "taken to reflect the views of the European Union.",
    },
    "keywords": {"sr": "klasteri, prekogranična saradnja, Srbija, Bugarska, IPA",
                 "bg": "клъстери, трансгранично сътрудничество, Сърбия, България, ИПП",
                 "en": "clusters, cross-border cooperation, Serbia, Bulgaria, IPA"},
    "tagline": {
        "sr": "Magazin projekta Balkanski klaster",
        "bg": "Списание на проекта „Балкански клъстер“",
        "en": "The magazine of the Balkan Cluster project",
    },
    "funding": {
        "sr": "Projekat sufinansira Evropska unija kroz IPA program prekogranične saradnje.",
        "bg": "Проектът се съфинансира от Европейския съюз по програмата за трансгранично сътрудничество ИПП.",
        "en": "The project is co-financed by the European Union through the IPA cross-border programme.",
    },
}
_MONTHS = {
    "sr": "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "en": "January February March April May June July August September October November December",
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


def select_formats(names) -> list[str]:
    """Return the formats named; all three when none is named."""
    if not names:
        return list(FORMATS)
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise EditionError(
            f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}", "command line")
    return [n for n in FORMATS if n in names]


def in_script(edition: Edition, text: str) -> str:
    """Put Serbian Latin text into the edition's script; other languages pass through."""
    if edition.language == "sr" and edition.script == "Cyrl":
        return to_cyrillic(text)
    return text


def word(edition: Edition, key: str) -> str:
    """Return an interface word in the edition's language and script."""
    return in_script(edition, _WORDS[key][edition.language])


def month_year(edition: Edition, day) -> str:
    """Return 'oktobar 2026' in the edition's language and script."""
    month = _MONTHS[edition.language].split()[day.month - 1]
    return in_script(edition, f"{month} {day.year}")
