"""Typed SQLAlchemy models. No commits and no request access here: services own both."""

from app.models.audit import AuditEvent
from app.models.base import Base, utcnow
from app.models.client import Client
from app.models.scoring import Decision, ScoreRecord
from app.models.user import Role, User

__all__ = ["AuditEvent", "Base", "Client", "Decision", "Role", "ScoreRecord", "User", "utcnow"]
