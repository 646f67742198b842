"""SPARQL over the store: named queries, parameters, and result formatting.

Named queries are the files graph/queries/NAME.rq. The first comment line is
the query's one-line description. Parameters are declared in comment lines

    # @param code = "Қылмыстық кодекс" -- the code, by (part of) its title or its IRI

with a default written as a SPARQL term (`<iri>`, `"text"`, `"text"@kk`, a
number, or `prefix:name` with the prefixes of graph.namespaces). `run(store,
sparql, params)` binds each parameter variable (?code) to the given value, or
to its default, by SPARQL substitution (the query text is never spliced). A
given value that reads as a SPARQL term or an http(s) IRI is taken as such;
any other value is a plain string. A parameter must appear in the SELECT
clause (and in GROUP BY when the query aggregates): oxigraph substitutes only
projected variables, and not inside sub-queries.

A parameter whose default is a bare whole number (`# @param page = 0`) is
an integer parameter: its value must be a whole number, and it is written
into the query text in place of `?page` (a validated number cannot inject
anything). It must not be projected. Query plans see it as a constant, which
lets a FILTER on it narrow the search first (oxigraph plans a substituted
variable as unknown).

Queries may use the prefixes of graph.namespaces (eli:, oa:, zg:, zgk: …)
without declaring them.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from pyoxigraph import (BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples,
                        RdfFormat, Store, Triple, Variable, serialize)

from .iri import DEFAULT_BASE
from .namespaces import PREFIXES, XSD

_PARAM = re.compile(r"^#\s*@param\s+\??(\w+)\s*=\s*(.+?)\s*(?:--\s*(.*))?$")
_XSD_STRING = XSD.string


class QueryError(Exception):
    """A query that cannot run: syntax error (with the parser's message and
    position), unknown parameter value, or evaluation error."""


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    default: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class NamedQuery:
    name: str
    description: str
    sparql: str
    params: tuple[Param, ...] = ()


@dataclass(slots=True)
class QueryAnswer:
    """A materialised result: `kind` is select, ask or construct."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "construct":
            return len(self.triples)
        return 1

    def values(self, variable: str) -> list[str | None]:
        """The lexical values (IRI, literal text) of one column."""
        i = self.variables.index(variable)
        return [None if r[i] is None else r[i].value for r in self.rows]

    def records(self) -> list[dict[str, str | None]]:
        return [{v: (None if t is None else t.value) for v, t in zip(self.variables, r)} for r in self.rows]


def parse_params(sparql: str) -> tuple[Param, ...]:
    out = []
    for line in sparql.splitlines():
        m = _PARAM.match(line.strip())
        if m:
            out.append(Param(m.group(1), m.group(2).strip(), (m.group(3) or "").strip()))
    return tuple(out)


