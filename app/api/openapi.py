"""The OpenAPI 3.0 document, generated from the route table and the pydantic models.

Nothing here is written by hand per endpoint: paths, parameters, bodies, responses and
components all come from the same `Route` declarations and models that serve the requests.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from pydantic.json_schema import models_json_schema

from app.api.routing import Route
from app.api.schemas.responses import ErrorResponse

REF = "#/components/schemas/{model}"
PATH_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")
ERROR_CONTENT = {"application/json": {"schema": {"$ref": REF.format(model="ErrorResponse")}}}


def document(routes: list[Route], prefix: str, title: str, version: str) -> dict[str, Any]:
    models = {m for r in routes for m in (r.body, r.query, r.response) if m is not None}
    models.add(ErrorResponse)
    _, defs = models_json_schema(
        [(m, "validation") for m in sorted(models, key=repr)], ref_template=REF
    )
    paths: dict[str, dict] = {}
    for route in routes:
        path = prefix + PATH_PARAMETER.sub(r"{\2}", route.rule)
        paths.setdefault(path, {})[route.method.lower()] = _operation(route)
    return _to_openapi30(
        {
            "openapi": "3.0.3",
            "info": {
                "title": title,
                "version": version,
                "description": 'Every error is JSON: {"error": {"status", "code", '
                '"message", "fields"}}. See docs/api.md.',
            },
            "servers": [{"url": "/"}],
            "paths": paths,
            "components": {
                "schemas": defs.get("$defs", {}),
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
                },
            },
        }
    )


def _operation(route: Route) -> dict[str, Any]:
    description = route.description
    if route.roles:
        description = f"Roles: {', '.join(route.roles)}.\n\n{description}".strip()
    operation: dict[str, Any] = {
        "operationId": route.view.__name__,
        "summary": route.summary,
        "description": description,
        "tags": [route.tag],
        "parameters": _parameters(route),
        "security": [{"bearerAuth": []}] if route.roles is not None else [],
        "responses": {},
    }
    if route.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": REF.format(model=route.body.__name__)}}
            },
        }
    ok: dict[str, Any] = {"description": HTTPStatus(route.status).phrase}
    if route.response is not None:
        ok["content"] = {
            "application/json": {"schema": {"$ref": REF.format(model=route.response.__name__)}}
        }
    elif route.media_type != "application/json":
        ok["content"] = {route.media_type: {"schema": {"type": "string", "format": "binary"}}}
    operation["responses"][str(route.status)] = ok
    codes = set(route.errors) | {500}
    if route.roles is not None:
        codes |= {401, 403} if route.roles else {401}
    for code in sorted(codes):
        operation["responses"][str(code)] = {
            "description": HTTPStatus(code).phrase,
            "content": ERROR_CONTENT,
        }
    return operation


def _parameters(route: Route) -> list[dict[str, Any]]:
    parameters = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "string", "format": "uuid"}
            if kind == "uuid"
            else {"type": "string"},
        }
        for kind, name in PATH_PARAMETER.findall(route.rule)
    ]
    if route.query is not None:
        schema = route.query.model_json_schema(ref_template=REF)
        for name, prop in schema.get("properties", {}).items():
            prop = _without_null(prop)
            parameters.append(
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "description": prop.pop("description", ""),
                    "schema": prop,
                }
            )
    return parameters


def _without_null(prop: dict) -> dict:
    options = [o for o in prop.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        rest = {k: v for k, v in prop.items() if k != "anyOf"}
        return {**options[0], **rest}
    return dict(prop)


def _to_openapi30(node: Any) -> Any:
    """JSON Schema 2020-12 (pydantic) -> OpenAPI 3.0 schema objects."""
    if isinstance(node, list):
        return [_to_openapi30(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _to_openapi30(v) for k, v in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and any(o.get("type") == "null" for o in options):
        rest = [o for o in options if o.get("type") != "null"]
        del node["anyOf"]
        if len(rest) == 1 and "$ref" not in rest[0]:
            node = {**rest[0], **node}
        else:
            node["anyOf" if len(rest) > 1 else "allOf"] = rest
        node["nullable"] = True
    if "const" in node:
        node["enum"] = [node.pop("const")]
    if isinstance(node.get("examples"), list) and "type" in node:
        examples = node.pop("examples")
        if examples:
            node["example"] = examples[0]
    return node
