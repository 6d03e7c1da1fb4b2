"""Dates: finding, resolving, the publication date and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimtrail.analyzer import analyse
from claimtrail.extract import calendar_math as cal
from claimtrail.extract.dates import analyse_dates, grammar_for
from claimtrail.lang.sections.dates import Section
from claimtrail.model import Article
from linear import assert_linear

GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).parents[1] / ".." / "shared"
TODAY = date(2026, 11, 29)


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(GOLDEN.glob("*/dates.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append((path.parent.name, case))
    return out


@pytest.mark.parametrize(("lang", "case"), _cases(), ids=lambda v: v if isinstance(v, str) else v["text"][:40])
def test_golden(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    result = analyse_dates(text, grammar_for(lang), given=case.get("published"), today=TODAY)
    got = [(m.span.of(text), m.value) for m in result.mentions]
    assert got == [tuple(d) for d in case["dates"]]


def test_impossible_dates_are_unresolved_with_a_note() -> None:
    text = "Surat itu bertanggal Rabu (30/2) dan 31/2."
    result = analyse_dates(text, grammar_for("id"), given="2017-03-01", today=TODAY)
    [m] = result.mentions
    assert m.value is None and m.note and "impossible" in m.note


def test_weekday_that_contradicts_the_date_is_flagged() -> None:
    # 13 December 2016 was a Tuesday, not a Friday
    result = analyse_dates("Sidang digelar Jumat (13/12/2016).", grammar_for("id"), today=TODAY)
    [m] = result.mentions
    assert m.value == "2016-12-13"
    assert m.note and "contradicts" in m.note and "Tuesday" in m.note


def test_dated_weekday_without_publication_takes_the_year_the_article_agrees_with() -> None:
    text = ("Konflik di kota itu berlangsung lebih dari empat tahun sejak 19 Juli 2012, "
            "kata juru bicara, Selasa (13/12).")
    result = analyse_dates(text, grammar_for("id"), today=TODAY)
    assert result.published == "2016-12-13"
    # 2011 also has Tuesday 13 December, but "more than four years since 2012" rules it out
    assert result.published_from == "inferred"
    assert result.published_note == ("year inferred from the weekday and the years the text names; "
                                     "also fits 2022")
    assert [(m.value, m.note) for m in result.mentions] == [
        ("2012-07-19", None),
        ("2016-12-13", "year inferred from the weekday and the years the text names; also fits 2022")]


def test_a_guessed_year_is_told_apart_from_a_given_one() -> None:
    # no year anywhere: Monday 29 May fits 2017 and 2023 (and 2006 ...); the latest up to today wins
    text = "Polisi menangkap dua tersangka, Senin (29/5). Sehari sebelumnya, warga melapor ke pos jaga kemarin."
    result = analyse_dates(text, grammar_for("id"), today=TODAY)
    assert result.published == "2023-05-29"
    assert result.published_from == "inferred"
    assert result.published_note is not None and result.published_note.startswith("year guessed")
    notes = {m.span.of(text): (m.value, m.note) for m in result.mentions}
    assert notes["Senin (29/5)"] == (
        "2023-05-29", "year guessed from the weekday: the latest fitting year, the text names none; also fits 2017")
    for words in ("Sehari sebelumnya", "kemarin"):
        note = notes[words][1]
        assert note is not None and note.startswith("publication date inferred; year guessed"), words
    # a year the text names moves the choice to 2017, and that date's own year is given: no note
    named = analyse_dates(text + " Kasus serupa terjadi pada 12/3/2016.", grammar_for("id"), today=TODAY)
    assert named.published == "2017-05-29"
    assert named.mentions[0].note == (
        "year inferred from the weekday and the years the text names; also fits 2006, 2023")
    assert named.mentions[-1].value == "2016-03-12" and named.mentions[-1].note is None
    # the same article with its date given: no guess, no note
    given = analyse_dates(text, grammar_for("id"), given="2017-05-29", today=TODAY)
    assert given.published_from == "input"
    assert all(m.note is None for m in given.mentions)


def test_publication_date_from_url_comes_first() -> None:
    url = "https://www.cnnindonesia.com/nasional/20180103143341-32-266424/judul-berita"
    result = analyse_dates("Rapat digelar kemarin.", grammar_for("id"), url=url, given="2018-01-09", today=TODAY)
    assert (result.published, result.published_from) == ("2018-01-03", "url")
    assert [m.value for m in result.mentions] == ["2018-01-02"]


def test_dateline_beats_record_metadata_and_metadata_beats_inference() -> None:
    g = grammar_for("en")
    lead = analyse_dates("Published 4 March 2015\nThe port reopened on Monday.", g, given="2015-03-09", today=TODAY)
    assert (lead.published, lead.published_from) == ("2015-03-04", "dateline")
    assert [m.value for m in lead.mentions] == ["2015-03-04", "2015-03-02"]
    meta = analyse_dates("The port reopened on Monday.", g, given="2015-03-09", today=TODAY)
    assert (meta.published, meta.published_from) == ("2015-03-09", "input")


def test_relative_dates_without_any_anchor_are_left_out() -> None:
    result = analyse_dates("Полиция задержала подозреваемых в среду.", grammar_for("ru"), today=TODAY)
    assert result.mentions == () and result.published is None


def test_names_written_lower_case_are_not_weekdays_in_indonesian() -> None:
    result = analyse_dates("Selama tiga minggu terakhir harga naik.", grammar_for("id"), given="2017-01-01",
                           today=TODAY)
    assert result.mentions == ()


def test_unknown_language_still_reads_numeric_dates() -> None:
    result = analyse_dates("Uppgiften kom 21.05.2017 enligt polisen.", grammar_for("sv"), today=TODAY)
    assert [(m.value) for m in result.mentions] == ["2017-05-21"]


def test_calendar_year_choice() -> None:
    years = cal.weekday_years(12, 13, 1, 2026)  # Tuesday 13 December
    assert {2011, 2016, 2022} <= set(years)
    assert cal.likely_year(years, [2012, 2012], at_least=2016) == 2016
    assert cal.likely_year(years, []) == max(years)
    assert not cal.possible(2, 30) and cal.possible(2, 29)


def test_every_pack_validates() -> None:
    from claimtrail.lang import available_languages, load_pack

    for code in available_languages():
        load_pack(code).section("dates", Section)


def test_stage_runs_in_the_pipeline() -> None:
    art = Article(id="t1", text="Jakarta, CNN Indonesia - - Presiden berpidato, Rabu (3/1).",
                  url="https://www.cnnindonesia.com/nasional/20180103143341-32-266424/x")
    a = analyse(art)
    assert a.published == "2018-01-03" and a.published_from == "url"
    assert [d.value for d in a.dates] == ["2018-01-03"]


def test_seed_article() -> None:
    path = SHARED / "seeds" / "000_ffeec86feabfe786.txt"
    if not path.is_file():
        pytest.skip("shared seeds not present")
    a = analyse(Article(id="seed", text=path.read_text(encoding="utf-8")))
    assert a.published == "2016-12-13"
    values = {(d.span.of(a.article.text), d.value) for d in a.dates}
    assert {("Selasa (13/12)", "2016-12-13"), ("2012", "2012"), ("19 Juli 2012", "2012-07-19")} <= values


# ---------------------------------------------------------------- looking only around anchors

_AROUND = {
    "id": ("Pada pertengahan  Desember lalu, tim SAR berangkat Selasa (13/12) pagi dari desa Sukamaju; "
           "jangan lupa, sejak  2012 dan tahun lalu pasar dibuka tiap Senin. Rapat digelar Jum'at, "
           "tanggal 19 Juli 2012, dan kemarin lusa. Kode 12/13/2016 dan 2016-12-13. Setahun kemudian "
           "rencananya akan digelar Kamis depan.\n\n\n                                Maret 2017"),
    "en": ("Talks opened on Tuesday, the 5th of July, 2016 and resumed last Thursday. The day before "
           "yesterday a year earlier was mentioned; in May the March 2015 report said 13/12/2016."),
    "ru": ("В прошлом году, 4 октября 2010 года, с 15 по 26 мая 2013 года заседание прошло в среду; "
           "в том же году и вчера говорили о 21.05.2017."),
}


@pytest.mark.parametrize("lang", sorted(_AROUND))
def test_looking_around_anchors_finds_what_a_whole_scan_finds(lang: str) -> None:
    from claimtrail.extract.dates import Anchors, find

    g, text = grammar_for(lang), _AROUND[lang]
    fast = find(text, g)
    assert fast, "the text has dates"
    assert fast == find(text, g, anchors=Anchors(text, g, everywhere=True))


def test_a_month_or_unit_name_running_on_into_a_word_is_no_anchor() -> None:
    from claimtrail.extract.dates import Anchors

    g = grammar_for("en")
    filler = " The council met again and the talks went on without any result at all." * 2
    text = "Markets opened higher." + filler + " On Sept. 3 it was quiet." + filler + " Yearsago."
    parts = Anchors(text, g).parts
    months = [text[lo:hi] for lo, hi in parts["month"]]
    assert len(months) == 1 and "Sept. 3" in months[0], "'Markets' holds 'mar', but runs on into a word"
    assert "unit" not in parts, "'Yearsago' holds 'year' and 'years', both running on"


def test_a_pattern_that_needs_a_digit_skips_the_stretches_without_one() -> None:
    from claimtrail.extract.dates import Anchors, find

    g = grammar_for("en")
    filler = " The council met again and the talks went on without any result at all." * 2
    # "March" and "May" stand far from any digit: the day-month patterns skip their stretches,
    # and find gives what a scan of the whole text gives
    text = ("Officials met in March." + filler + " The vote came on 5 March 2016 in the capital."
            + filler + " In May the count resumed.")
    anchors = Anchors(text, g)
    order = next(i for i, (k, d) in enumerate(zip(g.keys, g.digits, strict=True)) if k == "month" and d)
    month_parts = anchors.near("month")
    with_digit = anchors.near("month", digits=True)
    assert len(month_parts) == 3 and len(with_digit) == 1 and "5 March 2016" in text[slice(*with_digit[0])]
    assert anchors.near(g.keys[order], g.literals[order], g.digits[order]) == with_digit
    found = find(text, g)
    assert any(r.kind == "date" and (r.day, r.month, r.year) == (5, 3, 2016) for r in found)
    assert found == find(text, g, anchors=Anchors(text, g, everywhere=True))


def test_an_anchored_pattern_skips_the_stretches_without_its_literals() -> None:
    from claimtrail.extract.dates import Anchors, since_bound

    g = grammar_for("en")
    filler = " The council met again and the talks went on without any result at all." * 2
    text = ("Turnout was 61 percent." + filler + " It is now three years since 2012, the mayor said."
            + filler + " About 400 people came.")
    since = len(g.keys) - len(g.since)  # "N years since YEAR": near digits, and it needs "years"
    anchors = Anchors(text, g)
    assert g.literals[since] == {"years"} and len(anchors.near("digit")) == 3
    parts = anchors.near(g.keys[since], g.literals[since], g.digits[since])
    assert [text[lo:hi].count("years since 2012") for lo, hi in parts] == [1]
    assert since_bound(text, g) == since_bound(text, g, anchors=Anchors(text, g, everywhere=True)) == 2015


def test_required_placeholders_skip_optional_groups_and_alternatives() -> None:
    from claimtrail.extract.dates import anchor_key, required_placeholders

    assert required_placeholders(r"(?:{weekday},?\s+)?{day}\s+{month}(?:\s+{year})?") == {"day", "month"}
    assert required_placeholders(r"{weekday}|{month}") == set()
    assert required_placeholders(r"(?:{weekday}|{month})\s+{year}") == {"year"}
    assert anchor_key(r"(?:{weekday},?\s+)?{day}\s+{month}") == "month"
    assert anchor_key(r"\bpada\s+{weekday}\b") == "weekday"
    assert anchor_key(r"\bsekarang\b") is None


@pytest.mark.parametrize(("unit", "repeats"), [("12/3/2016/", 10_000), ("Januari ", 12_500), ("1", 100_000),
                                               ("Selasa (", 12_500), ("dua tahun ", 10_000)])
def test_hostile_megabyte_lines_stay_linear(unit: str, repeats: int) -> None:
    # up to 1 MB lines; bench/RESULTS.md records their times
    assert_linear(lambda line: analyse_dates(line, grammar_for("id"), given="2017-01-01", today=TODAY), unit, repeats)


def test_a_day_or_month_before_a_relative_year_is_in_that_year() -> None:
    text = ("Jakarta - KPU meresmikan tahapan pilkada, Rabu (14/6/2017). Sosialisasi berjalan hingga 26 Juni "
            "tahun depan, sedangkan rekapitulasi pada Maret tahun lalu sudah selesai.")
    got = analyse_dates(text, grammar_for("id"), today=TODAY)
    assert got.published == "2017-06-14"
    found = {text[m.span.start : m.span.end]: m.value for m in got.mentions}
    assert found["26 Juni tahun depan"] == "2018-06-26"
    assert found["pada Maret tahun lalu"] == "2016-03"
    en = "LONDON, June 14, 2017 - Talks resume on June 26 next year."
    assert {en[m.span.start : m.span.end]: m.value for m in analyse_dates(en, grammar_for("en"), today=TODAY).mentions}[
        "June 26 next year"] == "2018-06-26"


def test_a_day_and_month_with_lalu_or_mendatang_is_the_nearest_such_date_that_way() -> None:
    text = ("Jakarta - Rapat digelar Selasa (7/11/2017). Pada 30 Desember lalu ia datang, 3 Oktober lalu ia "
            "memberi kuasa, dan 11 Januari mendatang ia kembali.")
    got = analyse_dates(text, grammar_for("id"), today=TODAY)
    found = {text[m.span.start : m.span.end]: m.value for m in got.mentions}
    assert found["30 Desember lalu"] == "2016-12-30"
    assert found["3 Oktober lalu"] == "2017-10-03"
    assert found["11 Januari mendatang"] == "2018-01-11"


def test_a_scan_at_digit_runs_finds_what_a_search_finds() -> None:
    from claimtrail.extract.dates import scan

    text = ("Pada 12/05/2016, 112/05/2016 dan 2016-05-12 (bukan 20161) rapat digelar; "
            "laporan 1999 dan ٢٠١٦ serta 3.4.2015 juga.")
    g = grammar_for("id")
    patterns = [p for p, runs in zip(g.patterns, g.at_runs[: len(g.patterns)], strict=True) if runs]
    assert len(patterns) >= 3
    for pat in patterns:
        for parts in ([(0, len(text))], [(5, 30), (40, 60), (70, len(text))]):
            fast = [m.span() for m in scan(pat, text, parts, at_runs=True)]
            assert fast == [m.span() for m in scan(pat, text, parts)], pat.pattern
    assert any(list(scan(pat, text, [(0, len(text))], at_runs=True)) for pat in patterns)


def test_future_cues_as_one_pattern_answer_as_the_plain_alternation() -> None:
    import re

    from claimtrail.extract.dates import any_of
    from claimtrail.lang import load_pack

    words = ["will", "WILL", "'ll", "scheduled", "plans to", "plans  to", "upcoming", "is to", "akan", "Akan",
             "nanti", "будет", "пройдёт", "состоится", "намерен", "начнётся", "x", "-", "ſcheduled"]
    texts = [f"{a}{w}{b}" for w in words for a in ("", " ", "a", "_", "-", "1") for b in ("", " ", "s", ".", "1")]
    texts += ["It will rain", "the willow", "they'll go", "he is tO go", "dijadwalkan besok", "Будут"]
    for lang in ("en", "id", "ru"):
        cues = load_pack(lang).section("dates", Section).future_cues
        plain = re.compile("|".join(f"(?:{c})" for c in cues), re.I)
        fast = any_of(cues)
        assert fast is not None and fast.pattern != plain.pattern
        for t in texts:
            assert bool(fast.search(t)) == bool(plain.search(t)), (lang, t)
    assert any_of([]) is None

