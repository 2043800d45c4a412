"""A believable demo network, built around a given `now`, the same every time.

Scripted people cover every verdict and zone (including a markup-like name and one in a
non-Latin script); a seeded filler adds ordinary histories around them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .domain.model import Channel, Contact, Direction, Interaction, Kind, MetVia
from .store.errors import StoreError

O, I, B = Direction.OUT, Direction.IN, Direction.BOTH
E, L, P, V, T, F = Channel.EMAIL, Channel.LINKEDIN, Channel.IN_PERSON, Channel.VIDEO, Channel.TEXT, Channel.PHONE


@dataclass(frozen=True)
class Person:
    name: str
    company: str
    role: str
    via: MetVia | None
    met_days_ago: float | None
    history: tuple[tuple[float, Direction, Channel, Kind, str], ...]
    tags: tuple[str, ...] = ()
    cadence: int | None = None
    notes: str = ""
    # Meetings logged ahead, not yet confirmed: (days ago, negative when still ahead; channel; note).
    planned: tuple[tuple[float, Channel, str], ...] = ()


CAST: tuple[Person, ...] = (
    # -- reply owed
    Person("Maren Holt", "Nordlys Data", "Head of Platform", MetVia.CONFERENCE, 24, (
        (24, B, P, Kind.MEETING, "Talked at PlatformCon about their move to Kubernetes"),
        (23, O, E, Kind.FOLLOW_UP, "Thanks for the chat; sent my write-up on build caching"),
        (21, I, E, Kind.REPLY, "Liked the write-up, shared it with her team"),
        (12, O, E, Kind.ASK, "Asked about the platform role on their careers page"),
        (2, I, E, Kind.REPLY, "Sent the job description; suggests a call next week"),
    ), tags=("platform", "hiring"), notes="Knows the hiring manager for the platform team."),
    Person("Priya Raman", "Lattice Health", "Engineering Manager", MetVia.REFERRAL, 40, (
        (38, O, E, Kind.INTRO, "Intro via Jonas: asked for 20 minutes about their data team"),
        (36, I, E, Kind.REPLY, "Happy to chat"),
        (30, B, V, Kind.MEETING, "Video call: team structure, on-call, what they look for"),
        (29, O, E, Kind.THANKS, "Thanks for the call"),
        (1, I, L, Kind.UPDATE, "A senior role opens in January; wants to know if I'm interested"),
    ), tags=("data", "referral")),
    Person("佐藤 花子", "Kumo Systems", "Staff Engineer", MetVia.MEETUP, 60, (
        (60, B, P, Kind.MEETING, "Tokyo Rust meetup, talked about embedded work"),
        (58, O, L, Kind.FOLLOW_UP, "Connected on LinkedIn with a note"),
        (57, I, L, Kind.REPLY, "Accepted, said hello"),
        (5, I, L, Kind.UPDATE, "Asked if I know anyone for their Berlin office"),
    ), tags=("rust",)),
    # -- follow up
    Person("Diego Alvarez", "Fernhill Labs", "CTO", MetVia.MEETUP, 1, (
        (1.1, B, P, Kind.MEETING, "Berlin Python meetup: they are hiring a second backend engineer"),
    ), tags=("python", "startup")),
    Person("Tomasz Nowak", "Brightwave", "Recruiter", MetVia.ONLINE, None, (
        (22, O, L, Kind.ASK, "Asked whether the SRE opening is still active"),
    ), tags=("recruiter",)),
    Person("Aisha Bello", "Greenline Energy", "Talent Partner", MetVia.CAREER_FAIR, 3, (), tags=("energy",),
           notes="Stand 14 at the career fair; asked me to send a CV."),
    Person("Grace Liu", "Oakridge Analytics", "Director of Data", MetVia.REFERRAL, 4, (), tags=("data",),
           notes="Maren suggested I write to her."),
    # -- check in
    Person("Jonas Berg", "Independent", "Mentor, ex-VP Engineering", MetVia.COLLEAGUE, 900, (
        (400, B, P, Kind.MEETING, "Lunch"),
        (250, O, E, Kind.UPDATE, "New job news"),
        (248, I, E, Kind.REPLY, "Congratulations"),
        (130, B, F, Kind.MEETING, "Phone call about career direction"),
    ), tags=("mentor",), cadence=90),
    Person("Léa Moreau", "Atelier Cloud", "Product Lead", MetVia.COLLEAGUE, 700, (
        (320, O, E, Kind.UPDATE, "Shared the conference talk"),
        (318, I, E, Kind.REPLY, "Great talk"),
        (300, B, V, Kind.MEETING, "Catch-up call"),
        (210, O, E, Kind.GIVE, "Sent her a candidate for her team"),
        (208, I, E, Kind.THANKS, "Thanks, they hired him"),
    ), tags=("product",)),
    Person("Sam O'Neill", "Harbour Bank", "Risk Analyst", MetVia.SOCIAL, 10, (
        (10, B, P, Kind.MEETING, "Met at a friend's birthday; works in risk tech"),
    )),
    Person("Rui Carvalho", "Tidepool", "Founder", MetVia.COLD, None, (
        (130, O, E, Kind.INTRO, "Cold note about their open-source scheduler"),
        (115, O, E, Kind.FOLLOW_UP, "Followed up"),
        (100, O, L, Kind.FOLLOW_UP, "Tried LinkedIn"),
    )),
    # -- wait
    Person("Olivia Chen", "Quartz Robotics", "Hiring Manager", MetVia.INTERVIEW, 6, (
        (6, B, V, Kind.MEETING, "First-round interview"),
        (5, O, E, Kind.THANKS, "Thank-you note after the interview"),
        (4, I, E, Kind.REPLY, "Thanks; next steps in a week or two"),
        (4, O, E, Kind.UPDATE, "Sent the code sample she asked for"),
    ), tags=("interview",), planned=((-3.25, V, "Second-round interview with the team"),)),
    Person("Ben Carter", "Mosaic AI", "ML Engineer", MetVia.CONFERENCE, 40, (
        (40, B, P, Kind.MEETING, "NeurIPS poster session"),
        (39, O, E, Kind.FOLLOW_UP, "Sent the paper we discussed"),
        (38, I, E, Kind.REPLY, "Thanks!"),
        (25, O, E, Kind.ASK, "Asked for a referral to their infra team"),
        (10, O, E, Kind.FOLLOW_UP, "Gentle nudge on the referral"),
    ), tags=("ml",)),
    Person("Hannah Fischer", "Stadtwerke Digital", "Team Lead", MetVia.EVENT, 0, (
        (0.15, B, P, Kind.MEETING, "Women in Tech evening: talked about their new platform team"),
    ), tags=("platform",)),
    Person("Kwame Mensah", "Savanna Pay", "VP Engineering", MetVia.CONFERENCE, 0, (
        (0.2, B, P, Kind.MEETING, "Coffee at the fintech summit"),
        (0.19, O, L, Kind.ASK, "Asked for an intro to their hiring manager, ten minutes after"),
    ), tags=("fintech",)),
    Person("Freya Lindqvist", "Polar Games", "Studio Director", MetVia.ONLINE, None, (
        (9, I, L, Kind.INTRO, "Saw my talk, said hello"),
        (8, O, L, Kind.REPLY, "Thanked her, asked about the studio"),
    )),
    # -- back off
    Person("[bold]Bob[/] Marsh", "[red]Evil Corp[/red]", "Growth Hacker", MetVia.COLD, None, (
        (10, O, E, Kind.ASK, "Asked for a referral"),
        (6, O, E, Kind.FOLLOW_UP, "Bumped the thread [link=https://example.invalid]here[/link]"),
        (1, O, L, Kind.ASK, "Asked again on LinkedIn"),
    ), tags=("[$accent]x",)),
    Person("Chloe Dubois", "Luma Studio", "Design Director", MetVia.EVENT, 30, (
        (30, B, P, Kind.MEETING, "Design week panel"),
        (29, O, E, Kind.FOLLOW_UP, "Follow-up after the panel"),
        (27, I, E, Kind.REPLY, "Nice to meet you"),
        (2, O, E, Kind.ASK, "Asked about freelance work"),
        (1, O, T, Kind.ASK, "Texted to ask again"),
    )),
    Person("Victor Petrov", "Ironclad Security", "CISO", MetVia.CONFERENCE, 70, (
        (70, B, P, Kind.MEETING, "Security conference hallway chat"),
        (60, O, E, Kind.ASK, "Asked for an intro"),
        (58, I, E, Kind.REPLY, "Made the intro"),
        (40, O, E, Kind.ASK, "Asked for a reference"),
        (39, I, E, Kind.REPLY, "Sure"),
        (20, O, E, Kind.ASK, "Asked for feedback on my CV"),
        (19, I, E, Kind.REPLY, "Sent notes"),
        (8, O, E, Kind.ASK, "Asked to review a cover letter"),
        (7, O, E, Kind.ASK, "Asked again, with a deadline"),
    ), tags=("security",)),
    # -- ok
    Person("Nadia Karim", "Helix Bio", "Data Scientist", MetVia.COLLEAGUE, 500, (
        (40, O, E, Kind.UPDATE, "Shared a dataset"),
        (39, I, E, Kind.REPLY, "Useful, thanks"),
        (25, I, E, Kind.ASK, "Asked me to review her talk"),
        (24, O, E, Kind.GIVE, "Reviewed the talk"),
        (20, I, E, Kind.THANKS, "Thanks"),
        (7, B, P, Kind.MEETING, "Lunch near her office"),
    ), tags=("data", "friend")),
    Person("Ethan Brooks", "Cobalt Consulting", "Partner", MetVia.COLLEAGUE, 1200, (
        (50, B, F, Kind.MEETING, "Quarterly call"),
        (12, O, E, Kind.UPDATE, "Sent the article he'd like"),
        (11, I, E, Kind.THANKS, "Thanks"),
    ), tags=("consulting",), cadence=60),
    Person("Ingrid Larsen", "Fjord Logistics", "Head of Talent", MetVia.CAREER_FAIR, 20, (
        (19, O, E, Kind.FOLLOW_UP, "Sent CV after the fair"),
        (3, I, E, Kind.REPLY, "Passed it to the team"),
        (3, O, E, Kind.THANKS, "Thanked her"),
    ), tags=("logistics",)),
    # -- a long history: years of it
    Person("Anneke de Vries", "Brightline Maps", "Principal Engineer", MetVia.COLLEAGUE, 3300, (
        (3250, B, P, Kind.MEETING, "Farewell lunch when she left for Brightline"),
        (3100, O, E, Kind.UPDATE, "Told her about the new team"),
        (3098, I, E, Kind.REPLY, "Congratulated me, asked about the stack"),
        (2700, I, E, Kind.ASK, "Asked me to review her conference talk"),
        (2698, O, E, Kind.GIVE, "Sent detailed notes on the talk"),
        (2690, I, E, Kind.THANKS, "Thanked me, the talk went well"),
        (2300, B, V, Kind.MEETING, "Video call about her move into management"),
        (1900, O, L, Kind.GIVE, "Congratulated her on the promotion"),
        (1899, I, L, Kind.THANKS, "Thanks!"),
        (1500, B, P, Kind.MEETING, "Coffee at the Rotterdam conference"),
        (1100, O, E, Kind.ASK, "Asked for her take on a job offer"),
        (1098, I, E, Kind.REPLY, "Long, thoughtful answer"),
        (1097, O, E, Kind.THANKS, "Thanked her"),
        (700, I, E, Kind.GIVE, "Sent me a job lead at her company"),
        (699, O, E, Kind.THANKS, "Thanked her, not looking then"),
        (430, B, F, Kind.MEETING, "Phone catch-up on her new project"),
    ), tags=("mentor", "maps")),
    Person("Rosa Jiménez", "Cobre Studio", "Engineering Director", MetVia.CONFERENCE, 2600, (
        (2600, B, P, Kind.MEETING, "Met at a meetup in Madrid"),
        (2590, O, E, Kind.FOLLOW_UP, "Sent the slides we talked about"),
        (2588, I, E, Kind.REPLY, "Thanked me, shared her own"),
        (2100, O, E, Kind.UPDATE, "Shared my move to Berlin"),
        (2097, I, E, Kind.REPLY, "Offered to introduce me around"),
        (2095, O, E, Kind.THANKS, "Thanked her"),
        (1600, B, V, Kind.MEETING, "Video call about her team's hiring"),
        (1200, O, E, Kind.GIVE, "Sent a candidate her way"),
        (1195, I, E, Kind.THANKS, "They hired him"),
        (800, B, P, Kind.MEETING, "Dinner when she was in Berlin"),
        (400, O, L, Kind.UPDATE, "Shared my new role"),
        (398, I, L, Kind.REPLY, "Congratulated me"),
        (130, I, E, Kind.ASK, "Asked whether I'd speak at her team's offsite"),
    ), tags=("speaking",)),
    Person("Amara Osei", "Kestrel Cloud", "Staff Engineer", MetVia.MEETUP, 420, (
        (420, B, P, Kind.MEETING, "Kubernetes meetup, talked about platform teams"),
        (360, O, E, Kind.UPDATE, "Shared a write-up on our migration"),
        (358, I, E, Kind.REPLY, "Answered with her own notes"),
        (300, O, E, Kind.UPDATE, "Asked how her migration went"),
        (298, I, E, Kind.REPLY, "Went well, shared the postmortem"),
        (240, O, E, Kind.GIVE, "Sent her a job lead"),
        (238, I, E, Kind.THANKS, "Thanked me"),
        (180, O, E, Kind.UPDATE, "Shared my talk"),
        (178, I, E, Kind.REPLY, "Liked it, had questions"),
        (120, O, E, Kind.UPDATE, "Answered her questions about the talk"),
        (118, I, E, Kind.REPLY, "Said it helped"),
        (60, O, E, Kind.UPDATE, "Asked about the platform role at Kestrel"),
        (58, I, E, Kind.REPLY, "Said it's opening soon, will tell me"),
        (8, O, E, Kind.FOLLOW_UP, "Asked whether the role has opened"),
    ), tags=("platform",)),
    Person("Sven Olsen", "Nordic Fintech", "Product Manager", MetVia.ONLINE, 900, (
        (900, I, L, Kind.INTRO, "Said hello after my post"),
        (899, O, L, Kind.REPLY, "Said hello back"),
        (150, I, L, Kind.UPDATE, "Asked whether I'm still in Berlin"),
    )),
    Person("Marcus Webb", "Talent Bridge", "Recruiter", MetVia.COLD, None, (
        (2200, O, L, Kind.ASK, "Asked about the data engineering roles he posted"),
        (800, O, E, Kind.ASK, "Asked whether his client was hiring"),
        (785, O, E, Kind.FOLLOW_UP, "Followed up"),
        (760, O, L, Kind.ASK, "Asked again on LinkedIn"),
    ), tags=("recruiter",)),
    Person("Lukas Meyer", "Kraft Robotics", "Engineering Manager", MetVia.REFERRAL, 30, (
        (30, O, E, Kind.INTRO, "Intro via Anneke: asked about his robotics platform team"),
        (28, I, E, Kind.REPLY, "Happy to talk, proposed a call"),
        (27, O, E, Kind.SCHEDULING, "Booked the call for last Monday"),
    ), tags=("robotics",), planned=((2.875, V, "Call about his team's roadmap"),)),
    Person("Hiro Tanaka", "Sakura Labs", "Research Scientist", MetVia.ONLINE, 3000, (
        (3000, O, L, Kind.INTRO, "Thanks for connecting"),
        (2999, I, L, Kind.THANKS, "Likewise!"),
    )),
)

FIRST = ("Amelia", "Noah", "Sofia", "Lucas", "Mia", "Arjun", "Zoe", "Mateo", "Elena", "Yusuf",
         "Clara", "Felix", "Anika", "Omar", "Julia", "Kenji", "Laura", "Ravi", "Nora", "Tariq")
LAST = ("Schmidt", "Okafor", "Rossi", "Novak", "Haddad", "Kowalski", "Fernandes", "Ito",
        "Andersson", "Murphy", "Costa", "Weber", "Nair", "Silva", "Jensen", "Park")
COMPANIES = ("Acme Cloud", "Blue Fjord", "Cinder Labs", "Delta Freight", "Evergreen Health",
             "Fable Games", "Granite Bank", "Hopper Travel", "Indigo Media", "Juniper Retail")
ROLES = ("Software Engineer", "Product Manager", "Recruiter", "Engineering Manager",
         "Data Analyst", "Designer", "Founder", "Staff Engineer")
NOTES = {  # filler notes, by kind
    Kind.INTRO: "Introduced myself", Kind.FOLLOW_UP: "Followed up", Kind.CHECK_IN: "Checked in",
    Kind.ASK: "Asked about openings on their team", Kind.THANKS: "Said thanks",
    Kind.GIVE: "Shared a job lead", Kind.UPDATE: "Shared news", Kind.MEETING: "Coffee chat",
    Kind.REPLY: "Replied",
}
FILLER = 11
SEED = 7


def _at(now: datetime, days_ago: float) -> datetime:
    return now - timedelta(days=days_ago)


def _filler(rng: random.Random, name: str) -> Person:
    """An ordinary, balanced relationship: exchanges that got answered, some long ago."""
    history = []
    exchanges = rng.randint(2, 6)
    days = [rng.uniform(6, 80)]
    for _ in range(exchanges - 1):
        days.append(days[-1] + rng.uniform(20, 120))
    for index, day in enumerate(reversed(days)):
        last = index == exchanges - 1
        if rng.random() < 0.3:
            history.append((round(day, 2), B, rng.choice((P, V, F)), Kind.MEETING, NOTES[Kind.MEETING]))
            continue
        kind = rng.choice((Kind.UPDATE, Kind.ASK, Kind.GIVE, Kind.CHECK_IN))
        channel = rng.choice((E, E, L))
        history.append((round(day, 2), O, channel, kind, NOTES[kind]))
        answer = Kind.THANKS if last or kind == Kind.GIVE else Kind.REPLY
        history.append((round(day - rng.uniform(0.2, 3), 2), I, channel, answer, NOTES[answer]))
        if not last and answer == Kind.REPLY:
            history.append((round(day - rng.uniform(3.2, 5), 2), O, channel, Kind.THANKS, NOTES[Kind.THANKS]))
    return Person(
        name,
        rng.choice(COMPANIES),
        rng.choice(ROLES),
        rng.choice((MetVia.COLLEAGUE, MetVia.CONFERENCE, MetVia.ONLINE, MetVia.MEETUP, None)),
        None,
        tuple(history),
        tags=(rng.choice(("python", "data", "hiring", "alumni", "design")),),
        cadence=rng.choice((None, None, 60, 90)),
    )


def cast(now: datetime) -> list[Person]:
    rng = random.Random(SEED)
    names: list[str] = []
    while len(names) < FILLER:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in names:
            names.append(name)
    return list(CAST) + [_filler(rng, name) for name in names]


def write_demo(store, now: datetime) -> int:
    """Write the demo network into an empty store; returns the number of contacts."""
    if store.contacts():
        raise StoreError(f"{store.path} already holds contacts; the demo goes into an empty database.")
    people = cast(now)
    with store.transaction():
        for person in people:
            met_on = None if person.met_days_ago is None else _at(now, person.met_days_ago).date()
            contact = store.add_contact(
                Contact(
                    name=person.name,
                    company=person.company,
                    role=person.role,
                    met_via=person.via,
                    met_on=met_on,
                    tags=person.tags,
                    notes=person.notes,
                    keep_in_touch_days=person.cadence,
                    emails=(_email(person),),
                ),
                now,
            )
            for item in _interactions(person, now):
                store.log(contact.id, item, now)
    return len(people)


def _interactions(person: Person, now: datetime) -> list[Interaction]:
    """The person's history, and the meetings logged ahead with them."""
    return [Interaction(at=_at(now, days_ago), direction=direction, channel=channel, kind=kind, note=note)
            for days_ago, direction, channel, kind, note in person.history] + [
        Interaction(at=_at(now, days_ago), direction=B, channel=channel, kind=Kind.MEETING, note=note, planned=True)
        for days_ago, channel, note in person.planned]


