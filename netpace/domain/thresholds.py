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
# Their message older than this is no longer "owed": the moment to answer has passed.
REPLY_OWED_DAYS = 60
# A contact who once replied or met you, silent this long, is due a check-in.
QUIET_DAYS = 90
# A share of asks at or above this, over at least ASK_HEAVY_MIN_SENT messages, with no
# thanks or give among them, is called out.
ASK_HEAVY_SHARE = 0.5
ASK_HEAVY_MIN_SENT = 3

# -- a relationship's whole lifetime -------------------------------------------------
# No interaction for this long and no keep-in-touch cadence: dormant, out of today's
# queue (a tie worth reviving becomes a reconnect candidate instead).
DORMANT_DAYS = 365
# Your messages went unanswered: once the last one is past its follow-up window by this
# much more, let them go (never follow up or check in again until they write).
LET_GO_GRACE_DAYS = 30

# -- tie strength (see tie.py) -------------------------------------------------------
# A meeting or call counts as this many messages from them.
TIE_MEETING_POINTS = 2.0
# Each year the relationship has lasted adds this share, for up to TIE_LENGTH_YEARS.
TIE_LENGTH_PER_YEAR = 0.2
TIE_LENGTH_YEARS = 5
# The strength halves every this many days since their last message or meeting.
TIE_RECENCY_HALF_LIFE_DAYS = 3 * 365
# strength = 100 * (1 - exp(-points * length * recency / TIE_SCALE))
TIE_SCALE = 12.0
# Labels: strong from STRONG_TIE, regular from REGULAR_TIE, weak above 0, else none.
STRONG_TIE = 50
REGULAR_TIE = 25
# A dormant tie this strong (or a lapsed reply to one) is worth reviving: reconnect.
REVIVE_TIE = STRONG_TIE

# -- each contact's own pace (see pace.py) -------------------------------------------
# An answer later than this after your message is a new conversation, not a reply.
REPLY_PAIR_MAX_DAYS = 60
# Their typical reply time needs at least this many replies.
PACE_MIN_REPLIES = 3
# The follow-up window: this many times their typical reply time, within these limits.
PACE_FACTOR = 2.5
PACE_MIN_DAYS = 7
PACE_MAX_DAYS = 28
# Interactions at least this far apart start a new conversation.
CONVERSATION_BREAK_DAYS = 14
# A suggested keep-in-touch cadence needs at least this many conversations, and is
# rounded to the nearest of these steps (days).
CADENCE_MIN_CONVERSATIONS = 4
CADENCE_STEPS = (14, 30, 45, 60, 90, 120, 180, 365)

# -- today's queue -------------------------------------------------------------------
# Check-ins and reconnects shown per day unless the user sets another budget. Replies
# owed and follow-ups are never counted against it.
DAILY_CHECK_INS = 5
