"""Mentions -> quads: IRIs, the facts written per type, provenance, determinism."""
from __future__ import annotations

import hashlib

import pytest
from pyoxigraph import Dataset, Literal, NamedNode, Quad, CanonicalizationAlgorithm

from graph import iri as ids
from graph.iri import DEFAULT_BASE, act_iri, document_graph, institution_iri, provision_chain
from graph.models import DocumentResult, Mention
from graph.namespaces import A, ELI, FOAF, OA, ORG, SKOS, TIME, XSD, ZG
from graph.pipeline import process_text
from graph.rdf import document_quads

B = DEFAULT_BASE

# -- IRIs ------------------------------------------------------------------

ACT_IRIS = [
    ({"kind": "constitution", "title": "Конституция"}, f"{B}eli/constitution"),
    ({"kind": "constitution"}, f"{B}eli/constitution"),
    ({"kind": "resolution", "date": "2015-03-03", "number": "120", "issuer": "Қазақстан Республикасының Үкіметі"},
     f"{B}eli/resolution/2015/03/03/120"),
    ({"kind": "law", "date": "2008-07-01", "number": "62-IV"}, f"{B}eli/law/2008/07/01/62-IV"),
    ({"kind": "code", "title": "Қылмыстық кодекс"}, f"{B}eli/code/қылмыстық-кодекс"),
    # the date does not split an act known by its title
    ({"kind": "law", "title": "Білім туралы", "date": "2007-07-27"}, f"{B}eli/law/білім-туралы"),
    ({"kind": "law", "title": "«Білім  туралы»"}, f"{B}eli/law/білім-туралы"),
    ({"kind": "un_document", "number": "CERD/C/2007/1", "title": "Жалпы басшылыққа алынатын қағидаттар"},
     f"{B}eli/un_document/no/CERD-C-2007-1"),
    ({"kind": "un_document", "number": "13", "issuer": "БҰҰ Адам құқықтары жөніндегі комитеті"},
     f"{B}eli/un_document/no/13/by/бұұ-адам-құқықтары-жөніндегі-комитеті"),
    ({"kind": "decision", "date": "2010-04-24", "issuer": "Алматы қалалық соты"},
     f"{B}eli/decision/2010/04/24/by/алматы-қалалық-соты"),
    ({"kind": "law", "title": "Халықтың көші-қоны туралы", "draft": True}, f"{B}eli/law/халықтың-көші-қоны-туралы/draft"),
    ({"kind": "resolution", "self": True}, None),
    ({"kind": "law"}, None),
    ({"kind": "decree", "issuer": "Қазақстан Республикасының Президенті"}, None),
]


@pytest.mark.parametrize("fields, expected", ACT_IRIS)
def test_act_iri(fields, expected) -> None:
    assert act_iri(B, fields) == expected


def test_own_act_known_by_kind_only_is_minted_per_document() -> None:
    assert act_iri(B, {"kind": "resolution", "self": True}, "a.txt") == f"{B}eli/resolution/doc/a.txt"


def test_long_titles_are_cut_and_kept_apart() -> None:
    long_a = "Мемлекеттік қызметшілердің " * 8 + "біліктілігін арттыру туралы"
    long_b = "Мемлекеттік қызметшілердің " * 8 + "әдебі туралы"
    a, b = act_iri(B, {"kind": "law", "title": long_a}), act_iri(B, {"kind": "law", "title": long_b})
    assert a != b
    assert len(a) < len(B) + 110 and len(b) < len(B) + 110


