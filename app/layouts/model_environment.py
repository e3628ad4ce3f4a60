"""The model page's environment card (issue 15 §1): the energy and carbon of the version's
training, as modelling/energy.py measured them into metadata.json, how they were obtained, and
what they amount to in everyday terms. A pure function of the metadata."""

from __future__ import annotations

import math

from dash import html

from app.i18n import format_number
from app.layouts.common import card
from app.texts import t

LED_WATTS = 10  # an ordinary LED bulb
# An average petrol or diesel car in France, per km, life cycle included: ADEME's Impact CO2
# comparator ("voiture thermique"); the source and its date are in docs/impact.md.
CAR_G_CO2E_PER_KM = 218
KNOWN_METHODS = ("rapl", "cpu_load_estimate", "tdp_constant_estimate")


def significant(value: float, lang: str, digits: int = 2) -> str:
    """A small figure with `digits` significant digits (0,000 42; 1,3; 250) in the reader's
    language."""
    if value == 0:
        return format_number(0, lang)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    while decimals > 0 and round(value, decimals - 1) == round(value, decimals):
        decimals -= 1  # 6 min, not 6,0 min
    return format_number(round(value, decimals), lang, decimals)


def led_duration(kwh: float, lang: str) -> str:
    """How long a LED bulb of LED_WATTS runs on this energy."""
    seconds = kwh * 1000 / LED_WATTS * 3600
    if seconds < 60:
        return t("env_seconds", lang, n=significant(seconds, lang))
    if seconds < 2 * 3600:
        return t("env_minutes", lang, n=significant(seconds / 60, lang))
    return t("env_hours", lang, n=significant(seconds / 3600, lang))


def car_distance(g_co2e: float, lang: str) -> str:
    """The distance over which an average car emits as much."""
    metres = g_co2e / CAR_G_CO2E_PER_KM * 1000
    if metres < 1:
        return t("env_cm", lang, n=significant(metres * 100, lang))
    if metres < 1000:
        return t("env_m", lang, n=significant(metres, lang))
    return t("env_km", lang, n=significant(metres / 1000, lang))


def method_sentence(method: str, lang: str) -> str:
    if method in KNOWN_METHODS:
        return t(f"env_method_{method}", lang)
    return t("env_method_other", lang, method=method)


def environment_body(meta: dict, lang: str) -> list:
    env = meta.get("environment")
    if not env:
        return [html.P(t("env_missing", lang), id="model-environment-figures")]
    if env.get("training_kwh") is None:
        return [html.P(t("env_unavailable", lang), id="model-environment-figures")]
    kwh, grams = env["training_kwh"], env["training_g_co2e"]
    figures = t(
        "env_figures",
        lang,
        wh=significant(kwh * 1000, lang),
        g=significant(grams, lang),
        seconds=format_number(env.get("seconds") or 0, lang),
    )
    return [
        html.P(figures, id="model-environment-figures"),
        html.Ul(
            [
                html.Li(t("env_led", lang, watts=LED_WATTS, duration=led_duration(kwh, lang))),
                html.Li(
                    t(
                        "env_car",
                        lang,
                        distance=car_distance(grams, lang),
                        factor=CAR_G_CO2E_PER_KM,
                    )
                ),
            ],
            id="model-environment-comparison",
            className="small",
        ),
        html.P(
            method_sentence(env["method"], lang),
            className="small text-secondary",
            id="model-environment-method",
        ),
    ]


def environment_card(meta: dict, lang: str):
    body = [*environment_body(meta, lang), html.P(t("env_more", lang), className="small")]
    return card(t("env_title", lang), body, "model-environment", "bi-lightning-charge")
