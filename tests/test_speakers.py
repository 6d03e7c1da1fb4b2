"""Speaker phrases read into names and roles, and resolution back to earlier speakers."""

from __future__ import annotations

from claimtrail.extract.speakers import Resolver, lexicon_for, read_phrase, tokens
from claimtrail.model import Speaker
from linear import assert_linear


def read(phrase: str, lang: str = "id", resolver: Resolver | None = None) -> Speaker | None:
    lex = lexicon_for(lang)
    r = resolver or Resolver(lex)
    return r.resolve(read_phrase(phrase, tokens(phrase, 0, len(phrase)), lex))


def test_title_and_rank_fold_into_role() -> None:
    s = read("Kepala Kepolisian Resor Bantul AKBP Wahyu Prasetyo")
    assert s is not None and s.name == "Wahyu Prasetyo"
    assert s.role is not None and "AKBP" in s.role and "Kepala" in s.role


def test_unnamed_speaker_kept_as_written() -> None:
    s = read("seorang warga")
    assert s is not None and s.name == "seorang warga"


def test_surname_links_to_full_name_and_pronoun_resolves() -> None:
    lex = lexicon_for("en")
    r = Resolver(lex)
    read("Foreign Minister Helena Varga", "en", r)
    s = read("Varga", "en", r)
    assert s is not None and s.name == "Helena Varga"
    back = read("she", "en", r)
    assert back is not None and back.name == "Helena Varga" and back.resolved_from == "she"


def test_described_mention_refers_back() -> None:
    lex = lexicon_for("id")
    r = Resolver(lex)
    read("Menteri Perhubungan Rahmat Hidayat", "id", r)
    s = read("menteri asal Makassar itu", "id", r)
    assert s is not None and s.name == "Rahmat Hidayat"


def test_organisation_is_an_org_entity() -> None:
    lex = lexicon_for("en")
    r = Resolver(lex)
    s = read("the national weather agency", "en", r)
    assert s is not None and s.name.endswith("agency")
    t = read("the Ministry of Health", "en", r)
    assert t is not None and "Ministry" in t.name
    assert [e.label for e in r.entities.values()] == ["ORG"]


def test_pronoun_cue_with_no_earlier_speaker_takes_the_subject_of_the_paragraph_before() -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    text = (
        "Harbor fishermen protested the new quota on Monday.\n\n"
        "Marta E. Kowal, who has fished the bay for thirty years, sold her second boat in June.\n\n"
        "\"I cannot feed a crew on what the quota leaves us,\" she said.\n\n"
        "Tempo of the talks slowed after that. \"We will meet again next month,\" he said."
    )
    qs = [q for q in analyse(Article(id="t", text=text, language="en")).quotes if q.kind == "direct"]
    assert qs[0].speaker is not None and qs[0].speaker.name == "Marta E. Kowal"
    assert qs[0].speaker.resolved_from == "said she"
    # a capitalised word alone opening a sentence is no subject
    assert qs[1].speaker is not None and qs[1].speaker.name == "Marta E. Kowal"


def test_the_statement_said_is_the_issuer_named_before() -> None:
    from claimtrail.analyzer import analyse as _analyse
    from claimtrail.model import Article as _Article

    text = (
        "The Harbour Authority said in a notice on Friday that the eastern pier would stay shut until "
        "the end of March. Repairs to the crane rails were expected to take at least six weeks the "
        "statement said. Local fishermen said the closure would cost them most of the spring season."
    )
    qs = list(_analyse(_Article(id="t", text=text, language="en")).quotes)
    rails = [q for q in qs if q.span.of(text).startswith("Repairs to the crane rails")]
    assert len(rails) == 1 and rails[0].speaker is not None
    assert rails[0].speaker.name == "Harbour Authority"


def test_name_after_a_capitalised_word_and_lower_case_title_words() -> None:
    from claimtrail.analyzer import analyse as _analyse
    from claimtrail.model import Article as _Article

    text = (
        "Green mayoral candidate Priya Natarajan said that the tram line would be finished by 2028. "
        "Liberal Senator Tom Hale said that the budget left no room for it."
    )
    qs = list(_analyse(_Article(id="t", text=text, language="en")).quotes)
    names = [(q.speaker.name, q.speaker.role) if q.speaker else None for q in qs]
    assert names[0] == ("Priya Natarajan", "Green mayoral candidate")
    assert names[1] is not None and names[1][0] == "Tom Hale"


def test_a_rank_alone_finds_the_speaker_with_the_hyphenated_rank() -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    text = ("Официальный представитель министерства генерал-майор Игорь Конашенков опроверг эти сообщения. "
            "«Таких цифр никогда не было», — заявил Конашенков журналистам.\n"
            "«Мы будем держать маршруты открытыми», — добавил генерал.\n")
    qs = analyse(Article("t", text, language="ru")).quotes
    last = qs[-1]
    assert last.span.of(text) == "Мы будем держать маршруты открытыми"
    assert last.speaker is not None and last.speaker.name == "Игорь Конашенков"
    assert last.speaker.resolved_from == "генерал"


