"""Pydantic models: they validate requests and, through their JSON Schema, write the OpenAPI
document (app/api/openapi.py), so the contract cannot drift from the code."""
