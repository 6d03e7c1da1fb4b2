"""Language identification with lingua (its models ship inside the PyPI package).

The candidates are the languages with a pack and the languages those packs also serve
(Indonesian and Malay are told apart); a text in none of them is reported as ``xx``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from claimtrail.lang import available_languages, load_pack
from claimtrail.lang.sections.meta import Section as Meta

#: characters of body text looked at when the first look is not clear; more adds time, not accuracy
SAMPLE = 1000
#: characters of the first look: most texts are told on this many
FIRST_LOOK = 300
#: the first look decides when no other candidate has more confidence than this
CLEAR_RUNNER_UP = 0.05
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
    # trigram models only (lingua's low accuracy mode): lingua documents it as mostly as
    # accurate on texts of 120 characters or more (the first look is 300; on 6,948 corpus texts
    # every call is the same), less so on shorter ones; the other models cost 114 MB in every
    # process and, not in the CPU's caches between articles, about 0.15 ms an article
    return (LanguageDetectorBuilder.from_languages(*_candidates()).with_preloaded_language_models()
            .with_low_accuracy_mode().build())


def identify(text: str) -> tuple[str, float]:
    """``(code, confidence)`` for ``text``; ``("xx", 0.0)`` when nothing fits.

    A first look at the opening characters decides when it is clear (a language with a pack
    and no runner-up with any weight); otherwise, as for Indonesian against Malay, the longer
    sample decides. Over the
    IndoSum, FA-KES and NEREL corpora this gives the same calls as always reading the long
    sample in about half the time (bench/RESULTS.md, speed)."""
    own = _own_script(text[:FIRST_LOOK] if len(text) > FIRST_LOOK else text[:SAMPLE])
    if own is not None:
        return own, 1.0
    if len(text) > FIRST_LOOK:
        first = _confidences(text[:FIRST_LOOK])
        if (first and first[0][0] in _packed() and first[0][1] >= MIN_CONFIDENCE
                and (len(first) < 2 or first[1][1] <= CLEAR_RUNNER_UP)):
            return first[0]
    values = _confidences(text[:SAMPLE])
    if not values or values[0][1] < MIN_CONFIDENCE:
        return "xx", values[0][1] if values else 0.0
    return values[0]


#: the letters of each script a pack may name as its own (``meta.script``)
_SCRIPT_LETTERS = {"Cyrillic": "\u0400-\u052f"}


@lru_cache(maxsize=1)
def _scripts() -> tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]:
    """For each pack whose script no other candidate is written in: a search for one of its
    letters, a search for any other letter, and the pack's code."""
    metas = {code: load_pack(code).section("meta", Meta) for code in available_languages()}
    claims = Counter(m.script for m in metas.values() if m.script is not None)
    out = []
    for code, meta in metas.items():
        # a script two packs name, or a pack that also serves another language, decides nothing
        if meta.script is not None and claims[meta.script] == 1 and not meta.also_for:
            letters = _SCRIPT_LETTERS[meta.script]
            out.append((re.compile(f"[{letters}]"), re.compile(f"[^\\W\\d_{letters}]"), code))
    return tuple(out)


def _own_script(sample: str) -> str | None:
    """The pack whose script every letter of ``sample`` is written in, when it is the only
    candidate written in it: lingua gives that language confidence 1.0 by its rules, and a
    call costs about as much as the rest of the normalise layer."""
    for some, other, code in _scripts():
        if some.search(sample) and not other.search(sample):
            return code
    return None


@lru_cache(maxsize=1)
def _packed() -> frozenset[str]:
    return frozenset(available_languages())


def _confidences(sample: str) -> list[tuple[str, float]]:
    if not any(c.isalpha() for c in sample):
        return []
    codes = _candidates()
    return [(codes[v.language], v.value) for v in _detector().compute_language_confidence_values(sample)]
