"""What quick capture and `netpace log` assume when the user doesn't say: the usual
channel, and a kind that follows from who spoke last before the moment logged."""

from datetime import datetime, timedelta, timezone

import pytest

from netpace.domain.defaults import default_channel, default_kind
from netpace.domain.model import Channel, Direction, Interaction, Kind

from ..helpers import inbound, met, out

AT = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)


def days(n: float) -> datetime:
    return AT - timedelta(days=n)


def heard(when: datetime, channel: Channel) -> Interaction:
    return Interaction(at=when, direction=Direction.IN, channel=channel, kind=Kind.REPLY)


# --- default_channel ------------------------------------------------------------------

def test_no_history_means_email():
    assert default_channel([]) is Channel.EMAIL


def test_the_channel_you_write_on_most():
    history = [
        out(days(9), channel=Channel.EMAIL),
        out(days(8), channel=Channel.LINKEDIN),
        out(days(7), channel=Channel.LINKEDIN),
        *(heard(days(d), Channel.TEXT) for d in range(1, 6)),  # what they write on doesn't count
    ]
    assert default_channel(history) is Channel.LINKEDIN


def test_one_message_of_yours_outweighs_many_of_theirs():
    history = [heard(days(5), Channel.TEXT), heard(days(4), Channel.TEXT), out(days(1), channel=Channel.PHONE)]
    assert default_channel(history) is Channel.PHONE


def test_your_in_person_messages_count():
    history = [out(days(3), channel=Channel.IN_PERSON), out(days(2), channel=Channel.IN_PERSON),
               out(days(1), channel=Channel.EMAIL), heard(days(1), Channel.TEXT)]
    assert default_channel(history) is Channel.IN_PERSON


def test_without_messages_of_yours_their_usual_channel_but_not_in_person():
    history = [met(days(6)), met(days(5)), met(days(4)), heard(days(3), Channel.TEXT),
               heard(days(2), Channel.TEXT), heard(days(1), Channel.FACEBOOK)]
    assert default_channel(history) is Channel.TEXT


def test_a_video_call_counts_when_you_never_wrote():
    assert default_channel([met(days(6)), met(days(2), channel=Channel.VIDEO)]) is Channel.VIDEO


def test_only_meetings_in_person_means_email():
    assert default_channel([met(days(6)), met(days(2))]) is Channel.EMAIL


# --- default_kind ---------------------------------------------------------------------

@pytest.mark.parametrize("history", [[], [inbound(days(1))], [out(days(1))]])
def test_both_ways_is_a_meeting(history):
    assert default_kind(Direction.BOTH, history, AT) is Kind.MEETING


@pytest.mark.parametrize("direction", [Direction.IN, Direction.OUT])
def test_a_first_message_either_way_is_an_intro(direction):
    assert default_kind(direction, [], AT) is Kind.INTRO


def test_their_message_after_yours_is_a_reply():
    assert default_kind(Direction.IN, [inbound(days(9)), out(days(5)), inbound(days(2))], AT) is Kind.REPLY


def test_their_message_when_you_never_wrote_is_an_intro():
    assert default_kind(Direction.IN, [inbound(days(9)), met(days(5))], AT) is Kind.INTRO


def test_their_message_counts_only_what_you_wrote_before_it():
    assert default_kind(Direction.IN, [out(AT + timedelta(hours=1))], AT) is Kind.INTRO
    assert default_kind(Direction.IN, [out(AT)], AT) is Kind.REPLY  # the same moment counts


def test_your_message_after_theirs_is_a_reply():
    assert default_kind(Direction.OUT, [out(days(5)), inbound(days(2))], AT) is Kind.REPLY


@pytest.mark.parametrize("last", [out(days(2)), met(days(2))])
def test_your_message_after_yours_or_a_meeting_is_a_follow_up(last):
    assert default_kind(Direction.OUT, [inbound(days(5)), last], AT) is Kind.FOLLOW_UP


def test_your_message_goes_by_the_latest_earlier_one_not_the_list_order():
    history = [inbound(days(1)), out(days(3)), out(days(5))]
    assert default_kind(Direction.OUT, history, AT) is Kind.REPLY
    history = [out(days(1)), inbound(days(3)), inbound(days(5))]
    assert default_kind(Direction.OUT, history, AT) is Kind.FOLLOW_UP


def test_your_message_leaves_out_what_comes_after_it():
    assert default_kind(Direction.OUT, [out(days(2)), inbound(AT + timedelta(minutes=5))], AT) is Kind.FOLLOW_UP
    assert default_kind(Direction.OUT, [inbound(AT + timedelta(days=1))], AT) is Kind.INTRO
    assert default_kind(Direction.OUT, [out(days(2)), inbound(AT)], AT) is Kind.REPLY  # the same moment counts
