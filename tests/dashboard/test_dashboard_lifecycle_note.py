"""The model page shows the system's automatic approval in the reader's language (the note is
stored in English, as the API returns it); an administrator's own note is shown as written."""

from __future__ import annotations

import pytest

from app.layouts.model_lifecycle import approval_text
from app.models.lifecycle import SYSTEM
from app.services.lifecycle import AUTOMATIC_NOTE
from app.texts import t


def text_of(lines) -> str:
    return " ".join(str(line.children) for line in lines)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_systems_approval_note_is_in_the_readers_language(lang):
    approval = {"by": SYSTEM, "at": "2026-12-04T02:12:25+00:00", "note": AUTOMATIC_NOTE}
    shown = text_of(approval_text(approval | {"reference": None}, lang))
    assert t("lc_system_note", lang) in shown
    assert AUTOMATIC_NOTE not in shown


def test_an_administrators_note_is_shown_as_written():
    approval = {
        "by": "admin@bank.example",
        "at": "2026-12-04T02:12:25+00:00",
        "note": "Validé par le comité des risques",
        "reference": None,
    }
    assert "Validé par le comité des risques" in text_of(approval_text(approval, "en"))