@pytest.mark.parametrize("fields, tail", [
    ({"article": "54"}, "/art/54"),
    ({"article": "54", "part": "2"}, "/art/54/part/2"),
    ({"article": "141-1", "paragraph": "3", "subparagraph": "а"}, "/art/141-1/para/3/sub/а"),
    ({"paragraph": "4"}, "/para/4"),
])
def test_provisions_nest_under_their_act(fields, tail) -> None:
    act = f"{B}eli/code/қылмыстық-кодекс"
    chain = provision_chain(act, fields)
    steps = tail.strip("/").split("/")
    assert [c[2] for c in chain] == [act + "/" + "/".join(steps[: 2 * i + 2]) for i in range(len(steps) // 2)]
    assert [c[1] for c in chain] == steps[1::2]


@pytest.mark.parametrize("a, b", [
    ("Қазақстан Республикасының Үкіметі", "ҚАЗАҚСТАН  РЕСПУБЛИКАСЫНЫҢ ҮКІМЕТІ"),
    ("«Нұр Отан» партиясы", "Нұр Отан партиясы"),
])
def test_institution_identity_ignores_case_quotes_and_spacing(a, b) -> None:
    assert institution_iri(B, a) == institution_iri(B, b)


def test_base_must_be_absolute_and_end_with_a_separator() -> None:
    with pytest.raises(ValueError):
        ids.check_base("zangraph/id")
    with pytest.raises(ValueError):
        ids.check_base("https://example.org/id")
    assert ids.check_base("https://example.org/id/") == "https://example.org/id/"


# -- facts per mention type -----------------------------------------------------

OPERATIVE = ("Қазақстан Республикасы Үкіметінің 2015 жылғы 3 наурыздағы № 120 қаулысына сәйкес "
             "Қазақстан Республикасы Әділет министрлігі есепті Комитетке жіберсін.\n"
             "Қазақстан Республикасы Қылмыстық кодексінің 54-бабының 2-бөлігінде көзделген.\n")


def _mention(doc: str, text: str, type_: str, span: str, fields: dict, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    end = start + len(span)
    return Mention(doc, type_, fields, start, end, text.count("\n", 0, start) + 1, span)


def _result(doc: str, text: str, mentions: list[Mention]) -> DocumentResult:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentResult(doc, doc, sha, text, tuple(mentions))


def operative_result(doc: str = "operative.kk.txt") -> DocumentResult:
    t = OPERATIVE
    gov = "Қазақстан Республикасының Үкіметі"
    return _result(doc, t, [
        _mention(doc, t, "instrument", "Қазақстан Республикасы Үкіметінің 2015 жылғы 3 наурыздағы № 120 қаулысына",
                 {"kind": "resolution", "date": "2015-03-03", "number": "120", "issuer": gov}),
        _mention(doc, t, "institution", "Қазақстан Республикасы Үкіметінің", {"name": gov}),
        _mention(doc, t, "date", "2015 жылғы 3 наурыздағы", {"value": "2015-03-03"}),
        _mention(doc, t, "institution", "Қазақстан Республикасы Әділет министрлігі",
                 {"name": "Қазақстан Республикасы Әділет министрлігі"}),
        _mention(doc, t, "obligation", "Әділет министрлігі есепті Комитетке жіберсін",
                 {"modality": "obligation", "bearer": "Қазақстан Республикасы Әділет министрлігі",
                  "action": "есепті жіберу", "source": {"kind": "resolution", "date": "2015-03-03", "number": "120"}}),
        _mention(doc, t, "instrument", "Қазақстан Республикасы Қылмыстық кодексінің",
                 {"kind": "code", "title": "Қылмыстық кодекс"}),
        _mention(doc, t, "provision", "Қылмыстық кодексінің 54-бабының 2-бөлігінде",
                 {"article": "54", "part": "2", "instrument": {"kind": "code", "title": "Қылмыстық кодекс"}}),
    ])


def _objects(quads, s: str, p: NamedNode) -> set:
    return {q.object for q in quads if q.subject == NamedNode(s) and q.predicate == p}


RES = f"{B}eli/resolution/2015/03/03/120"
GOV = f"{B}org/қазақстан-республикасының-үкіметі"
MOJ = f"{B}org/қазақстан-республикасы-әділет-министрлігі"
CODE = f"{B}eli/code/қылмыстық-кодекс"
DOC = f"{B}doc/operative.kk.txt"

EXPECTED_FACTS = [
    (RES, A, ELI.LegalResource),
    (RES, ELI.type_document, NamedNode("https://w3id.org/zangraph/kind/resolution")),
    (RES, ELI.date_document, Literal("2015-03-03", datatype=XSD.date)),
    (RES, ELI.number, Literal("120")),
    (RES, ELI.passed_by, NamedNode(GOV)),
    (GOV, A, ORG.Organization),
    (GOV, SKOS.prefLabel, Literal("Қазақстан Республикасының Үкіметі", language="kk")),
    (CODE, ELI.title, Literal("Қылмыстық кодекс", language="kk")),
    (CODE, ELI.is_realized_by, NamedNode(f"{CODE}/kk")),
    (f"{CODE}/kk", A, ELI.LegalExpression),
    (f"{CODE}/kk", ELI.realizes, NamedNode(CODE)),
    (f"{CODE}/kk", ELI.title, Literal("Қылмыстық кодекс", language="kk")),
    (f"{CODE}/kk", ELI.language, NamedNode("http://publications.europa.eu/resource/authority/language/KAZ")),
    (f"{CODE}/art/54", ELI.is_part_of, NamedNode(CODE)),
    (f"{CODE}/art/54", ZG.article, Literal("54")),
    (f"{CODE}/art/54/part/2", ELI.is_part_of, NamedNode(f"{CODE}/art/54")),
    (f"{CODE}/art/54/part/2", ZG.part, Literal("2")),
    (f"{CODE}/art/54/part/2", A, ELI.LegalResourceSubdivision),
    (DOC, ELI.cites, NamedNode(RES)),
    (DOC, ELI.cites, NamedNode(CODE)),
    (DOC, ELI.cites, NamedNode(f"{CODE}/art/54/part/2")),
    (DOC, A, ZG.SourceDocument),
    (f"{B}date/2015-03-03", TIME.inXSDDate, Literal("2015-03-03", datatype=XSD.date)),
    ("https://w3id.org/zangraph/kind/resolution", SKOS.prefLabel, Literal("Қаулы", language="kk")),
    ("https://w3id.org/zangraph/kind/resolution", SKOS.prefLabel, Literal("Постановление", language="ru")),
]


@pytest.mark.parametrize("s, p, o", EXPECTED_FACTS)
def test_operative_sentence_facts(s, p, o) -> None:
    quads = document_quads(operative_result())
    assert o in _objects(quads, s, p)


def test_obligation_links_bearer_action_and_source() -> None:
    quads = document_quads(operative_result())
    obligations = [q.subject for q in quads if q.predicate == A and q.object == ZG.Obligation]
    assert len(obligations) == 1
    ob = obligations[0].value
    assert _objects(quads, ob, ZG.modality) == {ZG.obligation}
    assert _objects(quads, ob, ZG.bearer) == {NamedNode(MOJ)}
    assert _objects(quads, ob, ZG.action) == {Literal("есепті жіберу", language="kk")}
    assert _objects(quads, ob, ZG.source) == {NamedNode(RES)}
    assert ob.startswith(DOC + "/obligation/")


def test_every_quad_is_in_the_documents_graph() -> None:
    quads = document_quads(operative_result())
    assert {q.graph_name for q in quads} == {NamedNode(document_graph(B, "operative.kk.txt"))}


def test_every_mention_is_an_annotation_selecting_its_characters() -> None:
    result = operative_result()
    quads = document_quads(result)
    for m in result.mentions:
        ann = ids.annotation_iri(B, result.doc, m.type, m.start_char, m.end_char)
        assert _objects(quads, ann + "-pos", OA.start) == {Literal(str(m.start_char), datatype=XSD.integer)}
        assert _objects(quads, ann + "-pos", OA.end) == {Literal(str(m.end_char), datatype=XSD.integer)}
        assert _objects(quads, ann + "-quote", OA.exact) == {Literal(m.text)}
        prefix = next(iter(_objects(quads, ann + "-quote", OA.prefix))).value
        assert result.original[: m.start_char].endswith(prefix)
        assert _objects(quads, ann + "-target", OA.hasSource) == {NamedNode(DOC)}
        assert len(_objects(quads, ann, OA.hasBody)) == 1


def test_the_same_act_has_the_same_iri_in_every_document() -> None:
    a = document_quads(operative_result("a.txt"))
    b = document_quads(operative_result("b.txt"))
    acts = lambda qs: {q.subject for q in qs if q.predicate == A and q.object == ELI.LegalResource}  # noqa: E731
    assert NamedNode(RES) in acts(a) & acts(b)
    assert NamedNode(CODE) in acts(a) & acts(b)


def test_self_mention_is_the_documents_own_act_and_not_a_citation() -> None:
    t = "Қазақстан Республикасы Үкіметінің 2016 жылғы 5 мамырдағы № 270 қаулысы\nОсы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
    fields = {"kind": "resolution", "date": "2016-05-05", "number": "270", "self": True}
    result = _result("own.txt", t, [
        _mention("own.txt", t, "instrument", "Қазақстан Республикасы Үкіметінің 2016 жылғы 5 мамырдағы № 270 қаулысы", fields),
        _mention("own.txt", t, "instrument", "Осы қаулы", {"kind": "resolution", "self": True}),
    ])
    quads = document_quads(result)
    own = NamedNode(f"{B}eli/resolution/2016/05/05/270")
    doc = f"{B}doc/own.txt"
    assert _objects(quads, doc, FOAF.primaryTopic) == {own}
    assert _objects(quads, doc, ELI.cites) == set()
    bodies = {q.object for q in quads if q.predicate == OA.hasBody}
    assert bodies == {own}  # «Осы қаулы» is the same act, not a second one
    assert {q.subject for q in quads if q.predicate == A and q.object == ELI.LegalResource} == {own}


def test_date_ranges_are_intervals_between_instants() -> None:
    t = "2010 жылғы 16-18 маусымда және 2008 - 2010 жылдары өтті.\n"
    result = _result("d.txt", t, [
        _mention("d.txt", t, "date", "2010 жылғы 16-18 маусымда", {"value": "2010-06-16", "end": "2010-06-18"}),
        _mention("d.txt", t, "date", "2008 - 2010 жылдары", {"value": "2008", "end": "2010"}),
    ])
    quads = document_quads(result)
    interval = f"{B}date/2010-06-16/2010-06-18"
    assert _objects(quads, interval, A) == {TIME.Interval}
    assert _objects(quads, interval, TIME.hasEnd) == {NamedNode(f"{B}date/2010-06-18")}
    assert _objects(quads, f"{B}date/2008", TIME.inXSDgYear) == {Literal("2008", datatype=XSD.gYear)}


def test_configurable_base() -> None:
    base = "http://example.org/kz/"
    quads = document_quads(operative_result(), base=base)
    minted = {t.value for q in quads for t in (q.subject, q.object, q.graph_name) if isinstance(t, NamedNode)
              and not t.value.startswith(("http://www.w3.org", "http://data.europa.eu", "http://xmlns.com",
                                          "http://publications.europa.eu/resource/authority/",
                                          "http://purl.org", "https://w3id.org/zangraph/"))}
    assert minted and all(v.startswith(base) for v in minted)


# -- the real pipeline ----------------------------------------------------------

SENTENCES = [
    "Қазақстан Республикасы Үкіметінің 2012 жылғы 14 наурыздағы № 311 қаулысы.\n",
    "Қазақстан Республикасының 2011 жылғы 22 шілдедегі Заңының 5-бабына сәйкес жұмыс 2013 жылғы қаңтарда басталды.\n",
    "Қазақстан Республикасы Ішкі істер министрлігі 2014 жылғы 1 ақпанға дейін ақпарат берсін.\n",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_pipeline_output_becomes_annotated_quads(text: str) -> None:
    result = process_text("s.kk.txt", text)
    quads = document_quads(result)
    annotations = {q.subject for q in quads if q.predicate == A and q.object == OA.Annotation}
    assert len(annotations) <= len(result.mentions)
    for q in quads:
        if q.predicate == OA.exact:
            assert q.object.value in text


def test_building_twice_gives_the_same_quads(gold_seed) -> None:
    first, second = document_quads(gold_seed), document_quads(gold_seed)
    assert first == second
    d1, d2 = Dataset(first), Dataset(second)
    d1.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    d2.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    assert d1 == d2


def test_no_blank_nodes(gold_seed) -> None:
    from pyoxigraph import BlankNode

    assert not any(isinstance(t, BlankNode) for q in document_quads(gold_seed) for t in (q.subject, q.object))


def test_seed_pipeline_annotations_quote_the_original(pipeline_seed) -> None:
    quads = document_quads(pipeline_seed)
    exact = [q for q in quads if q.predicate == OA.exact]
    assert exact, "the pipeline finds at least the seed's dates"
    by_sel = {q.subject: q.object.value for q in exact}
    starts = {q.subject.value[: -len("-pos")]: int(q.object.value) for q in quads if q.predicate == OA.start}
    for sel, text in by_sel.items():
        start = starts[sel.value[: -len("-quote")]]
        assert pipeline_seed.original[start:start + len(text)] == text
