from textual.widgets import Input

from netpace.domain.model import MetVia
from netpace.ui.screens.contact_form import ContactForm
from netpace.ui.widgets.contact_list import ContactList
from netpace.ui.widgets.timeline import Timeline

from .conftest import notifications, settle


async def test_n_adds_a_contact_with_inline_validation(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, ContactForm)
        await pilot.press("enter")
        assert "needs a name" in str(app.screen.query_one("#error").render())
        await pilot.press(*"Zoe Quinn", "tab", *"Parsec", "tab", *"Staff SRE", "tab", *"zoe-at-nowhere")
        await pilot.press("enter")
        assert "is not an e-mail address" in str(app.screen.query_one("#error").render())
        form = app.screen
        form.query_one("#f-emails", Input).value = "zoe@parsec.dev"
        form.query_one("#f-met_on", Input).value = "2w ago"
        form.query_one("#f-tags", Input).value = "sre, berlin"
        form.query_one("#f-keep_in_touch", Input).value = "abc"
        await pilot.press("ctrl+s")
        assert "Keep in touch" in str(app.screen.query_one("#error").render())
        form.query_one("#f-keep_in_touch", Input).value = "60"
        form.query_one("#f-met_via").value = MetVia.MEETUP
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        zoe = store.resolve("Zoe Quinn")
        assert (zoe.company, zoe.role, zoe.emails, zoe.tags) == ("Parsec", "Staff SRE", ("zoe@parsec.dev",), ("sre", "berlin"))
        assert zoe.met_via == MetVia.MEETUP and zoe.keep_in_touch_days == 60
        assert app.screen.query_one(ContactList).selected_id == zoe.id
        assert "Added Zoe Quinn." in notifications(app)


async def test_e_edits_the_selected_contact_and_escape_cancels(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        selected = app.screen.query_one(ContactList).selected_id
        original = store.contact(selected)
        await pilot.press("e")
        await settle(app, pilot)
        assert app.screen.query_one("#f-name", Input).value == original.name
        await pilot.press("tab", "ctrl+a", "ctrl+k", *"Kumo Cloud", "escape")
        await settle(app, pilot)
        assert store.contact(selected).company == original.company
        await pilot.press("e")
        await settle(app, pilot)
        await pilot.press("tab", "end", *" Inc", "enter")
        await settle(app, pilot)
        assert store.contact(selected).company == original.company + " Inc"
        assert store.contact(selected).name == original.name


async def test_d_deletes_the_selected_interaction_and_u_brings_it_back(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        contact_id = app.screen.query_one(ContactList).selected_id
        before = store.interactions(contact_id)
        await pilot.press("tab")  # to the timeline
        timeline = app.screen.query_one(Timeline)
        assert app.screen.focused is timeline
        await pilot.press("j")
        doomed = timeline.selected
        await pilot.press("d")
        await settle(app, pilot)
        after = store.interactions(contact_id)
        assert doomed.id not in [i.id for i in after] and len(after) == len(before) - 1
        assert "press u to undo" in notifications(app)[-1]
        await pilot.press("u")
        await settle(app, pilot)
        assert store.interactions(contact_id) == before
