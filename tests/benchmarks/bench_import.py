"""How long big imports take. Not part of the test suite (pytest ignores this folder).

    python tests/benchmarks/bench_import.py [--cards 10000] [--messages 50000]

Generates a vCard file and an mbox in a temporary folder, imports each into a fresh
database through the real `netpace import` command, and prints the times.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from netpace.store import open_store
from netpace.cli.transfer import import_command

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Eun-ji", "Farah", "Gus", "Hiro", "Ines", "Jonas", "Kemi", "Lars"]
LAST = ["Okafor", "Lindqvist", "Müller", "Natarajan", "Rivera", "Sato", "Weber", "Zhou", "O'Neill"]


def write_vcards(path: Path, count: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        for n in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            out.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"FN:{first} {last} {n}\r\nN:{last};{first};;;\r\n"
                f"EMAIL;TYPE=INTERNET:{first.lower()}.{n}@example.com\r\n"
                f"TEL;TYPE=CELL:+1 555 {n:07d}\r\nORG:Company {n % 500}\r\nTITLE:Engineer\r\n"
                f"NOTE:Met at event {n % 40}\\, table {n % 7}\r\nEND:VCARD\r\n"
            )


def write_mbox(path: Path, count: int, people: int, rng: random.Random) -> None:
    me = "me@example.org"
    with path.open("wb") as out:
        for n in range(count):
            other = f"person{rng.randrange(people)}@example.com"
            sent = rng.random() < 0.5
            sender, receiver = (me, other) if sent else (other, me)
            day = 1 + n % 28
            extra = "List-Id: <news.example.com>\n" if n % 10 == 9 else ""
            out.write(
                (
                    f"From {sender} Mon Mar {day:2d} 09:00:00 2024\n"
                    f"From: Person {other.split('@')[0]} <{sender}>\nTo: <{receiver}>\n"
                    f"Subject: Message {n}\nDate: Mon, {day} Mar 2024 09:{n % 60:02d}:00 +0000\n"
                    f"Message-ID: <{n}.{rng.getrandbits(32)}@example.com>\n{extra}\n"
                    f"Hello, this is message {n}.\nSecond line of the body.\n\n"
                ).encode("utf-8")
            )


def timed_import(db: Path, *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = CliRunner().invoke(import_command, list(args), obj={"db_path": db})
    elapsed = time.perf_counter() - start
    if result.exit_code != 0:
        sys.exit(f"import failed: {result.output}")
    return elapsed, result.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--people", type=int, default=2_000)
    args = parser.parse_args()
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cards, mbox = root / "contacts.vcf", root / "mail.mbox"
        write_vcards(cards, args.cards, rng)
        write_mbox(mbox, args.messages, args.people, rng)
        print(f"vCard file: {cards.stat().st_size / 1e6:.1f} MB, mbox: {mbox.stat().st_size / 1e6:.1f} MB")

        seconds, summary = timed_import(root / "a.db", "vcard", str(cards))
        print(f"vcard, {args.cards:,} cards: {seconds:.1f} s  ({summary.split(': ', 1)[1]})")
        seconds, summary = timed_import(root / "a.db", "vcard", str(cards))
        print(f"vcard again (all known): {seconds:.1f} s")

        seconds, summary = timed_import(root / "b.db", "mbox", "--me", "me@example.org", str(mbox))
        print(f"mbox, {args.messages:,} messages: {seconds:.1f} s  ({summary.split(': ', 1)[1]})")
        seconds, summary = timed_import(root / "b.db", "mbox", "--me", "me@example.org", str(mbox))
        print(f"mbox again (all known): {seconds:.1f} s")
        with open_store(root / "b.db") as store:
            print(f"rows after both mbox imports: {store.counts()}")


if __name__ == "__main__":
    main()
