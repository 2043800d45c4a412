"""Peewee models, made per database so two stores never share global state."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from .server import on_server


@dataclass(frozen=True)
class Models:
    contact: type[pw.Model]
    email: type[pw.Model]
    interaction: type[pw.Model]
    totals: type[pw.Model]
    revision: type[pw.Model]
    generation: type[pw.Model]
    standing: type[pw.Model]
    setting: type[pw.Model]

    def all(self) -> list[type[pw.Model]]:
        return [self.contact, self.email, self.interaction, self.totals, self.revision, self.generation,
                self.standing, self.setting]


# (contact, at) first, so it also serves everything the old (contact, at) index did.
WHOLE_NETWORK_INDEX = ("contact", "at", "direction", "kind", "channel")


def insert_sql(model, fields: list[pw.Field], returning: str = "") -> str:
    """One prepared INSERT of `fields` into `model`'s table, a parameter per field, for
    rows already in the database's form: the bulk writes run it once per row (the query
    builder's SQL for every batch cost more than the database's work)."""
    db = model._meta.database
    return 'INSERT INTO "{}" ({}) VALUES ({}){}'.format(
        model._meta.table_name,
        ", ".join(f'"{field.column_name}"' for field in fields),
        ", ".join([db.param] * len(fields)),
        f' RETURNING "{returning}"' if returning else "",
    )


def make_models(db: pw.Database) -> Models:
    # Names are ordered by their folded key byte by byte, as SQLite does: PostgreSQL is
    # told so for that column (its default collation depends on the server's locale).
    key_collation = '"C"' if on_server(db) else None

    class Base(pw.Model):
        class Meta:
            database = db

    class ContactRow(Base):
        name = pw.TextField()
        name_key = pw.TextField(index=True, collation=key_collation)
        company = pw.TextField(default="")
        role = pw.TextField(default="")
        phone = pw.TextField(default="")
        linkedin = pw.TextField(default="", index=True)
        met_via = pw.TextField(null=True)
        met_on = pw.DateField(null=True)
        tags = pw.TextField(default="")
        notes = pw.TextField(default="")
        keep_in_touch_days = pw.IntegerField(null=True)
        status = pw.TextField(default="active")
        snoozed_until = pw.DateField(null=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "contact"

    class EmailRow(Base):
        contact = pw.ForeignKeyField(ContactRow, backref="email_rows", on_delete="CASCADE")
        address = pw.TextField(index=True)
        position = pw.IntegerField(default=0)

        class Meta:
            table_name = "email"
            indexes = ((("contact", "address"), True),)

    class InteractionRow(Base):
        contact = pw.ForeignKeyField(ContactRow, backref="interactions", on_delete="CASCADE")
        at = pw.DateTimeField()
        direction = pw.TextField()
        channel = pw.TextField()
        kind = pw.TextField()
        note = pw.TextField(default="")
        source = pw.TextField(default="manual")
        external_id = pw.TextField(null=True)
        created_at = pw.DateTimeField()
        # A message in a group conversation (see Interaction.group): not weighed.
        in_group = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])
        # Logged ahead and not yet confirmed as done (see Interaction.planned).
        planned = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])

        class Meta:
            table_name = "interaction"
            indexes = (
                # Covers the whole-network reads (reading.network_histories): the per-contact
                # aggregate and the decay-window rows come from the index alone.
                (WHOLE_NETWORK_INDEX, False),
                (("source", "external_id"), True),
            )

    class TotalsRow(Base):
        """Per-contact totals over all their interactions, kept by the store's writes
        (see `totals`). Times are stored like `InteractionRow.at`."""

        contact = pw.ForeignKeyField(ContactRow, primary_key=True, backref="totals_rows", on_delete="CASCADE")
        total = pw.IntegerField()
        sent = pw.IntegerField()
        received = pw.IntegerField()
        together = pw.IntegerField()
        asks = pw.IntegerField()
        gives = pw.IntegerField()
        first_at = pw.DateTimeField()
        last_at = pw.DateTimeField()
        first_meeting = pw.DateTimeField(null=True)
        last_not_meeting = pw.DateTimeField(null=True)
        last_answer = pw.DateTimeField(null=True)  # the last thing not from you
        # Their own pace (domain.pace.measure over the whole history).
        reply_seconds = pw.DoubleField(null=True)
        replies = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
        gap_days = pw.DoubleField(null=True)
        conversations = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
        planned_at = pw.DateTimeField(null=True)  # the first meeting logged ahead, not yet confirmed

        class Meta:
            table_name = "contact_totals"

    class RevisionRow(Base):
        """When each contact last changed: `rev` is a counter over the whole database,
        raised by triggers (see `revisions`) on every write to a contact, their e-mail
        addresses or their interactions, by netpace or any other program. A deleted
        contact keeps its row, so readers learn of the deletion too."""

        contact = pw.IntegerField(primary_key=True, column_name="contact_id")
        rev = pw.IntegerField(index=True)

        class Meta:
            table_name = "contact_revision"

    class GenerationRow(Base):
        """One random token, replaced when a backup is restored over the file: revisions
        compare only within one generation (a restored file has its own history)."""

        token = pw.TextField()

        class Meta:
            table_name = "revision_generation"

    class StandingRow(Base):
        """Each contact's place in the list as the app last computed it (see `standings`),
        valid while the contact's revision is still `rev`. Times are seconds since 1970."""

        contact = pw.IntegerField(primary_key=True, column_name="contact_id")
        rev = pw.IntegerField()
        zone = pw.TextField()  # the time zone the days were counted in
        verdict = pw.TextField()
        next_on = pw.DateField(null=True)
        decided_until = pw.DoubleField()
        load = pw.DoubleField()
        ref_ts = pw.DoubleField()
        load_until = pw.DoubleField()
        # The load's size at any moment, as one number that doesn't change with time:
        # ln(load) + ref_ts * ln 2 / half-life. Ordering by it orders by the load (and the
        # pressure) now. NULL when the load is zero.
        score = pw.DoubleField(null=True)

        class Meta:
            table_name = "contact_standing"

    class SettingRow(Base):
        """The user's settings that travel with the network (the daily budget, ...)."""

        key = pw.TextField(primary_key=True)
        value = pw.TextField()

        class Meta:
            table_name = "setting"

    return Models(ContactRow, EmailRow, InteractionRow, TotalsRow, RevisionRow, GenerationRow, StandingRow,
                  SettingRow)