def _email(person: Person) -> str:
    local = "".join(ch for ch in person.name.lower().replace(" ", ".") if ch.isascii() and (ch.isalnum() or ch == "."))
    domain = "".join(ch for ch in person.company.lower() if ch.isascii() and ch.isalnum()) or "example"
    return f"{local.strip('.') or 'contact'}@{domain}.example"


# -- large networks, for measuring -------------------------------------------------------
# Each synthetic contact follows one of these shapes; weights give a believable mix.
SHAPES = (
    ("balanced", 52),
    ("dormant", 16),
    ("owed", 8),
    ("waiting", 8),
    ("unanswered", 5),
    ("barrage", 4),
    ("fresh_event", 4),
    ("empty", 3),
)


def _sizes(rng: random.Random, people: int, total: int) -> list[int]:
    """Split `total` interactions over `people`, skewed like real networks (a few heavy)."""
    if people <= 0:
        return []
    raw = [rng.paretovariate(1.6) for _ in range(people)]
    scale = total / sum(raw)
    sizes = [int(r * scale) for r in raw]
    for index in rng.sample(range(people), min(people, total - sum(sizes))):
        sizes[index] += 1
    return sizes


def _synthetic(rng: random.Random, index: int, shape: str, size: int, now: datetime) -> tuple[Contact, list[Interaction]]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company = rng.choice(COMPANIES)
    contact = Contact(
        name=f"{first} {last} {index:05d}",
        company=company,
        role=rng.choice(ROLES),
        emails=(f"{first.lower()}.{last.lower()}.{index}@{company.split()[0].lower()}.example",),
        met_via=MetVia.EVENT if shape == "fresh_event" else rng.choice(list(MetVia)),
        met_on=(now - timedelta(days=1 if shape == "fresh_event" else rng.randint(30, 1500))).date(),
        tags=(rng.choice(("python", "data", "hiring", "alumni", "design", "fintech")),),
        keep_in_touch_days=rng.choice((None, None, None, 30, 90, 180)),
    )
    end = {
        "balanced": rng.uniform(1, 60), "dormant": rng.uniform(120, 600), "owed": rng.uniform(0.2, 20),
        "waiting": rng.uniform(1, 10), "unanswered": rng.uniform(15, 60), "barrage": rng.uniform(0.5, 5),
        "fresh_event": 1.0, "empty": 0.0,
    }[shape]
    span_days = rng.uniform(60, 1800)
    items: list[Interaction] = []
    for step in range(size):
        days_ago = end + span_days * (1 - step / max(1, size - 1)) if size > 1 else end
        from_end = size - 1 - step
        if shape in ("barrage", "unanswered", "waiting") and from_end < {"barrage": 3, "unanswered": 1, "waiting": 1}[shape]:
            direction = O
            days_ago = end + from_end * rng.uniform(0.5, 2)
        elif shape == "owed" and from_end == 0:
            direction = I
        elif from_end == 0:
            direction = B if shape in ("balanced", "fresh_event") else rng.choice((O, I, B))
        else:
            direction = (O, I, I, B)[step % 4] if rng.random() < 0.8 else rng.choice((O, I, B))
        kind = {O: rng.choice((Kind.UPDATE, Kind.ASK, Kind.FOLLOW_UP, Kind.THANKS, Kind.GIVE)),
                I: rng.choice((Kind.REPLY, Kind.REPLY, Kind.THANKS)) if from_end else Kind.REPLY,
                B: Kind.MEETING}[direction]
        channel = rng.choice((P, V, F)) if direction == B else rng.choice((E, E, L, T))
        items.append(Interaction(at=_at(now, max(0.01, days_ago)), direction=direction, channel=channel,
                                 kind=kind, note=NOTES[kind]))
    return contact, items


