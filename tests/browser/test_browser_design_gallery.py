"""The design gallery in headless Chromium: every variant of every component is drawn with the
product's CSS, and axe-core (vendored, never from a CDN) finds no serious or critical violation
on any of them, in French and in English, and the browser logs no error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_browser_accessibility import BLOCKING, blocking_violations

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from design_gallery import LANGUAGES, variant_keys  # noqa: E402
from screenshot_gallery import drawn, gallery_server  # noqa: E402

pytestmark = pytest.mark.browser
TIMEOUT_MS = 15_000  # as in conftest.py


@pytest.fixture(scope="module")
def gallery():
    with gallery_server() as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="fr-FR")
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_variant_is_drawn_without_serious_violation(page, gallery, lang):
    assert {"serious", "critical"} == BLOCKING
    missing, violations, errors = [], {}, []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for name, variant in variant_keys():
        page.goto(f"{gallery}/{lang}/{name}/{variant}")
        drawn(page)
        frame = page.locator(f"#gallery-variant[data-component='{name}'][data-variant='{variant}']")
        box = frame.bounding_box() if frame.count() == 1 else None
        if not box or box["height"] < 10:
            missing.append(f"{name}/{variant}")
        found = blocking_violations(page)
        if found:
            violations[f"{name}/{variant}"] = found
    assert page.evaluate("document.documentElement.lang") == lang
    assert missing == []
    assert violations == {}
    assert errors == []
