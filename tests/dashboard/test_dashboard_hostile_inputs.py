"""Callback inputs are input (issue 11 §4): every server callback the dashboard registers gets
hostile values over HTTP, as a logged-in user, and answers without a 5xx and without a crash
(a crash would be logged by the app's `on_error` and replace the page by an error message).

The callbacks are read from the Dash app at run time, so a callback added later is covered too.
"""

from __future__ import annotations

import json
import logging
import math
import traceback

import pytest
from dashboard_helpers import GOOD, add_client, log_in

from app.layouts.common import ALL
from app.services import scoring

HOSTILE = [
    None,
    "NaN",
    math.nan,  # the JSON token NaN, which Python's parser accepts
    math.inf,
    "Infinity",
    -1,
    -(10**9),
    10**9,
    10**40,
    1.5e308,
    True,
    "",
    "   ",
    "x" * 100_000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u0000\ud800",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    [1, 2],
    {"a": 1},
    [{"column_id": "password", "direction": "up"}],
    [[[[]]]],
]
# Fewer values when each input is hostile alone (the others keep plausible values).
ONE_AT_A_TIME = ["NaN", math.nan, -1, 10**9, 10**40, "x" * 100_000, [1, 2], {"a": 1}, "not-a-uuid"]


def server_callbacks(dash):
    """(key, inputs, states) of every callback that runs on the server."""
    clientside = {c["output"] for c in dash._callback_list if c.get("clientside_function")}
    for key, spec in dash.callback_map.items():
        if key not in clientside:
            yield key, spec["inputs"], spec["state"]


def outputs_of(key: str):
    if "." not in key:
        return []  # a callback without outputs is registered under a hash
    parts = key.strip(".").split("...") if key.startswith("..") else [key]
    return [dict(zip(("id", "property"), part.rsplit(".", 1), strict=True)) for part in parts]


def concrete_id(component_id: str, value):
    """A pattern id ({"type": ..., "client": ["ALL"]}) made concrete, as the renderer sends it."""
    if not component_id.startswith("{"):
        return component_id
    pattern = json.loads(component_id)
    filler = value if isinstance(value, str) and len(value) < 100 else "x"
    return {k: filler if isinstance(v, list) else v for k, v in pattern.items()}


def item(spec: dict, value):
    entry_id = concrete_id(spec["id"], value)
    entry = {"id": entry_id, "property": spec["property"], "value": value}
    return [entry] if isinstance(entry_id, dict) else entry


def prop_id(spec: dict, value) -> str:
    entry_id = concrete_id(spec["id"], value)
    if isinstance(entry_id, dict):
        entry_id = json.dumps(entry_id, sort_keys=True, separators=(",", ":"))
    return f"{entry_id}.{spec['property']}"


def post(http, key, inputs, states, values):
    outputs = outputs_of(key)
    body = {
        "output": key,
        "outputs": outputs if key.startswith("..") or not outputs else outputs[0],
        "inputs": [item(s, v) for s, v in zip(inputs, values[: len(inputs)], strict=True)],
        "state": [item(s, v) for s, v in zip(states, values[len(inputs) :], strict=True)],
        "changedPropIds": [prop_id(inputs[0], values[0])] if inputs else [],
    }
    return http.post(
        "/_dash-update-component",
        data=json.dumps(body, allow_nan=True),
        content_type="application/json",
    )


def benign(spec: dict, client_id: str):
    """A value the page itself would send for this input."""
    component, prop = spec["id"], spec["property"]
    if prop in ("n_clicks", "n_submit"):
        return 1
    if component in ("client-id", "simulator-client"):
        return client_id
    by_id = {
        "portfolio-risk": ALL,
        "portfolio-stale": False,
        "portfolio-focus": [],
        "portfolio-view": "all",
        "client-decision": "approve",
        "client-justification": "A justification long enough for the rule.",
        "url": "/" if prop == "pathname" else "",
        "_pages_location": "/" if prop == "pathname" else "",  # Dash pages' router
    }
    if component in by_id:
        return by_id[component]
    by_prop = {
        "page_current": 0,
        "page_size": 25,
        "page_count": 1,
        "sort_by": [],
        "active_page": 1,
        "getRowsRequest": {"startRow": 0, "endRow": 25, "sortModel": [], "filterModel": {}},
    }
    if prop in by_prop:
        return by_prop[prop]
    name = component.removeprefix("simulator-").removesuffix("-input")
    return GOOD.get(name)


