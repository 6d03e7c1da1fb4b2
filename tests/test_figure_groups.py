"""Figures about the same quantity across articles: keys, intervals, agreement, the command."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from claimtrail.analyzer import analyse
from claimtrail.link.figure_groups import Interval, agreement, figure_keys, intersect, interval
from claimtrail.model import Article
from claimtrail.serve.cli import main
from claimtrail.store.corpus import groups
from claimtrail.store.ledger import Ledger
from corpus_texts import FURNITURE_ONLY, NO_FIGURES, ORIGIN, RUSSIAN, TRANSLATION, TRAPPED_HIGH, TRAPPED_LOW


def _add(ledger: Ledger, doc: str, text: str, published: str, language: str | None = None) -> int:
    return ledger.add(analyse(Article(doc, text, published=published, language=language)))[0]


def test_each_hedge_implies_an_interval() -> None:
    assert interval(7000, None, None, "exact") == Interval(7000, 7000)
    approx = interval(7000, None, None, "approx")
    assert approx is not None and (approx.low, approx.high) == (pytest.approx(6300), pytest.approx(7700))
    assert interval(7000, None, None, "more_than") == Interval(7000, math.inf, low_open=True)
    assert interval(7000, None, None, "at_least") == Interval(7000, math.inf)
    assert interval(7000, None, None, "less_than") == Interval(0, 7000, high_open=True)
    assert interval(7000, None, None, "at_most") == Interval(0, 7000)
    assert interval(None, 25000, 37500, "exact") == Interval(25000, 37500)
    assert interval(None, None, None, "exact") is None


def test_agreement_is_an_intersection() -> None:
    assert agreement([(7000, None, None, "more_than", "count"), (7796, None, None, "exact", "count")]).consistent
    same_day = agreement([(25000, None, None, "exact", "count"), (37500, None, None, "exact", "count")])
    assert not same_day.consistent and same_day.spread == 12500
    # "more than 7,000" and "at most 7,000" share no value; "at least" and "at most" share one
    assert not agreement([(7000, None, None, "more_than", "count"), (7000, None, None, "at_most", "count")]).consistent
    assert intersect([Interval(7000, math.inf), Interval(0, 7000)]) == Interval(7000, 7000)
    ranged = agreement([(None, 25000, 37500, "exact", "count"), (30000, None, None, "approx", "count")])
    assert ranged.consistent and ranged.low == pytest.approx(27000) and ranged.high == pytest.approx(33000)


def test_keys_name_concept_event_place_and_day() -> None:
    keys = {k.text: k for k in figure_keys(analyse(Article("en", ORIGIN, published="2016-12-15", language="en")))}
    k = keys["More than 7,000"]
    assert (k.concept, k.event, k.place, k.place_from, k.day, k.day_from) == (
        "civilian", "evacuated", "aleppo", "sentence", "2016-12-15", "sentence")
    # "wounded" belongs to the 300 fighters after the children, not to the children
    assert keys["2,700"].event is None and keys["300"].event == "wounded"
    # only "Syria" is in the sentence: the article's own place in Syria stands in for it
    trapped = keys["between 25,000 and 37,500"]
    assert (trapped.event, trapped.place, trapped.place_from) == ("trapped", "aleppo", "article")
    ru = figure_keys(analyse(Article("ru", RUSSIAN, published="2016-12-16", language="ru")))
    assert {(k.concept, k.event, k.place) for k in ru if k.value == 7796} == {("civilian", "evacuated", "aleppo")}


def test_reports_in_three_languages_form_consistent_and_inconsistent_groups(tmp_path: Path) -> None:
    with Ledger(tmp_path / "ledger.db") as ledger:
        en = _add(ledger, "en", ORIGIN, "2016-12-15", "en")
        idn = _add(ledger, "id", TRANSLATION, "2016-12-16", "id")
        ru = _add(ledger, "ru", RUSSIAN, "2016-12-16", "ru")
        low = _add(ledger, "low", TRAPPED_LOW, "2016-12-16", "en")
        high = _add(ledger, "high", TRAPPED_HIGH, "2016-12-16", "en")
        quiet = _add(ledger, "quiet", NO_FIGURES, "2016-12-16", "en")
        empty = _add(ledger, "empty", FURNITURE_ONLY, "2016-12-16", "en")
        gs = groups(ledger.conn, concept="civilian", place="Aleppo")
        trapped = groups(ledger.conn, concept="person", place="Алеппо")
        stored = ledger.count()
    assert stored == 7
    evacuated = [g for g in gs if g.event == "evacuated"]
    assert len(evacuated) == 1
    g = evacuated[0]
    assert {f.article_id for f in g.figures} == {en, idn, ru}
    assert {f.text for f in g.figures} >= {"More than 7,000", "Lebih dari 7.000", "7796"}
    assert g.consistent and g.low == 7796 and g.high == 7796
    assert {f.claimant for f in g.figures if f.article_id == idn} == {"Komite Internasional Palang Merah"}
    # the translation repeats the origin's figure: both rows carry the same story
    assert {f.story for f in g.figures if f.article_id in (en, idn)} == {en}
    assert {f.story for f in g.figures if f.article_id == ru} == {None}
    [t] = [g for g in trapped if g.event == "trapped"]
    assert {f.article_id for f in t.figures} == {en, idn, low, high}
    # 25,000 and 50,000 on one day cannot both be right; the 25,000-37,500 range holds one
    assert not t.consistent and t.spread == 25000
    members = {f.article_id for grp in gs + trapped for f in grp.figures}
    assert quiet not in members and empty not in members


def test_the_figures_command_prints_tables_csv_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.db"
    with Ledger(db) as ledger:
        _add(ledger, "en", ORIGIN, "2016-12-15", "en")
        _add(ledger, "ru", RUSSIAN, "2016-12-16", "ru")
    assert main(["figures", "--db", str(db), "--concept", "civilian", "--place", "Aleppo", "--since", "2016-12-01"]) == 0
    out = capsys.readouterr().out
    assert "civilian evacuated in Aleppo" in out and "consistent" in out and "7,796" in out
    assert main(["figures", "--db", str(db), "--format", "csv", "--concept", "civilian"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["doc_id"] for r in rows} == {"en", "ru"} and {r["place"] for r in rows} == {"Aleppo"}
    assert main(["figures", "--db", str(db), "--format", "json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["concept"] == "civilian" and first["consistent"] is True
    assert main(["figures", "--db", str(db), "--since", "2017-01-01"]) == 0
    assert capsys.readouterr().out.strip().startswith("0 figure groups")
    assert main(["figures", "--db", str(db), "--since", "December"]) == 1
    assert "--since" in capsys.readouterr().err


def test_places_are_found_in_three_scripts_and_only_when_capitalised() -> None:
    from claimtrail.link.places import load_places

    text = ("Aleppo-based activists said shelling hit al-Bab and Deir ez-Zor; из Алеппо и Дейр-эз-Зора; "
            "warga Suriah di Aleppo. We ate turkey in Jakarta.")
    found = [(text[m.start : m.end], m.key) for m in load_places().find(text)]
    assert found == [("Aleppo", "aleppo"), ("al-Bab", "al_bab"), ("Deir ez-Zor", "deir_ez_zor"),
                     ("Алеппо", "aleppo"), ("Suriah", "syria"), ("Aleppo", "aleppo"), ("Jakarta", "jakarta")]


DENIAL = (
    "Jakarta, Kabar Contoh -- Evakuasi Aleppo berlanjut pada Rabu (14/12/2016). Juru bicara kementerian, "
    "Mayjen Igor Konashenkov, menolak laporan bahwa 100 ribu warga sipil masih terkurung di Aleppo timur.\n"
    "Sementara itu, lembaga pemantau di London menyebut sekitar 48 ribu warga sipil masih terkurung di Aleppo.\n"
)
REPORT = (
    "BEIRUT, Dec 14 (Wire Sample) - About 50,000 civilians remain trapped in eastern Aleppo, "
    "a monitoring group said on Wednesday, December 14, 2016.\n"
)


def test_a_denied_figure_is_shown_in_its_group_but_claims_nothing(tmp_path: Path) -> None:
    keys = {k.text: k for k in figure_keys(analyse(Article("id", DENIAL, published="2016-12-14", language="id")))}
    assert keys["100 ribu"].stance == "deny" and keys["sekitar 48 ribu"].stance == "assert"
    assert keys["100 ribu"].event == "trapped"  # "terkurung" is an event word of the pack
    with Ledger(tmp_path / "l.db") as ledger:
        _add(ledger, "id", DENIAL, "2016-12-14", "id")
        _add(ledger, "en", REPORT, "2016-12-14", "en")
        [g] = [g for g in groups(ledger.conn) if g.concept == "civilian"]
    assert {f.text: f.stance for f in g.figures} == {"100 ribu": "deny", "sekitar 48 ribu": "assert",
                                                     "About 50,000": "assert"}
    # "about 48,000" and "about 50,000" overlap from 45,000; the denied 100,000 does not break that
    assert g.consistent and g.low == pytest.approx(45000)


def test_a_dateline_place_is_where_the_reporter_is_not_where_the_figures_are() -> None:
    keys = figure_keys(analyse(Article("ru", "МОСКВА, 14 декабря. Из восточных районов Алеппо за сутки вышли 5000 "
                                       "мирных жителей, сообщило Минобороны.\nВ Москве эти данные назвали "
                                       "окончательными.\n", published="2016-12-14", language="ru")))
    assert [(k.value, k.place, k.event) for k in keys if k.concept == "civilian"] == [(5000, "aleppo", "evacuated")]


def test_a_figure_is_credited_to_the_publisher_never_to_an_outlet_the_article_cites() -> None:
    body = ("Kementerian Pertahanan Rusia menyatakan 7.796 warga sipil dievakuasi dari Aleppo, seperti dilansir "
            "kantor berita TASS, Selasa (13/12/2016).\n")
    published = figure_keys(analyse(Article("a", "Moskow, Warta Contoh -- " + body, language="id")))
    copied = figure_keys(analyse(Article("b", "Moskow -- " + body, language="id")))
    assert [k.outlet for k in published if k.value == 7796] == ["Warta Contoh"]
    assert [k.outlet for k in copied if k.value == 7796] == [None]
