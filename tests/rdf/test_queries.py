"""Named queries answer with real facts of the seed; results format to the
SPARQL 1.1 result formats; bad SPARQL gives a clear message."""
from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import Literal, NamedNode, QueryResultsFormat, RdfFormat, parse, parse_query_results

from graph import query as q
from graph.iri import DEFAULT_BASE

B = DEFAULT_BASE
SEED_DOC = f"{B}doc/000_952bf01caa31bc66.txt"
CONSTITUTION = f"{B}eli/constitution"
CERD = f"{B}eli/treaty/нәсілдік-кемсітушіліктің-барлық-нысандарын-жою-туралы-халықаралық-конвенция"
RESOLUTION_1332 = f"{B}eli/resolution/2012/10/22/1332"
GOVERNMENT = f"{B}org/қазақстан-республикасының-үкіметі"
REQUIRED = {"most-cited-acts", "code-articles", "documents-citing-article", "obligations-by-bearer",
            "acts-by-kind-and-year", "institutions-and-acts", "co-cited-acts"}


def test_named_queries_are_listed_with_descriptions() -> None:
    queries = q.named_queries()
    assert REQUIRED <= set(queries)
    for nq in queries.values():
        assert nq.description and not nq.description.startswith("@")
        assert nq.description[0].isupper() and "\n" not in nq.description
        for p in nq.params:
            q.parse_term(p.default)  # every default is a valid SPARQL term


def test_declared_parameters() -> None:
    params = {p.name: p for p in q.named_queries()["documents-citing-article"].params}
    assert set(params) == {"act", "article"}
    assert params["article"].default == '"14"'
    assert "article number" in params["article"].description


# -- answers on the seed ----------------------------------------------------------
# Each check runs on the seed's graph built from its gold facts (what a correct
# extractor gives) and on the graph the pipeline builds today.


def most_cited(store):
    answer = q.run(store, q.named_queries()["most-cited-acts"].sparql)
    top = [r["act"] for r in answer.records()[:5]]
    assert CONSTITUTION in top and CERD in top
    constitution = next(r for r in answer.records() if r["act"] == CONSTITUTION)
    assert int(constitution["mentions"]) >= 20 and constitution["documents"] == "1"
    assert RESOLUTION_1332 not in {r["act"] for r in answer.records()}  # the seed's own act


def criminal_code_articles(store):
    answer = q.run(store, q.named_queries()["code-articles"].sparql)
    articles = set(answer.values("article"))
    assert {"164", "141-1", "54", "337"} <= articles
    assert set(answer.values("title")) == {"Қылмыстық кодекс"}


def administrative_code_articles(store):
    answer = q.run(store, q.named_queries()["code-articles"].sparql, {"code": "әкімшілік құқық бұзушылық"})
    assert {"373", "343", "344"} <= set(answer.values("article"))


def constitution_article_14(store):
    answer = q.run(store, q.named_queries()["documents-citing-article"].sparql)
    records = answer.records()
    assert {r["doc"] for r in records} == {SEED_DOC}
    assert any("14-баб" in r["quote"] for r in records)
    assert all(r["provision"].startswith(CONSTITUTION + "/art/14") for r in records)


def foreign_ministry_sends_the_report(store):
    answer = q.run(store, q.named_queries()["obligations-by-bearer"].sparql)
    rows = [r for r in answer.records() if r["bearerName"] == "Қазақстан Республикасы Сыртқы істер министрлігі"]
    assert any(r["modality"] == "https://w3id.org/zangraph/ontology#obligation" and "жіберу" in (r["action"] or "")
               for r in rows)


def resolutions_of_2012(store):
    answer = q.run(store, q.named_queries()["acts-by-kind-and-year"].sparql)
    rows = {(r["kind"], r["year"]): int(r["acts"]) for r in answer.records()}
    assert rows[("https://w3id.org/zangraph/kind/resolution", "2012")] >= 1
    assert any(label == "Resolution" for label in answer.values("kindLabel"))


def government_passed_1332(store):
    answer = q.run(store, q.named_queries()["institutions-and-acts"].sparql)
    rows = [r for r in answer.records() if r["institution"] == GOVERNMENT and r["number"] == "1332"]
    assert rows and rows[0]["date"] == "2012-10-22" and rows[0]["act"] == RESOLUTION_1332


def constitution_cited_with_cerd(store):
    answer = q.run(store, q.named_queries()["co-cited-acts"].sparql)
    pairs = {(r["a"], r["b"]) for r in answer.records()}
    assert (CONSTITUTION, CERD) in pairs


def constitution_mentions(store):
    answer = q.run(store, q.named_queries()["mentions-of-act"].sparql, {"act": CONSTITUTION})
    records = answer.records()
    assert len(records) >= 20
    assert all(int(r["start"]) < int(r["end"]) for r in records)
    assert any("Конституция" in r["exact"] for r in records)


FACTS = [most_cited, criminal_code_articles, administrative_code_articles, constitution_article_14,
         foreign_ministry_sends_the_report, resolutions_of_2012, government_passed_1332,
         constitution_cited_with_cerd, constitution_mentions]


