"""A job seeker's ten-year LinkedIn history, generated: Connections.csv and messages.csv in
LinkedIn's current layout, the same for the same seed and `now`.

600 connections over ten years and about 200 conversations of the shapes real histories
have: one "thanks for connecting" and nothing more, recruiters who wrote and never heard
back, your asks that were never answered (some three in a row), long friendships with
years of exchanges, a few conversations gone quiet this year, and a handful that are
live today (theirs to answer, or yours).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

ME = ("Alex Rivera", "https://www.linkedin.com/in/alex-rivera-pm")
FIRST = ("Ana", "Ben", "Chen", "Dara", "Eli", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kai", "Lena", "Milo",
         "Nia", "Omar", "Pia", "Quinn", "Rafa", "Sara", "Timo", "Uma", "Vik", "Wen", "Yara", "Zoe")
LAST = ("Berg", "Costa", "Diaz", "Evans", "Falk", "Gupta", "Haas", "Ibsen", "Jovic", "Kaur", "Lund", "Moreau",
        "Nagy", "Ortiz", "Park", "Quist", "Roy", "Sato", "Toth", "Ueda", "Vogel", "Wong", "Xu", "Yilmaz")
COMPANIES = ("Nordvik", "Lumen Analytics", "Brightwave", "Kestrel", "Harbor AI", "Fjord Pay", "Quartz", "Atlas")

ASKS = ("Could you refer me for the data role on your team?", "Would you be open to a 15 minute call?",
        "Any chance you could introduce me to your hiring manager?", "Could you review my CV?")
THEIR_RECRUITER = ("Hi Alex, I have an exciting opportunity at a fast-growing startup. Interested?",
                   "Hello Alex, are you open to new roles in data engineering?")
CHAT_OUT = ("Great to catch up last week, here is the article I mentioned.", "Congratulations on the new role!",
            "How did the launch go?", "Sharing this talk, thought you'd like it.")
CHAT_IN = ("Thanks, that was useful!", "Went well, thanks for asking.", "Good to hear from you.",
           "Let's grab coffee when you're in town.")


@dataclass
class History:
    """What the generator wrote, so tests can check the queue against it."""

    now: datetime
    connections: list[tuple[str, str]] = field(default_factory=list)  # (name, url)
    shapes: dict[str, str] = field(default_factory=dict)  # url -> shape


def write(folder: Path, now: datetime, seed: int = 11) -> History:
    rng = random.Random(seed)
    history = History(now)
    people: list[tuple[str, str, str, str, datetime]] = []  # first, last, url, company, connected
    for n in range(600):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{n:04d}"
        connected = now - timedelta(days=rng.uniform(5, 3650))
        people.append((first, last, url, rng.choice(COMPANIES), connected))
        history.connections.append((f"{first} {last}", url))
    with open(folder / "Connections.csv", "w", newline="", encoding="utf-8") as out:
        out.write("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses "
                  "are missing.\"\n\n")
        writer = csv.writer(out)
        writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
        for first, last, url, company, connected in people:
            writer.writerow([first, last, url, "", company, "Engineer", connected.strftime("%d %b %Y")])

    rows: list[list[str]] = []
    shapes = (["thanks"] * 60 + ["recruiter"] * 40 + ["unanswered"] * 30 + ["friend"] * 40 + ["quiet"] * 20
              + ["owed"] * 5 + ["waiting"] * 5)
    for index, shape in enumerate(shapes):
        first, last, url, _, connected = people[index]
        history.shapes[url] = shape
        conversation = f"2-{index:06d}"
        them = (f"{first} {last}", url)

        def say(sender, at: datetime, text: str) -> None:
            to = them if sender is ME else ME
            rows.append([conversation, "", sender[0], sender[1], to[0], to[1],
                         at.strftime("%Y-%m-%d %H:%M:%S UTC"), "", text, "INBOX"])

        start = max(connected, now - timedelta(days=3650))
        if shape == "thanks":
            say(ME, start, "Thanks for connecting!")
            if rng.random() < 0.5:
                say(them, start + timedelta(hours=5), "Likewise!")
        elif shape == "recruiter":
            say(them, now - timedelta(days=rng.uniform(90, 3000)), rng.choice(THEIR_RECRUITER))
        elif shape == "unanswered":
            first_ask = now - timedelta(days=rng.uniform(200, 3000))
            for step in range(rng.choice((1, 3))):
                say(ME, first_ask + timedelta(days=4 * step), rng.choice(ASKS))
        elif shape in ("friend", "quiet"):
            last_day = rng.uniform(400, 2000) if shape == "friend" else rng.uniform(100, 300)
            end = now - timedelta(days=last_day)
            exchanges = rng.randint(4, 12)
            span = min(3000.0, (end - start).days + 3000.0)
            for step in range(exchanges):
                at = end - timedelta(days=span * (1 - step / exchanges))
                say(ME, at, rng.choice(CHAT_OUT))
                say(them, at + timedelta(days=rng.uniform(0.2, 3)), rng.choice(CHAT_IN))
        elif shape == "owed":
            say(ME, now - timedelta(days=40), "Great to meet you at the summit!")
            say(them, now - timedelta(days=rng.uniform(1, 20)), "Would love to hear more about your work.")
        elif shape == "waiting":
            say(them, now - timedelta(days=60), "Good to meet you!")
            say(ME, now - timedelta(days=59), "Likewise, let's stay in touch.")
            say(them, now - timedelta(days=40), "Sure, I'll ping you when the role opens.")
            say(ME, now - timedelta(days=rng.uniform(2, 10)), "Has the role opened yet?")
    rng.shuffle(rows)
    with open(folder / "messages.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                         "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER"])
        writer.writerows(rows)
    return history
