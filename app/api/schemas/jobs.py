"""Request and response bodies of the portfolio jobs (issue 14 §4)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.api.schemas.requests import STRICT
from app.services.rescore import DEFAULT_CHUNK_SIZE, MAX_CHUNK_SIZE


class RescoreRequest(BaseModel):
    model_config = STRICT
    chunk_size: int = Field(
        default=DEFAULT_CHUNK_SIZE,
        ge=1,
        le=MAX_CHUNK_SIZE,
        description="Clients per chunk: one queue job and one transaction each.",
    )


class ChunkError(BaseModel):
    chunk: int
    status: Literal["pending", "done", "failed"] = Field(
        description="failed: no retry left; pending or done: a failed attempt, retried."
    )
    attempts: int = Field(description="Failed attempts of this chunk.")
    error: str = Field(description="The last failure: its kind and message.")


class JobProgress(BaseModel):
    id: str
    kind: Literal["rescore"]
    reason: Literal["on_demand", "model_activation"]
    state: Literal["queued", "running", "done", "failed"] = Field(
        description="failed: every chunk ended, some without being stored (see errors)."
    )
    runner: Literal["queue", "in_process"] = Field(
        description="queue: the RQ workers; in_process: no Redis, run by the requesting process."
    )
    model_version: str | None
    created_at: str
    finished_at: str | None
    chunk_size: int
    chunks_total: int
    chunks_done: int
    chunks_failed: int
    clients_total: int = Field(description="Clients when the job was planned.")
    clients_scored: int = Field(description="Clients scored and stored so far.")
    errors: int = Field(description="Chunks that failed with no retry left.")
    failed_attempts: int = Field(description="Failed attempts over all chunks, retried or not.")
    error_details: list[ChunkError] = Field(description="At most 20, by chunk.")
    elapsed_seconds: float
    eta_seconds: float | None = Field(
        description="Estimated seconds left from the pace so far; null before a chunk is done."
    )
