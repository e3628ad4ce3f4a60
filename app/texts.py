"""The dashboard's words, one catalogue per language (keys are English), and their lookup.

A language is a package, app/catalogues/fr or app/catalogues/en, whose modules are the parts of
the product; each part holds one dict, TEXTS, and exists in both languages. A language's
catalogue is the union of its parts, and a key defined by two parts is refused at import, so
parts written side by side never overwrite each other's words. tests/dashboard/
test_dashboard_texts.py checks that both languages have the same parts, keys and placeholders.
The API's sentences (reasons, counterfactuals) and the number formatting are in app/i18n.py.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def parts_of(package: str) -> list[str]:
    """The parts (module names) of a language package, sorted."""
    return sorted(
        info.name for info in pkgutil.iter_modules(importlib.import_module(package).__path__)
    )


def load_catalogue(package: str) -> dict[str, str]:
    """The words of every part of a language package; a key defined twice is a programming
    error, named with the parts that define it."""
    words: dict[str, str] = {}
    part_of: dict[str, str] = {}
    for part in parts_of(package):
        texts = importlib.import_module(f"{package}.{part}").TEXTS
        clash = sorted(texts.keys() & words.keys())
        if clash:
            earlier = sorted({part_of[key] for key in clash})
            raise RuntimeError(f"{package}.{part} redefines {clash}, already in {earlier}")
        words.update(texts)
        part_of.update(dict.fromkeys(texts, part))
    return words


TEXTS: dict[str, dict[str, str]] = {
    lang: load_catalogue(f"app.catalogues.{lang}") for lang in LANGUAGES
}
FR = TEXTS["fr"]
EN = TEXTS["en"]


def page_texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])


def t(key: str, lang: str, **values) -> str:
    text = page_texts(lang).get(key) or TEXTS[DEFAULT_LANGUAGE][key]
    return text.format(**values) if values else text
