"""docs/design.md's colour tables are the tokens of the CSS and the chart modules, and every
text or graphic the pages draw on a background meets WCAG 2.x contrast (4.5:1 for text, 3:1
for large text and graphics), computed by scripts/design_tokens.py."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from app.layouts import figures
from modelling import plot_theme

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import design_tokens


@pytest.mark.parametrize(
    ("fg", "bg", "ratio"),
    [
        ("#000", "#fff", 21.0),  # the extremes
        ("#fff", "#fff", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic grey that just fails AA
        ("#767676", "#ffffff", 4.54),  # and the one that just passes
        ("rgba(255, 255, 255, 0.5)", "#000", 5.28),  # translucent: drawn over its background
    ],
)
def test_contrast_is_wcags_ratio(fg, bg, ratio):
    found = design_tokens.contrast(design_tokens.colour_in(fg), design_tokens.colour_in(bg))
    assert found == pytest.approx(ratio, abs=0.01)


def test_design_md_shows_the_tokens_as_they_are():
    text = design_tokens.DESIGN.read_text(encoding="utf-8")
    assert design_tokens.block_in(text) == design_tokens.tables(), (
        "docs/design.md's colour tables are out of date: "
        ".venv/bin/python scripts/design_tokens.py --write"
    )


def test_every_pair_in_use_meets_its_minimum():
    failing = [
        f"{p.foreground} on {p.background} ({p.where}): {p.ratio:.2f} < {p.minimum}"
        for p in design_tokens.pairs()
        if not p.passes
    ]
    assert failing == []


def test_charts_and_css_share_the_risk_and_brand_colours():
    found = design_tokens.tokens()
    same = {
        "--risk-up": figures.RISK_UP,
        "--risk-down": figures.RISK_DOWN,
        "--brand": plot_theme.CALM_COLOURS[0],
        "--bs-body-color": plot_theme.TEXT,
    }
    for token, python in same.items():
        assert design_tokens.colour(token, found) == design_tokens.colour_in(python), token


def test_a_lighter_colour_in_the_css_is_caught(tmp_path, monkeypatch):
    """The check reads the CSS as it is: a band word lightened to amber fails, and the doc's
    table no longer matches."""
    for path in design_tokens.THEME:
        shutil.copy(path, tmp_path / path.name)
    css = tmp_path / "portfolio.css"
    css.write_text(
        css.read_text().replace(
            ".portfolio-band-medium { color: #8a5a00", ".portfolio-band-medium { color: #e0a100"
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(design_tokens, "THEME", sorted(tmp_path.glob("*.css")))
    failing = [p.where for p in design_tokens.pairs() if not p.passes]
    assert "grid: À examiner" in failing
    text = design_tokens.DESIGN.read_text(encoding="utf-8")
    assert design_tokens.block_in(text) != design_tokens.tables()
