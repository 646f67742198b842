"""Kazakh language data: lexicons, noun endings (`morph`), and the spaCy
language class (`language.Kazakh`, imported lazily so that the extractors
never pay for importing spaCy)."""
