"""Screenshots of every dashboard page for docs/design.md (`make screenshots`).

Starts its own gunicorn on a free loopback port against a temporary SQLite database, a quick
model and the demo data, logs in with Debian's Chromium (never a downloaded browser), and saves
each page, in French, 1366 px wide and full-page, with the numbered marks that docs/design.md
explains, to docs/screenshots/<page>.png (plus the client page in English and at 1920x1080, and
the review queue and a case as a supervisor sees them, after the adviser refers a client); then
every component variant of the design gallery (scripts/screenshot_gallery.py) to
docs/screenshots/components/.
Everything is local: nothing is fetched from the internet.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--registry DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))  # the local gunicorn and Chromium set-up it shares
sys.path.insert(0, str(ROOT / "scripts"))  # the design gallery's capture

from localserver import BIN, CHROMIUM, CHROMIUM_ARGS, free_port, serve, stop  # noqa: E402
from screenshot_gallery import capture_all as capture_gallery  # noqa: E402
from screenshot_gallery import small_png  # noqa: E402

PASSWORD = "Demo-Conseil-2026"  # noqa: S105 - the documented demo log-in of a throwaway store
WIDTH, HEIGHT = 1366, 768


def environment(workdir: Path, registry: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        APP_ENV="development",
        PORT=str(port),
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY="2",
        DATABASE_URL=f"sqlite:///{workdir / 'screens.db'}",
        MODEL_REGISTRY_DIR=str(registry),
        SECRET_KEY="screens-secret-" + "x" * 32,
        JWT_SECRET_KEY="screens-jwt-" + "x" * 32,
        PSEUDONYMISATION_KEY="screens-pseudo-" + "x" * 32,
    )
    return env


def prepare(env: dict[str, str], train: bool) -> None:
    run = {"cwd": ROOT, "env": env, "check": True, "capture_output": True, "timeout": 900}
    if train:
        train_cmd = [sys.executable, "-m", "modelling", "train", "--quick", "--registry"]
        subprocess.run([*train_cmd, env["MODEL_REGISTRY_DIR"]], **run)  # noqa: S603
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    subprocess.run([*flask, "db", "upgrade"], **run)  # noqa: S603
    subprocess.run([*flask, "demo", "init"], **run)  # noqa: S603


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#login-email", email)
    page.fill("#login-password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector("#_pages_content > *")  # Dash pages' slot holds the page once drawn


# Numbered marks drawn on each page, explained in docs/design.md (a mark whose element is not on
# the page is left out). The colour is reserved for annotations: never a risk colour.
MARKS = {
    "portfolio": [
        "#portfolio-filters-card",
        "#portfolio-search",
        "#portfolio-total",
        "#portfolio-figures",
        "#portfolio-grid",
        "#nav-language",
    ],
    "client": [
        "#decision-aid-banner",
        "#client-advice-card",
        "#client-stale",
        "#client-features",
        "#client-contributions",
        "#client-counterfactual",
        "#client-cohort-card",
        "#client-decision-card",
    ],
    "simulator": ["#simulator-inputs-card", "#simulator-advice-card", "#simulator-why-card"],
    "model": [
        "#model-metrics",
        "#model-roc",
        "#model-calibration",
        "#model-cost",
        "#model-importance",
        "#model-candidates-card",
        "#model-fairness-card",
    ],
    "gdpr": ["#gdpr-data", "#gdpr-basis", "#gdpr-retention", "#gdpr-rights", "#gdpr-notice-card"],
    "reviews": ["#reviews-reason", "#reviews-overdue", "#reviews-summary", "#reviews-queue"],
    "client-review": ["#client-review-case", "#client-decision", "#client-history-card"],
    "admin": [
        "#admin-model-card",
        "#admin-erase-card",
        "#admin-users-card",
        "#admin-audit-card",
        "#admin-purge-card",
    ],
}
MARK_COLOUR = (123, 44, 191)


def boxes(page, selectors: list[str]) -> list[tuple[int, float, float, float, float] | None]:
    """Page coordinates of each selector's element (None when it is absent)."""
    return [
        page.evaluate(
            """sel => { const el = document.querySelector(sel);
        if (!el) return null; const r = el.getBoundingClientRect();
        return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]; }""",
            sel,
        )
        for sel in selectors
    ]


def annotate(image, marks) -> None:
    from PIL import ImageDraw, ImageFont

    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 18)
    except OSError:
        font = ImageFont.load_default()
    for number, box in enumerate(marks, start=1):
        if box is None:
            continue
        x, y, w, h = box
        draw.rectangle([x - 2, y - 2, x + w + 2, y + h + 2], outline=MARK_COLOUR, width=3)
        cx, cy = min(image.width - 16, x + w + 2), max(16, y - 2)  # top-right: off the text
        draw.ellipse([cx - 15, cy - 15, cx + 15, cy + 15], fill=MARK_COLOUR)
        draw.text((cx, cy), str(number), fill="white", font=font, anchor="mm")


