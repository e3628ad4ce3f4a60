"""One catalogue per language, same parts, same keys, same placeholders, numbers in the reader's
format; a key defined twice is refused."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.i18n import format_days, format_number, format_value, format_with_unit
from app.layouts.common import date_text, percent
from app.texts import EN, FR, LANGUAGES, load_catalogue, parts_of

APP = Path(__file__).resolve().parents[2] / "app"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_french_and_english_have_the_same_keys_and_placeholders():
    assert set(FR) == set(EN)
    for key in FR:
        assert placeholders(FR[key]) == placeholders(EN[key]), key


def test_every_part_exists_in_both_languages():
    fr, en = parts_of("app.catalogues.fr"), parts_of("app.catalogues.en")
    assert fr, "no part found"
    assert fr == en


def test_no_part_defines_a_key_twice():
    """Python keeps the last of two equal keys in a dict literal: the first would be lost."""
    for lang in LANGUAGES:
        for path in sorted((APP / "catalogues" / lang).glob("[!_]*.py")):
            tree = ast.parse(path.read_text())
            dicts = [node for node in ast.walk(tree) if isinstance(node, ast.Dict)]
            assert len(dicts) == 1, path
            keys = [ast.literal_eval(key) for key in dicts[0].keys]
            assert sorted({k for k in keys if keys.count(k) > 1}) == [], path


def test_a_key_defined_by_two_parts_is_refused(tmp_path, monkeypatch):
    package = tmp_path / "clashing_words"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text('TEXTS = {"title": "Titre", "only_first": "Un"}\n')
    (package / "second.py").write_text('TEXTS = {"title": "Autre titre"}\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(
        RuntimeError, match=r"clashing_words\.second redefines \['title'\], already in \['first'\]"
    ):
        load_catalogue("clashing_words")


def test_every_key_the_dashboard_asks_for_exists():
    used = set()
    for path in [*APP.glob("layouts/*.py"), *APP.glob("callbacks/*.py")]:
        used |= set(re.findall(r"\bt\(\"(\w+)\"", path.read_text()))
    assert used, "no t(...) call found"
    assert used - set(FR) == set()


@pytest.mark.parametrize(
    ("shown", "fr", "en"),
    [
        (
            lambda lang: format_number(1234567.891, lang, 2),
            "1\u202f234\u202f567,89",
            "1,234,567.89",
        ),
        # CLDR: a no-break space before € and %, the month spelt in English dates.
        (lambda lang: format_value("income", 38000.0, lang), "38\u202f000\xa0€", "€38,000"),
        (lambda lang: format_value("seniority", 6.5, lang), "6,5 ans", "6.5 years"),
        (
            lambda lang: format_value("incidents", 1, lang),
            "1 incident de paiement",
            "1 payment incident",
        ),
        (lambda lang: format_with_unit("age", 42, lang), "42 ans", "42 years"),
        (lambda lang: format_with_unit("credit_score", 640, lang), "640 points", "640 points"),
        (lambda lang: percent(0.0794, lang), "7,9\xa0%", "7.9%"),
        (lambda lang: date_text("2026-03-31T10:00:00+00:00", lang), "31/03/2026", "31 Mar 2026"),
        (
            lambda lang: format_days(1095, lang),
            "1\u202f095\xa0jours (3 ans)",
            "1,095 days (3 years)",
        ),
        (
            lambda lang: format_value("incidents", 0, lang),
            "0 incident de paiement",  # CLDR: French counts 0 in the singular
            "0 payment incidents",
        ),
    ],
)
def test_numbers_euros_and_dates_per_language(shown, fr, en):
    assert (shown("fr"), shown("en")) == (fr, en)
