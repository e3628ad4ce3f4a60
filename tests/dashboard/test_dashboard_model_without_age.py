"""The model page shows the served model next to the same model trained without age (issue 15
§2), in French and English, from the version's metadata; an older version says it has none."""

from __future__ import annotations

import copy

import pytest
from dashboard_helpers import find, text_of

from app.callbacks.model import model_page
from app.i18n import format_number
from app.layouts.common import percent
from app.layouts.model import content
from app.texts import t


def served_metadata(dash_app) -> dict:
    model = dash_app.extensions["model_service"].model
    return model.metadata | {"version": model.version}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_model_page_compares_the_served_model_with_the_one_without_age(
    acting, people, dash_app, lang
):
    with acting(people["adviser"], lang):
        page = model_page(1)
    meta = served_metadata(dash_app)
    other = meta["without_age"]
    overall = text_of(find(page, "model-without-age-overall"))
    for value in (meta["holdout"]["metrics"]["auc"], other["holdout"]["auc"]):
        assert format_number(value, lang, 4) in overall
    assert t("wa_with", lang) in overall and t("wa_without", lang) in overall
    bands = find(page, "model-without-age-bands")
    for row in other["fairness"]:
        if not row["suppressed"]:
            assert percent(row["favourable_rate"], lang) in text_of(bands), row["band"]
    assert t("wa_choice", lang) in text_of(find(page, "model-without-age"))


def test_a_version_trained_before_the_comparison_says_so(dash_app):
    meta = copy.deepcopy(served_metadata(dash_app))
    del meta["without_age"]
    card = find(content(meta, "fr"), "model-without-age")
    assert text_of(card).strip().endswith(t("wa_missing", "fr"))
    assert find(card, "model-without-age-overall") is None