def save(page, path: Path, marks: list[str] = (), full_page: bool = True) -> None:
    """A full-page PNG with numbered marks, reduced to a 256-colour palette whose frequent colours
    are exact (screenshot_gallery.small_png; each well under 300 KB)."""
    from PIL import Image

    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # let plotly finish its transitions
    found = boxes(page, list(marks))
    raw = page.screenshot(full_page=full_page)
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    annotate(image, found)
    small_png(image, path)
    print(
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{image.width}x{image.height}, {path.stat().st_size // 1024} KB"
    )


def capture(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="fr-FR")
        page = context.new_page()
        page.goto(f"{base}/login")
        save(page, out / "login.png")
        log_in(page, base, "conseiller1@demo.example")
        page.wait_for_selector("#portfolio-grid .ag-row a")
        save(page, out / "portfolio.png", MARKS["portfolio"])
        page.select_option("#portfolio-risk", "high")
        page.wait_for_selector("#portfolio-grid .ag-row a")
        page.wait_for_timeout(500)
        page.select_option("#portfolio-risk", "all")
        page.check("#portfolio-stale")
        page.wait_for_timeout(800)
        page.wait_for_selector("#portfolio-grid .ag-row a")
        page.click("#portfolio-grid .ag-row a")
        page.wait_for_selector("#client-gauge .main-svg")
        page.wait_for_selector("#client-history-table")
        save(page, out / "client.png", MARKS["client"])
        client = page.url.rsplit("/", 1)[-1]
        page.set_viewport_size({"width": 1920, "height": 1080})  # what a large screen shows
        save(page, out / "client-1920.png", full_page=False)
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        page.click("#nav-language")  # the same client in English: numbers, euros and dates
        page.wait_for_selector("#client-gauge .main-svg")
        page.wait_for_selector("#client-history-table")
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        save(page, out / "client-en.png")
        page.click("#nav-language")
        page.wait_for_selector("#client-history-table")
        page.goto(f"{base}/simulator?client={client}")
        page.wait_for_selector("#simulator-gauge .main-svg")
        page.wait_for_selector("#simulator-recommendation-badge")
        save(page, out / "simulator.png", MARKS["simulator"])
        page.goto(f"{base}/model")
        page.wait_for_selector("#model-metrics")
        save(page, out / "model.png", MARKS["model"])
        page.goto(f"{base}/gdpr")
        page.wait_for_selector("#gdpr-notice")
        save(page, out / "gdpr.png", MARKS["gdpr"])
        refer(page, base, client)
        page.context.clear_cookies()
        page.evaluate("sessionStorage.clear()")  # the filters the last reader left
        log_in(page, base, "superviseur@demo.example")
        page.wait_for_selector("#portfolio-grid .ag-row a")  # the bank's portfolio, no To-do
        save(page, out / "portfolio-supervisor.png", full_page=False)
        page.goto(f"{base}/reviews")
        page.wait_for_selector("#reviews-queue a")
        save(page, out / "reviews.png", MARKS["reviews"])
        page.click("#reviews-queue a")
        page.wait_for_selector("#client-review-case")
        page.wait_for_selector("#client-history-table")
        save(page, out / "client-review.png", MARKS["client-review"])
        page.context.clear_cookies()
        page.evaluate("sessionStorage.clear()")  # the filters the last reader left
        log_in(page, base, "admin@demo.example")
        page.goto(f"{base}/admin")
        page.wait_for_selector("#admin-audit-table")
        save(page, out / "admin.png", MARKS["admin"])
        capture_gallery(out / "components", browser)
        browser.close()


def refer(page, base: str, client: str) -> None:
    """The adviser hands the client to a supervisor: the review queue then has a case."""
    page.goto(f"{base}/clients/{client}")
    page.wait_for_selector("#client-decision-submit")
    page.locator("#client-decision input[type=radio][value=refer]").check()
    page.fill(
        "#client-justification", "Revenus en baisse depuis trois mois : avis d'un superviseur."
    )
    page.click("#client-decision-submit")
    page.wait_for_selector("#client-decision-ok")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--registry", type=Path, help="an existing model registry to reuse")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium package")
    with tempfile.TemporaryDirectory(prefix="screens-") as tmp:
        workdir = Path(tmp)
        registry = args.registry or workdir / "registry"
        port = free_port()
        env = environment(workdir, registry, port)
        prepare(env, train=args.registry is None)
        server = serve(env, port)
        try:
            capture(f"http://127.0.0.1:{port}", args.out.resolve())
        finally:
            stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
