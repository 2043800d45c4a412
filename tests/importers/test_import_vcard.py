"""vCard 2.1/3.0/4.0 files from real programs and hand-written quirks."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from netpace.domain.model import Contact
from netpace.importers.vcard import split_cards
from netpace.store import open_store

from ..transfer_support import assert_clean_failure, contacts, counts, fixture, run_import


def test_android_2_1_quoted_printable_soft_breaks_and_missing_names(tmp_path):
    db = tmp_path / "n.db"
    result = run_import(db, "vcard", fixture("vcard", "ezvcard_John_Doe_ANDROID.vcf"))
    assert result.exit_code == 0, result.output
    people = contacts(db)
    assert "john.doe@company.com" in people  # no N, no FN: the e-mail names the card
    assert "jane.doe@company.com" in people
    assert "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ" in people  # QP continued on a line with no leading space
    bob = next(c for c in people.values() if "bob@company.com" in c.emails)
    assert bob.company == "Ñ" * 12  # the card with a broken base64 photo still imports
    assert counts(db)["contacts"] == 6
    assert "My Contacts" not in {t for c in people.values() for t in c.tags}


def test_outlook_2_1_keeps_text_after_bare_commas(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "vcard", fixture("vcard", "ezvcard_John_Doe_MS_OUTLOOK.vcf"))
    john = contacts(db)["Mr. John Richter James Doe Sr."]
    assert john.notes.startswith("THIS SOFTWARE IS PROVIDED BY GEORGE EL-HADDAD ''AS IS'' AND ANY EXPRESS")
    assert john.notes.endswith("EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.")
    assert john.company == "IBM" and john.role == "Money Counter"
    assert john.emails == ("john.doe@ibm.cm",)


def test_evolution_folding_and_escaped_commas(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "vcard", fixture("vcard", "ezvcard_John_Doe_EVOLUTION.vcf"))
    john = contacts(db)["Mr. John Richter, James Doe Sr."]
    assert john.emails == ("john.doe@ibm.com",)  # folded in the middle of the address
    assert john.phone == "905-666-1234"
    assert "TO, THE IMPLIED WARRANTIES" in john.notes
    assert john.tags == ("VIP",)


def test_gmail_groups_and_several_emails(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "vcard", fixture("vcard", "ezvcard_gmail-single2.vcf"))
    card = contacts(db)["VCard Test"]
    assert card.emails == ("email@example.com", "homeemail@example.com", "workemail@example.com",
                           "otheremail@example.com", "customcategory@example.com")
    assert card.company == "TheCompany" and card.role == "TheJobTitle"


def test_vobject_samples_groups_multilang_and_kind_group(tmp_path):
    db = tmp_path / "n.db"
    group = fixture("vcard", "vobject_vcard40_group.vcf")
    result = run_import(db, "vcard", fixture("vcard", "vobject_vcard_with_groups.ics"),
                        fixture("vcard", "vobject_vcard40_multilang.vcf"), group)
    assert result.exit_code == 0
    people = contacts(db)
    assert set(people) == {"Meister Berger", "Yamada Taro"}
    assert people["Meister Berger"].notes == (
        "The Mayor of the great city of Goerlitz in the great country of Germany.\nNext line."
    )
    assert people["Meister Berger"].phone == "+49 3581 123456"
    assert f"{group}:1: a group card (KIND:group), not a person" in result.stdout


def test_utf16_without_bom(tmp_path):
    db = tmp_path / "n.db"
    run_import(db, "vcard", fixture("vcard", "utf16le_no_bom.vcf"))
    people = contacts(db)
    assert people["Éloïse Dubois"].notes == "Rencontrée à Lyon, au salon"
    assert people["Kofi Mensah"].company == "Accra Analytics"


def test_truncated_last_card_keeps_the_good_ones(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("vcard", "truncated_last.vcf")
    result = run_import(db, "vcard", path)
    assert result.exit_code == 0
    assert set(contacts(db)) == {"Priya Raman", "Lars Nygaard"}
    assert f"{path}:11: the card has no END:VCARD (the file was cut off?)" in result.stdout


def test_name_fallbacks_kind_org_and_2_1_without_charset(tmp_path):
    db = tmp_path / "n.db"
    path = fixture("vcard", "fallbacks_and_quirks.vcf")
    result = run_import(db, "vcard", path)
    people = contacts(db)
    assert set(people) == {"Chidi Okonkwo", "Harbourside Recruiting", "solo@example.com", "René André",
                           "Stone, Jr., Avery"}
    rene = people["René André"]  # QP with no CHARSET: cp1252 bytes
    assert rene.emails == ("rene.andre@example.fr", "rene@example.org")
    assert rene.linkedin == "https://www.linkedin.com/in/rene-andre"
    assert rene.role == "Directeur, ventes"
    avery = people["Stone, Jr., Avery"]
    assert avery.role == "Partner, Growth"
    assert avery.linkedin == "https://www.linkedin.com/in/avery-stone"
    assert avery.tags == ("Mentors", "Alumni")
    assert avery.notes == "Knows everyone in climate tech."
    assert people["Harbourside Recruiting"].company == "Harbourside Recruiting"
    assert f"{path}:16: no name: the card has no FN, N, ORG or EMAIL" in result.stdout
    assert f"{path}:20: an organisation card (KIND:org), not a person" in result.stdout


def test_one_card_vobject_rejects_is_a_skip_not_a_failure(tmp_path, monkeypatch):
    import netpace.importers.vcard as module

    real = module.vobject.readOne

    def picky(text, **kwargs):
        if "Lars Nygaard" in text:
            raise module.vobject.base.ParseError("simulated bad card")
        return real(text, **kwargs)

    monkeypatch.setattr(module.vobject, "readOne", picky)
    db = tmp_path / "n.db"
    path = fixture("vcard", "truncated_last.vcf")
    result = run_import(db, "vcard", path)
    assert result.exit_code == 0
    assert set(contacts(db)) == {"Priya Raman"}
    assert f"{path}:6: vobject can't read this card (" in result.stdout
    assert "simulated bad card" in result.stdout


def test_existing_contact_is_merged_by_email(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        store.add_contact(Contact(name="John Doe", emails=("JOHN.DOE@ibm.com",)), datetime(2026, 1, 1, tzinfo=timezone.utc))
    result = run_import(db, "vcard", fixture("vcard", "ezvcard_John_Doe_EVOLUTION.vcf"))
    assert "0 contacts added, 1 merged" in result.stdout
    john = contacts(db)["John Doe"]
    assert john.company == "IBM" and john.phone == "905-666-1234"


def test_importing_every_vcard_twice_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    files = sorted(fixture("vcard").iterdir())
    assert run_import(db, "vcard", *files).exit_code == 0
    first, before = counts(db), contacts(db)
    assert run_import(db, "vcard", *files).exit_code == 0
    assert counts(db) == first and contacts(db) == before


def test_a_file_without_cards_is_refused(tmp_path):
    db = tmp_path / "n.db"
    assert_clean_failure(run_import(db, "vcard", fixture("google", "google_contacts_legacy.csv")), 1)


@pytest.mark.parametrize(
    ("text", "lines", "complete"),
    [
        ("BEGIN:VCARD\nFN:a\nEND:VCARD\nBEGIN:VCARD\nFN:b\n", [1, 4], [True, False]),
        ("BEGIN:VCARD\nFN:a\nBEGIN:VCARD\nFN:b\nEND:VCARD\n", [1, 3], [False, True]),
        ("junk\nhome.BEGIN:vcard\r\nFN:a\r\nend:VCARD", [2], [True]),
    ],
)
def test_splitting_cards(text, lines, complete):
    cards = list(split_cards(text))
    assert [c.line for c in cards] == lines
    assert [c.complete for c in cards] == complete
