from __future__ import annotations

from claimtrail.link.attribution import attribute
from claimtrail.model import Figure, Quote, Span, Speaker

TEXT = (
    '"Kami sudah mengevakuasi 7.796 warga sipil," kata Konashenkov. '
    "Menurut Palang Merah, sekitar 10 ribu orang masih menunggu. Sebanyak 375 militan menyerah."
)


def _span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s))


def test_figures_inside_quotes_get_the_speaker_and_others_stay_unattributed() -> None:
    quotes = (
        Quote("direct", _span("Kami sudah mengevakuasi 7.796 warga sipil,"), Speaker("Igor Konashenkov")),
        Quote("indirect", _span("sekitar 10 ribu orang masih menunggu"), Speaker("Palang Merah")),
        Quote("indirect", _span("Sebanyak 375 militan menyerah"), None),
    )
    figures = (
        Figure(_span("7.796"), 7796),
        Figure(_span("sekitar 10 ribu"), 10000, "approx"),
        Figure(_span("375"), 375),
    )
    got = attribute(figures, quotes)
    assert [f.attributed_to for f in got] == ["Igor Konashenkov", "Palang Merah", None]


def test_an_existing_attribution_is_kept() -> None:
    f = Figure(_span("7.796"), 7796, attributed_to="pusat rekonsiliasi")
    q = Quote("direct", _span("Kami sudah mengevakuasi 7.796 warga sipil,"), Speaker("Igor Konashenkov"))
    assert attribute((f,), (q,))[0].attributed_to == "pusat rekonsiliasi"


def test_a_number_inside_a_resolved_date_is_not_a_figure() -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    text = "Jakarta, Warta Contoh -- Gudang itu terbakar 3 hari lalu dan 40 pekerja dievakuasi, Rabu (5/7/2017)."
    a = analyse(Article("t", text, language="id"))
    figures = [f.span.of(text) for f in a.figures]
    assert "40" in figures
    assert all("3" != f and "3 hari" != f for f in figures)
    assert any(d.span.of(text).startswith("3 hari") and d.value == "2017-07-02" for d in a.dates)
