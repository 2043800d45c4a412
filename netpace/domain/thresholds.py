"""Every number the pressure engine uses, in one place, named.

The README's "How the gauge decides" section explains these with a worked example;
change them here and the whole app follows.
"""

from __future__ import annotations

from .model import Kind

# -- the gauge -----------------------------------------------------------------------
# Zones on the 0-100 scale: calm < WARM <= warm < PRESSING <= pressing < PUSHY <= pushy.
WARM = 30
PRESSING = 55
PUSHY = 80

# How much one outgoing message weighs, by kind. Asks cost the relationship more;
# thanks and gives cost little.
KIND_WEIGHT: dict[Kind, float] = {
    Kind.ASK: 1.6,
    Kind.THANKS: 0.5,
    Kind.GIVE: 0.5,
}
DEFAULT_WEIGHT = 1.0

# A message's weight halves every HALF_LIFE_DAYS.
HALF_LIFE_DAYS = 30.0
# Messages older than this add nothing (their weight is below 2%).
DECAY_WINDOW_DAYS = 180

# A message they answered (they wrote or you met afterwards) costs nothing, except:
# an answered ask keeps ANSWERED_ASK_WEIGHT, and every extra message you sent before
# they answered keeps ANSWERED_SHARE of its weight for each one before it in that run.
ANSWERED_ASK_WEIGHT = 0.4
ANSWERED_SHARE = 0.3
# Your answer to their message is not pushing: while they haven't replied to it, it
# weighs this share of a message you started.
ANSWERING_SHARE = 0.35
# The k-th unanswered message in a row weighs 1 + CHASE_STEP * (k - 1) times as much.
CHASE_STEP = 0.75
# Another message within BURST_DAYS of your previous unanswered one.
BURST_DAYS = 3
BURST_FACTOR = 1.8
# A message within HASTE_HOURS of your previous message or meeting.
HASTE_HOURS = 12
HASTE_FACTOR = 1.6
# pressure = 100 * (1 - exp(-load / SATURATION)): one fresh message reads about 37.
SATURATION = 2.2

# -- the verdict ---------------------------------------------------------------------
# After a meeting at a networking event, they expect to hear from you the next day.
EVENT_FOLLOW_UP_DAYS = 1
# After an interview, a thank-you the next day; after a referral, reach out within two.
INTERVIEW_FOLLOW_UP_DAYS = 1
REFERRAL_FOLLOW_UP_DAYS = 2
# Met socially: give it a week, then a light note, not an ask.
SOCIAL_CHECK_IN_DAYS = 7
# With n unanswered messages, the next one is welcome this many days after the last.
FOLLOW_UP_AFTER_DAYS = 14  # n = 1: one polite follow-up
SECOND_FOLLOW_UP_AFTER_DAYS = 30  # n = 2: one last friendly note
# Three or more unanswered messages: leave them alone this long after the last one.
BACK_OFF_UNANSWERED = 3
BACK_OFF_DAYS = 90
# Their message older than this is no longer "owed"; it becomes a check-in.
REPLY_OWED_DAYS = 60
# A contact who once replied or met you, silent this long, is due a check-in.
DORMANT_DAYS = 90
# A share of asks at or above this, over at least ASK_HEAVY_MIN_SENT messages, with no
# thanks or give among them, is called out.
ASK_HEAVY_SHARE = 0.5
ASK_HEAVY_MIN_SENT = 3
