"""The design's colour tokens and their WCAG 2.x contrast, computed from the sources themselves:
the custom properties and colour declarations of assets/theme/*.css, Bootstrap's own variables
(assets/lib/bootstrap), and the chart colours of app/layouts/figures.py and
modelling/plot_theme.py. docs/design.md holds the tables this module writes; a test
(tests/test_design_tokens.py) fails when they disagree or when a pair in use falls under its
minimum (4.5:1 for text, 3:1 for large text and graphics).

    .venv/bin/python scripts/design_tokens.py            # print the tables
    .venv/bin/python scripts/design_tokens.py --write    # put them in docs/design.md
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.layouts import figures  # noqa: E402
from modelling import plot_theme  # noqa: E402

THEME = sorted((ROOT / "assets" / "theme").glob("*.css"))
BOOTSTRAP = ROOT / "assets" / "lib" / "bootstrap" / "bootstrap.min.css"
DESIGN = ROOT / "docs" / "design.md"
BEGIN, END = "<!-- design-tokens:begin -->", "<!-- design-tokens:end -->"
MINIMUM = {"text": 4.5, "large text": 3.0, "graphic": 3.0}
# Bootstrap's variables the pages use (badges, alerts, body text); the rest of its palette is
# not drawn anywhere.
BOOTSTRAP_USED = [
    f"--bs-{name}"
    for name in (
        "body-color",
        "success",
        "danger",
        "warning",
        "info",
        "secondary",
        "light",
        "warning-text-emphasis",
        "warning-bg-subtle",
        "danger-text-emphasis",
        "danger-bg-subtle",
        "info-text-emphasis",
        "info-bg-subtle",
        "secondary-text-emphasis",
        "secondary-bg-subtle",
        "light-text-emphasis",
        "light-bg-subtle",
    )
]
PYTHON = {
    "figures.RISK_UP": figures.RISK_UP,
    "figures.RISK_DOWN": figures.RISK_DOWN,
    "figures.NEUTRAL": figures.NEUTRAL,
    "figures.DIRECTION_COLOURS[no_notable_effect]": figures.DIRECTION_COLOURS["no_notable_effect"],
    **{f"figures.BAND_COLOURS[{k}]": v for k, v in figures.BAND_COLOURS.items()},
    **{f"figures.LEGEND_COLOURS[{k}]": v for k, v in figures.LEGEND_COLOURS.items()},
    "plot_theme.TEXT": plot_theme.TEXT,
    "plot_theme.GRID": plot_theme.GRID,
    **{f"plot_theme.CALM_COLOURS[{i}]": v for i, v in enumerate(plot_theme.CALM_COLOURS)},
}

# (foreground, background, kind, where): each pair of tokens the pages draw one on the other.
# A token is a CSS custom property ("--brand"), a rule's declaration ("body background"), a
# Bootstrap variable, a Python constant, or a literal colour for what no token names (#fff).
PAIRS = [
    ("--bs-body-color", "body background", "text", "body text on the page's grey"),
    ("--bs-body-color", "#fff", "text", "body text in a card"),
    (".text-secondary --bs-secondary-rgb", "body background", "text", "secondary text"),
    (".text-secondary --bs-secondary-rgb", "#fff", "text", "secondary text in a card"),
    ("--bs-link-color-rgb", "body background", "text", "links on the page"),
    ("--bs-link-color-rgb", "#fff", "text", "links in a card"),
    ("--brand", "body background", "large text", "page titles"),
    ("#fff", "--brand", "text", "primary buttons, brand"),
    (".app-navbar --bs-navbar-color", "--brand", "text", "navigation links"),
    (".client-fact-label color", ".client-header background", "text", "header labels"),
    ("code color", "#fff", "text", "code"),
    ("#fff", "--bs-success", "text", "badge Favorable"),
    (
        ".badge.bg-warning, .badge.bg-info --bs-badge-color",
        "--bs-warning",
        "text",
        "badges À examiner, en attente",
    ),
    (".badge.bg-warning, .badge.bg-info --bs-badge-color", "--bs-info", "text", "badge répondu"),
    ("#fff", "--bs-danger", "text", "badges Défavorable, En retard"),
    ("#fff", "--bs-secondary", "text", "badge Examen manuel"),
    ("--bs-warning-text-emphasis", "--bs-warning-bg-subtle", "text", "stale-data alert"),
    (
        "--bs-danger-text-emphasis",
        "--bs-danger-bg-subtle",
        "text",
        "model-off, not-approved, error banners",
    ),
    ("--bs-info-text-emphasis", "--bs-info-bg-subtle", "text", "decision-aid banner"),
    ("--bs-secondary-text-emphasis", "--bs-secondary-bg-subtle", "text", "model-off card"),
    ("--bs-light-text-emphasis", "--bs-light-bg-subtle", "text", "empty review queue"),
    ("figures.RISK_UP", "#fff", "text", "percentile ▲ (risky third)"),
    ("figures.RISK_DOWN", "#fff", "text", "percentile ▼ (safe third)"),
    ("figures.RISK_UP", "#f2f2f2", "text", "percentile ▲ on a striped row"),
    ("figures.RISK_DOWN", "#f2f2f2", "text", "percentile ▼ on a striped row"),
    (".portfolio-band-low color", "#fff", "text", "grid: Favorable"),
    (".portfolio-band-medium color", "#fff", "text", "grid: À examiner"),
    (".portfolio-band-high color", "#fff", "text", "grid: Défavorable"),
    (
        ".portfolio-band-low color",
        ".portfolio-stale-row background-color",
        "text",
        "grid: Favorable, stale row",
    ),
    (
        ".portfolio-band-medium color",
        ".portfolio-stale-row background-color",
        "text",
        "grid: À examiner, stale row",
    ),
    (
        ".portfolio-band-high color",
        ".portfolio-stale-row background-color",
        "text",
        "grid: Défavorable, stale row",
    ),
    (
        ".portfolio-stale-cell color",
        ".portfolio-stale-row background-color",
        "text",
        "grid: stale date",
    ),
    (".portfolio-review-pending color", "#fff", "text", "grid: en attente"),
    (".portfolio-review-answered color", "#fff", "text", "grid: répondu"),
    ("plot_theme.TEXT", "#fff", "text", "chart text"),
    ("figures.RISK_UP", "#fff", "graphic", "bars that raise the risk"),
    ("figures.RISK_DOWN", "#fff", "graphic", "bars that lower the risk"),
    ("figures.DIRECTION_COLOURS[no_notable_effect]", "#fff", "graphic", "bar of no notable effect"),
    ("figures.NEUTRAL", "figures.BAND_COLOURS[unfavourable]", "graphic", "gauge bar on its zone"),
    ("#000", "figures.BAND_COLOURS[review]", "graphic", "gauge threshold line"),
    ("--focus-ring", "#fff", "graphic", "focus ring's inner navy, on white"),
    (".form-control, … border-color", "#fff", "graphic", "edges of fields, selects, radios"),
    (":focus-visible outline", "--brand", "graphic", "focus ring's amber, on the navy bar"),
]


def declarations(css: str) -> list[tuple[str, str, str]]:
    """(selector, property, value) of every declaration (comments removed; the innermost
    block's selector inside an @media)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        for declaration in body.split(";"):
            if ":" in declaration:
                prop, value = declaration.split(":", 1)
                found.append((" ".join(selector.split()), prop.strip(), value.strip()))
    return found


def parse_colour(value: str) -> tuple[float, float, float, float] | None:
    """#rgb, #rrggbb, rgb()/rgba() or an "r, g, b" triplet -> (r, g, b, alpha); None otherwise."""
    value = value.replace("!important", "").strip().lower()
    if m := re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value):
        digits = m.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return (*(int(digits[i : i + 2], 16) for i in (0, 2, 4)), 1.0)
    if m := re.fullmatch(
        r"(?:rgba?\()?\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+))?\)?", value
    ):
        r, g, b, a = m.groups()
        return float(r), float(g), float(b), float(a) if a else 1.0
    return None