def _runs(text: str, lang: str) -> list[str]:
    from claimtrail.extract.speakers import _name_index

    return [" ".join(t.text for t in run) for _, run in _name_index(text, lexicon_for(lang)).runs]


def test_name_index_reads_runs_of_name_words_with_particles() -> None:
    text = "Kemarin Presiden Joko Widodo bertemu Abu Bakar al Baghdadi di “Hotel Melati” dan Rina  Sari."
    # a title is no name word; a particle joins a run; two spaces or a comma end one
    assert _runs(text, "id") == ["Joko Widodo", "Abu Bakar al Baghdadi", "Hotel Melati"]
    assert _runs("Pada 1990 Вадим Сергеевич Лавров и 𝐀lpha Beta, 😀Gamma Delta d'Alembert Epsilon", "ru") == [
        "Вадим Сергеевич Лавров", "𝐀lpha Beta"]


def test_name_index_skips_a_word_also_written_in_lower_case() -> None:
    assert _runs("Tadi Daryono gempa itu kecil.", "id") == ["Tadi Daryono"]
    # "tadi" is also written in lower case: at a sentence start it is no name word
    assert _runs("Tadi Daryono gempa itu kecil, tadi pagi.", "id") == []
    # a cue word of the pack ("menurut") is never a name word
    assert _runs("Menurut Daryono gempa itu kecil.", "id") == []


def test_lower_keys_fold_the_words_that_start_in_lower_case() -> None:
    from claimtrail.extract.speakers import lower_keys

    assert lower_keys("Menurut dia... 𝐚bc iPhone-nya, (pergi) Itu") == {"dia", "𝐚bc", "iphone-nya", "pergi"}


def test_lower_words_answer_as_lower_keys_do() -> None:
    from claimtrail.extract import speakers
    from claimtrail.extract.speakers import LowerWords, lower_keys, tokens

    texts = [
        "Menurut dia... 𝐚bc iPhone-nya, (pergi) Itu",
        "Kata Budi, budi pekerti penting. Dr.budi datang; Tadi pagi tadi. Sore.. sore.. Malam",
        "Ratna Sari pergi ke pasar keratnanya, Ratna, keRatna.",  # "ratna" only inside words
        "Die Straße war leer, sagte Strasse. STRASSE und straße.",  # folding "ß" changes the length
        "The U.S. envoy said u.s. policy was firm; the u.s.a. and Mr. Smith met in e.g. Paris.",
    ]
    for text in texts:
        everything = lower_keys(text)
        keys = {t.key for t in tokens(text, 0, len(text))} | everything | {"", "pagi.", "x"}
        lower = LowerWords(text)
        assert {k for k in keys if k in lower} == everything, text
    # past the caps the whole set answers, still the same
    text = " ".join(f"Kata{i} kata{i}" for i in range(speakers.LOWER_LOOKUPS + 5)) + " nama " * 100 + "Nama"
    lower = LowerWords(text)
    assert all(f"kata{i}" in lower for i in range(speakers.LOWER_LOOKUPS + 5)) and "nama" in lower
    assert "Nama" not in lower and "kata" not in lower


def test_name_index_stays_linear_on_hostile_words() -> None:
    from claimtrail.extract.speakers import _name_index

    lex = lexicon_for("en")
    assert_linear(lambda text: _name_index(text, lex), "x'A'A'A'A'A", 20_000)
    assert_linear(lambda text: _name_index(text, lex), "Al Bin  ", 20_000)


def test_name_reader_reads_every_run_up_to_the_position_asked_for() -> None:
    from claimtrail.extract.speakers import NameReader, _name_index

    text = ("Menteri Rahmat Hidayat tiba. Kemudian 'Abu Bakar al Baghdadi' dan Siti Aminah bicara, "
            "kata Rahmat kepada Budi Santoso Wibowo.")
    lex = lexicon_for("id")
    whole = [(start, [t.text for t in run]) for start, run in _name_index(text, lex).runs]
    assert len(whole) == 4
    for pos in range(len(text) + 1):
        read = [(start, [t.text for t in run]) for start, run in NameReader(text, lex).upto(pos).runs]
        assert read[: len([r for r in whole if r[0] <= pos])] == [r for r in whole if r[0] <= pos]
        assert read == whole[: len(read)]


def test_hyphenated_name_prefix_from_the_pack_stays_in_the_name() -> None:
    s = read("Foreign Minister Walid al-Moualem", "en")
    assert s is not None and s.name == "Walid al-Moualem"
    # the prefixes come from the pack: a word with another lower-case prefix ends the name
    s = read("Foreign Minister Walid ul-Moualem", "en")
    assert s is not None and s.name == "Walid"


