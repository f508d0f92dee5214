"""Serbian Latin <-> Cyrillic for ordinary text, and over a pandoc AST."""

import re
import unicodedata

from .tree import map_nodes

_LAT_TO_CYR_PAIRS = {
    "lj": "љ", "nj": "њ", "dž": "џ",
    "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ", "e": "е",
    "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м",
    "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у",
    "v": "в", "z": "з", "ž": "ж",
}
_CYR_TO_LAT = {cyr: lat for lat, cyr in _LAT_TO_CYR_PAIRS.items()}
_LATIN_TOKEN = re.compile(r"dž|lj|nj|[a-zčćđšž]", re.IGNORECASE)
_CYRILLIC_LETTER = re.compile(r"[љњџабцчћдђефгхијклмнопрсштувзж]", re.IGNORECASE)
_PROTECTED = re.compile(r"[a-z][a-z0-9+.-]*://[^\s)\]>]+|www\.[^\s)\]>]+|[\w.+-]+@[\w-]+\.[\w.-]+",
                        re.IGNORECASE)


def to_cyrillic(text: str) -> str:
    """Transliterate Serbian Latin text to Cyrillic, keeping each letter's case."""
    text = unicodedata.normalize("NFC", text)
    return _LATIN_TOKEN.sub(_latin_to_cyrillic, text)


def to_latin(text: str) -> str:
    """Transliterate Serbian Cyrillic text to Latin; Љ becomes LJ inside an all-capital word."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\w+", _word_to_latin, text)


def _latin_to_cyrillic(match: re.Match) -> str:
    token = match.group(0)
    cyr = _LAT_TO_CYR_PAIRS[token.lower()]
    return cyr.upper() if token[0].isupper() else cyr


def _word_to_latin(match: re.Match) -> str:
    word = match.group(0)
    all_caps = word.isupper() and len(word) > 1
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
    """Apply `convert` to the words of an AST (list or dict), leaving code, URLs, passages
    marked with another language and {.notranslate} passages alone."""
    def visit(item):
        kind = item["t"]
        if kind == "Str":
            return {"t": "Str", "c": _convert_outside_addresses(item["c"], convert)}
        if kind in ("Code", "CodeBlock", "RawInline", "RawBlock", "Math"):
            return item
        if kind in ("Span", "Div") and (_foreign_lang(item["c"][0])
                                        or "notranslate" in item["c"][0][1]):
            return item
        if kind in ("Link", "Image"):
            attr, inlines, target = item["c"]
            return {"t": kind, "c": [attr, map_nodes(inlines, visit), target]}
        return None
    return map_nodes(node, visit)


def _convert_outside_addresses(text: str, convert) -> str:
    """Convert a word, leaving any URL or e-mail address inside it as it is."""
    out, last = [], 0
    for match in _PROTECTED.finditer(text):
        out += [convert(text[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(out + [convert(text[last:])])


def _foreign_lang(attr) -> bool:
    lang = dict(attr[2]).get("lang")
    return lang is not None and not lang.lower().startswith("sr")


def looks_cyrillic(text: str) -> bool:
    """Tell whether a text is written mostly in Cyrillic letters."""
    cyr = len(_CYRILLIC_LETTER.findall(text))
    lat = len(re.findall(r"[a-zčćđšž]", text, re.IGNORECASE))
    return cyr > lat
