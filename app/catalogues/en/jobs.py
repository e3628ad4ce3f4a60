"""The admin page's portfolio jobs (issue 14 §4): rescoring every client, its progress."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "jobs_title": "Rescoring the portfolio",
    "jobs_intro": "Recomputes every client's score and explanation with the model in service, "
    "in chunks processed in the background. Each chunk is stored at once: an interrupted chunk "
    "is taken up again without duplicates.",
    "jobs_start": "Rescore every client…",
    "jobs_confirm_title": "Rescore the whole portfolio?",
    "jobs_confirm_body": "{clients} clients will be rescored with model {version}, in {chunks} "
    "chunks. Each client gets a new stored score. The rescoring is recorded in the audit log.",
    "jobs_confirm": "Start the rescoring",
    "jobs_started": "Rescoring started.",
    "jobs_none": "No rescoring started yet.",
    "jobs_state_queued": "Queued",
    "jobs_state_running": "Running",
    "jobs_state_done": "Done",
    "jobs_state_failed": "Finished with errors",
    "jobs_figures": "{done} of {total} chunks · {scored} of {clients} clients rescored · "
    "{errors} failed",
    "jobs_eta": "Estimated time left: {eta}",
    "jobs_eta_unknown": "Estimated time left: after the first chunk",
    "jobs_elapsed": "Elapsed: {elapsed}",
    "jobs_runner_queue": "Run by the workers (Redis queue).",
    "jobs_runner_in_process": "Run by this server (no Redis configured).",
    "jobs_error_line": "Chunk {chunk} ({attempts} failure(s)): {error}",
    "jobs_model_off": "The model is switched off or unavailable: rescoring is impossible.",
    "jobs_seconds": "{value} s",
    "jobs_minutes": "{value} min",
}
