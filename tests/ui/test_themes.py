"""Every built-in Textual theme is readable, measured on what is drawn: on the main, triage
and quick-capture screens, names, verdicts and reasons reach 4.5:1 against their
background and no text falls below 3:1. The chosen theme is kept between sessions."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.theme import BUILTIN_THEMES

from netpace.domain.wording import VERDICT_LABEL
from netpace.ui.app import NetpaceApp
from netpace.ui.legible import contrast
from netpace.ui.screens.capture import CaptureScreen
from netpace.ui.screens.triage import TriageScreen
from textual.color import Color

from .conftest import settle
from .scenes import select

# The terminal decides what ANSI themes look like: their contrast can't be known here.
THEMES = [name for name in BUILTIN_THEMES if not name.startswith("ansi")]
# Drawing, not text: box and bar characters, the gauge's marker, dots and bullets.
GRAPHIC = {chr(c) for c in range(0x2500, 0x25A0)} | set("▼·•┊‹› ")


def drawn_text(app, region=None):
    """(text, contrast against its background) of every piece of text on the screen (in
    `region`, for a dialog over a dimmed screen)."""
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            text, style = segment.text, segment.style
            start, x = x, x + cell_len(text)
            if region is not None and not (region.y <= y < region.bottom and region.x <= start < region.right):
                continue
            if style is None or not text.strip() or set(text) <= GRAPHIC:
                continue
            fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
            if style.reverse:
                fg, bg = bg, fg
            if style.dim:  # the terminal draws it half way to the background
                fg = fg.blend(bg, 0.5)
            found.append((text.strip(), contrast(fg, bg)))
    return found


def important(text: str, names: set[str], reasons: list[str]) -> bool:
    """A name (cut or not), a verdict, or part of a reason."""
    bare = text.rstrip("…").strip()
    if not bare:
        return False
    # (Short pieces of reasons are left out: a date alone is muted in the list.)
    return (any(name.startswith(bare) for name in names) or bare in VERDICT_LABEL.values()
            or (len(bare) > 12 and any(bare in reason for reason in reasons)))


def check(app, where: str, region=None) -> list[str]:
    network = app.network
    names = {s.contact.name for s in network.summaries}
    reasons = [r for s in network.summaries for r in s.assessment.reasons]
    problems = []
    for text, ratio in drawn_text(app, region):
        needed = 4.5 if important(text, names, reasons) else 3.0
        if ratio < needed:
            problems.append(f"{where}: {text!r} at {ratio:.2f}:1 (needs {needed})")
    return problems


@pytest.mark.parametrize("theme", THEMES)
async def test_every_text_is_readable_in_every_built_in_theme(make_app, theme):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await select(pilot, "Maren Holt")
        problems = check(app, "main")
        await pilot.press("t")
        await settle(app, pilot)
        assert isinstance(app.screen, TriageScreen)
        problems += check(app, "triage")
        await pilot.press("escape", "c")
        await settle(app, pilot)
        assert isinstance(app.screen, CaptureScreen)
        problems += check(app, "capture", app.screen.query_one("#dialog").region)
    assert not problems, "\n".join(problems[:20])


async def test_the_check_itself_finds_unreadable_text(make_app):
    """Without the legible colors (Textual's own variables), solarized-light fails: the
    check above can fail."""
    app = make_app()

    def textuals_own():
        variables = super(NetpaceApp, app).get_css_variables()
        return {**variables, "text-warm": variables["warning-lighten-2"]}

    app.get_css_variables = textuals_own
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "solarized-light"
        await select(pilot, "Maren Holt")
        assert any("at 1.0" in problem for problem in check(app, "main"))


async def test_the_chosen_theme_is_kept_for_the_next_session(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-dark"
        app.theme = "solarized-light"
        await settle(app, pilot)
    assert store.theme() == "solarized-light"
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.theme == "solarized-light"
