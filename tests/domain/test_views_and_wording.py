"""The JSON shapes, the verdict wording, dates and shares in words, reply times in words,
a contact's summary and the lazy reasons: exact values, every key, each boundary."""

from datetime import date, datetime, timedelta, timezone

import pytest

from netpace.domain.humanize import ago, day_label, days_text, month_name, percent, relative_day, span, times
from netpace.domain.json_views import assessment_json, contact_json, interaction_json
from netpace.domain.model import (
    NO_PACE,
    NO_TIE,
    Assessment,
    Channel,
    Contact,
    ContactSummary,
    Direction,
    Interaction,
    Kind,
    MetVia,
    Pace,
    Reasons,
    Status,
    Tie,
    TieLabel,
    Verdict,
    Zone,
)
from netpace.domain.pace import reply_days_text
from netpace.domain.pressure import assess
from netpace.domain.summary import summarize, usual_channel
from netpace.domain.wording import NOTHING_TODAY, brief_line, next_text, waiting_line

from ..helpers import NOW, at, inbound, met, out, person

TODAY = date(2026, 11, 26)  # a Thursday
CET = timezone(timedelta(hours=1))


def assessment(verdict: Verdict = Verdict.OK, next_on: date | None = None, **fields) -> Assessment:
    values = dict(pressure=0, zone=Zone.CALM, verdict=verdict, next_on=next_on, reasons=(), reply_rate=None,
                  unanswered=0, last_contact=None, ask_share=None)
    values.update(fields)
    return Assessment(**values)


def queue(*verdicts: Verdict) -> list[ContactSummary]:
    return [ContactSummary(person(f"Person {i}"), assessment(v)) for i, v in enumerate(verdicts)]


# contact_json

def test_contact_json_writes_every_field():
    contact = Contact(
        name="Maren Holt", id=7, company="Nordlys Data", role="CTO", emails=("maren@nordlys.no", "m@holt.dev"),
        phone="+47 555 0101", linkedin="https://linkedin.com/in/maren", met_via=MetVia.CAREER_FAIR,
        met_on=date(2026, 3, 14), tags=("platform", "oslo"), notes="Sails on weekends", keep_in_touch_days=45,
        status=Status.SNOOZED, snoozed_until=date(2026, 12, 24),
    )
    assert contact_json(contact) == {
        "id": 7,
        "name": "Maren Holt",
        "company": "Nordlys Data",
        "role": "CTO",
        "emails": ["maren@nordlys.no", "m@holt.dev"],
        "phone": "+47 555 0101",
        "linkedin": "https://linkedin.com/in/maren",
        "met_via": "career_fair",
        "met_on": "2026-03-14",
        "tags": ["platform", "oslo"],
        "notes": "Sails on weekends",
        "keep_in_touch_days": 45,
        "status": "snoozed",
        "snoozed_until": "2026-12-24",
    }


def test_contact_json_of_a_bare_contact_has_nulls_and_empty_lists():
    assert contact_json(Contact(name="Bob")) == {
        "id": None,
        "name": "Bob",
        "company": "",
        "role": "",
        "emails": [],
        "phone": "",
        "linkedin": "",
        "met_via": None,
        "met_on": None,
        "tags": [],
        "notes": "",
        "keep_in_touch_days": None,
        "status": "active",
        "snoozed_until": None,
    }


def test_contact_json_lists_are_lists_not_tuples():
    shape = contact_json(Contact(name="Bob", emails=("b@x.io",), tags=("a",)))
    assert type(shape["emails"]) is list and type(shape["tags"]) is list


# interaction_json

def test_interaction_json_writes_every_field():
    item = Interaction(at=datetime(2026, 11, 24, 9, 15, tzinfo=CET), direction=Direction.IN, channel=Channel.LINKEDIN,
                       kind=Kind.ASK, note="Coffee next week?", id=12, contact_id=7, source="linkedin", planned=True)
    assert interaction_json(item) == {
        "id": 12,
        "at": "2026-11-24T09:15:00+01:00",
        "direction": "in",
        "channel": "linkedin",
        "kind": "ask",
        "note": "Coffee next week?",
        "source": "linkedin",
        "planned": True,
    }


def test_interaction_json_defaults():
    item = Interaction(at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc), direction=Direction.BOTH)
    assert interaction_json(item) == {
        "id": None,
        "at": "2026-01-02T03:04:05+00:00",
        "direction": "both",
        "channel": "email",
        "kind": "update",
        "note": "",
        "source": "manual",
        "planned": False,
    }


