"""Screenshots of every component variant of the design gallery (scripts/design_gallery.py),
one PNG per variant and language, taken from the element itself (no page around it):
docs/screenshots/components/<component>-<variant>.png in French, <...>-en.png in English.

Called by scripts/screenshots.py (`make screenshots`); alone:

    .venv/bin/python scripts/screenshot_gallery.py [--out docs/screenshots/components]
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from design_gallery import LANGUAGES, build_app, variant_keys  # noqa: E402
from localserver import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

SCALE = 1  # device pixels per CSS pixel: the PNGs stay small; the docs show them at 1:1


@contextmanager
def gallery_server():
    """The gallery served by werkzeug in a thread on a free loopback port."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, build_app().server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def file_name(name: str, variant: str, lang: str) -> str:
    return f"{name}-{variant}{'' if lang == 'fr' else '-' + lang}.png"


# Every chart of the variant that is shown and has data has drawn it (the gauge's number, the
# bars' points); a chart the page hides (the gauge while the model is off) is not waited for.
PLOTS_DRAWN = """() => [...document.querySelectorAll('#gallery-variant .js-plotly-plot')].every(
    plot => plot.offsetParent === null || (plot._fullLayout && (!(plot.data || []).length
        || plot.querySelector('.indicatorlayer .number, .barlayer .point'))))"""


def drawn(page) -> None:
    """The variant is on the page, its charts drawn and its grid's rows (or none) answered."""
    page.wait_for_selector("#gallery-variant")
    page.wait_for_function("!document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.wait_for_function(PLOTS_DRAWN)
    if page.query_selector("#gallery-variant .ag-root"):
        page.wait_for_function(
            "document.querySelector('#gallery-variant .ag-row .ag-cell') ||"
            " document.querySelector('#gallery-variant .ag-overlay-no-rows-wrapper,"
            " #gallery-variant .ag-overlay-no-rows-center')"
            " || document.querySelector('#portfolio-total').textContent.startsWith('0')"
        )
    page.evaluate("document.fonts.ready")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def small_png(image, path: Path, total: int = 256, spread: int = 16) -> None:
    """Save an RGB screenshot as a 256-colour PNG that keeps every distinct colour exactly.

    The palette takes the colours by frequency, first those at least `spread` (sum of channel
    differences) from every colour already taken (the page grey, navy, the risk colours, a
    legend's small swatch: each hue once), then the most frequent of the rest (anti-aliasing);
    each pixel takes its nearest palette colour. Pillow's own quantizers either drop a small
    swatch (median cut) or tint the page's grey (maximum coverage)."""
    import numpy as np
    from PIL import Image

    counts = sorted(image.getcolors(maxcolors=1 << 24), reverse=True)
    colours = np.array([rgb for _, rgb in counts], dtype=np.int64)
    distinct = [0]
    for i in range(1, len(colours)):
        if len(distinct) == total:
            break
        if np.abs(colours[distinct] - colours[i]).sum(axis=1).min() > spread:
            distinct.append(i)
    taken = set(distinct)
    rest = [i for i in range(len(colours)) if i not in taken][: total - len(distinct)]
    palette = colours[distinct + rest]
    pixels = np.asarray(image, dtype=np.int64).reshape(-1, 3)
    codes, inverse = np.unique(
        pixels[:, 0] << 16 | pixels[:, 1] << 8 | pixels[:, 2], return_inverse=True
    )
    unique = np.stack([(codes >> 16) & 255, (codes >> 8) & 255, codes & 255], axis=1)
    nearest = np.concatenate(  # in slices: a large page has tens of thousands of colours
        [
            ((unique[i : i + 4096, None, :] - palette[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
            for i in range(0, len(unique), 4096)
        ]
    )
    indexed = nearest[inverse].reshape(image.height, image.width).astype(np.uint8)
    out = Image.fromarray(indexed, "P")
    out.putpalette(palette.astype(np.uint8).flatten().tolist())
    out.save(path, optimize=True)


def save_element(page, path: Path) -> None:
    from PIL import Image

    raw = page.locator("#gallery-variant").screenshot(animations="disabled")
    small_png(Image.open(io.BytesIO(raw)).convert("RGB"), path)


def capture(base: str, out: Path, browser) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, device_scale_factor=SCALE, locale="fr-FR"
    )
    page = context.new_page()
    saved = []
    for lang in LANGUAGES:
        for name, variant in variant_keys():
            page.goto(f"{base}/{lang}/{name}/{variant}")
            drawn(page)
            path = out / file_name(name, variant, lang)
            save_element(page, path)
            saved.append(path)
    context.close()
    total = sum(p.stat().st_size for p in saved) // 1024
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"{shown}: {len(saved)} PNGs, {total} KB")
    return saved


def capture_all(out: Path, browser) -> list[Path]:
    with gallery_server() as base:
        return capture(base, out, browser)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "components")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        capture_all(args.out.resolve(), browser)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
