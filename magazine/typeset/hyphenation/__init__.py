"""The hyphenation dictionaries the magazine ships, and how pyphen (and so WeasyPrint's
`hyphens: auto`) is made to use them instead of the ones pyphen comes with."""

from pathlib import Path

HERE = Path(__file__).resolve().parent

# language tag -> our dictionary (README.md beside this file says where each comes from)
DICTIONARIES = {"bg": HERE / "hyph_bg.dic"}


def use_shipped_dictionaries() -> None:
    """Point pyphen's entries for our languages (bg, bg_BG, ...) at our dictionaries."""
    import pyphen  # type: ignore[import-untyped]
    for tag, path in DICTIONARIES.items():
        names = [name for name in pyphen.LANGUAGES
                 if name == tag or name.startswith(f"{tag}_")] or [tag]
        for name in names:
            pyphen.LANGUAGES[name] = path
            pyphen.LANGUAGES_LOWERCASE[name.lower()] = name


def hyphenation_points(word: str, lang: str, left: int, right: int) -> list[int]:
    """Return where `word` may be hyphenated, as WeasyPrint's `hyphens: auto` would find
    the places: pyphen's dictionary for the language (ours where we ship one)."""
    key = (lang, left, right)
    if key not in _DICTIONARIES:
        import pyphen
        use_shipped_dictionaries()
        name = pyphen.language_fallback(lang)
        _DICTIONARIES[key] = pyphen.Pyphen(lang=name, left=left, right=right) if name else None
    dictionary = _DICTIONARIES[key]
    return list(dictionary.positions(word)) if dictionary else []


_DICTIONARIES: dict = {}
