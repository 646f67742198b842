"""Fixtures for the scale tests: small corpora on disk, and a real Virtuoso
server on loopback (started here, stopped after) for `zangraph push`."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EVAL

VIRTUOSO = shutil.which("virtuoso-t")
VSP_ROOT = Path("/var/lib/virtuoso-opensource-7/vsp")


def dev_docs() -> list[Path]:
    docs = sorted((EVAL / "adilet-dev" / "docs").glob("*.txt"))
    if not docs:
        pytest.skip(f"the shared adilet-dev documents are not at {EVAL / 'adilet-dev' / 'docs'}")
    return docs


@pytest.fixture
def corpus(tmp_path) -> Path:
    return make_corpus(tmp_path / "corpus")


def make_corpus(root: Path) -> Path:
    """Forty small real documents (the adilet-dev act beginnings, under
    several names), in two sub-directories."""
    docs = dev_docs()
    for i in range(40):
        src = docs[i % len(docs)]
        sub = root / ("a" if i % 2 else "b")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:03d}_{src.name}").write_bytes(src.read_bytes())
    return root


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Virtuoso:
    http: int
    user: str = "dba"
    password: str = "dba"  # a new Virtuoso database's administrator

    @property
    def crud(self) -> str:
        """The Graph Store Protocol endpoint that takes digest credentials."""
        return f"http://127.0.0.1:{self.http}/sparql-graph-crud-auth"

    @property
    def open_crud(self) -> str:
        """The endpoint without credentials (read-only for the anonymous user)."""
        return f"http://127.0.0.1:{self.http}/sparql-graph-crud"

    def select(self, sparql: str) -> list[dict[str, str]]:
        import json

        data = urllib.parse.urlencode({"query": sparql}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.http}/sparql", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            rows = json.load(resp)["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in rows]


INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = .
[HTTPServer]
ServerPort = {http}
ServerRoot = {vsp}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
"""


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A fresh Virtuoso 7 (Debian's virtuoso-opensource) on free loopback ports."""
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed (apt-get install -y virtuoso-opensource)")
    d = tmp_path_factory.mktemp("virtuoso")
    http, sql = _free_port(), _free_port()
    (d / "virtuoso.ini").write_text(INI.format(d=d, sql=sql, http=http, vsp=VSP_ROOT))
    log = open(d / "stdout.log", "wb")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(d / "virtuoso.ini")],
                            cwd=d, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Virtuoso(http)
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"virtuoso exited with {proc.returncode}: {(d / 'stdout.log').read_text()[-2000:]}")
            try:
                server.select("SELECT (1 AS ?one) WHERE { }")
                break
            except (urllib.error.URLError, OSError, ValueError, KeyError):
                if time.monotonic() > deadline:
                    pytest.fail(f"virtuoso did not answer in 90 s: {(d / 'stdout.log').read_text()[-2000:]}")
                time.sleep(0.3)
        yield server
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
