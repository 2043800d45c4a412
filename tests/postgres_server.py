"""A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` in a temporary
folder, reached through a Unix socket in that folder (TCP on 127.0.0.1 only when a test
asks for it), fast and unsafe settings (no fsync: it lives for one test session).

PostgreSQL refuses to run as root, and CI runs as root: the server then runs as the
unprivileged user `nobody` (uid 65534), which owns the folder. Each pytest process
(each xdist worker) starts its own server on first use, so workers never share one.

Roles: `ADMIN`, the superuser, makes and drops databases; `ROLE`, an ordinary role,
owns each test's database (netpace needs no more than owning its database);
`SECRET_ROLE` must give a password (`SECRET_PASSWORD`), for the tests of passwords.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

ADMIN = "netpace_admin"
ROLE = "netpace_tester"
SECRET_ROLE = "netpace_secret"
SECRET_PASSWORD = "pw-Zq81-never-shown"
UNPRIVILEGED = 65534  # nobody
START_SECONDS = 60
# Stops the server and removes its folder once the test process is gone, however it
# ended (a killed pytest must not leave a server running).
_WATCHDOG = """
import os, shutil, subprocess, sys, time
parent, command, root = int(sys.argv[1]), sys.argv[2:-1], sys.argv[-1]
while True:
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    time.sleep(1)
subprocess.run(command, capture_output=True)
shutil.rmtree(root, ignore_errors=True)
"""


class ServerMissing(RuntimeError):
    """PostgreSQL's server programs are not installed here."""


def bindir() -> Path:
    """The folder of initdb, pg_ctl and postgres (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda path: int(Path(path).parent.parent.name) if Path(path).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise ServerMissing("PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql")


class Server:
    def __init__(self, tcp_port: int | None = None) -> None:
        self.bin = bindir()
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="netpace-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "s"
        self.log = self.root / "server.log"
        self.tcp_port = tcp_port
        self._names = 0
        self._lock = threading.Lock()
        self.templates: dict[str, str] = {}
        self._drops: list[threading.Thread] = []

    # -- running ----------------------------------------------------------------------------
    @staticmethod
    def _env() -> dict[str, str]:
        """The server's programs' environment, made here rather than inherited: the path
        and a fixed locale, nothing else. So no PG* variable of the machine reaches them,
        and neither does CI's second pass under faketime (LD_PRELOAD of libfaketime,
        FAKETIME): the server runs on the machine's real clock. It would start under
        libfaketime too (tried with +365d), but its clock is not what the suite's date
        independence is about: netpace never asks the server the time (every moment is
        passed in), and the tests read their own stopped clock."""
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        options = {"user": UNPRIVILEGED, "group": UNPRIVILEGED, "extra_groups": []} if self.as_root else {}
        return subprocess.run([str(self.bin / args[0]), *args[1:]], capture_output=True, text=True, env=self._env(),
                              cwd=self.root, check=check, timeout=START_SECONDS, **options)

    def start(self) -> "Server":
        if self.as_root:
            os.chown(self.root, UNPRIVILEGED, UNPRIVILEGED)
        self.socket_dir.mkdir()
        if self.as_root:
            os.chown(self.socket_dir, UNPRIVILEGED, UNPRIVILEGED)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust", "--no-sync", "--encoding=UTF8",
                  "--locale=C.UTF-8")
        hba = [
            f"local all {SECRET_ROLE} scram-sha-256",
            "local all all trust",
            f"host all {SECRET_ROLE} 127.0.0.1/32 scram-sha-256",
            "host all all 127.0.0.1/32 trust",
        ]
        (self.data / "pg_hba.conf").write_text("\n".join(hba) + "\n")
        settings = [
            f"listen_addresses = '{'127.0.0.1' if self.tcp_port else ''}'",
            f"port = {self.tcp_port or 5432}",
            f"unix_socket_directories = '{self.socket_dir}'",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            "max_connections = 200",
            "shared_buffers = 32MB",
            "log_min_messages = warning",
        ]
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write("\n".join(settings) + "\n")
        self._pg_ctl("start")
        self._watch()
        self.admin(f"CREATE ROLE {ROLE} LOGIN")
        self.admin(f"CREATE ROLE {SECRET_ROLE} LOGIN PASSWORD '{SECRET_PASSWORD}'")
        return self

    def _watch(self) -> None:
        stop = [str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate"]
        if self.as_root:
            stop = ["setpriv", f"--reuid={UNPRIVILEGED}", f"--regid={UNPRIVILEGED}", "--clear-groups", *stop]
        subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(os.getpid()), *stop, str(self.root)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=self._env(), start_new_session=True)

    def _pg_ctl(self, action: str) -> None:
        extra = ["-l", str(self.log)] if action in ("start", "restart") else []
        result = self._run("pg_ctl", action, "-D", str(self.data), "-w", "-t", str(START_SECONDS), "-m", "fast",
                           *extra, check=False)
        if result.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl {action} failed: {result.stdout}{result.stderr}{log}")

    def stop(self) -> None:
        self._pg_ctl("stop")

    def start_again(self) -> None:
        """Start after `stop` (same data, same socket)."""
        self._pg_ctl("start")

    def is_running(self) -> bool:
        return self._run("pg_ctl", "status", "-D", str(self.data), check=False).returncode == 0

    def restart(self) -> None:
        """Stop (ending every connection) and start again, on the same socket."""
        self._pg_ctl("restart")

    def close(self) -> None:
        for thread in self._drops:
            thread.join(timeout=30)
        try:
            self.stop()
        except Exception:
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases --------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self.tcp_port or 5432

    def url(self, dbname: str, role: str = ROLE, password: str | None = None) -> str:
        """The socket form of the URL: postgresql://role@/dbname?host=<folder>&port=<port>."""
        secret = f":{quote(password, safe='')}" if password is not None else ""
        return f"postgresql://{role}{secret}@/{dbname}?host={quote(str(self.socket_dir), safe='/')}&port={self.port}"

    def tcp_url(self, dbname: str, role: str = ROLE, password: str | None = None) -> str:
        secret = f":{quote(password, safe='')}" if password is not None else ""
        return f"postgresql://{role}{secret}@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str, dbname: str = "postgres", params=None):
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), port=self.port, user=ADMIN, dbname=dbname,
                             autocommit=True, connect_timeout=START_SECONDS) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchall() if cursor.description else None

    def new_name(self) -> str:
        with self._lock:
            self._names += 1
            return f"t{os.getpid()}_{self._names}"

    def create_database(self, owner: str = ROLE, template: str | None = None, name: str | None = None) -> str:
        name = name or self.new_name()
        source = f" TEMPLATE {template}" if template else ""
        self.admin(f'CREATE DATABASE "{name}" OWNER {owner}{source}')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a test's database, on a thread of its own: PostgreSQL checkpoints on every
        DROP DATABASE, which the next test need not wait for."""
        thread = threading.Thread(target=self.admin, args=(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',),
                                  daemon=True)
        thread.start()
        self._drops.append(thread)

    def template(self, key: str, fill) -> str:
        """A database made once by `fill(url)` (then left without connections), to copy
        test databases from (CREATE DATABASE ... TEMPLATE: a file copy, quick)."""
        with self._lock:
            found = self.templates.get(key)
        if found is None:
            found = f"template_{key}"
            self.create_database(name=found)
            fill(self.url(found))
            self.admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{found}' "
                       "AND pid <> pg_backend_pid()")
            with self._lock:
                self.templates[key] = found
        return found
