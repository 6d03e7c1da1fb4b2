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
