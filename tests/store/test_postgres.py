"""PostgreSQL as the store, where it differs from a file: URLs and passwords, the
sentences for a server that can't be used, two writers at once, moving a network between
the stores (copy, backup, restore) with counts and checksums, migrations in one
transaction, the revision triggers and their notifications, the launch's first view.

Everything else runs on both stores through the parametrised store, CLI and app tests
(tests/conftest.py); the app on a server that goes away, and the same screens on
both stores, are in tests/ui/test_server_connection.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from netpace.cli import cli
from netpace.domain.model import Contact, Direction, Interaction
from netpace.store import StoreError, open_store
from netpace.store import migrations
from netpace.store.migrations import Step
from netpace.store.paths import BadLocation, parse_server_url, resolve_db_path
from netpace.store.portable import checksum

from ..conftest import NOW_TEXT, demo_on_server
from ..helpers import NOW, at, db_rows
from ..postgres_server import SECRET_PASSWORD, SECRET_ROLE

HERE = Path(__file__).resolve().parent.parent  # tests/
PYTHON = sys.executable


def netpace(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real `netpace` command line, in its own process."""
    return subprocess.run([PYTHON, "-m", "netpace", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def server(pg_server, private_data_folder):
    return pg_server


@pytest.fixture
def empty_db(server):
    """The name of an empty database on the test server, owned by the test role."""
    name = server.create_database()
    yield name
    server.drop_database(name)


@pytest.fixture
def server_demo(server, fixed_now):
    """The URL of a database holding the demo network."""
    name = demo_on_server(server, fixed_now)
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def secret_db(server):
    """A database owned by the role that must give a password."""
    name = server.create_database(owner=SECRET_ROLE)
    yield name
    server.drop_database(name)


def tables(server, name: str) -> set[str]:
    return {row[0] for row in server.admin("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", name)}


# -- URLs ---------------------------------------------------------------------------------
def test_the_url_forms_are_read_and_any_password_masked():
    url = parse_server_url("postgresql://me:s3cr%40t@db.example:5433/netpace")
    assert str(url) == repr(url)[len("ServerUrl('"):-2] == "postgresql://me:***@db.example:5433/netpace"
    assert (url.host, url.dbname) == ("db.example", "netpace")
    socket = parse_server_url("postgresql://me@/netpace?host=/run/postgresql&port=5432")
    assert (socket.host, socket.dbname, str(socket)) == (
        "/run/postgresql", "netpace", "postgresql://me@/netpace?host=/run/postgresql&port=5432")
    query = parse_server_url("postgres://me@h1,h2:5433/n?password=hunter2&sslmode=require")
    assert str(query) == "postgres://me@h1,h2:5433/n?password=***&sslmode=require" and query.host == "h1,h2"
    assert url.scrub("auth failed for s3cr@t and s3cr%40t") == "auth failed for *** and ***"
    for other in ("mysql://me@db/netpace", "https://example.com/x.db", "sqlite:///tmp/x.db"):
        with pytest.raises(BadLocation, match="file or on a PostgreSQL server"):
            resolve_db_path(other)


def test_path_prints_the_url_masked_and_other_urls_are_refused(tmp_path, monkeypatch):
    runner = CliRunner()
    url = "postgresql://me:hunter2@db.example/netpace"
    shown = runner.invoke(cli, ["--db", url, "path"])
    assert shown.exit_code == 0 and shown.output == "postgresql://me:***@db.example/netpace\n"
    from_env = runner.invoke(cli, ["path"], env={"NETPACE_DB": url})
    assert from_env.output == "postgresql://me:***@db.example/netpace\n"
    monkeypatch.chdir(tmp_path)
    for other in ("mysql://me@db/netpace", "http://example.com/db"):
        refused = runner.invoke(cli, ["--db", other, "list"])
        assert refused.exit_code == 2
        assert refused.output.startswith("netpace: netpace keeps its network in a file or on a PostgreSQL server")
        assert refused.output.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # no folder named after the URL (what --db made of it before)


# -- what can go wrong: one sentence, exit 1, nothing written, never the password ---------
def test_an_unreachable_server_a_missing_database_and_a_wrong_password_are_one_sentence(
        server, empty_db, secret_db, tmp_path):
    nowhere = f"postgresql://me@/netpace?host={tmp_path}/no-server"
    cases = [
        (nowhere, f"Can't reach the PostgreSQL server at {tmp_path}/no-server"),
        (server.url("no_such_db"), f"There is no database no_such_db on the PostgreSQL server at {server.socket_dir}"),
        (server.url(secret_db, SECRET_ROLE, "not-the-password-9"),
         f"The PostgreSQL server at {server.socket_dir} refused the password for the role {SECRET_ROLE}"),
    ]
    for url, sentence in cases:
        for args in (["list"], ["add", "Someone"], ["export", "json"], ["backup"]):
            result = netpace("--db", url, *args)
            assert result.returncode == 1, (args, result.stderr)
            assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
            assert sentence in result.stderr and "Traceback" not in result.stderr
            assert "not-the-password-9" not in result.stderr
    assert tables(server, secret_db) == set()  # nothing written
    assert "no_such_db" not in {row[0] for row in server.admin("SELECT datname FROM pg_database")}


def test_a_database_that_holds_something_else_is_refused_untouched(server, empty_db):
    server.admin("CREATE TABLE songs (title text)", empty_db)
    server.admin("INSERT INTO songs VALUES ('Hallelujah')", empty_db)
    result = netpace("--db", server.url(empty_db), "add", "Someone")
    assert result.returncode == 1
    assert result.stderr == (f"netpace: {empty_db} on the PostgreSQL server at {server.socket_dir} holds something "
                             f"other than a netpace network ({server.url(empty_db)}); give netpace a database of its "
                             "own.\n")
    assert tables(server, empty_db) == {"songs"}
    assert server.admin("SELECT title FROM songs", empty_db) == [("Hallelujah",)]


def test_without_the_driver_a_url_names_the_extra_to_install(server, empty_db):
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from netpace.cli import main; main()")
    result = subprocess.run([PYTHON, "-c", code, "--db", server.url(empty_db), "list"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == ("netpace: A PostgreSQL database needs netpace's PostgreSQL driver: install it with "
                             "pip install 'netpace[postgres]'.\n")


def test_the_password_is_never_shown(server, secret_db, tmp_path):
    """Every command, a failure of each kind and a debugging traceback, with the password
    in the URL: it appears in no output (and `path` shows where it was masked)."""
    url = server.url(secret_db, SECRET_ROLE, SECRET_PASSWORD)
    vcard = HERE / "fixtures" / "vcard" / "ezvcard_John_Doe_ANDROID.vcf"
    runs = [
        netpace("--db", url, "path"),
        netpace("--db", url, "add", "Maren Holt", "--email", "maren@nordlys.example"),
        netpace("--db", url, "log", "Maren", "--out", "--note", "sent the write-up"),
        netpace("--db", url, "list"),
        netpace("--db", url, "show", "Maren", "--json"),
        netpace("--db", url, "triage", "--all"),
        netpace("--db", url, "import", "vcard", str(vcard)),
        netpace("--db", url, "export", "csv"),
        netpace("--db", url, "backup", "--out", str(tmp_path / "b.db")),
        netpace("--db", url, "copy", "--to", str(tmp_path / "copy.db")),
        netpace("--db", url, "show", "Nobody"),
        netpace("--db", url, "demo"),  # refused: it holds contacts
        netpace("--db", url.replace(SECRET_PASSWORD, SECRET_PASSWORD + "x"), "list"),
        netpace("--db", url.replace(secret_db, "missing_db"), "list"),
        netpace("--db", url.replace(str(server.socket_dir), str(tmp_path)), "list"),
        netpace("--db", url, "list", env={"NETPACE_DEBUG": "1", "PGOPTIONS": "-c no_such_setting=1"}),
        netpace("list", env={"NETPACE_DB": url}),
    ]
    assert runs[0].stdout.strip() == url.replace(SECRET_PASSWORD, "***")
    assert "Maren Holt" in runs[3].stdout and runs[9].returncode == 0
    assert [r.returncode for r in runs[12:16]] == [1, 1, 1, 1]
    for result in runs:
        assert SECRET_PASSWORD not in result.stdout + result.stderr
    for made in tmp_path.rglob("*"):
        if made.is_file():
            assert SECRET_PASSWORD.encode() not in made.read_bytes()
    # nor in the traceback of any error (what NETPACE_DEBUG would print), chained ones included
    import traceback

    for bad in (url.replace(secret_db, "missing_db"), url.replace(SECRET_PASSWORD, "wrong-" + SECRET_PASSWORD)):
        with pytest.raises(StoreError) as failure:
            open_store(bad)
        text = "".join(traceback.format_exception(failure.value))
        assert str(failure.value) in text and SECRET_PASSWORD not in text


def test_the_password_may_come_from_pgpassword_or_pgpass(server, secret_db, tmp_path):
    url = server.url(secret_db, SECRET_ROLE)  # no password in it
    wanted = netpace("--db", url, "list", env={"PGPASSWORD": "", "PGPASSFILE": str(tmp_path / "none")})
    assert wanted.returncode == 1
    assert wanted.stderr.startswith(f"netpace: The PostgreSQL server at {server.socket_dir} wants a password")
    by_env = netpace("--db", url, "add", "From Env", env={"PGPASSWORD": SECRET_PASSWORD})
    assert by_env.returncode == 0, by_env.stderr
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{server.socket_dir}:{server.port}:{secret_db}:{SECRET_ROLE}:{SECRET_PASSWORD}\n")
    pgpass.chmod(0o600)
    by_file = netpace("--db", url, "list", env={"PGPASSFILE": str(pgpass)})
    assert by_file.returncode == 0 and "From Env" in by_file.stdout, by_file.stderr


# -- two writers ------------------------------------------------------------------------
def test_two_processes_logging_40_each_into_one_contact_store_80(server, empty_db):
    url = server.url(empty_db)
    with open_store(url) as store:
        contact = store.add_contact(Contact(name="Shared Contact"), NOW)
    writer = [PYTHON, str(HERE / "hardening" / "writer.py"), url, str(contact.id), "40"]
    writers = [subprocess.Popen([*writer, tag, NOW_TEXT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for tag in ("a", "b")]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err for _, err in outputs]
    assert all(err == "" for _, err in outputs)
    printed = {int(line) for out, _ in outputs for line in out.split()}
    notes = {note for (note,) in db_rows(url, "SELECT note FROM interaction")}
    assert len(printed) == 80 and notes == {f"{tag}-{i}" for tag in "ab" for i in range(40)}
    assert db_rows(url, "SELECT total, sent FROM contact_totals") == [(80, 80)]  # kept by both writers alike
    # added, then 80 logs of two writes each: every write its own revision, in commit order
    assert db_rows(url, "SELECT rev FROM contact_revision") == [(1 + 80 * 2,)]


# -- moving a network -------------------------------------------------------------------
def test_the_netpace_command_copies_a_file_onto_a_server(server, empty_db, demo_db):
    """The command on a file leaves the PostgreSQL drivers unloaded unless a server is named
    on its line (startup.fork.without_server_drivers): `copy --to URL` still reaches it."""
    url = server.url(empty_db)
    copied = netpace("--db", str(demo_db), "copy", f"--to={url}")
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.startswith("Copied 40 contacts")
    listed = netpace("--db", url, "list")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 40


def test_copy_moves_a_network_to_postgresql_and_back_verified(server, empty_db, demo_db, tmp_path):
    url = server.url(empty_db)
    with open_store(demo_db) as store:
        interactions = store.counts()["interactions"]  # the demo network's (written at NOW_TEXT)
    runner = CliRunner()
    there = runner.invoke(cli, ["--db", str(demo_db), "copy", "--to", url])
    assert there.exit_code == 0, there.output
    assert there.output.startswith(f"Copied 40 contacts, 40 e-mail addresses and {interactions} interactions from "
                                   f"{demo_db} to {url}; every table's row count and checksum match")
    back_file = tmp_path / "back" / "netpace.db"
    back = runner.invoke(cli, ["--db", url, "copy", "--to", str(back_file)])
    assert back.exit_code == 0, back.output
    sums = []
    for location in (demo_db, url, back_file):
        with open_store(location) as store:
            sums.append(checksum(store.db))
    assert sums[0] == sums[1] == sums[2] and sums[0].counts["interaction"] == interactions
    views = [runner.invoke(cli, ["--db", str(location), "triage", "--all", "--json", "--now", NOW_TEXT]).output
             for location in (demo_db, url, back_file)]
    assert views[0] == views[1] == views[2] and len(json.loads(views[0])) == 40
    again = runner.invoke(cli, ["--db", str(demo_db), "copy", "--to", url])  # not into a network
    assert again.exit_code == 1
    assert again.output == (f"netpace: {url} already holds a network (40 contacts); netpace copies only into an "
                            "empty one.\n")
    with open_store(url) as store:
        assert checksum(store.db) == sums[0]


def test_a_copy_that_fails_leaves_nothing_written(server, empty_db, demo_db, monkeypatch):
    from netpace.store import portable

    url = server.url(empty_db)
    real = portable._insert

    def failing(db, table, *args):
        if table == "interaction":
            raise StoreError("the disk went away")
        return real(db, table, *args)

    monkeypatch.setattr(portable, "_insert", failing)
    result = CliRunner().invoke(cli, ["--db", str(demo_db), "copy", "--to", url])
    assert result.exit_code == 1 and result.output == "netpace: the disk went away\n"
    assert db_rows(url, "SELECT COUNT(*) FROM contact") == [(0,)]


def test_a_server_backup_restores_into_either_store(server_demo, tmp_path):
    demo_location = server_demo
    runner = CliRunner()
    made = runner.invoke(cli, ["--db", demo_location, "backup", "--out", str(tmp_path / "net.db")])
    assert made.exit_code == 0 and made.output == f"Backed up {demo_location} to {tmp_path / 'net.db'}.\n"
    assert (tmp_path / "net.db").stat().st_mode & 0o777 == 0o600
    with open_store(demo_location) as store:
        original = checksum(store.db)
        interactions = store.counts()["interactions"]
        store.add_contact(Contact(name="Added After"), NOW)
    into_file = runner.invoke(cli, ["--db", str(tmp_path / "restored.db"), "restore", str(tmp_path / "net.db")])
    assert into_file.exit_code == 0, into_file.output
    into_server = runner.invoke(cli, ["--db", demo_location, "restore", str(tmp_path / "net.db")])
    assert into_server.exit_code == 0, into_server.output
    assert into_server.output.splitlines()[0] == (f"Restored 40 contacts and {interactions} interactions from "
                                                  f"{tmp_path / 'net.db'}.")
    saved = Path(into_server.output.splitlines()[1].split(" saved to ")[1].rstrip("."))
    assert saved.parent.parent.parent == tmp_path / "xdg-data" and saved.exists()
    for location in (tmp_path / "restored.db", demo_location):
        with open_store(location) as store:
            assert checksum(store.db) == original
    with open_store(saved) as before_restore:
        assert "Added After" in [c.name for c in before_restore.contacts()]
    # and the restored network goes on as usual: new ids after the restored ones
    with open_store(demo_location) as store:
        new = store.add_contact(Contact(name="After Restore"), NOW)
        assert new.id == 41


def test_a_file_backup_restores_into_a_server(server, empty_db, demo_db, tmp_path):
    url = server.url(empty_db)
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(demo_db), "backup", "--out", str(tmp_path / "file.db")]).exit_code == 0
    restored = runner.invoke(cli, ["--db", url, "restore", str(tmp_path / "file.db")])
    assert restored.exit_code == 0, restored.output
    assert len(restored.output.splitlines()) == 1  # an empty database: nothing to save first
    with open_store(demo_db) as a, open_store(url) as b:
        assert checksum(a.db) == checksum(b.db)
    text = tmp_path / "notes.txt"
    text.write_text("not a backup\n" * 50)
    refused = runner.invoke(cli, ["--db", url, "restore", str(text)])
    assert refused.exit_code == 1 and "is not a netpace backup" in refused.output
    with open_store(demo_db) as a, open_store(url) as b:
        assert checksum(a.db) == checksum(b.db)


# -- the schema -------------------------------------------------------------------------
def test_a_new_database_gets_the_schema_version_in_a_table_and_the_triggers(server, empty_db):
    with open_store(server.url(empty_db)):
        pass
    assert {"contact", "email", "interaction", "contact_revision", "netpace_schema"} <= tables(server, empty_db)
    assert server.admin("SELECT version FROM netpace_schema", empty_db) == [(migrations.latest_version(),)]
    triggers = {row[0] for row in server.admin("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal", empty_db)}
    assert len(triggers) == 9 and "contact_revision_interaction_insert" in triggers


def test_a_failing_migration_changes_nothing_on_a_server(server, empty_db, monkeypatch):
    url = server.url(empty_db)
    with open_store(url) as store:
        store.add_contact(Contact(name="Before"), NOW)

    def adds_a_column(db):
        db.execute_sql("ALTER TABLE contact ADD COLUMN pronouns TEXT DEFAULT ''")

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (x integer)")
        raise RuntimeError("step failed")

    base = migrations.latest_version()
    steps = migrations.STEPS + (Step(base + 1, "a column", adds_a_column), Step(base + 2, "broken", broken))
    monkeypatch.setattr("netpace.store.store.migrate",
                        lambda db, path, **kw: migrations.migrate(db, path, steps, **kw))
    with pytest.raises(RuntimeError):
        open_store(url)
    assert server.admin("SELECT version FROM netpace_schema", empty_db) == [(base,)]
    columns = {row[0] for row in server.admin(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'contact'", empty_db)}
    assert "pronouns" not in columns and "half_done" not in tables(server, empty_db)
    backups = list((Path(os.environ["XDG_DATA_HOME"]) / "netpace" / "backups").glob("*-migration-*.db"))
    assert len(backups) == 1  # taken before the steps ran
    assert db_rows(backups[0], "SELECT name FROM contact") == [("Before",)]


def test_a_write_notifies_listeners_when_it_commits(server, empty_db):
    import psycopg

    url = server.url(empty_db)
    with open_store(url) as store, psycopg.connect(url, autocommit=True) as listener:
        listener.execute("LISTEN netpace_changes")
        contact = store.add_contact(Contact(name="Heard"), NOW)
        store.log(contact.id, Interaction(at=at(days=1), direction=Direction.OUT), NOW)
        heard = [n.payload for n in listener.notifies(timeout=5, stop_after=3)]
    # at each commit, one per statement that touched a contact: the contact's insert, then
    # the interaction's and the contact's "changed" stamp
    assert heard == ["1", "2", "3"]


def test_the_launchs_child_reads_a_servers_kept_standings(server_demo, fixed_now):
    demo_location = server_demo
    from netpace.startup import kept_list
    from netpace.store.standings import save

    with open_store(demo_location) as store:
        save(store, fixed_now)
        wanted = [s.contact.id for s in store.summaries(fixed_now)]
    found = kept_list.answer(demo_location, NOW_TEXT)
    assert found[0] == "view" and found[4] == 40
    assert [row[0] for row in found[5]] == wanted
    nowhere = "postgresql://me@/netpace?host=/nonexistent-folder"
    assert kept_list.answer(nowhere, NOW_TEXT) == kept_list.NONE  # the CLI then says what is wrong
