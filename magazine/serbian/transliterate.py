"""Serbian Latin <-> Cyrillic, exactly: for text, for Markdown, and over a pandoc AST.

What is never converted (the protection rules, all here):
1. Markdown code (fenced blocks and `inline code`), link and image targets `](...)`,
   attribute blocks `{...}`, HTML tags and autolinks `<...>`.
2. A `[span]{lang=xx}` of another language and a `[span]{.notranslate}` (in the AST: any
   Span or Div with another `lang` or marked `{.notranslate}`).
3. URLs (scheme:// or www.) and e-mail addresses, also inside a word.
4. In a front matter (between the first two `---` lines): the keys and the value of `lang:`.
5. Words and phrases of the keep_latin list in serbian-script.yaml (names, brands).
6. Roman numerals of two or more capitals (XXI vek -> XXI век), except the words listed
   under not_numerals in serbian-script.yaml (MI, VI: "we", "you").
7. Words with q, w, x or y, which Serbian does not use: they are foreign (Word, Excel).
The words lj, nj and dž hold one letter, except where serbian-script.yaml says they are two.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from magazine.pandoc import ast
from magazine.pandoc.ast import map_nodes

DATA = Path(__file__).with_name("serbian-script.yaml")

_LETTERS = {
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е",
    "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у",
    "v": "в", "z": "з", "ž": "ж",
}
_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
_CYR_TO_LAT = {cyr: lat for lat, cyr in {**_LETTERS, **_DIGRAPHS}.items()}
_LIGATURES = {"Ǆ": "DŽ", "ǅ": "Dž", "ǆ": "dž", "Ǉ": "LJ", "ǈ": "Lj", "ǉ": "lj",
              "Ǌ": "NJ", "ǋ": "Nj", "ǌ": "nj"}
_LATIN_TOKEN = re.compile(r"dž|lj|nj|[a-zčćđšž]", re.IGNORECASE)
_CYRILLIC_LETTER = re.compile(r"[љњџабцчћдђефгхијклмнопрсштувзж]", re.IGNORECASE)
_ROMAN = re.compile(r"(?=[MDCLXVI]{2,}\b)M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_FOREIGN = re.compile(r"[qwxy]", re.IGNORECASE)
_ADDRESS = (r"[A-Za-z][A-Za-z0-9+.-]*://[^\s)\]>]+|[Ww]{3}\.[^\s)\]>]+"
            r"|[\w.+-]+@[\w-]+\.[\w.-]*\w")
_MARKDOWN = (r"^```.*?^```[^\n]*$|`[^`\n]*`|\]\([^)\n]*\)|<[^>\n]+>"
             r"|\[[^\]\n]*\]\{[^}\n]*(?:\blang=(?!\"?sr)|\.notranslate\b)[^}\n]*\}"
             r"|\{[^}\n]*\}")
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)(---|\.\.\.)\n", re.DOTALL)
_FRONT_LINE = re.compile(r"^([\w-]+:)(.*)$", re.MULTILINE)


@lru_cache(maxsize=4)
def _rules(path: Path, stamp: float) -> tuple:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    stems = {}
    for entry in data.get("two_letters") or ():
        stem = entry["stem"].lower()
        stems[stem.replace("|", "")] = stem.index("|")
    for entry in data.get("one_letter") or ():
        stems[entry["stem"].lower()] = None
    words = sorted((entry["word"] for entry in data.get("keep_latin") or ()), key=len,
                   reverse=True)
    keep = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words)) if words \
        else None
    protected = re.compile("|".join(p for p in (_MARKDOWN, _ADDRESS, keep and keep.pattern)
                                    if p), re.MULTILINE | re.DOTALL)
    not_numerals = frozenset(data.get("not_numerals") or ())
    return stems, protected, not_numerals


def rules() -> tuple:
    """Return the digraph stems, the protection pattern and the capital words that are not
    Roman numerals (reloaded when the data file changes)."""
    return _rules(DATA, DATA.stat().st_mtime)


def to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin text (or Markdown) to Cyrillic, keeping each word's case
    pattern and everything the protection rules name."""
    text = unicodedata.normalize("NFC", text)
    return _outside_protected(text, lambda part: re.sub(r"\w+", _word_to_cyrillic, part))


