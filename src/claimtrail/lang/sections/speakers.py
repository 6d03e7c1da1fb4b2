"""``speakers.yaml``: how a speaker is named: titles, ranks and honorifics folded into
the mention, pronouns and enclitics resolved to an earlier speaker, words that end a
name phrase.

All entries are words compared case-insensitively, except ``enclitic`` and
``source_nouns`` which are regular expressions.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from claimtrail.lang.sections._types import Regex, Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: personal pronouns that stand for a speaker ("dia", "he", "он")
    pronouns: list[Word] = Field(default_factory=list)
    #: pronouns that may stand for an organisation ("it", "they", "mereka"); the others,
    #: and enclitics, resolve to the last person before any organisation
    group_pronouns: list[Word] = Field(default_factory=list)
    #: a suffix on a speech verb that stands for the speaker ("nya" in "tambahnya")
    enclitic: Regex | None = None
    #: demonstratives that make a described speaker refer back ("ini", "itu", "the")
    demonstratives: list[Word] = Field(default_factory=list)
    #: indefinite words that make a speaker unnamed ("seorang warga", "a resident")
    indefinites: list[Word] = Field(default_factory=list)
    #: words that introduce a name after an unnamed description ("bernama", "named")
    naming: list[Word] = Field(default_factory=list)
    #: job titles and roles ("juru bicara", "kepala", "spokesman"); several words allowed
    titles: list[Word] = Field(default_factory=list)
    #: military and police ranks ("Mayjen", "Irjen")
    ranks: list[Word] = Field(default_factory=list)
    #: honorifics and academic titles before or after a name ("Dr", "Prof", "MA")
    honorifics: list[Word] = Field(default_factory=list)
    #: words inside names that are written in lower case ("bin", "al", "van")
    name_particles: list[Word] = Field(default_factory=list)
    #: lower-case prefixes of name words joined by a hyphen ("al-" in "Bashar al-Assad"):
    #: a word that starts with one goes on a name
    particle_prefixes: list[Word] = Field(default_factory=list)
    #: capitalised words that are never part of a person's name (places, directions)
    not_names: list[Word] = Field(default_factory=list)
    #: words that make a name an organisation ("Kementerian", "Ministry", "министерство")
    org_words: list[Word] = Field(default_factory=list)
    #: words that end a speaker phrase (prepositions, weekdays, "yang", "who")
    stop_words: list[Word] = Field(default_factory=list)
    #: words dropped at the start of a speaker phrase ("namun", "the", "however")
    leading: list[Word] = Field(default_factory=list)
    #: words skipped between a speaker and the verb ("juga", "has", "also")
    between: list[Word] = Field(default_factory=list)
    #: phrases before a speaker that name the channel, not the speaker ("keterangan dari")
    source_nouns: list[Regex] = Field(default_factory=list)
    #: documents that speak for whoever issued them ("statement", "press release"): "the
    #: statement said" is the last speaker, an organisation too, as "it said" is
    documents: list[Word] = Field(default_factory=list)
    #: words between a person's name and the body they belong to ("Paul Miller of Thames Valley
    #: Police", "Budi dari Polda"): after a title, the name is the run before them
    affiliation_words: list[Word] = Field(default_factory=list)
    #: words that join a title to its field before a name ("Secretary of State John Kerry", "Head of
    #: GrabPay Jason Thomson"): in a run of capitalised words after them, the name is at the end; a link
    #: after any title, or a title and its link as two words ("head of")
    title_links: list[Word] = Field(default_factory=list)
    #: endings that make a title plural ("officials", "witnesses"): a phrase of a capitalised word and
    #: lower-case words that ends in a title or its plural describes the speakers, it names nobody
    #: ("Local officials said", "Obama aides said", "a Trump spokesman said")
    title_plural_endings: list[str] = Field(default_factory=list)
    #: a capitalised word right before lower-case words that end in a title describes the titled
    #: speaker ("Local officials", "Obama aides", "Его адвокат"); false where a description follows a
    #: name with no comma ("Budi warga setempat")
    described_titles: bool = False
    #: a capitalised word right after a title and before a name is the title's field, not a first
    #: name ("pelatih Arema Aji Santoso", "президент Болгарии Бойко Борисов"); false where the
    #: field comes before the title ("Observatory director Rami Abdel Rahman")
    field_after_title: bool = False
    #: words that open a clause with no subject to speak ("There was no claim ... which media said"):
    #: a reporting verb in such a clause is given no speaker from before it
    expletives: list[Word] = Field(default_factory=list)
    #: a law, an article of one, a bill or a constitution ("Menurut Undang-Undang Nomor 18 ...", "Согласно
    #: закону, ..."): it opens no clause of someone who speaks, as ``expletives`` do
    laws: list[Word] = Field(default_factory=list)
    #: endings of adjectives: a capitalised one before lower-case words opens a description of the
    #: speakers, not a name ("Местная полиция", "Правозащитные организации")
    adjective_endings: list[str] = Field(default_factory=list)
    #: names are inflected ("Вэнсом" is "Вэнс"): a surname links to a full name by stem
    inflected_names: bool = False
