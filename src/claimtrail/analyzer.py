"""The default pipeline: every stage of every layer, in flow order."""

from __future__ import annotations

from functools import lru_cache

from claimtrail.extract.dates import dates_stage
from claimtrail.extract.figures import figures_stage
from claimtrail.extract.quotes import quotes_stage
from claimtrail.extract.sources import sources_stage
from claimtrail.link.attribution import attribution_stage
from claimtrail.link.overlaps import figures_vs_dates_stage
from claimtrail.model import Analysis, Article
from claimtrail.normalise.stages import STAGES as NORMALISE
from claimtrail.pipeline import Pipeline, Stage

EXTRACT: tuple[Stage, ...] = (sources_stage, quotes_stage, figures_stage, dates_stage)
LINK: tuple[Stage, ...] = (figures_vs_dates_stage, attribution_stage)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline([*NORMALISE, *EXTRACT, *LINK])


def analyse(article: Article) -> Analysis:
    return default_pipeline().run(article)
