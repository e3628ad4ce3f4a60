"""The simulator as plain callback functions: the schema's rules in the reader's words, numbers
as a French or English reader types them, the slider following the field, a cleared result
while a field is invalid, the reset to the client's values and the stale-data warning."""

from __future__ import annotations

import pytest
from dash import no_update
from dashboard_helpers import GOOD, in_callback, text_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.callbacks.simulator import RESULT_OUTPUTS, follow, prefill, simulate, sync_handler
from app.feature_text import (
    NotANumber,
    input_text,
    parse_number,
    range_message,
    read_features,
)
from app.layouts.simulator import DEFAULTS, slider_top
from app.services import scoring
from app.texts import t
from modelling.features import BY_NAME, FEATURE_NAMES, FEATURES, MIN_WORKING_AGE

OUT = {target: i for i, target in enumerate(RESULT_OUTPUTS)}
LANGS = ["fr", "en"]


def typed(values: dict, lang: str = "fr") -> list[str]:
    return [input_text(BY_NAME[name], values[name], lang) for name in FEATURE_NAMES]


@pytest.mark.parametrize(
    ("lang", "name", "text", "message"),
    [
        ("fr", "age", "150", "L'âge doit être compris entre 18 et 100 ans."),
        ("en", "age", "150", "Age must be between 18 and 100 years."),
        ("fr", "age", "17", "L'âge doit être compris entre 18 et 100 ans."),
        (
            "fr",
            "income",
            "-1",
            "Le revenu net annuel doit être compris entre 0 € et 10\u202f000\u202f000 €.",
        ),
        ("en", "income", "-1", "Annual net income must be between €0 and €10,000,000."),
        (
            "fr",
            "credit_score",
            "900",
            "Le score de crédit doit être compris entre 300 et 850 points.",
        ),
        ("fr", "incidents", "1,5", "« Incidents de paiement » doit être un nombre entier."),
        ("en", "incidents", "1.5", "“Payment incidents” must be a whole number."),
        ("fr", "seniority", "", "Saisissez une valeur pour « Ancienneté professionnelle »."),
        (
            "fr",
            "income",
            "beaucoup",
            "« Revenu net annuel » : saisissez un nombre, par exemple 2,5.",
        ),
        ("fr", "income", "38.000", "« Revenu net annuel » : saisissez un nombre, par exemple 2,5."),
        ("en", "seniority", "2,5", "“Job seniority”: enter a number, for example 2.5."),
        (
            "fr",
            "seniority",
            "40",
            "L'ancienneté professionnelle ne peut pas dépasser l'âge moins 14 ans (28 ans ici).",
        ),
    ],
)
def test_an_invalid_field_clears_the_result_and_says_the_rule(
    acting, people, lang, name, text, message
):
    fields = typed(GOOD, lang)
    fields[FEATURE_NAMES.index(name)] = text
    with acting(people["adviser"], lang):
        result = simulate(*fields)
    alert = result[OUT["simulator-error.children"]]
    assert alert.id == "simulator-invalid"
    assert [text_of(li) for li in alert.children[1].children] == [message]
    for target in ("simulator-gauge.figure", "simulator-contributions.figure"):
        assert result[OUT[target]]["data"] == []  # no previous result left on the page
    for target in ("recommendation", "reasons", "counterfactual", "contribution-list"):
        assert result[OUT[f"simulator-{target}.children"]] is None
    flagged = [n for n in FEATURE_NAMES if result[OUT[f"simulator-{n}-input.invalid"]]]
    assert flagged == [name]


@pytest.mark.parametrize(
    ("lang", "income", "seniority"),
    [
        ("fr", "38 000", "2,5"),
        ("fr", "38\u00a0000", "2.5"),
        ("fr", "38\u202f000", " 2,5 "),
        ("en", "38,000", "2.5"),
        ("en", "38000", "2.50"),
    ],
)
def test_numbers_as_the_reader_types_them_are_scored(acting, people, lang, income, seniority):
    fields = typed(GOOD, lang)
    fields[FEATURE_NAMES.index("income")] = income
    fields[FEATURE_NAMES.index("seniority")] = seniority
    with acting(people["adviser"], lang):
        result = simulate(*fields)
    expected = scoring.score_features(GOOD | {"income": 38_000.0, "seniority": 2.5})
    assert result[OUT["simulator-error.children"]] is None
    gauge = result[OUT["simulator-gauge.figure"]].data[0]
    assert gauge.value == pytest.approx(100 * expected["probability_of_default"])


