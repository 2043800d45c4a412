"""Gmail Takeout mbox: labels (Sent tells your addresses; Spam, Trash and the bulk
categories are skipped), and every message's kind from its subject and first words. What
an import leaves in the store (twice, refused, corrected) is checked on both stores."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from email.parser import BytesHeaderParser
from email.policy import compat32

import pytest

from netpace.domain.model import Kind
from netpace.importers import ImportOptions, NeedsOption, check_options, describe_path, import_path
from netpace.importers.mail import body_text
from netpace.store import open_store

from ..transfer_support import counts, fixture, interactions

UTC = timezone.utc
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
TAKEOUT = fixture("mail", "gmail_takeout.mbox")
ME = "dana.whitfield@example.com"
ALSO_ME = "dana@whitfield.example"


def options(*me: str) -> ImportOptions:
    return ImportOptions(now=NOW, tz=UTC, me=me)


def lines(result) -> str:
    return "\n".join(text for text, _ in describe_path(result))


def test_without_me_your_addresses_are_the_senders_of_sent_mail(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        result = import_path(store, TAKEOUT, options())
    assert result.exit_code == 0, lines(result)
    assert result.format == "mbox"
    out = lines(result)
    # Both addresses you sent from, the more frequent first; named in the summary.
    assert (f"{TAKEOUT}: your addresses, from the messages labelled Sent: {ME}, {ALSO_ME} "
            "(--me overrides this).") in out
    assert [(r[0], r[1], r[3], r[5]) for r in interactions(db)] == [
        ("Jonas Weber", "out", "update", "Slides"),  # HTML only: the subject says nothing more
        ("Maren Okafor", "out", "ask", "Coffee next week?"),  # "Could you spare twenty minutes"
        ("Maren Okafor", "in", "scheduling", "Re: Coffee next week?"),  # "Tuesday at 10 works for me."
        ("Omar Farouk", "in", "give", "A role at Tallis"),  # base64 body: "I thought you'd like"
        ("Ruth Ekwúeme", "in", "thanks", "Thank you!"),  # nested multipart, attachment left out
        ("tobias@nordvik.example", "out", "update", "The role we discussed"),  # sent from the second address
    ]


def test_spam_trash_and_bulk_categories_are_skipped_with_their_reason(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        result = import_path(store, TAKEOUT, options())
    out = lines(result)
    for line, reason in [
        (76, "in Gmail's Spam"),
        (89, "in Gmail's Trash"),
        (102, "bulk mail (Gmail's Promotions category)"),
        (115, "bulk mail (Gmail's Social category)"),
        (128, "bulk mail (Gmail's Updates category)"),
        (141, "bulk mail (Gmail's Forums category)"),
        (217, "mailing list or newsletter"),
        (232, "neither from nor to you (is --me complete?)"),
    ]:
        assert f"  {TAKEOUT}:{line}: {reason}" in out
    assert out.endswith("5 contacts added, 0 merged, 0 unchanged; 6 interactions added, 0 already there; 8 skipped.")
    names = {row[0] for row in interactions(db)}
    assert not names & {"Priya Natarajan", "Prize Desk", "Shop", "Friends Network", "Bank", "Kafka Forum"}


def test_me_given_is_used_as_it_is(tmp_path):
    db = tmp_path / "n.db"
    with open_store(db) as store:
        result = import_path(store, TAKEOUT, options(ME), format="mbox")
    out = lines(result)
    assert "your addresses, from the messages labelled Sent" not in out
    # Sent from the address --me left out: neither from nor to "you".
    assert f"  {TAKEOUT}:58: neither from nor to you (is --me complete?)" in out
    assert "tobias@nordvik.example" not in {row[0] for row in interactions(db)}


def test_importing_the_takeout_twice_changes_nothing(db_location):
    db = db_location
    with open_store(db) as store:
        import_path(store, TAKEOUT, options())
        first = store.counts()
        again = import_path(store, TAKEOUT, options())
        assert store.counts() == first
    # Every contact the file names is counted, unchanged: the counts add up to what was read.
    people = first["contacts"]
    assert f"0 contacts added, 0 merged, {people} unchanged; 0 interactions added, 6 already there" in lines(again)


def test_a_plain_mbox_still_needs_me_and_writes_nothing_without_it(db_location):
    db = db_location
    plain = fixture("mail", "personal.mbox")
    with open_store(db) as store:
        result = import_path(store, plain, options())
    assert result.exit_code == 2
    assert result.format == "mbox" and result.guessed == "an mbox file (From lines, then mail headers)"
    assert result.error == (
        "Importing mail needs your own address: add --me you@example.com (repeat it for each address you use)."
    )
    assert counts(db)["interactions"] == 0 and counts(db)["contacts"] == 0
    with pytest.raises(NeedsOption):
        check_options("mbox", options(), [plain])
    with pytest.raises(NeedsOption):
        check_options("mbox", options(), [TAKEOUT, plain])
    check_options("mbox", options(), [TAKEOUT])  # Sent labels will tell


def _headers(text: str):
    return BytesHeaderParser(policy=compat32).parsebytes(text.encode())


@pytest.mark.parametrize(
    "headers, body, words",
    [
        ("Subject: x\n", "Could you review my CV?\n\nThanks,\nAna\n", "Could you review my CV?"),
        # A reply's own words end where the quote starts.
        ("Subject: Re: x\n",
         "Done, see my notes.\n\nOn Mon, 1 Mar 2021, Ana <a@b.example> wrote:\n> Could you review it?\n",
         "Done, see my notes."),
        ("Subject: x\n", "Sure.\n> could you\n", "Sure."),
        ("Subject: x\n", "Here it is.\n-- \nAna, could you believe it\n", "Here it is."),
        ("Subject: x\n", "Thanks!\n", "Thanks!"),  # a sign-off alone is the message
        ("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n",
         "Gr=FC=DFe aus M=FCnchen\n", "Grüße aus München"),
        ("Content-Type: text/html\n", "<p>Could you help me?</p>\n", ""),
        ('Content-Type: multipart/mixed; boundary="m"\n',
         '--m\nContent-Type: text/plain\nContent-Disposition: attachment; filename="a.txt"\n\nCould you\n'
         '--m\nContent-Type: text/plain\n\nSee attached.\n--m--\n', "See attached."),
        # The start of a base64 body whose end was not kept: the whole quads are read.
        ("Content-Transfer-Encoding: base64\n", "SGVsbG8sIGNvdWxkIHlvdSBoZWxwPw==\n"[:30], "Hello, could you help"),
    ],
)
def test_body_text_is_the_message_s_own_first_words(headers, body, words):
    assert body_text(_headers(headers), body.encode("latin-1")) == words


def test_a_reply_s_kind_comes_from_its_own_words_not_the_thread_s_subject(tmp_path):
    mbox = tmp_path / "reply.mbox"
    mbox.write_bytes(
        b"From ana@b.example Mon Mar  1 08:00:00 2021\n"
        b"From: Ana <ana@b.example>\nTo: dana.whitfield@example.com\nDate: Mon, 1 Mar 2021 08:00:00 +0000\n"
        b"Message-ID: <r1@b.example>\nSubject: Re: Could you review my CV?\n\nDone, see my notes.\n\n"
        b"From ana@b.example Mon Mar  2 08:00:00 2021\n"
        b"From: Ana <ana@b.example>\nTo: dana.whitfield@example.com\nDate: Tue, 2 Mar 2021 08:00:00 +0000\n"
        b"Message-ID: <r2@b.example>\nSubject: Re: Could you review my CV?\n\nThank you so much!\n\n"
    )
    db = tmp_path / "n.db"
    with open_store(db) as store:
        result = import_path(store, mbox, options(ME), format="mbox")
    assert result.exit_code == 0, lines(result)
    assert [row[3] for row in interactions(db)] == [Kind.REPLY.value, Kind.THANKS.value]


def test_the_first_pass_shows_progress_and_a_changed_kind_survives_importing_again(db_location):
    from netpace.importers import NoProgress

    db = db_location
    progress = NoProgress()
    with open_store(db) as store:
        import_path(store, TAKEOUT, options(), progress=progress)
        assert progress.labels == [f"Finding your addresses in {TAKEOUT.name}", f"Reading {TAKEOUT.name}", "Saving"]
        maren = next(c for c in store.contacts() if c.name == "Maren Okafor")
        asked = next(i for i in store.interactions(maren.id) if i.kind == Kind.ASK)
        store.update_interaction(replace(asked, kind=Kind.FOLLOW_UP), NOW)
        import_path(store, TAKEOUT, options())
        assert [i.kind for i in store.interactions(maren.id)] == [Kind.FOLLOW_UP, Kind.SCHEDULING]


def test_an_mbox_cut_in_the_middle_of_a_body_line_skips_that_message(tmp_path):
    data = TAKEOUT.read_bytes()
    cut = tmp_path / "cut.mbox"
    # Inside the last message's body line ("See you at the reunion."): its words are a fragment.
    cut.write_bytes(data[: data.rindex(b"at the reunion")])
    db = tmp_path / "n.db"
    with open_store(db) as store:
        result = import_path(store, cut, options(ME, ALSO_ME), format="mbox")
    assert f"  {cut}:232: the message is cut off (the file ends in the middle of it)" in lines(result)
    cut.write_bytes(data[: data.rindex(b"See you at the reunion.")])  # at a line's start: whole lines only
    with open_store(tmp_path / "m.db") as store:
        whole = import_path(store, cut, options(ME, ALSO_ME), format="mbox")
    assert f"  {cut}:232: neither from nor to you (is --me complete?)" in lines(whole)