@pytest.mark.parametrize("fact", FACTS, ids=[f.__name__ for f in FACTS])
def test_named_query_answers_on_seed_gold_facts(fact, gold_store) -> None:
    fact(gold_store)


# What the extractors did not yet give when this was written (2026-12-05, 09:00 UTC).
PIPELINE_GAPS = {
    "administrative_code_articles": "ӘҚК 343, 344-баптары: the code's abbreviation is not resolved to the code yet",
}


@pytest.mark.parametrize("fact", [
    pytest.param(f, marks=pytest.mark.xfail(strict=False, reason=PIPELINE_GAPS[f.__name__]))
    if f.__name__ in PIPELINE_GAPS else f for f in FACTS], ids=[f.__name__ for f in FACTS])
def test_named_query_answers_on_seed_pipeline(fact, pipeline_store) -> None:
    fact(pipeline_store)


def test_class_counts_match_the_annotations(gold_store, gold_seed) -> None:
    answer = q.run(gold_store, q.named_queries()["triples-per-class"].sparql)
    counts = {r["class"]: int(r["instances"]) for r in answer.records()}
    assert counts["http://www.w3.org/ns/oa#Annotation"] == counts["http://www.w3.org/ns/oa#TextQuoteSelector"]
    assert 0 < counts["http://www.w3.org/ns/oa#Annotation"] <= len(gold_seed.mentions)
    assert counts["https://w3id.org/zangraph/ontology#SourceDocument"] == 1


# -- parameters ------------------------------------------------------------------

@pytest.mark.parametrize("value, term", [
    ("Қылмыстық кодекс", Literal("Қылмыстық кодекс")),
    ("https://w3id.org/zangraph/id/eli/constitution", NamedNode("https://w3id.org/zangraph/id/eli/constitution")),
    ("<https://example.org/x>", NamedNode("https://example.org/x")),
    ('"14"', Literal("14")),
    ("500", Literal("500", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ('"Заң"@kk', Literal("Заң", language="kk")),
    ("zgk:law", NamedNode("https://w3id.org/zangraph/kind/law")),
    ("a:b c", Literal("a:b c")),
])
def test_parameter_values(value, term) -> None:
    assert q.value_term(value) == term


def test_co_citation_strength_is_the_rarer_acts_mentions(gold_store) -> None:
    answer = q.run(gold_store, q.named_queries()["co-cited-acts"].sparql)
    top = answer.records()[0]
    mentions = {r["act"]: int(r["mentions"]) for r in q.run(gold_store, q.named_queries()["most-cited-acts"].sparql).records()}
    assert int(top["strength"]) == min(mentions[top["a"]], mentions[top["b"]])
    strengths = [int(v) for v in answer.values("strength")]
    assert strengths == sorted(strengths, reverse=True)


# -- errors -----------------------------------------------------------------------

def test_syntax_error_names_the_place(gold_store) -> None:
    with pytest.raises(q.QueryError) as err:
        q.run(gold_store, "SELECT ?act WHERE {\n  ?act eli:cites ?x .\n  FILTR(?x)\n}")
    message = str(err.value)
    assert message.startswith("SPARQL syntax error: ")
    assert "3:" in message and "FILTR(?x)" in message and "^" in message


def test_unknown_parameter_is_reported(gold_store) -> None:
    with pytest.raises(q.QueryError, match="nope"):
        q.run(gold_store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", {"nope": "1"})


# -- formats ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def answer(gold_store):
    return q.run(gold_store, q.named_queries()["institutions-and-acts"].sparql)


def test_json_is_sparql_results_json(answer) -> None:
    text = q.format_json(answer)
    parsed = parse_query_results(text.encode("utf-8"), format=QueryResultsFormat.JSON)
    assert [v.value for v in parsed.variables] == answer.variables
    rows = [tuple(sol[v] for v in answer.variables) for sol in parsed]
    assert rows == answer.rows
    assert json.loads(text)["head"]["vars"] == answer.variables


def test_csv_has_header_and_plain_values(answer) -> None:
    rows = list(csv.reader(io.StringIO(q.format_csv(answer))))
    assert rows[0] == answer.variables
    assert len(rows) == len(answer.rows) + 1
    assert rows[1][answer.variables.index("institution")] == answer.rows[0][0].value


def test_table_shortens_iris(answer) -> None:
    table = q.format_table(answer)
    assert "id:org/" in table and "zgk:" in table and f"({len(answer.rows)} rows)" in table


def test_ask_and_construct(gold_store) -> None:
    ask = q.run(gold_store, f"ASK {{ <{SEED_DOC}> eli:cites <{CONSTITUTION}> }}")
    assert ask.boolean is True
    assert json.loads(q.format_json(ask)) == {"head": {}, "boolean": True}
    construct = q.run(gold_store, f"CONSTRUCT {{ ?a eli:passed_by ?o }} WHERE {{ ?a eli:passed_by ?o }}")
    turtle = q.format_table(construct)
    assert "@prefix eli:" in turtle
    assert len(list(parse(turtle.encode("utf-8"), format=RdfFormat.TURTLE))) == len(construct.triples)
    nt = q.format_csv(construct)
    assert len(list(parse(nt.encode("utf-8"), format=RdfFormat.N_TRIPLES))) == len(construct.triples)
