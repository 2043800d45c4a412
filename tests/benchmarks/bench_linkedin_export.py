"""How long the whole LinkedIn export takes to import. Not part of the test suite.

    python tests/benchmarks/bench_linkedin_export.py [--connections 10000] [--messages 50000]

Writes a generated export zip (Connections.csv, messages.csv, Invitations.csv and a few
files netpace leaves alone) to a temporary folder, imports it into a fresh database the
way `netpace import linkedin PATH` will (`importers.import_path`, with a progress
object counting its calls), then imports it again (everything known), and prints the
times. The bar is the one the benchmark holds for imports: 10,000 vCards in 10 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from netpace.importers import ImportOptions, import_path
from netpace.store import open_store

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Eun-ji", "Farah", "Gus", "Hiro", "Ines", "Jonas", "Kemi", "Lars", "Maren",
         "Nikhil", "Olu", "Priya", "Quinn", "Ruth", "Sofia", "Tomás"]
LAST = ["Okafor", "Lindqvist", "Müller", "Natarajan", "Rivera", "Sato", "Weber", "Zhou", "O'Neill", "Haddad",
        "Brennan", "Marques", "Farouk", "Ekwueme", "Mori", "Kowalski"]
WORDS = ("thanks for the note about the platform team and the role we talked about last week could you "
         "share more details on the hiring timeline happy to help with the intro to your colleague does "
         "tuesday work for a quick call congrats on the new position looking forward to it").split()
ME = "https://www.linkedin.com/in/bench-owner"
OWNER = "Bench Owner - Data Engineer | Open to work"
START = datetime(2019, 1, 1, tzinfo=timezone.utc)


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 40))).capitalize() + "."


def write_export(path: Path, connections: int, messages: int, rng: random.Random) -> None:
    people = [(f"{rng.choice(FIRST)}", f"{rng.choice(LAST)}", f"https://www.linkedin.com/in/person-{n}-{rng.getrandbits(24):06x}")
              for n in range(connections)]
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]]
    for n, (first, last, url) in enumerate(people):
        day = START + timedelta(days=rng.randrange(2500))
        rows.append([first, last, url, f"p{n}@example.com" if n % 7 == 0 else "", f"Company {rng.randrange(900)}",
                     "Engineer", day.strftime("%d %b %Y")])
    connections_csv = b"Notes:\n\"(preamble)\"\n\n" + _csv(rows)

    rows = [["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
             "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT"]]
    made = 0
    conversation = 0
    while made < messages:
        conversation += 1
        others = rng.sample(people, 2 if conversation % 25 == 0 else 1)
        at = START + timedelta(minutes=rng.randrange(3_500_000))
        for _ in range(min(rng.randint(1, 8), messages - made)):
            at += timedelta(hours=rng.randint(1, 200))
            if rng.random() < 0.5:
                sender, sender_url = OWNER, ME
                to, to_urls = ", ".join(f"{o[0]} {o[1]}" for o in others), ";".join(o[2] for o in others)
            else:
                other = rng.choice(others)
                sender, sender_url = f"{other[0]} {other[1]}", other[2]
                to, to_urls = OWNER, ";".join([ME] + [o[2] for o in others if o is not other])
            draft = "Yes" if rng.random() < 0.01 else "No"
            rows.append([f"2-conv-{conversation:07d}", "", sender, sender_url, to, to_urls,
                         at.strftime("%Y-%m-%d %H:%M:%S UTC"), "", _text(rng), "INBOX", "", draft])
            made += 1
    messages_csv = _csv(rows)

    rows = [["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]]
    for n in range(connections // 10):
        first, last, url = rng.choice(people)
        at = START + timedelta(minutes=rng.randrange(3_500_000))
        note = _text(rng) if n % 3 == 0 else ""
        if n % 2:
            rows.append(["Bench Owner", f"{first} {last}", at.strftime("%m/%d/%y, %I:%M %p"), note, "OUTGOING", ME, url])
        else:
            rows.append([f"{first} {last}", "Bench Owner", at.strftime("%m/%d/%y, %I:%M %p"), note, "INCOMING", url, ME])
    invitations_csv = _csv(rows)

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", connections_csv)
        archive.writestr("messages.csv", messages_csv)
        archive.writestr("Invitations.csv", invitations_csv)
        for name in ("Profile.csv", "Skills.csv", "Jobs/Job Applications.csv"):
            archive.writestr(name, b"Name\nplaceholder\n")


@dataclass
class CountingProgress:
    """Counts the progress calls, as the terminal's bar and the app's would receive them."""

    labels: list[str] = field(default_factory=list)
    advances: int = 0

    def start(self, label: str, total: int) -> None:
        self.labels.append(f"{label} ({total:,})")

    def advance(self, amount: int = 1) -> None:
        self.advances += 1

    def finish(self) -> None:
        pass


def timed(db: Path, zip_path: Path) -> tuple[float, list[str], CountingProgress]:
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)
    progress = CountingProgress()
    with open_store(db) as store:
        start = time.perf_counter()
        result = import_path(store, zip_path, ImportOptions(now=now, tz=timezone.utc), format="linkedin",
                             progress=progress)
        elapsed = time.perf_counter() - start
    if result.exit_code:
        sys.exit(f"import failed: {result.error or [f.error for f in result.files]}")
    lines = []
    for file in result.files:
        outcome = file.outcome
        lines.append(f"{file.path.name}: {outcome.contacts_added:,} contacts added, {outcome.interactions_added:,} "
                     f"interactions added, {outcome.interactions_known:,} known, {len(outcome.skips):,} skipped")
    return elapsed, lines, progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        zip_path = root / "Basic_LinkedInDataExport_11-26-2026.zip"
        write_export(zip_path, args.connections, args.messages, random.Random(13))
        print(f"export zip: {zip_path.stat().st_size / 1e6:.1f} MB")
        for label in ("into an empty database", "again (all known)"):
            seconds, lines, progress = timed(root / "a.db", zip_path)
            print(f"{label}: {seconds:.1f} s")
            for line in lines:
                print("  " + line)
            print(f"  progress: {', '.join(progress.labels)}; {progress.advances:,} advances")


if __name__ == "__main__":
    main()
