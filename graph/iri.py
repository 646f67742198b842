"""Deterministic IRIs: the same thing gets the same IRI in every document and
every run, so graphs built separately merge without reconciliation.

Everything is minted under a configurable base (``zangraph build --base``);
the default is ``DEFAULT_BASE`` = ``https://w3id.org/zangraph/id/``, a
permanent-identifier namespace that can later be redirected to a published
copy of the graph. Layout under the base:

    eli/constitution                              the Constitution
    eli/{kind}/{yyyy}/{mm}/{dd}/{number}          an act with date and number
    eli/{kind}/{normalised-title}                 otherwise, an act with a title
    eli/{kind}/no/{number}[/by/{issuer}]          otherwise, a number without a date
    eli/{kind}/{yyyy}/{mm}/{dd}/by/{issuer}       otherwise, a date and an issuer
    eli/{kind}/doc/{document}                     a document's own act known by kind only
    {act}/art/54/part/2/para/3/sub/a              a provision, nested under its act
    {act}/draft                                   the draft of an act
    {act}/kk                                      the act's Kazakh version (eli:LegalExpression)
    org/{normalised-name}                         an institution
    date/2012-10-22, date/2008/2010               a date, a date range
    doc/{file}                                    a source document
    graph/{file}                                  the named graph holding its triples
    doc/{file}/obligation/{hash}                  an obligation the document states
    doc/{file}#{type}-{start}-{end}               a mention's Web Annotation (+ -target, -pos, -quote)

Acts live under ``eli/`` because ELI validators expect legal resources there.
Titles are a weaker key than date + number (an act cited once with and once
without its date still meets on its title, since the title key ignores the
date); UN documents prefer their symbol, and the Constitution is one resource.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any, Mapping

DEFAULT_BASE = "https://w3id.org/zangraph/id/"
ONTOLOGY = "https://w3id.org/zangraph/ontology#"
KIND_SCHEME = "https://w3id.org/zangraph/kind/"

# Kinds identified first by their symbol/number rather than by title.
_NUMBER_FIRST = frozenset({"un_document"})
_SLUG_LIMIT = 80
_NON_WORD = re.compile(r"[^\w]+")
_SEGMENT_UNSAFE = re.compile(r"[^\w.~-]+")
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def check_base(base: str) -> str:
    """A base must be an absolute http(s) IRI ending in / or #."""
    if not re.match(r"https?://[^\s<>\"{}|\\^`]+[/#]$", base):
        raise ValueError(f"base IRI must be an absolute http(s) IRI ending in '/' or '#': {base!r}")
    return base


def normalise(text: str) -> str:
    """Case-, quote- and spacing-insensitive form of a name or title."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def slug(text: str, limit: int = _SLUG_LIMIT) -> str:
    """A readable IRI segment from a name: words joined by '-', long ones cut
    at a word boundary and made unique by a short hash of the whole."""
    key = normalise(text)
    out = key.replace(" ", "-").replace("_", "-")
    if len(out) <= limit:
        return out or "_"
    cut = out[:limit].rsplit("-", 1)[0] or out[:limit]
    return f"{cut}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


def segment(text: str) -> str:
    """One path segment for an identifier as written (numbers like `62-IV`,
    `CERD/C/2007/1`, file names): case kept, unsafe characters become '-'."""
    text = unicodedata.normalize("NFC", text.strip())
    return _SEGMENT_UNSAFE.sub("-", text).strip("-") or "_"


def kind_iri(kind: str) -> str:
    return KIND_SCHEME + (kind or "other")


def document_iri(base: str, doc: str) -> str:
    return f"{base}doc/{segment(doc)}"


def document_graph(base: str, doc: str) -> str:
    """The named graph that holds everything learned from one document."""
    return f"{base}graph/{segment(doc)}"


def base_of_graph(graph_iri: str) -> str | None:
    """The base a document graph IRI was minted under (None if not ours)."""
    head, sep, _ = graph_iri.rpartition("/graph/")
    return head + "/" if sep else None


def _date_path(date: str) -> str | None:
    m = _DATE.fullmatch(date.strip()) if date else None
    if not m:
        return None
    return "/".join(p for p in m.groups() if p)


def act_iri(base: str, fields: Mapping[str, Any], doc: str | None = None) -> str | None:
    """The IRI of the act an instrument mention (or a provision's `instrument`
    object) names, or None when the mention does not identify one.

    `doc` is used only for a document's own act (`self`) that the text names
    by kind alone."""
    kind = segment(str(fields.get("kind") or "other"))
    title = str(fields.get("title") or "").strip()
    number = str(fields.get("number") or "").strip()
    issuer = str(fields.get("issuer") or "").strip()
    date = _date_path(str(fields.get("date") or ""))
    root = f"{base}eli/"
    if kind == "constitution" and not number:
        iri = root + "constitution"
    elif date and number:
        iri = f"{root}{kind}/{date}/{segment(number)}"
    elif number and kind in _NUMBER_FIRST:
        iri = f"{root}{kind}/no/{segment(number)}" + (f"/by/{slug(issuer)}" if issuer else "")
    elif title and normalise(title):
        iri = f"{root}{kind}/{slug(title)}"
    elif number:
        iri = f"{root}{kind}/no/{segment(number)}" + (f"/by/{slug(issuer)}" if issuer else "")
    elif date and issuer:
        iri = f"{root}{kind}/{date}/by/{slug(issuer)}"
    elif fields.get("self") and doc:
        iri = f"{root}{kind}/doc/{segment(doc)}"
    else:
        return None
    if fields.get("draft"):
        iri += "/draft"
    return iri


PROVISION_LEVELS = (("article", "art"), ("part", "part"), ("paragraph", "para"), ("subparagraph", "sub"))


def provision_chain(act: str, fields: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """The nested provisions a provision mention names, outermost first, as
    (field, value, iri): `{act}/art/54`, `{act}/art/54/part/2`, ..."""
    chain = []
    iri = act
    for field, step in PROVISION_LEVELS:
        value = fields.get(field)
        if value is None or str(value).strip() == "":
            continue
        value = str(value).strip()
        iri = f"{iri}/{step}/{segment(value)}"
        chain.append((field, value, iri))
    return chain


def institution_iri(base: str, name: str) -> str | None:
    key = normalise(name or "")
    return f"{base}org/{slug(key)}" if key else None


def date_iri(base: str, value: str, end: str | None = None) -> str | None:
    if not value or not _DATE.fullmatch(value.strip()):
        return None
    iri = f"{base}date/{value.strip()}"
    if end and _DATE.fullmatch(end.strip()) and end.strip() != value.strip():
        iri += f"/{end.strip()}"
    return iri


def obligation_iri(base: str, doc: str, key: str) -> str:
    """An obligation is a statement of one document; `key` is its content
    (modality, bearer, action, source) so that repeats collapse."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return f"{document_iri(base, doc)}/obligation/{digest}"


def annotation_iri(base: str, doc: str, type_: str, start: int, end: int) -> str:
    return f"{document_iri(base, doc)}#{type_}-{start}-{end}"
