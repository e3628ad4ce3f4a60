"""The design gallery (scripts/design_gallery.py) draws every variant the design names from the
pages' own functions and the state's data, and docs/ shows each one (no browser here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import plotly
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import design_gallery as gallery  # noqa: E402
import design_states as states  # noqa: E402
from screenshot_gallery import file_name  # noqa: E402

# The variants issue 15 §5 and issue 13 name: every state of the gauge and badges, the
# alerts and banners, the empty states.
REQUIRED = {
    ("advice", "favourable"),
    ("advice", "review"),
    ("advice", "unfavourable"),
    ("advice", "model-off"),
    ("badge", "favourable"),
    ("badge", "review"),
    ("badge", "unfavourable"),
    ("badge", "manual-review"),
    ("header", "stale"),
    ("header", "pending"),
    ("header", "answered"),
    ("client-data", "stale"),
    ("banner", "decision-aid"),
    ("banner", "model-off"),
    ("banner", "not-approved"),
    ("portfolio", "empty"),
    ("reviews", "empty"),
    ("history", "empty"),
}


@pytest.fixture(scope="module")
def app():
    return gallery.build_app()


def tree(component) -> dict:
    """The component as Dash sends it to the browser."""
    return json.loads(json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder))


def find(node, key: str, value) -> list[dict]:
    """Every component of the tree whose prop `key` is `value`."""
    found = []
    if isinstance(node, dict):
        props = node.get("props", {})
        if props.get(key) == value:
            found.append(node)
        for child in props.values():
            found += find(child, key, value)
    elif isinstance(node, list):
        for child in node:
            found += find(child, key, value)
    return found


def test_the_gallery_holds_every_required_variant():
    assert set(gallery.variant_keys()) >= REQUIRED


@pytest.mark.parametrize("lang", gallery.LANGUAGES)
def test_every_variant_builds_framed_and_labelled(app, lang):
    with app.server.app_context():
        for name, variant in gallery.variant_keys():
            page = tree(gallery.page(f"/{lang}/{name}/{variant}"))
            (frame,) = find(page, "id", "gallery-variant")
            assert frame["props"]["data-component"] == name
            assert frame["props"]["data-variant"] == variant
            assert frame["props"]["children"], (name, variant)


@pytest.mark.parametrize("state", ["favourable", "review", "unfavourable"])
def test_the_gauge_variants_show_their_states_probability_and_advice(app, state):
    with app.server.app_context():
        page = tree(gallery.page(f"/fr/advice/{state}"))
    (graph,) = find(page, "id", "client-gauge")
    indicator = graph["props"]["figure"]["data"][0]
    assert indicator["value"] == pytest.approx(100 * states.PROBABILITIES[state])
    (badge,) = find(page, "id", "client-recommendation-badge")
    assert badge["props"]["data-recommendation"] == state
    assert find(page, "id", "client-model-off-card") == []


def test_the_model_off_variant_hides_the_gauge_and_shows_the_manual_review_badge(app):
    with app.server.app_context():
        page = tree(gallery.page("/en/advice/model-off"))
    (box,) = find(page, "id", "client-gauge-box")  # the page hides the gauge, as it does
    assert box["props"]["hidden"] is True
    (graph,) = find(page, "id", "client-gauge")
    assert "figure" not in graph["props"]
    assert find(page, "id", "client-model-off-card")
    (badge,) = find(page, "id", "client-recommendation-badge")
    assert badge["props"]["data-recommendation"] == "manual_review"


def test_an_unknown_address_lists_the_variants(app):
    with app.server.app_context():
        page = tree(gallery.page("/fr/advice/nowhere"))
    assert find(page, "id", "gallery-variant") == []
    assert len(find(page, "href", "/fr/advice/favourable")) == 1


def test_docs_show_a_screenshot_of_every_variant_in_both_languages():
    shots = ROOT / "docs" / "screenshots" / "components"
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    for lang in gallery.LANGUAGES:
        for name, variant in gallery.variant_keys():
            png = file_name(name, variant, lang)
            assert (shots / png).is_file(), f"{png}: run make screenshots"
            if lang == "fr":
                assert f"screenshots/components/{png}" in design, png
