"""The CLI contract, run as a user runs it, on the sample corpus and on bad input."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from .conftest import DATA, SEED, zangraph

LOOKALIKE = str.maketrans({"i": "і", "I": "І", "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"})


def _squash(text: str) -> str:
    """Letters and digits only, look-alikes folded: what survives any repair."""
    text = unicodedata.normalize("NFC", text).translate(LOOKALIKE).casefold()
    return re.sub(r"[\W_]+", "", text)


@pytest.fixture(scope="module")
def seed_mentions():
    proc = zangraph("extract", SEED, "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_extract_jsonl_follows_gold_spec(seed_mentions):
    types = {m["type"] for m in seed_mentions}
    assert types == {"instrument", "provision", "date", "institution", "obligation"}
    for m in seed_mentions:
        assert m["doc"] == SEED.name
        assert {"line", "type", "text", "start_char", "end_char"} <= m.keys()
        assert 0 <= m["start_char"] < m["end_char"]


def test_offsets_and_lines_point_into_the_original_file(seed_mentions, seed_text):
    for m in seed_mentions:
        span = seed_text[m["start_char"]:m["end_char"]]
        assert seed_text.count("\n", 0, m["start_char"]) + 1 == m["line"]
        squashed_span = _squash(span)
        # a number wrapped with its hyphen may be joined with an anchor from
        # elsewhere on the page (`2-` ... `тармақтарына`): check each part
        for word in m["text"].replace("-", " ").split():
            w = _squash(word)
            if len(w) >= 3 and not m["text"].startswith("..."):
                assert w in squashed_span, (m, span)


def test_extract_table_is_readable():
    proc = zangraph("extract", SEED, "--format", "table")
    assert proc.returncode == 0
    assert "instrument" in proc.stdout and "line" in proc.stdout


def test_bad_inputs_are_reported_and_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    (tmp_path / "latin1.txt").write_bytes("Заң".encode("utf-8")[:1] + b"\xff\xfe abc")
    good = tmp_path / "good.txt"
    good.write_text("Қазақстан Республикасының 2001 жылғы 23 қаңтардағы «Жергілікті мемлекеттік басқару "
                    "және өзін-өзі басқару туралы» Заңының 6-бабына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n",
                    encoding="utf-8")
    proc = zangraph("extract", tmp_path / "missing.txt", tmp_path, "--format", "jsonl")
    assert proc.returncode == 3
    for name, reason in [("missing.txt", "no such file"), ("empty.txt", "empty"),
                         ("binary.txt", "binary"), ("latin1.txt", "not UTF-8")]:
        assert re.search(rf"skipped .*{re.escape(name)}: .*{reason}", proc.stderr), proc.stderr
    docs = {json.loads(line)["doc"] for line in proc.stdout.splitlines()}
    assert docs == {"good.txt"}


def test_repair_prints_text():
    proc = zangraph("repair", SEED)
    assert proc.returncode == 0
    assert len(proc.stdout) > 0.8 * len(SEED.read_text(encoding="utf-8"))


def test_help_explains_every_verb_with_an_example():
    for verb in ("extract", "repair", "build", "query", "viz", "export", "run"):
        proc = zangraph(verb, "--help")
        assert proc.returncode == 0, verb
        assert "Example" in proc.stdout, verb


def test_build_is_idempotent_and_keeps_one_graph_per_document(tmp_path):
    store = tmp_path / "store"
    first = zangraph("build", DATA, "--store", store, "--quiet")
    assert first.returncode == 0, first.stderr
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    n1 = json.loads(zangraph("query", q, "--store", store, "--format", "json").stdout)
    second = zangraph("build", DATA, "--store", store, "--quiet")
    assert second.returncode == 0
    assert "1 unchanged" in second.stdout
    n2 = json.loads(zangraph("query", q, "--store", store, "--format", "json").stdout)
    assert n1 == n2 and int(n1["results"]["bindings"][0]["n"]["value"]) > 1000
    graphs = json.loads(zangraph("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                 "--store", store, "--format", "json").stdout)
    doc_graphs = [b["g"]["value"] for b in graphs["results"]["bindings"] if SEED.name in b["g"]["value"]]
    assert len(doc_graphs) == 1


def test_query_formats_and_errors(seed_store):
    ask = zangraph("query", "ASK { ?s a <http://data.europa.eu/eli/ontology#LegalResource> }",
                   "--store", seed_store, "--format", "json")
    assert ask.returncode == 0, ask.stderr
    assert json.loads(ask.stdout)["boolean"] is True
    bad = zangraph("query", "SELEC ?x WHERE { ?x ?y }", "--store", seed_store)
    assert bad.returncode != 0
    assert bad.stderr.strip() and "Traceback" not in bad.stderr
    csv = zangraph("query", "SELECT ?t WHERE { ?a <http://data.europa.eu/eli/ontology#title> ?t } LIMIT 3",
                   "--store", seed_store, "--format", "csv")
    assert csv.returncode == 0 and csv.stdout.splitlines()[0].strip() == "t"
    construct = zangraph("query", "CONSTRUCT { ?a a ?c } WHERE { ?a a ?c } LIMIT 5", "--store", seed_store)
    assert construct.returncode == 0 and construct.stdout.strip()


def test_query_list_names_every_packaged_query(seed_store):
    proc = zangraph("query", "--list", "--store", seed_store)
    assert proc.returncode == 0
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) >= 7
    for line in lines:
        name, _, description = line.partition(" ")
        ran = zangraph("query", "--name", name, "--store", seed_store, "--format", "json")
        assert ran.returncode == 0, (name, ran.stderr)
        assert description.strip()


def test_missing_store_is_a_clear_error(tmp_path):
    proc = zangraph("query", "ASK {}", "--store", tmp_path / "nowhere")
    assert proc.returncode == 1 and "zangraph build" in proc.stderr


def test_run_is_the_main_job(tmp_path):
    out = tmp_path / "out"
    proc = zangraph("run", DATA, "--out", out, "--quiet")
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.ttl", "network.html"):
        assert (out / name).stat().st_size > 1000
    assert (out / "store").is_dir()
    assert "documents" in proc.stdout and "mentions" in proc.stdout
    import rdflib

    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 1000


def test_viz_writes_a_page_and_reports_an_unknown_focus(seed_store, tmp_path):
    page = tmp_path / "net.html"
    proc = zangraph("viz", "--store", seed_store, "--out", page)
    assert proc.returncode == 0, proc.stderr
    assert page.stat().st_size > 10_000 and "nodes" in proc.stdout
    miss = zangraph("viz", "--store", seed_store, "--focus", "no-such-act-anywhere", "--out", tmp_path / "x.html")
    assert miss.returncode == 2 and "matches no node" in miss.stderr and "Traceback" not in miss.stderr
    gexf = zangraph("viz", "--store", seed_store, "--format", "gexf", "--out", tmp_path / "net.gexf")
    assert gexf.returncode == 0 and (tmp_path / "net.gexf").read_text(encoding="utf-8").lstrip().startswith("<?xml")
