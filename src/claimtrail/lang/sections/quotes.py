"""``quotes.yaml``: quotation marks and the cues of direct and reported speech.

Verb lists are case-insensitive regular expressions matched as whole words. Packs add
up: a language's file is read together with the ``xx`` file (quotation marks hold in
any language).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimtrail.lang.sections._types import Regex, Word


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: characters that open and close a quotation; a character in both lists is read by
    #: the spaces around it. ``double`` marks enclose quotes, ``single`` ones too when no
    #: double mark is around them.
    double_open: str = ""
    double_close: str = ""
    single_open: str = ""
    single_close: str = ""
    #: quotes shorter than this are not annotated (scare quotes, titles)
    min_chars: int = 20
    #: nouns that name a work, an award, a law or an event before its title in marks ("орденом «За
    #: заслуги перед Отечеством»", "the film "Million Dollar Baby"", "buku "..."): such a phrase with no
    #: speech cue is a title, not a quote
    title_nouns: list[Regex] = Field(default_factory=list)
    #: quotes without a speech cue need at least this many words (titles are short)
    min_words_uncued: int = 4
    #: verbs that stand after a closing quotation mark ("kata", "said", "заявил")
    after_verbs: list[Regex] = Field(default_factory=list)
    #: verbs that cue a quotation opening right after them, besides ``report_verbs``
    #: ('Merrill wrote: "...', 'Clinton responded, "...')
    before_verbs: list[Regex] = Field(default_factory=list)
    #: reporting verbs with a content clause ("mengatakan", "said", "заявил")
    report_verbs: list[Regex] = Field(default_factory=list)
    #: verbs that deny or reject the content; also reporting verbs
    deny_verbs: list[Regex] = Field(default_factory=list)
    #: words that open the content clause and are not part of it ("bahwa", "that", "что")
    complementisers: list[Regex] = Field(default_factory=list)
    #: cues before a speaker and then the content: "menurut X, ...", "according to X"
    according_to: list[Regex] = Field(default_factory=list)
    #: cues that refer to the speaker themselves ("menurutnya", ", katanya,", "dijelaskannya")
    self_cues: list[Regex] = Field(default_factory=list)
    #: cues that attribute the previous sentence ("Hal tersebut dikatakan", "Об этом сообщил")
    back_reference: list[Regex] = Field(default_factory=list)
    #: words that open a subordinate clause; a reporting verb in it is background; two words for a
    #: preposition that opens a clause only with the word after it ("после того как")
    subordinators: list[Regex] = Field(default_factory=list)
    #: auxiliaries that make a following reporting verb passive ("are believed", "was
    #: reported"): no speaker is named, so it is not reported speech
    passive: list[Regex] = Field(default_factory=list)
    #: words right after a reporting verb that make it a passive participle ("a blast claimed by IS",
    #: "a ceasefire announced by Russia"): no report
    passive_after: list[Regex] = Field(default_factory=list)
    #: words right before a reporting verb that make it a purpose or an infinitive, no report
    #: ("bertugas untuk melaporkan kepada Presiden", "refused to say", "чтобы сообщить")
    infinitive_markers: list[Regex] = Field(default_factory=list)
    #: relative pronouns among the subordinators: a reporting verb after one has the subject of the
    #: clause it hangs on ("the monitor which relies on ... says"), not the words after it
    relatives: list[Word] = Field(default_factory=list)
    #: reporting verbs that take a noun object as readily as a clause ("meminta maaf",
    #: "menolak desakan"): reported speech only with a complementiser after them
    #: ("meminta agar ...")
    needs_complementiser: list[Regex] = Field(default_factory=list)
    #: phrases that credit an outlet after a reported clause (", seperti dilansir TASS",
    #: ", as reported by Reuters"): the clause ends before them
    credits: list[Regex] = Field(default_factory=list)
    #: noun objects that may stand between a reporting verb and its complementiser
    #: ("menolak laporan bahwa", "denied reports that", "told reporters that",
    #: "опроверг информацию о том, что"): the clause after the complementiser is reported
    report_objects: list[Regex] = Field(default_factory=list)
    #: participles that report more words of the same speaker (", adding that ...",
    #: ", saying ...", ", добавив, что ...")
    participles: list[Regex] = Field(default_factory=list)
    #: participles right after a reporting verb that end its report without reporting more
    #: ("the monitor said blaming the attack on ...", "he said citing ..."): the content is before
    adjunct_participles: list[Regex] = Field(default_factory=list)
    #: words that give a participle its own subject (", with spokesman Glen Caplin saying,"):
    #: the words between them and the participle name the speaker
    participle_subjects: list[Regex] = Field(default_factory=list)
    #: reporting verbs whose object is the listener, not the speaker ("told"): in "...,
    #: X, a former aide, told The Washington Post" the speaker is before the verb
    listener_verbs: list[Regex] = Field(default_factory=list)
    #: words that join a second report with its own speaker and verb to the first one
    #: ("X said A, while Y said B"): the first clause ends before them
    joiners: list[Regex] = Field(default_factory=list)

    #: verb forms with no subject of their own, a plural one ("заявили", "сообщают"): after a
    #: preposition of place and an organisation ("В МИД России заявили, что ...", "В Кремле сообщили")
    #: the organisation speaks
    impersonal_verbs: list[Regex] = Field(default_factory=list)
    #: prepositions of place that name the organisation an impersonal report comes from ("в", "на")
    locatives: list[Word] = Field(default_factory=list)

    @field_validator("min_chars", "min_words_uncued")
    @classmethod
    def _positive(cls, v: int) -> int:
        if v < 0:
            raise ValueError("must not be negative")
        return v
