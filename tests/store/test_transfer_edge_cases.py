"""Edge cases of import and export that the format tests don't reach: addresses written
differently from the stored one, and vCard lines that must fold by octets. The tests
with a database run on both stores."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import vobject

from netpace.domain.model import Channel, Contact, Direction, Interaction, Kind
from netpace.exporters.vcard_export import MAX_LINE_OCTETS
from netpace.store import open_store

from ..helpers import db_rows
from ..transfer_support import run_export, run_import

UTC = timezone.utc
WHEN = "2027-01-15 12:00 +00:00"
STORED = "maren@nordlys.example"

CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _stored_contact(db, address: str = STORED) -> int:
    """One contact known by a different spelling of the name (so only the address can
    match), with `address` as its e-mail."""
    with open_store(db) as store:
        return store.add_contact(Contact(name="M. Holt", emails=(address,)), datetime(2026, 1, 1, tzinfo=UTC)).id


@pytest.mark.parametrize("written", [
    "Maren@Nordlys.Example",
    "MAREN@NORDLYS.EXAMPLE",
    "mailto:maren@nordlys.example",
    "MAILTO:Maren@Nordlys.example",
    "<Maren@nordlys.example>",
    "  maren@nordlys.example ",
])
def test_an_address_written_differently_matches_the_stored_contact(tmp_path, db_location, written):
    db = db_location
    kept = _stored_contact(db)
    csv = tmp_path / "Connections.csv"
    csv.write_text(CONNECTIONS_HEADER + f'Maren,Holt,,"{written}",Nordlys Data,Head of Platform,14 Nov 2026\n',
                   encoding="utf-8")
    result = run_import(db, "linkedin-connections", csv)
    assert result.exit_code == 0, result.output
    assert "0 contacts added, 1 merged" in result.stdout
    assert db_rows(db, "SELECT id, name, company FROM contact") == [(kept, "M. Holt", "Nordlys Data")]
    assert db_rows(db, "SELECT contact_id, address FROM email") == [(kept, STORED)]


def test_a_json_import_matches_by_address_in_any_case(tmp_path, db_location):
    import json

    db = db_location
    kept = _stored_contact(db)
    document = tmp_path / "people.json"
    document.write_text(json.dumps({"netpace_export": 1, "contacts": [
        {"id": 7, "name": "Maren Holt", "emails": ["mailto:Maren@Nordlys.Example"], "role": "Head of Platform"}],
        "interactions": [{"contact_id": 7, "at": "2026-11-20T10:00:00Z", "direction": "in", "note": "hi"}]}),
        encoding="utf-8")
    assert run_import(db, "json", document).exit_code == 0
    assert db_rows(db, "SELECT id, role FROM contact") == [(kept, "Head of Platform")]
    assert db_rows(db, "SELECT contact_id, note FROM interaction") == [(kept, "hi")]
    assert db_rows(db, "SELECT address FROM email") == [(STORED,)]


def test_a_stored_address_in_mixed_case_is_matched_too(tmp_path, db_location):
    """Another program (or an older netpace) wrote the address as the person typed it."""
    db = db_location
    kept = _stored_contact(db)
    db_rows(db, "UPDATE email SET address = 'Maren@Nordlys.Example'")
    csv = tmp_path / "Connections.csv"
    csv.write_text(CONNECTIONS_HEADER + "Maren,Holt,,maren@nordlys.example,Nordlys Data,,14 Nov 2026\n",
                   encoding="utf-8")
    assert run_import(db, "linkedin-connections", csv).exit_code == 0
    assert db_rows(db, "SELECT id FROM contact") == [(kept,)]


# -- vCard lines: at most 75 octets, folded between characters ---------------------------

LONG_NAME = "Søren Åkerlund-Ødegård 王小明 " * 3 + "🙂"  # 2-, 3- and 4-octet characters
LONG_NOTE = ("Met at the Ärztekongress in München; 話した about the платформа role. " * 6).strip()


def _physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def test_vcard_export_folds_long_multibyte_lines_by_octets_and_reads_back(db_location):
    db = db_location
    with open_store(db) as store:
        store.add_contact(Contact(name=LONG_NAME.strip(), notes=LONG_NOTE, company="Ωmega " * 20),
                          datetime(2026, 1, 1, tzinfo=UTC))
    data = run_export(db, "vcard", "--now", WHEN).stdout_bytes
    lines = _physical_lines(data)
    for line in lines:
        assert len(line) <= MAX_LINE_OCTETS, (len(line), line)
        line.decode("utf-8")  # never cut inside a character: each physical line decodes alone
    continued = [line for line in lines if line.startswith(b" ")]
    assert len(continued) >= 6  # the name, the note and the company were all folded
    # Folding is greedy: a line is only cut when the next character would not fit.
    for line, following in zip(lines, lines[1:]):
        if following.startswith(b" "):
            next_char = following[1:].decode("utf-8")[0].encode("utf-8")
            assert len(line) + len(next_char) > MAX_LINE_OCTETS
    card = next(vobject.readComponents(data.decode("utf-8")))
    assert card.fn.value == LONG_NAME.strip()
    assert card.note.value == LONG_NOTE
    assert card.org.value == [("Ωmega " * 20).strip()]


def test_vcard_export_of_long_multibyte_text_imports_back_unchanged(db_location, tmp_path):
    source, target = db_location, tmp_path / "b.db"  # exported from either store, into a file
    with open_store(source) as store:
        store.add_contact(Contact(name=LONG_NAME.strip(), notes=LONG_NOTE, emails=(STORED,)),
                          datetime(2026, 1, 1, tzinfo=UTC))
    out = tmp_path / "all.vcf"
    assert run_export(source, "vcard", "--out", out, "--now", WHEN).exit_code == 0
    assert run_import(target, "vcard", out).exit_code == 0
    with open_store(target) as store:
        [contact] = store.contacts()
    assert (contact.name, contact.notes, contact.emails) == (LONG_NAME.strip(), LONG_NOTE, (STORED,))


# -- merging: what an import may change on a stored contact, and what it may not ---------

def _json(tmp_path, contacts, interactions=()):
    import json

    path = tmp_path / "people.json"
    path.write_text(json.dumps({"netpace_export": 1, "contacts": list(contacts),
                                "interactions": list(interactions)}), encoding="utf-8")
    return path


def test_two_people_of_one_name_with_their_own_ids_stay_two(tmp_path, db_location):
    db = db_location
    people = _json(tmp_path, [{"id": 1, "name": "Sam Lee", "company": "Acme"},
                              {"id": 2, "name": "Sam Lee", "company": "Globex"}],
                   [{"contact_id": 2, "at": "2026-11-20T10:00:00Z", "direction": "in", "note": "from Globex"}])
    assert run_import(db, "json", people).exit_code == 0
    assert db_rows(db, "SELECT name, company FROM contact ORDER BY id") == [("Sam Lee", "Acme"), ("Sam Lee", "Globex")]
    assert db_rows(db, "SELECT c.company FROM interaction i JOIN contact c ON c.id = i.contact_id") == [("Globex",)]


def test_an_import_fills_empty_notes_but_keeps_how_and_when_you_met(tmp_path, db_location):
    from datetime import date

    from netpace.domain.model import MetVia

    db = db_location
    with open_store(db) as store:
        store.add_contact(Contact(name="Maren Holt", emails=(STORED,), met_via=MetVia.CONFERENCE,
                                  met_on=date(2026, 9, 1)), datetime(2026, 9, 1, tzinfo=UTC))
    people = _json(tmp_path, [{"id": 1, "name": "Maren Holt", "notes": "Knows the CTO", "met_via": "online",
                               "met_on": "2026-11-14", "keep_in_touch_days": 30}])
    assert run_import(db, "json", people).exit_code == 0
    assert db_rows(db, "SELECT notes, met_via, met_on, keep_in_touch_days FROM contact") == [
        ("Knows the CTO", "conference", "2026-09-01", 30)]  # empty fields filled, yours kept


def test_a_matched_record_without_a_name_keeps_the_stored_name(tmp_path, db_location):
    db = db_location
    kept = _stored_contact(db)
    people = _json(tmp_path, [{"id": 1, "name": "", "emails": [STORED], "role": "Head of Platform"}])
    result = run_import(db, "json", people)
    assert result.exit_code == 0 and "0 skipped" in result.stdout, result.stdout
    assert db_rows(db, "SELECT id, name, role FROM contact") == [(kept, "M. Holt", "Head of Platform")]


def test_an_import_that_brings_nothing_new_leaves_a_stored_contact_untouched(tmp_path, db_location):
    """Even one another program wrote with a mixed-case address: unchanged, not rewritten."""
    db = db_location
    _stored_contact(db)
    db_rows(db, "UPDATE email SET address = 'Maren@Nordlys.Example'")
    before = db_rows(db, "SELECT * FROM contact") + db_rows(db, "SELECT * FROM email")
    people = _json(tmp_path, [{"id": 1, "name": "M. Holt", "emails": [STORED]}])
    result = run_import(db, "json", people)
    assert "0 merged, 1 unchanged" in result.stdout, result.stdout
    assert db_rows(db, "SELECT * FROM contact") + db_rows(db, "SELECT * FROM email") == before


def test_a_time_without_a_zone_is_read_in_the_import_zone(db_location):
    """A reader that found no zone in the file leaves the time naive: it means the import's zone."""
    from zoneinfo import ZoneInfo

    from netpace.domain.model import Direction
    from netpace.importers.merge import Merger
    from netpace.importers.records import InteractionRecord, NoProgress, Person

    db = db_location
    with open_store(db) as store:
        merger = Merger([], set(), datetime(2026, 11, 26, tzinfo=UTC), ZoneInfo("Asia/Tokyo"))
        merger.add(InteractionRecord(Person(name="Kenji"), datetime(2026, 11, 20, 9, 0), Direction.IN, where=1))
        merger.apply(store, NoProgress())
        [item] = store.interactions(store.resolve("Kenji").id)
    assert item.at == datetime(2026, 11, 20, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo


def test_an_interaction_netpace_cannot_store_is_skipped_with_its_place_and_reason(tmp_path):
    from netpace.domain.model import Direction
    from netpace.importers.merge import Merger
    from netpace.importers.records import InteractionRecord, Person, Skip

    merger = Merger([Contact(name="Ann Lee", id=1), Contact(name="Ann Lee", id=2)], set(),
                    datetime(2026, 11, 26, tzinfo=UTC), UTC)
    when = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    merger.add(InteractionRecord(Person(name="Kenji"), when, Direction.IN, where=7, channel="fax"))
    merger.add(InteractionRecord(Person(name="Ann Lee"), when, Direction.IN, where=8))
    assert merger.skips == [
        Skip(7, "'fax' is not a channel netpace knows; use one of email, linkedin, facebook, text, phone, "
                "video, in_person, other"),
        Skip(8, "the name 'Ann Lee' matches 2 contacts; can't tell which"),
    ]
    assert merger.interactions == [] and [d.contact.name for d in merger.drafts] == ["Ann Lee", "Ann Lee"]


def test_an_entry_twice_in_the_file_and_once_in_the_database_is_added_once(tmp_path, db_location):
    """Without external ids, identical entries are counted: the file's second copy is new."""
    db = db_location
    kept = _stored_contact(db)
    with open_store(db) as store:
        store.log(kept, Interaction(at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC), direction=Direction.BOTH,
                                    channel=Channel.IN_PERSON, kind=Kind.MEETING, note="Lunch"),
                  datetime(2026, 11, 20, 13, 0, tzinfo=UTC))
    lunch = {"contact_id": 1, "at": "2026-11-20T12:00:00Z", "direction": "both", "channel": "in_person",
             "kind": "meeting", "note": "Lunch"}
    people = _json(tmp_path, [{"id": 1, "name": "M. Holt", "emails": [STORED]}], [lunch, lunch, lunch])
    result = run_import(db, "json", people)
    assert "2 interactions added, 1 already there" in result.stdout, result.stdout
    assert db_rows(db, "SELECT count(*) FROM interaction WHERE note = 'Lunch'") == [(3,)]
    again = run_import(db, "json", people)
    assert "0 interactions added, 3 already there" in again.stdout, again.stdout