def test_naming_phrase_after_a_description_gives_the_name() -> None:
    s = read("The volunteer group known as the Harbour Watch", "en")
    assert s is not None and s.name == "Harbour Watch" and s.role == "volunteer group"
    s = read("seorang pedagang bernama Siti Aminah")
    assert s is not None and s.name == "Siti Aminah" and s.role == "pedagang"
    # after a name it is an alias, and a verb's object is no name
    s = read("Harbour Watch formerly known as the Dock Patrol", "en")
    assert s is None or s.name != "Dock Patrol"
    s = read("Walter Brenn called the report", "en")
    assert s is None or s.name != "report"


def test_naming_phrase_keeps_stop_words_of_the_description_in_the_subject() -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    text = ("A volunteer network based in the old port known as Harbour Watch said the night ferries were "
            "cancelled because of the storm warnings.")
    qs = analyse(Article(id="t", text=text, language="en")).quotes
    assert [q.speaker.name if q.speaker else None for q in qs] == ["Harbour Watch"]


def _speakers(text: str, lang: str = "id") -> list[str | None]:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    return [q.speaker.name if q.speaker else None for q in analyse(Article("t", text, language=lang)).quotes]


def test_a_ministry_or_party_word_before_a_name_belongs_to_the_title() -> None:
    text = ("Menteri Dalam Negeri Bagus Wirawan mengatakan pendaftaran pemilih ditutup pekan depan.\n\n"
            "Ketua Dewan Perwakilan Rakyat Lestari Handayani menyebut rapat paripurna digelar Kamis.\n\n"
            "Sekretaris Jenderal Partai Golkar Darmawan Putra mengatakan partainya tetap solid menjelang pemilu.")
    assert _speakers(text) == ["Bagus Wirawan", "Lestari Handayani", "Darmawan Putra"]


def test_a_cue_or_linking_adverb_at_a_sentence_start_is_no_name_word() -> None:
    text = ("Pengamat pendidikan Rudi Santoso menilai kurikulum baru terlalu padat.\n\n"
            "Menurut Rudi, guru belum mendapat pelatihan yang cukup.\n\n"
            "\"Sekolah di daerah paling terdampak,\" kata Rudi.\n\n"
            "Lebih lanjut Rudi menjelaskan, anggaran pelatihan perlu ditambah.")
    assert _speakers(text) == ["Rudi Santoso"] * 4


def test_after_a_rank_the_name_that_ends_the_phrase_past_the_ranks_field() -> None:
    s = read("Direktur Jenderal Otonomi Daerah Kemendagri Sutrisno Adi")
    assert s is not None and s.name == "Sutrisno Adi"
    t = read("Brigadir Jenderal Hasan Basri, Kapolres Tanjung Priok")
    assert t is not None and t.name == "Hasan Basri"


def test_an_organisation_name_stops_at_its_description_and_a_set_off_name_is_the_speaker() -> None:
    s = read("the Syrian Observatory for Human Rights monitoring group", "en")
    assert s is not None and s.name == "Syrian Observatory for Human Rights"
    t = read("the International Committee of the Red Cross", "en")
    assert t is not None and t.name == "International Committee of the Red Cross"
    u = read("tim Mercedes, Toto Wolff")
    assert u is not None and u.name == "Toto Wolff"


def test_a_capitalised_word_before_a_description_is_no_name_when_a_name_ends_the_phrase() -> None:
    # "Известный британский писатель Иван Петров": the sentence opens with an adjective, the
    # name ends the phrase
    s = read("Известный британский писатель Иван Петров", "ru")
    assert s is not None and s.name == "Иван Петров"
    assert s.role == "Известный британский писатель"
    s = read("Veteran market economist Alex Morgan", "en")
    assert s is not None and s.name == "Alex Morgan"
    # whom it was told is not the speaker ("kepada Kompas" ends the phrase)
    s = read("Johari kepada Harian Rakyat", "id")
    assert s is not None and s.name == "Johari"


def test_a_document_with_no_issuer_named_speaks_for_the_issuer_named_before() -> None:
    text = (
        "Прокуратура Самарской области сообщила, что проверка на заводе продлится до конца месяца.\n\n"
        "Инспекторы уже изучили документы о закупках за последние три года, говорится в пресс-релизе.\n\n"
        "Рабочие завода не получали зарплату два месяца, говорится в сообщении профсоюза металлистов."
    )
    names = _speakers(text, "ru")
    assert names[0] is not None and names[0].startswith("Прокуратура")
    assert names[1] == names[0]
    assert names[2] is not None and "профсоюза металлистов" in names[2] and "сообщени" not in names[2]