def where(record: logging.LogRecord) -> str:
    """The crash and the line of app code that raised it."""
    if not record.exc_info:
        return record.getMessage()
    error, trace = record.exc_info[1], traceback.extract_tb(record.exc_info[2])
    frames = [f for f in trace if "/app/" in f.filename] or trace
    return f"{error!r:.80} at {frames[-1].filename.split('/app/')[-1]}:{frames[-1].lineno}"


def failures(http, caplog, cases) -> list[str]:
    found = []
    for key, inputs, states, values in cases:
        caplog.clear()
        answer = post(http, key, inputs, states, values)
        crashed = [where(r) for r in caplog.records if r.levelno >= logging.ERROR]
        if answer.status_code not in (200, 204, 413) or crashed:  # 413: body over the limit
            shown = [repr(v)[:20] for v in values]
            found.append(f"{answer.status_code} {key[:50]} {shown} {crashed[:1]}")
    return found


@pytest.mark.parametrize("role", ["adviser", "supervisor", "admin"])
def test_every_callback_takes_hostile_values_without_a_crash(dash_app, people, book, caplog, role):
    http = dash_app.test_client()
    log_in(http, f"{role}@bank.example")
    dash = dash_app.extensions["dash_app"]
    callbacks = list(server_callbacks(dash))
    assert len(callbacks) >= 20  # the enumeration sees the dashboard's callbacks
    cases = [
        (key, inputs, states, [value] * (len(inputs) + len(states)))
        for key, inputs, states in callbacks
        for value in HOSTILE
    ]
    assert failures(http, caplog, cases) == []


@pytest.mark.parametrize("role", ["adviser", "admin"])
def test_each_input_alone_is_hostile_the_others_plausible(dash_app, people, book, caplog, role):
    scoring.score_client(book["fresh"].id, people["adviser"])  # so decisions reach the service
    http = dash_app.test_client()
    log_in(http, f"{role}@bank.example")
    client_id = str(book["fresh"].id)
    cases = []
    for key, inputs, states in server_callbacks(dash_app.extensions["dash_app"]):
        plausible = [benign(s, client_id) for s in (*inputs, *states)]
        for position in range(len(plausible)):
            for value in ONE_AT_A_TIME:
                values = [*plausible[:position], value, *plausible[position + 1 :]]
                cases.append((key, inputs, states, values))
    assert failures(http, caplog, cases) == []


def test_a_huge_block_of_rows_is_refused_over_http_never_served(dash_app, people, caplog):
    for _ in range(3):
        add_client(people["adviser"])
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    dash = dash_app.extensions["dash_app"]
    key, inputs, states = next(
        c for c in server_callbacks(dash) if c[0].startswith("..portfolio-grid.getRowsResponse")
    )
    values = [benign(s, "") for s in (*inputs, *states)]
    values[0] = {"startRow": 0, "endRow": 10**9, "sortModel": [], "filterModel": {}}
    answer = post(http, key, inputs, states, values)
    assert answer.status_code == 200
    shown = answer.get_json()["response"]
    assert shown["portfolio-grid"]["getRowsResponse"] == {"rowData": [], "rowCount": 0}
    assert "doit être compris entre 1 et 200" in json.dumps(
        shown["portfolio-grid-feedback"], ensure_ascii=False
    )


@pytest.mark.parametrize(
    "body",
    [
        {"output": "client-history.children", "outputs": {}, "inputs": [], "changedPropIds": []},
        {"output": "nothing.here", "outputs": [], "inputs": [], "state": []},
        {"inputs": []},
        [1, 2, 3],
        "text",
        {"output": "SEARCH", "outputs": "x", "inputs": "x", "state": 1, "changedPropIds": 5},
        {"output": "SEARCH", "outputs": [], "inputs": [{"id": "a"}], "changedPropIds": []},
        {"output": "SEARCH", "outputs": [{}], "inputs": [{}, {}], "state": [{}]},
    ],
)
def test_a_malformed_callback_request_is_a_400_not_a_crash_in_dash(dash_app, people, caplog, body):
    """Dash's dispatcher raised KeyError or IndexError (a 500) on each of these envelopes."""
    http = dash_app.test_client()
    log_in(http, "adviser@bank.example")
    callbacks = dash_app.extensions["dash_app"].callback_map
    search = next(k for k in callbacks if "portfolio-search-feedback" in k)
    if isinstance(body, dict) and body.get("output") == "SEARCH":
        body = body | {"output": search}
    answer = http.post("/_dash-update-component", json=body)
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "bad_callback"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_an_anonymous_malformed_request_still_gets_the_log_in_refusal(dash_app):
    answer = dash_app.test_client().post("/_dash-update-component", json={"inputs": 1})
    assert answer.status_code == 401
