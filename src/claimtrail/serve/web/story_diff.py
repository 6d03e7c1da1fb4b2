"""What each copy of a story changed from its origin: headline, figures, quotes.

- figures: the values (value or range, hedge and unit) a copy gives that the origin does
  not, and the origin's values the copy lacks; compared for translations too, since numbers
  cross languages;
- dropped quotes: the origin's quotes whose words are not in the copy's text, compared on
  letters and digits only so that a re-tokenised copy ("ca n't") still holds its quotes;
  only for copies in the origin's language (a translation rewords every quote);
- headline: changed when its letters and digits differ (copies in the origin's language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimtrail.store.corpus import Story, StoryArticle
from claimtrail.store.queries import MemberText, StoryLink

#: a quote with fewer letters than this is too short to say it is absent
MIN_QUOTE_LETTERS = 12

_LETTERS = re.compile(r"[\W_]+")


def letters(text: str) -> str:
    return _LETTERS.sub("", text.casefold())


@dataclass(frozen=True)
class MemberDiff:
    article: StoryArticle
    headline: str
    origin_headline: str
    headline_changed: bool  # compared for copies in the origin's language only
    added: list[str]  # figures the copy gives and the origin does not, as written in the copy
    missing: list[str]  # the origin's figures the copy does not give, as written in the origin
    dropped_quotes: list[str]
    quotes_compared: bool
    links: list[StoryLink]


def differences(s: Story, texts: dict[int, MemberText], links: list[StoryLink]) -> list[MemberDiff]:
    """Each member of the story, the origin first, with its differences from the origin."""
    origin = texts.get(s.origin)
    out = []
    for art in s.articles:
        me = texts.get(art.article_id)
        mine = [ln for ln in links if art.article_id in (ln.a, ln.b)]
        if me is None or origin is None or art.article_id == s.origin:
            out.append(MemberDiff(art, me.headline if me else "", "", False, [], [], [], False, mine))
            continue
        theirs = {k for k, _ in origin.figures}
        ours = {k for k, _ in me.figures}
        added = _unique(t for k, t in me.figures if k not in theirs)
        missing = _unique(t for k, t in origin.figures if k not in ours)
        same_language = me.language == origin.language
        dropped: list[str] = []
        if same_language:
            body = letters(me.text)
            dropped = _unique(q for q in origin.quotes
                              if len(letters(q)) >= MIN_QUOTE_LETTERS and letters(q) not in body)
        changed = same_language and letters(origin.headline) != letters(me.headline)
        out.append(MemberDiff(art, me.headline, origin.headline, changed, added, missing, dropped, same_language,
                              mine))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
