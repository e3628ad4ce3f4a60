"""A callback request's envelope, checked before Dash reads it.

Dash's dispatcher trusts the body: an output it does not know, inputs that are not a list or a
count that differs from the callback's raise KeyError or IndexError inside Dash, a 500. The
renderer never sends such a body, so a malformed one is refused here with a 400 in the API's
error shape. The values themselves are each callback's to check (issue 11 §4), except those of
Dash pages' own routing callback, which reads the address as a browser gives it (a path starting
with "/", a query string or none): any other changes nothing (204, Dash's answer to a prevented
update) instead of failing inside Dash.
"""

from __future__ import annotations

from typing import Any

from dash import Dash
from flask import Flask, jsonify, request
from pydantic import BaseModel, ConfigDict, ValidationError


class Prop(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str | dict[str, Any]
    property: str


Entry = Prop | list[Prop]  # a pattern-matching input (ALL) is a list of concrete ones


class CallbackRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    output: str
    outputs: Prop | list[Entry] = []
    inputs: list[Entry]
    state: list[Entry] = []
    changedPropIds: list[str] = []  # Dash's own field name


def problem(body: Any, callbacks: dict) -> str | None:
    """What is wrong with the envelope, or None."""
    try:
        parsed = CallbackRequest.model_validate(body)
    except ValidationError:
        return "The callback request is malformed."
    spec = callbacks.get(parsed.output)
    if spec is None:
        return "No such callback."
    if len(parsed.inputs) != len(spec["inputs"]) or len(parsed.state) != len(spec["state"]):
        return "The callback's inputs do not match it."
    outputs = spec["output"]
    if not spec.get("no_output"):
        if isinstance(outputs, list) and (
            not isinstance(parsed.outputs, list) or len(parsed.outputs) != len(outputs)
        ):
            return "The callback's outputs do not match it."
        if not isinstance(outputs, list) and not isinstance(parsed.outputs, Prop):
            return "The callback's outputs do not match it."
    return None


ROUTER_LOCATION = "_pages_location"  # dash.page_container's location, the router's input


def browser_address(prop: str, value: Any) -> bool:
    if prop == "pathname":
        return isinstance(value, str) and value.startswith("/")
    return value is None or isinstance(value, str)


def forged_address(body: dict, spec: dict) -> bool:
    """A request to Dash pages' router with an address no browser sends."""
    if not any(i["id"] == ROUTER_LOCATION for i in spec["inputs"]):
        return False
    return any(
        isinstance(entry, dict)
        and entry.get("id") == ROUTER_LOCATION
        and not browser_address(entry.get("property"), entry.get("value"))
        for entry in body.get("inputs", [])
    )


def init_app(server: Flask, dash_app: Dash) -> None:
    path = dash_app.config.routes_pathname_prefix + "_dash-update-component"

    @server.before_request
    def check_callback_request():
        if request.path != path or request.method != "POST":
            return None
        body = request.get_json(silent=True)
        wrong = problem(body, dash_app.callback_map)
        if wrong is None:
            if forged_address(body, dash_app.callback_map[body["output"]]):
                return "", 204
            return None
        answer = jsonify(
            {"error": {"status": 400, "code": "bad_callback", "message": wrong, "fields": {}}}
        )
        answer.status_code = 400
        return answer
