"""Push the store to an external SPARQL 1.1 store over the Graph Store Protocol.

For users who outgrow the embedded store: each document's named graph is
sent as N-Triples with `PUT <endpoint>?graph=<graph IRI>`, which replaces that
graph on the server (so pushing twice gives the same server state, and a
re-built document replaces its old version). Endpoints:

  Virtuoso  http://host:8890/sparql-graph-crud-auth   (digest auth, e.g. dba)
  Fuseki    http://host:3030/DATASET/data              (basic auth if set up)
  GraphDB   http://host:7200/repositories/REPO/rdf-graphs/service

Standard library only (urllib): no client package to install.
"""
from __future__ import annotations

import base64
import hashlib
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, Iterable

CONTENT_TYPE = "application/n-triples"
AUTH_MODES = ("auto", "basic", "digest")


class PushError(Exception):
    """The server refused a graph or could not be reached; the message says
    which graph, what the server answered, and what to check."""


@dataclass(frozen=True, slots=True)
class Pushed:
    graph: str
    triples: int
    bytes: int
    status: int
    done: int
    total: int


@dataclass(slots=True)
class PushSummary:
    graphs: int = 0
    triples: int = 0
    bytes: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)


def graph_url(endpoint: str, graph_iri: str) -> str:
    """`endpoint?graph=IRI` (or `&graph=` when the endpoint has a query)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"


class Auth:
    """Credentials for the server, sent with the PUT itself.

    A server that challenges a large PUT usually closes the connection
    before reading the body (Virtuoso does), so the challenge is fetched
    first with a bodiless HEAD and answered in the PUT: Basic as is, Digest
    (RFC 7616, MD5, qop=auth) with the server's nonce, reused with a rising
    count until the server calls it stale."""

    def __init__(self, user: str | None, password: str | None, mode: str = "auto"):
        if mode not in AUTH_MODES:
            raise ValueError(f"auth must be one of {', '.join(AUTH_MODES)}")
        self.user, self.password, self.mode = user, password or "", mode
        self.challenge: dict[str, str] | None = None
        self.count = 0
        self.probed = False

    def header(self, method: str, url: str) -> str | None:
        if self.user is None:
            return None
        if self.mode == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return f"Basic {token}"
        if self.challenge is None:
            return None
        c = self.challenge
        self.count += 1
        nc = f"{self.count:08x}"
        cnonce = secrets.token_hex(8)
        uri = urllib.parse.urlsplit(url)
        path = uri.path + (f"?{uri.query}" if uri.query else "")
        ha1 = _md5(f"{self.user}:{c.get('realm', '')}:{self.password}")
        ha2 = _md5(f"{method}:{path}")
        fields = {"username": self.user, "realm": c.get("realm", ""), "nonce": c.get("nonce", ""),
                  "uri": path, "algorithm": "MD5"}
        if "auth" in [q.strip() for q in c.get("qop", "").split(",")]:
            fields["response"] = _md5(f"{ha1}:{fields['nonce']}:{nc}:{cnonce}:auth:{ha2}")
            extra = f", qop=auth, nc={nc}, cnonce=\"{cnonce}\""
        else:
            fields["response"] = _md5(f"{ha1}:{fields['nonce']}:{ha2}")
            extra = ""
        if "opaque" in c:
            fields["opaque"] = c["opaque"]
        quoted = ", ".join(f'{k}="{v}"' if k != "algorithm" else f"{k}={v}" for k, v in fields.items())
        return f"Digest {quoted}{extra}"

    def learn(self, url: str, timeout: float) -> None:
        """Ask the server for its challenge (a HEAD with no credentials)."""
        self.probed = True
        if self.user is None or self.mode == "basic":
            return
        request = urllib.request.Request(url, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from None
        scheme, _, params = challenge.partition(" ")
        if scheme.lower() == "digest":
            self.challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
            self.count = 0
            self.mode = "digest"
        elif scheme.lower() == "basic" and self.mode == "auto":
            self.mode = "basic"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def put_graph(auth: Auth, endpoint: str, graph_iri: str, body: bytes, timeout: float = 300.0) -> int:
    """PUT one graph; returns the HTTP status or raises PushError."""
    url = graph_url(endpoint, graph_iri)
    if not auth.probed:
        auth.learn(url, timeout)
    for attempt in (1, 2):
        headers = {"Content-Type": CONTENT_TYPE, "User-Agent": "zangraph-push"}
        credentials = auth.header("PUT", url)
        if credentials:
            headers["Authorization"] = credentials
        request = urllib.request.Request(url, data=body, method="PUT", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            if exc.code == 401 and attempt == 1 and auth.mode == "digest":
                auth.challenge = None  # the nonce went stale: ask again, once
                auth.learn(url, timeout)
                continue
            raise _refused(endpoint, graph_iri, exc) from None
        except (urllib.error.URLError, OSError) as exc:  # refused, reset, timed out
            raise _diagnose(auth, endpoint, graph_iri, url, timeout, exc) from None
    raise AssertionError("unreachable")


def _diagnose(auth: Auth, endpoint: str, graph_iri: str, url: str, timeout: float,
              exc: Exception) -> PushError:
    """Why a PUT's connection broke: servers that refuse a request often hang
    up before reading its body, so ask again without one to see the answer."""
    headers = {"User-Agent": "zangraph-push"}
    credentials = auth.header("HEAD", url)
    if credentials:
        headers["Authorization"] = credentials
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD", headers=headers),
                                    timeout=timeout):
            pass
    except urllib.error.HTTPError as refusal:
        return _refused(endpoint, graph_iri, refusal)
    except (urllib.error.URLError, OSError):
        pass
    return PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}")


def _refused(endpoint: str, graph_iri: str, exc: urllib.error.HTTPError) -> PushError:
    detail = _body_text(exc)
    hint = {401: "wrong or missing --user/--password",
            403: "the account may not write here "
                 "(Virtuoso: use /sparql-graph-crud-auth with a user granted SPARQL_UPDATE)",
            404: "no Graph Store Protocol service at this URL",
            405: "this URL does not accept PUT: is it the store's Graph Store endpoint?",
            413: "the graph is larger than the server accepts"}.get(exc.code, "")
    return PushError(f"{endpoint} refused graph <{graph_iri}>: HTTP {exc.code} {exc.reason}"
                     + (f": {detail}" if detail else "") + (f" ({hint})" if hint else ""))


def _body_text(exc: urllib.error.HTTPError, limit: int = 300) -> str:
    try:
        raw = exc.read()
    except Exception:
        return ""
    text = " ".join(raw.decode("utf-8", "replace").split())
    return text[:limit]


def push(store, endpoint: str, *, user: str | None = None, password: str | None = None,
         auth: str = "auto", graphs: Iterable[str] | None = None,
         progress: Callable[[Pushed], None] | None = None, timeout: float = 300.0) -> PushSummary:
    """PUT every document graph of `store` (or only `graphs`) to `endpoint`.

    Stops at the first refusal with PushError: a server that refuses one
    graph (authentication, rights, size) would refuse the rest."""
    from pyoxigraph import NamedNode, RdfFormat, serialize

    credentials = Auth(user, password, auth)
    names = list(graphs) if graphs is not None else [g.value for g in store.graphs()]
    summary = PushSummary()
    started = time.perf_counter()
    for i, graph_iri in enumerate(names, 1):
        triples = [q.triple for q in store.quads(NamedNode(graph_iri))]
        body = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        status = put_graph(credentials, endpoint, graph_iri, body, timeout)
        summary.graphs += 1
        summary.triples += len(triples)
        summary.bytes += len(body)
        summary.statuses[status] = summary.statuses.get(status, 0) + 1
        if progress:
            progress(Pushed(graph_iri, len(triples), len(body), status, i, len(names)))
    summary.seconds = time.perf_counter() - started
    return summary
