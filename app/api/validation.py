"""Pydantic errors -> {field: rule}, in the wording of the feature schema."""

from __future__ import annotations

from pydantic import ValidationError

from modelling.features import BY_NAME, format_bound

RULES = {
    "missing": "is required",
    "extra_forbidden": "is not allowed",
    "int_type": "must be an integer",
    "int_parsing": "must be an integer",
    "int_from_float": "must be an integer",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "string_type": "must be a string",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be a JSON object",
    "model_attributes_type": "must be a JSON object",
    "literal_error": "must be one of the allowed values",
    "enum": "must be one of the allowed values",
}


def field_errors(exc: ValidationError) -> dict[str, str]:
    fields: dict[str, str] = {}
    for error in exc.errors(include_url=False):
        loc = [str(part) for part in error["loc"]]
        ctx = error.get("ctx") or {}
        if error["type"] == "consistency":
            fields[ctx["field"]] = ctx["rule"]
            continue
        name = ".".join(loc) if loc else "body"
        fields.setdefault(name, _rule(error, loc))
    return fields


def _rule(error: dict, loc: list[str]) -> str:
    kind = error["type"]
    feature = BY_NAME.get(loc[-1].removesuffix("_min").removesuffix("_max")) if loc else None
    if kind in ("greater_than_equal", "less_than_equal") and feature is not None:
        low, high = format_bound(feature.minimum), format_bound(feature.maximum)
        return f"must be between {low} and {high}"
    if kind == "literal_error":
        return f"must be one of {error['ctx']['expected']}"
    if kind in ("too_long", "too_short"):
        return error["msg"].replace("List", "must be a list").replace("String", "must be text")
    return RULES.get(kind, error["msg"])
