"""The client notice (GDPR Arts 13-14) has one source, app/catalogues/fr/gdpr_notice.py: the
dashboard's GDPR page shows every section in the reader's language with the settings in force,
and docs/gdpr.md quotes the French text as the page shows it with the default settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dashboard_helpers import find, text_of

from app.catalogues.gdpr_notice import NOTICE_SECTIONS
from app.config import Config
from app.i18n import format_days
from app.layouts import gdpr
from app.texts import t

REGISTER = Path(__file__).resolve().parents[2] / "docs" / "gdpr.md"
# What each language must say in a section: the law's words a reader looks for.
REQUIRED = {
    "fr": {
        "controller": ["responsable du traitement", "délégué à la protection des données"],
        "basis": ["art. 6.1.b", "L. 312-16"],
        "data": ["vient de", "source accessible au public"],
        "logic": ["probabilité de défaut", "pas une décision automatique"],
        "rights": ["art. 15", "art. 16", "art. 17", "portabilité", "réexamine", "contester"],
        "complaint": ["CNIL", "www.cnil.fr/plaintes"],
    },
    "en": {
        "controller": ["controller", "data protection officer"],
        "basis": ["Art. 6.1.b", "L. 312-16"],
        "data": ["comes from", "publicly accessible source"],
        "logic": ["probability of default", "not an automated decision"],
        "rights": ["Art. 15", "Art. 16", "Art. 17", "portability", "review your file", "contest"],
        "complaint": ["CNIL", "www.cnil.fr/plaintes"],
    },
}


def flat(text: str) -> str:
    """Whitespace (no-break and narrow spaces included) as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_gdpr_page_shows_every_section_of_the_notice_with_the_settings_in_force(make_app, lang):
    app = make_app(
        RETENTION_CLIENT_DAYS=400,
        RETENTION_OUTCOME_DAYS=730,
        STALE_AFTER_DAYS=90,
        DPO_CONTACT="dpo@example.test",
    )
    with app.app_context(), app.test_request_context("/gdpr"):
        page = gdpr.layout(lang, None, {})
    notice = find(page, "gdpr-notice")
    assert notice is not None and notice.lang == lang
    shown = flat(text_of(notice))
    assert flat(t("notice_heading", lang)) in shown
    for section in NOTICE_SECTIONS:
        assert flat(t(f"notice_{section}_title", lang)) in shown, section
        paragraph = flat(text_of(find(notice, f"gdpr-notice-{section}")))
        assert "{" not in paragraph, section  # every placeholder filled
        for words in REQUIRED[lang].get(section, []):
            assert words in paragraph, (section, words)
    retention = flat(text_of(find(notice, "gdpr-notice-retention")))
    assert flat(format_days(400, lang)) in retention and flat(format_days(730, lang)) in retention
    assert "90" in retention
    for section in ("controller", "rights"):
        assert "dpo@example.test" in text_of(find(notice, f"gdpr-notice-{section}"))


def test_the_register_quotes_the_notice_as_the_page_shows_it_by_default():
    register = flat(REGISTER.read_text(encoding="utf-8"))
    defaults = {name: getattr(Config, name) for name in dir(Config) if name.isupper()}
    for section, title, text in gdpr.notice_sections(defaults, "fr"):
        assert flat(title) in register, section
        assert flat(text) in register, f"docs/gdpr.md does not quote the notice's {section!r}"
