"""Theme colors that stay readable: every text color netpace uses, checked against every
background it is drawn on, in whatever theme is chosen.

Textual's themes give a palette (primary, warning, ...) and a foreground, but not every
pair is readable: solarized-light's secondary on its surface is under 3:1, and the
"auto" colors ($text-muted, $block-cursor-foreground) are worked out against a dark
background when they are resolved inside a widget's component styles, which made them
all but invisible on light themes. `legible_variables` takes the theme's variables and
returns, for each text color, the nearest color that reaches its contrast against all of
netpace's backgrounds (moving it towards black on light themes, white on dark ones), as
concrete colors. The app puts them over the theme's own (App.get_css_variables), so
Textual's widgets and netpace's use the same names: $foreground, $text-muted,
$text-primary, ... and netpace's $text-warm (the warm zone).

Contrast is WCAG 2's: (L1 + 0.05) / (L2 + 0.05) of relative luminances. Names, verdicts
and reasons reach 4.5:1; muted words (dates, labels, companies) 3:1 with a margin.
Terminal-defined (ANSI) themes are left as they are: the terminal picks those colors.
"""

from __future__ import annotations

from textual.color import Color, ColorParseError

BLACK, WHITE = Color(0, 0, 0), Color(255, 255, 255)
READABLE = 4.5  # names, verdicts, reasons: WCAG AA for text
MUTED = 3.0  # anything else: WCAG AA for large text, the least any text gets
MARGIN = 0.15  # colors are rounded to whole RGB steps on the way to the terminal
STEPS = 40

# Text color variable -> (what it starts from, the contrast it must reach).
TEXT_COLORS: dict[str, tuple[str, float]] = {
    "foreground": ("foreground", READABLE),
    "text-primary": ("primary", READABLE),
    "text-secondary": ("secondary", READABLE),
    "text-accent": ("accent", READABLE),
    "text-warning": ("warning", READABLE),
    "text-error": ("error", READABLE),
    "text-success": ("success", READABLE),
    "text-warm": ("warning-lighten-2", READABLE),
    "text-muted": ("foreground", MUTED),
    "text-disabled": ("foreground", MUTED),
}
# How far towards the background a muted color starts (before it is made legible).
FADED = {"text-muted": 0.45, "text-disabled": 0.6}
# The backgrounds netpace draws text on (alpha ones over the surface and the background).
BACKGROUNDS = ("background", "surface", "panel", "boost", "block-cursor-blurred-background")


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: Color, other: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    a, b = luminance(one), luminance(other)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def readable_on(color: Color, backgrounds: list[Color], minimum: float) -> Color:
    """`color`, or the nearest color towards black or white (whichever the backgrounds
    favour) that reaches `minimum` against each of them."""
    goal = minimum + MARGIN
    extreme = BLACK if sum(luminance(b) for b in backgrounds) / len(backgrounds) > 0.18 else WHITE
    for step in range(STEPS + 1):
        candidate = color.blend(extreme, step / STEPS)
        if all(contrast(candidate, background) >= goal for background in backgrounds):
            return candidate
    return extreme


def _parse(text: str | None) -> Color | None:
    if text is None:
        return None
    try:
        color = Color.parse(text)
    except ColorParseError:
        return None
    return None if color.ansi is not None else color


def legible_variables(variables: dict[str, str]) -> dict[str, str]:
    """The text colors of these (generated) theme variables, made readable on netpace's
    backgrounds (for a theme of terminal colors, only $text-warm, as its warning)."""
    background, surface = _parse(variables.get("background")), _parse(variables.get("surface"))
    if background is None or surface is None:  # the terminal's colors: netpace's names for them
        return {"text-warm": variables.get("text-warning", variables.get("warning", "ansi_yellow"))}
    grounds: list[Color] = []
    for name in BACKGROUNDS:
        color = _parse(variables.get(name))
        if color is None:
            continue
        grounds.extend([background + color, surface + color] if color.a < 1 else [color])
    result: dict[str, str] = {}
    for name, (source, minimum) in TEXT_COLORS.items():
        start = _parse(variables.get(source)) or _parse(variables.get("foreground")) or background.inverse
        start = start.with_alpha(1.0)
        if name in FADED:
            start = start.blend(surface, FADED[name])
        result[name] = readable_on(start, grounds, minimum).hex
    # The row under the cursor: the cursor's own color, and text that reads on it.
    cursor = _parse(variables.get("block-cursor-background"))
    if cursor is not None:
        cursor = surface + cursor
        result["block-cursor-foreground"] = max((WHITE, BLACK), key=lambda c: contrast(c, cursor)).hex
    blurred = _parse(variables.get("block-cursor-blurred-background"))
    if blurred is not None:
        result["block-cursor-blurred-foreground"] = result["foreground"]
    # The footer: its keys and their descriptions on its own background.
    footer = _parse(variables.get("footer-background"))
    if footer is not None:
        footer = surface + footer
        key = _parse(variables.get("footer-key-foreground")) or _parse(variables.get("accent")) or WHITE
        result["footer-key-foreground"] = readable_on(key.with_alpha(1.0), [footer], READABLE).hex
        result["footer-description-foreground"] = readable_on(
            Color.parse(result["foreground"]), [footer], READABLE).hex
    return result
