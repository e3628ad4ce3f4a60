"""Dash pages and the validation layout: callback exceptions are not suppressed, so every id a
callback names (inputs, states, outputs, pattern-matching ids by their keys) must be in the
validation layout with the property used; the renderer receives that layout; and the factory can
build the app again without the page registry growing or changing."""

from __future__ import annotations

import json
import re

import dash
import pytest
from dash import Dash, Input, Output, html
from dashboard_helpers import log_in


def components(tree):
    """Every component with an id in a Dash tree."""
    if isinstance(tree, (list, tuple)):
        for child in tree:
            yield from components(child)
        return
    if not hasattr(tree, "to_plotly_json"):
        return
    if getattr(tree, "id", None) is not None:
        yield tree
    yield from components(getattr(tree, "children", None))


def named(dash_app: Dash):
    """(id, property, where) of every dependency of every callback the app registered."""
    for key, spec in dash_app.callback_map.items():
        for where in ("inputs", "state"):
            for dep in spec[where]:
                yield dep["id"], dep["property"], where
        for part in key.strip(".").split("...") if key.startswith("..") else [key]:
            if "." in part:  # a callback without outputs has a hash for a key
                component_id, prop = part.split("@")[0].rsplit(".", 1)
                yield component_id, prop, "output"


def matches(component, component_id: str) -> bool:
    if not component_id.startswith("{"):
        return component.id == component_id
    pattern = json.loads(component_id)  # {"type": "x", "client": ["ALL"]}: wildcards in lists
    return (
        isinstance(component.id, dict)
        and set(component.id) == set(pattern)
        and all(isinstance(v, list) or component.id[k] == v for k, v in pattern.items())
    )


def has_property(component, prop: str) -> bool:
    wildcards = getattr(component, "available_wildcard_properties", [])
    return prop in component.available_properties or prop.startswith(tuple(wildcards))


def missing(dash_app: Dash, layout) -> list[str]:
    """What callbacks name that the layout lacks (or has without the property used)."""
    found = list(components(layout))
    problems = []
    for component_id, prop, where in named(dash_app):
        candidates = [c for c in found if matches(c, component_id)]
        if not candidates:
            problems.append(f"{where} {component_id} is in no layout")
        elif not any(has_property(c, prop) for c in candidates):
            problems.append(f"{where} {component_id}.{prop}: no such property")
    return problems


@pytest.fixture
def dashboard(dash_app, people):
    """The Dash app once it has served a page (Dash pages adds its router on the first request,
    the validation layout is drawn on the first dashboard request)."""
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    assert http.get("/").status_code == 200
    return dash_app.extensions["dash_app"]


def test_every_component_a_callback_names_is_in_the_validation_layout(dashboard):
    assert dashboard.config.suppress_callback_exceptions is False
    routed = {component_id for component_id, _prop, _where in named(dashboard)}
    assert {"_pages_location", "_pages_content", "nav-language"} <= routed  # pages are routed
    assert len(routed) > 100  # the walk sees the dashboard's callbacks
    assert missing(dashboard, dashboard.validation_layout) == []


def test_a_callback_without_its_component_is_found_missing(dashboard):
    lone = Dash(__name__)
    lone.layout = html.Div([html.Button(id="here")])
    lone.callback(Output("nowhere", "children"), Input("here", "n_clicks"))(lambda _n: "")
    lone.callback(Output("here", "children"), Input("here", "no_such_prop"))(lambda _n: "")
    lone.callback(Output("here", "title"), Input({"type": "row", "index": dash.ALL}, "n_clicks"))(
        lambda _n: ""
    )
    assert missing(lone, lone.layout) == [
        "output nowhere is in no layout",
        "inputs here.no_such_prop: no such property",
        'inputs {"index":["ALL"],"type":"row"} is in no layout',
    ]


def test_the_renderer_receives_the_validation_layout(dash_app, people):
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    page = http.get("/clients/00000000-0000-4000-8000-000000000000").get_data(as_text=True)
    config = json.loads(re.search(r'id="_dash-config"[^>]*>(.*?)</script>', page, re.S).group(1))
    assert config["suppress_callback_exceptions"] is False
    shipped = json.dumps(config["validation_layout"])
    # Pieces only callbacks draw, on pages other than the one shown: ours, not Dash's default.
    for component_id in ("model-lc-modal", "client-decision-confirm", "admin-erase-open"):
        assert f'"{component_id}"' in shipped, component_id


def test_the_factory_builds_the_app_again_with_the_same_pages(make_app, model_registry):
    def registry():
        return {
            module: (page["path"], page["path_template"], page["order"])
            for module, page in dash.page_registry.items()
        }

    first = make_app(MODEL_REGISTRY_DIR=str(model_registry))
    before = registry()
    second = make_app(MODEL_REGISTRY_DIR=str(model_registry))
    assert registry() == before
    assert before["app.layouts.client"] == ("/clients/none", "/clients/<client_id>", 1)
    assert before["app.layouts.not_found_404"][0] == "/404"
    for application in (first, second):  # each app has its own callbacks
        assert any("nav-language" in k for k in application.extensions["dash_app"].callback_map)
