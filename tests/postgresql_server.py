"""A real PostgreSQL server for the tests and benchmarks, started in a temporary folder and
stopped at the end: the Debian `postgresql` package's binaries (`make test` installs it where it
is missing: the Makefile's postgresql-server), never a mock and never the machine's own cluster.

The server refuses to run as root, so as root it runs as the `postgres` user (setpriv). It
listens on a unix socket in its folder only (no TCP port to collide with), with fsync off (a
test server's data need not survive a power cut) and starts in well under a second
(docs/ARCHITECTURE.md, trap 18).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

PORT = 5432  # names the socket file only: no TCP listener


class ServerUnavailable(RuntimeError):
    pass


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps each version under /usr/lib/postgresql)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    def __init__(self) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            raise ServerUnavailable("PostgreSQL is not installed (`make test` installs it as root: apt-get install postgresql)")
        self._bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="kzeu-postgresql-"))
        self._as_postgres: list[str] = []
        if os.geteuid() == 0:
            # The server refuses to run as root: its folder belongs to `postgres`, which runs it.
            shutil.chown(self.folder, "postgres", "postgres")
            self._as_postgres = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"]
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                  "-U", "postgres")
        # The administrator connects without a password; every other role must give its own, so the
        # tests see what a curator sees (a prompt, a refusal of a wrong password).
        hba = self.data / "pg_hba.conf"
        hba.write_text("local all postgres trust\nlocal all all scram-sha-256\n")
        if self._as_postgres:
            shutil.chown(hba, "postgres", "postgres")
        settings = (f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c port={PORT} "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
                    "-c shared_buffers=128MB")
        self._run("pg_ctl", "-D", str(self.data), "-o", settings, "-l", str(self.folder / "server.log"),
                  "-w", "-t", "60", "start")
        self.running = True

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run([*self._as_postgres, str(self._bin / program), *args], capture_output=True,
                                text=True, cwd=self.folder)
        if result.returncode != 0:
            raise ServerUnavailable(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={self.folder}&port={PORT}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url(), autocommit=True)

    def create_database(self, template: str | None = None, name: str | None = None) -> str:
        """A new database (a copy of `template` when given); returns its name."""
        name = name or f"kzeu_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.running:
            self.running = False
            subprocess.run([*self._as_postgres, str(self._bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate",
                            "-w", "stop"], capture_output=True, cwd=self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)
