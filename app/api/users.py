"""GET /users: the accounts (admins only)."""

from __future__ import annotations

from app.api.routing import Route
from app.api.schemas import responses as rs
from app.services.users import list_users


def users_index(user):
    return {
        "items": [
            {"id": str(u.id), "email": u.email, "role": u.role.value, "active": u.active}
            for u in list_users()
        ]
    }


ROUTES = [
    Route(
        "GET",
        "/users",
        users_index,
        "List users",
        "users",
        roles=("admin",),
        response=rs.UserList,
        errors=(401, 403, 429),
    ),
]