def write_large_demo(store, now: datetime, contacts: int, interactions: int) -> tuple[int, int]:
    """The scripted cast plus synthetic contacts up to `contacts` and `interactions`."""
    from .store.bulk import bulk_add

    if store.contacts():
        raise StoreError(f"{store.path} already holds contacts; the demo goes into an empty database.")
    rng = random.Random(SEED)
    people: list[tuple[Contact, list[Interaction]]] = []
    for person in cast(now)[: max(0, contacts)]:
        met_on = None if person.met_days_ago is None else _at(now, person.met_days_ago).date()
        contact = Contact(name=person.name, company=person.company, role=person.role, met_via=person.via,
                          met_on=met_on, tags=person.tags, notes=person.notes,
                          keep_in_touch_days=person.cadence, emails=(_email(person),))
        items = _interactions(person, now)
        people.append((contact, items))
    scripted = sum(len(items) for _, items in people)
    extra = max(0, contacts - len(people))
    shapes = rng.choices([s for s, _ in SHAPES], weights=[w for _, w in SHAPES], k=extra)
    talking = [index for index, shape in enumerate(shapes) if shape != "empty"]
    sizes = [0] * extra
    for index, size in zip(talking, _sizes(rng, len(talking), max(0, interactions - scripted))):
        sizes[index] = size
    for index, (shape, size) in enumerate(zip(shapes, sizes)):
        people.append(_synthetic(rng, index, shape, size, now))
    written = bulk_add(store, people, now)
    return len(people), written
