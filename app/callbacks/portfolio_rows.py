"""The portfolio grid's rows and the total line, from the service's items, in the reader's
language (numbers and dates stay raw: the grid formats them with the browser's Intl)."""

from __future__ import annotations

from app.i18n import format_number
from app.layouts.common import band_word
from app.texts import t
from modelling.features import FEATURE_NAMES

TO_DO_WORDS = {
    "stale": "todo_stale",
    "review_answered": "todo_answered",
    "undecided": "todo_undecided",
}


def grid_row(item: dict, lang: str) -> dict:
    band, review = item.get("risk_band"), item.get("review")
    return {
        "client": f"[{item['id'][:8]}…](/clients/{item['id']})",
        "id": item["id"],
        **{name: item[name] for name in FEATURE_NAMES},
        "probability": item["probability_of_default"],
        "band": band_word(band, lang) if band else "—",
        "band_key": band or "",
        "data_updated_at": item["data_updated_at"],
        "stale": bool(item["stale"]),
        "review": t(f"mark_review_{review}", lang) if review else "",
        "review_key": review or "",
        "todo": ", ".join(t(TO_DO_WORDS[r], lang) for r in item.get("to_do", [])),
    }


def grid_rows(items: list[dict], lang: str) -> list[dict]:
    return [grid_row(item, lang) for item in items]


def total_text(total: int, lang: str, capped: bool = False) -> str:
    if capped:  # counted no further: "Plus de 10 000 clients"
        return t("portfolio_total_more", lang, count=format_number(total, lang))
    singular = total == 1 or (lang == "fr" and total == 0)
    return t(
        "portfolio_total_one" if singular else "portfolio_total",
        lang,
        count=format_number(total, lang),
    )