# assessment_json

def test_assessment_json_writes_every_field_rounded():
    a = assessment(
        Verdict.FOLLOW_UP, date(2026, 11, 30), pressure=63, zone=Zone.PRESSING,
        reasons=Reasons(("you wrote twice", "no answer in 9 days")), reply_rate=2 / 3, unanswered=2,
        last_contact=datetime(2026, 11, 17, 8, 0, tzinfo=timezone.utc), ask_share=1 / 3,
        tie=Tie(41, TieLabel.REGULAR, sent=5, received=3), pace=Pace(90720.0, 4, 30.0, 5),  # 1.05 days
        follow_up_days=9, suggested_cadence=30,
    )
    contact = Contact(name="Maren Holt", id=7, company="Nordlys Data", role="ignored")
    assert assessment_json(ContactSummary(contact, a, Channel.EMAIL)) == {
        "id": 7,
        "name": "Maren Holt",
        "company": "Nordlys Data",
        "verdict": "follow_up",
        "pressure": 63,
        "zone": "pressing",
        "next_on": "2026-11-30",
        "reasons": ["you wrote twice", "no answer in 9 days"],
        "reply_rate": 0.667,
        "unanswered": 2,
        "last_contact": "2026-11-17T08:00:00+00:00",
        "ask_share": 0.333,
        "tie": "regular",
        "tie_strength": 41,
        "reply_days": 1.1,
        "follow_up_days": 9,
        "suggested_keep_in_touch_days": 30,
    }


def test_assessment_json_without_history_has_nulls():
    a = assessment(Verdict.OK, tie=NO_TIE, pace=NO_PACE)
    assert assessment_json(ContactSummary(Contact(name="Bob"), a)) == {
        "id": None,
        "name": "Bob",
        "company": "",
        "verdict": "ok",
        "pressure": 0,
        "zone": "calm",
        "next_on": None,
        "reasons": [],
        "reply_rate": None,
        "unanswered": 0,
        "last_contact": None,
        "ask_share": None,
        "tie": "none",
        "tie_strength": 0,
        "reply_days": None,
        "follow_up_days": 0,
        "suggested_keep_in_touch_days": None,
    }


def test_assessment_json_writes_lazy_reasons_and_whole_shares():
    a = assessment(Verdict.WAIT, reasons=Reasons(lambda n: [f"wrote {n} times"], (3,)), reply_rate=1.0, ask_share=0.0,
                   pace=Pace(3 * 86400.0, 3, None, 1))
    shape = assessment_json(ContactSummary(Contact(name="Bob"), a))
    assert (shape["reasons"], shape["reply_rate"], shape["ask_share"], shape["reply_days"]) == (["wrote 3 times"], 1.0, 0.0, 3.0)
    assert type(shape["reasons"]) is list


# wording

@pytest.mark.parametrize(
    ("verdict", "next_on", "expected"),
    [
        (Verdict.REPLY_OWED, date(2026, 11, 24), "since Tue 24 Nov"),
        (Verdict.CONFIRM, date(2026, 11, 25), "since Wed 25 Nov"),
        (Verdict.FOLLOW_UP, date(2026, 11, 26), "due Thu 26 Nov"),
        (Verdict.CHECK_IN, date(2026, 12, 3), "due Thu 3 Dec"),
        (Verdict.RECONNECT, date(2025, 12, 31), "since Wed 31 Dec 2025"),
        (Verdict.WAIT, date(2027, 1, 1), "until Fri 1 Jan 2027"),
        (Verdict.BACK_OFF, date(2026, 12, 10), "until Thu 10 Dec"),
        (Verdict.OK, date(2026, 12, 10), "Thu 10 Dec"),
        (Verdict.DORMANT, date(2026, 12, 10), "Thu 10 Dec"),
        (Verdict.LET_GO, date(2026, 12, 10), "Thu 10 Dec"),
    ],
)
def test_next_text_per_verdict(verdict, next_on, expected):
    assert next_text(assessment(verdict, next_on), TODAY) == expected


@pytest.mark.parametrize("verdict", [Verdict.WAIT, Verdict.OK])
def test_next_text_without_a_date_is_empty(verdict):
    assert next_text(assessment(verdict, None), TODAY) == ""


