"""The normalise layer's pipeline stages."""

from __future__ import annotations

from typing import Any

from claimtrail.lang import load_pack, with_fallback
from claimtrail.lang.sections.boilerplate import Section as BoilerplateRules
from claimtrail.lang.sections.sentences import Section as SentenceRules
from claimtrail.model import Analysis
from claimtrail.normalise import boilerplate, language, sentences
from claimtrail.pipeline import stage


@stage("language", provides={"language", "language_note"})
def identify_language(a: Analysis) -> dict[str, Any]:
    if a.article.language:
        return {"language": a.article.language, "language_note": "given in the input"}
    code, confidence = language.identify(a.article.text)
    note = f"identified (confidence {confidence:.2f})"
    if load_pack(code).code != code:
        note += f"; no pack for {code!r}, read with the {load_pack(code).code!r} pack"
    return {"language": code, "language_note": note}


@stage("boilerplate", requires={"language"}, provides={"boilerplate", "body"})
def remove_boilerplate(a: Analysis) -> dict[str, Any]:
    rules = [r for p in with_fallback(a.language) for r in p.section("boilerplate", BoilerplateRules).rules]
    found = boilerplate.find(a.article.text, rules)
    return {"boilerplate": tuple(found), "body": tuple(boilerplate.body_spans(a.article.text, found))}


@stage("sentences", requires={"language", "body"}, provides={"sentences"})
def split_sentences(a: Analysis) -> dict[str, Any]:
    abbrev = load_pack(a.language).section("sentences", SentenceRules).abbreviations
    return {"sentences": tuple(sentences.split(a.article.text, abbrev, a.body))}


STAGES = (identify_language, remove_boilerplate, split_sentences)
