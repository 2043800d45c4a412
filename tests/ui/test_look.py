"""What a user sees at a glance: no sideways scrolling, every zone named, wrapped reasons hang."""

from datetime import date

from netpace.ui.screenshots import select
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.pressure_gauge import PressureGauge
from netpace.ui.widgets.timeline import Timeline
from netpace.ui.words import short_day

from .conftest import screen_text, settle


def test_short_day_fits_the_next_column():
    today = date(2026, 11, 26)
    assert short_day(date(2026, 12, 3), today) == "Thu 3 Dec"
    assert short_day(date(2027, 2, 23), today) == "23 Feb 2027"
    assert short_day(date(2026, 11, 27), today) == "tomorrow"
    assert all(len(short_day(date(2027, m, 28), today)) <= 11 for m in range(1, 13))


async def test_80x24_has_no_sideways_scrollbars_and_shows_a_next_year_date_whole(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await select(pilot, "[bold]Bob[/] Marsh")
        assert not app.screen.query_one(ContactList).horizontal_scrollbar.display
        assert not app.screen.query_one(Timeline).horizontal_scrollbar.display
        assert app.screen.query_one(ContactList).scrollbars_enabled[1] is False
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await select(pilot, "[bold]Bob[/] Marsh")
        row = next(line for line in screen_text(app).splitlines() if "[bold]Bob[/] Marsh" in line and "back off" in line)
        assert "23 Feb 2027" in row


async def test_gauge_names_every_zone_and_hangs_wrapped_reasons(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await select(pilot, "[bold]Bob[/] Marsh")
        await settle(app, pilot)
        gauge = app.screen.query_one(PressureGauge)
        lines = [strip.text.rstrip() for strip in gauge.render_lines(gauge.region.reset_offset)]
        labels = next(line for line in lines if "calm" in line)
        assert all(zone in labels for zone in ("calm", "warm", "pressing", "pushy"))
        reasons = lines[lines.index(labels) + 1:]
        assert reasons[0].lstrip().startswith("• ")
        bullet_at = reasons[0].index("•")
        for line in reasons[1:]:
            if line.strip():
                assert line.lstrip().startswith("• ") or line.startswith(" " * (bullet_at + 2))
        assert any(not line.lstrip().startswith("•") for line in reasons if line.strip())  # something wrapped
