"""The figures stage: golden sentences per language, the seed article's gold, the pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimtrail.analyzer import analyse, default_pipeline
from claimtrail.extract.figures import find, rules_for
from claimtrail.model import Article, Figure

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(GOLDEN.glob("*/figures.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append((path.parent.name, case))
    return out


def _check(text: str, got: Figure, want: dict[str, Any]) -> None:
    assert got.span.of(text) == want["text"]
    if "low" in want:
        assert (got.low, got.high) == (pytest.approx(want["low"]), pytest.approx(want["high"]))
    else:
        assert got.value == pytest.approx(want["value"])
    assert got.qualifier == want.get("qualifier", "exact")
    assert got.unit == want.get("unit", "count")
    if "concept" in want:
        assert got.concept == want["concept"]
    assert got.attributed_to is None


@pytest.mark.parametrize(("lang", "case"), _cases(), ids=lambda c: c if isinstance(c, str) else c["text"][:40])
def test_golden(lang: str, case: dict[str, Any]) -> None:
    text = case["text"]
    got = find(text, rules_for(lang))
    assert len(got) == len(case["figures"]), [f.span.of(text) for f in got]
    for g, w in zip(got, case["figures"], strict=True):
        _check(text, g, w)


def test_counted_noun_has_its_span() -> None:
    text = "Petugas mengevakuasi 375 orang milisi dari gedung itu."
    (fig,) = find(text, rules_for("id"))
    assert fig.concept == "militant"
    assert fig.counted_span is not None and fig.counted_span.of(text) == fig.counted == "orang milisi"


def test_unknown_noun_keeps_null_concept() -> None:
    (fig,) = find("Warga menanam 300 bibit mahoni.", rules_for("id"))
    assert fig.value == 300 and fig.concept is None


def test_stage_in_pipeline_keeps_to_body() -> None:
    assert "figures" in default_pipeline().names
    text = "Pasar itu menampung 250 pedagang kaki lima.\nBerlanggananlah dengan newsletter kami! 3 hadiah menanti"
    a = analyse(Article(id="t", text=text, language="id"))
    assert [f.span.of(text) for f in a.figures if a.in_body(f.span)] == [f.span.of(text) for f in a.figures]
    assert any(f.value == 250 for f in a.figures)


def test_seed_gold_all_right() -> None:
    seed = SHARED / "seeds" / "000_ffeec86feabfe786.txt"
    gold_file = SHARED / "eval" / "dev" / "seed.jsonl"
    if not (seed.is_file() and gold_file.is_file()):
        pytest.skip("../shared is not present")
    text = seed.read_text(encoding="utf-8")
    gold = json.loads(gold_file.read_text(encoding="utf-8").splitlines()[0])["figures"]
    got = analyse(Article(id="seed", text=text, language="id")).figures
    for item in gold:
        start = -1
        for _ in range(item.get("nth", 0) + 1):
            start = text.index(item["text"], start + 1)
        match = [f for f in got if f.span.start < start + len(item["text"]) and start < f.span.end]
        assert len(match) == 1, item
        f = match[0]
        if "low" in item:
            assert (f.low, f.high) == (item["low"], item["high"])
        else:
            assert f.value == item["value"]
        assert (f.qualifier, f.unit) == (item["qualifier"], item["unit"])
        if "concept" in item:
            assert f.concept in item["concept"]
    assert len(got) == len(gold)


def _values(text: str, lang: str) -> list[tuple[str, float | None, float | None, float | None, str]]:
    return [(f.span.of(text), f.value, f.low, f.high, f.unit) for f in find(text, rules_for(lang))]


def test_units_written_against_the_number() -> None:
    text = "The phone ships with 256GB of storage and a 10kW charger, and weighs 1.5kg."
    assert _values(text, "en") == [("256GB", 256.0, None, None, "GB"), ("10kW", 10.0, None, None, "kW"),
                                   ("1.5kg", 1.5, None, None, "kg")]


def test_scale_letters_and_dozens() -> None:
    text = "The fund raised $13.6M from 2 dozen investors and 100K small donors."
    got = _values(text, "en")
    assert got[0] == ("$13.6M", 13600000.0, None, None, "USD")
    assert got[1][1] == 24.0
    assert got[2][1] == 100000.0


def test_range_with_the_currency_repeated() -> None:
    text = "Shares were priced between $62 and $68 each."
    assert _values(text, "en") == [("between $62 and $68", None, 62.0, 68.0, "USD")]


def test_abbreviated_month_and_model_names_are_not_figures() -> None:
    text = "On Oct. 31 the company sold the iPhone 11 for 700 dollars."
    assert _values(text, "en") == [("700 dollars", 700.0, None, None, "USD")]


def test_lines_without_digits_or_number_words_give_nothing() -> None:
    rules = rules_for("id")
    assert find("Warga sipil mengungsi ke kota.\nTidak ada angka di sini.", rules) == []
    assert [f.value for f in find("Tanpa angka.\nSebanyak dua ribu warga mengungsi.", rules)] == [2000.0]


@pytest.mark.parametrize(("lang", "text", "counted"), [
    ("en", "Rangers unveiled four different kits for the new season.", "different kits"),
    ("en", "The team made eight substitutions during the friendly.", "substitutions"),
    ("en", "One proposal asks the board to delay the vote.", "proposal"),
    ("en", "The airline cut 60 per cent of its routes last year.", "routes"),
    ("id", "Warga menanam 300 bibit mahoni.", "bibit"),
    ("ru", "Фермеры собрали 300 ящиков яблок.", "ящиков"),
    # a marked adjective before an unknown noun is no head, though its stem names a concept ("взрыв")
    ("ru", "У финиша сработали два взрывных устройства.", "взрывных устройства"),
    ("ru", "Суд оправдал двух высокопоставленных сановников.", "высокопоставленных сановников"),
    ("ru", "Он ранил одного случайного прохожего, после чего скрылся.", "случайного прохожего"),
])
def test_unknown_noun_keeps_its_surface_phrase(lang: str, text: str, counted: str) -> None:
    fig = find(text, rules_for(lang))[0]
    assert fig.concept is None
    assert fig.counted == counted and fig.counted_span is not None and fig.counted_span.of(text) == counted


def test_percentage_of_what_changed() -> None:
    text = "Shares of the carmaker fell 4% while copper futures rose 2.5 percent."
    assert [f.counted for f in find(text, rules_for("en"))] == ["carmaker", "copper futures"]
    (fig,) = find("Harga cabai naik 12 persen pekan ini.", rules_for("id"))
    assert fig.counted == "Harga cabai"  # the price of chili, not chili


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Analysts expect prices to rise 5% to 10% next year.", ("5% to 10%", None, 5.0, 10.0, "percent")),
    ("en", "Fees range between 1.5 per cent and 2 per cent of assets.",
     ("between 1.5 per cent and 2 per cent", None, 1.5, 2.0, "percent")),
    ("en", "The upper limit for adults is between 15kHz and 17kHz.", ("between 15kHz and 17kHz", None, 15.0, 17.0, "kHz")),
    ("id", "Harga beras diperkirakan naik 10 persen hingga 15 persen.",
     ("10 persen hingga 15 persen", None, 10.0, 15.0, "percent")),
    ("id", "Kenaikan tarif antara 5 persen dan 6 persen.", ("antara 5 persen dan 6 persen", None, 5.0, 6.0, "percent")),
    ("ru", "Рост цен составит от 5% до 10% в год.", ("от 5% до 10%", None, 5.0, 10.0, "percent")),
])
def test_range_with_the_unit_on_both_ends(lang: str, text: str, want: tuple[Any, ...]) -> None:
    assert want in _values(text, lang)


def test_unit_on_both_ends_of_a_change_is_two_figures() -> None:
    # a fall is not a range, and different units do not make one
    got = _values("Growth will slow from 4.8 percent to 4.7 percent, while 5 kg to 9 km is nonsense.", "en")
    assert [g[1] for g in got] == [4.8, 4.7, 5.0, 9.0]
    assert all(g[2] is None for g in got)


def test_at_before_a_percentage_is_not_a_clock_time() -> None:
    text = "Unemployment stood at 5% in May, and the meeting is at 10."
    assert _values(text, "en") == [("5%", 5.0, None, None, "percent")]


def test_at_before_a_counted_noun_is_not_a_clock_time() -> None:
    text = "The panel looked at four options, and the vote is at 10 o'clock."
    assert [(f.value, f.counted) for f in find(text, rules_for("en"))] == [(4.0, "options")]


def _hedges(text: str, lang: str) -> list[tuple[float | None, str]]:
    return [(f.value, f.qualifier) for f in find(text, rules_for(lang))]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Losses exceeded $3 billion in the quarter.", [(3e9, "more_than")]),
    ("en", "Only firms with greater than or equal to 50 staff qualify; those with less than 250 staff pay less.",
     [(50.0, "at_least"), (250.0, "less_than")]),
    ("en", "Patients aged >= 65 were tested.", [(65.0, "at_least")]),
    ("en", "Ten or more people were hurt in the blast.", [(10.0, "at_least")]),
    ("id", "Nilai ujian lebih dari sama dengan 75 dinyatakan lulus.", [(75.0, "at_least")]),
    ("id", "Korban tewas mencapai 10 orang atau lebih.", [(10.0, "at_least")]),
    ("ru", "Погибли 10 человек и более.", [(10.0, "at_least")]),
    ("ru", "Ущерб превысил 5 млн рублей.", [(5e6, "more_than")]),
])
def test_comparison_hedges(lang: str, text: str, want: list[tuple[float, str]]) -> None:
    assert _hedges(text, lang) == want


def test_more_after_a_percentage_is_not_a_hedge_in_indonesian() -> None:
    # "lebih tinggi" compares; it is not "atau lebih"
    assert _hedges("Harga naik 5 persen lebih tinggi dari tahun lalu.", "id") == [(5.0, "exact")]


@pytest.mark.parametrize(("lang", "text", "unit", "counted"), [
    ("en", "Brent crude traded at $58.24 per barrel on Monday.", "USD", "barrel"),
    ("en", "Spot gold was marginally higher at $1,271.2 an ounce.", "USD", "ounce"),
    ("id", "Harga cabai rawit mencapai Rp 10.000 per kilogram.", "IDR", "kilogram"),
    ("ru", "Нефть марки Brent стоила 58 долларов за баррель.", "USD", "баррель"),
])
def test_rate_keeps_the_amount_unit_and_counts_the_per_noun(lang: str, text: str, unit: str, counted: str) -> None:
    (f,) = find(text, rules_for(lang))
    assert (f.unit, f.counted) == (unit, counted)


def test_money_without_a_rate_word_counts_nothing() -> None:
    (f,) = find("Министерство потратило 5 млн рублей на строительство.", rules_for("ru"))
    assert f.counted is None


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The S&P 500 is up about 15 percent this year, and bank stocks, which were up 2.8%, led the gains.",
     ["S&P 500", "bank stocks"]),
    ("en", "The Nasdaq is also trending up 0.2% and the Dow is poised to drop 0.4%.", ["Nasdaq", "Dow"]),
    ("en", "Fresh fruit prices are expected to increase between 5% and 6%.", ["Fresh fruit prices"]),
    ("id", "Ekspor nikel diperkirakan tumbuh sekitar 8 persen tahun ini.", ["Ekspor nikel"]),
    ("ru", "Индекс Мосбиржи также вырос на 1,2%.", ["Индекс Мосбиржи"]),
    # a percentage restating a change, and tables of signed changes after names
    ("en", "The Dow Jones Industrial Average lost 190 points, or 0.6%, on Friday.", ["Dow Jones Industrial Average"]),
    ("en", "On Wall Street at noon: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.", ["Dow", "S&P 500", "Nasdaq"]),
    ("en", "Retailers were down 2.3%, Burlington by 2.6%.", ["Retailers", "Burlington"]),
    ("id", "IHSG ditutup turun 50 poin atau 0,8 persen.", ["IHSG"]),
    ("ru", "Индекс РТС снизился на 20 пунктов, или 1,5%.", ["Индекс РТС"]),
    # names with hyphens, a time phrase or an appositive before the verb, "from X to Y", "N% lower"
    ("en", "The TA-125 climbed 0.1% while China’s economy in 2022 grew by just 3%.", ["TA-125", "China’s economy"]),
    ("en", "Healthcare, the best performing sector, dropped 1.61%.", ["Healthcare"]),
    ("en", "Growth is forecast to slow from 4.8 percent to 4.7 percent.", ["Growth", "Growth"]),
    ("en", "Drug makers pulled the healthcare sector 0.68 percent lower.", ["healthcare sector"]),
    ("id", "Pertumbuhan ekonomi turun dari 5,1 persen menjadi 4,9 persen.", ["Pertumbuhan ekonomi"] * 2),
    ("ru", "Инфляция снизилась с 7,4% до 6,9%.", ["Инфляция", "Инфляция"]),
])
def test_percentage_holder_before_its_change_verb(lang: str, text: str, want: list[str]) -> None:
    assert [f.counted for f in find(text, rules_for(lang)) if f.unit == "percent"] == want


@pytest.mark.parametrize(("text", "want"), [
    ("There are four different bosses to battle.", "different bosses"),
    ("There is one particular demand that stands out.", "particular demand"),
    ("The port is home to about 60 commercial fishermen, who sell crab.", "commercial fishermen"),
])
def test_modifiers_are_not_the_counted_head(text: str, want: str) -> None:
    (fig,) = find(text, rules_for("en"))
    assert fig.concept is None and fig.counted == want


@pytest.mark.parametrize("text", [
    "The debut of Boeing's own 787 Dreamliner was delayed.",
    "Homes in the 90210 Postcode area sold fast.",
])
def test_digits_before_a_capitalised_singular_name_are_a_model(text: str) -> None:
    assert find(text, rules_for("en")) == []


def test_a_name_with_digits_inside_a_counted_phrase_is_no_figure() -> None:
    text = "The airline grounded two new 737 Max jets, and Tesla delivered 63000 Model 3 sedans."
    got = [(f.value, f.counted) for f in find(text, rules_for("en"))]
    assert got == [(2.0, "new 737 Max jets"), (63000.0, "Model 3 sedans")]


def test_a_model_code_is_not_what_is_counted() -> None:
    # "F-16", "A-10": the letter before the code's digits is no counted noun
    text = ('"A hundred others were injured." Washington sent two F-16 and two A-10 jets, and Moscow '
            "deployed 12 T-72 tanks.")
    got = [(f.value, f.concept) for f in find(text, rules_for("en"))]
    # the quoted sentence before ends at its closing mark: its "others" is not lent to "two"
    assert got == [(100.0, "person"), (2.0, None), (2.0, "jet"), (12.0, "tank")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Britain can borrow at an interest rate of 1.38pc.", "interest rate"),
    ("id", "Inflasi tahunan sebesar 3,2 persen tercatat pada Mei.", "Inflasi tahunan"),
    ("ru", "Ключевая ставка в размере 16% сохранится.", "Ключевая ставка"),
])
def test_percentage_after_a_holder_link(lang: str, text: str, want: str) -> None:
    (fig,) = [f for f in find(text, rules_for(lang)) if f.unit == "percent"]
    assert fig.counted == want


@pytest.mark.parametrize(("text", "want"), [
    ("With eight more picks the team rebuilt its roster.", "more picks"),
    ("Two of Johnson’s deputies were fired.", "Johnson’s deputies"),
    ("One fourth of the US workforce is vaccinated.", "US workforce"),
])
def test_counted_phrase_through_modifiers_and_possessives(text: str, want: str) -> None:
    assert find(text, rules_for("en"))[0].counted == want


@pytest.mark.parametrize(("text", "want"), [
    ("Five more civilians were killed in the shelling.", "civilian"),
    ("More than 10 million displaced are living in camps.", "displaced person"),
    ("Nine ambulance drivers were among the dead.", "driver"),
    ("Officials opened 50 new pilot areas this year.", None),
    ("A poll of 1,313 people suggests a shift.", "person"),
])
def test_what_is_counted_is_the_head_of_its_phrase(text: str, want: str | None) -> None:
    assert find(text, rules_for("en"))[0].concept == want



@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Players pledge 1% of their earnings to charity.", "earnings"),
    ("id", "Harga naik, dan 40 persen dari anggaran itu terpakai.", "anggaran"),
])
def test_a_share_named_after_of_comes_before_the_change_verb(lang: str, text: str, want: str) -> None:
    (fig,) = [f for f in find(text, rules_for(lang)) if f.unit == "percent"]
    assert fig.counted is not None and fig.counted.startswith(want)


@pytest.mark.parametrize(("text", "want"), [
    ("The carmaker saw its annual profits fall 9% last year.", "its annual profits"),
    ("In the north, house prices went up by 0.4% on the month.", "house prices"),
    ("The bank expects to see earnings grow by 20% next year.", "earnings"),
])
def test_what_changes_is_the_object_of_saw_and_the_subject_of_went_up(text: str, want: str) -> None:
    (fig,) = find(text, rules_for("en"))
    assert fig.unit == "percent" and fig.counted == want


def test_a_bare_number_before_a_falling_change_takes_its_unit() -> None:
    text = "Growth is forecast to slow from 4.8 to 4.7 percent, while shares rose 18 sen to RM23.50."
    assert [(f.value, f.unit) for f in find(text, rules_for("en"))] == [
        (4.8, "percent"), (4.7, "percent"), (18.0, "count"), (23.5, "MYR")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The cartel agreed to pump 450,000 barrels a day less from March.", ("barrel", "barrels a day")),
    ("en", "The utility reported earnings of 48 cents per share for the quarter.", (None, "cents per share")),
    ("en", "The rookie guard averaged 21 points per game last season.", ("point", "points per game")),
    ("id", "Kilang itu mengolah 300 ribu barel per hari sejak Januari.", ("barrel", "barel per hari")),
    ("ru", "Компания добывает 200 тысяч баррелей в сутки на этом месторождении.", ("barrel", "баррелей в сутки")),
])
def test_a_count_per_a_duration_or_a_noun(lang: str, text: str, want: tuple[str | None, str]) -> None:
    (fig,) = find(text, rules_for(lang))
    assert (fig.unit, fig.concept, fig.counted) == ("count", *want)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Police detained 12 people a day after the march.", "people"),
    ("ru", "Задержаны 10 человек в день выборов в Москве.", "человек"),
])
def test_a_duration_that_starts_a_time_phrase_is_no_rate(lang: str, text: str, want: str) -> None:
    fig = find(text, rules_for(lang))[0]
    assert fig.counted == want


def test_an_article_before_a_noun_phrase_makes_no_rate() -> None:
    # text flattened without commas: "a monitoring group" is the next clause's subject, "a head" a rate
    text = "Militants executed 23 men in the past five days a monitoring group said. Seats cost $30 a head."
    got = [(f.value, f.unit, f.counted) for f in find(text, rules_for("en"))]
    assert got == [(23.0, "count", "men"), (5.0, "day", None), (30.0, "USD", "head")]


@pytest.mark.parametrize(("lang", "text", "counted"), [
    ("en", "Nurses worked 12 hours a day during the outbreak.", "day"),
    ("id", "Warga dianjurkan berjalan 15 menit setiap harinya.", "harinya"),
    ("ru", "Его приговорили к трём годам за хранение оружия, а работал он 10 часов в сутки.", "сутки"),
])
def test_a_duration_is_a_rate_of_a_duration_only(lang: str, text: str, counted: str) -> None:
    # "three years for possession" is a sentence and its reason, no rate
    assert [f.counted for f in find(text, rules_for(lang)) if f.unit in ("hour", "minute", "year")][-1] == counted


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The turbo engine makes 400 Nm of torque and 250 PS, on a 3 nm chip.", [
        (400.0, "N·m"), (250.0, "PS"), (3.0, "nm")]),
    ("en", "The forward averaged 24.1 ppg and 9.8 rpg, worth 3.2 WAR.", [
        (24.1, "ppg"), (9.8, "rpg"), (3.2, "WAR")]),
    ("id", "Mesin bensin itu bertenaga 180 tenaga kuda dengan torsi 320 Nm.", [(180.0, "hp"), (320.0, "N·m")]),
    ("ru", "Мотор выдает 190 л. с. и 320 Нм крутящего момента.", [(190.0, "hp"), (320.0, "N·m")]),
])
def test_units_matched_as_written(lang: str, text: str, want: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find(text, rules_for(lang))] == want


def test_an_article_before_a_dollar_sign_is_no_australian_dollar() -> None:
    text = "Renters pay a $2,100 a month lease, while A$40 buys a ticket in Sydney."
    assert [(f.value, f.unit) for f in find(text, rules_for("en"))] == [(2100.0, "USD"), (40.0, "AUD")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The base model keeps its three-cylinder engine.", [(3.0, "count", "cylinder", "cylinder")]),
    ("en", "Buyers choose four-, six- or eight-cylinder engines.", [
        (4.0, "count", "cylinder", "cylinder"), (6.0, "count", "cylinder", "cylinder"),
        (8.0, "count", "cylinder", "cylinder")]),
    ("en", "It comes with a 10- or 12-inch display.", [(10.0, "in", None, None), (12.0, "in", None, None)]),
])
def test_hyphen_compounds_name_what_is_counted(lang: str, text: str,
                                               want: list[tuple[float, str, str | None, str | None]]) -> None:
    assert [(f.value, f.unit, f.concept, f.counted) for f in find(text, rules_for(lang))] == want


@pytest.mark.parametrize(("lang", "text"), [
    ("id", "Mobil itu memakai mesin empat silinder."),
    ("ru", "Автомобиль получил двигатель с четырьмя цилиндрами."),
])
def test_cylinders_are_counted_in_every_pack(lang: str, text: str) -> None:
    (fig,) = find(text, rules_for(lang))
    assert (fig.value, fig.concept) == (4.0, "cylinder")


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Some 48200 workers were laid off in March and 51300 in April.", ("worker", "workers")),
    ("en", "The index lost 85.40 points, or 1.2%, to close at 6,912.35.", ("point", "points")),
    ("id", "Sebanyak 12500 pengungsi tiba di Aceh, sementara 9800 lainnya masih di laut.", ("refugee", "pengungsi")),
    ("ru", "В Москве задержаны 1250 человек, в Петербурге 830.", ("person", "человек")),
])
def test_a_bare_number_takes_the_noun_of_its_sibling(lang: str, text: str, want: tuple[str | None, str]) -> None:
    figs = [f for f in find(text, rules_for(lang)) if f.unit == "count"]
    assert (figs[-1].concept, figs[-1].counted) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The bid was 4.2 billion euros, up from an earlier 3.9 billion.", ("EUR", "EUR")),
    ("en", "Profit was 3.1 billion rupees ($43 million) and 95 million a year earlier.", ("INR", "INR")),
    ("en", "The club signed 35 and had moved twice. Police found 3 cars.", ("count", "count")),
])
def test_a_bare_number_takes_the_unit_of_its_sibling(lang: str, text: str, want: tuple[str, str]) -> None:
    figs = [f for f in find(text, rules_for(lang)) if f.unit != "times"]
    assert (figs[0].unit, figs[-2 if "twice" in text else -1].unit) == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Shares of Nvidia (NVDA.O) rose 3.1% in early trade.", "Nvidia"),
    ("id", "Saham Bank Mandiri (BMRI) naik 2,5 persen pada sesi pertama.", "Bank Mandiri"),
    ("ru", "Акции Сбербанка (SBER) выросли на 3% к полудню.", "Акции Сбербанка"),
])
def test_a_ticker_in_brackets_sits_between_the_holder_and_its_verb(lang: str, text: str, want: str) -> None:
    (fig,) = [f for f in find(text, rules_for(lang)) if f.unit == "percent"]
    assert fig.counted is not None and fig.counted.endswith(want)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "Flats in the tower sell for about $1,350 per square foot.", [(1350.0, "USD", "square foot")]),
    ("id", "Harga tanah di sana Rp 12 juta per meter persegi.", [(12e6, "IDR", "meter persegi")]),
    ("ru", "Жилье продают по 250 тысяч рублей за квадратный метр.", [(250e3, "RUB", "квадратный метр")]),
    ("ru", "Площадь квартиры 64 квадратных метра.", [(64.0, "m2", None)]),
])
def test_area_units_after_a_rate_word(lang: str, text: str, want: list[tuple[float, str, str | None]]) -> None:
    assert [(f.value, f.unit, f.counted) for f in find(text, rules_for(lang))] == want


# ---------------------------------------------------------------------- round 7


def test_a_year_rejected_as_a_date_ends_no_range() -> None:
    text = "Shipments grew 40% in 2021 to 2.6 million tablets, from 1.9 million a year before."
    assert [(v, u) for _, v, _, _, u in _values(text, "en")] == [(40.0, "percent"), (2.6e6, "count"),
                                                                  (1.9e6, "count")]
    assert _values("From 2015 to 2019 the plant stood idle.", "en") == []


@pytest.mark.parametrize(("text", "want"), [
    ("Exports rose more than sevenfold last decade.", ("more than sevenfold", 7.0, "times")),
    ("Output grew threefold.", ("threefold", 3.0, "times")),
])
def test_fold_words_are_multipliers(text: str, want: tuple[str, float, str]) -> None:
    f = find(text, rules_for("en"))
    assert [(x.span.of(text), x.value, x.unit) for x in f] == [want]


@pytest.mark.parametrize("text", [
    "The club has had double-digit losses this spring.",
    "Critics spoke of double standards in the ruling.",
    "The relegated clubs sat in the bottom three all season.",
    "The embassy moved to 14 Ave Kleber, Paris, last year.",
])
def test_adjectives_ranks_and_addresses_are_no_figures(text: str) -> None:
    assert find(text, rules_for("en")) == []


def test_a_from_up_to_pair_is_a_range_and_written_units_are_read() -> None:
    text = "Plots range from 300 sq ft up to 1,200 sq ft on the estate."
    assert _values(text, "en") == [("from 300 sq ft up to 1,200 sq ft", None, 300.0, 1200.0, "sq ft")]
    assert _values("The van does 31 miles per gallon.", "en") == [("31 miles per gallon", 31.0, None, None, "mpg")]
    text = "Stir in 3/4 pound of butter."
    assert [(v, u) for _, v, _, _, u in _values(text, "en")] == [(0.75, "lb")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    # the unit on both ends and the second far above the first: a change and the level it reaches
    ("en", "Sales rose by $12 million to $95 million last year.", [(12e6, None, None), (95e6, None, None)]),
    ("ru", "Ставка выросла на 1,5% до 9,5% за год.", [(1.5, None, None), (9.5, None, None)]),
    # a shared unit, or ends of one order, stay a range
    ("en", "Prices were cut by 5 to 10 percent.", [(None, 5.0, 10.0)]),
    ("en", "The levy trims profits by $3.1m to $4.2m a year.", [(None, 3.1e6, 4.2e6)]),
])
def test_a_change_by_and_the_level_it_reaches_are_no_range(
        lang: str, text: str, want: list[tuple[float | None, float | None, float | None]]) -> None:
    assert [(f.value, f.low, f.high) for f in find(text, rules_for(lang))] == want


@pytest.mark.parametrize(("text", "counted", "concept"), [
    ("Police recovered 310 Honda and Toyota vehicles last month.", "Honda and Toyota vehicles", "vehicle"),
    ("At least 40 army and rebel fighters died in the clashes.", "army and rebel fighters", "fighter"),
    # a plural before the conjunction is already the head
    ("The shelter took in 12 dogs and cats.", "dogs", "dog"),
])
def test_coordinated_modifiers_before_the_head(text: str, counted: str, concept: str) -> None:
    f = find(text, rules_for("en"))[0]
    assert (f.counted, f.concept) == (counted, concept)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("en", "The fort stood from A.D. 900 and 1150 until 420 troops took it.", [420.0]),
    ("en", "Settlers arrived around 2500 BC with 40 cattle.", [40.0]),
    ("id", "Candi itu berdiri sejak tahun 300 SM dan kini dijaga 12 petugas.", [12.0]),
    ("ru", "Крепость построили в 400 году до н. э., а сейчас там живут 90 человек.", [90.0]),
])
def test_a_number_next_to_an_era_mark_is_a_year(lang: str, text: str, want: list[float]) -> None:
    assert [f.value for f in find(text, rules_for(lang))] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The statue is 12m (39ft) tall.", [(12.0, "m"), (39.0, "ft")]),
    ("The club paid £12m ($15m) for him.", [(12e6, "GBP"), (15e6, "USD")]),
    ("Profits reached 12m (up 4%) this year.", [(12e6, "count"), (4.0, "percent")]),
])
def test_a_measure_in_brackets_makes_the_letter_m_metres(text: str, want: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find(text, rules_for("en"))] == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("ru", "Четверо задержаны в Москве, трое — в Казани и один — в Туле.", ("один", "person")),
    ("id", "Sembilan nelayan selamat, sementara dua lainnya masih dicari.", ("dua", "fisherman")),
    ("en", "Nine soldiers were rescued, while two are still missing.", ("two", "soldier")),
])
def test_a_number_word_alone_takes_an_earlier_count_in_words(lang: str, text: str, want: tuple[str, str]) -> None:
    got = {f.span.of(text): f.concept for f in find(text, rules_for(lang))}
    assert got[want[0]] == want[1]


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("en", "The crew saw one that was more than three feet wide.", "one"),  # a unit is not lent to a word
    ("en", "Only one reached the shore, and then nine fishermen followed.", "one"),  # nor a later noun
])
def test_a_number_word_alone_keeps_no_noun_from_a_unit_or_a_later_count(lang: str, text: str, word: str) -> None:
    f = next(f for f in find(text, rules_for(lang)) if f.span.of(text) == word)
    assert (f.unit, f.concept) == ("count", None)


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Gol kedua lahir pada menit ke - 64 lewat sundulan, disaksikan 12 ribu penonton.", [12000.0]),
    ("id", "Mobil seri - 5 itu dijual 40 unit.", [40.0]),
    ("en", "The show drew 2.1 million viewers per episode - half the audience of its debut.", [2.1e6, 0.5]),
])
def test_a_code_word_before_a_spaced_dash(lang: str, text: str, want: list[float]) -> None:
    assert [f.value for f in find(text, rules_for(lang))] == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    # a name after the link says where they come from: the number takes the earlier count's noun
    ("id", "Tim SAR menemukan lima orang penumpang, tiga dari Malaysia.", ("tiga", "orang penumpang")),
    ("id", "Sebanyak 40 pendaki selamat, 12 dari Jepang.", ("12", "pendaki")),
])
def test_a_name_after_a_link_is_not_what_is_counted(lang: str, text: str, want: tuple[str, str]) -> None:
    got = {f.span.of(text): f.counted for f in find(text, rules_for(lang))}
    assert got[want[0]] == want[1]


@pytest.mark.parametrize("text", [
    "Two models come out this month: Vega 7 and Vega 9.",
    "Markets in Asia: Kospi 200 -0.4%, Hang Seng flat.",
])
def test_a_capitalised_name_after_a_colon_holds_its_digits(text: str) -> None:
    assert [f.span.of(text) for f in find(text, rules_for("en")) if f.span.of(text) in ("7", "9", "200")] == []


def test_an_age_cue_wins_over_a_noun_before_it() -> None:
    # the look-back for a counted noun finds "volunteers"; the age cue says 16 is an age
    text = "The club trained 40 volunteers over the age of 16 last spring."
    assert [(f.value, f.unit, f.concept) for f in find(text, rules_for("en"))] == [
        (40.0, "count", "volunteer"), (16.0, "year", None)]
    (fig,) = find("Warga berusia 70 itu dirawat di rumah sakit.", rules_for("id"))
    assert (fig.value, fig.unit, fig.concept) == (70.0, "year", None)


def test_currency_codes_after_the_amount() -> None:
    text = "The bank sold 500 EUR for 540 USD, while 3 usd stickers stayed on the shelf."
    got = [(f.span.of(text), f.unit) for f in find(text, rules_for("en"))]
    assert got[:2] == [("500 EUR", "EUR"), ("540 USD", "USD")]
    assert got[2] == ("3", "count")  # a code is written in capitals


def test_a_rate_past_a_bracketed_conversion() -> None:
    text = "The lodge charges A$90 (US$62) per night, and the mine pays 4 billion euros ($4.3 billion) a year."
    got = [(f.span.of(text), f.unit, f.counted) for f in find(text, rules_for("en"))]
    assert got == [("A$90", "AUD", "night"), ("US$62", "USD", "night"),
                   ("4 billion euros", "EUR", "year"), ("$4.3 billion", "USD", "year")]
    # a bracket with no number is no conversion, and a sentence stop ends the look
    (fig,) = find("Tickets cost $40 (cash only) per person.", rules_for("en"))
    assert fig.counted is None


def test_a_time_word_after_a_number_is_nothing_counted() -> None:
    text = "Output reached 189,000 last year and is forecast at 210,000 this year."
    assert [(f.value, f.counted) for f in find(text, rules_for("en"))] == [(189000.0, None), (210000.0, None)]


def test_a_number_with_a_possessive_is_a_name() -> None:
    text = "Radio 4's morning show drew 7 million listeners, more than the 90's record."
    assert [(f.span.of(text), f.counted) for f in find(text, rules_for("en"))] == [("7 million", "listeners")]


def test_a_lone_article_and_half_at_a_clause_end_or_before_of() -> None:
    text = "The budget was cut by a half, and a half of the staff left after a year and a half."
    assert [(f.span.of(text), f.value) for f in find(text, rules_for("en"))] == [("a half", 0.5), ("a half", 0.5)]
    for text in ("She drove a half-hour to work.", "He met a half-brother."):
        assert [f.value for f in find(text, rules_for("en"))] != [0.5]


def test_a_plural_denominator_after_a_tens_word_is_a_fraction_of_it() -> None:
    assert [f.value for f in find("The recipe calls for twenty fifths.", rules_for("en"))] == [4.0]
    assert find("The club marked its twenty-fifth season.", rules_for("en")) == []
    assert [round(f.value or 0, 4) for f in find("Add three twenty fifths of it.", rules_for("en"))] == [0.12]


def test_indonesian_speed_inch_and_clock_hour() -> None:
    text = ("Pembalap itu mencapai kecepatan 323 km/h di lintasan lurus, sementara angin bertiup 80 km per "
            "jam. Ponsel ini tidak memiliki jack audio 3,5 inci. \"Pagi jam 3, pikiran masih segar,\" katanya. "
            "Rapat berlangsung selama 2 jam 30 menit.")
    got = [(f.span.of(text), f.value, f.unit) for f in analyse(Article("t", text, language="id")).figures]
    assert got == [("323 km/h", 323, "km/h"), ("80 km per jam", 80, "km/h"), ("3,5 inci", 3.5, "in"),
                   ("2 jam 30 menit", 150, "minute")]


def test_a_list_of_numbered_names_holds_shirt_numbers_not_counts() -> None:
    text = ("Susunan pemain Bali United: 1 Ahmad Rizki; 21 Bayu Pratama, 4 Ricardo Salim, 3 Made Wirawan; "
            "10 Irfan Bakri.\n\nSkuad utama:\n\n2 Dani Kurnia\n\n3 Vallejo Putra\n\n4 Sergio Rahman\n\n"
            "Selama kariernya ia meraih 2 Piala Super Spanyol, 3 Liga Champions, 1 Piala Dunia Antarklub "
            "dan mencetak 15 gol.")
    got = [(f.span.of(text), f.counted) for f in analyse(Article("t", text, language="id")).figures]
    assert got == [("2", "Piala"), ("3", "Liga"), ("1", "Piala"), ("15", "gol")]


def test_an_age_group_after_u_is_a_team_not_a_figure() -> None:
    text = "Pelatih timnas U - 16 Rudi Hartono memanggil 23 pemain untuk laga melawan Malaysia U - 16."
    assert [(f.span.of(text), f.value) for f in analyse(Article("t", text, language="id")).figures] == [("23", 23)]
    en = "The U - 20 side lost while the final drew 60,000 fans."
    assert [f.span.of(en) for f in analyse(Article("t", en, language="en")).figures] == ["60,000"]


def test_a_number_word_that_ends_a_name_is_not_a_figure() -> None:
    text = ("Wisatawan berlibur ke Kepulauan Seribu, Jakarta, dan 40 pedagang kaki lima berjualan di sana. "
            "Di Aleppo Dua orang tewas.")
    got = [(f.span.of(text), f.value) for f in analyse(Article("t", text, language="id")).figures]
    assert got == [("40", 40), ("Dua", 2)]


def test_a_capitalised_number_word_that_opens_a_name_in_running_text_is_not_a_figure() -> None:
    text = ("Israel took the plateau in the 1967 Six-Day War, after the Thirty Years' War museum and the "
            "Three Gorges Dam drew 40,000 visitors. Tickets for the Six Nations sold out in six days.")
    got = [(f.span.of(text), f.value) for f in find(text, rules_for("en"))]
    assert got == [("40,000", 40000), ("six days", 6)]
    # a title-case headline and a sentence that opens with a number word keep their figures
    head = "Over 500 Civilians Killed in One Week in Aleppo Bombing Campaign\nFour Children Were Among Them"
    assert [f.span.of(head) for f in find(head, rules_for("en"))] == ["Over 500", "One Week", "Four"]
    id_text = "AS ditegaskan mendukung kebijakan Satu China, kata dia, dan 12 pejabat hadir di daerah Lima Puluh Koto."
    assert [f.span.of(id_text) for f in find(id_text, rules_for("id"))] == ["12"]


def test_two_numbers_joined_by_or_before_a_unit_or_noun_are_a_range() -> None:
    text = "Talks could take three or four years, and 5 or 6 delegates may walk out; one or two stayed."
    got = [(f.span.of(text), f.low, f.high, f.unit) for f in find(text, rules_for("en"))]
    assert got == [("three or four years", 3, 4, "year"), ("5 or 6", 5, 6, "count")]
    id_text = "Korban dirawat dua atau tiga hari. Tiketnya US$39 atau Rp 520 ribu."
    got = [(f.span.of(id_text), f.value, f.low, f.unit) for f in find(id_text, rules_for("id"))]
    assert got == [("dua atau tiga hari", None, 2, "day"), ("US$39", 39, None, "USD"),
                   ("Rp 520 ribu", 520000, None, "IDR")]
    ru = "Он провёл там два или три дня."
    assert [(f.low, f.high, f.unit) for f in find(ru, rules_for("ru"))] == [(2, 3, "day")]
    # a larger number first is no range
    assert [f.low for f in find("Give me 10 or 5 minutes.", rules_for("en"))] == [None, None]


def test_a_bare_number_after_a_person_and_a_verb_of_being_is_an_age() -> None:
    text = ("The singer, who was 14 when she joined, said she turned 50 last week. He will be 35 by June. "
            "On Sunday he was 3 under par. It was 35 at noon.")
    got = [(f.span.of(text), f.unit) for f in find(text, rules_for("en"))]
    assert got == [("14", "year"), ("50", "year"), ("35", "year"), ("3", "count"), ("35", "count")]


def test_a_scale_ordinal_after_a_number_above_one_is_no_fraction() -> None:
    text = "The two millionth visitor waited two millionths of a second for a millionth of the prize."
    assert [(f.span.of(text), f.value) for f in find(text, rules_for("en"))] == [
        ("two millionths", 2e-06), ("a millionth", 1e-06)]


def test_a_fraction_before_a_determiner_and_a_count_past_a_measure_find_what_is_counted() -> None:
    text = ("Half the condos have sold, and he lost half his savings. "
            "The plant will fill eight million 250ml bottles.")
    got = [(f.span.of(text), f.counted, f.unit) for f in find(text, rules_for("en"))]
    assert got == [("Half", "condos", "count"), ("half", "savings", "count"),
                   ("eight million", "bottles", "count"), ("250ml", None, "ml")]
    id_text = "Pabrik itu mengisi 8 juta botol 250 ml."
    assert [(f.value, f.unit) for f in find(id_text, rules_for("id"))] == [(8000000, "count"), (250, "ml")]


def test_ages_after_people_and_a_bound_and_phone_number_groups() -> None:
    text = ("The fund pays households with people over 60 and children under 5. Adults aged 18 or over "
            "were asked. Call 0800 555 111 for details. In 2004 2,000 people died.")
    got = [(f.span.of(text), f.qualifier, f.unit) for f in find(text, rules_for("en"))]
    assert got == [("over 60", "more_than", "year"), ("under 5", "less_than", "year"),
                   ("18 or over", "at_least", "year"), ("2,000", "exact", "count")]


def test_a_counted_phrase_reads_past_modifiers_and_superlatives() -> None:
    text = "The deal joins two of the best department store chains, and the fair adds two new film competitions."
    assert [f.counted for f in find(text, rules_for("en"))] == ["best department store chains",
                                                                 "new film competitions"]


def test_russian_times_of_day_compound_durations_and_abbreviated_dollars() -> None:
    text = ("Около 15 часов по местному времени (12 часов по мск) возле перекрёстка прогремел взрыв. "
            "Он говорил 12 минут 41 секунду, а затем съел за 10 минут 69 булочек. "
            "Компания отказалась от сделки за 12 млрд долл.")
    got = [(f.span.of(text), f.qualifier, f.unit) for f in find(text, rules_for("ru"))]
    assert got == [("12 минут 41 секунду", "exact", "second"),
                   ("10 минут", "exact", "minute"), ("69", "exact", "count"),
                   ("12 млрд долл.", "exact", "USD")]


def test_indonesian_approximate_scales_day_numbers_and_heading_numbers() -> None:
    text = ("Harganya Rp 49 jutaan, dan jumlah serikat turun dari 14 ribuan menjadi 7 ribuan. "
            "Pada tanggal 30 dan 31 Desember, 396 orang ditangkap. Ribuan orang turun ke jalan.\n\nFakta 4\n\n"
            "Kelenjar itu berjumlah 12 buah.")
    got = [(f.span.of(text), f.value, f.qualifier) for f in find(text, rules_for("id"))]
    assert got == [("Rp 49 jutaan", 49000000, "approx"), ("14 ribuan", 14000, "approx"),
                   ("7 ribuan", 7000, "approx"), ("396", 396, "exact"), ("12", 12, "exact")]


@pytest.mark.parametrize(("lang", "line", "holds"), [
    ("id", "Kedua tim bertemu lagi", False),  # "dua" inside a word
    ("id", "Dua tim bertemu lagi", True),
    ("id", "mereka ber-dua saja", True),
    ("id", "tim_dua", True),  # an underscore is no letter: "dua" is a word of its own
    ("id", "bersatu kita teguh", False),
    ("id", "persatuan", False),
    ("id", "Tahun 2017", True),
    ("id", "", False),
    ("en", "Twenty-five people", True),
    ("en", "someone came", False),
    ("ru", "ДВА человека", True),
])
def test_line_can_hold_whole_start_words_only(lang: str, line: str, holds: bool) -> None:
    from claimtrail.extract.figures import _can_hold

    assert _can_hold(line, 0, len(line), rules_for(lang)) is holds


def test_plain_digits_read_at_once_as_the_long_way() -> None:
    """Where plain digits are read at once (nothing around them reads further), the reading is the one
    the full chain of steps gives, on every number of the golden sentences and some made-up ones."""
    from claimtrail.extract.figures import _number_at, _plain_alone
    from claimtrail.extract.numbers import tokenize

    made_up = ["Ada 2 1/4 kg, 3 x 10^8, -5 dan .5, 7 ribu, 1/5 bagian, 30 persen", "in 500 BC, 2 and a half, 5 million",
               "3 из 4, минус 7, 12 тыс. человек", "12 orang, 40 tahun, ke-3, 2017 lalu"]
    texts = [(lang, case["text"]) for lang, case in _cases()] + [(lang, t) for lang in ("id", "en", "ru") for t in made_up]
    checked = 0
    for lang, text in texts:
        rules = rules_for(lang)
        toks = tokenize(text, space_groups=rules.numbers.space_groups)
        for i, tok in enumerate(toks):
            fast = _plain_alone(toks, i, rules) if tok.kind == "num" else None
            if fast is not None:
                assert fast == _number_at(toks, i, rules), (text, i)
                checked += 1
    assert checked > 100


def test_a_model_number_after_a_count_is_no_range() -> None:
    text = "The airline ordered 10 737-800 planes, and between 300-400 workers will build them."
    got = [(f.value, f.low, f.high, f.counted) for f in find(text, rules_for("en"))]
    assert got == [(10.0, None, None, "planes"), (None, 300.0, 400.0, "workers")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Ia dijerat Pasal 5 dan 6 UU ITE, sedangkan album itu ada di posisi tiga dan empat.", []),
    ("id", "Badai kategori empat menghantam pesisir, status siaga satu berlaku di 12 desa.", [12.0]),
    ("id", "Siswa kelas 5 dan 200 guru hadir.", [200.0]),
    ("en", "He was charged under articles 5 and 6 of the code; 30 others were freed.", [30.0]),
])
def test_the_second_of_two_codes_joined_by_a_conjunction_is_a_code(lang: str, text: str, want: list[float]) -> None:
    # "kelas 5 dan 200 guru": a count with its own noun is no code
    assert [f.value for f in find(text, rules_for(lang))] == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Marquez mencatat 1 menit 28,834 detik, lalu terdakwa divonis 3 tahun 6 bulan penjara.",
     [("1 menit 28,834 detik", 88.834, "second"), ("3 tahun 6 bulan", 42.0, "month")]),
    ("en", "The hearing lasted 2 hours and 5 minutes; he served 3 years, 6 months later he left.",
     [("2 hours and 5 minutes", 125.0, "minute"), ("3 years", 3.0, "year"), ("6 months", 6.0, "month")]),
    ("ru", "Допрос длился 2 часа 30 минут, а 5 лет 14 месяцев не складываются.",
     [("2 часа 30 минут", 150.0, "minute"), ("5 лет", 5.0, "year"), ("14 месяцев", 14.0, "month")]),
])
def test_a_duration_and_the_next_smaller_one_are_one_duration(lang: str, text: str,
                                                              want: list[tuple[str, float, str]]) -> None:
    # a comma parts them, and so does a smaller part too large to be one ("14 months")
    assert [(f.span.of(text), f.value, f.unit) for f in find(text, rules_for(lang))] == want


def test_a_lap_time_with_minute_and_second_symbols_is_no_metre_or_million() -> None:
    text = "1. M. Marquez (RC213V) 1 m 28.386s, 336 km/h\n2. M. Vinales (YZR) 1m 28.719s\nTembok itu setinggi 5 m."
    assert [(f.span.of(text), f.unit) for f in find(text, rules_for("id"))] == [("336 km/h", "km/h"), ("5 m", "m")]


@pytest.mark.parametrize(("text", "want"), [
    ("Profits fell by a fifth last year.", [("a fifth", 0.2)]),
    ("Sales rose by three quarters in 2016.", [("three quarters", 0.75)]),
    ("Turnout was down by nearly a quarter.", [("nearly a quarter", 0.25)]),
    ("The work was done by a third party for three quarters.", [("three", 3.0)]),
])
def test_a_change_or_hedge_before_a_fraction_makes_it_one(text: str, want: list[tuple[str, float]]) -> None:
    # not before a noun ("a third party"), and "for three quarters" stays periods of a year
    assert [(f.span.of(text), f.value) for f in find(text, rules_for("en"))] == want


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Pada hari ke - dua Lebaran, album ke - lima dirilis bersama 20 lagu.", [(20.0, "count")]),
    ("id", "Kendaraan roda dua 9.051 unit melintas, ponsel mendukung jaringan 4 G dan kamera 12 MP.",
     [(9051.0, "count"), (12.0, "MP")]),
    ("id", "Mobil itu memakai mesin 1.6 L sejak laga leg 1 perempat final.", [(1.6, "l")]),
    ("en", "Kingfisher will buy 10 A320 aircraft and 12 T-72 tanks. At 34 I was tired.",
     [(10.0, "count"), (12.0, "count"), (34.0, "count")]),
])
def test_ordinals_across_a_spaced_dash_vehicle_classes_and_lettered_codes(lang: str, text: str,
                                                                            want: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find(text, rules_for(lang))] == want


def test_a_count_joined_to_one_with_its_own_noun_keeps_no_borrowed_concept() -> None:
    text = "Ia mencetak 14 poin dan 12 rebound, sementara 40 pengungsi dan tiga di antaranya anak."
    assert [(f.value, f.concept) for f in find(text, rules_for("id"))] == [
        (14.0, "point"), (12.0, None), (40.0, "refugee"), (3.0, "refugee")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Polisi menyita lima buah telepon genggam dan kapal yang ditenggelamkan sudah 300 buah.",
     [(5.0, "count", "telepon"), (300.0, "count", "buah")]),
    ("id", "Indonesia gagal masuk empat besar, tetapi layar 1080 piksel berjalan 60 fps selama dua dekade.",
     [(1080.0, "px", None), (60.0, "fps", None), (2.0, "decade", None)]),
    ("id", "Kami menambahkan satu lagi pemain asing.", [(1.0, "count", "pemain")]),
    ("en", "Sales reached 131.9 billion kronor, and another 1,700 will go from sales.",
     [(131.9e9, "SEK", None), (1700.0, "count", None)]),
])
def test_classifiers_ranks_units_and_modifiers_around_a_count(lang: str, text: str,
                                                               want: list[tuple[float, str, str | None]]) -> None:
    # "buah" gives way to the noun after it; "empat besar" is a top-four rank; "lagi" is read past
    assert [(f.value, f.unit, f.counted) for f in find(text, rules_for(lang))] == want


def test_a_russian_verb_is_no_counted_noun_and_a_possessive_is_read_past() -> None:
    text = "В давке погибли 65 человек, 936 получили ранения, а 12 его сторонников задержаны."
    got = [(f.value, f.counted, f.concept) for f in find(text, rules_for("ru"))]
    assert got == [(65.0, "человек", "person"), (936.0, "человек", "person"), (12.0, "сторонников", "supporter")]


@pytest.mark.parametrize(("lang", "text", "want"), [
    ("id", "Dari 30.336 pengguna Twitter yang ikut, hasilnya 55 persen untuk Jokowi. Sisanya, 45 persen, memilih Prabowo. "
           "Inflasi naik 3 persen.", [("count", "user"), ("percent", "user"), ("percent", "user"), ("percent", None)]),
    ("en", "Of the 1,200 people surveyed, 45% said they would vote. Prices rose 3%.",
     [("count", "person"), ("percent", "person"), ("percent", None)]),
])
def test_a_percentage_is_a_share_of_the_base_named_before_it(lang: str, text: str,
                                                             want: list[tuple[str, str | None]]) -> None:
    # a percentage with its own holder ("Inflasi", "Prices") is no share of the base
    assert [(f.unit, f.concept) for f in find(text, rules_for(lang))] == want


def test_article_numbers_after_a_bracket_or_juncto_are_codes() -> None:
    text = "Ia dijerat Pasal 46 Ayat (3) juncto 132 ayat (1) UU Penyiaran, dan 12 saksi diperiksa."
    assert [f.value for f in find(text, rules_for("id"))] == [12.0]


def test_the_holder_of_a_change_leaves_out_a_closing_verb_and_a_cut_possessive() -> None:
    text = ("Cairn's shares closed up 64 pence, or 6%, on Thursday. "
            "In a thin session, Beirut's main benchmark stock index closed down 7.9% at 642.80.")
    got = [f.counted for f in find(text, rules_for("en")) if f.unit == "percent"]
    assert got == ["Cairn's shares", "main benchmark stock index"]