def test_saving_an_import_reports_its_progress(db_location):
    from netpace.importers.merge import Merger
    from netpace.importers.records import ContactRecord, InteractionRecord, Person

    class Recorded:
        def __init__(self):
            self.events = []

        def start(self, label, total):
            self.events.append(("start", label, total))

        def advance(self, amount=1):
            self.events.append(("advance", amount))

        def finish(self):
            self.events.append(("finish",))

    db = db_location
    kept = _stored_contact(db)
    with open_store(db) as store:
        merger = Merger(store.contacts(), set(), datetime(2026, 11, 26, tzinfo=UTC), UTC)
        when = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        merger.add(ContactRecord(Person(name="New One"), where=1))
        merger.add(ContactRecord(Person(name="M. Holt", emails=(STORED,), role="Engineer"), where=2))
        for n in range(3):
            merger.add(InteractionRecord(Person(name="New One"), when, Direction.IN, where=3 + n, note=str(n)))
        progress = Recorded()
        merger.apply(store, progress)
    # 1 new contact, 1 changed, 3 interactions: 5 steps, saved in that order.
    assert progress.events == [("start", "Saving", 5), ("advance", 1), ("advance", 1), ("advance", 3), ("finish",)]
    assert db_rows(db, "SELECT id, role FROM contact ORDER BY id") == [(kept, "Engineer"), (kept + 1, "")]