def _description(sparql: str) -> str:
    for line in sparql.splitlines():
        line = line.strip()
        if line.startswith("#"):
            text = line.lstrip("#").strip()
            if text and not text.startswith("@"):
                return text
        elif line:
            break
    return ""


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Every graph/queries/*.rq, by file name without .rq, sorted."""
    folder = resources.files("graph").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            name = entry.name[:-3]
            found[name] = NamedQuery(name, _description(text), text, parse_params(text))
    return found


_TERM_STORE: Store | None = None


def parse_term(text: str):
    """A SPARQL term (`<iri>`, literal, number, prefixed name) as a pyoxigraph term."""
    global _TERM_STORE
    if _TERM_STORE is None:
        _TERM_STORE = Store()
    try:
        result = _TERM_STORE.query(f"SELECT ?x WHERE {{ VALUES ?x {{ {text} }} }}", prefixes=dict(PREFIXES))
        rows = list(result)
    except SyntaxError as exc:
        raise QueryError(f"not a SPARQL term: {text!r} ({exc})") from None
    if len(rows) != 1 or rows[0][0] is None:
        raise QueryError(f"not a single SPARQL term: {text!r}")
    return rows[0][0]


def value_term(value: str):
    """A user-given parameter value: IRI, SPARQL term, or plain string."""
    v = value.strip()
    if re.match(r"https?://\S+$", v):
        return NamedNode(v)
    if v.startswith("<") or v.startswith('"') or re.fullmatch(r"[-+]?\d+(\.\d+)?|true|false", v) \
            or re.fullmatch(r"[A-Za-z][\w-]*:[\w.-]*", v) and v.split(":", 1)[0] in PREFIXES:
        try:
            return parse_term(v)
        except QueryError:
            pass
    return Literal(value)


_INTEGER = re.compile(r"[+-]?\d+")


def integer_params(sparql: str, params: Mapping[str, str] | None) -> str:
    """The query with each integer parameter's value (given or default) in
    place of its variable."""
    given = {k.lstrip("?$"): v for k, v in (params or {}).items()}
    for p in parse_params(sparql):
        if not _INTEGER.fullmatch(p.default):
            continue
        value = str(given.get(p.name, p.default)).strip()
        if not _INTEGER.fullmatch(value):
            raise QueryError(f"parameter {p.name} must be a whole number, not {value!r}")
        sparql = re.sub(r"[?$]%s\b" % re.escape(p.name), f"({int(value)})", sparql)
    return sparql


def substitutions(sparql: str, params: Mapping[str, str] | None) -> dict[Variable, Any]:
    """Bindings for the query's declared parameters (given value or default)
    and for any other given variable."""
    given = {k.lstrip("?$"): v for k, v in (params or {}).items()}
    subs: dict[Variable, Any] = {}
    for p in parse_params(sparql):
        if _INTEGER.fullmatch(p.default):
            given.pop(p.name, None)  # written into the text by integer_params
        elif p.name in given:
            subs[Variable(p.name)] = value_term(given.pop(p.name))
        else:
            subs[Variable(p.name)] = parse_term(p.default)
    for k, v in given.items():
        subs[Variable(k)] = value_term(v)
    return subs


def run(store, sparql: str, params: Mapping[str, str] | None = None) -> QueryAnswer:
    """Run a SPARQL query on a GraphStore and materialise its answer."""
    subs = substitutions(sparql, params)
    sparql = integer_params(sparql, params)
    try:
        result = store.query(sparql, substitutions=subs)
        return _materialise(result)
    except SyntaxError as exc:
        raise QueryError(syntax_message(sparql, str(exc))) from None
    except (OSError, RuntimeError) as exc:
        missing = re.search(r"variable \?(\w+) in its SELECT projection", str(exc))
        if missing:
            raise QueryError(f"parameter ?{missing.group(1)} is not a variable the query selects "
                             "(a parameter must appear in the SELECT clause)") from None
        raise QueryError(f"query failed: {exc}") from None


def syntax_message(sparql: str, parser_message: str) -> str:
    """The parser's message, plus the offending line with a caret under the
    column when the parser gives one (`error at LINE:COL: ...`)."""
    text = f"SPARQL syntax error: {parser_message}"
    m = re.search(r"at (\d+):(\d+)", parser_message)
    if m:
        line_no, col = int(m.group(1)), int(m.group(2))
        lines = sparql.splitlines()
        if 1 <= line_no <= len(lines):
            line = lines[line_no - 1]
            text += f"\n  {line_no:>4} | {line}\n       | {' ' * max(0, col - 1)}^"
    return text


def _materialise(result) -> QueryAnswer:
    if isinstance(result, QueryBoolean):
        return QueryAnswer("ask", boolean=bool(result))
    if isinstance(result, QueryTriples):
        return QueryAnswer("construct", triples=list(result))
    variables = [v.value for v in result.variables]
    rows = [tuple(sol[v] for v in variables) for sol in result]
    return QueryAnswer("select", variables, rows)


# -- formatting -------------------------------------------------------------

def _short(term) -> str:
    """A term for people: prefixed IRIs, plain literal text."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        iri = term.value
        best = ""
        for p, ns in PREFIXES.items():
            if iri.startswith(ns) and len(ns) > len(best):
                best, prefix = ns, p
        return f"{prefix}:{iri[len(best):]}" if best else iri
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return term.value
    return str(term)


TABLE_CELL = 72


def _cell(term, base: str | None) -> str:
    text = _short(term)
    if base and text.startswith(base):
        text = "id:" + text[len(base):]
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


def format_table(answer: QueryAnswer, base: str | None = DEFAULT_BASE) -> str:
    """Aligned columns for a terminal, IRIs under `base` shown as `id:...`
    (CONSTRUCT: Turtle)."""
    if answer.kind == "ask":
        return ("yes" if answer.boolean else "no") + "\n"
    if answer.kind == "construct":
        return _triples(answer, RdfFormat.TURTLE)
    header = answer.variables
    cells = [[_cell(t, base) for t in row] for row in answer.rows]
    widths = [len(h) for h in header]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_csv(answer: QueryAnswer) -> str:
    """SPARQL 1.1 Query Results CSV (CONSTRUCT: N-Triples)."""
    if answer.kind == "ask":
        return f"boolean\r\n{'true' if answer.boolean else 'false'}\r\n"
    if answer.kind == "construct":
        return _triples(answer, RdfFormat.N_TRIPLES)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(answer.variables)
    for row in answer.rows:
        w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, BlankNode) else t.value) for t in row])
    return buf.getvalue()


def _json_term(term) -> dict[str, Any]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def format_json(answer: QueryAnswer) -> str:
    """SPARQL 1.1 Query Results JSON (CONSTRUCT: JSON-LD)."""
    if answer.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(answer.boolean)}) + "\n"
    if answer.kind == "construct":
        return _triples(answer, RdfFormat.JSON_LD)
    bindings = [{v: _json_term(t) for v, t in zip(answer.variables, row) if t is not None}
                for row in answer.rows]
    return json.dumps({"head": {"vars": answer.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def _triples(answer: QueryAnswer, fmt: RdfFormat) -> str:
    kwargs = {"prefixes": dict(PREFIXES)} if fmt == RdfFormat.TURTLE else {}
    data = serialize(answer.triples, format=fmt, **kwargs) or b""
    return data.decode("utf-8")
