"""Every file format netpace reads or writes, in one table.

The command line takes its choices from here, the importers and exporters find the
module that reads or writes each format here, and the app's import and export dialogs
and palette take their labels and hints from here. Reading the table loads no reader.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportFormat:
    name: str  # on the command line: `netpace import NAME FILE`
    label: str  # in the app: "import: LABEL"
    reader: str  # the module of netpace.importers that reads it
    me_hint: str | None = None  # "You are" matters: the field's hint (None: no such field)
    needs_me: bool = False  # your own address is required (--me), not guessed from the file
    folder: bool = False  # a folder, not a file
    bundle: bool = False  # a zip or folder of several files (the LinkedIn export), not one reader


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str  # `netpace export NAME`
    hint: str  # what the file holds, in the app
    suffix: str  # the file name's ending the app suggests
    writer: str  # the module of netpace.exporters that writes it


_MAIL_HINT = "your e-mail addresses, comma-separated (needed)"

IMPORT_FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat("linkedin", "LinkedIn export (the zip or its folder)", "linkedin_export",
                 me_hint="your profile URL (guessed from the files if empty)", bundle=True),
    ImportFormat("linkedin-connections", "LinkedIn connections", "linkedin_connections"),
    ImportFormat("linkedin-messages", "LinkedIn messages", "linkedin_messages",
                 me_hint="your profile URL (guessed from the file if empty)"),
    ImportFormat("linkedin-invitations", "LinkedIn invitations", "linkedin_invitations",
                 me_hint="your profile URL (guessed from the file if empty)"),
    ImportFormat("vcard", "vCard", "vcard"),
    ImportFormat("google-csv", "Google Contacts CSV", "google_csv"),
    ImportFormat("outlook-csv", "Outlook CSV", "outlook_csv"),
    ImportFormat("mbox", "mail (mbox)", "mbox", me_hint=_MAIL_HINT, needs_me=True),
    ImportFormat("maildir", "mail (Maildir folder)", "maildir", me_hint=_MAIL_HINT, needs_me=True, folder=True),
    ImportFormat("ics", "calendar (ics)", "ics", me_hint="your e-mail addresses (guessed from the file if empty)"),
    ImportFormat("json", "netpace json", "netpace_json"),
)

EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("json", "Everything, re-importable with import: netpace json", ".json", "json_export"),
    ExportFormat("csv", "Contacts with their verdict, pressure and next date", ".csv", "csv_export"),
    ExportFormat("vcard", "Contacts as vCard 4.0, for any address book", ".vcf", "vcard_export"),
    ExportFormat("ics", "Follow-ups due in the next 14 days, as calendar entries", ".ics", "ics_export"),
)

IMPORTS: dict[str, ImportFormat] = {f.name: f for f in IMPORT_FORMATS}
EXPORTS: dict[str, ExportFormat] = {f.name: f for f in EXPORT_FORMATS}
IMPORT_NAMES: tuple[str, ...] = tuple(IMPORTS)
EXPORT_NAMES: tuple[str, ...] = tuple(EXPORTS)
