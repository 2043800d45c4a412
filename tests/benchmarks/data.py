"""Benchmark data, built once and cached in the temp folder, keyed by its parameters.

The key holds the sizes, the fixed time, the schema version and a hash of the demo
generator, so a change to any of them builds a fresh copy instead of reusing a stale one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# The moment every benchmark pretends it is (the demo network is built around it).
NOW = "2025-06-01 12:00"


def tool(name: str) -> str:
    """A console script of this virtualenv (netpace, khard), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"benchmarks: `{name}` is not installed in this environment.")
    return found


def cache_root() -> Path:
    return Path(os.environ.get("NETPACE_BENCH_CACHE", Path(tempfile.gettempdir()) / "netpace-bench"))


def _key(contacts: int, interactions: int) -> str:
    import netpace.demo
    from netpace.store.migrations import latest_version

    source = Path(netpace.demo.__file__).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:10]
    when = NOW.replace(" ", "T").replace(":", "")
    return f"c{contacts}-i{interactions}-{when}-schema{latest_version()}-demo{digest}"


@dataclass(frozen=True)
class Network:
    folder: Path
    db: Path
    contacts: int
    interactions: int
    built_seconds: float | None  # None: taken from the cache


def network(contacts: int = 10_000, interactions: int = 200_000) -> Network:
    """The demo network of this size (`netpace demo --contacts --interactions --now`)."""
    import time

    folder = cache_root() / _key(contacts, interactions)
    db = folder / "network.db"
    if db.exists():
        return Network(folder, db, contacts, interactions, None)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "building.db"
    for leftover in folder.glob("building.db*"):
        leftover.unlink()
    started = time.perf_counter()
    subprocess.run(
        [tool("netpace"), "demo", "--db", str(partial), "--now", NOW,
         "--contacts", str(contacts), "--interactions", str(interactions)],
        check=True, stdout=subprocess.DEVNULL,
    )
    partial.rename(db)
    return Network(folder, db, contacts, interactions, time.perf_counter() - started)


def _vcard_text(value: str) -> str:
    """A vCard property value: one line, no controls, with \\ , ; escaped (RFC 6350)."""
    from netpace.domain.text import one_line

    value = one_line(value)
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(contact) -> str:
    name = contact.name
    first, _, last = name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:netpace-bench-{contact.id}",
        f"FN:{_vcard_text(name)}",
        f"N:{_vcard_text(last)};{_vcard_text(first)};;;",
    ]
    lines += [f"EMAIL;TYPE=INTERNET:{_vcard_text(address)}" for address in contact.emails]
    if contact.phone:
        lines.append(f"TEL;TYPE=CELL:{_vcard_text(contact.phone)}")
    if contact.company:
        lines.append(f"ORG:{_vcard_text(contact.company)}")
    if contact.role:
        lines.append(f"TITLE:{_vcard_text(contact.role)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


@dataclass(frozen=True)
class VCards:
    folder: Path  # one .vcf per contact: a khard address book
    combined: Path  # all of them in one file, for `netpace import vcard`
    khard_config: Path
    count: int


def vcards(net: Network) -> VCards:
    """The network's contacts as vCards, and a khard configuration that reads them."""
    folder = net.folder / "vcards"
    combined = net.folder / "all.vcf"
    config = net.folder / "khard.conf"
    done = net.folder / "vcards.done"
    if not done.exists():
        from netpace.store import open_store

        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        with open_store(net.db) as store:
            contacts = store.contacts()
        with combined.open("w", encoding="utf-8", newline="") as all_file:
            for contact in contacts:
                text = vcard(contact)
                (folder / f"{contact.id}.vcf").write_text(text, encoding="utf-8", newline="")
                all_file.write(text)
        config.write_text(
            "[addressbooks]\n[[bench]]\n"
            f"path = {folder}\n\n"
            "[general]\neditor = true\nmerge_editor = true\n",
            encoding="utf-8",
        )
        done.write_text(str(len(contacts)))
    return VCards(folder, combined, config, int(done.read_text()))
