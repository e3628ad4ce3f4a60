"""Helpers shared by the dashboard and browser tests (imported as `dashboard_helpers`; tests/
is on the path because it holds the root conftest)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.database import current_database
from app.models import Client

PASSWORD = "Correct-Horse-42"
GOOD = {"age": 42, "income": 38_000.0, "seniority": 6.5, "incidents": 0, "credit_score": 720}
RISKY = {"age": 30, "income": 21_000.0, "seniority": 1.0, "incidents": 2, "credit_score": 560}


def add_client(adviser, values=None, age_days: int = 10, client_id=None) -> Client:
    now = datetime.now(UTC)
    extra = {"id": client_id} if client_id else {}
    client = Client(
        adviser_id=adviser.id,
        data_updated_at=now - timedelta(days=age_days),
        created_at=now,
        **(values or GOOD),
        **extra,
    )
    with current_database().transaction() as session:
        session.add(client)
    return client


def log_in(http, email: str, password: str = PASSWORD):
    """Log a Flask test client in through the real form (CSRF token included)."""
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return http.post("/login", data={"csrf_token": token, "email": email, "password": password})


def dash_call(http, outputs, inputs, changed, state=()):
    """POST /_dash-update-component the way Dash's renderer does."""
    many = len(outputs) > 1
    body = {
        "output": (".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..")
        if many
        else f"{outputs[0][0]}.{outputs[0][1]}",
        "outputs": [{"id": i, "property": p} for i, p in outputs]
        if many
        else {"id": outputs[0][0], "property": outputs[0][1]},
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": changed,
    }
    return http.post("/_dash-update-component", json=body)


def registered_outputs(dash_app, first_output: str) -> list[tuple[str, str]]:
    """The outputs of the callback whose key starts with this output, as Dash registered them
    (duplicate outputs carry an @hash suffix that the renderer sends back)."""
    key = next(k for k in dash_app.callback_map if k.lstrip(".").startswith(first_output))
    return [tuple(part.split(".", 1)) for part in key.strip(".").split("...")]


# A page is drawn once Dash pages' slot (in dash.page_container) holds it.
PAGE_DRAWN = "#_pages_content > *"


def open_page(http, path: str, search: str = "") -> tuple[dict, str]:
    """Dash pages' router over HTTP, as the renderer asks it when the address changes: the page
    drawn (Dash's JSON, which `find` and `text_of` read) and the browser tab's title."""
    answer = dash_call(
        http,
        [("_pages_content", "children"), ("_pages_store", "data")],
        [("_pages_location", "pathname", path), ("_pages_location", "search", search)],
        ["_pages_location.pathname"],
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    drawn = answer.get_json()["response"]
    return drawn["_pages_content"]["children"], drawn["_pages_store"]["data"]["title"]


def language_link(http, path: str, search: str = "") -> str:
    """The language switch's address on the page at this address (over HTTP)."""
    answer = dash_call(
        http,
        [("nav-language", "href")],
        [("url", "pathname", path), ("url", "search", search)],
        ["url.pathname"],
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
    return answer.get_json()["response"]["nav-language"]["href"]


def reader(http, email: str, lang: str = "fr"):
    """A test client logged in as this user, reading in this language."""
    log_in(http, email)
    http.set_cookie("lang", lang)
    return http


def draw_page(module: str, **params):
    """A page's layout as Dash pages calls it (path variables and query as keywords), in the
    request context under way: the registered layout, with the checks the page makes."""
    import dash

    return dash.page_registry[module]["layout"](**params)


def _props(component) -> dict:
    """A component's properties, from a Dash component or from its JSON form (`open_page`)."""
    if isinstance(component, dict) and "props" in component:
        return component["props"]
    return {"id": getattr(component, "id", None), "children": getattr(component, "children", None)}


def find(component, component_id: str):
    """The component with this id in a Dash tree or in its JSON form (or None)."""
    props = _props(component)
    if props.get("id") == component_id:
        return component
    children = props.get("children")
    if children is None:
        return None
    for child in children if isinstance(children, (list, tuple)) else [children]:
        found = find(child, component_id)
        if found is not None:
            return found
    return None


def text_of(component) -> str:
    """All the text in a Dash tree, as a reader would see it."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    return text_of(_props(component).get("children"))


def log_in_browser(page, base: str, email: str = "adviser@bank.example") -> None:
    """Log in through the real form of a live dashboard (browser tests)."""
    page.goto(f"{base}/login")
    page.fill("#login-email", email)
    page.fill("#login-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector(PAGE_DRAWN)


def in_callback(function, *args, trigger: str | dict | None = None, prop: str = "n_clicks"):
    """Call a callback function as Dash would after a change of `trigger`'s `prop` (None: the
    first render), so that `dash.ctx.triggered_id` names it (Dash's documented test recipe)."""
    import json
    from contextvars import copy_context

    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    def run():
        name = (
            json.dumps(trigger, sort_keys=True, separators=(",", ":"))
            if isinstance(trigger, dict)
            else trigger
        )
        triggered = [{"prop_id": f"{name}.{prop}", "value": 1}] if trigger else []
        context_value.set(AttributeDict(triggered_inputs=triggered))
        return function(*args)

    return copy_context().run(run)