@pytest.mark.parametrize(
    ("waiting", "expected"),
    [
        (1, "1 more check-in or reconnect waits for another day: netpace triage --all shows them."),
        (2, "2 more check-ins and reconnects wait for another day: netpace triage --all shows them."),
        (12, "12 more check-ins and reconnects wait for another day: netpace triage --all shows them."),
        (0, "0 more check-ins and reconnects wait for another day: netpace triage --all shows them."),
    ],
)
def test_waiting_line(waiting, expected):
    assert waiting_line(waiting, "netpace triage --all") == expected


def test_brief_line_of_nothing():
    assert brief_line([]) == NOTHING_TODAY == "Nothing to do today: nobody is waiting on you."


def test_brief_line_counts_in_a_fixed_order_with_singulars_and_plurals():
    line = brief_line(queue(Verdict.CHECK_IN, Verdict.REPLY_OWED, Verdict.CHECK_IN, Verdict.FOLLOW_UP,
                            Verdict.REPLY_OWED, Verdict.CHECK_IN))
    assert line == "2 replies owed, 1 follow-up, 3 check-ins"


def test_brief_line_each_verdict_once_and_twice():
    assert brief_line(queue(Verdict.RECONNECT, Verdict.CONFIRM, Verdict.REPLY_OWED)) == (
        "1 reply owed, 1 meeting to confirm, 1 reconnect")
    assert brief_line(queue(Verdict.RECONNECT, Verdict.CONFIRM, Verdict.CONFIRM, Verdict.RECONNECT,
                            Verdict.FOLLOW_UP, Verdict.FOLLOW_UP, Verdict.CHECK_IN)) == (
        "2 meetings to confirm, 2 follow-ups, 1 check-in, 2 reconnects")


def test_brief_line_counts_other_verdicts_as_more():
    assert brief_line(queue(Verdict.WAIT, Verdict.REPLY_OWED, Verdict.OK, Verdict.LET_GO)) == "1 reply owed, 3 more"
    assert brief_line(queue(Verdict.WAIT, Verdict.DORMANT)) == "2 more"
    assert brief_line(iter(queue(Verdict.BACK_OFF))) == "1 more"


# humanize

@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), "today"),
        (date(2026, 11, 27), "tomorrow"),
        (date(2026, 11, 25), "yesterday"),
        (date(2026, 11, 28), "Sat 28 Nov"),
        (date(2026, 11, 24), "Tue 24 Nov"),
        (date(2027, 1, 1), "Fri 1 Jan 2027"),
        (date(2025, 11, 26), "Wed 26 Nov 2025"),
    ],
)
def test_relative_day(day, expected):
    assert relative_day(day, TODAY) == expected


def test_relative_day_across_a_year_end():
    assert relative_day(date(2027, 1, 1), date(2026, 12, 31)) == "tomorrow"
    assert relative_day(date(2026, 12, 31), date(2027, 1, 1)) == "yesterday"
    assert relative_day(date(2026, 12, 30), date(2027, 1, 1)) == "Wed 30 Dec 2026"


@pytest.mark.parametrize(("share", "expected"), [(0.0, "0%"), (1.0, "100%"), (1 / 3, "33%"), (0.678, "68%"), (0.04, "4%")])
def test_percent(share, expected):
    assert percent(share) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (-3600, "moments"), (0, "moments"), (59.9, "moments"), (60, "1 minute"), (119, "1 minute"), (120, "2 minutes"),
        (3599, "59 minutes"), (3600, "1 hour"), (7199, "1 hour"), (7200, "2 hours"), (86399, "23 hours"),
        (86400, "1 day"), (2 * 86400, "2 days"), (14 * 86400 - 1, "13 days"), (14 * 86400, "2 weeks"),
        (21 * 86400 - 1, "2 weeks"), (21 * 86400, "3 weeks"), (60 * 86400 - 1, "8 weeks"), (60 * 86400, "2 months"),
        (89 * 86400, "2 months"), (90 * 86400, "3 months"), (730 * 86400 - 1, "24 months"), (730 * 86400, "2 years"),
        (1094 * 86400, "2 years"), (1095 * 86400, "3 years"),
    ],
)
def test_span(seconds, expected):
    assert span(timedelta(seconds=seconds)) == expected


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        (at(days=21), "3 weeks ago"), (at(minutes=1), "1 minute ago"), (at(hours=5), "5 hours ago"),
        (at(), "just now"), (at(minutes=0.5), "just now"), (at(days=-2), "in 2 days"), (at(minutes=-0.5), "in moments"),
        (at(hours=-1), "in 1 hour"),
    ],
)
def test_ago(then, expected):
    assert ago(then, NOW) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, "0 times"), (1, "once"), (2, "twice"), (3, "3 times"), (12, "12 times")])