def test_an_organisation_then_a_lower_case_title_then_the_person() -> None:
    s = read("Federal Reserve chairman Alan Greenspan", "en")
    assert s is not None and s.name == "Alan Greenspan" and s.role == "Federal Reserve chairman"
    t = read("Rami Abdel Rahman head of the Syrian Observatory", "en")
    assert t is not None and t.name == "Rami Abdel Rahman"


def test_a_title_then_a_name_then_its_affiliation() -> None:
    s = read("Detective Inspector Paul Miller of Thames Valley Police", "en")
    assert s is not None and s.name == "Paul Miller"
    t = read("Singer Alex Kapranos", "en")
    assert t is not None and t.name == "Alex Kapranos"
    u = read("Direktur Kepabeanan Internasional dan Antar Lembaga Robert Leonard Marbun")
    assert u is not None and u.name == "Robert Leonard Marbun"


def test_a_capitalised_word_before_a_lower_case_title_describes_the_speakers() -> None:
    text = ("Local officials said the bridge had been closed since the morning shelling.\n\n"
            "Obama aides told reporters the talks would resume next week in Geneva.\n\n"
            "India's finance minister said the budget would cut the deficit by half.\n\n"
            "Reuters news agency reported that the refinery had stopped production.\n\n"
            "Reuters reported a military source who said the battles were still going on.")
    assert _speakers(text, "en") == ["Local officials", "Obama aides", "India's finance minister", "Reuters",
                                     "Reuters"]
    # where a description follows a name with no comma, the name stays ("Budi warga setempat")
    id_text = "Budi warga setempat mengatakan banjir datang sangat cepat pada malam hari."
    assert _speakers(id_text, "id") == ["Budi"]


def test_a_body_named_in_quotation_marks_inside_a_speaker_phrase() -> None:
    text = ("Представитель тюрьмы «Тихар» сообщил, что заключённый покончил с собой в камере. "
            "Правда, секретарь президиума «Единой России» утверждает, что тема отставки не обсуждалась. "
            "Источник «Интерфакса» утверждает, что в городе был задержан ещё один подозреваемый.")
    assert _speakers(text, "ru") == ["Представитель тюрьмы «Тихар»", "секретарь президиума «Единой России»",
                                     "Источник «Интерфакса»"]


def test_a_title_then_one_inflected_name_is_the_unnamed_holder_of_the_title() -> None:
    from claimtrail.analyzer import analyse
    from claimtrail.model import Article

    text = ("Суд в Берлине отпустил Карима Юсефа под залог. Адвокат Юсефа заявил, что его подзащитный "
            "обжалует решение суда в ближайшие дни. Позже он добавил, что сам Юсеф в суд не явится.\n\n"
            "Министр Юсеф сообщил, что он уволил своего заместителя за нарушение правил.\n\n"
            "Представитель Анкары подчеркнул, что переговоры с соседями будут продолжены.")
    said = [(q.speaker.name if q.speaker else None) for q in analyse(Article("t", text, language="ru")).quotes]
    assert said[:2] == ["Адвокат Юсефа", "Адвокат Юсефа"]  # not Карим Юсеф, whose lawyer speaks
    assert said[-1] == "Представитель Анкары"
    # the word written with endings elsewhere ('Юсефа') is a base form here: the minister himself
    assert said[2] is not None and said[2].startswith("Карим") and "Министр" not in said[2]


def test_an_organisation_name_ends_before_an_apposition_without_a_comma() -> None:
    s = read("The Kurdish Red Crescent a Geneva-based relief group", "en")
    assert s is not None and s.name == "Kurdish Red Crescent"


def test_a_title_of_a_body_then_a_person_gives_the_person() -> None:
    s = read("The Spokesman of the Northern Relief Committee Omar Haddad", "en")
    assert s is not None and s.name == "Omar Haddad"
    t = read("The Northern Relief Committee", "en")
    assert t is not None and t.name == "Northern Relief Committee"


def test_a_field_joined_to_a_title_by_a_link_word_is_no_part_of_the_name() -> None:
    s = read("Secretary of Agriculture Thomas Whitfield", "en")
    assert s is not None and s.name == "Thomas Whitfield" and s.role == "Secretary of Agriculture"
    t = read("the regional governor of Tartus Samir Haddad", "en")
    assert t is not None and t.name == "Samir Haddad"
    # an English title in Indonesian text, a field of two words and a name with a particle
    u = read("Head of Digital Payments Lukas Van Damme")
    assert u is not None and u.name == "Lukas Van Damme"


def test_a_name_written_after_a_field_links_to_the_speaker_read_without_it() -> None:
    text = ("Head of Rumah Belajar Dimas Pratama mengatakan kelas pertama dibuka untuk pelajar SMP.\n\n"
            "\"Kami ingin mereka bisa membuat situs sendiri,\" kata Dimas.")
    assert _speakers(text) == ["Dimas Pratama", "Dimas Pratama"]
