"""/openapi.json and the interactive docs at /docs, from local Swagger UI files (no CDN)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, send_from_directory
from swagger_ui_bundle import swagger_ui_path

from app.api.openapi import document
from app.api.routing import json_response

ASSETS = (
    "swagger-ui.css",
    "swagger-ui-bundle.js",
    "swagger-ui-standalone-preset.js",
    "favicon-32x32.png",
)
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Credit scoring API</title>
<link rel="stylesheet" href="docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-ui-standalone-preset.js"></script>
<script src="docs/init.js"></script></body></html>
"""
INIT = """window.ui = SwaggerUIBundle({url: "openapi.json", dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "BaseLayout",
  validatorUrl: null});
"""


def register(bp: Blueprint, routes, prefix: str) -> None:
    def openapi_json():
        if "openapi" not in current_app.extensions:
            current_app.extensions["openapi"] = document(routes, prefix, "Credit scoring API", "1")
        return json_response(current_app.extensions["openapi"])

    bp.add_url_rule("/openapi.json", endpoint="openapi_json", view_func=openapi_json)
    bp.add_url_rule("/docs", endpoint="docs", view_func=docs_page)
    bp.add_url_rule("/docs/init.js", endpoint="docs_init", view_func=docs_init)
    bp.add_url_rule("/docs/<name>", endpoint="docs_asset", view_func=docs_asset)


def docs_page():
    response = Response(PAGE, mimetype="text/html")
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
    )
    return response


def docs_init():
    return Response(INIT, mimetype="application/javascript")


def docs_asset(name: str):
    if name not in ASSETS:
        from werkzeug.exceptions import NotFound

        raise NotFound()
    return send_from_directory(str(swagger_ui_path), name, max_age=3600)