def test_a_new_person_netpace_cannot_store_is_skipped_with_its_place_and_reason():
    from netpace.importers.merge import Merger
    from netpace.importers.records import ContactRecord, Person, Skip

    merger = Merger([], set(), datetime(2026, 11, 26, tzinfo=UTC), UTC)
    merger.add(ContactRecord(Person(name="\x1b[31m \x07"), where=4))
    merger.add(ContactRecord(Person(name="Ann Lee"), where=5))
    assert merger.skips == [
        Skip(4, "A contact needs a name: it was empty after removing blanks and control characters")]
    outcome = merger.outcome()
    assert (outcome.contacts_added, outcome.contacts_merged, len(outcome.skips)) == (1, 0, 1)


def test_an_import_counts_every_contact_it_found_unchanged(tmp_path, db_location):
    db = db_location
    with open_store(db) as store:
        for name in ("Ann Lee", "Bo Berg", "Cy Dahl"):
            store.add_contact(Contact(name=name), datetime(2026, 1, 1, tzinfo=UTC))
    people = _json(tmp_path, [{"id": n, "name": name} for n, name in enumerate(("Ann Lee", "Bo Berg", "Cy Dahl"))])
    assert "0 contacts added, 0 merged, 3 unchanged" in run_import(db, "json", people).stdout