def valid_clients():
    """Complete valid clients over the schema, edges included, seniority <= age - 14."""

    def value(feature, top=None):
        top = feature.maximum if top is None else top
        edges = st.sampled_from([feature.minimum, top])
        if feature.kind is int:
            return edges | st.integers(int(feature.minimum), int(top))
        steps = st.integers(0, int((top - feature.minimum) * 100)).map(
            lambda k: feature.minimum + k / 100
        )
        return edges | steps

    @st.composite
    def client(draw):
        values = {f.name: draw(value(f)) for f in FEATURES if f.name != "seniority"}
        top = min(BY_NAME["seniority"].maximum, values["age"] - MIN_WORKING_AGE)
        values["seniority"] = draw(value(BY_NAME["seniority"], top))
        return values

    return client()


@settings(max_examples=300, deadline=None)
@given(client=valid_clients(), lang=st.sampled_from(LANGS))
def test_every_valid_client_reads_back_as_typed(client, lang):
    texts = dict(zip(FEATURE_NAMES, typed(client, lang), strict=True))
    clean, messages = read_features(texts, lang)
    assert messages == {}
    assert clean == pytest.approx(client)


def beyond(feature):
    below = st.floats(-1e12, feature.minimum, exclude_max=True)
    above = st.floats(feature.maximum, 1e12, exclude_min=True)
    return (
        (below | above)
        .map(lambda v: round(v) if feature.kind is int else round(v, 2))
        .filter(lambda v: not feature.minimum <= v <= feature.maximum)
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), feature=st.sampled_from(FEATURES), lang=st.sampled_from(LANGS))
def test_every_value_beyond_the_schema_gets_its_range_in_words(data, feature, lang):
    value = data.draw(beyond(feature))
    texts = dict(zip(FEATURE_NAMES, typed(DEFAULTS, lang), strict=True))
    texts[feature.name] = input_text(feature, value, lang)
    _clean, messages = read_features(texts, lang)
    assert messages[feature.name] == range_message(feature, lang)


def test_the_slider_follows_the_field_as_far_as_it_goes():
    age, income = BY_NAME["age"], BY_NAME["income"]
    assert follow("age", "field", 40, "150", "fr") == (no_update, slider_top(age))
    assert follow("age", "field", 40, "12", "fr") == (no_update, age.minimum)
    assert follow("income", "field", 1_000, "38 000", "fr") == (no_update, 38_000)
    assert follow("income", "field", 1_000, "250 000", "fr") == (no_update, slider_top(income))
    assert follow("income", "field", 1_000, "n'importe", "fr") == (no_update, no_update)


@pytest.mark.parametrize(("lang", "shown"), [("fr", "45 000"), ("en", "45,000")])
def test_the_field_follows_the_slider_in_the_readers_format(acting, people, lang, shown):
    sync = sync_handler("income")
    with acting(people["adviser"], lang):
        moved = in_callback(sync, 45_000, "38 000", trigger="simulator-income", prop="value")
    assert moved == (shown, no_update)


@pytest.mark.parametrize("lang", LANGS)
def test_a_stale_client_starts_with_the_warning(acting, people, book, lang):
    with acting(people["adviser"], lang):
        _source, stale, *_values = prefill(str(book["stale"].id))
        _source, fresh, *_values = prefill(str(book["fresh"].id))
    assert stale.id == "simulator-stale-alert" and "400" in text_of(stale)
    assert fresh is None


def test_reset_goes_back_to_the_clients_values_or_the_starting_ones(acting, people, book):
    with acting(people["adviser"]):
        _source, _stale, *client_values = prefill(str(book["fresh"].id), 3)
        _source, _stale, *starting = prefill(None, 1)
    assert client_values == ["42", "38 000", "6,5", "0", "720"]  # GOOD, typed the French way
    assert starting == typed(DEFAULTS)


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("38 000", "fr", 38_000.0),
        ("1 234 567,5", "fr", 1_234_567.5),
        ("-3", "fr", -3.0),
        ("1,234,567.5", "en", 1_234_567.5),
        ("", "fr", None),
        ("   ", "en", None),
    ],
)
def test_parse_number(text, lang, number):
    assert parse_number(text, lang) == number


@pytest.mark.parametrize("sent", [float("nan"), float("inf"), True, "1e5", "1" * 30, [1], "--1"])
def test_what_no_reader_types_is_not_a_number(sent):
    with pytest.raises(NotANumber):
        parse_number(sent, "fr")
    assert follow("age", "field", 40, sent, "fr") == (no_update, no_update)  # slider stays


@pytest.mark.parametrize("lang", LANGS)
def test_a_refusal_is_said_in_the_readers_language(acting, people, monkeypatch, lang):
    from app.services.errors import Forbidden

    def refuse(*_args, **_kwargs):
        raise Forbidden("Your role does not allow this.")

    monkeypatch.setattr(scoring, "simulate", refuse)
    with acting(people["adviser"], lang):
        result = simulate(*typed(GOOD, lang))
    assert result[OUT["simulator-error.children"]].children == t("forbidden_action", lang)
    assert result[OUT["simulator-gauge.figure"]]["data"] == []
