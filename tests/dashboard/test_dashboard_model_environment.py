"""The model page's environment card (issue 15 §1): the served version's training energy and
carbon from its metadata.json, how CodeCarbon obtained them, and everyday comparisons, in French
and in English; an honest sentence when there is no figure."""

from __future__ import annotations

import pytest
from dashboard_helpers import find, text_of

from app.callbacks.model import model_page
from app.i18n import format_number
from app.layouts.model_environment import environment_card
from app.texts import t

MEASURED = {
    "environment": {
        "training_kwh": 0.001,
        "training_g_co2e": 21.8,
        "method": "cpu_load_estimate",
        "country": "FRA",
        "seconds": 30.0,
    }
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_model_page_shows_the_served_versions_training_energy(acting, people, dash_app, lang):
    env = dash_app.extensions["model_service"].model.metadata["environment"]
    with acting(people["adviser"], lang):
        page = model_page(1)
    section = text_of(find(page, "model-environment"))
    assert t("env_title", lang) in section
    figures = text_of(find(page, "model-environment-figures"))
    assert "Wh" in figures and "CO2" in figures
    assert format_number(env["seconds"], lang) in figures
    method = text_of(find(page, "model-environment-method"))
    assert method == t(f"env_method_{env['method']}", lang)
    comparison = text_of(find(page, "model-environment-comparison"))
    assert ("LED" in comparison) and ("ADEME" in comparison)


@pytest.mark.parametrize(
    ("lang", "led", "car"),
    [("fr", "6 min", "100 m"), ("en", "6 min", "100 m")],
)
def test_the_comparisons_are_worked_out_from_the_figures(lang, led, car):
    # 1 Wh runs a 10 W bulb for 6 minutes; 21.8 g is 100 m at 218 g CO2e per km.
    card = environment_card(MEASURED, lang)
    comparison = text_of(find(card, "model-environment-comparison"))
    assert t("env_led", lang, watts=10, duration=led) in comparison
    assert t("env_car", lang, distance=car, factor=218) in comparison
    assert format_number(1, lang) + " Wh" in text_of(find(card, "model-environment-figures"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_training_codecarbon_could_not_measure_says_so(lang):
    meta = {
        "environment": {
            "training_kwh": None,
            "training_g_co2e": None,
            "method": "unavailable",
            "country": "FRA",
            "seconds": 12.0,
        }
    }
    card = environment_card(meta, lang)
    assert text_of(find(card, "model-environment-figures")) == t("env_unavailable", lang)
    assert find(card, "model-environment-comparison") is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_version_trained_before_the_measure_says_it_has_no_figure(lang):
    card = environment_card({"version": "old"}, lang)
    assert text_of(find(card, "model-environment-figures")) == t("env_missing", lang)
