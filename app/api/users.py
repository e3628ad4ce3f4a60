"""GET /users: the accounts (admins only)."""

from __future__ import annotations

from app.api.routing import Route
from app.api.schemas import responses as rs
from app.services import administration, permissions

FIELDS = ("id", "email", "role", "active")


def users_index(user):
    return {"items": [{k: u[k] for k in FIELDS} for u in administration.list_users(user)]}


ROUTES = [
    Route(
        "GET",
        "/users",
        users_index,
        "List users",
        "users",
        roles=permissions.roles_for("administer"),
        response=rs.UserList,
        errors=(401, 403, 429),
    ),
]