def colour_in(value: str) -> tuple[float, float, float, float] | None:
    """The colour of a declaration, alone ("#fff") or in a shorthand ("3px solid #f0b429")."""
    whole = parse_colour(value)
    if whole is not None:
        return whole
    inside = re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\([^)]*\)", value)
    return parse_colour(inside[0]) if len(inside) == 1 else None


def hex_of(colour: tuple[float, float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in colour[:3])


def tokens() -> dict[str, tuple[str, str]]:
    """name -> (value as written, source file) for every colour the design names."""
    found: dict[str, tuple[str, str]] = {}
    bootstrap = dict(
        (prop, value)
        for selector, prop, value in declarations(BOOTSTRAP.read_text(encoding="utf-8"))
        if ":root" in selector and "dark" not in selector and prop in BOOTSTRAP_USED
    )
    for name in BOOTSTRAP_USED:
        found[name] = (bootstrap[name], "Bootstrap 5.3")
    for path in THEME:
        for selector, prop, value in declarations(path.read_text(encoding="utf-8")):
            if colour_in(value) is None:
                continue
            if selector.count(",") > 1:  # a long list of selectors: named by its first
                selector = selector.split(",")[0] + ", …"
            key = prop if selector == ":root" and prop.startswith("--") else f"{selector} {prop}"
            found[key] = (value, f"assets/theme/{path.name}")
    for name, value in PYTHON.items():
        module = (
            "modelling/plot_theme.py" if name.startswith("plot_theme") else "app/layouts/figures.py"
        )
        found[name] = (value, module)
    return found


def colour(name: str, found: dict[str, tuple[str, str]]) -> tuple[float, float, float, float]:
    parsed = colour_in(found[name][0] if name in found else name)
    if parsed is None:
        raise KeyError(f"{name}: not a colour token of the design")
    return parsed


def over(fg: tuple, bg: tuple) -> tuple[float, float, float, float]:
    """A translucent colour as drawn on an opaque background."""
    alpha = fg[3]
    return (*(alpha * f + (1 - alpha) * b for f, b in zip(fg[:3], bg[:3], strict=True)), 1.0)


def luminance(rgb) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0-255 channels)."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg, bg) -> float:
    """WCAG 2.x contrast ratio of a foreground drawn on a background (1 to 21)."""
    lighter, darker = sorted((luminance(over(fg, bg)), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Pair:
    foreground: str
    background: str
    kind: str
    where: str
    ratio: float

    @property
    def minimum(self) -> float:
        return MINIMUM[self.kind]

    @property
    def passes(self) -> bool:
        return round(self.ratio, 2) >= self.minimum


def pairs() -> list[Pair]:
    found = tokens()
    return [
        Pair(fg, bg, kind, where, contrast(colour(fg, found), colour(bg, found)))
        for fg, bg, kind, where in PAIRS
    ]


def tables() -> str:
    """The two Markdown tables docs/design.md shows: the tokens, then the pairs in use."""
    found = tokens()
    lines = ["| Token | Value | Colour | Source |", "|---|---|---|---|"]
    for name, (value, source) in found.items():
        lines.append(f"| `{name}` | `{value}` | {hex_of(colour(name, found))} | {source} |")
    lines += [
        "",
        "| Text or graphic | On | Used for | Ratio | Minimum | |",
        "|---|---|---|---:|---:|---|",
    ]
    for pair in pairs():
        mark = "pass" if pair.passes else "**FAIL**"
        lines.append(
            f"| `{pair.foreground}` | `{pair.background}` | {pair.where} | "
            f"{pair.ratio:.2f}:1 | {pair.minimum:g}:1 ({pair.kind}) | {mark} |"
        )
    return "\n".join(lines)


def block_in(text: str) -> str:
    """The generated part of docs/design.md (between the markers)."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return text[start:end].strip("\n")


def write(path: Path = DESIGN) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n" + tables() + "\n" + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/design.md's tables")
    args = parser.parse_args(argv)
    if args.write:
        write()
    else:
        print(tables())
    return 0


if __name__ == "__main__":
    sys.exit(main())