def test_times(n, expected):
    assert times(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(0, "0 days"), (1, "1 day"), (2, "2 days"), (30, "30 days")])
def test_days_text(n, expected):
    assert days_text(n) == expected


# pace.reply_days_text

@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (1800.0, "an hour"),  # rounds to 0 hours
        (3600.0, "an hour"),
        (5399.0, "an hour"),
        (5400.0, "a few hours"),  # 1.5 hours rounds to 2
        (7200.0, "a few hours"),
        (86399.0, "a few hours"),
        (86400.0, "a day"),
        (129599.0, "a day"),
        (129600.0, "2 days"),  # 1.5 days rounds to 2
        (3 * 86400.0, "3 days"),
        (10 * 86400.0, "10 days"),
    ],
)
def test_reply_days_text(seconds, expected):
    assert reply_days_text(Pace(seconds, 4, None, 0)) == expected


# summary

def test_summarize_keeps_the_contact_assesses_and_finds_the_usual_channel():
    contact = person(id=3)
    items = [out(at(days=10), channel=Channel.LINKEDIN), out(at(days=6), channel=Channel.LINKEDIN),
             out(at(days=3)), inbound(at(days=2)), inbound(at(days=1))]
    summary = summarize(contact, items, NOW)
    assert summary.contact is contact
    assert summary.usual_channel == Channel.LINKEDIN  # of your messages, though email is the most seen
    assert summary.assessment == assess(contact, items, NOW)
    assert summary == ContactSummary(contact, assess(contact, items, NOW), Channel.LINKEDIN)


def test_summarize_without_history_has_no_channel():
    contact = person()
    summary = summarize(contact, [], NOW)
    assert (summary.contact, summary.usual_channel) == (contact, None)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([out(at(days=3)), out(at(days=2), channel=Channel.TEXT), out(at(days=1), channel=Channel.TEXT)], Channel.TEXT),
        ([out(at(days=3), channel=Channel.PHONE)], Channel.PHONE),
        ([out(at(days=3)), out(at(days=2), channel=Channel.TEXT)], Channel.EMAIL),  # a tie: the first seen
        ([out(at(days=3), channel=Channel.TEXT), out(at(days=2))], Channel.TEXT),
        ([met(at(days=4), Channel.VIDEO)], Channel.VIDEO),  # none of yours: of all
        ([inbound(at(days=4)), met(at(days=3), Channel.VIDEO), met(at(days=2), Channel.VIDEO)], Channel.VIDEO),
        ([], None),
    ],
)
def test_usual_channel(items, expected):
    assert usual_channel(items) == expected
    assert usual_channel(iter(items)) == expected


# Reasons

def test_reasons_read_like_their_tuple():
    written = []

    def write(who):
        written.append(who)
        return [f"{who} wrote last", "no reply owed"]

    reasons = Reasons(write, ("Maren",))
    assert written == []
    assert repr(reasons) == "('Maren wrote last', 'no reply owed')"
    assert hash(reasons) == hash(("Maren wrote last", "no reply owed"))
    assert "no reply owed" in reasons
    assert "Maren" not in reasons
    assert written == ["Maren"]  # written once, on first reading
    assert {reasons: 1}[("Maren wrote last", "no reply owed")] == 1


def test_plain_reasons_repr_hash_and_membership():
    reasons = Reasons(("a", "b"))
    assert repr(reasons) == "('a', 'b')"
    assert repr(Reasons(())) == "()"
    assert hash(reasons) == hash(("a", "b")) != hash(Reasons(("b", "a")))
    assert ("a" in reasons, "c" in reasons, "c" not in reasons) == (True, False, True)
    assert "" not in Reasons(())


def test_day_labels_name_every_day_of_three_years_in_english():
    today = date(2027, 6, 1)
    weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    day = date(2026, 1, 1)
    while day < date(2029, 1, 1):
        year = "" if day.year == 2027 else f" {day.year}"
        assert day_label(day, today) == f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]}{year}"
        assert month_name(day) == months[day.month - 1]
        day += timedelta(days=1)
    assert day_label(date(2026, 12, 3), date(2026, 11, 26)) == "Thu 3 Dec"
    assert day_label(date(2029, 2, 28), date(2026, 11, 26)) == "Wed 28 Feb 2029"
