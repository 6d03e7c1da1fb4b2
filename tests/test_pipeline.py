from __future__ import annotations

from typing import Any

import pytest

from claimtrail.analyzer import default_pipeline
from claimtrail.errors import PipelineError
from claimtrail.model import Analysis, Article
from claimtrail.pipeline import Pipeline, stage


@stage("lang", provides={"language"})
def lang(a: Analysis) -> dict[str, Any]:
    return {"language": "en"}


@stage("furniture", requires={"language"}, provides={"boilerplate", "body"})
def furniture(a: Analysis) -> dict[str, Any]:
    return {"boilerplate": (), "body": ()}


@stage("sneaky", provides={"language"})
def sneaky(a: Analysis) -> dict[str, Any]:
    return {"language": "en", "figures": ()}


def test_a_misordered_pipeline_fails_when_built() -> None:
    with pytest.raises(PipelineError, match="requires \\['language'\\]"):
        Pipeline([furniture, lang])


def test_stages_run_in_order_and_fill_fields() -> None:
    a = Pipeline([lang, furniture]).run(Article("x", "Some text."))
    assert a.language == "en" and a.body == ()


def test_a_stage_may_not_set_fields_it_did_not_declare() -> None:
    with pytest.raises(PipelineError, match="undeclared"):
        Pipeline([sneaky]).run(Article("x", "Some text."))


def test_a_stage_twice_and_unknown_fields_are_refused() -> None:
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([lang, lang])
    with pytest.raises(PipelineError, match="unknown fields"):
        stage("bad", provides={"no_such_field"})(lambda a: {})


def test_the_default_pipeline_is_well_ordered() -> None:
    names = default_pipeline().names
    assert names.index("language") < names.index("boilerplate") < names.index("sentences")
    assert "sources" in names


def test_each_stage_gets_a_new_analysis_equal_to_replace() -> None:
    from dataclasses import replace

    from claimtrail.pipeline import _with

    seen: list[Analysis] = []

    @stage("keep", requires={"language"}, provides={"body"})
    def keep(a: Analysis) -> dict[str, Any]:
        seen.append(a)
        return {"body": ()}

    out = Pipeline([lang, keep]).run(Article("x", "Some text."))
    assert seen[0].language == "en" and out is not seen[0]
    base = Analysis(article=Article("y", "More text."), language="id")
    added = {"language": "en", "published": "2020-01-02"}
    copy = _with(base, added)
    assert copy == replace(base, **added) and base.language == "id"  # the original is untouched
    # _with skips __init__: it is only right while Analysis has no __post_init__
    assert not hasattr(Analysis, "__post_init__")
