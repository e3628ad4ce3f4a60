"""Typed SQLAlchemy models. No commits and no request access here: services own both."""

from app.models.audit import AuditEvent
from app.models.base import Base, utcnow
from app.models.client import Client
from app.models.jobs import JobChunk, PortfolioJob
from app.models.lifecycle import ModelApproval, PublishedModel
from app.models.outcome import Outcome
from app.models.review import ReviewCase
from app.models.scoring import Decision, ScoreRecord
from app.models.settings import AppSetting, AuditHead
from app.models.token import RevokedToken
from app.models.user import Role, User
from app.models.web_session import WebSession

__all__ = [
    "AppSetting",
    "AuditEvent",
    "AuditHead",
    "Base",
    "Client",
    "Decision",
    "JobChunk",
    "ModelApproval",
    "Outcome",
    "PortfolioJob",
    "PublishedModel",
    "ReviewCase",
    "RevokedToken",
    "Role",
    "ScoreRecord",
    "User",
    "WebSession",
    "utcnow",
]
