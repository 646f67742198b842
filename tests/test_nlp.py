"""The spaCy component `zangraph_legal` gives exactly the mentions of the CLI's
fast path (graph.pipeline.process_text): same records, same order, spans over
the same characters."""
from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from graph.nlp import LegalComponent, doc_mentions, jsonable
from graph.pipeline import process_text

from .conftest import SEED

# Kazakh legal sentences in the styles of acts and reports (written for these tests).
SENTENCES = [
    # preamble citing an act with full requisites
    "«Нормативтік құқықтық актілер туралы» Қазақстан Республикасының 2016 жылғы 6 сәуірдегі "
    "Заңының 27-бабының 2-тармағына сәйкес Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:",
    # operative command with a deadline and an institution
    "1. Қазақстан Республикасы Әділет министрлігі 2019 жылғы 1 наурызға дейін "
    "Қазақстан Республикасы Үкіметіне баяндама ұсынсын.",
    # amendment of an earlier resolution
    "2. «Мемлекеттік қызмет көрсету қағидаларын бекіту туралы» Қазақстан Республикасы "
    "Үкіметінің 2015 жылғы 18 қарашадағы № 930 қаулысына мынадай өзгерістер енгізілсін:",
    # editorial note
    "Ескерту. 3-тармаққа өзгеріс енгізілді - ҚР Үкіметінің 07.04.2021 № 213 қаулысымен.",
    # report style, with a treaty and a code
    "Азаматтық және саяси құқықтар туралы халықаралық пактінің 14-бабына және "
    "Қазақстан Республикасы Қылмыстық кодексінің 141-бабының 1-бөлігіне сәйкес "
    "соттар істі қарауға міндетті.",
    # prohibition and a Presidential decree
    "Қазақстан Республикасы Президентінің 2010 жылғы 1 ақпандағы № 922 Жарлығымен "
    "бекітілген Стратегиялық жоспарда нәсілдік кемсітушілікке тыйым салынады.",
]


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("kk")
    pipeline.add_pipe("zangraph_legal")
    return pipeline


def _run(nlp, name: str, text: str) -> Doc:
    doc = nlp.make_doc(text)
    doc._.zangraph_doc = name
    return nlp.get_pipe("zangraph_legal")(doc)


def _assert_identical(doc: Doc, name: str, text: str) -> None:
    # what `extract --format jsonl` writes, read back
    expected = [jsonable(m.to_json()) for m in process_text(name, text).mentions]
    assert doc_mentions(doc) == expected
    spans = list(doc.spans["zangraph"])
    assert len(spans) == len(expected)
    for i, (span, record) in enumerate(zip(spans, expected)):
        assert span.label_ == record["type"]
        assert span._.zangraph == record
        assert span.id_ == str(i)
        # expand alignment: the span covers the mention's characters and no more
        # than the tokens around them
        assert span.start_char <= record["start_char"] < span[0].idx + len(span[0]) + 1
        assert span.end_char >= record["end_char"] > span[-1].idx - 1


@pytest.mark.parametrize("text", SENTENCES, ids=[f"s{i}" for i in range(len(SENTENCES))])
def test_component_equals_fast_path_on_sentences(nlp, text):
    doc = _run(nlp, "sentence", text)
    _assert_identical(doc, "sentence", text)


def test_sentences_yield_mentions(nlp):
    """The comparison above is not vacuous: the sentences do carry mentions."""
    total = sum(len(_run(nlp, "s", text).spans["zangraph"]) for text in SENTENCES)
    assert total >= len(SENTENCES)


def test_component_equals_fast_path_on_the_seed(nlp, seed_text):
    doc = _run(nlp, SEED.stem, seed_text)
    _assert_identical(doc, SEED.stem, seed_text)
    assert len(doc.spans["zangraph"]) > 100
    # most mentions sit exactly on token boundaries
    exact = sum(1 for s, r in zip(doc.spans["zangraph"], doc_mentions(doc))
                if (s.start_char, s.end_char) == (r["start_char"], r["end_char"]))
    assert exact / len(doc.spans["zangraph"]) > 0.8


def test_nlp_call_uses_a_default_document_name(nlp):
    doc = nlp(SENTENCES[0])
    assert [r["doc"] for r in doc_mentions(doc)] == ["doc"] * len(doc.spans["zangraph"])


def test_repair_can_be_switched_off():
    pipeline = spacy.blank("kk")
    pipeline.add_pipe("zangraph_legal", config={"repair": False})
    text = "Қазақстан Республикасы Үкіметінің 2012 жылғы 22 қазандағы № 1332 қаулысы"
    doc = pipeline(text)
    assert doc_mentions(doc) == [jsonable(m.to_json())
                                 for m in process_text("doc", text, do_repair=False).mentions]


def test_records_over_the_same_characters_stay_apart(nlp):
    """Two spans over one stretch (an instrument and a provision, say) keep their
    own records: records are looked up by span index, not by offsets (spaCy#9887)."""
    doc = nlp.make_doc("Кодекстің 164-бабы")
    doc.spans["zangraph"] = [doc.char_span(0, len(doc.text), label="instrument", span_id="0"),
                             doc.char_span(0, len(doc.text), label="provision", span_id="1")]
    doc._.zangraph = [{"type": "instrument", "kind": "code"}, {"type": "provision", "article": "164"}]
    a, b = doc.spans["zangraph"]
    assert (a._.zangraph["type"], b._.zangraph["type"]) == ("instrument", "provision")


def test_component_pickles_and_docs_serialise(nlp):
    component = pickle.loads(pickle.dumps(nlp.get_pipe("zangraph_legal")))
    assert isinstance(component, LegalComponent) and component.repair is True
    again = pickle.loads(pickle.dumps(nlp))
    doc = _run(nlp, "s", SENTENCES[1])
    assert doc_mentions(again(SENTENCES[1])) == doc_mentions(nlp(SENTENCES[1]))
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    assert doc_mentions(restored) == doc_mentions(doc)
    assert [(s.label_, s.start, s.end) for s in restored.spans["zangraph"]] == \
        [(s.label_, s.start, s.end) for s in doc.spans["zangraph"]]


def test_multiprocess_pipe_gives_the_same_mentions(nlp):
    single = [doc_mentions(d) for d in nlp.pipe(SENTENCES[:3])]
    multi = [doc_mentions(d) for d in nlp.pipe(SENTENCES[:3], n_process=2, batch_size=1)]
    assert multi == single


def test_saved_pipeline_loads_back_through_the_entry_points(nlp, tmp_path):
    """`spacy.load` finds the language and both factories again by name."""
    pipeline = spacy.blank("kk")
    pipeline.add_pipe("zangraph_kk_morph")
    pipeline.add_pipe("zangraph_legal", config={"repair": False})
    pipeline.to_disk(tmp_path / "kk_legal")
    loaded = spacy.load(tmp_path / "kk_legal")
    assert loaded.pipe_names == ["zangraph_kk_morph", "zangraph_legal"]
    assert loaded.get_pipe("zangraph_legal").repair is False
    text = SENTENCES[0]
    assert doc_mentions(loaded(text)) == doc_mentions(pipeline(text))
    assert [t.lemma_ for t in loaded(text)] == [t.lemma_ for t in pipeline(text)]
