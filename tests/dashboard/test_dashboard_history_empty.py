"""A client with nothing in their history yet (never scored while the model was off, never
decided) reads a sentence saying so, not a table of headers alone."""

from __future__ import annotations

import pytest

from app.layouts.decision_history import history_table
from app.texts import t

EMPTY = {"decisions": [], "review_requests": [], "scores": [], "reviews": []}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_empty_history_says_so(lang):
    rows = history_table(EMPTY, lang).children[1].children
    assert len(rows) == 1
    (row,) = rows
    assert getattr(row, "data-kind") == "none"
    assert row.children.children == t("history_empty", lang)
    assert row.children.colSpan == 4


def test_a_history_with_events_has_no_empty_line():
    history = EMPTY | {
        "review_requests": [
            {"created_at": "2026-11-28T10:12:00+00:00", "recorded_by_email": "a@bank.example"}
        ]
    }
    rows = history_table(history, "fr").children[1].children
    assert [getattr(r, "data-kind") for r in rows] == ["review_request"]