def to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic text (or Markdown) to Latin; Љ, Њ, Џ become Lj, Nj, Dž
    in a capitalised word and LJ, NJ, DŽ in an all-capital one."""
    text = unicodedata.normalize("NFC", text)
    return _outside_protected(text, lambda part: re.sub(r"\w+", _word_to_latin, part))


def _outside_protected(text: str, convert) -> str:
    front = _FRONT_MATTER.match(text)
    if front:
        def field(line: re.Match) -> str:
            key, value = line.group(1), line.group(2)
            return key + (value if key == "lang:" else _outside_protected(value, convert))
        head = _FRONT_LINE.sub(field, front.group(1))
        return f"---\n{head}{front.group(2)}\n" + _outside_protected(text[front.end():], convert)
    _, protected, _ = rules()
    out, last = [], 0
    for match in protected.finditer(text):
        if match.start() >= last:
            out += [convert(text[last:match.start()]), match.group(0)]
            last = match.end()
    return "".join(out + [convert(text[last:])])


def _word_to_cyrillic(match: re.Match) -> str:
    word = "".join(_LIGATURES.get(ch, ch) for ch in match.group(0))
    if _FOREIGN.search(word) or (_ROMAN.fullmatch(word) and word not in rules()[2]):
        return word
    split = _split_at(word.lower())
    out, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair.lower() in _DIGRAPHS and i + 1 != split:
            cyr = _DIGRAPHS[pair.lower()]
            out.append(cyr.upper() if pair[0].isupper() else cyr)
            i += 2
            continue
        letter = _LETTERS.get(word[i].lower())
        out.append(word[i] if letter is None else letter.upper() if word[i].isupper() else letter)
        i += 1
    return "".join(out)


def _split_at(word: str) -> int | None:
    """Return where a digraph-looking pair is two letters (the index of its second letter),
    by the longest start of the word listed in serbian-script.yaml."""
    stems = rules()[0]
    matches = [stem for stem in stems if word.startswith(stem)]
    if not matches:
        return None
    return stems[max(matches, key=len)]


def _word_to_latin(match: re.Match) -> str:
    word = match.group(0)
    letters = [ch for ch in word if ch.isalpha()]
    all_caps = len(letters) > 1 and all(ch.isupper() for ch in letters)
    out = []
    for ch in word:
        lat = _CYR_TO_LAT.get(ch.lower())
        if lat is None:
            out.append(ch)
        elif ch.isupper():
            out.append(lat.upper() if all_caps else lat.capitalize())
        else:
            out.append(lat)
    return "".join(out)


def convert_ast(node, convert):
    """Apply `convert` to the words of an AST (list or dict), leaving code, link targets,
    passages marked with another language and {.notranslate} passages alone."""
    def visit(item):
        kind = item["t"]
        if kind == "Str":
            return ast.Str(convert(ast.text(item)))
        if kind in ("Code", "CodeBlock", "RawInline", "RawBlock", "Math"):
            return item
        if kind in ("Span", "Div") and (_foreign_lang(item) or "notranslate" in ast.classes(item)):
            return item
        if kind in ("Link", "Image"):                   # the words, not the address
            return ast.with_content(item, map_nodes(ast.content(item), visit))
        return None
    return map_nodes(node, visit)


def _foreign_lang(node) -> bool:
    lang = ast.attributes(node).get("lang")
    return lang is not None and not lang.lower().startswith("sr")


def looks_cyrillic(text: str) -> bool:
    """Tell whether a text is written mostly in Cyrillic letters."""
    cyr = len(_CYRILLIC_LETTER.findall(text))
    lat = len(re.findall(r"[a-zčćđšž]", text, re.IGNORECASE))
    return cyr > lat
