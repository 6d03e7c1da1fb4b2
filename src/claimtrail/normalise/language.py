"""Language identification with lingua (its models ship inside the PyPI package).

The candidates are the languages with a pack and the languages those packs also serve
(Indonesian and Malay are told apart); a text in none of them is reported as ``xx``.
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from claimtrail.lang import available_languages, load_pack
from claimtrail.lang.sections.meta import Section as Meta

#: characters of body text looked at; more adds time, not accuracy
SAMPLE = 1000
#: below this confidence the text is reported as undetermined
MIN_CONFIDENCE = 0.30


@lru_cache(maxsize=1)
def _candidates() -> dict[Language, str]:
    out: dict[Language, str] = {}
    for code in available_languages():
        meta = load_pack(code).section("meta", Meta)
        if meta.lingua:
            out[Language.from_str(meta.lingua)] = code
        for other, lingua_name in meta.also_for.items():
            out[Language.from_str(lingua_name)] = other
    return out


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_candidates()).with_preloaded_language_models().build()


def identify(text: str) -> tuple[str, float]:
    """``(code, confidence)`` for ``text``; ``("xx", 0.0)`` when nothing fits."""
    sample = text[:SAMPLE]
    if not any(c.isalpha() for c in sample):
        return "xx", 0.0
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return "xx", values[0].value if values else 0.0
    return _candidates()[values[0].language], values[0].value
