"""The spaCy pipeline component `zangraph_legal`: the extraction chain inside a Doc.

It runs `graph.pipeline.process_text` over `doc.text` (the original text, so
the mentions' offsets map straight onto the Doc) and stores

- the mentions as spans in `doc.spans["zangraph"]`, label = mention type, and
  `span.id_` = the mention's index;
- the records (`Mention.to_json()`, JSON-able dicts) in `doc._.zangraph`, in
  the same order.

`span._.zangraph` reads the record through the span's index. Records are not
stored on spans: span extensions are keyed by character offsets, so an
instrument and a provision over the same characters would share one value
(spaCy#9887), and Span objects inside extensions break DocBin and n_process.

spaCy imports this module whenever it builds any pipeline (entry point
`spacy_factories`), so it stays light: the extraction chain is imported on
first use.
"""
from __future__ import annotations

import json
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "zangraph"
DOC_RECORDS = "zangraph"  # doc._.zangraph: list[dict], one per span in doc.spans[SPANS_KEY]
DOC_NAME = "zangraph_doc"  # doc._.zangraph_doc: the document id the records carry


def jsonable(record: dict[str, Any]) -> dict[str, Any]:
    """The record as JSON would give it back (tuples become lists), so that a
    Doc's records compare equal after DocBin, pickling and n_process."""
    return json.loads(json.dumps(record, ensure_ascii=False))


def _record_of(span: Span) -> dict[str, Any] | None:
    """The record of a span of `doc.spans["zangraph"]`, found by its index."""
    records = span.doc._.get(DOC_RECORDS) or []
    if not span.id_.isdigit():
        return None
    i = int(span.id_)
    return jsonable(records[i]) if i < len(records) else None


if not Doc.has_extension(DOC_RECORDS):
    Doc.set_extension(DOC_RECORDS, default=None)
if not Doc.has_extension(DOC_NAME):
    Doc.set_extension(DOC_NAME, default=None)
if not Span.has_extension(DOC_RECORDS):
    Span.set_extension(DOC_RECORDS, getter=_record_of)


def _token_span(doc: Doc, start: int, end: int, label: str, span_id: str) -> Span:
    """The smallest token span covering [start, end); `char_span(expand)` first,
    a direct token search when the offsets fall outside every token."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=span_id)
    if span is not None:
        return span
    first = next((t.i for t in doc if t.idx + len(t) > start), len(doc) - 1)
    last = next((t.i for t in reversed(doc) if t.idx < end), first)
    return Span(doc, first, max(first, last) + 1, label=label, span_id=span_id)


class LegalComponent:
    """Puts zangraph's mentions of one Doc into `doc.spans` and `doc._.zangraph`.
    Holds only plain settings, so it pickles (n_process, spaCy's to_bytes)."""

    def __init__(self, name: str = "zangraph_legal", repair: bool = True, spans_key: str = SPANS_KEY):
        self.name = name
        self.repair = repair
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import process_text

        doc_name = doc._.get(DOC_NAME) or "doc"
        result = process_text(doc_name, doc.text, do_repair=self.repair)
        spans, records = [], []
        for m in result.mentions:
            end = max(m.end_char, m.start_char + 1)
            spans.append(_token_span(doc, m.start_char, end, m.type, str(len(records))))
            records.append(jsonable(m.to_json()))
        doc.spans[self.spans_key] = spans
        doc._.set(DOC_RECORDS, records)
        return doc

    def __reduce__(self):
        return (LegalComponent, (self.name, self.repair, self.spans_key))


@Language.factory(
    "zangraph_legal",
    default_config={"repair": True, "spans_key": SPANS_KEY},
    assigns=["doc.spans", f"doc._.{DOC_RECORDS}"],
)
def make_legal_component(nlp: Language, name: str, repair: bool, spans_key: str) -> LegalComponent:
    """spaCy factory: `nlp.add_pipe("zangraph_legal", config={"repair": False})`."""
    return LegalComponent(name, repair, spans_key)


def doc_mentions(doc: Doc) -> list[dict[str, Any]]:
    """The records of a processed Doc, in order (what `extract --format jsonl`
    writes). Read through JSON: DocBin gives lists back as tuples."""
    return [jsonable(r) for r in doc._.get(DOC_RECORDS) or []]
