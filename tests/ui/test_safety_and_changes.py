"""User text is data; other processes' changes show up; start-up errors are one sentence."""

import subprocess
import sys
from pathlib import Path

from netpace.domain.model import Contact, Direction, Interaction
from netpace.store import open_store
from netpace.ui.widgets.contact_list import ContactList

from .conftest import notifications, screen_text, settle, wait_until

HOSTILE = "\x1b]2;pwned\x07Eve \x1b[31mRed\x1b[0m [$accent]x"


async def test_markup_and_escape_sequences_never_reach_the_screen(make_app, store, fixed_now):
    eve = store.add_contact(Contact(name="Eve", company="[b]Acme[/b]", tags=("[$accent]x",)), fixed_now)
    store.log(eve.id, Interaction(at=fixed_now, direction=Direction.IN, note=HOSTILE), fixed_now)
    app = make_app()
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"eve", "enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert "\x1b" not in text and "\x07" not in text
        assert "[b]Acme[/b]" in text and "#[$accent]x" in text
        assert "Eve Red [$accent]x" in text  # the note, with its escape sequences stripped
        await pilot.press("c", *"[bold]hi[/]", "enter")
        await settle(app, pilot)
        assert store.interactions(eve.id)[-1].note == "[bold]hi[/]"
        assert "[bold]hi[/]" in screen_text(app)
        bob = store.resolve("[bold]Bob[/] Marsh")
        app.screen.select(bob.id)
        await settle(app, pilot)
        await pilot.press("c", *"one more", "enter")
        await settle(app, pilot)
        assert notifications(app)[-1].startswith("Logged follow up with [bold]Bob[/] Marsh:")
        assert "[bold]Bob[/] Marsh" in screen_text(app)


async def test_a_change_from_another_process_shows_up(make_app, demo_location, fixed_now):
    app = make_app(poll_seconds=0.2)  # SQLite: the marker is polled; PostgreSQL notifies the app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        with open_store(demo_location) as other:
            other.add_contact(Contact(name="Walter Outside", company="CLI Corp"), fixed_now)
        await wait_until(pilot, lambda: any(r.name == "Walter Outside" for r in app.screen.query_one(ContactList).rows),
                         what="the other process's contact listed")
        assert "Walter Outside" in [r.name for r in app.screen.query_one(ContactList).rows]


def test_a_database_that_is_not_ours_is_one_sentence(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("this is not sqlite, just text " * 100)
    netpace = Path(sys.executable).parent / "netpace"
    result = subprocess.run([str(netpace), "--db", str(bad)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("netpace: ") and "not a netpace database" in result.stderr


async def test_the_app_opens_no_network_connection(make_app, monkeypatch):
    import socket

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("netpace tried to open a network connection")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("escape", "c", *"privacy check", "enter")
        await settle(app, pilot)
    assert attempts == []
