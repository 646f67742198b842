"""spaCy's Kazakh language (`spacy.blank("kk")`), registered from outside spaCy
through the `spacy_languages` entry point in pyproject.toml.

Only the tokenizer and lexical attributes: no trained model, no downloads.
The rules are in punctuation.py, tokenizer_exceptions.py and lex_attrs.py,
their data in lexicon/*.tsv.
"""
from __future__ import annotations

from spacy.language import BaseDefaults, Language

from .. import lexicon
from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .tokenizer_exceptions import TOKEN_MATCH, TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    token_match = TOKEN_MATCH
    url_match = None  # web addresses are part of TOKEN_MATCH
    lex_attr_getters = LEX_ATTRS
    stop_words = {row[0] for row in lexicon("kk", "stop_words")}
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults

    def __init__(self, *args, max_length: int = 20_000_000, **kwargs):
        # spaCy's 1M-character guard protects parser/NER memory; this language
        # has neither, and whole codes (10 MB) must go through in one Doc.
        super().__init__(*args, max_length=max_length, **kwargs)


__all__ = ["Kazakh"]


_UD_CASE = {None: "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "loc": "Loc", "abl": "Abl", "ins": "Ins"}


class KazakhNounMorph:
    """Sets `token.lemma_` and Universal Dependencies features (Case, Number,
    Person[psor]) from the rule-based noun analyser, for Cyrillic words.
    Stateless, so it pickles."""

    def __call__(self, doc):
        from .morph import analyse, lemma

        for token in doc:
            if not token.is_alpha or not any("\u0400" <= ch <= "\u04ff" for ch in token.text):
                continue
            best = analyse(token.text)[0]
            token.lemma_ = lemma(token.text)
            feats = {"Case": _UD_CASE[best.case], "Number": "Plur" if best.plural else "Sing"}
            if best.possessive:
                feats["Person[psor]"] = "3"
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(feats.items())))
        return doc


@Language.factory("zangraph_kk_morph", assigns=["token.lemma", "token.morph"])
def make_noun_morph(nlp: Language, name: str) -> KazakhNounMorph:
    """`spacy.blank("kk").add_pipe("zangraph_kk_morph")`: lemmas and noun features."""
    return KazakhNounMorph()
