"""An import file cut off in the middle (a download or copy that stopped): each import takes
the whole cards, rows or messages before the cut and reports the cut one as skipped, or
refuses in one sentence. Never a traceback, never a half-written contact or interaction.

tests/test_import_vcard.py covers one hand-made truncated card; this cuts real fixtures at
many byte offsets, in four formats.
"""

from __future__ import annotations

import pytest

from ..transfer_support import fixture, interactions, run_import
from .helpers import NOW_TEXT, count, integrity, run_netpace
from .robustness_report import record

ME = ("--me", "sam@patel.example", "--me", "SAM.PATEL@work.example")
STEPS = 24  # cut offsets per file, spread over its length, plus a few near the ends


def contacts(db) -> list[tuple]:
    from netpace.store import open_store

    if not db.exists():
        return []
    with open_store(db) as store:
        return [(c.name, c.company, c.role, c.emails, c.phone, c.linkedin, c.met_via, c.met_on, c.tags, c.notes)
                for c in store.contacts()]


def offsets(size: int) -> list[int]:
    spread = {size * i // STEPS for i in range(1, STEPS)}
    return sorted(spread | {1, 2, size - 3, size - 2, size - 1})


def import_cut(tmp_path, format, options, data: bytes, at: int, suffix: str):
    cut = tmp_path / f"cut-{at}{suffix}"
    cut.write_bytes(data[:at])
    db = tmp_path / f"cut-{at}.db"
    result = run_import(db, format, *options, cut)
    return result, db, cut


def assert_clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.exit_code in (1, 2) and len(lines) == 1 and lines[0].startswith("Error: "), result.output


CASES = [
    ("vcard", (), ("vcard", "ezvcard_John_Doe_ANDROID.vcf")),
    ("vcard", (), ("vcard", "fallbacks_and_quirks.vcf")),
    ("linkedin-connections", (), ("linkedin", "Connections_current.csv")),
    ("mbox", ME, ("mail", "personal.mbox")),
]


@pytest.mark.parametrize("format, options, parts", CASES, ids=[c[2][1] for c in CASES])
def test_a_file_cut_off_imports_a_clean_prefix(tmp_path, format, options, parts):
    path = fixture(*parts)
    data = path.read_bytes()
    full_db = tmp_path / "full.db"
    assert run_import(full_db, format, *options, path).exit_code == 0
    whole_contacts, whole_items = set(contacts(full_db)), set(interactions(full_db))
    tried = survived = skipped_cut = 0
    for at in offsets(len(data)):
        tried += 1
        result, db, cut = import_cut(tmp_path, format, options, data, at, path.suffix)
        assert_clean(result)
        if result.exit_code != 0:
            assert not db.exists() or (count(db, "SELECT COUNT(*) FROM contact") == 0 and count(db) == 0)
            survived += 1
            continue
        assert integrity(db) == "ok"
        got_contacts, got_items = contacts(db), interactions(db)
        half = [c for c in got_contacts if c not in whole_contacts]
        if format == "linkedin-connections" and half:
            # A cut inside the last cell of the last row (LinkedIn's own files end without a
            # line break) can leave a shorter date that still reads ("14 Nov 20"): the one
            # thing that can't be told from a complete file. Everything else must be whole.
            (h,) = half
            tail = data[:at].rsplit(b",", 1)[-1]
            assert b"\n" not in tail and b"," not in data[at:].split(b"\n")[0], (at, half)
            assert any(h[:7] == w[:7] and h[8:] == w[8:] for w in whole_contacts), (at, half)
        else:
            assert half == [], (at, half)
        assert set(got_items) <= whole_items, (at, set(got_items) - whole_items)
        if "cut off" in result.stdout:
            skipped_cut += 1
        survived += 1
    assert survived == tried
    assert skipped_cut > 0  # the cut card/row/message was named as skipped at least once
    record("bad input", f"{format} file cut off at {tried} byte offsets ({parts[1]})", tried, survived,
           f"whole records before the cut imported; {skipped_cut} times the cut one was reported as skipped; "
           "no traceback, nothing half-written")


def test_a_json_export_cut_off_is_refused_and_writes_nothing(tmp_path):
    source = tmp_path / "source.db"
    assert run_netpace(["--db", str(source), "demo", "--now", NOW_TEXT]).code == 0
    export = tmp_path / "export.json"
    assert run_netpace(["--db", str(source), "export", "json", "--out", str(export), "--now", NOW_TEXT]).code == 0
    data = export.read_bytes().rstrip()  # a cut only in the final line break leaves the file whole
    target = tmp_path / "target.db"
    assert run_netpace(["--db", str(target), "add", "Already Here"]).code == 0
    tried = survived = 0
    for at in offsets(len(data)):
        tried += 1
        result, db, cut = import_cut(tmp_path, "json", (), data, at, ".json")
        assert_clean(result)
        assert result.exit_code == 1
        # (a refused import into a new path leaves an empty database behind, no rows)
        assert not db.exists() or (count(db, "SELECT COUNT(*) FROM contact") == 0 and count(db) == 0)
        # Into a database that already holds something: refused, and it holds just that.
        existing = run_import(target, "json", cut)
        assert_clean(existing)
        assert existing.exit_code == 1
        assert count(target, "SELECT COUNT(*) FROM contact") == 1 and count(target) == 0
        survived += 1
    assert integrity(target) == "ok"
    record("bad input", f"json export cut off at {tried} byte offsets", tried, survived,
           "refused in one sentence; nothing written, into a new or an existing database")

