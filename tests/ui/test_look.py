"""What a user sees at a glance: no sideways scrolling, every zone named, wrapped reasons hang."""

from datetime import date

import pytest

from .scenes import select
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.pressure_gauge import PressureGauge
from netpace.ui.widgets.timeline import Timeline
from netpace.ui.words import short_day, tiny_day

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


@pytest.mark.slow
async def test_the_gauge_always_shows_its_number_however_narrow_and_wherever_the_marker():
    """At 120 columns the gauge shares its row with the weekly history and is about 30
    cells wide: a long verdict pushes the number beside the marker, where it must still
    fit, shortened if need be, on one side or the other."""
    import re

    from textual.app import App

    from netpace.domain.model import Assessment, Reasons, Verdict
    from netpace.domain.pressure import zone_of
    from netpace.ui.widgets.pressure_gauge import Reading

    today = date(2026, 11, 26)

    class One(App):
        def compose(self):
            yield PressureGauge()

    for width in (20, 26, 30, 36, 44):
        app = One()
        app.CSS = f"PressureGauge {{ width: {width}; }}"
        async with app.run_test(size=(80, 12)) as pilot:
            gauge = app.query_one(PressureGauge)
            for pressure in range(0, 101):
                gauge.reading = Reading(Assessment(pressure, zone_of(pressure), Verdict.REPLY_OWED, date(2026, 11, 21),
                                                   Reasons(()), None, 0, None, None), today)
                await pilot.pause()
                top = [strip.text for strip in gauge.render_lines(gauge.region.reset_offset)][:2]
                assert any(re.search(rf"(^|\s){pressure}(\s|$)", line) for line in top), (width, pressure, top)


def test_tiny_day_never_reads_a_year_as_a_day():
    today = date(2026, 11, 26)
    assert tiny_day(date(2027, 2, 23), today) == "Feb'27"
    assert tiny_day(date(2026, 12, 3), today) == "3 Dec"
    assert tiny_day(today, today) == "today"
    assert all(len(tiny_day(date(2027, month, 28), today)) <= 6 for month in range(1, 13))


def test_the_narrow_day_columns_in_every_month_and_an_early_year():
    today = date(2026, 11, 26)
    assert [tiny_day(date(2027, m, 1), today) for m in (1, 6, 12)] == ["Jan'27", "Jun'27", "Dec'27"]
    assert tiny_day(date(2005, 3, 9), today) == "Mar'05"
    assert [short_day(date(2026, m, 9), today)[-3:] for m in range(1, 13)] == [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert short_day(date(2005, 3, 9), today) == "9 Mar 2005"
